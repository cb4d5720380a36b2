"""Everything a case view shows, in one call: fields, SLA, what this user may do next."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import peewee

from desktop.errors import BeaconError
from desktop.models import (
    Action,
    Case,
    Change,
    ConfigurationItem,
    Grade,
    ImpactLevel,
    Incident,
    Problem,
    Team,
    UrgencyLevel,
    User,
    utcnow,
)
from desktop.models.prepared import Prepared, id_list, param
from desktop.workflow.cases.queries import CaseRow, can_view, case_links, describe_links, work_orders_of
from desktop.workflow.cases.texts import TEXTS
from desktop.workflow.cases.time_chart import (
    Timeline,
    build_timeline,
    due_moments,
    ended_at,
    load_events,
    markers_of,
)
from desktop.workflow.common.actors import load_actor
from desktop.workflow.common.cases import KIND_MODELS, OPENED_AT_COLUMN, REPORTER_COLUMN
from desktop.workflow.common.texts import KIND_LABELS
from desktop.workflow.engine.engine import is_owner, may_fire, may_operate
from desktop.workflow.engine.fields import FIELDS
from desktop.workflow.engine.process import FOLLOW_UP_KINDS, case_definition
from desktop.workflow.notify.service_requests import ServiceRequestLine, SrDeliveryError, service_requests_of
from desktop.workflow.notify.service_requests import systems as sr_systems  # the name `systems` is too general here
from desktop.workflow.sla.calendars import WorkingCalendar, load_calendar
from desktop.workflow.sla.clocks import ClockStatus, case_clocks, case_pauses, clock_status


@dataclass(frozen=True)
class FieldInfo:
    """A field a transition asks for: name, type, labels, whether required."""

    name: str
    type: str
    ko: str
    en: str
    required: bool
    # for a list of follow-ups: the kinds this case may create (value, ko, en) and the systems an SR can go to
    choices: tuple[tuple[str, str, str], ...] = ()
    systems: tuple[str, ...] = ()


@dataclass(frozen=True)
class ActionInfo:
    """A transition (or operation) this user may do now."""

    name: str
    ko: str
    en: str
    fields: tuple[FieldInfo, ...] = ()
    is_operation: bool = False


@dataclass(frozen=True)
class ActionLine:
    """One logged action (조치 내역): when it was done, when it was written down, by whom."""

    action_id: int
    acted_at: datetime
    recorded_at: datetime
    actor: str
    kind: str
    minutes_spent: int | None
    body: str
    actor_en: str = ""  # the English name of who did it ("" when none is recorded)

    @property
    def back_dated(self) -> bool:
        """True when it was written down more than a minute after it was done."""
        return (self.recorded_at - self.acted_at).total_seconds() >= 60


@dataclass(frozen=True)
class ChangeLine:
    """A change spawned from (or linked to) the case; it runs and closes on its own."""

    case_id: int
    number: str
    title: str
    change_type: str
    state: str
    requested_at: datetime
    planned_start: datetime | None
    planned_end: datetime | None
    implemented_at: datetime | None
    closed_at: datetime | None


@dataclass(frozen=True)
class LinkedCase:
    """A problem linked to an incident, or an incident linked to a problem."""

    case_id: int
    number: str
    title: str
    state: str
    registered_at: datetime
    grade: str = ""
    grade_en: str = ""
    grade_color: str = ""
    root_cause: str = ""
    workaround: str = ""
    is_known_error: bool = False


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
    sla_minutes_per_day: dict[str, int] = field(default_factory=dict)  # clock kind → minutes in one of its days
    actions: list[ActionLine] = field(default_factory=list)  # newest first
    changes: list[ChangeLine] = field(default_factory=list)
    problems: list[LinkedCase] = field(default_factory=list)  # an incident's
    incidents: list[LinkedCase] = field(default_factory=list)  # a problem's
    timeline: Timeline | None = None
    service_requests: list[ServiceRequestLine] = field(default_factory=list)  # SRs sent to other systems


def _name(model: Any, row_id: int | None, column: str = "name") -> str:
    if row_id is None:
        return ""
    row = model.get_or_none(model.id == row_id)
    return (getattr(row, column, "") or "") if row else ""


# what the view names beside a case's own columns: (key, model, the row's column), read with the row
_NAMED = (("reporter", User, None), ("assignee", User, "assignee"), ("team", Team, "assigned_team"),
          ("application", ConfigurationItem, "application"), ("urgency", UrgencyLevel, "urgency"),
          ("impact", ImpactLevel, "impact"))


def _row_query(kind: str) -> Any:
    """A case's row with the names it shows and its grade: one statement instead of one per name."""
    model = KIND_MODELS[kind]
    fields = model._meta.fields
    query = model.select(model)
    for key, named, column in _NAMED:
        column = column or REPORTER_COLUMN[kind]
        if column not in fields:
            continue
        other = named.alias(f"n_{key}")
        query = (query.select_extend(other.name.alias(f"_n_{key}"), other.name_en.alias(f"_n_{key}_en"))
                 .switch(model).join(other, peewee.JOIN.LEFT_OUTER, on=(fields[column] == other.id)))
    if "grade" in fields:
        query = (query.select_extend(Grade.name.alias("_g_name"), Grade.name_en.alias("_g_name_en"),
                                     Grade.level.alias("_g_level"), Grade.color.alias("_g_color"))
                 .switch(model).join(Grade, peewee.JOIN.LEFT_OUTER, on=(fields["grade"] == Grade.id)))
    return query.where(model.case == param("case")).objects()


_ROWS = {kind: Prepared(lambda kind=kind: _row_query(kind)) for kind in KIND_MODELS}
_CASE = Prepared(lambda: Case.select(Case.kind, Case.number).where(Case.id == param("case")).tuples())


def _load(case_id: int) -> tuple[str, str, Any]:
    """(kind, number, row with its names) of a case, as `load_row` finds it."""
    found = _CASE.tuples(case=case_id)
    if not found:
        raise BeaconError("workflow.not_found", what=KIND_LABELS["case"], ref=case_id)
    kind, number = found[0]
    row = next(_ROWS[kind].objects(case=case_id), None)
    if row is None:
        raise KIND_MODELS[kind].DoesNotExist(f"no {kind} row for case {case_id}")
    return kind, number, row


def case_detail(*, actor_id: int, case_id: int, now: datetime | None = None) -> CaseDetail:
    """The case as its view shows it to this user.

    Reads each thing once and shares it: the links feed the linked cases, the changes and the linked
    problems; the work orders, changes and actions feed the time chart's markers too; the clocks, their
    pauses and calendars feed both the SLA lines and the chart's due moments.
    """
    actor = load_actor(actor_id)
    kind, number, row = _load(case_id)
    if not can_view(actor, kind, row):
        raise BeaconError("workflow.not_found", what=TEXTS.pair("case_service.case"), ref=case_id)
    process = case_definition(kind, row)
    state = process.states.get(row.state)
    seen: dict[int, dict[str, str]] = {}
    for s in process.states.values():  # a stage is named after its first state (e.g. 처리 for in_progress)
        if s.stage:
            seen.setdefault(s.stage, s.label)
    model = KIND_MODELS[kind]
    values = {name: getattr(row, name) for name, f in model._meta.fields.items()
              if not isinstance(f, peewee.ForeignKeyField)}
    # each name twice: `key` in Korean, `key_en` in English (the view shows the one of its language)
    names: dict[str, str] = {}
    for key, _, column in _NAMED:
        if (column or REPORTER_COLUMN[kind]) not in model._meta.fields:
            if key in ("reporter", "assignee", "team"):  # every view names these, empty when the kind has none
                names[key] = names[f"{key}_en"] = ""
            continue
        names[key] = getattr(row, f"_n_{key}") or ""
        names[f"{key}_en"] = getattr(row, f"_n_{key}_en") or ""
    grade_color = "#888888"
    if getattr(row, "grade_id", None):
        names["grade"] = row._g_name
        names["grade_en"] = row._g_name_en
        values["grade_level"] = row._g_level
        grade_color = row._g_color

    def follow_up_options() -> tuple[tuple[tuple[str, str, str], ...], tuple[str, ...]]:
        allowed = process.follow_ups.get(getattr(row, "incident_type", ""), ())
        kinds = tuple((k, *FOLLOW_UP_KINDS[k]) for k in allowed)  # the process was checked against them
        try:
            names = tuple(sorted(sr_systems())) if "service_request" in allowed else ()
        except (BeaconError, SrDeliveryError, ValueError):
            names = ()  # a broken setting is reported when the SR is sent; the name can still be typed
        return kinds, names

    def field_info(n: str, t: Any) -> FieldInfo:
        spec = FIELDS[kind][n]
        if n == "follow_ups":
            kinds, names = follow_up_options()
            return FieldInfo(n, spec.type, spec.ko, spec.en, n in t.required, kinds, names)
        return FieldInfo(n, spec.type, spec.ko, spec.en, n in t.required)

    def info(t: Any) -> ActionInfo:
        fields = tuple(field_info(n, t) for n in (*t.required, *t.optional))
        return ActionInfo(t.name, t.label["ko"], t.label["en"], fields)

    # the owner matrix is asked at most once, not once per transition that names @owner
    rules = [*(t.roles for t in process.transitions.values() if row.state in t.sources),
             *(op.roles for op in process.operations.values() if row.state in op.states)]
    needs_owner = any("@owner" in roles and not (actor.roles & set(roles)) for roles in rules)
    owner = is_owner(actor, kind, row) if needs_owner else False
    links = case_links(case_id)
    work_orders = work_orders_of(case_id) if kind in ("incident", "problem") else []
    detail = CaseDetail(
        case_id=case_id, number=number, kind=kind, version=row.version, state=row.state,
        state_label=state.label if state else {"ko": row.state, "en": row.state},
        stage=state.stage if state else None, stages=sorted(seen.items()), title=row.title, values=values,
        names=names, grade_color=grade_color, opened_at=getattr(row, OPENED_AT_COLUMN[kind]),
        transitions=[info(t) for t in process.transitions.values() if may_fire(actor, kind, row, t, owner=owner)],
        operations=[ActionInfo(op.name, op.label["ko"], op.label["en"], is_operation=True)
                    for op in process.operations.values() if may_operate(actor, kind, row, op, owner=owner)],
        work_orders=work_orders,
        links=describe_links(links),
    )
    at = now or utcnow()
    pauses = case_pauses(case_id)
    calendars: dict[int, WorkingCalendar] = {}

    def calendar_of(calendar_id: int) -> WorkingCalendar:
        found = calendars.get(calendar_id)
        return found if found is not None else calendars.setdefault(calendar_id, load_calendar(calendar_id))

    clocks = case_clocks(case_id)
    for clock in clocks:
        if clock.calendar_id is None:
            calendar = WorkingCalendar(code="24x7", time_zone="UTC", hours={}, is_24x7=True)
        else:
            calendar = calendar_of(clock.calendar_id)
        detail.sla.append(clock_status(clock, at, calendar=calendar, pauses=pauses))
        detail.sla_minutes_per_day[clock.kind] = (calendar.working_minutes_per_day() if clock.uses_business_time
                                                  else 24 * 60)
    if kind in ("incident", "problem"):
        detail.actions = _actions(case_id)
        detail.changes = _changes(case_id, [other for _, other, _ in links])
        events = load_events(case_id)
        markers = markers_of(case_id, kind, events,
                             actions=[(a.acted_at, a.kind, a.body, a.actor or "") for a in reversed(detail.actions)],
                             work_orders=[(w.opened_at, w.number, w.title) for w in work_orders],
                             changes=[(c.requested_at, c.number, c.title) for c in detail.changes])
        opened = getattr(row, OPENED_AT_COLUMN[kind])
        detail.timeline = build_timeline(process, events, opened, ended_at(kind, row, events), at, markers,
                                         due_moments(clocks, pauses, calendar_of, at))
    if kind == "incident":
        detail.service_requests = service_requests_of(case_id)
        problems = [other for link_kind, other, incoming in links if link_kind == "problem" and not incoming]
        detail.problems = _linked(Problem, problems) if problems else []
    elif kind == "problem":
        incidents = [other for link_kind, other, incoming in links if link_kind == "problem" and incoming]
        detail.incidents = _linked(Incident, incidents) if incidents else []
    if kind == "incident":
        if row.parent_id:
            detail.parent_number = Case.get_by_id(row.parent_id).number
        detail.children = [n for (n,) in _CHILDREN.tuples(case=case_id)]
    return detail


_ACTIONS = Prepared(lambda: Action.select(Action.id, Action.acted_at, Action.recorded_at, User.name, Action.kind,
                                           Action.minutes_spent, Action.body, User.name_en)
                    .join(User, on=(Action.actor == User.id))
                    .where(Action.case == param("case")).order_by(Action.acted_at.desc(), Action.id.desc()).tuples())
_CHANGES = Prepared(lambda: Change.select(Change.case, Case.number, Change.title, Change.change_type, Change.state,
                                          Change.requested_at, Change.planned_start, Change.planned_end,
                                          Change.implemented_at, Change.closed_at)
                    .join(Case, on=(Change.case == Case.id))
                    .where((Change.parent == param("case")) | id_list(Change.case, "linked"))
                    .order_by(Change.requested_at, Change.case).tuples())
_CHILDREN = Prepared(lambda: Incident.select(Case.number).join(Case, on=(Incident.case == Case.id))
                     .where(Incident.parent == param("case")).tuples())


def _actions(case_id: int) -> list[ActionLine]:
    return [ActionLine(*row) for row in _ACTIONS.tuples(case=case_id)]


def _changes(case_id: int, linked: list[int]) -> list[ChangeLine]:
    """Changes the case spawned, and changes linked to it (`linked`: the ids of every case linked either way)."""
    return [ChangeLine(*row) for row in _CHANGES.tuples(case=case_id, linked=linked)]


def _linked(model: Any, ids: Any) -> list[LinkedCase]:
    """Linked problems or incidents with their grade; a problem's root cause and known error too."""
    columns = [model.case, Case.number, model.title, model.state, model.registered_at, Grade.name, Grade.name_en,
               Grade.color]
    if model is Problem:
        columns += [Problem.root_cause, Problem.workaround, Problem.is_known_error]
    query = (model.select(*columns).join(Case, on=(model.case == Case.id))
             .switch(model).join(Grade, peewee.JOIN.LEFT_OUTER, on=(model.grade == Grade.id))
             .where(model.case.in_(ids)).order_by(model.registered_at.desc(), model.case.desc()))
    return [LinkedCase(*(value if value is not None else "" for value in row[:8]), *row[8:])
            for row in query.tuples()]
