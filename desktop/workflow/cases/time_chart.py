"""The time chart's data (타임 차트): state spans, markers and SLA due moments of one case.

Built from the immutable event log and the case's actions, work orders, changes and links, so
the chart the case view draws and the chart the printed report draws show the same thing. No
drawing here and no Qt; times stay naive UTC as stored.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
from typing import Any, Protocol
from zoneinfo import ZoneInfo

import peewee

from desktop.models import Action, Case, CaseLink, Change, Event, Grade, SlaClock, User, WorkOrder, utcnow
from desktop.models.prepared import Prepared, param
from desktop.workflow.engine.process import ProcessDef
from desktop.workflow.sla.calendars import WorkingCalendar, load_calendar, wall_minutes
from desktop.workflow.sla.clocks import case_pauses, clock_status, due_at

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

# Tick steps in minutes, from two minutes to a quarter of a year.
TICK_STEPS = (1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2 * 1440, 7 * 1440, 14 * 1440, 28 * 1440,
              56 * 1440, 91 * 1440)
MIN_SPAN_MINUTES = 10


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


_EVENTS = Prepared(lambda: Event.select(Event.id, Event.occurred_at, Event.kind, Event.actor, Event.from_state,
                                        Event.to_state, Event.before, Event.after, Event.note)
                   .where((Event.case == param("case")) & (Event.kind != "action"))
                   .order_by(Event.occurred_at, Event.id).tuples())


def load_events(case_id: int) -> list[EventRow]:
    """The case's events in time order, actions left out (they have their own table)."""
    return [EventRow(eid, at, kind, actor, fs or "", ts or "", _json(before), _json(after), note or "")
            for eid, at, kind, actor, fs, ts, before, after, note in _EVENTS.tuples(case=case_id)]


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
    actions = [(at, action_kind, body, name or "") for at, action_kind, body, name in
               Action.select(Action.acted_at, Action.kind, Action.body, User.name)
               .join(User, peewee.JOIN.LEFT_OUTER, on=(Action.actor == User.id))
               .where(Action.case == case_id).order_by(Action.acted_at, Action.id).tuples()]
    work_orders = list(WorkOrder.select(WorkOrder.issued_at, Case.number, WorkOrder.title)
                       .join(Case, on=(WorkOrder.case == Case.id)).where(WorkOrder.parent == case_id).tuples())
    linked = {other for (other,) in CaseLink.select(CaseLink.target).where(CaseLink.source == case_id).tuples()}
    linked |= {other for (other,) in CaseLink.select(CaseLink.source).where(CaseLink.target == case_id).tuples()}
    change_ids = {cid for (cid,) in Change.select(Change.case).where(Change.parent == case_id).tuples()}
    change_ids |= {cid for (cid,) in Change.select(Change.case).where(Change.case.in_(list(linked) or [0])).tuples()}
    changes = list(Change.select(Change.requested_at, Case.number, Change.title)
                   .join(Case, on=(Change.case == Case.id)).where(Change.case.in_(list(change_ids))).tuples()
                   ) if change_ids else []
    return markers_of(case_id, kind, events, actions=actions, work_orders=work_orders, changes=changes)


def markers_of(case_id: int, kind: str, events: list[EventRow], *,
               actions: Iterable[tuple[datetime, str, str, str]],
               work_orders: Iterable[tuple[datetime, str, str]],
               changes: Iterable[tuple[datetime, str, str]]) -> list[Marker]:
    """The markers of a case from rows its caller has read already: actions (acted at, kind, text, who) in
    time order, work orders (issued at, number, title), changes (requested at, number, title)."""
    markers = [Marker(at, "action", action_kind, _both(body), name) for at, action_kind, body, name in actions]
    markers += [Marker(issued, "work_order", number, _both(title)) for issued, number, title in work_orders]
    markers += [Marker(requested, "change", number, _both(title)) for requested, number, title in changes]
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
    calendars: dict[int, WorkingCalendar] = {}
    return due_moments(list(SlaClock.select().where(SlaClock.case == case_id)), case_pauses(case_id),
                       lambda calendar_id: calendars.get(calendar_id) or calendars.setdefault(
                           calendar_id, load_calendar(calendar_id)), now)


def due_moments(clocks: list[SlaClock], pauses: list[Any], calendar_of: Any, now: datetime
                ) -> list[tuple[str, datetime]]:
    """The due moments of clocks the caller has read, with their case's pauses; `calendar_of(id)` gives a
    clock's calendar (each read once)."""
    order = {"response": 0, "resolution": 1}
    found = []
    for clock in sorted(clocks, key=lambda c: order.get(c.kind, 9)):
        if clock.calendar_id is not None:
            calendar = calendar_of(clock.calendar_id)
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


# --- the time axis (shared by the PDF chart and the case view's chart) ------------------------

def choose_step(span_minutes: float, max_ticks: int = 9) -> int:
    """The smallest round step (minutes) that puts at most `max_ticks` ticks on the span."""
    for step in TICK_STEPS:
        if span_minutes / step <= max_ticks:
            return step
    return TICK_STEPS[-1]


def _as_utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC)


def ticks(start: datetime, end: datetime, zone: ZoneInfo, step: int) -> list[datetime]:
    """Tick instants (naive UTC) from `start` to `end`, at round local times of `step` minutes.

    Steps under a day fall on multiples of the step since local midnight; day
    steps fall on local midnights (weekly ones on Mondays).
    """
    local_start = _as_utc(start).astimezone(zone)
    out: list[datetime] = []
    if step < 1440:
        midnight = datetime.combine(local_start.date(), time(0), zone)
        minutes = (local_start - midnight).total_seconds() / 60
        first = midnight + timedelta(minutes=math.ceil(minutes / step) * step)
        moment = first.astimezone(UTC).replace(tzinfo=None)
        while moment <= end:
            out.append(moment)
            moment += timedelta(minutes=step)
        return out
    days = step // 1440
    day = local_start.date()
    if datetime.combine(day, time(0), zone) < local_start:
        day += timedelta(days=1)
    if days == 7 or days == 14:
        day += timedelta(days=(7 - day.weekday()) % 7)
    elif days > 1 and days < 28:
        day += timedelta(days=(-day.toordinal()) % days)
    elif days >= 28:
        day = day.replace(day=1) if day.day == 1 else (day.replace(day=1) + timedelta(days=32)).replace(day=1)
    while True:
        moment = datetime.combine(day, time(0), zone).astimezone(UTC).replace(tzinfo=None)
        if moment > end:
            return out
        out.append(moment)
        if days >= 28:
            months = max(1, days // 28)
            for _ in range(months):
                day = (day.replace(day=1) + timedelta(days=32)).replace(day=1)
        else:
            day += timedelta(days=days)


def tick_labels(instants: Sequence[datetime], zone: ZoneInfo, step: int) -> list[tuple[str, str]]:
    """(time line, date line) per tick; the date shows on the first tick and where the day changes."""
    out = []
    previous = None
    for moment in instants:
        local = _as_utc(moment).astimezone(zone)
        if step >= 1440:
            out.append((local.strftime("%m-%d"), "" if previous and previous.year == local.year else str(local.year)))
        else:
            day = local.strftime("%m-%d") if previous is None or previous.date() != local.date() else ""
            out.append((local.strftime("%H:%M"), day))
        previous = local
    return out


def chart_range(start: datetime, end: datetime) -> tuple[datetime, datetime]:
    """The shown span: at least ten minutes, with a little air on both sides."""
    span = max((end - start).total_seconds() / 60, MIN_SPAN_MINUTES)
    if (end - start).total_seconds() / 60 < MIN_SPAN_MINUTES:
        middle = start + (end - start) / 2
        start, end = middle - timedelta(minutes=span / 2), middle + timedelta(minutes=span / 2)
    air = timedelta(minutes=span * 0.03)
    return start - air, end + air


__all__ = [
    "KEY_EVENTS",
    "MARKER_ROWS",
    "TICK_STEPS",
    "EventRow",
    "Marker",
    "Segment",
    "StageInfo",
    "Timeline",
    "build_timeline",
    "case_markers",
    "case_timeline",
    "chart_range",
    "choose_step",
    "clock_due_moments",
    "due_lines",
    "ended_at",
    "load_events",
    "segments",
    "stages",
    "tick_labels",
    "ticks",
]
