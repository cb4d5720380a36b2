"""Cold start of the built bundle (`make dist` first): process start to signed-in main window with its first page.

    .venv/bin/python bench/bundle_start_bench.py [--runs 5]

Prepares a demo SQLite database once, then starts `dist/beacon/beacon --smoke-test` on it `--runs` times,
each with a fresh empty HOME (qt-material writes its icons there on a first start) and again with one warm
HOME; prints the whole-process time and the smoke test's own phases. PLATFORM.md's figure is ~0.4 s.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "dist" / "beacon" / "beacon"


def start(home: Path, url: str) -> tuple[float, str]:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen",
           "BEACON_SITE_CONFIG": ""}
    began = time.perf_counter()
    done = subprocess.run([str(BUNDLE), "--smoke-test", "--database", url], env=env, capture_output=True, text=True,
                          timeout=300, check=False)
    elapsed = time.perf_counter() - began
    if done.returncode != 0:
        raise SystemExit(f"smoke test failed ({done.returncode}): {done.stdout}{done.stderr[-2000:]}")
    return elapsed, done.stdout.strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not BUNDLE.exists():
        raise SystemExit(f"no bundle at {BUNDLE}: run `make dist` first")
    with tempfile.TemporaryDirectory(prefix="beacon-bundle-bench-") as tmp:
        work = Path(tmp)
        url = f"sqlite:///{work / 'beacon.db'}"
        warm = work / "warm"
        warm.mkdir()
        start(warm, url)  # creates the demo database and the warm HOME
        for label, homes in (("fresh empty HOME", None), ("warm HOME", warm)):
            times = []
            for run in range(args.runs):
                home = homes or work / f"fresh{run}"
                home.mkdir(exist_ok=True)
                elapsed, line = start(home, url)
                times.append(elapsed)
            print(f"{label}: median {statistics.median(times):.2f} s, min {min(times):.2f} s, max {max(times):.2f} s "
                  f"over {args.runs} starts; last: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
