"""A small bank for workflow tests: people with roles, an application with its owner matrix."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from desktop.models import ConfigurationItem, ImpactLevel, OwnerMatrixEntry, Role, User, UserRole, database
from desktop.workflow.common.actors import load_actor
from desktop.workflow.common.cases import load_row
from desktop.workflow.engine.engine import FireResult, fire_in_transaction
from desktop.workflow.engine.process import definition
from tests import factories

T0 = datetime(2026, 3, 2, 0, 30)  # Monday 09:30 in Seoul


@dataclass
class Bank:
    users: dict[str, User]
    app: ConfigurationItem
    team_id: int

    def id(self, persona: str) -> int:
        return int(self.users[persona].id)


# persona → global roles
PERSONAS: dict[str, tuple[str, ...]] = {
    "customer": ("customer",),
    "handler": ("handler",),  # primary handler of the app in the matrix
    "other_handler": ("handler",),  # a handler not in the app's matrix
    "second": ("second_line",),
    "lead": ("team_lead",),
    "head": ("department_head",),
    "pm": ("problem_manager",),
    "cm": ("change_manager",),
    "admin": ("admin",),
    "outsider": (),
}
MATRIX = {"handler": "primary_handler", "second": "second_line", "lead": "team_lead", "head": "department_head"}


def make_bank(impact: str = "high") -> Bank:
    team = factories.team(name="채널운영팀")
    users = {}
    for persona, roles in PERSONAS.items():
        team_of = None if persona == "customer" else team
        users[persona] = factories.user(login=persona, name=f"{persona}님", team=team_of)
        for code in roles:
            UserRole.create(user=users[persona], role=Role.get(Role.code == code))
    app = factories.application(name="인터넷뱅킹", team=team, impact=ImpactLevel.get(ImpactLevel.code == impact))
    for persona, role_code in MATRIX.items():
        OwnerMatrixEntry.create(ci=app, role=Role.get(Role.code == role_code), user=users[persona], position=0)
    return Bank(users=users, app=app, team_id=team.id)


def full_values(bank: Bank, kind: str, parent_id: int | None = None) -> dict[str, Any]:
    """A value for every field a transition of `kind` may take."""
    common = {"note": "메모", "assignee": bank.id("handler"), "assigned_team": bank.team_id}
    if kind == "incident":
        return {**common, "title": "인터넷뱅킹 로그인 지연", "description": "로그인 10초 이상",
                "application": bank.app.id, "urgency": "high", "incident_type": "application", "grade": 3,
                "grade_reason": "영향 축소", "resolution": "WAS 재기동", "cause": "세션 풀 고갈", "result": "정상화",
                "follow_up_plan": "모니터링 강화", "recurrence_prevention": "세션 풀 확대",
                "cancel_reason": "중복 등록"}
    if kind == "problem":
        return {**common, "title": "세션 풀 고갈 반복", "description": "월말마다 재발", "application": bank.app.id,
                "root_cause": "커넥션 누수", "workaround": "야간 재기동", "solution": "누수 수정 배포",
                "verification_result": "2주간 재발 없음", "cancel_reason": "중복", "assignee": bank.id("pm")}
    if kind == "change":
        return {**common, "title": "커넥션 풀 설정 변경", "description": "max 200 → 400", "change_type": "program",
                "implementation_plan": "야간 배포", "rollback_plan": "이전 설정 복구", "review_result": "이상 없음",
                "reject_reason": "영향 검토 부족", "parent": parent_id, "application": bank.app.id,
                "assignee": bank.id("second")}
    if kind == "work_order":
        return {**common, "title": "힙 덤프 분석", "instructions": "WAS 1호기 힙 덤프", "result": "누수 지점 확인",
                "return_reason": "권한 없음", "parent": parent_id, "assignee": bank.id("second")}
    raise AssertionError(kind)


def fields_for(transition: Any, values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if (k in transition.required or k in transition.optional)
            and v is not None and k not in ("confirm_open_children", "follow_ups", "duplicate_of")}


def create(bank: Bank, kind: str, *, by: str = "admin", parent_id: int | None = None,
           now: datetime = T0) -> FireResult:
    """Create a case of `kind` as `by` (the creating transition of its process)."""
    process = definition(kind)
    values = full_values(bank, kind, parent_id)
    if kind == "incident":
        values.pop("assignee")  # the matrix assigns
    with database.atomic():  # one transaction, as every Beacon service makes it
        return fire_in_transaction(kind, process.creation.name, actor=load_actor(bank.id(by)), case_id=None,
                                   fields=fields_for(process.creation, values), now=now, system=True)


def bring_to(bank: Bank, kind: str, state: str, *, parent_id: int | None = None, now: datetime = T0) -> int:
    """A new case of `kind` moved to `state` along the shortest path (as the admin, rules aside)."""
    case_id = create(bank, kind, parent_id=parent_id, now=now).case_id
    process = definition(kind)
    _, row = load_row(case_id)
    values = full_values(bank, kind, parent_id)
    path = process.shortest_path(row.state, state)
    assert path is not None, f"{kind} cannot reach {state}"
    for step in path:
        t = process.transitions[step]
        with database.atomic():
            fire_in_transaction(kind, step, actor=load_actor(bank.id("admin")), case_id=case_id,
                                fields=fields_for(t, values), now=now, system=True)
    return case_id


def seoul(y: int, m: int, d: int, hh: int = 0, mm: int = 0) -> datetime:
    """A Seoul wall-clock time as the naive UTC instant Beacon stores."""
    from datetime import UTC
    from zoneinfo import ZoneInfo

    return datetime(y, m, d, hh, mm, tzinfo=ZoneInfo("Asia/Seoul")).astimezone(UTC).replace(tzinfo=None)
