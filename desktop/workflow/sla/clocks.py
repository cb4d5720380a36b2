"""SLA clocks: response (registered → accepted) and resolution (registered → resolved).

A clock runs from its start to its stop, minus every pause of its case inside
that span (waiting for the customer; the gap between closing and reopening).
Figures are raw integer minutes, in wall-clock time and in the business time of
the clock's calendar; which one the target is judged on depends on the calendar
(24×7 → wall clock). Everything is recomputed from the spans, so a grade change
mid-case (new target, maybe a new calendar) still gives the figure a person
would compute by hand.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from datetime import datetime, timedelta

import peewee

from desktop.models import (
    Case,
    Event,
    Incident,
    SlaClock,
    SlaPause,
    SlaPolicy,
    database,
    utcnow,
)
from desktop.models.prepared import Prepared, PreparedInsert, param
from desktop.workflow.engine.outbox import Notice, queue_notices
from desktop.workflow.sla.calendars import WorkingCalendar, floor_minute, load_calendar, wall_minutes

CLOCK_KINDS = ("response", "resolution")
Span = tuple[datetime, datetime | None]


# --- measuring ------------------------------------------------------------------------

_PAUSES = Prepared(lambda: SlaPause.select(SlaPause.started_at, SlaPause.ended_at)
                   .where(SlaPause.case == param("case")).order_by(SlaPause.started_at).tuples())
_CLOCKS = Prepared(lambda: SlaClock.select().where(SlaClock.case == param("case")).order_by(SlaClock.kind.desc()))


_NEW_CLOCKS = PreparedInsert(SlaClock, tuple(name for name, f in SlaClock._meta.fields.items()
                                             if not isinstance(f, peewee.AutoField)))


def case_pauses(case_id: int) -> list[Span]:
    """The pause spans of a case in time order (the last may still be open)."""
    return _PAUSES.tuples(case=case_id)  # type: ignore[return-value]


def case_clocks(case_id: int) -> list[SlaClock]:
    """A case's clocks, resolution before response (as its view lists them)."""
    return list(_CLOCKS.objects(case=case_id))


def _overlap(span: Span, start: datetime, end: datetime, now: datetime) -> tuple[datetime, datetime] | None:
    lo = max(span[0], start)
    hi = min(span[1] or now, end)
    return (lo, hi) if hi > lo else None


@dataclass(frozen=True)
class Measure:
    """A clock's figures at one instant."""

    wall: int
    business: int
    paused_wall: int
    paused_business: int


def measure(clock: SlaClock, calendar: WorkingCalendar, pauses: list[Span], at: datetime) -> Measure:
    """Elapsed minutes of a clock up to `at` (or its stop), pauses subtracted."""
    end = min(at, clock.stopped_at) if clock.stopped_at else at
    start = clock.started_at
    if end <= start:
        return Measure(0, 0, 0, 0)
    paused_wall = paused_business = 0
    for span in pauses:
        part = _overlap(span, start, end, at)
        if part:
            paused_wall += wall_minutes(*part)
            paused_business += calendar.business_minutes(*part)
    return Measure(wall=wall_minutes(start, end) - paused_wall,
                   business=calendar.business_minutes(start, end) - paused_business,
                   paused_wall=paused_wall, paused_business=paused_business)


def judged(clock: SlaClock, m: Measure) -> int:
    """The figure the target is judged on: business minutes on a business calendar, else wall."""
    return m.business if clock.uses_business_time else m.wall


def due_at(clock: SlaClock, calendar: WorkingCalendar, pauses: list[Span]) -> datetime | None:
    """When the clock reaches its target, walking the running segments between pauses.

    None while a pause is open (nobody can say when it will run again).
    """
    business = clock.uses_business_time

    def between(a: datetime, b: datetime) -> int:
        return calendar.business_minutes(a, b) if business else wall_minutes(a, b)

    def add(a: datetime, minutes: int) -> datetime:
        return calendar.add_business_minutes(a, minutes) if business else a + timedelta(minutes=minutes)

    remaining = clock.target_minutes
    cursor = floor_minute(clock.started_at)
    for pause_start, pause_end in pauses:
        begin = floor_minute(pause_start)
        if begin > cursor:
            available = between(cursor, begin)
            if available >= remaining:
                return add(cursor, remaining)
            remaining -= available
        if pause_end is None:
            return None
        cursor = max(cursor, floor_minute(pause_end))
    return add(cursor, remaining)


@dataclass(frozen=True)
class ClockStatus:
    """Where a clock stands at one instant."""

    kind: str
    target: int
    elapsed: int  # judged minutes (business or wall)
    elapsed_wall: int
    elapsed_business: int
    remaining: int  # may be negative once breached
    state: str  # met | missed | stopped | paused | on_track | warning | breached
    due_at: datetime | None
    uses_business_time: bool


def clock_status(clock: SlaClock, at: datetime | None = None, *, calendar: WorkingCalendar | None = None,
                 pauses: list[Span] | None = None) -> ClockStatus:
    """The clock's figures and state at `at` (default now)."""
    at = at or utcnow()
    calendar = calendar or load_calendar(clock.calendar_id)
    pauses = case_pauses(clock.case_id) if pauses is None else pauses
    m = measure(clock, calendar, pauses, at)
    elapsed = judged(clock, m)
    remaining = clock.target_minutes - elapsed
    if clock.stopped_at is not None:
        state = "stopped" if clock.met is None else ("met" if clock.met else "missed")
    elif any(end is None for _, end in pauses):
        state = "paused"
    elif elapsed > clock.target_minutes:
        state = "breached"
    elif elapsed >= warning_threshold(clock):
        state = "warning"
    else:
        state = "on_track"
    return ClockStatus(kind=clock.kind, target=clock.target_minutes, elapsed=elapsed, elapsed_wall=m.wall,
                       elapsed_business=m.business, remaining=remaining, state=state,
                       due_at=None if clock.stopped_at else due_at(clock, calendar, pauses),
                       uses_business_time=clock.uses_business_time)


def warning_threshold(clock: SlaClock) -> int:
    percent = clock.policy.warning_percent if clock.policy_id else 80
    return math.ceil(clock.target_minutes * percent / 100)


def _refresh(clock: SlaClock, at: datetime) -> None:
    """Store the clock's current figures and due time."""
    calendar = load_calendar(clock.calendar_id)
    pauses = case_pauses(clock.case_id)
    m = measure(clock, calendar, pauses, at)
    clock.paused_wall_minutes = m.paused_wall
    clock.paused_business_minutes = m.paused_business
    if clock.stopped_at is not None:
        clock.elapsed_wall_minutes = m.wall
        clock.elapsed_business_minutes = m.business
        clock.due_at = None
    else:
        clock.elapsed_wall_minutes = None
        clock.elapsed_business_minutes = None
        clock.due_at = due_at(clock, calendar, pauses)
    clock.version += 1
    clock.save()


# --- hooks the engine calls --------------------------------------------------------------

_POLICY = Prepared(lambda: SlaPolicy.select().where((SlaPolicy.case_kind == param("kind"))
                                                    & (SlaPolicy.grade == param("grade"))).limit(1))


def _policy(case_kind: str, grade_id: int) -> SlaPolicy | None:
    return next(_POLICY.objects(kind=case_kind, grade=grade_id), None)  # type: ignore[no-any-return]


def _apply_policy(clock: SlaClock, policy: SlaPolicy, calendar: WorkingCalendar) -> None:
    """Targets and calendar of `policy` on the clock (`calendar` is the policy's, loaded once by the caller)."""
    clock.policy = policy.id
    clock.calendar = policy.calendar_id
    clock.uses_business_time = not calendar.is_24x7
    clock.target_minutes = policy.response_minutes if clock.kind == "response" else policy.resolution_minutes


def _clock(case_id: int, kind: str) -> SlaClock | None:
    return SlaClock.get_or_none((SlaClock.case == case_id) & (SlaClock.kind == kind))


def start_clocks(case_id: int, *, case_kind: str, grade_id: int, at: datetime) -> None:
    """Start both clocks of a new case with the targets of its grade."""
    write_clocks(case_id, plan_clocks(case_kind=case_kind, grade_id=grade_id, at=at))


def plan_clocks(*, case_kind: str, grade_id: int, at: datetime) -> list[SlaClock]:
    """The clocks a new case of `grade_id` starts at `at`, not written yet (no case id): a registration works
    them out before it takes its number, so the number counter is held only while the rows are written."""
    policy = _policy(case_kind, grade_id)
    if policy is None:
        return []
    calendar = load_calendar(policy.calendar_id)
    planned = []
    for kind in CLOCK_KINDS:
        clock = SlaClock(kind=kind, started_at=at, target_minutes=0)
        _apply_policy(clock, policy, calendar)
        clock.due_at = due_at(clock, calendar, [])
        planned.append(clock)
    return planned


def write_clocks(case_id: int, planned: list[SlaClock]) -> None:
    """Write the clocks of `plan_clocks` for the case they start on."""
    if not planned:
        return
    for clock in planned:
        clock.case = case_id
    _NEW_CLOCKS.execute([dict(clock.__data__) for clock in planned])  # both in one statement


def stop_clock(case_id: int, kind: str, *, at: datetime, verdict: bool = True) -> None:
    """Stop a running clock and judge it (accepting stops response; resolving stops resolution)."""
    clock = _clock(case_id, kind)
    if clock is None or clock.stopped_at is not None:
        return
    _close_open_pause(case_id, at)
    clock.stopped_at = at
    clock.paused_at = None
    calendar = load_calendar(clock.calendar_id)
    m = measure(clock, calendar, case_pauses(case_id), at)
    clock.met = judged(clock, m) <= clock.target_minutes if verdict else None
    _refresh(clock, at)


def _close_open_pause(case_id: int, at: datetime) -> None:
    SlaPause.update(ended_at=at).where((SlaPause.case == case_id) & SlaPause.ended_at.is_null()).execute()


def pause_clocks(case_id: int, *, at: datetime) -> None:
    """The case waits for the customer: its running clocks stop counting."""
    if not SlaPause.select().where((SlaPause.case == case_id) & SlaPause.ended_at.is_null()).exists():
        SlaPause.create(case=case_id, started_at=at, reason="waiting")
    for clock in SlaClock.select().where((SlaClock.case == case_id) & SlaClock.stopped_at.is_null()):
        clock.paused_at = at
        _refresh(clock, at)


def resume_clocks(case_id: int, *, at: datetime) -> None:
    """The customer answered: the clocks run again from where they were."""
    _close_open_pause(case_id, at)
    for clock in SlaClock.select().where((SlaClock.case == case_id) & SlaClock.stopped_at.is_null()):
        clock.paused_at = None
        _refresh(clock, at)


def reopen_resolution(case_id: int, *, at: datetime) -> None:
    """A reopened case resumes its resolution clock where it stopped; the closed time is a pause."""
    clock = _clock(case_id, "resolution")
    if clock is None or clock.stopped_at is None:
        return
    SlaPause.create(case=case_id, started_at=clock.stopped_at, ended_at=at, reason="reopened")
    clock.stopped_at = None
    clock.met = None
    clock.breached_at = None if clock.breached_at and clock.breached_at > at else clock.breached_at
    _refresh(clock, at)


def cancel_clocks(case_id: int, *, at: datetime) -> None:
    """A cancelled case's running clocks stop without a verdict."""
    for kind in CLOCK_KINDS:
        stop_clock(case_id, kind, at=at, verdict=False)


def regrade_clocks(case_id: int, *, case_kind: str, grade_id: int, at: datetime | None = None) -> None:
    """A grade change re-targets the running clocks with the new grade's policy and calendar."""
    policy = _policy(case_kind, grade_id)
    if policy is None:
        return
    calendar = load_calendar(policy.calendar_id)
    for clock in SlaClock.select().where((SlaClock.case == case_id) & SlaClock.stopped_at.is_null()):
        _apply_policy(clock, policy, calendar)
        _refresh(clock, at or utcnow())


# --- warnings and breaches -------------------------------------------------------------

@dataclass(frozen=True)
class SlaCheckResult:
    checked: int
    warnings: int
    breaches: int


def _recipients(case_id: int) -> list[tuple[int, str]]:
    from desktop.workflow.common.matrices import matrix_users

    incident = Incident.get_or_none(Incident.case == case_id)
    if incident is None:
        return []
    out: list[tuple[int, str]] = []
    if incident.assignee_id:
        out.append((incident.assignee_id, "assignee"))
    for lead in matrix_users(incident.application_id, "team_lead"):
        if all(lead.id != u for u, _ in out):
            out.append((lead.id, "team_lead"))
    return out


def check_clocks(now: datetime | None = None) -> SlaCheckResult:
    """Put one warning and one breach notice per clock in the outbox, never twice.

    Paused clocks are not escalated; a business-hours clock is only escalated
    during working hours, so nobody is woken at midnight for a business target.
    """
    now = now or utcnow()
    warnings = breaches = checked = 0
    running = list(SlaClock.select().where(SlaClock.stopped_at.is_null() & SlaClock.paused_at.is_null()
                                           & (SlaClock.warned_at.is_null() | SlaClock.breached_at.is_null())))
    calendars: dict[int, WorkingCalendar] = {}
    for clock in running:
        checked += 1
        if clock.calendar_id not in calendars:  # once per calendar, not once per running clock
            calendars[clock.calendar_id] = load_calendar(clock.calendar_id)
        calendar = calendars[clock.calendar_id]
        if clock.uses_business_time and not calendar.is_working_time(now):
            continue
        status = clock_status(clock, now, calendar=calendar)
        if status.state == "paused":
            continue
        kinds = []
        if status.elapsed >= warning_threshold(clock) and clock.warned_at is None:
            kinds.append("sla_warning")
        if status.state == "breached" and clock.breached_at is None:
            kinds.append("sla_breach")
        for notice in kinds:
            with database.atomic():
                _escalate(clock, notice, status, now)
            if notice == "sla_warning":
                warnings += 1
            else:
                breaches += 1
    return SlaCheckResult(checked=checked, warnings=warnings, breaches=breaches)


def _escalate(clock: SlaClock, notice: str, status: ClockStatus, now: datetime) -> None:
    column = SlaClock.warned_at if notice == "sla_warning" else SlaClock.breached_at
    # claim the escalation first: of two clients checking at once, only one sends it
    claimed = SlaClock.update({column: now}).where((SlaClock.id == clock.id) & column.is_null()).execute()
    if not claimed:
        return
    case = Case.get_by_id(clock.case_id)
    details = {"clock": clock.kind, "target": clock.target_minutes, "elapsed": status.elapsed,
               "business": clock.uses_business_time}
    event = Event.create(case=case.id, entity=case.kind, entity_id=case.number, kind=notice, occurred_at=now,
                         after=json.dumps(details))
    queue_notices([Notice(user_id, notice, reason) for user_id, reason in _recipients(case.id)], case=case,
                  event=event, actor_name="Beacon SLA", at=now, key=f"sla:{clock.id}:{notice}")
