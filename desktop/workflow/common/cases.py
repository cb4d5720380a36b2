"""What every wing shares about cases, below the engine: which table holds each kind, a case's row.

May import `desktop.models` and `desktop.errors` only.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import peewee

from desktop.errors import BeaconError
from desktop.models import Case, Change, Incident, Problem, WorkOrder, database
from desktop.workflow.common.texts import KIND_LABELS

KIND_MODELS: dict[str, type[peewee.Model]] = {
    "incident": Incident,
    "problem": Problem,
    "change": Change,
    "work_order": WorkOrder,
}
# The column that names who opened the case, per kind (the @reporter relation).
REPORTER_COLUMN = {"incident": "registered_by", "problem": "registered_by", "change": "requested_by",
                   "work_order": "issued_by"}
OPENED_AT_COLUMN = {"incident": "registered_at", "problem": "registered_at", "change": "requested_at",
                    "work_order": "issued_at"}


def is_fk(kind: str, column: str) -> bool:
    model = KIND_MODELS[kind]
    return isinstance(model._meta.fields.get(column), peewee.ForeignKeyField)


def as_utc_naive(value: datetime) -> datetime:
    """Store-ready form of a datetime: naive UTC."""
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value


def label_of(kind: str, case: Case | None = None) -> str | dict[str, str]:
    """How a case is named in messages: its number, or the kind while creating."""
    return case.number if case is not None else KIND_LABELS[kind]


def application_of(kind: str, row: Any) -> int | None:
    """The application a case is about (a work order's is its parent's)."""
    if kind == "work_order":
        parent_kind, parent_row = load_row(row.parent_id)
        return application_of(parent_kind, parent_row)
    return getattr(row, "application_id", None)


def load_row(case_id: int, *, lock: bool = False) -> tuple[str, Any]:
    """The kind and the row of a case (locked for update on PostgreSQL when `lock`)."""
    case = Case.get_or_none(Case.id == case_id)
    if case is None:
        raise BeaconError("workflow.not_found", what=KIND_LABELS["case"], ref=case_id)
    model = KIND_MODELS[case.kind]
    query = model.select().where(model.case == case_id)
    if lock and not isinstance(database.obj, peewee.SqliteDatabase):
        query = query.for_update()
    return case.kind, query.get()


