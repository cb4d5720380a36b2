"""Optimistic locking: a save on a stale version is refused, naming who got there first."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

import peewee

from desktop.errors import BeaconError, StaleRecordError
from desktop.models.base import utcnow
from desktop.models.org import User


def update_versioned(
    model: type[peewee.Model],
    pk: Any,
    *,
    expected_version: int,
    changes: dict[str, Any],
    actor_id: int | None,
    label: str,
    time_zone: str = "Asia/Seoul",
) -> int:
    """Apply `changes` only if the row is still at `expected_version`; return the new version.

    Raises:
        StaleRecordError: someone saved the row since it was read.
        BeaconError: the row no longer exists.
    """
    fields: dict[Any, Any] = {getattr(model, name): value for name, value in changes.items()}
    fields[model.version] = model.version + 1
    if "updated_at" in model._meta.fields:
        fields[model.updated_at] = utcnow()
    if "updated_by" in model._meta.fields:
        fields[model.updated_by] = actor_id
    pk_field = model._meta.primary_key
    count = model.update(fields).where((pk_field == pk) & (model.version == expected_version)).execute()
    if count == 1:
        return expected_version + 1
    current = model.get_or_none(pk_field == pk)
    if current is None:
        raise BeaconError("record.gone", record=label)
    who = "?"
    updated_by_id = getattr(current, "updated_by_id", None)
    if updated_by_id is not None:
        user = User.get_or_none(User.id == updated_by_id)
        if user is not None:
            who = f"{user.name} ({user.login})"
    when = getattr(current, "updated_at", None)
    when_text = "?"
    if when is not None:
        local = when.replace(tzinfo=ZoneInfo("UTC")).astimezone(ZoneInfo(time_zone))
        when_text = local.strftime("%Y-%m-%d %H:%M:%S %Z")
    raise StaleRecordError(record=label, who=who, when=when_text)
