"""How fast the dashboard loads on a big database: `python bench/dashboard_bench.py [--incidents N] [--postgres URL]`.

Builds (once) a database with N demo incidents (SQLite by default, or the PostgreSQL at URL — its
tables are dropped and refilled when they hold fewer incidents), then prints the time of
`load_dashboard` and of each of its parts, and the time from opening the real page offscreen to
its figures arriving from the thread pool, with how long the UI thread itself was busy.
`--try-index` also times the trend and the whole dashboard with the candidate index
incident(state, closed_at) for the closed counts (created, then dropped again). A covering
sla_clock(case_id, kind, met) for the rates' join was tried too and saved only ~10 %.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("BEACON_FAST_HASH", "1")
os.environ.setdefault("BEACON_BENCH", "1")  # the fast hash is allowed in tests and benchmarks only
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

RUNS = 5


def timed(fn: Callable[[], object], runs: int = RUNS) -> list[float]:
    """Seconds of each of `runs` calls."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return times


def show(label: str, times: list[float]) -> None:
    """Min (the figure least disturbed by other work on the machine), median and max."""
    print(f"  {label:<40} min {min(times) * 1000:7.1f}   median {statistics.median(times) * 1000:7.1f}"
          f"   max {max(times) * 1000:7.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--incidents", type=int, default=100_000)
    parser.add_argument("--database", default="/tmp/beacon-dash-bench-100k.db", help="SQLite file")
    parser.add_argument("--postgres", default="", help="a PostgreSQL URL to use instead of SQLite")
    parser.add_argument("--try-index", action="store_true")
    args = parser.parse_args()
    from desktop.demo.bank import demo_counts, load_demo
    from desktop.models import User, database, ensure_schema
    from desktop.models import db as dbmod
    from desktop.workflow.admin.defaults import seed_defaults

    url = args.postgres or f"sqlite:///{args.database}"
    dbmod.connect(url)
    if args.postgres:
        ensure_schema()
        seed_defaults()
        if demo_counts().incidents < args.incidents:
            database.execute_sql("DROP SCHEMA IF EXISTS public CASCADE")
            database.execute_sql("CREATE SCHEMA public")
    ensure_schema()
    seed_defaults()
    if demo_counts().incidents < args.incidents:
        started = time.perf_counter()
        load_demo(incidents=args.incidents, problems=200)
        print(f"generated {args.incidents} incidents in {time.perf_counter() - started:.1f} s")

    from zoneinfo import ZoneInfo

    from desktop.workflow.cases import dashboard as d
    from desktop.workflow.engine.process import definition

    admin = User.get(User.login == "admin").id
    data = d.load_dashboard(actor_id=admin)
    backend = "PostgreSQL" if args.postgres else "SQLite"
    print(f"{backend}: {demo_counts().incidents} incidents, {data.open_total} open, "
          f"{data.breached_clocks} clocks past due, {sum(m.registered for m in data.trend)} in the 12 months")
    open_states = definition("incident").open_states()
    zone = ZoneInfo("Asia/Seoul")
    months = d.months_back(data.year, data.month, d.TREND_MONTHS)
    print("load_dashboard (workflow, one thread):")
    show("whole dashboard", timed(lambda: d.load_dashboard(actor_id=admin)))
    show("open incidents by grade and state", timed(lambda: d.open_counts(open_states, None)))
    show("about to breach (20 clocks)", timed(lambda: d.at_risk_clocks(open_states, None, data.generated_at)))
    show("clocks past due (count)", timed(lambda: d.breached_count(open_states, None, data.generated_at)))
    show("this month's rates by grade", timed(lambda: d.incident_kpis(
        start=data.month_start, end=data.month_end, group_by="grade", spread=False)))
    show("this month's rates by application", timed(lambda: d.incident_kpis(
        start=data.month_start, end=data.month_end, group_by="application", spread=False)))
    show("12-month trend", timed(lambda: d.trend(months, zone, None)))
    show("(rates by grade with medians, backlog)", timed(lambda: d.incident_kpis(
        start=data.month_start, end=data.month_end, group_by="grade")))
    if args.try_index:
        database.execute_sql("CREATE INDEX bench_incident_state_closed_at ON incident (state, closed_at)")
        try:
            print("with an index on incident (state, closed_at):")
            show("12-month trend", timed(lambda: d.trend(months, zone, None)))
            show("whole dashboard", timed(lambda: d.load_dashboard(actor_id=admin)))
        finally:
            database.execute_sql("DROP INDEX bench_incident_state_closed_at")

    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from desktop.views.dashboard import DashboardPage
    from desktop.views.session import ClientSession
    from desktop.workflow.common.actors import load_actor

    app = QApplication.instance() or QApplication(sys.argv)
    session = ClientSession(actor=load_actor(admin), database_url=url, language="ko")
    to_figures, ui_busy = [], []
    for _ in range(RUNS):
        loop = QEventLoop()
        started = time.perf_counter()
        page = DashboardPage(session)
        built = time.perf_counter() - started
        page.sig_loaded.connect(loop.quit)
        page.resize(1280, 900)
        if page.loading:
            loop.exec()  # the UI thread idles in its event loop while the pool reads
        to_figures.append(time.perf_counter() - started)
        drawn = time.perf_counter()
        page.show_dashboard(page.data)
        page.content.grab()
        ui_busy.append(built + time.perf_counter() - drawn)
        page.deleteLater()
        app.processEvents()
    print("the page (offscreen, Korean):")
    show("open → figures shown (pool load)", to_figures)
    show("UI thread busy (build + draw once)", ui_busy)
    print(f"load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
