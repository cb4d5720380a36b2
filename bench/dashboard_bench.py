"""How fast the dashboard loads on a big database: `python bench/dashboard_bench.py [--incidents N] [--postgres URL]`.

Builds (once) a database with N demo incidents (SQLite by default, or the PostgreSQL at URL — its
tables are dropped and refilled when they hold fewer incidents), then prints the time of
`load_dashboard` and of each of its parts, and the time from opening the real page offscreen to
its figures arriving from the thread pool, with how long the UI thread itself was busy.
`--try-indexes` also times the trend and the whole dashboard with two candidate indexes
(incident(state, closed_at) for the closed counts, sla_clock(case_id, kind, met) so the rates'
join reads the index only), created and dropped again around the measurement.
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
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

RUNS = 5


def timed(fn: Callable[[], object], runs: int = RUNS) -> tuple[float, float]:
    """Median and max seconds of `runs` calls."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times), max(times)


def show(label: str, figures: tuple[float, float]) -> None:
    print(f"  {label:<38} median {figures[0] * 1000:7.1f} ms   max {figures[1] * 1000:7.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--incidents", type=int, default=100_000)
    parser.add_argument("--database", default="/tmp/beacon-dash-bench-100k.db", help="SQLite file")
    parser.add_argument("--postgres", default="", help="a PostgreSQL URL to use instead of SQLite")
    parser.add_argument("--try-indexes", action="store_true")
    args = parser.parse_args()
    from desktop.models import User, database, ensure_schema
    from desktop.models import db as dbmod
    from desktop.workflow.defaults import seed_defaults
    from desktop.workflow.demo import demo_counts, load_demo

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

    from desktop.workflow import dashboard as d
    from desktop.workflow.process import definition

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
    if args.try_indexes:
        candidates = {"bench_incident_state_closed_at": "incident (state, closed_at)",
                      "bench_sla_clock_case_kind_met": "sla_clock (case_id, kind, met)"}
        for name, on in candidates.items():
            database.execute_sql(f"CREATE INDEX {name} ON {on}")
        database.execute_sql("ANALYZE")
        try:
            print("with both candidate indexes:")
            show("12-month trend", timed(lambda: d.trend(months, zone, None)))
            show("whole dashboard", timed(lambda: d.load_dashboard(actor_id=admin)))
        finally:
            for name in candidates:
                database.execute_sql(f"DROP INDEX {name}")

    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from desktop.views.dashboard import DashboardPage
    from desktop.views.session import ClientSession
    from desktop.workflow.actors import load_actor

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
    show("open → figures shown (pool load)", (statistics.median(to_figures), max(to_figures)))
    show("UI thread busy (build + draw once)", (statistics.median(ui_busy), max(ui_busy)))


if __name__ == "__main__":
    main()
