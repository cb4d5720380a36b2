"""The in-app inbox: a user's notices, unread count, mark read, link to the case."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from desktop.models import Case, Notification, User, utcnow
from desktop.models.security import notice_authors


@dataclass(frozen=True)
class InboxItem:
    id: int
    kind: str
    reason: str
    case_id: int | None
    number: str
    title: str
    created_at: datetime
    read: bool
    # who wrote the notice when a person did ("name (login)", as the database recorded the writer); empty for
    # the system (engine services, the SLA check) and on SQLite. The title is the writer's text, the sender not.
    sender: str = ""


def unread_count(*, user_id: int) -> int:
    """How many in-app notices the user has not read."""
    return (Notification.select().where((Notification.recipient == user_id) & (Notification.channel == "inapp")
                                        & Notification.read_at.is_null()).count())


def inbox(*, user_id: int, unread_only: bool = False, limit: int = 100) -> list[InboxItem]:
    """The user's in-app notices, newest first."""
    query = (Notification.select(Notification.id, Notification.kind, Notification.reason, Notification.case,
                                 Case.number, Notification.payload, Notification.created_at, Notification.read_at)
             .join(Case, on=(Notification.case == Case.id))
             .where((Notification.recipient == user_id) & (Notification.channel == "inapp")))
    if unread_only:
        query = query.where(Notification.read_at.is_null())
    rows = list(query.order_by(Notification.id.desc()).limit(limit).tuples())
    authors = notice_authors([row[0] for row in rows])
    people = {uid: f"{name} ({login})" for uid, name, login in
              User.select(User.id, User.name, User.login).where(User.id.in_(set(authors.values()))).tuples()} \
        if authors else {}
    items = []
    for nid, kind, reason, case_id, number, payload, created_at, read_at in rows:
        title = json.loads(payload or "{}").get("title", "")
        sender = people.get(authors[nid], "") if nid in authors else ""
        items.append(InboxItem(nid, kind, reason, case_id, number, title, created_at, read_at is not None, sender))
    return items


def mark_read(*, user_id: int, ids: list[int] | None = None, now: datetime | None = None) -> int:
    """Mark some (or all, when `ids` is None) of the user's in-app notices read; returns how many changed."""
    query = Notification.update(read_at=now or utcnow()).where(
        (Notification.recipient == user_id) & (Notification.channel == "inapp") & Notification.read_at.is_null())
    if ids is not None:
        query = query.where(Notification.id.in_(ids))
    return query.execute()
