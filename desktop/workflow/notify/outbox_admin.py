"""Administration of what could not be delivered (dead letters) and of the systems service requests go to.

Dead letters are outbox rows that failed every attempt: notices (e-mail, webhook) and service
requests alike. An administrator sends them again (a fresh set of attempts) or discards them (kept,
marked `discarded`, never sent). SR target systems are the settings `sr_systems` (name → call template)
and `sr_secrets` (name → secret headers): secrets are written here and never read back to the screen,
only the names of the headers that hold one. Every change is one `admin_change` with its event.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from peewee import JOIN

from desktop.errors import BeaconError
from desktop.models import Case, Notification, User, utcnow
from desktop.workflow.common.audit import admin_change, record
from desktop.workflow.common.settings import get_setting, put_setting
from desktop.workflow.notify.service_requests import CHANNEL, METHODS, SECRETS_SETTING, SETTING
from desktop.workflow.notify.texts import TEXTS

DISCARDED = "discarded"

# --- dead letters --------------------------------------------------------------------------


@dataclass(frozen=True)
class DeadLetterRow:
    """One delivery that failed for good."""

    id: int
    channel: str  # email | webhook | sr
    kind: str  # the notice kind (service_request for an SR)
    number: str  # the case, "" when none
    recipient: str
    target: str  # address, URL or SR system
    attempts: int
    last_error: str
    created_at: datetime


def dead_letters(limit: int = 500) -> list[DeadLetterRow]:
    """Notices and service requests that failed every attempt, newest first."""
    query = (Notification.select(Notification.id, Notification.channel, Notification.kind, Case.number, User.name,
                                 Notification.target, Notification.attempts, Notification.last_error,
                                 Notification.created_at)
             .join(User, on=(Notification.recipient == User.id))
             .switch(Notification).join(Case, JOIN.LEFT_OUTER, on=(Notification.case == Case.id))
             .where(Notification.status == "dead").order_by(Notification.id.desc()).limit(limit))
    return [DeadLetterRow(i, ch, kind, number or "", name, target, attempts, error or "", created)
            for i, ch, kind, number, name, target, attempts, error, created in query.tuples()]


def retry_dead_letters(*, actor_id: int, ids: list[int], now: datetime | None = None) -> int:
    """Send dead deliveries again with a fresh set of attempts; returns how many were requeued."""
    with admin_change(actor_id, TEXTS.pair("outbox_admin.retry")) as actor:
        count = Notification.update(status="pending", attempts=0, next_attempt_at=now or utcnow(), last_error="") \
            .where(Notification.id.in_(ids) & (Notification.status == "dead")).execute()
        record(actor, "outbox", ",".join(map(str, ids))[:60], "dead_retried", None, {"ids": ids, "count": count})
    return int(count)


def discard_dead_letters(*, actor_id: int, ids: list[int]) -> int:
    """Give up on dead deliveries: kept with their last error, marked discarded, never sent."""
    with admin_change(actor_id, TEXTS.pair("outbox_admin.discard")) as actor:
        count = Notification.update(status=DISCARDED).where(
            Notification.id.in_(ids) & (Notification.status == "dead")).execute()
        record(actor, "outbox", ",".join(map(str, ids))[:60], "dead_discarded", None, {"ids": ids, "count": count})
    return int(count)


# --- service-request target systems ---------------------------------------------------------


@dataclass(frozen=True)
class SrSystemRow:
    """A target system as the screen shows it: everything but the secrets' values."""

    name: str
    url: str
    method: str = "POST"
    headers: dict[str, str] = field(default_factory=dict)
    body: str = ""  # the JSON template as text, "" for the default body
    external_id: str = ""
    status: str = ""
    link: str = ""
    secret_headers: tuple[str, ...] = ()  # names only


def _objects(key: str) -> dict[str, Any]:
    raw = get_setting(key, {}) or {}
    return dict(raw) if isinstance(raw, dict) else {}


def sr_systems() -> list[SrSystemRow]:
    """The configured systems by name (administrators see which headers hold a secret, never the value)."""
    secrets = _objects(SECRETS_SETTING)
    out = []
    for name, spec in sorted(_objects(SETTING).items()):
        spec = spec if isinstance(spec, dict) else {}
        body = spec.get("body")
        hidden = secrets.get(name)
        out.append(SrSystemRow(
            name=name, url=str(spec.get("url", "")), method=str(spec.get("method", "POST")),
            headers={str(k): str(v) for k, v in (spec.get("headers") or {}).items()},
            body="" if body is None else json.dumps(body, ensure_ascii=False, indent=2),
            external_id=str(spec.get("external_id", "")), status=str(spec.get("status", "")),
            link=str(spec.get("link", "")),
            secret_headers=tuple(sorted(hidden)) if isinstance(hidden, dict) else ()))
    return out


def _bad(field_key: str, reason_key: str, **values: Any) -> BeaconError:
    return BeaconError("workflow.bad_value", field=TEXTS.pair(f"outbox_admin.{field_key}"),
                       reason=TEXTS.pair(f"outbox_admin.{reason_key}", **values))


def _checked(row: SrSystemRow) -> dict[str, Any]:
    name = row.name.strip()
    if not name or len(name) > 100:
        raise _bad("name", "name_rule")
    url = row.url.strip()
    if not (url.startswith("http://") or url.startswith("https://")) or len(url) > 2000 or " " in url:
        raise _bad("url", "url_rule")
    method = row.method.strip().upper() or "POST"
    if method not in METHODS:
        raise _bad("method", "one_of", allowed=", ".join(METHODS))
    spec: dict[str, Any] = {"url": url, "method": method}
    for header, value in row.headers.items():
        if not header.strip() or any(c in header for c in ": \r\n") or "\n" in value or "\r" in value:
            raise _bad("headers", "header_rule", header=header)
    if row.headers:
        spec["headers"] = {k.strip(): v for k, v in row.headers.items()}
    if row.body.strip():
        try:
            spec["body"] = json.loads(row.body)
        except ValueError as exc:
            raise _bad("body", "json_rule", reason=str(exc)[:120]) from None
    for key in ("external_id", "status"):
        pointer = getattr(row, key).strip()
        if pointer and not pointer.startswith("/"):
            raise _bad(key, "pointer_rule")
        if pointer:
            spec[key] = pointer
    if row.link.strip():
        spec["link"] = row.link.strip()
    return spec


def save_sr_system(*, actor_id: int, row: SrSystemRow, original_name: str = "",
                   secrets: dict[str, str] | None = None, remove_secrets: tuple[str, ...] = ()) -> None:
    """Add or change a target system (renaming keeps its secrets); `secrets` sets header values (written only).

    A secret left empty keeps the value stored; `remove_secrets` names headers whose secret goes.
    """
    spec = _checked(row)
    name = row.name.strip()
    with admin_change(actor_id, TEXTS.pair("outbox_admin.save_system"), name) as actor:
        systems, stored = _objects(SETTING), _objects(SECRETS_SETTING)
        if name != original_name and name in systems:
            raise BeaconError("admin.code_taken", what=TEXTS.pair("outbox_admin.name"), value=name)
        before = systems.pop(original_name, None) if original_name else None
        systems[name] = spec
        hidden = dict(stored.pop(original_name, {}) or {}) if original_name else dict(stored.get(name, {}) or {})
        for header in remove_secrets:
            hidden.pop(header, None)
        for header, value in (secrets or {}).items():
            if not header.strip() or any(c in header for c in ": \r\n") or "\n" in value or "\r" in value:
                raise _bad("secret_headers", "header_rule", header=header)
            if value:
                hidden[header.strip()] = value
        if hidden:
            stored[name] = hidden
        else:
            stored.pop(name, None)
        put_setting(SETTING, systems)
        put_setting(SECRETS_SETTING, stored)
        record(actor, "setting", SETTING, "sr_system_saved", before, {"name": name, **spec,
                                                                     "secret_headers": sorted(hidden)})


def remove_sr_system(*, actor_id: int, name: str) -> None:
    """Remove a target system and its secrets (SRs already sent keep their record)."""
    with admin_change(actor_id, TEXTS.pair("outbox_admin.remove_system"), name) as actor:
        systems, stored = _objects(SETTING), _objects(SECRETS_SETTING)
        if name not in systems:
            raise BeaconError("workflow.not_found", what=TEXTS.pair("outbox_admin.name"), ref=name)
        before = systems.pop(name)
        stored.pop(name, None)
        put_setting(SETTING, systems)
        put_setting(SECRETS_SETTING, stored)
        record(actor, "setting", SETTING, "sr_system_removed", {"name": name, **before}, None)


__all__ = ["CHANNEL", "DISCARDED", "DeadLetterRow", "SrSystemRow", "dead_letters", "discard_dead_letters",
           "remove_sr_system", "retry_dead_letters", "save_sr_system", "sr_systems"]
