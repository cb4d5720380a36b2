"""Signing in, and the reference lists a client shows in its pickers."""

from __future__ import annotations

import json
from dataclasses import dataclass

from peewee import JOIN, OperationalError

from desktop.errors import BeaconError
from desktop.models import (
    ConfigurationItem,
    Grade,
    ImpactLevel,
    Setting,
    Team,
    UrgencyLevel,
    User,
    utcnow,
)
from desktop.workflow.common.actors import Actor, load_actor
from desktop.workflow.common.auth import hash_password, needs_rehash, verify_password
from desktop.workflow.common.matrices import grade_for


def authenticate(login: str, password: str) -> Actor:
    """Check a login and password; returns the signed-in actor.

    Raises:
        BeaconError: the same message for an unknown user and a wrong password; a disabled
            account is named as such only to someone who knows its password.
    """
    user = User.get_or_none(User.login == login.strip())
    if user is None or not verify_password(user.password_hash, password):
        raise BeaconError("auth.failed")
    if not user.is_active:
        raise BeaconError("auth.disabled")
    changes: dict[object, object] = {User.last_login_at: utcnow()}
    if needs_rehash(user.password_hash):
        changes[User.password_hash] = hash_password(password)
    try:
        User.update(changes).where(User.id == user.id).execute()
    except OperationalError as exc:  # a read-only SQLite file: sign in to read, without the stamp
        if getattr(exc, "code", "") != "db.read_only" and "readonly" not in str(exc).lower():
            raise
    return load_actor(user.id)


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
