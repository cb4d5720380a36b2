"""The in-app inbox: a user's notices, unread count, mark read, link to the case."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from desktop.models import Case, Notification, utcnow


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
    items = []
    for nid, kind, reason, case_id, number, payload, created_at, read_at in (
            query.order_by(Notification.id.desc()).limit(limit).tuples()):
        title = json.loads(payload or "{}").get("title", "")
        items.append(InboxItem(nid, kind, reason, case_id, number, title, created_at, read_at is not None))
    return items


def mark_read(*, user_id: int, ids: list[int] | None = None, now: datetime | None = None) -> int:
    """Mark some (or all, when `ids` is None) of the user's in-app notices read; returns how many changed."""
    query = Notification.update(read_at=now or utcnow()).where(
        (Notification.recipient == user_id) & (Notification.channel == "inapp") & Notification.read_at.is_null())
    if ids is not None:
        query = query.where(Notification.id.in_(ids))
    return query.execute()
