"""What an incident or problem report says, assembled from the case rows and the event log.

Nothing here draws or imports Qt: `load_incident_report` and `load_problem_report`
return plain frozen dataclasses that the PDF renderer (or a future preview)
reads. Names of people, teams, applications and grades are kept in both
languages (`Text` = {"ko": ..., "en": ...}); states and other codes stay codes
and are labelled when printed, so one assembly serves both languages. Times
stay naive UTC as stored; the renderer shows them in the reader's time zone.

The state history, grade changes and handler changes are read from the
immutable `Event` rows, never from what a screen shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from desktop.errors import BeaconError
from desktop.models import (
    Action,
    Case,
    CaseLink,
    Change,
    ConfigurationItem,
    Grade,
    ImpactLevel,
    Incident,
    Notification,
    Problem,
    Role,
    ServiceRequestLink,
    SlaClock,
    Team,
    UrgencyLevel,
    User,
    WorkOrder,
    utcnow,
)
from desktop.models.security import outside_changes
from desktop.reports.texts import LABELS
from desktop.workflow.cases.queries import can_view, outside_entry
from desktop.workflow.cases.time_chart import (
    EventRow,
    Marker,
    Segment,
    Timeline,
    build_timeline,
    case_markers,
    due_lines,
    ended_at,
    load_events,
)
from desktop.workflow.common.actors import load_actor
from desktop.workflow.common.cases import KIND_LABELS, load_row
from desktop.workflow.common.settings import get_setting
from desktop.workflow.engine.process import ProcessDef, definition
from desktop.workflow.prevention.changes import WhatChanged, changes_before
from desktop.workflow.sla.calendars import WorkingCalendar, load_calendar
from desktop.workflow.sla.clocks import case_pauses, clock_status, measure
from desktop.workflow.sla.clocks import due_at as clock_due_at

Text = dict[str, str]


def bilingual(ko: str, en: str | None = None) -> Text:
    """A name in both languages; the English one falls back to the Korean."""
    return {"ko": ko, "en": en or ko}


@dataclass(frozen=True)
class GradeInfo:
    """A grade as printed: its level, its name in both languages, its colour (Grade.color)."""

    level: int
    name: Text
    color: str


@dataclass(frozen=True)
class Person:
    """Someone named in a report, with their team."""

    name: Text
    team: Text | None = None


@dataclass(frozen=True)
class GradeChange:
    """One `regrade` event: who changed the grade, from what to what, and why."""

    at: datetime
    by: Text
    before: GradeInfo | None
    after: GradeInfo
    reason: str


@dataclass(frozen=True)
class HandlerChange:
    """The case passed to `handler` through `transition` (register, accept, assign, ...)."""

    at: datetime
    handler: Person
    transition: str
    by: Text


@dataclass(frozen=True)
class NoticeRow:
    """One outbox (Notification) row of the case: who was told what, when, on which channel, with what result.

    It is the record of the delivery itself, so a later change to the propagation group does not change it.
    """

    created_at: datetime
    recipient: Person
    reason: str
    reason_label: Text | None  # a matrix role's name, when the reason is a role
    kind: str
    channel: str
    status: str
    sent_at: datetime | None
    target: str = ""  # the e-mail address or webhook the notice went to, fixed when it was written
    read_at: datetime | None = None
    attempts: int = 0


@dataclass(frozen=True)
class ClockFigures:
    """One SLA clock's figures at report time (raw minutes, as stored and measured)."""

    kind: str  # response | resolution
    target: int
    elapsed: int  # the judged figure: business minutes on a business calendar, else wall
    elapsed_wall: int
    elapsed_business: int
    paused_wall: int
    paused_business: int
    state: str  # met | missed | stopped | paused | on_track | warning | breached
    business: bool
    minutes_per_day: int
    started_at: datetime
    stopped_at: datetime | None
    due_at: datetime | None

    @property
    def paused(self) -> int:
        """Paused minutes in the clock's own measure."""
        return self.paused_business if self.business else self.paused_wall


@dataclass(frozen=True)
class ActionRow:
    """One logged action (조치 내역)."""

    at: datetime
    actor: Text
    kind: str
    body: str
    minutes_spent: int | None


@dataclass(frozen=True)
class WorkOrderRow:
    """A work order the case issued, with its outcome."""

    number: str
    title: str
    instructions: str
    state: str
    assignee: Person | None
    issued_at: datetime
    due_at: datetime | None
    finished_at: datetime | None
    result: str
    return_reason: str


@dataclass(frozen=True)
class LinkedRow:
    """Another case linked to this one; `relation` says how (problem, change, parent, ...)."""

    relation: str
    number: str
    kind: str
    title: str
    state: str
    opened_at: datetime | None
    grade: GradeInfo | None = None
    application: Text | None = None


@dataclass(frozen=True)
class ServiceRequestRow:
    """A service request sent to another system for the case."""

    system: str
    external_ref: str
    title: str
    state: str
    created_at: datetime


@dataclass(frozen=True)
class OutsideChange:
    """A change to the case made outside Beacon (PostgreSQL's audit): a database login wrote no event for it.

    `fields` holds (table.column, before, after) per changed column, as the case window's history shows them.
    """

    at: datetime
    login: str
    table: str
    operation: str
    fields: list[tuple[str, str, str]]
    application: str


def _outside(case_id: int) -> list[OutsideChange]:
    """The case's out-of-band changes the reader may see (staff on PostgreSQL; nobody on SQLite)."""
    entries = [outside_entry(*row) for row in outside_changes(case_id)]
    return [OutsideChange(e.at, e.actor, e.extra["table"], e.extra["operation"], e.extra["fields"],
                          e.extra["application"]) for e in entries]


@dataclass(frozen=True, kw_only=True)
class CaseReport:
    """What incident and problem reports share."""

    kind: str
    case_id: int
    number: str
    title: str
    description: str
    state: str
    grade: GradeInfo | None
    application: Text | None
    application_code: str
    registered_by: Person
    registered_at: datetime
    assignee: Person | None
    team: Text | None
    closed_at: datetime | None
    cancel_reason: str
    handlers: list[HandlerChange]
    clocks: list[ClockFigures]
    timeline: Timeline
    actions: list[ActionRow]
    work_orders: list[WorkOrderRow]
    linked: list[LinkedRow]
    service_requests: list[ServiceRequestRow]
    organization: Text
    generated_at: datetime
    outside: list[OutsideChange] = field(default_factory=list)

    @property
    def process(self) -> ProcessDef:
        """The process definition of the case's kind (labels, stages)."""
        return definition(self.kind)

    @property
    def is_final(self) -> bool:
        """True when the case is in a final state (closed, cancelled)."""
        state = self.process.states.get(self.state)
        return bool(state and state.final)


@dataclass(frozen=True, kw_only=True)
class IncidentReport(CaseReport):
    """Everything an incident report prints (장애 보고서)."""

    incident_type: Text
    urgency: Text
    impact: Text
    occurred_at: datetime | None
    accepted_at: datetime | None
    resolved_at: datetime | None
    cancelled_at: datetime | None
    reopen_count: int
    initial_grade: GradeInfo | None
    grade_changes: list[GradeChange]
    notices: list[NoticeRow]
    resolution: str
    cause: str
    result: str
    follow_up_plan: str
    recurrence_prevention: str
    what_changed: WhatChanged | None = None  # changes and work orders completed just before it (section 6)


@dataclass(frozen=True, kw_only=True)
class ProblemReport(CaseReport):
    """Everything a problem report prints (문제 보고서)."""

    root_cause: str
    workaround: str
    solution: str
    verification_result: str
    verification_count: int
    is_known_error: bool
    known_error_at: datetime | None
    incidents: list[LinkedRow] = field(default_factory=list)


# --- finding the case --------------------------------------------------------------------

def find_case(ref: str | int, kind: str, *, actor_id: int | None = None) -> tuple[Case, Any]:
    """The case and its row for a number (or id), refusing unknown numbers and the wrong kind.

    Raises:
        BeaconError: `report.not_found` or `report.wrong_kind`, in words a user can act on.
    """
    if isinstance(ref, int):
        case = Case.get_or_none(Case.id == ref)
    else:
        case = Case.get_or_none(Case.number == ref.strip().upper()) or _imported_case(ref.strip(), kind)
    if case is None:
        raise BeaconError("report.not_found", what=KIND_LABELS[kind], number=str(ref))
    if case.kind != kind:
        raise BeaconError("report.wrong_kind", number=case.number, actual=KIND_LABELS.get(case.kind, case.kind),
                          expected=KIND_LABELS[kind])
    _, row = load_row(case.id)
    if actor_id is not None and not can_view(load_actor(actor_id), kind, row):
        raise BeaconError("report.not_found", what=KIND_LABELS[kind], number=case.number)
    return case, row


def _imported_case(number: str, kind: str) -> Case | None:
    """The case imported under this number from another system (ServiceNow's INC0010001), if exactly one was.

    Raises:
        BeaconError: `report.ambiguous_source_number` when several systems used the number.
    """
    from desktop.models.imports import ImportedRecord

    found = list(ImportedRecord.select(ImportedRecord.case, ImportedRecord.source)
                 .where((ImportedRecord.source_number.in_([number, number.upper()])) & (ImportedRecord.kind == kind))
                 .order_by(ImportedRecord.source).limit(10).tuples())
    if len({case_id for case_id, _ in found}) > 1:
        numbers = dict(Case.select(Case.id, Case.number).where(Case.id.in_([c for c, _ in found])).tuples())
        choices = ", ".join(f"{source} → {numbers.get(case_id, case_id)}" for case_id, source in found)
        raise BeaconError("report.ambiguous_source_number", number=number, choices=choices)
    return Case.get_or_none(Case.id == found[0][0]) if found else None


# --- small lookups -----------------------------------------------------------------------

class _Names:
    """People, teams and grades by id, loaded in one query each and kept for the report."""

    def __init__(self) -> None:
        self.teams = {tid: bilingual(name, name_en) for tid, name, name_en in
                      Team.select(Team.id, Team.name, Team.name_en).tuples()}
        self.grades = {gid: GradeInfo(level, bilingual(name, name_en), color) for gid, level, name, name_en, color in
                       Grade.select(Grade.id, Grade.level, Grade.name, Grade.name_en, Grade.color).tuples()}
        self.roles = {code: bilingual(name, name_en) for code, name, name_en in
                      Role.select(Role.code, Role.name, Role.name_en).tuples()}
        self._people: dict[int, Person] = {}

    def load_people(self, ids: set[int]) -> None:
        missing = [i for i in ids if i is not None and i not in self._people]
        for start in range(0, len(missing), 500):
            chunk = missing[start:start + 500]
            for uid, name, name_en, team_id in (User.select(User.id, User.name, User.name_en, User.team)
                                                .where(User.id.in_(chunk)).tuples()):
                self._people[uid] = Person(bilingual(name, name_en), self.teams.get(team_id))

    def person(self, user_id: int | None) -> Person | None:
        if user_id is None:
            return None
        if user_id not in self._people:
            self.load_people({user_id})
        return self._people.get(user_id) or Person(bilingual(f"#{user_id}"))

    def name(self, user_id: int | None) -> Text:
        found = self.person(user_id)
        return found.name if found else bilingual("-")


def organization_name() -> Text:
    """The organisation's name in both languages (setting `organization_name`)."""
    value = get_setting("organization_name", None)
    if isinstance(value, dict):
        return bilingual(str(value.get("ko") or "Beacon ITSM"), str(value.get("en") or ""))
    return bilingual(str(value or "Beacon ITSM"))


def _application(app_id: int | None) -> tuple[Text | None, str]:
    if app_id is None:
        return None, ""
    app = ConfigurationItem.get_or_none(ConfigurationItem.id == app_id)
    if app is None:
        return None, ""
    return bilingual(app.name, app.name_en), app.code


# --- the event log -------------------------------------------------------------------------

def _handlers(events: list[EventRow], names: _Names) -> list[HandlerChange]:
    """Who held the case, with the team at that time: a row each time the assignee or the team changes (an
    un-assignment shows as "unassigned" once someone held it)."""
    out = []
    current: tuple[Any, Any] = (None, None)
    for e in events:
        if "assignee" not in e.after and "assigned_team" not in e.after:
            continue
        user_id = e.after.get("assignee", current[0])
        team_id = e.after.get("assigned_team", current[1])
        if (user_id, team_id) == current or (user_id is None and not out):
            current = (user_id, team_id)
            continue
        current = (user_id, team_id)
        person = names.person(user_id) if user_id is not None else None
        name = person.name if person is not None else LABELS.pair("unassigned")
        team = names.teams.get(team_id) if team_id is not None else None
        out.append(HandlerChange(at=e.at, handler=Person(name, team), transition=e.kind, by=names.name(e.actor_id)))
    return out


def _clocks(case_id: int, at: datetime) -> list[ClockFigures]:
    out = []
    pauses = case_pauses(case_id)
    calendars: dict[int, WorkingCalendar] = {}
    order = {"response": 0, "resolution": 1}
    for clock in sorted(SlaClock.select().where(SlaClock.case == case_id), key=lambda c: order.get(c.kind, 9)):
        if clock.calendar_id is not None:
            calendar = calendars.setdefault(clock.calendar_id, load_calendar(clock.calendar_id))
        else:
            calendar = WorkingCalendar(code="24x7", time_zone="UTC", hours={}, is_24x7=True)
        status = clock_status(clock, at, calendar=calendar, pauses=pauses)
        m = measure(clock, calendar, pauses, at)
        per_day = calendar.working_minutes_per_day() if clock.uses_business_time else 24 * 60
        out.append(ClockFigures(
            kind=clock.kind, target=clock.target_minutes, elapsed=status.elapsed, elapsed_wall=m.wall,
            elapsed_business=m.business, paused_wall=m.paused_wall, paused_business=m.paused_business,
            state=status.state, business=clock.uses_business_time, minutes_per_day=per_day,
            started_at=clock.started_at, stopped_at=clock.stopped_at, due_at=clock_due_at(clock, calendar, pauses)))
    return out


def _actions(case_id: int, names: _Names) -> list[ActionRow]:
    rows = list(Action.select(Action.acted_at, Action.actor, Action.kind, Action.body, Action.minutes_spent)
                .where(Action.case == case_id).order_by(Action.acted_at, Action.id).tuples())
    names.load_people({actor for _, actor, _, _, _ in rows})
    return [ActionRow(at, names.name(actor), kind, body, minutes) for at, actor, kind, body, minutes in rows]


def _work_orders(case_id: int, names: _Names) -> list[WorkOrderRow]:
    query = (WorkOrder.select(Case.number, WorkOrder.title, WorkOrder.instructions, WorkOrder.state,
                              WorkOrder.assignee, WorkOrder.issued_at, WorkOrder.due_at, WorkOrder.finished_at,
                              WorkOrder.result, WorkOrder.return_reason)
             .join(Case, on=(WorkOrder.case == Case.id))
             .where(WorkOrder.parent == case_id).order_by(WorkOrder.issued_at, WorkOrder.case))
    rows = list(query.tuples())
    names.load_people({r[4] for r in rows if r[4] is not None})
    return [WorkOrderRow(number, title, instructions or "", state, names.person(assignee), issued, due, finished,
                         result or "", returned or "")
            for number, title, instructions, state, assignee, issued, due, finished, result, returned in rows]


def _linked(case_id: int, names: _Names) -> list[LinkedRow]:
    """Cases linked either way, changes spawned from this case, parent and children."""
    relations: dict[int, str] = {}
    for kind, other in CaseLink.select(CaseLink.kind, CaseLink.target).where(CaseLink.source == case_id).tuples():
        relations.setdefault(other, kind)
    for kind, other in CaseLink.select(CaseLink.kind, CaseLink.source).where(CaseLink.target == case_id).tuples():
        relations.setdefault(other, "duplicated_by" if kind == "duplicate" else kind)
    for (other,) in Change.select(Change.case).where(Change.parent == case_id).tuples():
        relations.setdefault(other, "change")
    incident = Incident.get_or_none(Incident.case == case_id)
    if incident is not None:
        if incident.parent_id:
            relations[incident.parent_id] = "parent"
        for (child,) in Incident.select(Incident.case).where(Incident.parent == case_id).tuples():
            relations[child] = "child"
    if not relations:
        return []
    kinds = {cid: (kind, number) for cid, kind, number in
             Case.select(Case.id, Case.kind, Case.number).where(Case.id.in_(list(relations))).tuples()}
    rows: list[LinkedRow] = []
    for kind, model, opened in (("incident", Incident, Incident.registered_at),
                                ("problem", Problem, Problem.registered_at),
                                ("change", Change, Change.requested_at)):
        ids = [cid for cid, (k, _) in kinds.items() if k == kind]
        if not ids:
            continue
        columns = [model.case, model.title, model.state, opened]
        has_grade = kind in ("incident", "problem")
        if has_grade:
            columns += [model.grade, model.application]
        for values in model.select(*columns).where(model.case.in_(ids)).tuples():
            cid, title, state, opened_at = values[:4]
            grade = names.grades.get(values[4]) if has_grade and values[4] is not None else None
            app = _application(values[5])[0] if has_grade and values[5] is not None else None
            rows.append(LinkedRow(relations[cid], kinds[cid][1], kind, title, state, opened_at, grade, app))
    order = {"parent": 0, "child": 1, "problem": 2, "incident": 3, "change": 4}
    rows.sort(key=lambda r: (order.get(r.relation, 5), r.opened_at or datetime.min, r.number))
    return rows


def _service_requests(case_id: int) -> list[ServiceRequestRow]:
    return [ServiceRequestRow(system, ref or "", title, state, created) for system, ref, title, state, created in
            ServiceRequestLink.select(ServiceRequestLink.system, ServiceRequestLink.external_ref,
                                      ServiceRequestLink.title, ServiceRequestLink.state,
                                      ServiceRequestLink.created_at)
            .where(ServiceRequestLink.case == case_id).order_by(ServiceRequestLink.created_at).tuples()]


# --- incident ------------------------------------------------------------------------------

def load_incident_report(ref: str | int, *, actor_id: int | None = None,
                         now: datetime | None = None) -> IncidentReport:
    """Assemble an incident report from the incident's rows and its event log.

    Args:
        ref: the incident number (INC-2026-000123) or its case id.
        actor_id: when given, a customer may only print what they registered.
        now: the report time (naive UTC); open cases are measured up to it.

    Raises:
        BeaconError: unknown number, or the number is not an incident.
    """
    at = now or utcnow()
    case, row = find_case(ref, "incident", actor_id=actor_id)
    process = definition("incident")
    names = _Names()
    events = load_events(case.id)
    names.load_people({e.actor_id for e in events if e.actor_id} | {row.registered_by_id, row.assignee_id}
                      - {None})
    grade_changes = []
    initial_grade = None
    for e in events:
        if e.kind == process.creation.name and "grade" in e.after:
            initial_grade = names.grades.get(e.after["grade"])
        if e.kind == "regrade" and "grade" in e.after:
            before = names.grades.get(e.before.get("grade")) if e.before.get("grade") is not None else None
            after = names.grades.get(e.after["grade"])
            if after is not None:
                grade_changes.append(GradeChange(at=e.at, by=names.name(e.actor_id), before=before, after=after,
                                                 reason=e.note))
    if initial_grade is None:
        initial_grade = grade_changes[0].before if grade_changes else names.grades.get(row.grade_id)

    notices = []
    query = (Notification.select(Notification.created_at, Notification.recipient, Notification.reason,
                                 Notification.kind, Notification.channel, Notification.status, Notification.sent_at,
                                 Notification.target, Notification.read_at, Notification.attempts)
             .where(Notification.case == case.id).order_by(Notification.created_at, Notification.id))
    notice_rows = list(query.tuples())
    names.load_people({r[1] for r in notice_rows})
    for created, recipient, reason, kind, channel, status, sent, target, read, attempts in notice_rows:
        person = names.person(recipient)
        assert person is not None
        notices.append(NoticeRow(created, person, reason, names.roles.get(reason), kind, channel, status, sent,
                                 target or "", read, attempts or 0))

    clocks = _clocks(case.id, at)
    actions = _actions(case.id, names)
    work_orders = _work_orders(case.id, names)
    linked = _linked(case.id, names)
    timeline = build_timeline(process, events, row.registered_at, ended_at("incident", row, events), at,
                              case_markers(case.id, "incident", events), due_lines(clocks))
    application, app_code = _application(row.application_id)
    urgency = UrgencyLevel.get_by_id(row.urgency_id)
    impact = ImpactLevel.get_by_id(row.impact_id)
    incident_type = _incident_type(row.incident_type)
    return IncidentReport(
        what_changed=changes_before(case.id),
        kind="incident", case_id=case.id, number=case.number, title=row.title, description=row.description or "",
        state=row.state, grade=names.grades.get(row.grade_id), application=application, application_code=app_code,
        registered_by=names.person(row.registered_by_id) or Person(bilingual("-")), registered_at=row.registered_at,
        assignee=names.person(row.assignee_id), team=names.teams.get(row.assigned_team_id),
        closed_at=row.closed_at, cancel_reason=row.cancel_reason or "", handlers=_handlers(events, names),
        clocks=clocks, timeline=timeline,
        actions=actions, work_orders=work_orders, linked=linked, service_requests=_service_requests(case.id),
        organization=organization_name(), generated_at=at,
        incident_type=incident_type, urgency=bilingual(urgency.name, urgency.name_en),
        impact=bilingual(impact.name, impact.name_en), occurred_at=row.occurred_at, accepted_at=row.accepted_at,
        resolved_at=row.resolved_at, cancelled_at=row.cancelled_at, reopen_count=row.reopen_count,
        initial_grade=initial_grade, grade_changes=grade_changes, notices=notices,
        resolution=row.resolution or "", cause=row.cause or "", result=row.result or "",
        follow_up_plan=row.follow_up_plan or "", recurrence_prevention=row.recurrence_prevention or "",
        outside=_outside(case.id),
    )


def _incident_type(code: str) -> Text:
    """The incident type's name from the `incident_types` setting."""
    types = get_setting("incident_types", [])
    for item in types if isinstance(types, list) else []:
        if isinstance(item, dict) and item.get("code") == code:
            return bilingual(str(item.get("name") or code), str(item.get("name_en") or ""))
    return bilingual(code)


# --- problem -------------------------------------------------------------------------------

def load_problem_report(ref: str | int, *, actor_id: int | None = None, now: datetime | None = None) -> ProblemReport:
    """Assemble a problem report: root cause, workaround, known error, linked incidents, history.

    Raises:
        BeaconError: unknown number, or the number is not a problem.
    """
    at = now or utcnow()
    case, row = find_case(ref, "problem", actor_id=actor_id)
    process = definition("problem")
    names = _Names()
    events = load_events(case.id)
    names.load_people({e.actor_id for e in events if e.actor_id} | {row.registered_by_id, row.assignee_id}
                      - {None})
    clocks = _clocks(case.id, at)
    actions = _actions(case.id, names)
    work_orders = _work_orders(case.id, names)
    linked = _linked(case.id, names)
    incidents = [r for r in linked if r.kind == "incident"]
    others = [r for r in linked if r.kind != "incident"]
    timeline = build_timeline(process, events, row.registered_at, ended_at("problem", row, events), at,
                              case_markers(case.id, "problem", events), due_lines(clocks))
    application, app_code = _application(row.application_id)
    return ProblemReport(
        kind="problem", case_id=case.id, number=case.number, title=row.title, description=row.description or "",
        state=row.state, grade=names.grades.get(row.grade_id) if row.grade_id else None, application=application,
        application_code=app_code, registered_by=names.person(row.registered_by_id) or Person(bilingual("-")),
        registered_at=row.registered_at, assignee=names.person(row.assignee_id),
        team=names.teams.get(row.assigned_team_id), closed_at=row.closed_at, cancel_reason=row.cancel_reason or "",
        handlers=_handlers(events, names), clocks=clocks,
        timeline=timeline,
        actions=actions, work_orders=work_orders, linked=others, service_requests=_service_requests(case.id),
        organization=organization_name(), generated_at=at,
        root_cause=row.root_cause or "", workaround=row.workaround or "", solution=row.solution or "",
        verification_result=row.verification_result or "", verification_count=row.verification_count,
        is_known_error=bool(row.is_known_error), known_error_at=row.known_error_at, incidents=incidents,
        outside=_outside(case.id),
    )


__all__ = [
    "ActionRow",
    "CaseReport",
    "ClockFigures",
    "GradeChange",
    "GradeInfo",
    "HandlerChange",
    "IncidentReport",
    "LinkedRow",
    "Marker",
    "NoticeRow",
    "OutsideChange",
    "Person",
    "ProblemReport",
    "Segment",
    "ServiceRequestRow",
    "Timeline",
    "WorkOrderRow",
    "bilingual",
    "find_case",
    "load_incident_report",
    "load_problem_report",
]
