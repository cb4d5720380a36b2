"""The notify wing's effects: telling the propagation group of an incident's steps.

Registered with the engine's effect registry on import (see `desktop.workflow.cases`).
"""

from __future__ import annotations

from typing import Any

from desktop.workflow.engine.effects import describe_effects, effect
from desktop.workflow.notify.propagation import incident_group
from desktop.workflow.notify.texts import EFFECT_DESCRIPTIONS

# Notice kinds by transition, for the propagation effect.
NOTICE_KINDS = {"register": "registered", "accept": "accepted", "regrade": "regraded", "close": "closed",
                "cancel": "cancelled", "reopen": "reopened"}


@effect("propagate")
def propagate(ctx: Any) -> None:
    """Tell the application's propagation group, as this incident changed it, (and the reporter of status
    changes) at once."""
    kind = NOTICE_KINDS.get(ctx.transition.name, ctx.transition.name)
    case_id = ctx.case.id if ctx.row is not None else None  # a new incident has no changes of its own yet
    for member in incident_group(ctx.current("application"), case_id):
        if member.user_id != ctx.actor.id:
            ctx.notify(member.user_id, kind, member.reason)
    reporter = ctx.current("registered_by") if ctx.row is not None else None
    if reporter is not None and reporter != ctx.actor.id and kind in ("accepted", "closed", "cancelled", "reopened"):
        ctx.notify(reporter, kind, "reporter")


describe_effects(EFFECT_DESCRIPTIONS)
