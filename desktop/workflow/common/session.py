"""Signing in, and the reference lists a client shows in its pickers."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, replace
from datetime import timedelta

from peewee import JOIN, OperationalError

from desktop.errors import BeaconError, DatabaseError
from desktop.models import (
    ConfigurationItem,
    Credential,
    Grade,
    ImpactLevel,
    Setting,
    Team,
    UrgencyLevel,
    User,
    database,
    utcnow,
)
from desktop.models import db as dbmod
from desktop.models.security import login_prefix
from desktop.workflow.common.actors import Actor, load_actor
from desktop.workflow.common.auth import hash_password, needs_rehash, verify_password
from desktop.workflow.common.matrices import grade_for

SIGN_IN_DEFAULTS = {"sign_in_max_failures": 5, "sign_in_lockout_minutes": 15, "sign_in_delay_seconds": 1.0}


def _sign_in_policy(key: str) -> float:
    row = Setting.get_or_none(Setting.key == key)
    try:
        return float(json.loads(row.value)) if row else float(SIGN_IN_DEFAULTS[key])
    except (TypeError, ValueError):
        return float(SIGN_IN_DEFAULTS[key])


def authenticate(login: str, password: str) -> Actor:
    """Check a login and password; returns the signed-in actor.

    On PostgreSQL the server checks the password: the client reconnects as the person's own login
    (`connect_as`). On SQLite the argon2 hash is checked here, with a growing delay after each wrong
    password and a lockout after `sign_in_max_failures` of them (settings; 5 and 15 minutes by default).

    Raises:
        BeaconError: the same message for an unknown user and a wrong password; a disabled
            account is named as such only to someone who knows its password.
    """
    from desktop.models.db import backend

    if backend() == "postgresql":
        return connect_as(login, password)
    user = User.get_or_none(User.login == login.strip())
    credential = Credential.get_or_none(Credential.user == user.id) if user is not None else None
    now = utcnow()
    if credential is not None and credential.locked_until is not None and credential.locked_until > now:
        minutes = max(1, int((credential.locked_until - now).total_seconds() // 60) + 1)
        raise BeaconError("auth.locked", minutes=minutes)
    if credential is None or not verify_password(credential.password_hash, password):
        if credential is not None:
            _count_failure(credential)
        delay = _sign_in_policy("sign_in_delay_seconds")
        if delay > 0:
            time.sleep(min(delay, 10.0))  # a wrong guess costs time, whoever's account it is
        raise BeaconError("auth.failed")
    if not user.is_active:
        raise BeaconError("auth.disabled")
    changes: dict[object, object] = {Credential.failed_attempts: 0, Credential.locked_until: None}
    if needs_rehash(credential.password_hash):
        changes[Credential.password_hash] = hash_password(password)
    try:
        with database.atomic():
            Credential.update(changes).where(Credential.user == user.id).execute()
            User.update({User.last_login_at: now}).where(User.id == user.id).execute()
    except OperationalError as exc:  # a read-only SQLite file: sign in to read, without the stamp
        if getattr(exc, "code", "") != "db.read_only" and "readonly" not in str(exc).lower():
            raise
    return replace(load_actor(user.id), must_change_password=bool(credential.must_change))


def _count_failure(credential: Credential) -> None:
    failures = credential.failed_attempts + 1
    limit = int(_sign_in_policy("sign_in_max_failures"))
    locked = None
    if limit > 0 and failures >= limit:
        locked = utcnow() + timedelta(minutes=_sign_in_policy("sign_in_lockout_minutes"))
        failures = 0
    Credential.update(failed_attempts=failures, locked_until=locked).where(Credential.user == credential.user_id) \
        .execute()


def connect_as(login: str, password: str | None) -> Actor:
    """PostgreSQL: reconnect as the person's own login and return them as the actor.

    `password` None lets libpq find it (~/.pgpass, PGPASSFILE, a service file) or the server need none
    (GSSAPI, a certificate).
    """
    role = login_prefix() + login.strip()
    try:
        dbmod.connect_as(user=role, password=password or None)
    except DatabaseError as exc:
        if exc.code == "db.auth_failed":
            raise BeaconError("auth.failed") from None  # the same words as a wrong password on SQLite
        if exc.code == "db.login_disabled":
            raise BeaconError("auth.disabled") from None  # PostgreSQL says so only after the right password
        raise
    _check_schema_version()
    row = database.execute_sql("SELECT user_id, must_change FROM beacon_signed_in()").fetchone()
    if row is None:
        raise BeaconError("auth.no_beacon_user", login=role)
    return replace(load_actor(row[0]), must_change_password=bool(row[1]))


def _check_schema_version() -> None:
    from desktop.errors import SchemaError
    from desktop.models.schema import SCHEMA_VERSION, current_version

    found = current_version()
    if found is not None and found < SCHEMA_VERSION:
        raise SchemaError("schema.upgrade_by_owner", found=found, supported=SCHEMA_VERSION)


def signed_in_actor() -> Actor:
    """PostgreSQL: the Beacon user of the login this connection is (the CLI acts as its own login)."""
    row = database.execute_sql("SELECT user_id, must_change FROM beacon_signed_in()").fetchone()
    if row is None:
        user = database.execute_sql("SELECT session_user").fetchone()[0]
        raise BeaconError("auth.no_beacon_user", login=user)
    return replace(load_actor(row[0]), must_change_password=bool(row[1]))


def change_own_password(*, actor: Actor, current: str, new: str) -> None:
    """A person sets their own password (checked against the policy); clears a forced change.

    SQLite: the current password is checked here. PostgreSQL: the login's new SCRAM verifier goes to
    `beacon_change_own_password`, which sets it and only then clears a forced change.
    """
    from desktop.models.db import backend
    from desktop.workflow.common.auth import check_password, scram_verifier

    check_password(new)
    if backend() == "postgresql":
        from desktop.models.security import login_prefix

        role = login_prefix() + actor.login
        session = database.execute_sql("SELECT session_user").fetchone()[0]
        if session != role:
            raise BeaconError("auth.no_beacon_user", login=role)
        verifier = scram_verifier(role, new)
        with database.atomic():  # the one way a forced change is cleared: with the new password itself
            database.execute_sql("SELECT beacon_change_own_password(%s)", (verifier,))
        return
    credential = Credential.get_or_none(Credential.user == actor.id)
    if credential is None or not verify_password(credential.password_hash, current):
        raise BeaconError("auth.wrong_current")
    with database.atomic():
        Credential.update(password_hash=hash_password(new), must_change=False, failed_attempts=0,
                          locked_until=None).where(Credential.user == actor.id).execute()


@dataclass(frozen=True)
class Choice:
    """One entry of a picker: its id or code and its Korean and English names."""

    value: object
    name: str
    name_en: str
    extra: object = None

    def label(self, language: str) -> str:
        return self.name_en if language == "en" and self.name_en else self.name


def applications() -> list[Choice]:
    """Active applications with their impact level code (extra)."""
    rows = (ConfigurationItem.select(ConfigurationItem.id, ConfigurationItem.name, ConfigurationItem.name_en,
                                     ImpactLevel.code)
            .join(ImpactLevel, on=(ConfigurationItem.impact == ImpactLevel.id))
            .where((ConfigurationItem.kind == "application") & (ConfigurationItem.is_active == True))  # noqa: E712
            .order_by(ConfigurationItem.name).tuples())
    return [Choice(i, n, e, impact) for i, n, e, impact in rows]


def impacts() -> list[Choice]:
    return [Choice(c, n, e) for c, n, e in ImpactLevel.select(ImpactLevel.code, ImpactLevel.name, ImpactLevel.name_en)
            .order_by(ImpactLevel.rank).tuples()]


def urgencies() -> list[Choice]:
    return [Choice(c, n, e) for c, n, e in UrgencyLevel.select(UrgencyLevel.code, UrgencyLevel.name,
                                                                UrgencyLevel.name_en)
            .order_by(UrgencyLevel.rank).tuples()]


def grades() -> list[Choice]:
    """Grade levels with their colour (extra)."""
    return [Choice(level, n, e, color) for level, n, e, color in Grade.select(Grade.level, Grade.name, Grade.name_en,
                                                                              Grade.color)
            .order_by(Grade.level).tuples()]


def incident_types() -> list[Choice]:
    row = Setting.get_or_none(Setting.key == "incident_types")
    return [Choice(t["code"], t["name"], t["name_en"]) for t in (json.loads(row.value) if row else [])]


def users() -> list[Choice]:
    """Active users with their team name (extra)."""
    rows = (User.select(User.id, User.name, User.name_en, Team.name)
            .join(Team, JOIN.LEFT_OUTER, on=(User.team == Team.id))
            .where(User.is_active == True).order_by(User.name).tuples())  # noqa: E712
    return [Choice(i, n, e or n, t or "") for i, n, e, t in rows]


def teams() -> list[Choice]:
    return [Choice(i, n, e) for i, n, e in Team.select(Team.id, Team.name, Team.name_en)
            .where(Team.is_active == True).order_by(Team.name).tuples()]  # noqa: E712


@dataclass(frozen=True)
class GradePreview:
    impact: Choice
    grade: Choice


def preview_grade(*, application_id: int, urgency: str) -> GradePreview:
    """What registering would give: the application's impact and the matrix grade (before saving)."""
    app = ConfigurationItem.get_by_id(application_id)
    impact = ImpactLevel.get_by_id(app.impact_id)
    urgency_row = UrgencyLevel.get(UrgencyLevel.code == urgency)
    grade = Grade.get_by_id(grade_for(urgency_row.id, impact.id))
    return GradePreview(Choice(impact.code, impact.name, impact.name_en),
                        Choice(grade.level, grade.name, grade.name_en, grade.color))


def is_demo_database() -> bool:
    """True when the demo bank was loaded into this database (sign-in then names the demo accounts)."""
    from desktop.workflow.common.settings import get_setting

    try:
        return bool(get_setting("demo_loaded", False))
    except (BeaconError, OperationalError):  # a database that cannot say is no demo: no hint, still a sign-in
        return False
