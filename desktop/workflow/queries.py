"""Read side: case lists with filters and keyset pagination, one case's timeline.

Lists return plain tuples turned into small dataclasses (no model instances),
so a page of 200 rows stays cheap; the next page starts after the last row's
(registered_at, case id), which an index serves directly at any depth.
"""

from __future__ import annotations

import operator
from dataclasses import dataclass, field
from datetime import datetime
from functools import reduce
from typing import Any

import peewee

from desktop.errors import BeaconError
from desktop.i18n import pick
from desktop.models import (
    Action,
    Case,
    ConfigurationItem,
    Event,
    Grade,
    Incident,
    User,
    database,
)
from desktop.workflow.actors import Actor, load_actor
from desktop.workflow.engine import REPORTER_COLUMN, load_row
from desktop.workflow.process import definition

PAGE_SIZE = 200


@dataclass(frozen=True)
class IncidentFilter:
    """What the incident list shows; empty fields do not filter."""

    states: tuple[str, ...] = ()
    grades: tuple[int, ...] = ()  # grade levels
    application_ids: tuple[int, ...] = ()
    assignee_id: int | None = None
    text: str = ""
    registered_from: datetime | None = None
    registered_to: datetime | None = None


@dataclass(frozen=True)
class IncidentRow:
    case_id: int
    number: str
    title: str
    state: str
    grade: int
    grade_color: str
    application: str
    assignee: str
    registered_at: datetime
    version: int


@dataclass(frozen=True)
class Cursor:
    """Where the next page starts: after this (registered_at, case id)."""

    registered_at: datetime
    case_id: int


@dataclass(frozen=True)
class Page:
    rows: list[IncidentRow]
    next_cursor: Cursor | None = None


def _contains(columns: list[Any], words: str) -> Any:
    """Any of the columns contains the words (case-insensitive on PostgreSQL, where pg_trgm indexes ILIKE)."""
    sqlite = isinstance(database.obj, peewee.SqliteDatabase)
    conditions = [c.contains(words) if sqlite else c.ilike(f"%{words}%") for c in columns]
    return reduce(operator.or_, conditions)


def _text_condition(model: Any, text: str) -> Any:
    words = text.strip()
    if not words:
        return None
    if isinstance(database.obj, peewee.SqliteDatabase) and model is Incident and len(words) >= 3:
        phrase = '"' + words.replace('"', '""') + '"'
        matches = peewee.SQL("(SELECT rowid FROM incident_search WHERE incident_search MATCH ?)", (phrase,))
        return model.case.in_(matches)
    return _contains([model.title, model.description], words)


def list_incidents(*, actor_id: int, filters: IncidentFilter | None = None, after: Cursor | None = None,
                   limit: int = PAGE_SIZE) -> Page:
    """One page of incidents, newest first, as this user may see them."""
    actor = load_actor(actor_id)
    f = filters or IncidentFilter()
    Assignee = User.alias()
    query = (
        Incident.select(Incident.case, Case.number, Incident.title, Incident.state, Grade.level, Grade.color,
                        ConfigurationItem.name, Assignee.name, Incident.registered_at, Incident.version)
        .join(Case, on=(Incident.case == Case.id))
        .switch(Incident).join(Grade, on=(Incident.grade == Grade.id))
        .switch(Incident).join(ConfigurationItem, on=(Incident.application == ConfigurationItem.id))
        .switch(Incident).join(Assignee, peewee.JOIN.LEFT_OUTER, on=(Incident.assignee == Assignee.id))
    )
    conditions = []
    if actor.is_customer_only:
        conditions.append(Incident.registered_by == actor.id)
    if f.states:
        conditions.append(Incident.state.in_(f.states))
    if f.grades:
        conditions.append(Grade.level.in_(f.grades))
    if f.application_ids:
        conditions.append(Incident.application.in_(f.application_ids))
    if f.assignee_id is not None:
        conditions.append(Incident.assignee == f.assignee_id)
    if f.registered_from is not None:
        conditions.append(Incident.registered_at >= f.registered_from)
    if f.registered_to is not None:
        conditions.append(Incident.registered_at < f.registered_to)
    text = _text_condition(Incident, f.text)
    if text is not None:
        conditions.append(text)
    if after is not None:
        conditions.append(
            (Incident.registered_at < after.registered_at)
            | ((Incident.registered_at == after.registered_at) & (Incident.case < after.case_id))
        )
    for condition in conditions:
        query = query.where(condition)
    query = query.order_by(Incident.registered_at.desc(), Incident.case.desc()).limit(limit + 1)
    rows = [IncidentRow(*(value if value is not None else "" for value in t)) for t in query.tuples()]
    next_cursor = None
    if len(rows) > limit:
        rows = rows[:limit]
        last = rows[-1]
        next_cursor = Cursor(last.registered_at, last.case_id)
    return Page(rows=rows, next_cursor=next_cursor)


@dataclass(frozen=True)
class TimelineEntry:
    """One line of a case's history, from its events and actions."""

    at: datetime
    kind: str  # transition name, "action", or an effect's event kind
    actor: str
    from_state: str = ""
    to_state: str = ""
    note: str = ""
    before: str = "{}"
    after: str = "{}"
    action_kind: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


def can_view(actor: Actor, kind: str, row: Any) -> bool:
    """Customers see only what they reported; staff see everything."""
    return not actor.is_customer_only or getattr(row, REPORTER_COLUMN[kind] + "_id") == actor.id


def timeline(*, actor_id: int, case_id: int) -> list[TimelineEntry]:
    """A case's full history in time order: transitions, effects' events and actions."""
    actor = load_actor(actor_id)
    kind, row = load_row(case_id)
    if not can_view(actor, kind, row):
        raise BeaconError("workflow.not_found", what={"ko": "건", "en": "Case"}, ref=case_id)
    entries = [
        TimelineEntry(at, k, name or "", fs, ts, note, before, after)
        for at, k, name, fs, ts, note, before, after in Event.select(
            Event.occurred_at, Event.kind, User.name, Event.from_state, Event.to_state, Event.note, Event.before,
            Event.after)
        .join(User, peewee.JOIN.LEFT_OUTER, on=(Event.actor == User.id))
        .where((Event.case == case_id) & (Event.kind != "action")).order_by(Event.occurred_at, Event.id).tuples()
    ]
    entries += [
        TimelineEntry(at, "action", name, note=body, action_kind=action_kind)
        for at, name, body, action_kind in Action.select(Action.acted_at, User.name, Action.body, Action.kind)
        .join(User, on=(Action.actor == User.id)).where(Action.case == case_id)
        .order_by(Action.acted_at, Action.id).tuples()
    ]
    entries.sort(key=lambda e: e.at)
    return entries


def state_label(kind: str, state: str, language: str | None = None) -> str:
    """The Korean or English name of a state, from the process definition."""
    states = definition(kind).states
    return pick(states[state].label, language) if state in states else state


@dataclass(frozen=True)
class CaseFilter:
    """Filters for the problem, change and work-order lists."""

    states: tuple[str, ...] = ()
    assignee_id: int | None = None
    text: str = ""
    opened_from: datetime | None = None
    opened_to: datetime | None = None


@dataclass(frozen=True)
class CaseRow:
    case_id: int
    number: str
    title: str
    state: str
    assignee: str
    opened_at: datetime
    version: int


@dataclass(frozen=True)
class CasePage:
    rows: list[CaseRow]
    next_cursor: Cursor | None = None


def list_cases(*, actor_id: int, kind: str, filters: CaseFilter | None = None, after: Cursor | None = None,
               limit: int = PAGE_SIZE) -> CasePage:
    """One page of problems, changes or work orders, newest first (keyset on opened time and id)."""
    from desktop.workflow.engine import KIND_MODELS, OPENED_AT_COLUMN

    if kind == "incident":
        raise ValueError("use list_incidents for incidents")
    actor = load_actor(actor_id)
    model = KIND_MODELS[kind]
    opened = getattr(model, OPENED_AT_COLUMN[kind])
    f = filters or CaseFilter()
    Assignee = User.alias()
    query = (
        model.select(model.case, Case.number, model.title, model.state, Assignee.name, opened, model.version)
        .join(Case, on=(model.case == Case.id))
        .switch(model).join(Assignee, peewee.JOIN.LEFT_OUTER, on=(model.assignee == Assignee.id))
    )
    if actor.is_customer_only:
        query = query.where(getattr(model, REPORTER_COLUMN[kind]) == actor.id)
    if f.states:
        query = query.where(model.state.in_(f.states))
    if f.assignee_id is not None:
        query = query.where(model.assignee == f.assignee_id)
    if f.opened_from is not None:
        query = query.where(opened >= f.opened_from)
    if f.opened_to is not None:
        query = query.where(opened < f.opened_to)
    if f.text.strip():
        query = query.where(_contains([model.title], f.text.strip()))
    if after is not None:
        query = query.where((opened < after.registered_at)
                            | ((opened == after.registered_at) & (model.case < after.case_id)))
    query = query.order_by(opened.desc(), model.case.desc()).limit(limit + 1)
    rows = [CaseRow(*(value if value is not None else "" for value in t)) for t in query.tuples()]
    if len(rows) > limit:
        rows = rows[:limit]
        return CasePage(rows, Cursor(rows[-1].opened_at, rows[-1].case_id))
    return CasePage(rows)


def work_orders_of(case_id: int) -> list[CaseRow]:
    """The work orders a case issued, with their states (the parent shows them)."""
    from desktop.models import WorkOrder

    Assignee = User.alias()
    query = (WorkOrder.select(WorkOrder.case, Case.number, WorkOrder.title, WorkOrder.state, Assignee.name,
                              WorkOrder.issued_at, WorkOrder.version)
             .join(Case, on=(WorkOrder.case == Case.id))
             .switch(WorkOrder).join(Assignee, peewee.JOIN.LEFT_OUTER, on=(WorkOrder.assignee == Assignee.id))
             .where(WorkOrder.parent == case_id).order_by(WorkOrder.issued_at, WorkOrder.case))
    return [CaseRow(*(value if value is not None else "" for value in t)) for t in query.tuples()]


def linked_cases(case_id: int) -> list[tuple[str, str, str, str]]:
    """Cases linked to this one: (link kind, number, kind, state), both directions."""
    from desktop.models import CaseLink

    out = []
    for link_kind, other_id in (CaseLink.select(CaseLink.kind, CaseLink.target).where(CaseLink.source == case_id)
                                .tuples()):
        out.append((link_kind, other_id))
    for link_kind, other_id in (CaseLink.select(CaseLink.kind, CaseLink.source).where(CaseLink.target == case_id)
                                .tuples()):
        out.append((link_kind, other_id))
    result = []
    for link_kind, other_id in out:
        other_kind, row = load_row(other_id)
        result.append((link_kind, Case.get_by_id(other_id).number, other_kind, row.state))
    return result


@dataclass(frozen=True)
class DeliveryRow:
    """Who was told about a case, on which channel, and whether it arrived."""

    recipient: str
    reason: str
    kind: str
    channel: str
    status: str
    created_at: datetime
    sent_at: datetime | None


def deliveries_of(case_id: int) -> list[DeliveryRow]:
    """The propagation record of a case: every notice, oldest first."""
    from desktop.models import Notification

    query = (Notification.select(User.name, Notification.reason, Notification.kind, Notification.channel,
                                 Notification.status, Notification.created_at, Notification.sent_at)
             .join(User, on=(Notification.recipient == User.id))
             .where(Notification.case == case_id).order_by(Notification.id))
    return [DeliveryRow(*row) for row in query.tuples()]
