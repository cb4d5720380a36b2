"""How long an incident report takes: an incident with 200 actions, rendered about ten times.

    .venv/bin/python bench/report_bench.py [--runs 10] [--actions 200] [--lang ko] [--database URL]

Builds the incident through the workflow services in a throw-away SQLite file
(or the database you name, which must have the schema), then times
`incident_report_pdf` — data assembly from the event log plus fpdf2 rendering
with the Korean font embedded. The first run also pays for importing fpdf2 and
parsing the font once per process; it is shown on its own. Goal (issue #22): median ≤ 0.2 s.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.models import (
    ConfigurationItem,
    ImpactLevel,
    OwnerMatrixEntry,
    Role,
    Team,
    User,
    UserRole,
    ensure_schema,
)
from desktop.models import db as dbmod
from desktop.workflow.admin.defaults import seed_defaults
from desktop.workflow.cases import case_service as cs

BODIES = (
    "WAS 1호기 접속 로그에서 세션 풀 고갈 경고 확인, 활성 세션 200/200.",
    "DB 세션 점유 상위 SQL 추출 및 실행 계획 확인. 풀 스캔 1건 발견, 인덱스 누락 의심.",
    "영업점 3곳에 전화로 증상 재현 여부 확인, 로그인 10초 이상 지연 동일하게 발생함.",
    "L4 스위치 세션 분산 상태 점검. 2호기로 트래픽이 쏠려 있어 가중치 조정 검토 중.",
    "임시 조치로 WAS 2호기 재기동, 재기동 후 15분간 응답시간 정상(평균 0.8초) 확인.",
)


def seoul(y: int, m: int, d: int, hh: int = 0, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=ZoneInfo("Asia/Seoul")).astimezone(UTC).replace(tzinfo=None)


@dataclass(frozen=True)
class Cast:
    """Who works the incident, and on which application (from an existing organisation)."""

    customer_id: int
    handler_id: int
    second_line_id: int
    application_id: int


def build_incident(actions: int, cast: Cast | None = None) -> str:
    """A grade-1 incident with `actions` actions, two work orders, a change, a grade change; closed.

    Without a `cast`, a small team and an application are created for it (an empty database).
    """
    if cast is None:
        cast = make_cast()
    start = seoul(2026, 11, 24, 9, 0)
    customer, handler, second = cast.customer_id, cast.handler_id, cast.second_line_id
    case = cs.register_incident(actor_id=customer, title="인터넷뱅킹 로그인 지연 (전 영업점)",
                                description="전 영업점에서 인터넷뱅킹 로그인에 10초 이상 소요된다는 문의 다수 접수.",
                                application_id=cast.application_id, urgency="high", incident_type="application",
                                now=start)
    return _work(case.case_id, case.number, actions, handler, second, start)


def make_cast() -> Cast:
    """A team of five and the application they own, in an empty database."""
    team = Team.create(code="CH-OPS", name="채널운영팀", name_en="Channel Operations")
    people = {}
    for login, name, roles in (("kim", "김고객", ("customer",)), ("lee", "이담당", ("handler",)),
                               ("park", "박이선", ("second_line",)), ("choi", "최팀장", ("team_lead",)),
                               ("jung", "정부장", ("department_head",))):
        people[login] = User.create(login=login, name=name, team=None if login == "kim" else team)
        for code in roles:
            UserRole.create(user=people[login], role=Role.get(Role.code == code))
    app = ConfigurationItem.create(code="APP-IB", name="인터넷뱅킹", name_en="Internet Banking", kind="application",
                                   impact=ImpactLevel.get(ImpactLevel.code == "high"), team=team)
    for login, role in (("lee", "primary_handler"), ("park", "second_line"), ("choi", "team_lead"),
                        ("jung", "department_head")):
        OwnerMatrixEntry.create(ci=app, role=Role.get(Role.code == role), user=people[login], position=0)
    return Cast(customer_id=people["kim"].id, handler_id=people["lee"].id, second_line_id=people["park"].id,
                application_id=app.id)


def _work(case_id: int, number: str, actions: int, handler: int, second: int, start: datetime) -> str:
    """Accept, start, log `actions` actions (with work orders, a regrade and a change on the way), close."""
    for name, minutes in (("accept", 4), ("start", 5)):
        cs.transition(actor_id=handler, case_id=case_id, name=name, version=None,
                      now=start + timedelta(minutes=minutes))
    for i in range(actions):
        at = start + timedelta(minutes=6 + i * 3)
        cs.add_action(actor_id=handler, case_id=case_id, body=f"{BODIES[i % len(BODIES)]} ({i + 1})",
                      kind=("investigation", "contact", "workaround", "note", "fix")[i % 5], acted_at=at,
                      minutes_spent=5 + i % 20, now=at)
        if i in (40, 120):
            wo = cs.issue_work_order(actor_id=handler, parent_id=case_id, title="힙 덤프 분석",
                                     instructions="WAS 1호기 힙 덤프 수집 후 누수 지점 분석", now=at)
            cs.start_work_order(actor_id=second, case_id=wo.case_id, version=None, now=at)
            cs.complete_work_order(actor_id=second, case_id=wo.case_id, version=None,
                                   result="커넥션 반환 누락 지점 2곳 확인", now=at + timedelta(minutes=50))
        if i == 60:
            cs.transition(actor_id=handler, case_id=case_id, name="regrade", version=None,
                          fields={"grade": 2, "grade_reason": "영향이 일부 영업점으로 축소"}, now=at)
        if i == 150:
            cs.request_change(actor_id=handler, parent_id=case_id, title="세션 풀 설정 변경",
                              description="max 200 → 400", now=at)
    end = start + timedelta(minutes=10 + actions * 3)
    cs.transition(actor_id=handler, case_id=case_id, name="close", version=None, now=end, fields={
        "resolution": "WAS 재기동 및 세션 풀 확대", "cause": "커넥션 반환 누락으로 인한 세션 풀 고갈",
        "result": "전 영업점 정상화 확인", "follow_up_plan": "세션 풀 모니터링 임계치 조정",
        "recurrence_prevention": "예외 경로 커넥션 반환 코드 점검 및 배포"})
    return number


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--actions", type=int, default=200)
    parser.add_argument("--lang", choices=("ko", "en"), default="ko")
    parser.add_argument("--database", help="a database with the schema (default: a temporary SQLite file)")
    parser.add_argument("--out", help="also write the last PDF here")
    args = parser.parse_args()

    url = args.database or f"sqlite:///{Path(tempfile.mkdtemp(prefix='beacon-bench-')) / 'bench.db'}"
    dbmod.connect(url)
    ensure_schema()
    seed_defaults()
    built = time.perf_counter()
    number = build_incident(args.actions)
    print(f"built {number} with {args.actions} actions in {time.perf_counter() - built:.2f} s ({url})")

    first = time.perf_counter()
    from desktop.reports.report_service import incident_report_pdf, page_count

    data = incident_report_pdf(number, lang=args.lang)
    print(f"first run (imports fpdf2, parses the font): {time.perf_counter() - first:.3f} s, "
          f"{page_count(data)} pages, {len(data) / 1024:.0f} KiB")
    times = []
    for _ in range(args.runs):
        began = time.perf_counter()
        data = incident_report_pdf(number, lang=args.lang)
        times.append(time.perf_counter() - began)
    median = statistics.median(times)
    p95 = percentile(times, 0.95)
    print(f"{args.runs} runs: median {median:.3f} s, p95 {p95:.3f} s, min {min(times):.3f} s, max {max(times):.3f} s "
          f"(goal: median ≤ 0.2 s) — {'OK' if median <= 0.2 else 'SLOW'}")
    if args.out:
        Path(args.out).write_bytes(data)
    dbmod.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
