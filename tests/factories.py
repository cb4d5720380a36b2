"""Small builders for test rows, straight on the models (no workflow rules)."""

from __future__ import annotations

import itertools
from datetime import datetime

from desktop.models import (
    ConfigurationItem,
    Credential,
    Grade,
    ImpactLevel,
    Incident,
    Team,
    UrgencyLevel,
    User,
    database,
    utcnow,
)
from desktop.models.numbering import create_case

_seq = itertools.count(1)


def team(**kw) -> Team:
    n = next(_seq)
    return Team.create(**{"code": f"T{n}", "name": f"팀{n}", "name_en": f"Team {n}", **kw})


def user(**kw) -> User:
    n = next(_seq)
    password_hash = kw.pop("password_hash", None)
    made = User.create(**{"login": f"user{n}", "name": f"사용자{n}", "name_en": f"User {n}", **kw})
    if password_hash is not None:
        Credential.create(user=made, password_hash=password_hash)
    return made


def application(**kw) -> ConfigurationItem:
    n = next(_seq)
    impact = kw.pop("impact", None) or ImpactLevel.get(ImpactLevel.code == "high")
    return ConfigurationItem.create(
        **{"code": f"APP{n}", "name": f"업무시스템{n}", "name_en": f"Application {n}", "kind": "application",
           "impact": impact, **kw}
    )


def incident(*, reporter: User, app: ConfigurationItem, at: datetime | None = None, **kw) -> Incident:
    at = at or utcnow()
    with database.atomic():
        case = create_case("incident", year=at.year, created_at=at)
        return Incident.create(
            case=case,
            title=kw.pop("title", "인터넷뱅킹 로그인 지연"),
            application=app,
            urgency=kw.pop("urgency", None) or UrgencyLevel.get(UrgencyLevel.code == "high"),
            impact=app.impact,
            grade=kw.pop("grade", None) or Grade.get(Grade.level == 1),
            state=kw.pop("state", "registered"),
            registered_by=reporter,
            registered_at=at,
            **kw,
        )


def set_every_password(password: str) -> None:
    """Give every user the same password (an argon2 hash: the SQLite sign-in)."""
    from desktop.workflow.common.auth import hash_password

    digest = hash_password(password)
    Credential.delete().execute()
    Credential.insert_many([{"user": u, "password_hash": digest} for (u,) in User.select(User.id).tuples()]).execute()
