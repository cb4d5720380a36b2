"""Monitoring intake: alerts from Prometheus Alertmanager (or any tool speaking the generic JSON) become incidents.

A firing alert registers an incident through the normal registration path (grade from
urgency × the CI's impact, assignment from the owner matrix, propagation, SLA start,
events), as the monitoring system user, on the application its labels name — directly, or
through the CMDB when they name a server or database (`map_alert`); an alert nothing maps
goes to the triage application, or is held for an administrator, never refused. The same
alert (source + fingerprint) firing again while that incident is open adds an action to
it instead; a resolved alert adds an action and, when configured, closes the incident.
Each request is one transaction in which every alert has its own savepoint and outcome;
only a malformed payload is refused whole. The HTTP side lives in `intake_server`; this
module knows no sockets.

Configuration is the organisation setting `intake` (see `IntakeConfig`); bearer tokens
are the setting `intake_tokens`, which keeps only a SHA-256 of each token.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import secrets
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import peewee

from desktop.errors import BeaconError, DatabaseError
from desktop.i18n import pick
from desktop.models import (
    Action,
    AlertLink,
    Case,
    CIRelation,
    ConfigurationItem,
    Event,
    ImpactLevel,
    Incident,
    Setting,
    UrgencyLevel,
    User,
    database,
    utcnow,
)
from desktop.workflow.common.actors import Actor, load_actor
from desktop.workflow.engine.engine import TITLE_MAX, fire_in_transaction
from desktop.workflow.integrations.texts import ACTION_TEXT, RESOLUTION_FIELDS, TEXTS

log = logging.getLogger("beacon.intake")

SETTING = "intake"
TOKENS_SETTING = "intake_tokens"
SOURCES = ("alertmanager", "generic")
DEFAULT_SEVERITY_MAP = {"critical": "high", "page": "high", "error": "high", "major": "high",
                        "warning": "medium", "minor": "medium", "info": "low", "none": "low"}
RETRIES = 3  # a unique-key collision (two identical firings at once) is retried, then refused

# What one request may hold (a longer field is refused with 422 naming it, never cut silently).
MAX_DEPTH = 16  # JSON nesting; the formats need 4
MAX_ALERTS = 1000
MAX_LABELS = 64
LIMITS = {"title": TITLE_MAX, "summary": TITLE_MAX, "fingerprint": 200, "source": 60, "label_name": 128,
          "label_value": 1024, "description": 20_000, "url": 2048, "text": 20_000}


# --- errors ---------------------------------------------------------------------------

class IntakeError(Exception):
    """A request the intake refuses: HTTP status, a machine code, the field at fault and a bilingual reason."""

    def __init__(self, status: int, code: str, reason: dict[str, str], field: str = "") -> None:
        super().__init__(reason["en"])
        self.status = status
        self.code = code
        self.reason = reason
        self.field = field

    def body(self) -> dict[str, Any]:
        """The JSON a client gets back."""
        out: dict[str, Any] = {"error": self.code, "reason": self.reason["en"], "reason_ko": self.reason["ko"]}
        if self.field:
            out["field"] = self.field
        return out


def _at(field_path: str, reason: dict[str, str]) -> dict[str, str]:
    return {"ko": f"{field_path}: {reason['ko']}", "en": f"{field_path}: {reason['en']}"}


def _malformed(field_path: str, reason: dict[str, str]) -> IntakeError:
    return IntakeError(400, "malformed", _at(field_path, reason), field_path)


def _unprocessable(code: str, field_path: str, reason: dict[str, str]) -> IntakeError:
    return IntakeError(422, code, _at(field_path, reason), field_path)


def _too_long(field_path: str, length: int, limit: int) -> IntakeError:
    return IntakeError(422, "too_long", _at(field_path, TEXTS.pair("intake.too_long", length=length, limit=limit)),
                       field_path)


def _limit(text: str, field_path: str, kind: str) -> str:
    if len(text) > LIMITS[kind]:
        raise _too_long(field_path, len(text), LIMITS[kind])
    return text


def _safe(text: str) -> str:
    """A key as it may be named back to the client (a lone surrogate shown escaped)."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def check_values(value: Any, path: str = "body", depth: int = 0) -> None:
    """Refuse what no field may hold, anywhere in the payload: nesting past MAX_DEPTH, NUL, lone surrogates.

    Raises:
        IntakeError: 400 naming the first field at fault.
    """
    if depth > MAX_DEPTH:
        raise _malformed(path, TEXTS.pair("intake.too_deep", limit=MAX_DEPTH))
    if isinstance(value, str):
        if "\x00" in value:
            raise _malformed(path, TEXTS.pair("intake.nul"))
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise _malformed(path, TEXTS.pair("intake.lone_surrogate")) from None
    elif isinstance(value, dict):
        for key, item in value.items():
            where = f"{path}.{_safe(key)}"
            check_values(key, where, depth + 1)
            check_values(item, where, depth + 1)
    elif isinstance(value, list):
        if len(value) > MAX_ALERTS * 10:
            raise _too_long(path, len(value), MAX_ALERTS * 10)
        for i, item in enumerate(value):
            check_values(item, f"{path}[{i}]", depth + 1)


# --- configuration ----------------------------------------------------------------------

@dataclass(frozen=True)
class IntakeConfig:
    """The setting `intake`; every key is optional.

    `ci_labels`: labels tried in order for the CI (default `service`, `ci`, `instance`, `job`; the first
    whose value names a CI wins, `instance`'s `host:port` is read as its host); `ci_map`: label value →
    CI code; a CI that is not an application (a server, a database) stands for the applications that run
    on or depend on it; `triage_application`: the application an alert nothing maps is registered on
    (`default_application` is its older name; empty: such an alert is held, listed for administrators);
    `severity_label` and `severity_map` (severity → urgency code), `default_urgency`;
    `incident_type` of registered incidents; `user`: login of the system user they are
    registered as (created on first use, cannot sign in); `resolve_on_resolved`: a
    resolved alert also closes the incident; `max_body_bytes`: request size limit.
    """

    ci_labels: tuple[str, ...] = ("service", "ci", "instance", "job")
    ci_map: dict[str, str] = field(default_factory=dict)
    triage_application: str = ""
    default_application: str = ""
    severity_label: str = "severity"
    severity_map: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_SEVERITY_MAP))
    default_urgency: str = "medium"
    incident_type: str = "system"
    user: str = "monitoring"
    resolve_on_resolved: bool = False
    max_body_bytes: int = 1024 * 1024

    @classmethod
    def from_value(cls, raw: Any) -> IntakeConfig:
        """Build from the setting's JSON value; a wrong type is named in both languages."""
        if raw is None:
            return cls()
        if not isinstance(raw, dict):
            raise _bad_setting(SETTING, raw, TEXTS.pair("intake.json_object"))
        known = set(cls.__dataclass_fields__)
        unknown = sorted(set(raw) - known)
        if unknown:
            raise _bad_setting(f"{SETTING}.{unknown[0]}", raw[unknown[0]], ", ".join(sorted(known)))
        values: dict[str, Any] = {}
        for key, value in raw.items():
            name = f"{SETTING}.{key}"
            if key == "ci_labels":
                if isinstance(value, str):
                    value = [value]
                if not isinstance(value, list) or not value or not all(isinstance(v, str) and v for v in value):
                    raise _bad_setting(name, value, TEXTS.pair("intake.list_label_names"))
                values[key] = tuple(value)
            elif key in ("ci_map", "severity_map"):
                if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
                    raise _bad_setting(name, value, TEXTS.pair("intake.json_object_strings"))
                values[key] = {(str(k).lower() if key == "severity_map" else str(k)): v for k, v in value.items()}
            elif key == "resolve_on_resolved":
                if not isinstance(value, bool):
                    raise _bad_setting(name, value, "true, false")
                values[key] = value
            elif key == "max_body_bytes":
                if isinstance(value, bool) or not isinstance(value, int) or value < 1024:
                    raise _bad_setting(name, value, TEXTS.pair("intake.at_least_1024"))
                values[key] = value
            else:
                value = "" if value is None else value
                if not isinstance(value, str):
                    raise _bad_setting(name, value, TEXTS.pair("intake.a_string"))
                values[key] = value
        return cls(**values)

    @property
    def triage(self) -> str:
        """The triage application's code ('' when none is set)."""
        return self.triage_application or self.default_application


def _bad_setting(key: str, value: Any, allowed: str | dict[str, str]) -> BeaconError:
    return BeaconError("settings.bad_value", key=key, value=json.dumps(value, ensure_ascii=False)[:80],
                       allowed=allowed)


def load_config() -> IntakeConfig:
    """The intake configuration stored in the database."""
    row = Setting.get_or_none(Setting.key == SETTING)
    return IntakeConfig.from_value(json.loads(row.value) if row else None)


# --- tokens ---------------------------------------------------------------------------

def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _tokens() -> list[dict[str, str]]:
    row = Setting.get_or_none(Setting.key == TOKENS_SETTING)
    return list(json.loads(row.value)) if row else []


def _save_tokens(tokens: list[dict[str, str]]) -> None:
    text = json.dumps(tokens, ensure_ascii=False)
    if not Setting.update(value=text, version=Setting.version + 1).where(Setting.key == TOKENS_SETTING).execute():
        Setting.create(key=TOKENS_SETTING, value=text)


@dataclass(frozen=True)
class TokenInfo:
    name: str
    created_at: str
    prefix: str  # the token's first characters, so a person can tell tokens apart


def create_token(name: str, *, now: datetime | None = None) -> str:
    """Make a new bearer token under `name` and return it; only its SHA-256 is stored, so it is shown once.

    A token is 32 random bytes (URL-safe base64): a fast hash is enough, nothing to brute-force.
    """
    name = name.strip()
    if not name:
        raise BeaconError("workflow.required", action=TEXTS.pair("intake.create_token"),
                          fields=TEXTS.pair("intake.name"))
    token = "bcn_" + secrets.token_urlsafe(32)
    with database.atomic():
        tokens = _tokens()
        if any(t["name"] == name for t in tokens):
            raise BeaconError("admin.code_taken", what=TEXTS.pair("intake.token_name"), value=name)
        stamp = (now or utcnow()).replace(microsecond=0).isoformat() + "Z"
        tokens.append({"name": name, "sha256": _digest(token), "created_at": stamp, "prefix": token[:8]})
        _save_tokens(tokens)
    return token


def revoke_token(name: str) -> bool:
    """Remove the token named `name`; False when there was none."""
    with database.atomic():
        tokens = _tokens()
        kept = [t for t in tokens if t["name"] != name]
        if len(kept) == len(tokens):
            return False
        _save_tokens(kept)
    return True


def list_tokens() -> list[TokenInfo]:
    """The tokens by name, without anything that would let one be used."""
    return [TokenInfo(t["name"], t.get("created_at", ""), t.get("prefix", "")) for t in _tokens()]


def check_token(authorization: str | None) -> str:
    """The name of the token an `Authorization: Bearer …` header carries.

    Raises:
        IntakeError: 401 when the header is missing, not a bearer token, or no stored token matches.
    """
    scheme, _, token = (authorization or "").strip().partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token:
        raise IntakeError(401, "unauthorized", TEXTS.pair("intake.token_missing"))
    digest = _digest(token)
    found = ""
    for stored in _tokens():
        if hmac.compare_digest(stored.get("sha256", ""), digest):
            found = stored["name"]
    if not found:
        raise IntakeError(401, "unauthorized", TEXTS.pair("intake.token_invalid"))
    return found


# --- payloads -------------------------------------------------------------------------

@dataclass(frozen=True)
class Alert:
    """One alert as both payload formats say it."""

    source: str
    fingerprint: str
    status: str  # firing | resolved
    title: str
    description: str
    labels: dict[str, str]
    ci: str = ""  # the CI code as sent (before `ci_map`), empty when the payload names none
    ci_field: str = ""  # where it came from, for messages
    candidates: tuple[tuple[str, str], ...] = ()  # (where, value) of every field that may name the CI, in order
    severity: str = ""
    occurred_at: datetime | None = None
    ended_at: datetime | None = None
    url: str = ""
    path: str = ""  # e.g. alerts[2], for messages


def _object(value: Any, path: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _malformed(path, TEXTS.pair("intake.must_json_object"))
    return value


def _text(obj: dict[str, Any], key: str, path: str, *, required: bool = False) -> str:
    value = obj.get(key)
    if value is None or value == "":
        if required:
            raise _malformed(f"{path}.{key}" if path else key, TEXTS.pair("intake.required"))
        return ""
    if not isinstance(value, str):
        raise _malformed(f"{path}.{key}" if path else key, TEXTS.pair("intake.must_string"))
    return value.strip()


def _string_map(obj: dict[str, Any], key: str, path: str, *, required: bool = False) -> dict[str, str]:
    where = f"{path}.{key}"
    value = obj.get(key)
    if value is None:
        if required:
            raise _malformed(where, TEXTS.pair("intake.required"))
        return {}
    if not isinstance(value, dict):
        raise _malformed(where, TEXTS.pair("intake.must_json_object"))
    if len(value) > MAX_LABELS:
        raise IntakeError(422, "too_many", _at(where, TEXTS.pair("intake.too_many", count=len(value),
                                                                 limit=MAX_LABELS)), where)
    for k, v in value.items():
        if not isinstance(v, str):
            raise _malformed(f"{where}.{k}", TEXTS.pair("intake.must_string"))
        _limit(k, f"{where}.{k[:40]}", "label_name")
        _limit(v, f"{where}.{k}", "description" if key == "annotations" else "label_value")
    return dict(value)


def parse_time(value: Any, path: str) -> datetime | None:
    """An RFC 3339 / ISO 8601 time as naive UTC; Alertmanager's zero time (year 1) means none."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise _malformed(path, TEXTS.pair("intake.must_rfc_3339_time"))
    text = value.strip().replace("Z", "+00:00").replace("z", "+00:00")
    # Go writes up to nine fractional digits; Python reads six
    if "." in text:
        head, _, rest = text.partition(".")
        digits = len(rest) - len(rest.lstrip("0123456789"))
        text = head + "." + rest[:min(digits, 6)] + rest[digits:] if digits else head + rest[digits:]
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise _malformed(path, TEXTS.pair("intake.unreadable_time", value=value)) from None
    if moment.year <= 1:
        return None
    if moment.tzinfo is None:
        raise _malformed(path, TEXTS.pair("intake.time_needs_zone", value=value))
    return moment.astimezone(UTC).replace(tzinfo=None)


def _status(obj: dict[str, Any], path: str) -> str:
    status = _text(obj, "status", path, required=True).lower()
    if status not in ("firing", "resolved"):
        raise _malformed(f"{path}.status", TEXTS.pair("intake.must_firing_or_resolved", status=status))
    return status


def _labels_fingerprint(labels: dict[str, str]) -> str:
    return hashlib.sha256(json.dumps(labels, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()[:16]


def _candidates(labels: dict[str, str], config: IntakeConfig, path: str) -> tuple[tuple[str, str], ...]:
    return tuple((f"{path}.labels.{label}", labels[label]) for label in config.ci_labels if labels.get(label))


def parse_alertmanager(payload: Any, config: IntakeConfig) -> list[Alert]:
    """Alertmanager's webhook payload (version 4): `alerts[]` with status, labels, annotations, times, fingerprint."""
    body = _object(payload, "body")
    version = body.get("version")
    if version is not None and str(version) != "4":
        raise _malformed("version", TEXTS.pair("intake.only_webhook_payload_version", version=version))
    alerts = body.get("alerts")
    if not isinstance(alerts, list) or not alerts:
        raise _malformed("alerts", TEXTS.pair("intake.must_non_empty_array"))
    if len(alerts) > MAX_ALERTS:
        raise _too_long("alerts", len(alerts), MAX_ALERTS)
    common = _string_map(body, "commonLabels", "body") if isinstance(body.get("commonLabels"), dict) else {}
    out = []
    for i, raw in enumerate(alerts):
        path = f"alerts[{i}]"
        item = _object(raw, path)
        status = _status(item, path)
        labels = {**common, **_string_map(item, "labels", path, required=True)}
        if not labels:
            raise _malformed(f"{path}.labels", TEXTS.pair("intake.needs_a_label"))
        annotations = _string_map(item, "annotations", path)
        fingerprint = _limit(_text(item, "fingerprint", path), f"{path}.fingerprint", "fingerprint") \
            or _labels_fingerprint(labels)
        name = labels.get("alertname", "")
        for key in ("summary", "message", "title"):
            _limit(annotations.get(key, ""), f"{path}.annotations.{key}", "summary")
        summary = annotations.get("summary") or annotations.get("message") or annotations.get("title") or ""
        title = f"[{name}] {summary}".strip() if name and summary else (summary or name or fingerprint)
        title = title[:TITLE_MAX]  # each part is within the limit; "[name] " may push the whole past it
        url = _limit(_text(item, "generatorURL", path), f"{path}.generatorURL", "url")
        lines = [annotations.get("description", "") or summary]
        lines.append("")
        lines.append("Labels: " + ", ".join(f"{k}={v}" for k, v in sorted(labels.items())))
        if url:
            lines.append(f"Source: {url}")
        if annotations.get("runbook_url"):
            lines.append(f"Runbook: {annotations['runbook_url']}")
        lines.append(f"Alertmanager fingerprint: {fingerprint}")
        candidates = _candidates(labels, config, path)
        ci, ci_field = (candidates[0][1], candidates[0][0]) if candidates else ("", "")
        out.append(Alert(source="alertmanager", fingerprint=fingerprint, status=status, title=title,
                         description="\n".join(lines).strip(), labels=labels, ci=ci, ci_field=ci_field,
                         candidates=candidates,
                         severity=labels.get(config.severity_label, ""),
                         occurred_at=parse_time(item.get("startsAt"), f"{path}.startsAt"),
                         ended_at=parse_time(item.get("endsAt"), f"{path}.endsAt"), url=url, path=path))
    return out


GENERIC_KEYS = ("source", "fingerprint", "dedupe_key", "status", "ci", "severity", "title", "description",
                "occurred_at", "url", "labels")


def parse_generic(payload: Any, config: IntakeConfig) -> list[Alert]:
    """The generic JSON (README "Monitoring intake"): one alert object, or `{"alerts": [...]}`."""
    body = _object(payload, "body")
    if "alerts" in body:
        items = body["alerts"]
        if not isinstance(items, list) or not items:
            raise _malformed("alerts", TEXTS.pair("intake.must_non_empty_array"))
        if len(items) > MAX_ALERTS:
            raise _too_long("alerts", len(items), MAX_ALERTS)
        pairs = [(f"alerts[{i}]", item) for i, item in enumerate(items)]
    else:
        pairs = [("body", body)]
    out = []
    for path, raw in pairs:
        item = _object(raw, path)
        unknown = sorted(set(item) - set(GENERIC_KEYS))
        if unknown:
            raise _malformed(f"{path}.{unknown[0]}",
                             TEXTS.pair("intake.unknown_key", known=", ".join(GENERIC_KEYS)))
        status = _status(item, path)
        fingerprint = _limit(_text(item, "fingerprint", path), f"{path}.fingerprint", "fingerprint") \
            or _limit(_text(item, "dedupe_key", path), f"{path}.dedupe_key", "fingerprint")
        if not fingerprint:
            raise _malformed(f"{path}.fingerprint", TEXTS.pair("intake.fingerprint_missing"))
        source = _limit(_text(item, "source", path), f"{path}.source", "source") or "generic"
        title = _limit(_text(item, "title", path, required=status == "firing"), f"{path}.title", "title") \
            or fingerprint[:TITLE_MAX]
        labels = _string_map(item, "labels", path)
        description = _limit(_text(item, "description", path), f"{path}.description", "description")
        url = _limit(_text(item, "url", path), f"{path}.url", "url")
        for key in ("ci", "severity"):
            _limit(_text(item, key, path), f"{path}.{key}", "label_value")
        extra = [f"Source: {source}" + (f" ({url})" if url else ""), f"Fingerprint: {fingerprint}"]
        if labels:
            extra.insert(0, "Labels: " + ", ".join(f"{k}={v}" for k, v in sorted(labels.items())))
        ci = _text(item, "ci", path)
        candidates = (((f"{path}.ci", ci),) if ci else ()) + _candidates(labels, config, path)
        out.append(Alert(source=source, fingerprint=fingerprint, status=status, title=title,
                         description=(description + "\n\n" + "\n".join(extra)).strip(), labels=labels,
                         ci=ci, ci_field=f"{path}.ci", candidates=candidates, severity=_text(item, "severity", path),
                         occurred_at=parse_time(item.get("occurred_at"), f"{path}.occurred_at"), url=url,
                         path=path))
    return out


PARSERS = {"alertmanager": parse_alertmanager, "generic": parse_generic}


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def parse_body(fmt: str, raw: bytes, config: IntakeConfig) -> list[Alert]:
    """Decode and validate a request body without the database; raises IntakeError 400/422 naming what is wrong.

    Any malformed body is a 400, never a 500: bad UTF-8, not JSON, NaN or Infinity, deep nesting,
    NUL characters and lone surrogates anywhere in it.
    """
    try:
        payload = json.loads(raw.decode("utf-8"), parse_constant=_no_constant)
    except UnicodeDecodeError:
        raise _malformed("body", TEXTS.pair("intake.not_utf8")) from None
    except RecursionError:
        raise _malformed("body", TEXTS.pair("intake.too_deep", limit=MAX_DEPTH)) from None
    except ValueError as exc:
        raise _malformed("body", TEXTS.pair("intake.not_json", exc=_safe(str(exc))[:200])) from None
    check_values(payload)
    return PARSERS[fmt](payload, config)


# --- mapping --------------------------------------------------------------------------

RELATED_KINDS = ("runs_on", "depends_on")  # application → server / database / middleware, and on down
MAX_HOPS = 8


@dataclass(frozen=True)
class Mapping:
    """Where one alert lands, and why (shown in the response, the log and the administrator's preview)."""

    application: int | None  # None: held (nothing maps and there is no triage application)
    application_code: str = ""
    triaged: bool = False
    rule: str = ""  # e.g. "alerts[0].labels.service=SRV-DB01 → SRV-DB01 (server) → APP-CORE"
    affected: tuple[str, ...] = ()  # every application the CI carries, widest impact first
    reason: dict[str, str] = field(default_factory=dict)  # why it was triaged or held

    @property
    def held(self) -> bool:
        return self.application is None


def _forms(where: str, value: str) -> list[str]:
    """The names a label value may give a CI by: itself; for `instance`, also its host and the host's first part."""
    forms = [value]
    if where.endswith(".labels.instance"):
        host = value[1:].partition("]")[0] if value.startswith("[") else (
            value.rpartition(":")[0] if value.count(":") == 1 else value)
        short = host.split(".")[0]
        is_address = host.replace(".", "").isdigit() or ":" in host
        forms += [f for f in (host, "" if is_address else short) if f and f not in forms]
    return forms


def _find_ci(name: str, config: IntakeConfig) -> ConfigurationItem | None:
    """The active CI a name means: through `ci_map` (exact, then ignoring case), else its code ignoring case."""
    code = config.ci_map.get(name)
    if code is None:
        code = next((v for k, v in config.ci_map.items() if k.lower() == name.lower()), name)
    return (ConfigurationItem.select()
            .where((peewee.fn.LOWER(ConfigurationItem.code) == code.lower())
                   & (ConfigurationItem.is_active == True))  # noqa: E712
            .first())


def applications_on(ci_id: int) -> list[ConfigurationItem]:
    """The active applications that run on or depend on a CI (directly or through others), widest impact first."""
    seen = {ci_id}
    frontier = [ci_id]
    for _ in range(MAX_HOPS):
        if not frontier:
            break
        found = [s for (s,) in CIRelation.select(CIRelation.source).where(
            CIRelation.target.in_(frontier) & CIRelation.kind.in_(RELATED_KINDS)).tuples() if s not in seen]
        seen.update(found)
        frontier = found
    seen.discard(ci_id)
    if not seen:
        return []
    apps = list(ConfigurationItem.select(ConfigurationItem, ImpactLevel.rank)
                .join(ImpactLevel, peewee.JOIN.LEFT_OUTER, on=(ConfigurationItem.impact == ImpactLevel.id))
                .where(ConfigurationItem.id.in_(list(seen)) & (ConfigurationItem.kind == "application")
                       & (ConfigurationItem.is_active == True))  # noqa: E712
                .objects())
    return sorted(apps, key=lambda a: (a.rank if a.rank is not None else 1 << 30, a.code))


def map_alert(alert: Alert, config: IntakeConfig) -> Mapping:
    """The application an alert lands on: the first label naming a CI that carries an application, else triage.

    An application CI is itself; a server, database or other CI stands for the applications that run on or
    depend on it, and the incident goes to the one of them with the widest impact (so its grade is the
    highest of theirs), naming the others. Never raises for an unknown CI: that is what triage is for.
    """
    tried: list[str] = []
    for where, value in alert.candidates:
        for name in _forms(where, value):
            ci = _find_ci(name, config)
            if ci is None:
                continue
            step = f"{where}={value} → {ci.code}"
            if ci.kind == "application":
                return Mapping(ci.id, ci.code, rule=step, affected=(ci.code,))
            apps = applications_on(ci.id)
            if apps:
                return Mapping(apps[0].id, apps[0].code, rule=f"{step} ({ci.kind}) → {apps[0].code}",
                               affected=tuple(a.code for a in apps))
            tried.append(f"{ci.code} ({ci.kind}, 0)")
            break
        else:
            tried.append(f"{where.rpartition('.')[2]}={value}")
    if tried:
        reason = TEXTS.pair("intake.nothing_maps", tried=", ".join(tried))
    else:
        reason = TEXTS.pair("intake.no_ci_label", labels=" / ".join(config.ci_labels))
    code = config.triage
    if not code:
        return Mapping(None, reason=_joined(reason, TEXTS.pair("intake.no_triage")))
    app = _application(code)
    if app is None:
        return Mapping(None, reason=_joined(reason, TEXTS.pair("intake.default_application_inactive",
                                                               application=code)))
    return Mapping(app, code, triaged=True, rule=f"triage → {code}", affected=(code,), reason=reason)


def _joined(first: dict[str, str], second: dict[str, str]) -> dict[str, str]:
    return {lang: f"{first[lang]}; {second[lang]}" for lang in ("ko", "en")}


def _application(code: str) -> int | None:
    found = (ConfigurationItem.select(ConfigurationItem.id)
             .where((ConfigurationItem.code == code) & (ConfigurationItem.kind == "application")
                    & (ConfigurationItem.is_active == True))  # noqa: E712
             .scalar())
    return int(found) if found is not None else None


def urgency_for(alert: Alert, config: IntakeConfig) -> str:
    """The urgency code for an alert's severity (`severity_map`, else `default_urgency`)."""
    code = config.severity_map.get(alert.severity.lower(), config.default_urgency) if alert.severity \
        else config.default_urgency
    if not UrgencyLevel.select().where(UrgencyLevel.code == code).exists():
        raise _unprocessable("configuration", "intake.severity_map",
                             TEXTS.pair("intake.severity_maps_unknown_urgency", severity=alert.severity, code=code))
    return code


# --- the system user --------------------------------------------------------------------

def system_actor(config: IntakeConfig) -> Actor:
    """The user incidents from monitoring are registered as; created (no password, no roles) when missing."""
    user = User.get_or_none(User.login == config.user)
    if user is None:
        user = User.create(login=config.user, name=TEXTS["intake.monitoring_user"]["ko"],
                           name_en=TEXTS["intake.monitoring_user"]["en"])
    if not user.is_active:  # a 5xx: Alertmanager keeps the alerts and retries until an administrator fixes it
        raise IntakeError(500, "configuration", _at("intake.user", TEXTS.pair("intake.system_user_disabled",
                                                                              user=config.user)), "intake.user")
    return load_actor(user.id)


# --- applying alerts -------------------------------------------------------------------

OUTCOMES = ("created", "triaged", "repeated", "resolved", "closed", "ignored", "held", "refused")
REMEMBERED = ("triaged", "held", "refused")  # written to the event log for the administrators' screen
EVENT_ENTITY = "intake"


@dataclass(frozen=True)
class Outcome:
    """What one alert did: created | triaged | repeated | resolved | closed | ignored | held | refused.

    `triaged`: registered on the triage application because nothing mapped; `held`: nothing mapped and
    there is no triage application (kept in the event log for an administrator); `refused`: this alert
    could not be registered (e.g. the application has no impact) — the group's other alerts still are.
    """

    fingerprint: str
    status: str
    outcome: str
    incident: str = ""
    application: str = ""
    rule: str = ""
    reason: dict[str, str] = field(default_factory=dict)

    def as_json(self) -> dict[str, str]:
        out = {"fingerprint": self.fingerprint, "status": self.status, "outcome": self.outcome,
               "incident": self.incident}
        if self.application:
            out["application"] = self.application
        if self.rule:
            out["rule"] = self.rule
        if self.reason:
            out["reason"] = self.reason["en"]
            out["reason_ko"] = self.reason["ko"]
        return out


def linked_alert(alert: Alert, *, lock: bool = False) -> tuple[AlertLink | None, bool]:
    """The open link of this alert's fingerprint, and whether its incident has since been closed or cancelled."""
    query = AlertLink.select().where((AlertLink.source == alert.source) & (AlertLink.open_key == alert.fingerprint))
    if lock and not isinstance(database.obj, peewee.SqliteDatabase):
        query = query.for_update()
    link = query.first()
    if link is None:
        return None, False
    from desktop.workflow.engine.process import case_definition

    incident = Incident.get_by_id(link.case_id)
    return link, case_definition("incident", incident).states[incident.state].final


def _open_link(alert: Alert, actor: Actor, now: datetime) -> AlertLink | None:
    link, stale = linked_alert(alert, lock=True)
    if link is None:
        return None
    if stale:
        # its incident was closed or cancelled by people: the next firing is a new incident. The closed
        # incident's history says so (an event with the change, as every change to a case has one)
        AlertLink.update(open_key=None).where(AlertLink.id == link.id).execute()
        Event.create(case=link.case_id, entity="incident", entity_id=Case.get_by_id(link.case_id).number,
                     kind="alert_unlinked", actor=actor.id, occurred_at=now,
                     after=json.dumps({"source": alert.source, "fingerprint": alert.fingerprint}, ensure_ascii=False),
                     note=alert.title[:200])
        return None
    return link


def _log_action(case_id: int, actor: Actor, text: str, now: datetime) -> None:
    number = Case.select(Case.number).where(Case.id == case_id).scalar()
    action = Action.create(case=case_id, actor=actor.id, acted_at=now, recorded_at=now, kind="note", body=text)
    Event.create(case=case_id, entity="incident", entity_id=number, kind="action", actor=actor.id, occurred_at=now,
                 after=json.dumps({"action": action.id, "kind": "note", "alert": True}), note=text)


def _register(alert: Alert, config: IntakeConfig, actor: Actor, now: datetime) -> Outcome:
    mapping = map_alert(alert, config)
    if mapping.application is None:
        return Outcome(alert.fingerprint, alert.status, "held", reason=mapping.reason)
    lines = [alert.description, ""]
    if len(mapping.affected) > 1:
        lines.append(pick(TEXTS["intake.affected"]).format(codes=", ".join(mapping.affected)))
    if mapping.triaged:
        lines.append(pick(TEXTS["intake.triaged_note"]).format(reason=pick(mapping.reason)))
    lines.append(pick(TEXTS["intake.mapped_by"]).format(rule=mapping.rule))
    fields: dict[str, Any] = {"title": alert.title[:TITLE_MAX], "description": "\n".join(lines).strip(),
                              "application": mapping.application, "urgency": urgency_for(alert, config),
                              "incident_type": config.incident_type}
    if alert.occurred_at is not None:
        fields["occurred_at"] = min(alert.occurred_at, now)
    made = fire_in_transaction("incident", "register", actor=actor, case_id=None, fields=fields, now=now,
                               system=True)
    AlertLink.create(source=alert.source, fingerprint=alert.fingerprint, open_key=alert.fingerprint,
                     case=made.case_id, first_seen=now, last_seen=now, fire_count=1, last_status="firing")
    return Outcome(alert.fingerprint, alert.status, "triaged" if mapping.triaged else "created", made.number,
                   mapping.application_code, mapping.rule, mapping.reason)


def _apply(alert: Alert, config: IntakeConfig, actor: Actor, now: datetime) -> Outcome:
    link = _open_link(alert, actor, now)
    if alert.status == "firing":
        if link is not None:
            count = link.fire_count + 1
            AlertLink.update(fire_count=count, last_seen=now, last_status="firing").where(
                AlertLink.id == link.id).execute()
            _log_action(link.case_id, actor, pick(ACTION_TEXT["repeat"]).format(count=count, title=alert.title), now)
            return Outcome(alert.fingerprint, alert.status, "repeated", Case.get_by_id(link.case_id).number)
        return _register(alert, config, actor, now)
    if link is None:
        return Outcome(alert.fingerprint, alert.status, "ignored")
    ended = ""
    if alert.ended_at is not None:
        ended = " " + alert.ended_at.replace(tzinfo=UTC).isoformat().replace("+00:00", "Z")
    _log_action(link.case_id, actor, pick(ACTION_TEXT["resolved"]).format(source=alert.source, ended=ended,
                                                                          title=alert.title), now)
    AlertLink.update(last_seen=now, last_status="resolved").where(AlertLink.id == link.id).execute()
    number = Case.get_by_id(link.case_id).number
    if not config.resolve_on_resolved:
        return Outcome(alert.fingerprint, alert.status, "resolved", number)
    from desktop.workflow.cases.effects import drive_to

    fields = {k: pick(v).format(title=alert.title) for k, v in RESOLUTION_FIELDS.items()}
    fields["confirm_open_children"] = True
    drive_to("incident", link.case_id, "closed", actor=actor, fields=fields, now=now)
    AlertLink.update(open_key=None).where(AlertLink.id == link.id).execute()
    return Outcome(alert.fingerprint, alert.status, "closed", number)


def _remember(alert: Alert, outcome: Outcome, actor: Actor, now: datetime) -> None:
    """An event for an alert an administrator should look at (triaged, held, refused), with what it carried."""
    if outcome.outcome not in REMEMBERED:
        return
    case_id = Case.select(Case.id).where(Case.number == outcome.incident).scalar() if outcome.incident else None
    after = {"source": alert.source, "fingerprint": alert.fingerprint, "status": alert.status, "title": alert.title,
             "labels": alert.labels, "severity": alert.severity, "outcome": outcome.outcome,
             "incident": outcome.incident, "application": outcome.application,
             "reason": outcome.reason.get("en", ""), "reason_ko": outcome.reason.get("ko", "")}
    Event.create(case=case_id, entity=EVENT_ENTITY, entity_id=alert.fingerprint[:60], kind=f"alert_{outcome.outcome}",
                 actor=actor.id, occurred_at=now, after=json.dumps(after, ensure_ascii=False),
                 note=outcome.reason.get("en", "")[:2000])


def _log(alert: Alert, outcome: Outcome) -> None:
    level = logging.WARNING if outcome.outcome in REMEMBERED else logging.INFO
    parts = {"alert": alert.path or "body", "fingerprint": alert.fingerprint, "status": alert.status,
             "outcome": outcome.outcome, "incident": outcome.incident, "application": outcome.application,
             "rule": outcome.rule, "reason": outcome.reason.get("en", "")}
    log.log(level, "intake %s", " ".join(f"{k}={json.dumps(v, ensure_ascii=False) if (not v or ' ' in v) else v}"
                                         for k, v in parts.items() if v or k == "incident"))


def ingest(alerts: list[Alert], *, config: IntakeConfig | None = None, now: datetime | None = None) -> list[Outcome]:
    """Apply alerts in one transaction, each in its own savepoint: every alert gets its own outcome.

    An alert that cannot be registered (its application has no impact, the severity maps to an unknown
    urgency, ...) is `refused` alone — its writes undone, the reason returned and kept in the event log —
    and the others in the group go on. Two identical firings arriving at once both try to create the open
    link; the loser's transaction fails on the unique index and is retried whole, and then finds the
    winner's incident. Each outcome is logged (`beacon.intake`) after the commit.
    """
    for attempt in range(RETRIES):
        try:
            with database.atomic():
                cfg = config or load_config()
                at = now or utcnow()
                actor = system_actor(cfg)
                pairs = [(alert, _one(alert, cfg, actor, at)) for alert in alerts]
            for alert, outcome in pairs:
                _log(alert, outcome)
            return [outcome for _, outcome in pairs]
        except peewee.IntegrityError:
            if attempt == RETRIES - 1:
                raise
        except DatabaseError:  # the database itself (restarting, unreachable): the server answers 503
            raise
        except BeaconError as exc:  # the configuration cannot be read: retried by the sender once it is fixed
            raise IntakeError(500, "configuration", {"ko": exc.message("ko"), "en": exc.message("en")}) from None
    raise AssertionError("unreachable")


def _one(alert: Alert, config: IntakeConfig, actor: Actor, now: datetime) -> Outcome:
    try:
        with database.atomic():  # a savepoint: a refusal undoes this alert's writes only
            outcome = _apply(alert, config, actor, now)
    except (peewee.IntegrityError, DatabaseError):
        raise
    except IntakeError as exc:
        outcome = Outcome(alert.fingerprint, alert.status, "refused", reason=exc.reason)
    except BeaconError as exc:
        outcome = Outcome(alert.fingerprint, alert.status, "refused",
                          reason={"ko": exc.message("ko"), "en": exc.message("en")})
    _remember(alert, outcome, actor, now)
    return outcome


__all__ = ["Alert", "IntakeConfig", "IntakeError", "Mapping", "Outcome", "applications_on", "check_token",
           "create_token", "ingest", "list_tokens", "load_config", "map_alert", "parse_alertmanager", "parse_body",
           "parse_generic", "revoke_token"]
