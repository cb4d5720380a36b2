"""Named list filters a user keeps (e.g. "내 1등급 미결"), stored in the database so they follow the user."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from desktop.errors import BeaconError
from desktop.models import SavedFilter, database, utcnow
from desktop.workflow.cases.texts import TEXTS

LISTS = ("incidents", "my_work", "problems", "changes", "work_orders")
NAME_MAX = 60


@dataclass(frozen=True)
class Saved:
    name: str
    definition: dict[str, Any]


def _check_list(list_key: str) -> None:
    if list_key not in LISTS:
        raise ValueError(f"unknown list {list_key!r}")


def saved_filters(*, user_id: int, list_key: str) -> list[Saved]:
    """This user's saved filters for one list, by name."""
    _check_list(list_key)
    query = (SavedFilter.select(SavedFilter.name, SavedFilter.definition)
             .where((SavedFilter.user == user_id) & (SavedFilter.list_key == list_key)).order_by(SavedFilter.name))
    return [Saved(name, json.loads(definition)) for name, definition in query.tuples()]


def save_filter(*, user_id: int, list_key: str, name: str, definition: dict[str, Any]) -> Saved:
    """Save (or overwrite, by name) one filter of this user's."""
    _check_list(list_key)
    label = (name or "").strip()
    what = TEXTS.pair("saved_filters.filter_name")
    if not label:
        raise BeaconError("workflow.required", action=TEXTS.pair("saved_filters.save_filter"), fields=what)
    if len(label) > NAME_MAX:
        raise BeaconError("workflow.bad_value", field=what,
                          reason=TEXTS.pair("saved_filters.name_too_long", name_max=NAME_MAX))
    text = json.dumps(definition, ensure_ascii=False, sort_keys=True, default=str)
    with database.atomic():
        updated = (SavedFilter.update(definition=text, updated_at=utcnow())
                   .where((SavedFilter.user == user_id) & (SavedFilter.list_key == list_key)
                          & (SavedFilter.name == label)).execute())
        if not updated:
            SavedFilter.create(user=user_id, list_key=list_key, name=label, definition=text)
    return Saved(label, json.loads(text))


def delete_filter(*, user_id: int, list_key: str, name: str) -> bool:
    """Forget one saved filter; False when there was none by that name."""
    _check_list(list_key)
    with database.atomic():
        return bool(SavedFilter.delete().where((SavedFilter.user == user_id) & (SavedFilter.list_key == list_key)
                                               & (SavedFilter.name == name)).execute())
