"""Human-readable case numbers (INC-2026-000123), unique and gapless under concurrent writers."""

from __future__ import annotations

import itertools
from datetime import datetime

import peewee

from desktop.models.base import database, utcnow
from desktop.models.cases import CASE_PREFIXES, Case

NUMBER_DIGITS = 6
PROVISIONAL = "~pending-"  # in a new case's number until the real one is taken
_placeholders = itertools.count(1)


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


def new_case(kind: str, *, year: int, created_at: datetime | None = None) -> Case:
    """The identity of a new case, not written yet: its id is reserved, its number provisional.

    The number counter of `kind` and `year` is locked from the moment a number is
    taken until the transaction commits (that is what keeps numbers gapless), so a
    registration takes it last, with `number_case`, after the work that does not
    need it (effects, their lookups); until then `case.number` is a placeholder
    that never reaches the database (`is_provisional`). On SQLite the id, too,
    comes with `number_case` (the transaction holds the only write lock anyway).
    """
    case_id = _reserve_id()
    return Case(id=case_id, kind=kind, number=f"{CASE_PREFIXES[kind]}-{year}-{PROVISIONAL}{next(_placeholders)}",
                created_at=created_at or utcnow())


def is_provisional(number: str) -> bool:
    """Whether `number` is a placeholder of `new_case` rather than a case's number."""
    return PROVISIONAL in number


def number_case(case: Case, *, year: int) -> str:
    """Take the next number of `case`'s kind for `year` and write its identity row; returns the placeholder
    the number replaces. Must run inside the write transaction, before the kind's own row is inserted."""
    placeholder = case.number
    name = f"{CASE_PREFIXES[case.kind]}-{year}"
    if case.id is not None:  # PostgreSQL: the counter and the identity row in one round trip (the lock is held
        # from here to commit, and every trip to the client is time another registration waits); no RETURNING
        # from `cases`: a customer's row security shows the new case only once its incident row follows
        value = int(database.execute_sql(
            "WITH n AS (INSERT INTO number_sequence (name, value) VALUES (%s, 1) ON CONFLICT (name) "
            "DO UPDATE SET value = number_sequence.value + 1 RETURNING value), "
            "c AS (INSERT INTO cases (id, kind, number, created_at) "
            f"SELECT %s, %s, %s || lpad(n.value::text, greatest({NUMBER_DIGITS}, length(n.value::text)), '0'), %s "
            "FROM n) SELECT value FROM n",
            (name, case.id, case.kind, f"{name}-", case.created_at)).fetchone()[0])
        case.number = format_number(case.kind, year, value)
        return placeholder
    value = next_sequence_value(name)
    case.number = format_number(case.kind, year, value)
    case.id = Case.insert(kind=case.kind, number=case.number, created_at=case.created_at).execute()
    return placeholder


def create_case(kind: str, *, year: int, created_at: datetime | None = None) -> Case:
    """Create the identity row of a new case with its next number for `year` at once.

    Must run inside a write transaction (`database.atomic()`), together with
    the insert of the kind's own row. The engine uses `new_case` and
    `number_case` instead, to hold the counter as briefly as it can.
    """
    case = new_case(kind, year=year, created_at=created_at)
    number_case(case, year=year)
    return case


def _reserve_id() -> int | None:
    if isinstance(database.obj, peewee.PostgresqlDatabase):
        return int(database.execute_sql("SELECT nextval(pg_get_serial_sequence('cases', 'id'))").fetchone()[0])
    return None
