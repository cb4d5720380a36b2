"""How long importing the owner matrix takes: 10,000 good CSV rows, checked then applied.

    .venv/bin/python bench/matrix_import_bench.py [--rows 10000] [--database URL]

Makes 5,000 applications and 200 people in a throw-away SQLite file (or the database you
name, whose public data it adds to), writes a CSV with two rows per application (primary
handler and second line), then times: the check alone (`--dry-run`), the import that applies
it, a second import of the same file (nothing to change), and the export. Goal: the import of
10,000 rows in a few seconds.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.models import ConfigurationItem, ImpactLevel, Role, User, UserRole, ensure_schema
from desktop.models import db as dbmod
from desktop.workflow.admin import matrix as admin_matrix
from desktop.workflow.admin.defaults import seed_defaults


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--database", help="default: a throw-away SQLite file")
    args = parser.parse_args()
    url = args.database or f"sqlite:///{Path(tempfile.mkdtemp()) / 'bench.db'}"
    dbmod.connect(url)
    ensure_schema()
    seed_defaults()
    stamp = str(int(time.time()))
    admin = User.create(login=f"bench-admin-{stamp}", name="관리자")
    UserRole.create(user=admin, role=Role.get(Role.code == "admin"))
    User.insert_many([{"login": f"b{stamp}-{i}", "name": f"담당자{i}"} for i in range(200)]).execute()
    impact = ImpactLevel.select().first()
    apps = args.rows // 2
    ConfigurationItem.insert_many([{"code": f"B{stamp}-{i:06d}", "name": f"업무시스템 {i}", "kind": "application",
                                    "impact": impact} for i in range(apps)]).execute()
    lines = ["ci_code,ci_name,role,position,login,name"]
    for i in range(apps):
        lines.append(f"B{stamp}-{i:06d},업무시스템 {i},primary_handler,1,b{stamp}-{i % 200},")
        lines.append(f"B{stamp}-{i:06d},업무시스템 {i},second_line,1,b{stamp}-{(i + 1) % 200},")
    data = ("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8")

    def timed(label: str, fn):
        start = time.perf_counter()
        result = fn()
        print(f"{label:<34} {time.perf_counter() - start:6.2f} s")
        return result

    print(f"{len(lines) - 1:,} rows, {len(data) / 1024:,.0f} KiB, {url.split(':')[0]}")
    dry = timed("check only (--dry-run)", lambda: admin_matrix.import_matrix_csv(
        actor_id=admin.id, data=data, dry_run=True))
    done = timed("import (check + apply, 1 txn)", lambda: admin_matrix.import_matrix_csv(
        actor_id=admin.id, data=data))
    again = timed("same file again (no change)", lambda: admin_matrix.import_matrix_csv(
        actor_id=admin.id, data=data))
    exported = timed("export whole matrix", lambda: admin_matrix.export_matrix_csv(actor_id=admin.id))
    assert not dry.errors and done.applied and again.cells == 0, (dry.errors[:3], done, again)
    exported_rows = exported.count(b"\n") - 1
    print(f"cells changed: {done.cells:,}; second import changed {again.cells}; export {exported_rows:,} rows")


if __name__ == "__main__":
    main()
