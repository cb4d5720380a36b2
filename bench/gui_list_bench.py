"""How fast the incident list opens on a big database: `python bench/gui_list_bench.py [--incidents N]`.

Builds (once) a SQLite database with N demo incidents, then opens the real main window
offscreen and prints the time to the first page, to a page 50 pages deep, and the peak RSS.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("BEACON_FAST_HASH", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--incidents", type=int, default=100_000)
    parser.add_argument("--database", default="/tmp/beacon-bench-100k.db")
    args = parser.parse_args()
    from desktop.models import db as dbmod
    from desktop.models import ensure_schema
    from desktop.workflow.defaults import seed_defaults
    from desktop.workflow.demo import demo_counts, load_demo

    url = f"sqlite:///{args.database}"
    dbmod.connect(url)
    ensure_schema()
    seed_defaults()
    if demo_counts().incidents < args.incidents:
        started = time.perf_counter()
        load_demo(incidents=args.incidents, problems=200)
        print(f"generated {args.incidents} incidents in {time.perf_counter() - started:.1f} s")
    from PySide6.QtWidgets import QApplication

    from desktop.app import open_main_window
    from desktop.config import Settings
    from desktop.workflow.session import authenticate

    _app = QApplication.instance() or QApplication(sys.argv)  # kept alive for the whole run
    actor = authenticate("admin", "beacon")
    first, deep = [], []
    for _ in range(5):
        started = time.perf_counter()
        window = open_main_window(Settings(database_url=url), actor, background=False)
        window.nav.setCurrentRow(1)
        page = window.pages["incidents"]
        page.model.wait_until_loaded()  # the first page is read on the thread pool
        first.append(time.perf_counter() - started)
        started = time.perf_counter()
        page.model.fetch_all_to(page.model.rowCount() + 50 * 200)
        deep.append((time.perf_counter() - started) / 50)
        rows = page.model.rowCount()
        window.close()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"incidents in database: {demo_counts().incidents}")
    print(f"main window + first page of the incident list: median {statistics.median(first) * 1000:.0f} ms, "
          f"max {max(first) * 1000:.0f} ms")
    print(f"each further page of 200 (to row {rows}): median {statistics.median(deep) * 1000:.1f} ms")
    print(f"peak RSS: {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
