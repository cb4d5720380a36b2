"""Errors a user may see, each with a Korean and an English message.

Every layer raises `BeaconError` (or a subclass) for anything a person must
act on; the CLI prints `error.message()` on one line and the GUI shows it in a
dialog. The catalog keeps both languages side by side so neither falls behind.
"""

from __future__ import annotations

from typing import Any

from desktop.i18n import pick

MESSAGES: dict[str, dict[str, str]] = {
    "db.bad_url": {
        "ko": "데이터베이스 주소를 이해할 수 없습니다: {url} (예: sqlite:///경로/beacon.db 또는 postgresql://사용자:암호@호스트:5432/db)",
        "en": "Cannot understand the database URL: {url} (e.g. sqlite:///path/beacon.db or postgresql://user:pass@host:5432/db)",
    },
    "db.unreachable": {
        "ko": "데이터베이스 서버 {host}:{port}에 연결할 수 없습니다. 서버가 실행 중인지, 주소와 포트가 맞는지 확인하세요.",
        "en": "Cannot reach the database server at {host}:{port}. Check that it is running and that host and port are right.",
    },
    "db.auth_failed": {
        "ko": "데이터베이스 로그인에 실패했습니다: 사용자 '{user}'의 암호가 틀렸거나 접속이 허용되지 않습니다.",
        "en": "Database login failed: wrong password for user '{user}', or the user may not connect.",
    },
    "db.not_found": {
        "ko": "데이터베이스 '{database}'가 서버 {host}에 없습니다. 관리자에게 생성을 요청하세요.",
        "en": "Database '{database}' does not exist on server {host}. Ask an administrator to create it.",
    },
    "db.file_unusable": {
        "ko": "데이터베이스 파일을 열 수 없습니다: {path} ({reason})",
        "en": "Cannot open the database file: {path} ({reason})",
    },
    "db.error": {
        "ko": "데이터베이스 오류: {reason}",
        "en": "Database error: {reason}",
    },
    "db.not_initialized": {
        "ko": "데이터베이스가 아직 준비되지 않았습니다. 'beacon init-db'로 먼저 만드세요.",
        "en": "The database has not been set up yet. Create it first with 'beacon init-db'.",
    },
    "schema.too_new": {
        "ko": "이 데이터베이스는 더 새로운 Beacon(스키마 {found})으로 만들어졌습니다. 이 프로그램은 스키마 {supported}까지만 지원합니다. Beacon을 업데이트하세요.",
        "en": "This database was made by a newer Beacon (schema {found}); this program supports schema {supported} at most. Please update Beacon.",
    },
    "record.stale": {
        "ko": "{record}은(는) 그 사이 {who}님이 {when}에 변경했습니다. 최신 내용을 다시 불러온 뒤 변경하세요. 입력한 내용은 그대로 남아 있습니다.",
        "en": "{record} was changed by {who} at {when} in the meantime. Reload it and apply your change again; what you typed is kept.",
    },
    "record.gone": {
        "ko": "{record}이(가) 더 이상 존재하지 않습니다.",
        "en": "{record} no longer exists.",
    },
    "attachment.too_large": {
        "ko": "첨부 파일 '{name}'이(가) 너무 큽니다 ({size} 바이트). 최대 {limit} 바이트까지 첨부할 수 있습니다.",
        "en": "Attachment '{name}' is too large ({size} bytes); the limit is {limit} bytes.",
    },
    "settings.bad_value": {
        "ko": "설정 '{key}'의 값 '{value}'이(가) 올바르지 않습니다. 가능한 값: {allowed}",
        "en": "Setting '{key}' cannot be '{value}'. Allowed: {allowed}",
    },
    "settings.unreadable": {
        "ko": "설정 파일을 읽을 수 없습니다: {path} ({reason})",
        "en": "Cannot read the settings file: {path} ({reason})",
    },
}


class BeaconError(Exception):
    """An error with a message a user can act on, in Korean and English."""

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(self.message("en"))

    def message(self, language: str | None = None) -> str:
        """The message in `language` (default: the current language)."""
        template = pick(MESSAGES[self.code], language)
        return template.format(**self.params)


class DatabaseError(BeaconError):
    """The database cannot be reached, opened or used."""


class SchemaError(BeaconError):
    """The database schema cannot be used by this program."""


class StaleRecordError(BeaconError):
    """A save was refused because someone else changed the record first."""

    def __init__(self, *, record: str, who: str, when: str) -> None:
        super().__init__("record.stale", record=record, who=who, when=when)
        self.record = record
        self.who = who
        self.when = when
