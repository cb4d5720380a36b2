"""Organisation-wide settings (one JSON value per key), read and written by every wing.

May import `desktop.models` only.
"""

from __future__ import annotations

import json

from desktop.models import Setting, database


def get_setting(key: str, default: object = None) -> object:
    """Read one organisation-wide setting (JSON-decoded)."""
    row = Setting.get_or_none(Setting.key == key)
    return default if row is None else json.loads(row.value)


def put_setting(key: str, value: object) -> None:
    """Store one organisation-wide setting (JSON-encoded), creating or replacing it."""
    with database.atomic():
        text = json.dumps(value, ensure_ascii=False)
        updated = Setting.update(value=text, version=Setting.version + 1).where(Setting.key == key).execute()
        if not updated:
            Setting.create(key=key, value=text)


def all_settings() -> dict[str, object]:
    """Every organisation-wide setting, by key."""
    return {row.key: json.loads(row.value) for row in Setting.select().order_by(Setting.key)}
