"""People: teams, users, roles."""

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


class Team(BaseModel):
    """An organisational unit: a department or a team inside one."""

    id = AutoField()
    code = CharField(max_length=40, unique=True)
    name = CharField(max_length=100)
    name_en = CharField(max_length=100, default="")
    parent = ForeignKeyField("self", null=True, backref="children", on_delete="SET NULL")
    email = CharField(max_length=200, default="")
    is_active = BooleanField(default=True)
    version = IntegerField(default=1)
    updated_at = DateTimeField(default=utcnow)


class User(BaseModel):
    """A person who signs in: customer, handler, manager or administrator."""

    id = AutoField()
    login = CharField(max_length=60, unique=True)
    name = CharField(max_length=100)
    name_en = CharField(max_length=100, default="")
    email = CharField(max_length=200, default="")
    phone = CharField(max_length=40, default="")
    team = ForeignKeyField(Team, null=True, backref="members", on_delete="SET NULL")
    title = CharField(max_length=60, default="")
    language = CharField(max_length=5, default="ko")
    time_zone = CharField(max_length=60, default="Asia/Seoul")
    is_active = BooleanField(default=True)
    created_at = DateTimeField(default=utcnow)
    last_login_at = DateTimeField(null=True)
    version = IntegerField(default=1)
    updated_at = DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("team", "is_active"), False),)


class Credential(BaseModel):
    """How a user signs in to a SQLite database, apart from `User` so that on PostgreSQL nobody reads it.

    On PostgreSQL the password is the login's own (SCRAM, kept by the server): `password_hash` stays
    empty there and only `must_change` is used (schema v10).
    """

    user = ForeignKeyField(User, primary_key=True, backref="+", on_delete="CASCADE")
    # argon2id hash in PHC string form; empty means the account cannot sign in (SQLite).
    password_hash = CharField(max_length=255, default="")
    failed_attempts = IntegerField(default=0)
    locked_until = DateTimeField(null=True)
    # a temporary password was handed out: the first sign-in asks for a new one
    must_change = BooleanField(default=False)


class Role(BaseModel):
    """A role: a permission holder (`UserRole`) and/or a column of the owner matrix."""

    id = AutoField()
    code = CharField(max_length=40, unique=True)
    name = CharField(max_length=60)
    name_en = CharField(max_length=60)
    # True when the role is a column of the CI-to-owner matrix.
    in_matrix = BooleanField(default=False)
    # True when users can hold it globally (permissions in process definitions).
    is_global = BooleanField(default=True)
    sort_order = IntegerField(default=0)
    description = TextField(default="")


class UserRole(BaseModel):
    """A global role granted to a user."""

    id = AutoField()
    user = ForeignKeyField(User, backref="roles", on_delete="CASCADE")
    role = ForeignKeyField(Role, backref="users", on_delete="CASCADE")

    class Meta:
        indexes = ((("user", "role"), True),)


class SavedFilter(BaseModel):
    """A list filter a user saved under a name (filters, sort), so it follows them to any desk."""

    id = AutoField()
    user = ForeignKeyField(User, backref="saved_filters", on_delete="CASCADE")
    list_key = CharField(max_length=30)  # incidents | problems | changes | work_orders
    name = CharField(max_length=60)
    definition = TextField(default="{}")  # JSON: filter fields and sort
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("user", "list_key", "name"), True),)
