"""What the CI and user administration screens cost on a large organisation.

    .venv/bin/python bench/admin_people_bench.py [--cis 10000] [--users 5000] [--runs 5]

Fills a throw-away SQLite file with `--cis` configuration items (a tenth applications, each
running on a server and depending on a database: two relations per application) and
`--users` users in 50 teams, then prints the median of:
  - `list_cis` with no filter and with a search word (what each keystroke in the search box runs);
  - `CiEditor.refresh()` building the tree offscreen;
  - `add_relation` with the depends-on cycle check over every relation;
  - `list_users` and `UsersPanel.refresh()`.
Goals: a search keystroke under 100 ms, a full tree refresh under 500 ms, a relation added under 50 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("BEACON_FAST_HASH", "1")
os.environ.setdefault("BEACON_BENCH", "1")  # the fast hash is allowed in tests and benchmarks only
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.models import (
    CIRelation,
    ConfigurationItem,
    ImpactLevel,
    Role,
    Team,
    User,
    UserRole,
    database,
    ensure_schema,
)
from desktop.models import db as dbmod
from desktop.workflow.admin import cis as admin_cis
from desktop.workflow.admin import people as admin_people
from desktop.workflow.admin.defaults import seed_defaults


def median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def fill(cis: int, users: int) -> int:
    """The data; returns the administrator's id."""
    impact = ImpactLevel.get(ImpactLevel.code == "medium").id
    with database.atomic():
        teams = [Team.create(code=f"T{i}", name=f"팀{i}", name_en=f"Team {i}").id for i in range(50)]
        rows = [{"login": f"u{i}", "name": f"사용자{i}", "name_en": f"User {i}", "team": teams[i % 50],
                 "email": f"u{i}@bank.example"} for i in range(users)]
        for start in range(0, len(rows), 500):
            User.insert_many(rows[start:start + 500]).execute()
        admin = User.create(login="admin", name="관리자", name_en="Administrator")
        UserRole.create(user=admin, role=Role.get(Role.code == "admin"))
        apps = cis // 10
        kinds = ["server", "database"] * ((cis - apps) // 2 + 1)
        items = ([{"code": f"APP-{i:05d}", "name": f"업무시스템 {i}", "name_en": f"Application {i}",
                   "kind": "application", "impact": impact} for i in range(apps)]
                 + [{"code": f"{kinds[i][:2].upper()}-{i:05d}", "name": f"{kinds[i]} {i}", "kind": kinds[i]}
                    for i in range(cis - apps)])
        for start in range(0, len(items), 500):
            ConfigurationItem.insert_many(items[start:start + 500]).execute()
        ids = {code: i for i, code in ConfigurationItem.select(ConfigurationItem.id, ConfigurationItem.code).tuples()}
        relations = []
        for a in range(apps):
            relations.append({"source": ids[f"APP-{a:05d}"], "target": ids[f"SE-{2 * a:05d}"], "kind": "runs_on"})
            relations.append({"source": ids[f"APP-{a:05d}"], "target": ids[f"DA-{2 * a + 1:05d}"],
                              "kind": "depends_on"})
        for start in range(0, len(relations), 500):
            CIRelation.insert_many(relations[start:start + 500]).execute()
    return int(admin.id)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cis", type=int, default=10_000)
    parser.add_argument("--users", type=int, default=5_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    url = f"sqlite:///{Path(tempfile.mkdtemp()) / 'bench.db'}"
    dbmod.connect(url)
    ensure_schema()
    seed_defaults()
    admin = fill(args.cis, args.users)

    from PySide6.QtWidgets import QApplication

    from desktop.views.admin.cis import CiEditor
    from desktop.views.admin.users import UsersPanel
    from desktop.views.session import ClientSession
    from desktop.workflow.common.actors import load_actor

    app = QApplication.instance() or QApplication([])
    session = ClientSession(actor=load_actor(admin), database_url=url, language="ko")
    print(f"{args.cis} CIs ({CIRelation.select().count()} relations), {args.users} users; median of {args.runs}")
    print(f"list_cis (all)                 {median_ms(lambda: admin_cis.list_cis(), args.runs):8.1f} ms")
    print(f"list_cis (search '0042')       {median_ms(lambda: admin_cis.list_cis(text='0042'), args.runs):8.1f} ms")
    editor = CiEditor(session)
    print(f"CiEditor.refresh (all)         {median_ms(editor.refresh, args.runs):8.1f} ms")
    editor.search.setText("0042")
    typed = median_ms(lambda: editor.refresh(choices=False), args.runs)  # what a pause in typing runs
    print(f"CiEditor.refresh (search)      {typed:8.1f} ms")
    servers = [r.id for r in admin_cis.list_cis(kind="server")][: args.runs * 2]
    databases = [r.id for r in admin_cis.list_cis(kind="database")][: args.runs * 2]
    pairs = iter(zip(servers, databases, strict=False))

    def add() -> None:
        source, target = next(pairs)
        admin_cis.add_relation(actor_id=admin, source_id=source, target_id=target, kind="depends_on")

    print(f"add_relation (cycle check)     {median_ms(add, args.runs):8.1f} ms")
    print(f"list_users (all)               {median_ms(lambda: admin_people.list_users(), args.runs):8.1f} ms")
    search_users = median_ms(lambda: admin_people.list_users(text="사용자42"), args.runs)
    print(f"list_users (search '사용자42') {search_users:8.1f} ms")
    panel = UsersPanel(session)
    panel.active_filter.setCurrentIndex(2)
    print(f"UsersPanel.refresh (all)       {median_ms(panel.refresh, args.runs):8.1f} ms")
    app.processEvents()


if __name__ == "__main__":
    main()
