"""Everything a case view shows, in one call: fields, SLA, what this user may do next."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import peewee

from desktop.errors import BeaconError
from desktop.models import Case, ConfigurationItem, Grade, ImpactLevel, SlaClock, Team, UrgencyLevel, User
from desktop.workflow.actors import load_actor
from desktop.workflow.engine import KIND_MODELS, OPENED_AT_COLUMN, REPORTER_COLUMN, load_row, may_fire, may_operate
from desktop.workflow.fields import FIELDS
from desktop.workflow.process import definition
from desktop.workflow.queries import CaseRow, can_view, linked_cases, work_orders_of
from desktop.workflow.sla import ClockStatus, clock_status


@dataclass(frozen=True)
class FieldInfo:
    """A field a transition asks for: name, type, labels, whether required."""

    name: str
    type: str
    ko: str
    en: str
    required: bool


@dataclass(frozen=True)
class ActionInfo:
    """A transition (or operation) this user may do now."""

    name: str
    ko: str
    en: str
    fields: tuple[FieldInfo, ...] = ()
    is_operation: bool = False


@dataclass
class CaseDetail:
    case_id: int
    number: str
    kind: str
    version: int
    state: str
    state_label: dict[str, str]
    stage: int | None
    stages: list[tuple[int, dict[str, str]]]
    title: str
    values: dict[str, Any]  # column → value for display (texts, times)
    names: dict[str, str]  # application, urgency, impact, grade, reporter, assignee, team → display names
    grade_color: str = "#888888"
    sla: list[ClockStatus] = field(default_factory=list)
    transitions: list[ActionInfo] = field(default_factory=list)
    operations: list[ActionInfo] = field(default_factory=list)
    work_orders: list[CaseRow] = field(default_factory=list)
    links: list[tuple[str, str, str, str]] = field(default_factory=list)
    parent_number: str = ""
    children: list[str] = field(default_factory=list)
    opened_at: datetime | None = None


def _name(model: Any, row_id: int | None, column: str = "name") -> str:
    if row_id is None:
        return ""
    row = model.get_or_none(model.id == row_id)
    return getattr(row, column) if row else ""


def case_detail(*, actor_id: int, case_id: int, now: datetime | None = None) -> CaseDetail:
    """The case as its view shows it to this user."""
    actor = load_actor(actor_id)
    kind, row = load_row(case_id)
    if not can_view(actor, kind, row):
        raise BeaconError("workflow.not_found", what={"ko": "건", "en": "Case"}, ref=case_id)
    process = definition(kind)
    case = Case.get_by_id(case_id)
    state = process.states.get(row.state)
    seen: dict[int, dict[str, str]] = {}
    for s in process.states.values():  # a stage is named after its first state (e.g. 처리 for in_progress)
        if s.stage:
            seen.setdefault(s.stage, s.label)
    model = KIND_MODELS[kind]
    values = {name: getattr(row, name) for name, f in model._meta.fields.items()
              if not isinstance(f, peewee.ForeignKeyField)}
    names = {
        "reporter": _name(User, getattr(row, REPORTER_COLUMN[kind] + "_id")),
        "assignee": _name(User, row.assignee_id),
        "team": _name(Team, getattr(row, "assigned_team_id", None)),
    }
    grade_color = "#888888"
    if hasattr(row, "application_id"):
        names["application"] = _name(ConfigurationItem, row.application_id)
    if kind == "incident":
        names["urgency"] = _name(UrgencyLevel, row.urgency_id)
        names["impact"] = _name(ImpactLevel, row.impact_id)
    if getattr(row, "grade_id", None):
        grade = Grade.get_by_id(row.grade_id)
        names["grade"] = grade.name
        names["grade_en"] = grade.name_en
        values["grade_level"] = grade.level
        grade_color = grade.color

    def info(t: Any) -> ActionInfo:
        specs = FIELDS[kind]
        fields = tuple(FieldInfo(n, specs[n].type, specs[n].ko, specs[n].en, n in t.required)
                       for n in (*t.required, *t.optional))
        return ActionInfo(t.name, t.label["ko"], t.label["en"], fields)

    detail = CaseDetail(
        case_id=case_id, number=case.number, kind=kind, version=row.version, state=row.state,
        state_label=state.label if state else {"ko": row.state, "en": row.state},
        stage=state.stage if state else None, stages=sorted(seen.items()), title=row.title, values=values,
        names=names, grade_color=grade_color, opened_at=getattr(row, OPENED_AT_COLUMN[kind]),
        transitions=[info(t) for t in process.transitions.values() if may_fire(actor, kind, row, t)],
        operations=[ActionInfo(op.name, op.label["ko"], op.label["en"], is_operation=True)
                    for op in process.operations.values() if may_operate(actor, kind, row, op)],
        work_orders=work_orders_of(case_id) if kind in ("incident", "problem") else [],
        links=linked_cases(case_id),
    )
    detail.sla = [clock_status(c, now) for c in SlaClock.select().where(SlaClock.case == case_id)
                  .order_by(SlaClock.kind.desc())]
    if kind == "incident":
        from desktop.models import Incident

        if row.parent_id:
            detail.parent_number = Case.get_by_id(row.parent_id).number
        detail.children = [n for (n,) in Incident.select(Case.number).join(Case, on=(Incident.case == Case.id))
                           .where(Incident.parent == case_id).tuples()]
    return detail
