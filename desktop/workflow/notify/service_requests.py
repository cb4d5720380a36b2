"""Service requests out (타 시스템 연계 SR 등록): a closing follow-up delivered to another system over HTTP.

Why the notice outbox, not a table of its own: an SR delivery needs exactly what a notice
delivery has — written in the transaction that caused it, claimed with a lease, retried
with backoff, dead after N attempts, listed for administrators with a retry, and an id a
receiver can use to drop a copy. So an SR is one `Notification` row on the channel `sr`:
its recipient is the person who closed the incident (who asked for the SR), its payload
carries the link id and a snapshot of the case's fields, its `target` the system name, and
its dedupe key `sr:<link id>` is also the `Idempotency-Key` of the HTTP call. The link
stores that key, so the case view shows the delivery state next to what came back.

Systems are the organisation setting `sr_systems`: name → {url, method, headers, body,
external_id, status, link}. `body` is any JSON; a string in it (and in url and headers)
may name case fields as `${field}` (see `TEMPLATE_FIELDS`). `external_id` and `status`
are JSON pointers (RFC 6901) into the answer, e.g. `/result/number`.

Secret headers (tokens, API keys) go in the setting `sr_secrets`: name → {header: value}, merged over
the system's own headers. On PostgreSQL only administrators and the dispatcher read that row (row
security), while everyone who closes an incident may see which systems exist.
"""

from __future__ import annotations

import json
import string
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from desktop.errors import BeaconError
from desktop.models import (
    Case,
    ConfigurationItem,
    Event,
    Grade,
    Incident,
    Notification,
    ServiceRequestLink,
    Setting,
    UrgencyLevel,
    User,
)
from desktop.models.prepared import Prepared, param
from desktop.workflow.notify.texts import TEXTS
from desktop.workflow.notify.transport import DeliveryError

SETTING = "sr_systems"
SECRETS_SETTING = "sr_secrets"  # name → {header: value}, read by administrators and the dispatcher only
CHANNEL = "sr"
TIMEOUT_SECONDS = 15
RESPONSE_KEEP = 2000
METHODS = ("POST", "PUT", "PATCH")
TEMPLATE_FIELDS = (
    "number", "incident_title", "incident_description", "title", "description", "application",
    "application_code", "grade", "grade_name", "urgency", "incident_type", "requester", "requester_login",
    "requester_email", "closer", "closer_login", "resolution", "cause", "result", "follow_up_plan",
    "recurrence_prevention", "registered_at", "closed_at", "system", "sr_id", "delivery",
)


class SrDeliveryError(DeliveryError):
    """This attempt failed; the dispatcher retries it like any notice, then lists it as dead."""


@dataclass(frozen=True)
class SrSystem:
    """One system SRs are sent to, from the setting `sr_systems`."""

    name: str
    url: str
    method: str = "POST"
    headers: dict[str, str] = field(default_factory=dict)
    body: Any = None
    external_id: str = ""
    status: str = ""
    link: str = ""  # a URL template for people, may use ${external_id}


def systems() -> dict[str, SrSystem]:
    """The configured systems by name (an empty dict when none)."""
    row = Setting.get_or_none(Setting.key == SETTING)
    raw = json.loads(row.value) if row else {}
    if not isinstance(raw, dict):
        raise SrDeliveryError(f"setting {SETTING} must be a JSON object of systems")
    secret_row = Setting.get_or_none(Setting.key == SECRETS_SETTING)  # not there for those who may not read it
    secrets = json.loads(secret_row.value) if secret_row else {}
    out = {}
    for name, spec in raw.items():
        if not isinstance(spec, dict) or not isinstance(spec.get("url"), str) or not spec["url"]:
            raise SrDeliveryError(f"setting {SETTING}.{name}: needs a \"url\"")
        known = {k: spec[k] for k in SrSystem.__dataclass_fields__ if k in spec and k != "name"}
        hidden = secrets.get(name) if isinstance(secrets, dict) else None
        if isinstance(hidden, dict):
            known["headers"] = {**known.get("headers", {}), **hidden}
        out[name] = SrSystem(name=name, **known)
    return out


# --- queueing (inside the closing transaction) -------------------------------------------

def _iso(moment: datetime | None) -> str:
    return moment.replace(tzinfo=UTC).isoformat().replace("+00:00", "Z") if moment else ""


def case_fields(case_id: int, *, closer_id: int) -> dict[str, Any]:
    """The incident's fields a template may use, as they are now (the snapshot the SR is sent with)."""
    incident = Incident.get_by_id(case_id)
    app = ConfigurationItem.get_by_id(incident.application_id)
    grade = Grade.get_by_id(incident.grade_id)
    urgency = UrgencyLevel.get_by_id(incident.urgency_id)
    requester = User.get_by_id(incident.registered_by_id)
    closer = User.get_by_id(closer_id)
    return {
        "number": Case.get_by_id(case_id).number, "incident_title": incident.title,
        "incident_description": incident.description, "application": app.name, "application_code": app.code,
        "grade": grade.level, "grade_name": grade.name, "urgency": urgency.code,
        "incident_type": incident.incident_type, "requester": requester.name, "requester_login": requester.login,
        "requester_email": requester.email, "closer": closer.name, "closer_login": closer.login,
        "resolution": incident.resolution, "cause": incident.cause, "result": incident.result,
        "follow_up_plan": incident.follow_up_plan, "recurrence_prevention": incident.recurrence_prevention,
        "registered_at": _iso(incident.registered_at), "closed_at": _iso(incident.closed_at),
    }


def check_system(name: str) -> bool:
    """True when `name` is a configured system (delivered); False when none is configured (recorded only).

    Raises:
        BeaconError: systems are configured and `name` is not one of them (a typo would never be delivered).
    """
    try:
        configured = systems()
    except SrDeliveryError as exc:
        raise BeaconError("settings.bad_value", key=SETTING, value=str(exc)[:120],
                          allowed=TEXTS.pair("service_requests.system_name")) \
            from None
    if name in configured:
        return True
    if configured:
        names = ", ".join(sorted(configured))
        raise BeaconError("workflow.bad_value", field=TEXTS.pair("service_requests.target_system"),
                          reason=TEXTS.pair("service_requests.not_a_system", name=name, names=names))
    return False


def queue_delivery(link: ServiceRequestLink, *, case: Case, event: Event, actor_id: int, description: str,
                   now: datetime) -> str:
    """Write the outbox row that delivers `link` (call in the transaction that created it); returns its key."""
    key = f"sr:{link.id}"
    fields = case_fields(case.id, closer_id=actor_id)
    fields.update(title=link.title, description=description, system=link.system, sr_id=link.id, delivery=key)
    payload = {"number": case.number, "case_kind": case.kind, "case_id": case.id, "title": link.title,
               "link": link.id, "fields": fields, "at": _iso(now), "kind": "service_request"}
    Notification.insert(event=event.id, case=case.id, recipient=actor_id, channel=CHANNEL, kind="service_request",
                        reason="requester", payload=json.dumps(payload, ensure_ascii=False), dedupe_key=key,
                        status="pending", target=link.system, created_at=now, next_attempt_at=now).execute()
    ServiceRequestLink.update(delivery_key=key).where(ServiceRequestLink.id == link.id).execute()
    return key


# --- building and sending the call ---------------------------------------------------------

def _fill(text: str, values: dict[str, Any], where: str) -> str:
    try:
        return string.Template(text).substitute({k: "" if v is None else str(v) for k, v in values.items()})
    except KeyError as exc:
        raise SrDeliveryError(f"{where}: unknown field ${{{exc.args[0]}}}; known: {', '.join(TEMPLATE_FIELDS)}") \
            from None
    except ValueError as exc:
        raise SrDeliveryError(f"{where}: {exc}") from None


def render_body(template: Any, values: dict[str, Any], where: str = "body") -> Any:
    """The JSON body: every string of the template filled in; a string that is only `${field}` keeps its type."""
    if isinstance(template, str):
        whole = template.strip()
        if whole.startswith("${") and whole.endswith("}") and whole[2:-1] in values:
            return values[whole[2:-1]]
        return _fill(template, values, where)
    if isinstance(template, list):
        return [render_body(v, values, f"{where}[{i}]") for i, v in enumerate(template)]
    if isinstance(template, dict):
        return {k: render_body(v, values, f"{where}.{k}") for k, v in template.items()}
    return template


def json_pointer(document: Any, pointer: str) -> Any:
    """RFC 6901: `/result/number` → document["result"]["number"]; None when the path is not there."""
    if pointer in ("", "/"):
        return document if pointer == "" else None
    current = document
    for token in pointer.lstrip("/").split("/"):
        token = token.replace("~1", "/").replace("~0", "~")
        if isinstance(current, dict) and token in current:
            current = current[token]
        elif isinstance(current, list) and token.isdigit() and int(token) < len(current):
            current = current[int(token)]
        else:
            return None
    return current


@dataclass(frozen=True)
class SrRequest:
    url: str
    method: str
    headers: dict[str, str]
    body: bytes


def build_request(notification: Notification, system: SrSystem) -> SrRequest:
    """The HTTP call for one delivery, from the system's template and the payload's fields."""
    payload = json.loads(notification.payload or "{}")
    values = payload.get("fields", {})
    method = system.method.upper()
    if method not in METHODS:
        raise SrDeliveryError(f"{SETTING}.{system.name}.method: {system.method!r} is not one of {', '.join(METHODS)}")
    body = render_body(system.body if system.body is not None else {"title": "${title}", "number": "${number}"},
                       values)
    headers = {"Content-Type": "application/json; charset=utf-8", "Accept": "application/json",
               "User-Agent": "Beacon-ITSM"}
    headers.update({k: _fill(v, values, f"headers.{k}") for k, v in system.headers.items()})
    # the receiver drops a copy sent again (a dispatcher that died after sending, before recording)
    headers["Idempotency-Key"] = notification.dedupe_key
    headers["X-Beacon-Delivery"] = notification.dedupe_key
    return SrRequest(url=_fill(system.url, values, "url"), method=method, headers=headers,
                     body=json.dumps(body, ensure_ascii=False).encode("utf-8"))


@dataclass(frozen=True)
class SrAnswer:
    external_ref: str
    state: str
    url: str
    response: str


class ServiceRequestTransport:
    """The dispatcher's transport for the `sr` channel: send the call, then record what came back."""

    def send(self, notification: Notification, recipient: User, rendered: Any) -> SrAnswer:
        system = systems().get(notification.target)
        if system is None:
            raise SrDeliveryError(f"system {notification.target!r} is not in the setting {SETTING} any more")
        request = build_request(notification, system)
        call = urllib.request.Request(request.url, data=request.body, headers=request.headers, method=request.method)
        try:
            with urllib.request.urlopen(call, timeout=TIMEOUT_SECONDS) as response:
                text = response.read(1024 * 1024).decode("utf-8", errors="replace")
        except urllib.error.HTTPError as exc:
            detail = exc.read(300).decode("utf-8", errors="replace") if exc.fp else ""
            raise SrDeliveryError(f"HTTP {exc.code} {detail}".strip()) from None
        except (urllib.error.URLError, OSError, ValueError) as exc:
            raise SrDeliveryError(f"{type(exc).__name__}: {exc}") from None
        try:
            document = json.loads(text) if text.strip() else None
        except ValueError:
            document = None
        ref = json_pointer(document, system.external_id) if system.external_id else None
        state = json_pointer(document, system.status) if system.status else None
        ref_text = "" if ref is None else str(ref)[:100]
        link_url = ""
        if system.link and ref_text:
            link_url = string.Template(system.link).safe_substitute(external_id=ref_text)[:500]
        return SrAnswer(external_ref=ref_text, state="" if state is None else str(state)[:40], url=link_url,
                        response=text[:RESPONSE_KEEP])

    def delivered(self, notification: Notification, answer: SrAnswer, *, now: datetime) -> None:
        """Store the external ID and status on the link, with an event (in the dispatcher's transaction)."""
        payload = json.loads(notification.payload or "{}")
        link_id = payload.get("link")
        link = ServiceRequestLink.get_or_none(ServiceRequestLink.id == link_id)
        if link is None:
            return
        changes: dict[str, Any] = {"delivered_at": now, "response": answer.response, "updated_at": now,
                                   "version": ServiceRequestLink.version + 1}
        if answer.external_ref:
            changes["external_ref"] = answer.external_ref
        changes["state"] = answer.state or "registered"
        if answer.url:
            changes["url"] = answer.url
        ServiceRequestLink.update(changes).where(ServiceRequestLink.id == link.id).execute()
        case = Case.get_by_id(link.case_id)
        Event.create(case=case.id, entity="service_request", entity_id=str(link.id), kind="service_request_delivered",
                     actor=notification.recipient_id, occurred_at=now,
                     after=json.dumps({"system": link.system, "external_ref": answer.external_ref,
                                       "state": changes["state"]}, ensure_ascii=False),
                     note=f"{link.system} {answer.external_ref}".strip())


# --- what the case view shows ------------------------------------------------------------

@dataclass(frozen=True)
class ServiceRequestLine:
    """One SR of a case: where it went, what came back, how its delivery stands."""

    link_id: int
    system: str
    title: str
    external_ref: str
    state: str
    url: str
    created_at: datetime
    delivery: str  # recorded (no system configured) | pending | sending | failed | sent | dead
    attempts: int
    last_error: str
    delivered_at: datetime | None
    next_attempt_at: datetime | None


_LINKS = Prepared(lambda: ServiceRequestLink.select().where(ServiceRequestLink.case == param("case"))
                  .order_by(ServiceRequestLink.created_at, ServiceRequestLink.id))


def service_requests_of(case_id: int) -> list[ServiceRequestLine]:
    """A case's SRs with their delivery, oldest first."""
    links = list(_LINKS.objects(case=case_id))
    keys = [link.delivery_key for link in links if link.delivery_key]
    rows = {n.dedupe_key: n for n in Notification.select(Notification.dedupe_key, Notification.status,
                                                         Notification.attempts, Notification.last_error,
                                                         Notification.next_attempt_at)
            .where(Notification.dedupe_key.in_(keys))} if keys else {}
    out = []
    for link in links:
        outbox = rows.get(link.delivery_key)
        out.append(ServiceRequestLine(
            link_id=link.id, system=link.system, title=link.title, external_ref=link.external_ref,
            state=link.state, url=link.url, created_at=link.created_at,
            delivery=outbox.status if outbox else "recorded", attempts=outbox.attempts if outbox else 0,
            last_error=outbox.last_error if outbox else "", delivered_at=link.delivered_at,
            next_attempt_at=outbox.next_attempt_at if outbox and outbox.status in ("pending", "failed") else None))
    return out
