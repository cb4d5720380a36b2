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


def _payload(case: Case, *, kind: str, event_kind: str, note: str, actor_name: str, at: datetime,
             fields: dict[str, Any] | None) -> dict[str, Any]:
    """What a notice carries: enough to render it later without reading the case again (a case being created
    is described by `fields`, its row not written yet)."""
    payload: dict[str, Any] = {"number": case.number, "case_kind": case.kind, "case_id": case.id, "kind": kind,
                               "event": event_kind, "actor": actor_name,
                               "at": at.replace(tzinfo=UTC).isoformat().replace("+00:00", "Z"),
                               "note": note[:500]}
    if fields is not None:  # a case being created: its row is not written yet
        payload.update(title=fields["title"], state=fields["state"])
        if case.kind == "incident":
            level, name, name_en = (Grade.select(Grade.level, Grade.name, Grade.name_en)
                                    .where(Grade.id == fields["grade"]).tuples().get())
            application = (ConfigurationItem.select(ConfigurationItem.name)
                           .where(ConfigurationItem.id == fields["application"]).scalar())
            payload.update(application=application, grade=level, grade_name={"ko": name, "en": name_en})
    elif case.kind == "incident":
        row = _INCIDENT_PAYLOAD.tuples(case=case.id)[0]
        payload.update(title=row[0], state=row[1], application=row[2], grade=row[3],
                       grade_name={"ko": row[4], "en": row[5]})
    else:
        model = KIND_MODELS[case.kind]
        title, state = model.select(model.title, model.state).where(model.case == case.id).tuples().get()
        payload.update(title=title, state=state)
    return payload


@dataclass
class NoticePlan:
    """The outbox rows of one event worked out before the event is written (`plan_notices`)."""

    common: dict[str, Any]
    rows: list[tuple[Notice, list[tuple[str, str]]]]  # each notice with its (channel, target) pairs
    at: datetime


def plan_notices(notices: list[Notice], *, case: Case, event_kind: str, actor_name: str, at: datetime,
                 fields: dict[str, Any] | None = None) -> NoticePlan | None:
    """Everything `queue_notices` reads, read now: a new case plans its notices before it takes its number
    (which then stays locked until commit), from `fields` (title, state, and an incident's application and
    grade) since its row is not written yet. None when there is nobody to tell."""
    if not notices:
        return None
    ids = [n.recipient_id for n in notices]
    prefs = _preferences(ids)
    emails = dict(_EMAILS.tuples(ids=ids))
    common = _payload(case, kind="", event_kind=event_kind, note="", actor_name=actor_name, at=at, fields=fields)
    rows = [(n, channels_for(prefs.get(n.recipient_id, []), n.kind, emails.get(n.recipient_id, ""))) for n in notices]
    return NoticePlan(common=common, rows=rows, at=at)


def write_planned(plan: NoticePlan | None, *, case: Case, event: Event | None, key: str | None = None) -> int:
    """Write the rows of `plan` for `event` (inside its transaction), with the case's number as it is now;
    returns rows written. `key` makes the rows unique (default: the event id); writing the same notices
    again with the same key adds nothing."""
    if plan is None:
        return 0
    stem = key or f"{event.id}"
    at = plan.at
    common = {**plan.common, "number": case.number, "case_id": case.id, "event": event.kind if event else "",
              "note": (event.note if event else "")[:500]}
    rows = []
    for notice, channels in plan.rows:
        body = json.dumps({**common, "kind": notice.kind, "reason": notice.reason}, ensure_ascii=False)
        base = {"event": event.id if event else None, "case": case.id, "recipient": notice.recipient_id,
                "kind": notice.kind, "reason": notice.reason, "payload": body, "created_at": at,
                "next_attempt_at": at}
        rows.append({**base, "channel": "inapp", "status": "sent", "sent_at": at,
                     "dedupe_key": f"{stem}:{notice.recipient_id}:inapp"})
        for channel, target in channels:
            rows.append({**base, "channel": channel, "status": "pending", "target": target,
                         "dedupe_key": f"{stem}:{notice.recipient_id}:{channel}"})
    _NOTIFICATIONS.execute(rows)
    return len(rows)


def queue_notices(notices: list[Notice], *, case: Case, event: Event | None, actor_name: str, at: datetime,
                  key: str | None = None) -> int:
    """Write the outbox rows for `notices` (call inside the event's transaction); returns rows written.

    `key` makes the rows unique (default: the event id); writing the same notices
    again with the same key adds nothing.
    """
    plan = plan_notices(notices, case=case, event_kind=event.kind if event else "", actor_name=actor_name, at=at)
    return write_planned(plan, case=case, event=event, key=key)


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
