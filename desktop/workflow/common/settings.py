"""Organisation-wide settings (one JSON value per key), read and written by every wing.

Every key Beacon reads is in `SCHEMA`, with its type, range and meaning; `put_setting` checks a
value against it before anything is written, so `delivery_max_attempts "five"` or an unknown
key is refused with a message naming the key (a wing may check its own settings more closely,
e.g. the intake's). May import `desktop.models` only.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from desktop.errors import BeaconError
from desktop.models import ConfigurationItem, Setting, database
from desktop.workflow.common.texts import SETTING_TEXTS

MAX_DEPTH = 16
MAX_TEXT = 100_000


@dataclass(frozen=True)
class SettingSpec:
    """What one setting may hold and what it means (both languages)."""

    allowed: dict[str, str]  # shown when a value is refused
    check: Callable[[Any], bool]
    meaning: dict[str, str]
    managed: bool = False  # written by its own command only (e.g. intake tokens)


def _int(low: int, high: int) -> Callable[[Any], bool]:
    return lambda v: isinstance(v, int) and not isinstance(v, bool) and low <= v <= high


def _seconds(v: Any) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v) and 0 <= v <= 60


def _text(v: Any) -> bool:
    return isinstance(v, str) and 0 < len(v) <= 500


def _label(v: Any) -> bool:
    return _text(v) or (isinstance(v, dict) and set(v) <= {"ko", "en"} and bool(v) and all(map(_text, v.values())))


def _zone(v: Any) -> bool:
    from zoneinfo import ZoneInfo

    if not isinstance(v, str) or not v or len(v) > 64:
        return False
    try:
        ZoneInfo(v)
    except (ValueError, KeyError, OSError):  # ZoneInfoNotFoundError is a KeyError
        return False
    return True


SMTP_KEYS = {"host", "port", "security", "username", "password", "from_address", "from_name"}


def _smtp(v: Any) -> bool:
    if not isinstance(v, dict) or not set(v) <= SMTP_KEYS:
        return False
    if "port" in v and not _int(1, 65535)(v["port"]):
        return False
    if v.get("security", "plain") not in ("plain", "starttls", "ssl"):
        return False
    return all(isinstance(v[k], str) and len(v[k]) <= 500 for k in SMTP_KEYS - {"port"} if k in v)


def _incident_types(v: Any) -> bool:
    return isinstance(v, list) and bool(v) and all(
        isinstance(t, dict) and _text(t.get("code")) and _text(t.get("name")) for t in v)


def _checksums(v: Any) -> bool:
    return isinstance(v, dict) and all(isinstance(k, str) and isinstance(x, str) and len(x) == 64
                                       for k, x in v.items())


def _objects(v: Any) -> bool:
    return isinstance(v, dict) and all(isinstance(k, str) and k and isinstance(x, dict) for k, x in v.items())


INTAKE_TEXT_KEYS = ("severity_label", "default_urgency", "incident_type", "user")
INTAKE_APP_KEYS = ("triage_application", "default_application")
INTAKE_KEYS = ("ci_labels", "ci_map", "severity_map", "resolve_on_resolved", "max_body_bytes",
               *INTAKE_TEXT_KEYS, *INTAKE_APP_KEYS)


def _intake(v: Any) -> bool:
    """The setting `intake`, key by key; a wrong key or value is refused naming it (`intake.<key>`).

    `triage_application` (and its older name `default_application`) must name an active application:
    a typo there would send every unmapped alert nowhere.
    """
    if not isinstance(v, dict):
        return False
    for key, item in v.items():
        allowed: dict[str, str] | None = None
        if key not in INTAKE_KEYS:
            allowed = SETTING_TEXTS.pair("intake.keys", keys=", ".join(INTAKE_KEYS))
        elif key == "ci_labels":
            names = [item] if isinstance(item, str) else item
            if not isinstance(names, list) or not names or not all(_text(n) for n in names):
                allowed = SETTING_TEXTS.pair("intake.ci_labels.allowed")
        elif key in ("ci_map", "severity_map"):
            if not isinstance(item, dict) or not all(_text(k) and _text(x) for k, x in item.items()):
                allowed = SETTING_TEXTS.pair("intake.map.allowed")
        elif key == "resolve_on_resolved":
            if not isinstance(item, bool):
                allowed = SETTING_TEXTS.pair("intake.boolean.allowed")
        elif key == "max_body_bytes":
            if not _int(1024, 1 << 30)(item):
                allowed = SETTING_TEXTS.pair("intake.max_body_bytes.allowed")
        elif item is not None and item != "" and not _text(item):
            allowed = SETTING_TEXTS.pair("intake.text.allowed")
        elif key in INTAKE_APP_KEYS and item and not _active_application(item):
            allowed = SETTING_TEXTS.pair("intake.triage_application.allowed")
        if allowed is not None:
            raise BeaconError("settings.bad_value", key=f"intake.{_shown(key).strip(chr(34))}", value=_shown(item),
                              allowed=allowed)
    return True


def _active_application(code: str) -> bool:
    return ConfigurationItem.select().where(
        (ConfigurationItem.code == code) & (ConfigurationItem.kind == "application")
        & (ConfigurationItem.is_active == True)).exists()  # noqa: E712


def _numbers(ranges: dict[str, tuple[float, float]]) -> Callable[[Any], bool]:
    """An object of some of the named numbers, each in its range (whole numbers unless the range is)."""
    def check(v: Any) -> bool:
        if not isinstance(v, dict) or not set(v) <= set(ranges):
            return False
        for key, item in v.items():
            low, high = ranges[key]
            whole = isinstance(low, int) and isinstance(high, int)
            if isinstance(item, bool) or not isinstance(item, int if whole else int | float):
                return False
            if not (math.isfinite(item) and low <= item <= high):
                return False
        return True
    return check


# incident prevention: the detector's and the early warning's thresholds (desktop.workflow.prevention)
PROBLEM_CANDIDATE_RANGES = {"min_incidents": (2, 100), "window_days": (1, 365), "lookback_days": (1, 3650),
                            "min_similarity": (0.1, 1.0)}
EARLY_WARNING_RANGES = {"min_incidents": (2, 100), "window_minutes": (1, 1440)}


def _spec(key: str, check: Callable[[Any], bool], *, allowed: str = "", managed: bool = False) -> SettingSpec:
    return SettingSpec(SETTING_TEXTS.pair(allowed or f"{key}.allowed"), check, SETTING_TEXTS.pair(f"{key}.meaning"),
                       managed)


def _bool(v: Any) -> bool:
    return isinstance(v, bool)


SCHEMA: dict[str, SettingSpec] = {
    "organization_name": _spec("organization_name", _label),
    "time_zone": _spec("time_zone", _zone),
    "incident_types": _spec("incident_types", _incident_types),
    "reopen_window_days": _spec("reopen_window_days", _int(0, 3650)),
    "close_problem_resolves_incidents": _spec("close_problem_resolves_incidents", _bool, allowed="boolean"),
    "demo_loaded": _spec("demo_loaded", _bool, allowed="boolean"),
    "delivery_max_attempts": _spec("delivery_max_attempts", _int(1, 100)),
    "smtp": _spec("smtp", _smtp),
    "propagation_roles": _spec("propagation_roles", lambda v: isinstance(v, list) and all(_text(x) for x in v)),
    "intake": _spec("intake", _intake),
    "sr_systems": _spec("sr_systems", _objects),
    "sr_secrets": _spec("sr_secrets", _objects),
    "sign_in_delay_seconds": _spec("sign_in_delay_seconds", _seconds),
    "sign_in_max_failures": _spec("sign_in_max_failures", _int(0, 100)),
    "sign_in_lockout_minutes": _spec("sign_in_lockout_minutes", _int(0, 10080)),
    "problem_candidates": _spec("problem_candidates", _numbers(PROBLEM_CANDIDATE_RANGES)),
    "early_warning": _spec("early_warning", _numbers(EARLY_WARNING_RANGES)),
    "intake_tokens": _spec("intake_tokens", lambda v: False, managed=True),
    "process_shipped_ignored": _spec("process_shipped_ignored", _checksums, managed=True),
    "what_changed_days": _spec("what_changed_days", _int(1, 90)),
}


def _clean(value: Any, key: str, depth: int = 0) -> None:
    """Refuse what no setting may hold: NaN or Infinity, NUL, lone surrogates, deep nesting, huge text."""
    bad = None
    if depth > MAX_DEPTH:
        bad = SETTING_TEXTS.pair("too_deep", limit=MAX_DEPTH)
    elif isinstance(value, float) and not math.isfinite(value):
        bad = SETTING_TEXTS.pair("not_finite")
    elif isinstance(value, str):
        if "\x00" in value or len(value) > MAX_TEXT:
            bad = SETTING_TEXTS.pair("bad_text")
        else:
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                bad = SETTING_TEXTS.pair("lone_surrogate")
    elif isinstance(value, dict):
        for k, v in value.items():
            _clean(k, key, depth + 1)
            _clean(v, key, depth + 1)
    elif isinstance(value, list):
        for v in value:
            _clean(v, key, depth + 1)
    if bad is not None:
        raise BeaconError("settings.bad_value", key=key, value=_shown(value), allowed=bad)


def _shown(value: Any) -> str:
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (ValueError, RecursionError):
        text = type(value).__name__
    return text.encode("utf-8", "backslashreplace").decode("utf-8")[:80]


def known_keys() -> list[str]:
    """The settings an administrator may change."""
    return sorted(k for k, spec in SCHEMA.items() if not spec.managed)


def validate_setting(key: str, value: Any) -> None:
    """Check a value against the setting's schema.

    Raises:
        BeaconError: unknown key (`settings.unknown_key`) or a value of the wrong type or range
            (`settings.bad_value`), naming the key.
    """
    spec = SCHEMA.get(key)
    if spec is None:
        raise BeaconError("settings.unknown_key", key=_shown(key).strip('"'), allowed=", ".join(known_keys()))
    _clean(value, key)
    if not spec.check(value):
        raise BeaconError("settings.bad_value", key=key, value=_shown(value), allowed=spec.allowed)


def parse_setting(key: str, text: str) -> Any:
    """A setting's value from JSON text (the CLI's), checked; NaN, Infinity and nesting too deep refused.

    Raises:
        BeaconError: `settings.bad_json`, `settings.unknown_key` or `settings.bad_value`.
    """
    if key not in SCHEMA:
        validate_setting(key, None)

    def no_constant(name: str) -> Any:
        raise ValueError(f"{name} is not a JSON number")

    try:
        value = json.loads(text, parse_constant=no_constant)
    except RecursionError:
        raise BeaconError("settings.bad_json", key=key, reason=f"nested more than {MAX_DEPTH} deep") from None
    except ValueError as exc:
        raise BeaconError("settings.bad_json", key=key, reason=_shown(str(exc)).strip('"')) from None
    validate_setting(key, value)
    return value


def get_setting(key: str, default: object = None) -> object:
    """Read one organisation-wide setting (JSON-decoded)."""
    row = Setting.get_or_none(Setting.key == key)
    return default if row is None else json.loads(row.value)


def put_setting(key: str, value: object) -> None:
    """Store one organisation-wide setting (JSON-encoded), creating or replacing it, after `validate_setting`."""
    validate_setting(key, value)
    with database.atomic():
        text = json.dumps(value, ensure_ascii=False)
        updated = Setting.update(value=text, version=Setting.version + 1).where(Setting.key == key).execute()
        if not updated:
            Setting.create(key=key, value=text)


def all_settings() -> dict[str, object]:
    """Every organisation-wide setting, by key."""
    return {row.key: json.loads(row.value) for row in Setting.select().order_by(Setting.key)}


HIDDEN = "********"


def hide_secrets(key: str, value: object) -> object:
    """`value` as a person who is not an administrator may see it: passwords, shared secrets and token hashes hidden.

    PostgreSQL keeps these out of the settings table (row security and the credential table); a SQLite file
    holds them in place, so what prints them hides them.
    """
    if key == "smtp" and isinstance(value, dict) and value.get("password"):
        return {**value, "password": HIDDEN}
    if key == "sr_secrets" and isinstance(value, dict):
        return {name: {k: HIDDEN for k in entry} if isinstance(entry, dict) else HIDDEN
                for name, entry in value.items()}
    if key == "intake_tokens":
        return HIDDEN
    return value
