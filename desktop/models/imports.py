"""Where imported cases came from: one row per case taken over from another ITSM (schema v7)."""

from __future__ import annotations

from peewee import AutoField, CharField, DateTimeField, ForeignKeyField

from desktop.models.base import BaseModel, utcnow
from desktop.models.cases import Case
from desktop.models.org import User


class ImportedRecord(BaseModel):
    """A case's number in the system it was imported from, e.g. ("servicenow", "INC0010001").

    Unique per (source, source_number): importing the same file again finds every number here
    and changes nothing. Placeholder problems and changes made for a referenced number have a
    row too, so a later import links to them instead of making another.
    """

    id = AutoField()
    source = CharField(max_length=40)
    source_number = CharField(max_length=60)
    case = ForeignKeyField(Case, backref="imported_from", on_delete="CASCADE")
    imported_at = DateTimeField(default=utcnow)
    imported_by = ForeignKeyField(User, null=True, on_delete="SET NULL")
    file_sha256 = CharField(max_length=64, default="")
    source_priority = CharField(max_length=60, default="")  # the source's own priority, kept for audit

    class Meta:
        table_name = "imported_record"
        indexes = (
            (("source", "source_number"), True),
            (("source_number",), False),  # the list's search finds a case by its old number
            (("case",), False),
        )
