"""The effect registry: what a transition's `effects = [...]` names, filled by the domains.

The engine runs effects by name and knows none of them. Each wing registers its
own with `@effect("name")` in its `effects` module (cases, SLA, notify); the
`desktop.workflow` package has them imported (`fill_later`) before the registry is
first read (`registered()`), so the registry is full before any definition is checked
or any transition run, and a command that only reads (a report) does not import them. Process definitions are checked
against this registry, so a definition naming an effect nobody registered is refused.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from desktop.errors import BeaconError
from desktop.i18n import pick

Effect = Callable[[Any], None]
EFFECTS: dict[str, Effect] = {}
# What each effect does, in Korean and English, for a person choosing or previewing effects; each wing
# names its own (`describe_effects`) from its texts catalog.
DESCRIPTIONS: dict[str, Mapping[str, str]] = {}
# what fills the registry, run before it is first read: importing the wings' effects (and with them the
# engine and every wing) is the largest part of importing the workflow, which a printed report or
# `beacon --version` does not need
_PENDING: list[Callable[[], None]] = []

# Run on entering / leaving a state whose definition says `pauses_sla`; registered by the SLA wing.
PAUSE_EFFECT = "sla_pause"
RESUME_EFFECT = "sla_resume"


def effect(name: str) -> Callable[[Effect], Effect]:
    """Register an effect under the name process definitions use (one function per name)."""
    def register(fn: Effect) -> Effect:
        if EFFECTS.get(name, fn) is not fn:
            raise ValueError(f"effect {name!r} is registered twice")
        EFFECTS[name] = fn
        return fn
    return register


def fill_later(load: Callable[[], None]) -> None:
    """Have `load` (which registers the wings' effects) run before the registry is first read."""
    _PENDING.append(load)


def registered() -> dict[str, Effect]:
    """The full registry: every wing's effects, loaded on first use."""
    while _PENDING:
        _PENDING.pop(0)()
    return EFFECTS


def run_effect(name: str, ctx: Any) -> None:
    """Run one registered effect on a transition's context."""
    fn = registered().get(name)
    if fn is None:
        raise BeaconError("workflow.effect_missing", effect=name)
    fn(ctx)


def describe_effects(texts: Mapping[str, Mapping[str, str]]) -> None:
    """Name what effects do ({effect name: {"ko": ..., "en": ...}}); a wing calls it for its own effects."""
    DESCRIPTIONS.update(texts)


def describe(name: str, language: str | None = None) -> str:
    """What an effect does in one line, in `language`: its wing's description, else its docstring's first line."""
    fn = registered().get(name)  # the wings name their effects as they register them
    if name in DESCRIPTIONS:
        return pick(DESCRIPTIONS[name], language)
    doc = (fn.__doc__ or "").strip() if fn else ""
    return doc.splitlines()[0] if doc else name
