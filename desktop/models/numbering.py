"""Human-readable case numbers (INC-2026-000123), unique under concurrent writers."""

from __future__ import annotations

from datetime import datetime

import peewee

from desktop.models.base import database, utcnow
from desktop.models.cases import CASE_PREFIXES, Case

NUMBER_DIGITS = 6


def next_sequence_value(name: str) -> int:
    """Take the next value of a named counter inside the caller's transaction.

    One upsert with RETURNING: PostgreSQL locks the counter row until commit,
    SQLite holds the write lock (BEGIN IMMEDIATE); a rollback returns the number,
    so numbers have no gaps and never repeat.
    """
    p = database.param
    cursor = database.execute_sql(
        f"INSERT INTO number_sequence (name, value) VALUES ({p}, 1) "
        "ON CONFLICT (name) DO UPDATE SET value = number_sequence.value + 1 "
        "RETURNING value",
        (name,),
    )
    return int(cursor.fetchone()[0])


def format_number(kind: str, year: int, value: int) -> str:
    """E.g. ("incident", 2026, 123) → "INC-2026-000123"."""
    return f"{CASE_PREFIXES[kind]}-{year}-{value:0{NUMBER_DIGITS}d}"


def create_case(kind: str, *, year: int, created_at: datetime | None = None) -> Case:
    """Create the identity row of a new case with its next number for `year`.

    Must run inside a write transaction (`database.atomic()`), together with
    the insert of the kind's own row.
    """
    value = next_sequence_value(f"{CASE_PREFIXES[kind]}-{year}")
    fields = {"kind": kind, "number": format_number(kind, year, value), "created_at": created_at or utcnow()}
    if not isinstance(database.obj, peewee.PostgresqlDatabase):
        return Case.create(**fields)
    # no RETURNING: a customer's row security shows the new case only once its incident row follows
    case_id = database.execute_sql("SELECT nextval(pg_get_serial_sequence('cases', 'id'))").fetchone()[0]
    Case.insert(id=case_id, **fields).as_rowcount().execute()
    return Case(id=case_id, **fields)
