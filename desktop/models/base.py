"""The one database proxy and the base model every table derives from."""

from __future__ import annotations

from datetime import UTC, datetime

from peewee import DatabaseProxy, Model

database = DatabaseProxy()


def utcnow() -> datetime:
    """The current time as a naive UTC datetime, the form every column stores."""
    return datetime.now(UTC).replace(tzinfo=None)


class BaseModel(Model):
    """Base of every Beacon table: bound to the proxy, snake_case table names."""

    class Meta:
        database = database
        legacy_table_names = False
