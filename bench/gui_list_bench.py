"""How fast the incident list opens and jumps on a big database, and how much memory it holds.

    python bench/gui_list_bench.py [--incidents N] [--database PATH|URL] [--jump-to ROW] [--runs 5] [--json]
                                   [--login admin --password beacon] [--screenshot PNG]

With --incidents, builds (once) a SQLite database with N demo incidents; otherwise the
database must hold data already (e.g. from bench/generate.py). Then opens the real main
window offscreen, shows the incident list and, as a user would: waits for the first page
(window + first page), for the total in the footer (count) and the seek keys (anchors), drags
the scroll bar to row --jump-to (default 500,000, or the middle of a smaller list) and waits
until every row in view is read (jump), then presses Ctrl+End (end). Prints each time, the rows
the list read, its RSS at the end position and the process's peak RSS; --json prints one line.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import statistics
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("BEACON_FAST_HASH", "1")
os.environ.setdefault("BEACON_BENCH", "1")  # the fast hash is allowed in tests and benchmarks only
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def rss_mb() -> float:
    """The process's resident memory now (not its peak)."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--incidents", type=int, help="build a demo database with this many incidents if needed")
    parser.add_argument("--database", default="/tmp/beacon-bench-100k.db", help="a SQLite path or a database URL")
    parser.add_argument("--jump-to", type=int, default=500_000, metavar="ROW",
                        help="row the scroll bar is dragged to (the middle when the list is shorter)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="print one JSON line instead of text")
    parser.add_argument("--language", choices=("ko", "en"), default="ko")
    parser.add_argument("--theme", choices=("light", "dark"), default="light")
    parser.add_argument("--size", default="1366x768", help="the window's size, WIDTHxHEIGHT")
    parser.add_argument("--screenshot", metavar="PNG", help="save the window at the jumped-to row here "
                        "(and at the end as PNG with -end before the suffix)")
    parser.add_argument("--login", default="admin", help="who signs in (on PostgreSQL: their own login)")
    parser.add_argument("--password", default="beacon", help="their password (default: the demo's)")
    parser.add_argument("--read-only", action="store_true", help="act as --login without signing in (signing in "
                        "records the time), on a read-only connection: for a shared benchmark database nobody may "
                        "write to (a PostgreSQL URL may add ?options=-c%%20default_transaction_read_only%%3Don)")
    args = parser.parse_args()
    from desktop.demo.bank import demo_counts, load_demo
    from desktop.models import db as dbmod
    from desktop.models import ensure_schema
    from desktop.workflow.admin.defaults import seed_defaults

    url = args.database if "://" in args.database else f"sqlite:///{args.database}"
    dbmod.connect(url)
    if args.incidents:
        ensure_schema()
        seed_defaults()
        if demo_counts().incidents < args.incidents:
            started = time.perf_counter()
            load_demo(incidents=args.incidents, problems=200)
            print(f"generated {args.incidents} incidents in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtTest import QTest

    from desktop.app import _application, open_main_window
    from desktop.config import Settings
    from desktop.workflow.common.session import authenticate

    settings = Settings(database_url=url, language=args.language, theme=args.theme)
    app = _application(settings)  # as the client starts: fonts, theme, translations
    if args.read_only:
        from desktop.models import User
        from desktop.workflow.common.actors import load_actor

        actor = load_actor(User.get(User.login == args.login).id)
    else:
        actor = authenticate(args.login, args.password)
    width, height = (int(x) for x in args.size.split("x"))
    figures: dict[str, list[float]] = {k: [] for k in ("first", "count", "anchors", "jump", "end", "rss_end")}
    row = total = 0
    read = (0, 0)
    for _ in range(args.runs):
        started = time.perf_counter()
        window = open_main_window(settings, actor, background=False)
        window.resize(width, height)
        window.nav.setCurrentRow(1)
        page = window.pages["incidents"]
        model, view = page.model, page.view
        model.wait_until_loaded()  # the first page is read on the thread pool
        figures["first"].append(time.perf_counter() - started)
        model.wait_until_counted(600_000)
        figures["count"].append(time.perf_counter() - started)
        model.wait_until(lambda m=model: m.anchored, 600_000)
        figures["anchors"].append(time.perf_counter() - started)
        total = model.rowCount()
        row = min(args.jump_to, total // 2)

        def in_view(view: Any = view, model: Any = model, total: int = total) -> bool:
            app.processEvents()  # paints ask for the rows in view; arrived windows fill them
            top, bottom = view.rowAt(0), view.rowAt(view.viewport().height() - 1)
            bottom = total - 1 if bottom < 0 else bottom
            return top >= 0 and all(model.row_at(r) is not None for r in range(top, bottom + 1))

        before = (model.fetches, model.rows_fetched)
        bar = view.verticalScrollBar()
        jumped = time.perf_counter()
        bar.setSliderDown(True)  # the handle is dragged there and let go
        bar.setSliderPosition(row)
        bar.setSliderDown(False)
        model.wait_until(in_view, 60_000)
        figures["jump"].append(time.perf_counter() - jumped)
        read = (model.fetches - before[0], model.rows_fetched - before[1])
        if args.screenshot:
            window.grab().save(args.screenshot)
        view.setCurrentIndex(model.index(view.rowAt(0), 0))
        ended = time.perf_counter()
        QTest.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        model.wait_until(in_view, 60_000)
        figures["end"].append(time.perf_counter() - ended)
        if args.screenshot:
            end = Path(args.screenshot)
            window.grab().save(str(end.with_name(f"{end.stem}-end{end.suffix}")))
        gc.collect()
        figures["rss_end"].append(rss_mb())
        window.close()
        window.deleteLater()  # the next run starts from a fresh window, as after a restart
        app.processEvents()
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        model = view = page = window = None  # drop this run's rows before the next run loads its own
        gc.collect()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    ms = {k: statistics.median(v) * 1000 for k, v in figures.items() if k != "rss_end"}
    result = {
        "incidents": total, "row": row, "first_page_ms": ms["first"], "count_ms": ms["count"],
        "anchors_ms": ms["anchors"], "jump_ms": ms["jump"], "jump_runs_ms": [j * 1000 for j in figures["jump"]],
        "end_ms": ms["end"], "jump_fetches": read[0], "jump_rows_read": read[1],
        "rss_end_mb": max(figures["rss_end"]), "peak_rss_mb": peak_mb,
    }
    if args.json:
        print(json.dumps(result))
        return 0
    print(f"incidents in the list: {total:,}")
    print(f"main window + first page of the incident list: median {ms['first']:.0f} ms")
    print(f"total in the footer: {ms['count']:.0f} ms after opening; seek keys: {ms['anchors']:.0f} ms")
    print(f"drag to row {row:,}: median {ms['jump']:.1f} ms ({read[0]} reads, {read[1]} rows); "
          f"Ctrl+End: median {ms['end']:.1f} ms")
    print(f"RSS at the end position: {result['rss_end_mb']:.0f} MB; peak RSS: {peak_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
