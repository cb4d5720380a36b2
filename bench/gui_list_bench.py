"""How fast the incident list opens and scrolls on a big database, and how much memory it holds.

    python bench/gui_list_bench.py [--incidents N] [--database PATH|URL] [--scroll-to ROWS] [--runs 5] [--json]
                                   [--login admin --password beacon]

With --incidents, builds (once) a SQLite database with N demo incidents; otherwise the
database must hold data already (e.g. from bench/generate.py). Then opens the real main
window offscreen, shows the incident list, and scrolls as a user would — page after page
of 200 — to row --scroll-to (default: 50 pages). Prints the time to the first page, per
further page, to reach the row, and the process's peak RSS; --json prints one JSON line.
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

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("BEACON_FAST_HASH", "1")
os.environ.setdefault("BEACON_BENCH", "1")  # the fast hash is allowed in tests and benchmarks only
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--incidents", type=int, help="build a demo database with this many incidents if needed")
    parser.add_argument("--database", default="/tmp/beacon-bench-100k.db", help="a SQLite path or a database URL")
    parser.add_argument("--scroll-to", type=int, default=50 * 200 + 200, metavar="ROWS")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="print one JSON line instead of text")
    parser.add_argument("--language", choices=("ko", "en"), default="ko")
    parser.add_argument("--theme", choices=("light", "dark"), default="light")
    parser.add_argument("--screenshot", metavar="PNG", help="save the window, scrolled to the last row, here")
    parser.add_argument("--login", default="admin", help="who signs in (on PostgreSQL: their own login)")
    parser.add_argument("--password", default="beacon", help="their password (default: the demo's)")
    args = parser.parse_args()
    from desktop.demo.bank import demo_counts, load_demo
    from desktop.models import db as dbmod
    from desktop.models import ensure_schema
    from desktop.workflow.admin.defaults import seed_defaults

    url = args.database if "://" in args.database else f"sqlite:///{args.database}"
    dbmod.connect(url)
    ensure_schema()
    if args.incidents:
        seed_defaults()
        if demo_counts().incidents < args.incidents:
            started = time.perf_counter()
            load_demo(incidents=args.incidents, problems=200)
            print(f"generated {args.incidents} incidents in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QAbstractItemView

    from desktop.app import _application, open_main_window
    from desktop.config import Settings
    from desktop.views.table_models import PAGE
    from desktop.workflow.common.session import authenticate

    settings = Settings(database_url=url, language=args.language, theme=args.theme)
    app = _application(settings)  # as the client starts: fonts, theme, translations
    actor = authenticate(args.login, args.password)
    first, per_page, scroll = [], [], []
    rows = 0
    for _ in range(args.runs):
        started = time.perf_counter()
        window = open_main_window(settings, actor, background=False)
        window.nav.setCurrentRow(1)
        model = window.pages["incidents"].model
        model.wait_until_loaded()  # the first page is read on the thread pool
        first.append(time.perf_counter() - started)
        held = model.rowCount()
        started = time.perf_counter()
        # the user drags the scroll bar down: one more page of 200 each time the view nears the end
        rows = model.fetch_all_to(args.scroll_to, chunk=PAGE)
        took = time.perf_counter() - started
        scroll.append(took)
        per_page.append(took / max(1, (rows - held) / 200))
        if args.screenshot:
            page = window.pages["incidents"]
            page.findChild(QAbstractItemView).scrollToBottom()
            app.processEvents()
            window.grab().save(args.screenshot)
        window.close()
        window.deleteLater()  # the next run starts from a fresh window, as after a restart
        app.processEvents()
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        model = window = None  # drop this run's rows before the next run loads its own
        gc.collect()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result = {
        "incidents": demo_counts().incidents, "rows": rows, "first_page_ms": statistics.median(first) * 1000,
        "page_ms": statistics.median(per_page) * 1000, "scroll_s": statistics.median(scroll),
        "scroll_runs_s": scroll, "peak_rss_mb": peak_mb,
    }
    if args.json:
        print(json.dumps(result))
        return 0
    print(f"incidents in database: {result['incidents']}")
    print(f"main window + first page of the incident list: median {result['first_page_ms']:.0f} ms, "
          f"max {max(first) * 1000:.0f} ms")
    print(f"each further page of 200 (to row {rows}): median {result['page_ms']:.1f} ms; "
          f"to row {rows}: median {result['scroll_s']:.2f} s")
    print(f"peak RSS: {peak_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
