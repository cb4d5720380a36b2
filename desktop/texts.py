"""Every word the start-up, settings and set-up code shows a person (the GUI translates its own with Qt).

Korean and English side by side (key → {"ko": ..., "en": ...}); `app`, `config` and `setup` hold
the keys. Templates name their `{placeholders}`. The CLI keeps its own table (`cli.TEXT`) for now.
"""

from __future__ import annotations

from desktop.i18n import Catalog

TEXTS = Catalog({
    # setup: the first administrator's name
    "setup.admin_name": {"ko": "관리자", "en": "Administrator"},
    # app
    "app.upgraded": {
        "ko": "데이터베이스를 스키마 v{old}에서 v{new}로 업그레이드했습니다.",
        "en": "Upgraded the database from schema v{old} to v{new}.",
    },
    "app.new_administrator": {
        "ko": "새 데이터베이스의 관리자 계정입니다. 아이디: admin, 암호: {password}",
        "en": "The new database's administrator: user name admin, password {password}",
    },
    "app.backup_old_file": {"ko": "이전 파일의 백업: {path}", "en": "Backup of the old file: {path}"},
    "app.create_here": {"ko": "이 위치에 새 데이터베이스를 만들까요?", "en": "Create a new database at this place?"},
    "setup.folder_not_writable": {"ko": "{folder}에 쓸 수 없습니다", "en": "{folder} is not writable"},
    # config
    "config.site_file": {"ko": "조직 설정 파일: {path}{state}", "en": "site file: {path}{state}"},
    "config.user_settings": {"ko": "사용자 설정 파일: {path}{state}", "en": "user settings: {path}{state}"},
    "config.ignored_locked": {
        "ko": "무시함: {what} (조직 설정이 database_url을 잠갔습니다)",
        "en": "ignored: {what} (the site file locks database_url)",
    },
    "config.no_site_file": {
        "ko": "없음 (BEACON_SITE_CONFIG가 비어 있음)",
        "en": "none (BEACON_SITE_CONFIG is empty)",
    },
    "config.not_present": {"ko": " (없음)", "en": " (not present)"},
    # xcb: scripts/run, before a window on Linux
    "xcb.missing_libraries": {
        "ko": "Beacon이 창을 열 수 없습니다: Qt의 X11(xcb) 플랫폼에 필요한 시스템 라이브러리가 없습니다.\n"
        "다음 명령으로 설치하세요:\n\n    {command}\n\n"
        "(화면 없이 명령줄 기능만 쓰려면 QT_QPA_PLATFORM=offscreen)",
        "en": "Beacon cannot open a window: Qt's X11 (xcb) platform needs system libraries that are missing.\n"
        "Install them with:\n\n    {command}\n\n"
        "(For the command-line parts without a display: QT_QPA_PLATFORM=offscreen)",
    },
})

# What is wrong with a site file (config.py).
SITE_FILE_REASONS = Catalog({
    "syntax": {"ko": "TOML 문법 오류입니다 ({detail}).", "en": "This is not valid TOML ({detail})."},
    "unknown_key": {
        "ko": "'{key}'은(는) 알 수 없는 항목입니다. 쓸 수 있는 항목: {allowed}.",
        "en": "'{key}' is not a setting. Allowed: {allowed}.",
    },
    "not_text": {"ko": "'{key}'의 값은 따옴표로 감싼 문자열이어야 합니다.", "en": "'{key}' must be a quoted string."},
    "bad_value": {
        "ko": "'{key}'의 값 '{value}'이(가) 올바르지 않습니다. 가능한 값: {allowed}.",
        "en": "'{key}' cannot be '{value}'. Allowed: {allowed}.",
    },
    "bad_locked": {
        "ko": "'locked'는 항목 이름의 목록이어야 합니다 (예: locked = [\"database_url\", \"language\"]).",
        "en": "'locked' must be a list of setting names (e.g. locked = [\"database_url\", \"language\"]).",
    },
    "lock_unknown": {
        "ko": "'locked'의 '{key}'은(는) 잠글 수 있는 항목이 아닙니다. 가능한 항목: {allowed}.",
        "en": "'locked' names '{key}', which is not a setting. Allowed: {allowed}.",
    },
    "lock_unset": {
        "ko": "'{key}'을(를) 잠갔지만 이 파일에 값이 없습니다. 값을 함께 적으세요.",
        "en": "'{key}' is locked but this file gives it no value. Set it here too.",
    },
})

# Where a setting's value came from (`beacon config show`).
SOURCE_LABELS = Catalog({
    "default": {"ko": "기본값", "en": "default"},
    "site": {"ko": "조직 설정 {path}", "en": "site file {path}"},
    "site_locked": {"ko": "조직 설정 {path} (잠김)", "en": "site file {path} (locked)"},
    "user": {"ko": "사용자 설정 {path}", "en": "user settings {path}"},
    "environment": {"ko": "환경 변수 {name}", "en": "environment {name}"},
    "command_line": {"ko": "명령줄 --database", "en": "command line --database"},
})
