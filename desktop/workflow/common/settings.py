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
from desktop.models import Setting, database

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


def _objects(v: Any) -> bool:
    return isinstance(v, dict) and all(isinstance(k, str) and k and isinstance(x, dict) for k, x in v.items())


def _spec(allowed: tuple[str, str], check: Callable[[Any], bool], meaning: tuple[str, str], *,
          managed: bool = False) -> SettingSpec:
    return SettingSpec({"ko": allowed[0], "en": allowed[1]}, check, {"ko": meaning[0], "en": meaning[1]}, managed)


BOOLEAN = ("true 또는 false", "true or false")


def _bool(v: Any) -> bool:
    return isinstance(v, bool)

SCHEMA: dict[str, SettingSpec] = {
    "organization_name": _spec(('문자열 또는 {"ko": …, "en": …}', 'text or {"ko": …, "en": …}'), _label,
                               ("보고서에 찍히는 조직 이름", "the organisation's name on reports")),
    "time_zone": _spec(('IANA 시간대 (예: "Asia/Seoul")', 'an IANA time zone (e.g. "Asia/Seoul")'), _zone,
                       ("조직의 시간대", "the organisation's time zone")),
    "incident_types": _spec(("code·name·name_en 객체의 배열", "an array of {code, name, name_en}"), _incident_types,
                            ("장애 유형 목록", "the incident types")),
    "reopen_window_days": _spec(("0~3650의 정수", "a whole number 0 to 3650"), _int(0, 3650),
                                ("종결 후 재처리할 수 있는 일수", "days a closed incident may be reopened")),
    "close_problem_resolves_incidents": _spec(
        BOOLEAN, _bool, ("문제 종결 시 연결 장애도 해결", "closing a problem resolves its incidents")),
    "demo_loaded": _spec(BOOLEAN, _bool, ("데모 데이터를 불러왔는지", "whether the demo is loaded")),
    "delivery_max_attempts": _spec(("1~100의 정수", "a whole number 1 to 100"), _int(1, 100),
                                   ("알림 발송 최대 시도 횟수", "attempts before a notice is dead")),
    "smtp": _spec(("host·port(1~65535)·security(plain|starttls|ssl)·username·password·from_address·from_name 객체",
                   "an object of host, port (1-65535), security (plain|starttls|ssl), username, password, "
                   "from_address, from_name"), _smtp, ("메일 서버", "the mail server")),
    "propagation_roles": _spec(("역할 코드의 배열", "an array of role codes"),
                               lambda v: isinstance(v, list) and all(_text(x) for x in v),
                               ("전파 그룹에 드는 매트릭스 역할", "matrix roles told about incidents")),
    "intake": _spec(('JSON 객체 (README "Monitoring intake")', 'a JSON object (README "Monitoring intake")'),
                    lambda v: isinstance(v, dict), ("모니터링 수신 설정", "the monitoring intake")),
    "sr_systems": _spec(("이름 → {url, …} 객체", "an object of name → {url, …}"), _objects,
                        ("SR을 보내는 외부 시스템", "systems service requests go to")),
    "intake_tokens": _spec(("'beacon intake token' 으로만 바꿀 수 있습니다", "changed with 'beacon intake token' only"),
                           lambda v: False, ("수신 토큰의 해시", "hashes of the intake tokens"), managed=True),
}


def _clean(value: Any, key: str, depth: int = 0) -> None:
    """Refuse what no setting may hold: NaN or Infinity, NUL, lone surrogates, deep nesting, huge text."""
    bad = None
    if depth > MAX_DEPTH:
        bad = {"ko": f"{MAX_DEPTH}단계보다 깊게 중첩된 값", "en": f"a value nested more than {MAX_DEPTH} deep"}
    elif isinstance(value, float) and not math.isfinite(value):
        bad = {"ko": "NaN·Infinity가 아닌 수", "en": "a number that is not NaN or Infinity"}
    elif isinstance(value, str):
        if "\x00" in value or len(value) > MAX_TEXT:
            bad = {"ko": "NUL 문자가 없는 (10만 자 이하) 문자열", "en": "text without NUL characters (at most 100,000)"}
        else:
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                bad = {"ko": "올바른 유니코드 문자열 (짝 없는 서로게이트 불가)",
                       "en": "valid Unicode text (no lone surrogates)"}
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
