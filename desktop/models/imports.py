"""Where imported cases came from: one row per case taken over from another ITSM (schema v7; kind and category v13)."""

from __future__ import annotations

from peewee import AutoField, CharField, DateTimeField, ForeignKeyField

from desktop.models.base import BaseModel, utcnow
from desktop.models.cases import Case
from desktop.models.org import User


class ImportedRecord(BaseModel):
    """A case's number in the system it was imported from, e.g. ("servicenow", "INC0010001").

    Unique per (source, kind, source_number): importing the same file again finds every number
    here and changes nothing. Placeholder problems and changes made for a referenced number have
    a row too, so a later import links to them instead of making another. Numbers are unique per
    kind, not per source: a change may carry the same number as an incident.
    """

    id = AutoField()
    source = CharField(max_length=40)
    kind = CharField(max_length=20, default="incident")  # the case's kind: incident | problem | change
    source_number = CharField(max_length=60)
    case = ForeignKeyField(Case, backref="imported_from", on_delete="CASCADE")
    imported_at = DateTimeField(default=utcnow)
    imported_by = ForeignKeyField(User, null=True, on_delete="SET NULL")
    file_sha256 = CharField(max_length=64, default="")
    source_priority = CharField(max_length=60, default="")  # the source's own priority, kept for audit
    source_category = CharField(max_length=100, default="")  # the source's own category, kept for audit

    class Meta:
        table_name = "imported_record"
        indexes = (
            (("source", "kind", "source_number"), True),
            (("source_number",), False),  # the list's search finds a case by its old number
            (("case",), False),
        )
