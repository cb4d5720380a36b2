"""The outbox: the notification rows a transition writes in its own transaction.

Every notice is written in the transaction of the event that caused it: one in-app
row (delivered by being written) and one row per channel the recipient chose for
that kind of notice (e-mail, webhook), which the notify wing's dispatcher delivers
later. The engine writes these rows; it never renders or sends them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import peewee

from desktop.models import (
    Case,
    ConfigurationItem,
    Event,
    Grade,
    Incident,
    Notification,
    NotificationPreference,
    User,
)
from desktop.models.prepared import Prepared, PreparedInsert, id_list, param
from desktop.workflow.common.cases import KIND_MODELS

CHANNELS = ("inapp", "email", "webhook")


@dataclass
class Notice:
    """One person to tell about one event, and why."""

    recipient_id: int
    kind: str
    reason: str


def case_payload(case: Case, *, kind: str, event: Event | None, actor_name: str, at: datetime) -> dict[str, Any]:
    """What a notice carries: enough to render it later without reading the case again."""
    payload: dict[str, Any] = {"number": case.number, "case_kind": case.kind, "case_id": case.id, "kind": kind,
                               "event": event.kind if event else "", "actor": actor_name,
                               "at": at.replace(tzinfo=UTC).isoformat().replace("+00:00", "Z"),
                               "note": (event.note if event else "")[:500]}
    if case.kind == "incident":
        row = _INCIDENT_PAYLOAD.tuples(case=case.id)[0]
        payload.update(title=row[0], state=row[1], application=row[2], grade=row[3],
                       grade_name={"ko": row[4], "en": row[5]})
    else:
        model = KIND_MODELS[case.kind]
        title, state = model.select(model.title, model.state).where(model.case == case.id).tuples().get()
        payload.update(title=title, state=state)
    return payload


def queue_notices(notices: list[Notice], *, case: Case, event: Event | None, actor_name: str, at: datetime,
                  key: str | None = None) -> int:
    """Write the outbox rows for `notices` (call inside the event's transaction); returns rows written.

    `key` makes the rows unique (default: the event id); writing the same notices
    again with the same key adds nothing.
    """
    if not notices:
        return 0
    stem = key or f"{event.id}"
    prefs = _preferences([n.recipient_id for n in notices])
    emails = dict(_EMAILS.tuples(ids=[n.recipient_id for n in notices]))
    rows = []
    common = case_payload(case, kind="", event=event, actor_name=actor_name, at=at)
    for notice in notices:
        body = json.dumps({**common, "kind": notice.kind, "reason": notice.reason}, ensure_ascii=False)
        base = {"event": event.id if event else None, "case": case.id, "recipient": notice.recipient_id,
                "kind": notice.kind, "reason": notice.reason, "payload": body, "created_at": at,
                "next_attempt_at": at}
        rows.append({**base, "channel": "inapp", "status": "sent", "sent_at": at,
                     "dedupe_key": f"{stem}:{notice.recipient_id}:inapp"})
        for channel, target in channels_for(prefs.get(notice.recipient_id, []), notice.kind,
                                             emails.get(notice.recipient_id, "")):
            rows.append({**base, "channel": channel, "status": "pending", "target": target,
                         "dedupe_key": f"{stem}:{notice.recipient_id}:{channel}"})
    _NOTIFICATIONS.execute(rows)
    return len(rows)


# the outbox rows of one event in one statement compiled once (a registration writes forty of them)
_NOTIFICATIONS = PreparedInsert(Notification, tuple(name for name, f in Notification._meta.fields.items()
                                                    if not isinstance(f, peewee.AutoField)), ignore_conflicts=True)


def _preferences(user_ids: list[int]) -> dict[int, list[NotificationPreference]]:
    out: dict[int, list[NotificationPreference]] = {}
    for pref in _PREFERENCES.objects(ids=user_ids):
        out.setdefault(pref.user_id, []).append(pref)
    return out


# never the webhook secret: on PostgreSQL only administrators and the dispatcher may read that column
_PREFERENCES = Prepared(lambda: NotificationPreference.select(
    *[NotificationPreference._meta.fields[name] for name in ("id", "user", "kind", "channel", "enabled", "target")])
    .where(id_list(NotificationPreference.user, "ids") & (NotificationPreference.enabled == True)))  # noqa: E712
_EMAILS = Prepared(lambda: User.select(User.id, User.email).where(id_list(User.id, "ids")).tuples())
_INCIDENT_PAYLOAD = Prepared(lambda: Incident.select(Incident.title, Incident.state, ConfigurationItem.name,
                                                     Grade.level, Grade.name, Grade.name_en)
                             .join(ConfigurationItem, on=(Incident.application == ConfigurationItem.id))
                             .switch(Incident).join(Grade, on=(Incident.grade == Grade.id))
                             .where(Incident.case == param("case")).tuples())


def channels_for(prefs: list[NotificationPreference], kind: str, email: str) -> list[tuple[str, str]]:
    """(channel, target) pairs for one notice kind; a kind-specific preference beats the `*` one."""
    chosen: dict[str, NotificationPreference] = {}
    for pref in sorted(prefs, key=lambda p: p.kind != "*"):  # `*` first, specific ones override
        if pref.kind in ("*", kind):
            chosen[pref.channel] = pref
    out = []
    for channel, pref in chosen.items():
        target = pref.target or (email if channel == "email" else "")
        if target:
            out.append((channel, target))
    return out
