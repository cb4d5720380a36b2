"""The SLA wing's effects: starting, stopping, pausing and regrading a case's clocks.

Registered with the engine's effect registry on import (see `desktop.workflow.cases`). The clocks
move once the case row and its event are written (`ctx.after`), in the same transaction.
"""

from __future__ import annotations

from typing import Any

from desktop.models import Event
from desktop.workflow.engine.effects import PAUSE_EFFECT, RESUME_EFFECT, describe_effects, effect
from desktop.workflow.sla import clocks as sla
from desktop.workflow.sla.texts import EFFECT_DESCRIPTIONS


@effect("sla_start")
def sla_start(ctx: Any) -> None:
    # worked out now, written later: a new case takes its number between the two and holds it until commit
    grade = ctx.current("grade")
    planned = sla.plan_clocks(case_kind=ctx.kind, grade_id=grade, at=ctx.now)

    def start(c: Any, _e: Event) -> None:
        if c.current("grade") == grade:
            sla.write_clocks(c.case.id, planned)
        else:  # a later effect changed the grade
            sla.start_clocks(c.case.id, case_kind=c.kind, grade_id=c.current("grade"), at=c.now)
    ctx.after(start)


@effect("sla_stop_response")
def sla_stop_response(ctx: Any) -> None:
    ctx.after(lambda c, _e: sla.stop_clock(c.case.id, "response", at=c.now))


@effect("sla_stop_resolution")
def sla_stop_resolution(ctx: Any) -> None:
    def stop(c: Any, _e: Event) -> None:
        sla.stop_clock(c.case.id, "response", at=c.now)  # closed without an explicit accept
        sla.stop_clock(c.case.id, "resolution", at=c.now)
    ctx.after(stop)


@effect("sla_reopen")
def sla_reopen(ctx: Any) -> None:
    ctx.after(lambda c, _e: sla.reopen_resolution(c.case.id, at=c.now))


@effect("sla_cancel")
def sla_cancel(ctx: Any) -> None:
    ctx.after(lambda c, _e: sla.cancel_clocks(c.case.id, at=c.now))


@effect("sla_regrade")
def sla_regrade(ctx: Any) -> None:
    ctx.after(lambda c, _e: sla.regrade_clocks(c.case.id, case_kind=c.kind, grade_id=c.current("grade"), at=c.now))


@effect(PAUSE_EFFECT)
def sla_pause(ctx: Any) -> None:
    """Entering a state that pauses SLA pauses the case's clocks (before the transition's other effects)."""
    ctx.after(lambda c, _e: sla.pause_clocks(c.case.id, at=c.now), first=True)


@effect(RESUME_EFFECT)
def sla_resume(ctx: Any) -> None:
    """Leaving a state that pauses SLA resumes the case's clocks (before the transition's other effects)."""
    ctx.after(lambda c, _e: sla.resume_clocks(c.case.id, at=c.now), first=True)


describe_effects(EFFECT_DESCRIPTIONS)
