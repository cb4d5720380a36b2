"""Beacon's domain: plain Python over `desktop.models`; never imports Qt, views or reports.

One wing per domain, in layers (a wing may import the wings below it, never above):

    admin | integrations | prevention   administration, import/intake/export, incident prevention
    cases                               case services, lists, detail, dashboard, the cases' effects
    sla                                 calendars, clocks, escalation, KPIs, durations
    notify                              notices, propagation, outbox dispatch, live feed, inbox, SRs out
    engine                              process definitions, firing transitions, fields, effect registry, outbox rows
    common                              actors, sign-in, case lookups, matrices, settings, audit

The engine knows no domain: each wing registers its effects by name in the engine's registry
(`engine.effects`) from its own `effects` module. This package is the one place that wires them
together: importing any part of the workflow has the effect modules below imported before the
registry is first read, so a process definition is always checked, and a transition always run, against
the full registry — and a command that only reads (`beacon report`) imports neither them nor the engine.

Each wing keeps the words it shows a person in its own `texts` module (`desktop.i18n.Catalog`s,
key → Korean and English); its other modules hold keys, not sentences (`tests/unit/test_text_catalogs.py`).

`tests/unit/test_architecture.py` and the import-linter contracts in `pyproject.toml` keep these
walls standing.
"""

from desktop.workflow.engine.effects import fill_later


def _register_the_wings_effects() -> None:
    # each import registers that wing's effects; deferred until the engine first reads its registry, so
    # that reading a case (a report, a list) does not import the engine's firing and every wing
    from desktop.workflow.cases import effects as _cases_effects  # noqa: F401
    from desktop.workflow.notify import effects as _notify_effects  # noqa: F401
    from desktop.workflow.prevention import effects as _prevention_effects  # noqa: F401
    from desktop.workflow.sla import effects as _sla_effects  # noqa: F401


fill_later(_register_the_wings_effects)
