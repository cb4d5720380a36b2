"""What incident prevention remembers: dismissed problem candidates and raised early warnings (schema v15)."""

from __future__ import annotations

from peewee import AutoField, CharField, DateTimeField, ForeignKeyField, IntegerField, TextField

from desktop.models.base import BaseModel, utcnow
from desktop.models.cases import Case
from desktop.models.cmdb import ConfigurationItem
from desktop.models.org import User


class CandidateDismissal(BaseModel):
    """A problem candidate someone dismissed, with why; it stays dismissed until an incident joins it.

    `group_key` names the group (its scope and its first incident); `case_ids` are the incidents it had
    when dismissed (JSON list): a group holding any other incident is shown again.
    """

    id = AutoField()
    group_key = CharField(max_length=120)
    case_ids = TextField(default="[]")
    reason = TextField()
    dismissed_by = ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    dismissed_at = DateTimeField(default=utcnow)

    class Meta:
        table_name = "candidate_dismissal"
        indexes = ((("group_key", "dismissed_at"), False),)


class EarlyWarning(BaseModel):
    """A burst of incidents on one application (or on applications sharing a CI), told once.

    `scope` is `app:<id>` or `ci:<id>`; later incidents of the same burst only move `last_at` and `count`.
    `case` is the incident whose registration raised it (its event carries the notices); `parent` the
    incident someone made the parent of the others, when they did.
    """

    id = AutoField()
    scope = CharField(max_length=40)
    application = ForeignKeyField(ConfigurationItem, on_delete="CASCADE", backref="+")
    shared_ci = ForeignKeyField(ConfigurationItem, null=True, on_delete="SET NULL", backref="+")
    case = ForeignKeyField(Case, on_delete="CASCADE", backref="+")
    first_at = DateTimeField()
    last_at = DateTimeField()
    raised_at = DateTimeField(default=utcnow)
    count = IntegerField(default=0)
    parent = ForeignKeyField(Case, null=True, on_delete="SET NULL", backref="+")
    handled_by = ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    handled_at = DateTimeField(null=True)

    class Meta:
        table_name = "early_warning"
        indexes = ((("scope", "last_at"), False), (("raised_at",), False))
