"""What opening a case view costs: `case_detail` (queries, time) and drawing its time chart.

    .venv/bin/python bench/case_view_bench.py [--runs 20] [--actions 200] [--database URL]

Builds an incident in handling with `--actions` actions, two work orders and a change in a
throw-away SQLite file (or the database you name, which must have the schema), then, for a
second-line specialist whom only the owner matrix lets act (@owner) and for a handler:
  - SQL statements per `case_detail` call, and how many ask the owner matrix — next to how many
    it would take to ask per transition and operation, as the view did before;
  - the median time of `case_detail`;
  - the median time to paint the time chart at 1000 px (offscreen).
Goals: one owner-matrix question at most per call; case_detail median < 100 ms with 200 actions;
chart paint median < 30 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import timedelta
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
    utcnow,
)
from desktop.models import db as dbmod
from desktop.workflow.admin.defaults import seed_defaults
from desktop.workflow.cases import case_service as cs
from desktop.workflow.cases.detail import case_detail
from desktop.workflow.common.actors import load_actor
from desktop.workflow.common.cases import load_row
from desktop.workflow.engine.engine import may_fire, may_operate
from desktop.workflow.engine.process import definition


def build(actions: int) -> tuple[int, dict[str, int]]:
    """An incident in handling with `actions` actions, two work orders and a change; who is who."""
    team = Team.create(code="CH-OPS", name="채널운영팀", name_en="Channel Operations")
    people: dict[str, int] = {}
    for login, roles in (("kim", ("customer",)), ("lee", ("handler",)), ("park", ("second_line",))):
        user = User.create(login=login, name=login, team=None if login == "kim" else team)
        people[login] = user.id
        for code in roles:
            UserRole.create(user=user, role=Role.get(Role.code == code))
    app = ConfigurationItem.create(code="APP-IB", name="인터넷뱅킹", name_en="Internet Banking", kind="application",
                                   impact=ImpactLevel.get(ImpactLevel.code == "high"), team=team)
    for login, role in (("lee", "primary_handler"), ("park", "second_line")):
        OwnerMatrixEntry.create(ci=app, role=Role.get(Role.code == role), user=people[login], position=0)
    start = utcnow() - timedelta(minutes=10 + actions * 3)
    case = cs.register_incident(actor_id=people["kim"], title="인터넷뱅킹 로그인 지연", description="-",
                                application_id=app.id, urgency="high", incident_type="application", now=start)
    for name, minutes in (("accept", 2), ("start", 3)):
        cs.transition(actor_id=people["lee"], case_id=case.case_id, name=name, version=None,
                      now=start + timedelta(minutes=minutes))
    for i in range(actions):
        at = start + timedelta(minutes=5 + i * 3)
        cs.add_action(actor_id=people["lee"], case_id=case.case_id, body=f"조치 {i + 1}", kind="investigation",
                      acted_at=at, minutes_spent=5, now=at)
        if i in (40, 120):
            cs.issue_work_order(actor_id=people["lee"], parent_id=case.case_id, title="힙 덤프 분석",
                                instructions="WAS 1호기", now=at)
        if i == 150:
            cs.request_change(actor_id=people["lee"], parent_id=case.case_id, title="세션 풀 설정 변경",
                              description="max 200 → 400", now=at)
    return case.case_id, people


class Counter:
    """Counts SQL statements (and those that read the owner matrix) while installed."""

    def __init__(self) -> None:
        self.total = 0
        self.owner = 0
        self._real = database.obj.execute_sql
        self._table = f'"{OwnerMatrixEntry._meta.table_name}"'

    def __enter__(self) -> Counter:
        def counting(sql, params=None, *args, **kwargs):  # type: ignore[no-untyped-def]
            self.total += 1
            self.owner += self._table in sql
            return self._real(sql, params, *args, **kwargs)

        database.obj.execute_sql = counting
        return self

    def __exit__(self, *_exc: object) -> None:
        del database.obj.execute_sql


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--actions", type=int, default=200)
    parser.add_argument("--database", help="a database with the schema (default: a temporary SQLite file)")
    args = parser.parse_args()
    url = args.database or f"sqlite:///{Path(tempfile.mkdtemp(prefix='beacon-bench-')) / 'bench.db'}"
    dbmod.connect(url)
    ensure_schema()
    seed_defaults()
    case_id, people = build(args.actions)
    kind, row = load_row(case_id)
    process = definition(kind)
    print(f"incident with {args.actions} actions, 2 work orders, 1 change, state {row.state} ({url})")
    for login, who in (("park", "second line (acts through @owner)"), ("lee", "handler (global role)")):
        actor = load_actor(people[login])
        with Counter() as per_rule:  # the old way: the owner matrix asked inside every may_fire / may_operate
            [may_fire(actor, kind, row, t) for t in process.transitions.values()]
            [may_operate(actor, kind, row, op) for op in process.operations.values()]
        with Counter() as now_:
            case_detail(actor_id=actor.id, case_id=case_id)
        times = []
        for _ in range(args.runs):
            began = time.perf_counter()
            case_detail(actor_id=actor.id, case_id=case_id)
            times.append(time.perf_counter() - began)
        median = statistics.median(times) * 1000
        print(f"{who}: case_detail {now_.total} SQL statements, {now_.owner} owner-matrix question(s) "
              f"(asking per transition/operation: {per_rule.owner}); median {median:.1f} ms over {args.runs} runs "
              f"(goal < 100 ms) — {'OK' if median < 100 and now_.owner <= 1 else 'SLOW'}")

    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication

    from desktop.views.time_chart import TimeChart

    app = QApplication.instance() or QApplication([])
    detail = case_detail(actor_id=people["lee"], case_id=case_id)
    chart = TimeChart()
    chart.set_timeline(detail.timeline, kind="incident", language="ko", time_zone="Asia/Seoul")
    chart.resize(1000, chart.sizeHint().height())
    image = QImage(chart.size(), QImage.Format.Format_ARGB32)
    times = []
    for _ in range(args.runs):
        began = time.perf_counter()
        chart.render(image)
        times.append(time.perf_counter() - began)
    median = statistics.median(times) * 1000
    markers = len(detail.timeline.markers) if detail.timeline else 0
    print(f"time chart, {markers} markers at 1000 px: paint median {median:.1f} ms (goal < 30 ms) — "
          f"{'OK' if median < 30 else 'SLOW'}")
    del app
    dbmod.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
