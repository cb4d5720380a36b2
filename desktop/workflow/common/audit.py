"""What every administration change shares: administrators only, one transaction, one event.

Admin services call `admin_change(...)` as their transaction: it checks the actor is an
administrator, and the caller records what changed with `record(...)` inside it, so the
change and its event commit together or not at all.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from desktop.errors import BeaconError
from desktop.models import Event, database, utcnow
from desktop.workflow.common.actors import Actor, load_actor


def require_admin(actor_id: int, action: dict[str, str], record: str = "") -> Actor:
    """The actor, if an administrator; else a bilingual refusal naming the action."""
    actor = load_actor(actor_id)
    if "admin" not in actor.roles:
        raise BeaconError("workflow.not_allowed", who=actor.display, record=record or action, action=action)
    return actor


@contextmanager
def admin_change(actor_id: int, action: dict[str, str], record: str = "") -> Iterator[Actor]:
    """One administration change: a transaction that only an administrator may open."""
    with database.atomic():
        yield require_admin(actor_id, action, record)


def record(actor: Actor, entity: str, entity_id: str, kind: str, before: Any = None, after: Any = None,
           note: str = "") -> None:
    """The audit event of an administration change (append-only, like every event)."""
    Event.create(entity=entity, entity_id=str(entity_id)[:60], kind=kind, actor=actor.id, occurred_at=utcnow(),
                 before=json.dumps(before, ensure_ascii=False, default=str),
                 after=json.dumps(after, ensure_ascii=False, default=str), note=note)
