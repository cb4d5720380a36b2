"""What driving each case by its own process version costs: case_detail, a transition, a registration.

    .venv/bin/python bench/process_version_bench.py [--runs 30] [--database URL]

Builds an incident in handling in a throw-away SQLite file (or the database you name, which
must have the schema) and prints, for `case_detail`, a wait+resume pair of transitions and a
registration: SQL statements per call and the median time. With `--old-version` it first saves
a second version of the incident process (when this checkout has versioning) so the measured
case runs on an older version than the one in force — the path that loads a stored version.
The same script runs on a checkout without versioning (the "before" figures).
Goal: no more than one extra statement per call and case_detail / transition medians within
a millisecond of the figures before versioning.
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
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.models import (
    ConfigurationItem,
    ImpactLevel,
    OwnerMatrixEntry,
    Role,
    Team,
    User,
    UserRole,
    database,
    ensure_schema,
)
from desktop.models import db as dbmod
from desktop.workflow.admin.defaults import seed_defaults
from desktop.workflow.cases import case_service as cs
from desktop.workflow.cases.detail import case_detail
from desktop.workflow.common.cases import load_row

EXTRA_STATE = """
[states.on_hold]
label = { ko = "보류", en = "On hold" }
stage = 3

[transitions.hold]
label = { ko = "보류", en = "Put on hold" }
from = ["in_progress"]
to = "on_hold"
roles = ["handler", "admin"]

[transitions.release]
label = { ko = "보류 해제", en = "Release" }
from = ["on_hold"]
to = "in_progress"
roles = ["handler", "admin"]
"""


class Counter:
    """Counts SQL statements while installed."""

    def __init__(self) -> None:
        self.total = 0
        self._real = database.obj.execute_sql

    def __enter__(self) -> Counter:
        def counting(sql, params=None, *args, **kwargs):  # type: ignore[no-untyped-def]
            self.total += 1
            return self._real(sql, params, *args, **kwargs)

        database.obj.execute_sql = counting
        return self

    def __exit__(self, *_exc: object) -> None:
        del database.obj.execute_sql


def build() -> tuple[int, dict[str, int], int]:
    team = Team.create(code="CH-OPS", name="채널운영팀", name_en="Channel Operations")
    people: dict[str, int] = {}
    for login, roles in (("kim", ("customer",)), ("lee", ("handler",)), ("adm", ("admin",))):
        user = User.create(login=login, name=login, team=None if login == "kim" else team)
        people[login] = user.id
        for code in roles:
            UserRole.create(user=user, role=Role.get(Role.code == code))
    app = ConfigurationItem.create(code="APP-IB", name="인터넷뱅킹", name_en="Internet Banking", kind="application",
                                   impact=ImpactLevel.get(ImpactLevel.code == "high"), team=team)
    OwnerMatrixEntry.create(ci=app, role=Role.get(Role.code == "primary_handler"), user=people["lee"], position=0)
    case = cs.register_incident(actor_id=people["kim"], title="로그인 지연", description="-",
                                application_id=app.id, urgency="high", incident_type="application")
    for name in ("accept", "start"):
        cs.transition(actor_id=people["lee"], case_id=case.case_id, name=name, version=None)
    return case.case_id, people, app.id


def median_ms(fn, runs: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        fn()
        times.append(time.perf_counter() - began)
    return statistics.median(times) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--database", help="a database with the schema (default: a temporary SQLite file)")
    parser.add_argument("--old-version", action="store_true",
                        help="measure a case running on an older version than the one in force")
    args = parser.parse_args()
    url = args.database or f"sqlite:///{Path(tempfile.mkdtemp(prefix='beacon-bench-')) / 'bench.db'}"
    dbmod.connect(url)
    ensure_schema()
    seed_defaults()
    case_id, people, app_id = build()
    versioned = False
    if args.old_version:
        try:
            from desktop.workflow.admin.processes import active_source, save_version
        except ImportError:
            print("this checkout has no process versions: --old-version ignored")
        else:
            base_id, _, text = active_source(actor_id=people["adm"], kind="incident")
            save_version(actor_id=people["adm"], kind="incident", text=text + EXTRA_STATE, base_id=base_id)
            versioned = True
    lee = people["lee"]

    def detail() -> None:
        case_detail(actor_id=lee, case_id=case_id)

    def wait_resume() -> None:
        version = load_row(case_id)[1].version
        cs.transition(actor_id=lee, case_id=case_id, name="wait", version=version, fields={"note": "고객 확인"})
        cs.transition(actor_id=lee, case_id=case_id, name="resume", version=version + 1)

    def register() -> None:
        cs.register_incident(actor_id=people["kim"], title="로그인 지연", description="-", application_id=app_id,
                             urgency="high", incident_type="application")

    detail(), wait_resume(), register()  # warm caches as a running client has them
    where = "a case on version 1 while version 2 is in force" if versioned else "a case on the version in force"
    print(f"{where} ({url})")
    for name, fn in (("case_detail", detail), ("wait + resume (2 transitions)", wait_resume),
                     ("register_incident", register)):
        with Counter() as counted:
            fn()
        print(f"{name}: {counted.total} SQL statements, median {median_ms(fn, args.runs):.2f} ms "
              f"over {args.runs} runs")
    from desktop.workflow.engine.process import state_label

    began = time.perf_counter()
    for _ in range(10_000):
        state_label("incident", "in_progress", "ko")  # asked once per painted cell of a list
    print(f"state_label: {(time.perf_counter() - began) * 100:.2f} µs per call (10,000 calls)")
    dbmod.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
