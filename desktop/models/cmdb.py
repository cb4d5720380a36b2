"""Configuration items, their relations, the owner matrix and propagation overrides."""

from __future__ import annotations

from peewee import (
    AutoField,
    BooleanField,
    CharField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from desktop.models.base import BaseModel, utcnow
from desktop.models.org import Role, Team, User
from desktop.models.policy import ImpactLevel

CI_KINDS = ("application", "server", "database", "network", "storage", "middleware", "other")


class ConfigurationItem(BaseModel):
    """Anything managed; kind `application` is what customers register incidents against."""

    id = AutoField()
    code = CharField(max_length=60, unique=True)
    name = CharField(max_length=200)
    name_en = CharField(max_length=200, default="")
    kind = CharField(max_length=20, index=True)
    impact = ForeignKeyField(ImpactLevel, null=True, on_delete="RESTRICT")
    parent = ForeignKeyField("self", null=True, backref="children", on_delete="SET NULL")
    team = ForeignKeyField(Team, null=True, backref="items", on_delete="SET NULL")
    description = TextField(default="")
    is_active = BooleanField(default=True)
    retired_at = DateTimeField(null=True)
    created_at = DateTimeField(default=utcnow)
    version = IntegerField(default=1)
    updated_at = DateTimeField(default=utcnow)
    updated_by = ForeignKeyField(User, null=True, on_delete="SET NULL")


class CIRelation(BaseModel):
    """A directed relation between two CIs, e.g. an application `runs_on` a server."""

    id = AutoField()
    source = ForeignKeyField(ConfigurationItem, backref="relations_out", on_delete="CASCADE")
    target = ForeignKeyField(ConfigurationItem, backref="relations_in", on_delete="CASCADE")
    kind = CharField(max_length=20)  # "runs_on" | "depends_on" | "connects_to"

    class Meta:
        table_name = "ci_relation"
        indexes = ((("source", "target", "kind"), True),)


class OwnerMatrixEntry(BaseModel):
    """One user in one cell of the CI-to-owner matrix; `position` orders the cell."""

    id = AutoField()
    ci = ForeignKeyField(ConfigurationItem, backref="owners", on_delete="CASCADE")
    role = ForeignKeyField(Role, on_delete="CASCADE")
    user = ForeignKeyField(User, backref="owned_items", on_delete="CASCADE")
    position = IntegerField(default=0)

    class Meta:
        indexes = (
            (("ci", "role", "user"), True),
            (("user", "role"), False),
        )


class PropagationOverride(BaseModel):
    """A user added to (`add`) or removed from (`remove`) an application's propagation group."""

    id = AutoField()
    application = ForeignKeyField(ConfigurationItem, backref="propagation_overrides", on_delete="CASCADE")
    user = ForeignKeyField(User, on_delete="CASCADE")
    mode = CharField(max_length=10)  # "add" | "remove"
    reason = TextField(default="")
    created_at = DateTimeField(default=utcnow)
    created_by = ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")

    class Meta:
        indexes = ((("application", "user"), True),)
