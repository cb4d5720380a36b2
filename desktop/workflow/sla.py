"""SLA clock hooks the engine calls: start, stop, pause, resume, reopen, regrade.

Each case has a response clock (registered → accepted) and a resolution clock
(registered → resolved). These hooks keep the clocks' state — when each started,
paused and stopped, and the paused wall-clock minutes — exactly, as raw integer
minutes. Business-time figures and due times on business calendars come from
the SLA clock module (SLA issue); until then they stay empty rather than wrong.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from desktop.models import BusinessCalendar, Grade, SlaClock, SlaPolicy

CLOCK_KINDS = ("response", "resolution")


def wall_minutes(start: datetime, end: datetime) -> int:
    """Whole minutes between two instants (never negative)."""
    return max(0, int((end - start).total_seconds() // 60))


def _policy(case_kind: str, grade_id: int) -> SlaPolicy | None:
    return SlaPolicy.get_or_none((SlaPolicy.case_kind == case_kind) & (SlaPolicy.grade == grade_id))


def _due(clock: SlaClock, calendar: BusinessCalendar | None) -> datetime | None:
    if calendar is None or not calendar.is_24x7:
        return None  # business-time deadlines: computed by the SLA clock module
    return clock.started_at + timedelta(minutes=clock.target_minutes + clock.paused_wall_minutes)


def start_clocks(case_id: int, *, case_kind: str, grade_id: int, at: datetime) -> None:
    """Start both clocks of a new case with the targets of its grade."""
    policy = _policy(case_kind, grade_id)
    if policy is None:
        return
    calendar = BusinessCalendar.get_by_id(policy.calendar_id)
    for kind in CLOCK_KINDS:
        target = policy.response_minutes if kind == "response" else policy.resolution_minutes
        clock = SlaClock(case=case_id, kind=kind, policy=policy.id, calendar=calendar.id, target_minutes=target,
                         uses_business_time=not calendar.is_24x7, started_at=at)
        clock.due_at = _due(clock, calendar)
        clock.save(force_insert=True)


def _clock(case_id: int, kind: str) -> SlaClock | None:
    return SlaClock.get_or_none((SlaClock.case == case_id) & (SlaClock.kind == kind))


def stop_clock(case_id: int, kind: str, *, at: datetime) -> None:
    """Stop a running clock (accepting stops response; resolving stops resolution)."""
    clock = _clock(case_id, kind)
    if clock is None or clock.stopped_at is not None:
        return
    if clock.paused_at is not None:
        clock.paused_wall_minutes += wall_minutes(clock.paused_at, at)
        clock.paused_at = None
    clock.stopped_at = at
    clock.elapsed_wall_minutes = wall_minutes(clock.started_at, at) - clock.paused_wall_minutes
    if not clock.uses_business_time:
        clock.met = clock.elapsed_wall_minutes <= clock.target_minutes
    clock.version += 1
    clock.save()


def pause_clocks(case_id: int, *, at: datetime) -> None:
    """Pause the running clocks while the case waits for the customer."""
    for clock in SlaClock.select().where((SlaClock.case == case_id) & SlaClock.stopped_at.is_null()
                                         & SlaClock.paused_at.is_null()):
        clock.paused_at = at
        clock.version += 1
        clock.save()


def resume_clocks(case_id: int, *, at: datetime) -> None:
    """Resume paused clocks; the pause is added to their paused minutes."""
    for clock in SlaClock.select().where((SlaClock.case == case_id) & SlaClock.paused_at.is_null(False)):
        clock.paused_wall_minutes += wall_minutes(clock.paused_at, at)
        clock.paused_at = None
        clock.due_at = _due(clock, clock.calendar)
        clock.version += 1
        clock.save()


def reopen_resolution(case_id: int, *, at: datetime) -> None:
    """A reopened case resumes its resolution clock where it stopped: the closed time is a pause."""
    clock = _clock(case_id, "resolution")
    if clock is None or clock.stopped_at is None:
        return
    clock.paused_wall_minutes += wall_minutes(clock.stopped_at, at)
    clock.stopped_at = None
    clock.elapsed_wall_minutes = None
    clock.met = None
    clock.due_at = _due(clock, clock.calendar)
    clock.version += 1
    clock.save()


def cancel_clocks(case_id: int, *, at: datetime) -> None:
    """A cancelled case's running clocks stop without a verdict."""
    for clock in SlaClock.select().where((SlaClock.case == case_id) & SlaClock.stopped_at.is_null()):
        if clock.paused_at is not None:
            clock.paused_wall_minutes += wall_minutes(clock.paused_at, at)
            clock.paused_at = None
        clock.stopped_at = at
        clock.elapsed_wall_minutes = wall_minutes(clock.started_at, at) - clock.paused_wall_minutes
        clock.met = None
        clock.version += 1
        clock.save()


def regrade_clocks(case_id: int, *, case_kind: str, grade_id: int) -> None:
    """A grade change re-targets the running clocks with the new grade's policy."""
    policy = _policy(case_kind, grade_id)
    if policy is None:
        return
    calendar = BusinessCalendar.get_by_id(policy.calendar_id)
    for clock in SlaClock.select().where((SlaClock.case == case_id) & SlaClock.stopped_at.is_null()):
        clock.policy = policy.id
        clock.calendar = calendar.id
        clock.uses_business_time = not calendar.is_24x7
        clock.target_minutes = policy.response_minutes if clock.kind == "response" else policy.resolution_minutes
        clock.due_at = _due(clock, calendar)
        clock.version += 1
        clock.save()


def grade_level(grade_id: int) -> int:
    return int(Grade.get_by_id(grade_id).level)
