"""How long exporting a big list takes, and how much memory it holds: 100,000 incidents to CSV and to XLSX.

    .venv/bin/python bench/export_bench.py [--incidents 100000] [--database URL] [--sort KEY] [--json]

Without --database, builds (once, then reuses) a SQLite file of N incidents with
bench/generate.py in the temp folder; with it, the database must hold data already (e.g.
from generate.py). Each format runs in its own process, as the GUI's export would on a
worker: it exports the whole incident list, newest first (or by --sort), as the demo
administrator sees it, in Korean, and prints the rows, the seconds, the file size, and the
process's peak RSS next to its RSS before the export started — the export streams page by
page, so the peak should stay near the baseline whatever the number of rows.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _rss_mb() -> float:
    """Peak RSS of this process so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _child(url: str, fmt: str, sort_key: str, out: Path) -> None:
    from desktop.models import Role, User, UserRole
    from desktop.models import db as dbmod
    from desktop.workflow.cases.queries import Sort, list_incidents
    from desktop.workflow.integrations.export import ExportSpec, export_list

    dbmod.connect(url)
    admin = (User.select(User.id).join(UserRole).join(Role).where(Role.code == "admin").order_by(User.id).first())
    list_incidents(actor_id=admin.id, limit=1)  # warm the imports and the connection like an open list would
    before = _rss_mb()
    started = time.perf_counter()
    result = export_list(actor_id=admin.id, spec=ExportSpec(kind="incident", sort=Sort(sort_key, True)), path=out,
                         fmt=fmt, language="ko", time_zone="Asia/Seoul")
    seconds = time.perf_counter() - started
    print(json.dumps({"format": fmt, "rows": result.rows, "seconds": round(seconds, 2),
                      "rows_per_second": round(result.rows / seconds) if seconds else None,
                      "file_mb": round(out.stat().st_size / 1e6, 1), "rss_before_mb": round(before, 1),
                      "peak_rss_mb": round(_rss_mb(), 1)}))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--incidents", type=int, default=100_000, help="rows to generate when no --database")
    parser.add_argument("--database", metavar="URL", help="a database with data (default: a generated SQLite file)")
    parser.add_argument("--sort", default="registered_at", help="sort key of the list (e.g. grade, sla_due)")
    parser.add_argument("--formats", default="csv,xlsx")
    parser.add_argument("--json", action="store_true", help="one JSON line per format")
    parser.add_argument("--child", metavar="FORMAT", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    url = args.database
    if url is None:
        path = Path(tempfile.gettempdir()) / f"beacon-export-bench-{args.incidents}.db"
        url = f"sqlite:///{path}"
        if not path.exists():
            print(f"generating {args.incidents:,} incidents into {path} (once) …", file=sys.stderr)
            subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), "--incidents", str(args.incidents),
                            "--database", url, "--seed", "7"], check=True)
    if args.child:
        _child(url, args.child, args.sort, Path(args.out))
        return 0
    folder = Path(tempfile.mkdtemp(prefix="beacon-export-bench-"))
    for fmt in args.formats.split(","):
        out = folder / f"incidents.{fmt}"
        done = subprocess.run([sys.executable, __file__, "--database", url, "--sort", args.sort, "--child", fmt,
                               "--out", str(out)], check=True, capture_output=True, text=True)
        figures = json.loads(done.stdout.strip().splitlines()[-1])
        out.unlink()
        if args.json:
            print(json.dumps(figures))
        else:
            print(f"{fmt:>4}: {figures['rows']:,} rows in {figures['seconds']:.1f} s "
                  f"({figures['rows_per_second']:,} rows/s), {figures['file_mb']} MB; "
                  f"RSS {figures['rss_before_mb']} MB before, peak {figures['peak_rss_mb']} MB")
    folder.rmdir()
    return 0


if __name__ == "__main__":
    sys.exit(main())
