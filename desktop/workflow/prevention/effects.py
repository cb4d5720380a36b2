"""The prevention wing's effects: the major-incident early warning, raised while an incident is registered.

Registered with the engine's effect registry on import (see `desktop.workflow`).
"""

from __future__ import annotations

from typing import Any

from desktop.workflow.engine.effects import describe_effects, effect
from desktop.workflow.prevention.early_warning import check_burst
from desktop.workflow.prevention.texts import EFFECT_DESCRIPTIONS


@effect("early_warning")
def early_warning(ctx: Any) -> None:
    """Warn the team leads and handlers once when incidents burst on one application (or on applications
    sharing a CI) within minutes (setting `early_warning`)."""
    ctx.after(lambda c, event: check_burst(case=c.case, application_id=c.current("application"), actor=c.actor,
                                           now=c.now))


describe_effects(EFFECT_DESCRIPTIONS)
