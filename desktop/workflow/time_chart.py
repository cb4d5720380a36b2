"""The time chart's data (타임 차트): state spans, markers and SLA due moments of one case.

Built from the immutable event log and the case's actions, work orders, changes and links, so
the chart the case view draws and the chart the printed report draws show the same thing. No
drawing here and no Qt; times stay naive UTC as stored.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

import peewee

from desktop.models import Action, Case, CaseLink, Change, Event, Grade, SlaClock, User, WorkOrder, utcnow
from desktop.workflow.calendars import WorkingCalendar, load_calendar, wall_minutes
from desktop.workflow.process import ProcessDef
from desktop.workflow.sla import case_pauses, clock_status, due_at

Text = dict[str, str]

# Which marker rows a chart of each kind shows, top to bottom.
MARKER_ROWS: dict[str, tuple[str, ...]] = {
    "incident": ("action", "work_order", "change", "event"),
    "problem": ("action", "work_order", "change", "incident", "event"),
}
# Events worth a marker of their own (grade changes among them).
KEY_EVENTS: dict[str, tuple[str, ...]] = {
    "incident": ("regrade", "reopen", "cancel"),
    "problem": ("record_known_error", "verify_failed", "cancel"),
}


@dataclass(frozen=True)
class Segment:
    """A span the case spent in one state; `stage` from the process definition."""

    state: str
    stage: int | None
    start: datetime
    end: datetime
    waiting: bool
    final: bool

    @property
    def minutes(self) -> int:
        """Wall-clock minutes of the span."""
        return wall_minutes(self.start, self.end)


@dataclass(frozen=True)
class Marker:
    """A point on the time chart: an action, a work order, a change, a linked incident, a key event.

    `label` is a code or a number (the action's kind, WO-…, the event kind); `detail` says more in
    both languages (the action's text, a title, a grade change "1등급 → 2등급: reason"), for tooltips.
    """

    at: datetime
    kind: str  # action | work_order | change | event | incident
    label: str
    detail: Text = field(default_factory=dict)
    actor: str = ""


@dataclass(frozen=True)
class StageInfo:
    """A stage of the process (1 = registered ...), named after its first state."""

    number: int
    label: Text


@dataclass(frozen=True)
class Timeline:
    """Everything the time chart draws, in naive UTC."""

    start: datetime
    end: datetime
    stages: list[StageInfo]
    segments: list[Segment]
    markers: list[Marker]
    due: list[tuple[str, datetime]]  # (clock kind, when its target is reached)


@dataclass(frozen=True)
class EventRow:
    """One event of the case's log, its JSON before/after already read."""

    id: int
    at: datetime
    kind: str
    actor_id: int | None
    from_state: str
    to_state: str
    before: dict[str, Any]
    after: dict[str, Any]
    note: str


class ClockLike(Protocol):
    """What `due_lines` reads of a clock (the report's ClockFigures, or `_Due` below)."""

    @property
    def kind(self) -> str: ...

    @property
    def due_at(self) -> datetime | None: ...

    @property
    def state(self) -> str: ...


@dataclass(frozen=True)
class _Due:
    kind: str
    due_at: datetime | None
    state: str


def _json(text: str) -> dict[str, Any]:
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def load_events(case_id: int) -> list[EventRow]:
    """The case's events in time order, actions left out (they have their own table)."""
    query = (Event.select(Event.id, Event.occurred_at, Event.kind, Event.actor, Event.from_state, Event.to_state,
                          Event.before, Event.after, Event.note)
             .where((Event.case == case_id) & (Event.kind != "action")).order_by(Event.occurred_at, Event.id))
    return [EventRow(eid, at, kind, actor, fs or "", ts or "", _json(before), _json(after), note or "")
            for eid, at, kind, actor, fs, ts, before, after, note in query.tuples()]


def segments(process: ProcessDef, events: list[EventRow], opened_at: datetime, end: datetime) -> list[Segment]:
    """The state spans, from the transitions recorded in the event log."""
    changes = [(e.at, e.to_state) for e in events
               if e.kind in process.transitions and e.to_state and e.to_state != e.from_state]
    if not changes:
        changes = [(opened_at, process.initial.name)]
    out = []
    for i, (at, state) in enumerate(changes):
        spec = process.states.get(state)
        final = bool(spec and spec.final)
        # a final state is a point in time; an open last state runs to the chart's "now"
        last = at if final else max(end, at)
        stop = changes[i + 1][0] if i + 1 < len(changes) else last
        out.append(Segment(state=state, stage=spec.stage if spec else None, start=at, end=stop,
                           waiting=bool(spec and spec.pauses_sla), final=final))
    return out


def stages(process: ProcessDef) -> list[StageInfo]:
    """Stage numbers in order, each named after the first state that carries it."""
    seen: dict[int, Text] = {}
    for state in process.states.values():
        if state.stage is not None and state.stage not in seen:
            seen[state.stage] = dict(state.label)
    return [StageInfo(number, seen[number]) for number in sorted(seen)]


def due_lines(clocks: Iterable[ClockLike]) -> list[tuple[str, datetime]]:
    """The SLA due moments worth a line: a clock stopped without a verdict (cancelled case) has none."""
    return [(c.kind, c.due_at) for c in clocks if c.due_at is not None and c.state != "stopped"]


def ended_at(kind: str, row: Any, events: list[EventRow]) -> datetime | None:
    """When the case finished (closed or cancelled), or None while it is open."""
    if getattr(row, "closed_at", None):
        return row.closed_at  # type: ignore[no-any-return]
    if getattr(row, "cancelled_at", None):
        return row.cancelled_at  # type: ignore[no-any-return]
    if row.state == "cancelled":
        for e in reversed(events):
            if e.to_state == "cancelled":
                return e.at
    return None


def build_timeline(process: ProcessDef, events: list[EventRow], opened_at: datetime, closed_at: datetime | None,
                   now: datetime, markers: list[Marker], due: list[tuple[str, datetime]]) -> Timeline:
    """Spans, markers and due lines on one axis from opening to closure (or `now`)."""
    spans = segments(process, events, opened_at, now)
    last = spans[-1].end if spans else (closed_at or now)
    points = [m.at for m in markers]
    start = min([opened_at, *[s.start for s in spans], *points])
    end = max([last, *points])
    return Timeline(start=start, end=end, stages=stages(process), segments=spans,
                    markers=sorted(markers, key=lambda m: m.at), due=due)


def _both(text: str) -> Text:
    return {"ko": text, "en": text}


def case_markers(case_id: int, kind: str, events: list[EventRow]) -> list[Marker]:
    """Every marker of a case: actions (at when they were done), work orders, changes, links, key events."""
    markers = [Marker(at, "action", action_kind, _both(body), name or "")
               for at, action_kind, body, name in
               Action.select(Action.acted_at, Action.kind, Action.body, User.name)
               .join(User, peewee.JOIN.LEFT_OUTER, on=(Action.actor == User.id))
               .where(Action.case == case_id).order_by(Action.acted_at, Action.id).tuples()]
    markers += [Marker(issued, "work_order", number, _both(title))
                for issued, number, title in
                WorkOrder.select(WorkOrder.issued_at, Case.number, WorkOrder.title)
                .join(Case, on=(WorkOrder.case == Case.id)).where(WorkOrder.parent == case_id).tuples()]
    linked = {other for (other,) in CaseLink.select(CaseLink.target).where(CaseLink.source == case_id).tuples()}
    linked |= {other for (other,) in CaseLink.select(CaseLink.source).where(CaseLink.target == case_id).tuples()}
    change_ids = {cid for (cid,) in Change.select(Change.case).where(Change.parent == case_id).tuples()}
    change_ids |= {cid for (cid,) in Change.select(Change.case).where(Change.case.in_(list(linked) or [0])).tuples()}
    if change_ids:
        markers += [Marker(requested, "change", number, _both(title))
                    for requested, number, title in
                    Change.select(Change.requested_at, Case.number, Change.title)
                    .join(Case, on=(Change.case == Case.id)).where(Change.case.in_(list(change_ids))).tuples()]
    if kind == "problem":
        markers += [Marker(linked_at, "incident", number)
                    for linked_at, number in
                    CaseLink.select(CaseLink.created_at, Case.number)
                    .join(Case, on=(CaseLink.source == Case.id))
                    .where((CaseLink.target == case_id) & (CaseLink.kind == "problem")
                           & (Case.kind == "incident")).tuples()]
    key = KEY_EVENTS.get(kind, ())
    grades: dict[int, tuple[str, str]] | None = None
    for e in events:
        if e.kind not in key:
            continue
        detail = _both(e.note)
        if e.kind == "regrade" and "grade" in e.after:
            if grades is None:
                grades = {gid: (name, name_en or name) for gid, name, name_en in
                          Grade.select(Grade.id, Grade.name, Grade.name_en).tuples()}
            before = grades.get(e.before.get("grade"), ("?", "?"))
            after = grades.get(e.after["grade"], ("?", "?"))
            detail = {lang: f"{before[i]} → {after[i]}" + (f": {e.note}" if e.note else "")
                      for i, lang in enumerate(("ko", "en"))}
        markers.append(Marker(e.at, "event", e.kind, detail))
    return markers


def clock_due_moments(case_id: int, now: datetime) -> list[tuple[str, datetime]]:
    """The case's SLA due moments (response, resolution), measured as the clocks measure them."""
    pauses = case_pauses(case_id)
    calendars: dict[int, WorkingCalendar] = {}
    order = {"response": 0, "resolution": 1}
    found = []
    for clock in sorted(SlaClock.select().where(SlaClock.case == case_id), key=lambda c: order.get(c.kind, 9)):
        if clock.calendar_id is not None:
            calendar = calendars.setdefault(clock.calendar_id, load_calendar(clock.calendar_id))
        else:
            calendar = WorkingCalendar(code="24x7", time_zone="UTC", hours={}, is_24x7=True)
        state = clock_status(clock, now, calendar=calendar, pauses=pauses).state
        found.append(_Due(clock.kind, due_at(clock, calendar, pauses), state))
    return due_lines(found)


def case_timeline(case_id: int, *, kind: str, process: ProcessDef, row: Any, opened_at: datetime,
                  now: datetime | None = None) -> Timeline:
    """The whole time chart of a case whose row the caller has already loaded (and may see)."""
    at = now or utcnow()
    events = load_events(case_id)
    return build_timeline(process, events, opened_at, ended_at(kind, row, events), at,
                          case_markers(case_id, kind, events), clock_due_moments(case_id, at))


__all__ = [
    "KEY_EVENTS",
    "MARKER_ROWS",
    "EventRow",
    "Marker",
    "Segment",
    "StageInfo",
    "Timeline",
    "build_timeline",
    "case_markers",
    "case_timeline",
    "clock_due_moments",
    "due_lines",
    "ended_at",
    "load_events",
    "segments",
    "stages",
]
