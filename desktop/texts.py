"""Every word the start-up, settings and set-up code shows a person (the GUI translates its own with Qt).

Korean and English side by side (key → {"ko": ..., "en": ...}); `app`, `config` and `setup` hold
the keys. Templates name their `{placeholders}`. The CLI keeps its own table (`cli.TEXT`) for now.
"""

from __future__ import annotations

from desktop.i18n import Catalog

TEXTS = Catalog({
    # setup: the first administrator's name
    "setup.admin_name": {"ko": "관리자", "en": "Administrator"},
    # app: the first start's progress while the demo bank is made
    "demo.start": {"ko": "새 데이터베이스를 만드는 중…", "en": "Creating the new database…"},
    "demo.organisation": {"ko": "데모 은행: 조직, 사람, 업무시스템…", "en": "Demo bank: teams, people, applications…"},
    "demo.plan": {"ko": "데모 은행: 1년 치 장애와 문제를 계획하는 중…",
                  "en": "Demo bank: planning a year of incidents and problems…"},
    "demo.cases": {"ko": "데모 은행: 장애, 문제, 변경 기록…", "en": "Demo bank: writing incidents, problems, changes…"},
    "demo.work": {"ko": "데모 은행: 조치 내역과 작업 지시…", "en": "Demo bank: writing actions and work orders…"},
    "demo.notices": {"ko": "데모 은행: 전파 알림…", "en": "Demo bank: writing notices…"},
    "demo.done": {"ko": "완료. 로그인 화면을 여는 중…", "en": "Done. Opening sign-in…"},
    "demo.title": {"ko": "Beacon ITSM 처음 시작", "en": "Beacon ITSM first start"},
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


# The `beacon` command's own words (desktop/cli.py), and the administration actions it names in a refusal.
CLI_TEXTS = Catalog({
    "ready": {
        "ko": "데이터베이스 준비 완료: {location} (스키마 v{version})",
        "en": "Database ready: {location} (schema v{version})",
    },
    "created": {"ko": "새 스키마를 만들었습니다.", "en": "Created a new schema."},
    "upgraded": {
        "ko": "스키마를 v{old}에서 v{new}로 업그레이드했습니다.",
        "en": "Upgraded the schema from v{old} to v{new}.",
    },
    "backup": {"ko": "업그레이드 전 백업: {path}", "en": "Backup before upgrade: {path}"},
    "defaults": {"ko": "기본 기준정보 {n}건을 추가했습니다.", "en": "Added {n} default reference rows."},
    "demo": {"ko": "데모 데이터를 불러왔습니다 (장애 {n}건).", "en": "Loaded demo data ({n} incidents)."},
    "demo_present": {
        "ko": "데모 데이터가 이미 있어 건너뜁니다.",
        "en": "Demo data is already there; skipped.",
    },
    "admin": {
        "ko": "관리자 계정 'admin'을 만들었습니다. 암호: {password} (첫 로그인 때 새 암호를 정합니다)",
        "en": "Created the administrator account 'admin'. Password: {password} (a new one is asked at first sign-in)",
    },
    "interrupted": {"ko": "중단했습니다.", "en": "Interrupted."},
    "logins_made": {
        "ko": "PostgreSQL 로그인 {n}개를 임시 암호로 만들었습니다. 각자에게 전달하세요 "
              "(첫 로그인 때 새 암호를 정합니다):",
        "en": "Made {n} PostgreSQL logins with temporary passwords. Hand each one out "
              "(a new one is chosen at first sign-in):",
    },
    "login_line": {"ko": "  로그인 {login}\t암호 {password}", "en": "  login {login}\tpassword {password}"},
    "password_prompt": {"ko": "{login}의 암호: ", "en": "Password for {login}: "},
    "sla_checked": {
        "ko": "SLA 점검: 진행 중 시계 {checked}개, 경고 {warnings}건, 위반 {breaches}건을 알림함에 넣었습니다.",
        "en": "SLA check: {checked} running clocks; queued {warnings} warnings and {breaches} breaches.",
    },
    "dispatched": {
        "ko": "알림 발송: {claimed}건 처리, 성공 {sent}건, 재시도 예정 {failed}건, 실패 확정 {dead}건.",
        "en": "Dispatch: {claimed} taken, {sent} sent, {failed} to retry, {dead} dead.",
    },
    "setting_saved": {"ko": "설정 '{key}'을(를) 저장했습니다.", "en": "Saved setting '{key}'."},
    "report_written": {
        "ko": "보고서를 저장했습니다: {path} ({pages}쪽)",
        "en": "Report written: {path} ({pages} pages)",
    },
    "report_written_one": {"ko": "보고서를 저장했습니다: {path} (1쪽)", "en": "Report written: {path} (1 page)"},
    "matrix_exported": {
        "ko": "담당자 매트릭스를 내보냈습니다: {path} ({rows}행)",
        "en": "Owner matrix exported: {path} ({rows} rows)",
    },
    "matrix_checked": {
        "ko": "점검만 했습니다 (--dry-run): {rows}행, 바뀔 칸 {cells}개 (추가 {added}명, 제외 {removed}명). "
              "저장하지 않았습니다.",
        "en": "Dry run: {rows} rows; {cells} cells would change ({added} people added, {removed} taken out). "
              "Nothing saved.",
    },
    "matrix_imported": {
        "ko": "담당자 매트릭스를 가져왔습니다: {rows}행, 바뀐 칸 {cells}개 (추가 {added}명, 제외 {removed}명).",
        "en": "Owner matrix imported: {rows} rows; {cells} cells changed ({added} people added, {removed} taken out).",
    },
    "matrix_rejected": {
        "ko": "{path}: 잘못된 행이 {count}개 있어 아무것도 가져오지 않았습니다. 고친 뒤 다시 실행하세요.",
        "en": "{path}: {count} bad rows, so nothing was imported. Fix them and run again.",
    },
    "import_checked": {
        "ko": "점검만 했습니다 (--dry-run): {rows}행, 장애 {new}건을 가져올 수 있습니다 (이미 가져온 {skipped}건 제외; "
              "이벤트 {events}건, SLA 일시정지 {pauses}건, 연결 {links}건). 저장하지 않았습니다.",
        "en": "Dry run: {rows} rows; {new} incidents would be imported ({skipped} imported before are skipped; "
              "{events} events, {pauses} SLA pauses, {links} links). Nothing saved.",
    },
    "import_done": {
        "ko": "장애 {new}건을 가져왔습니다 ({rows}행, 이미 가져온 {skipped}건 제외; 이벤트 {events}건, SLA 일시정지 "
              "{pauses}건, 연결 {links}건, 자리표시 문제·변경 {placeholders}건, {seconds:.1f}초). "
              "알림은 보내지 않았습니다.",
        "en": "Imported {new} incidents ({rows} rows, {skipped} imported before skipped; {events} events, "
              "{pauses} SLA pauses, {links} links, {placeholders} placeholder problems/changes, {seconds:.1f} s). "
              "No notices were sent.",
    },
    "import_nothing": {
        "ko": "가져올 새 장애가 없습니다: {skipped}건 모두 이미 가져왔습니다. 바뀐 것이 없습니다.",
        "en": "Nothing new to import: all {skipped} incidents were imported before. Nothing changed.",
    },
    "import_unknown": {"ko": "모르는 값: {text}", "en": "Unknown value: {text}"},
    "import_warning": {"ko": "참고: {text}", "en": "Note: {text}"},
    "import_rejected": {
        "ko": "{path}: 잘못된 행이 {count}개 있어 아무것도 가져오지 않았습니다. 고친 뒤 다시 실행하세요.",
        "en": "{path}: {count} bad rows, so nothing was imported. Fix them and run again.",
    },
    "import_numbers": {"ko": "  원천 {source} → Beacon {number}", "en": "  source {source} → Beacon {number}"},
    "cannot_read": {
        "ko": "파일을 읽거나 쓸 수 없습니다: {path} ({reason})",
        "en": "Cannot read or write the file: {path} ({reason})",
    },
    "exported": {
        "ko": "{list} 목록을 내보냈습니다: {path} ({rows}행)",
        "en": "Exported the {list} list: {path} ({rows} rows)",
    },
    "exported_one": {"ko": "{list} 목록을 내보냈습니다: {path} (1행)",
                     "en": "Exported the {list} list: {path} (1 row)"},
    "export_bad_option": {
        "ko": "{option}은(는) 장애 목록에만 쓸 수 있습니다.",
        "en": "{option} applies to the incident list only.",
    },
    "export_bad_state": {
        "ko": "'{state}'은(는) {list}의 상태가 아닙니다. 가능한 값: open, {allowed}",
        "en": "'{state}' is not a state of {list}. Use: open, {allowed}",
    },
    "export_bad_sort": {
        "ko": "이 목록은 '{sort}' 열로 정렬할 수 없습니다. 가능한 값: {allowed}",
        "en": "This list cannot be sorted by '{sort}'. Use: {allowed}",
    },
    "export_bad_date": {
        "ko": "날짜는 YYYY-MM-DD 형식으로 입력하세요 (예: 2026-11-01). 입력값: '{value}'",
        "en": "Give dates as YYYY-MM-DD (e.g. 2026-11-01), not '{value}'.",
    },
    "config_saved": {"ko": "'{key}'을(를) {path}에 저장했습니다.", "en": "Saved '{key}' in {path}."},
    "config_locked": {
        "ko": "다만 조직 설정 {path}이(가) '{key}'을(를) 잠가 두어 그 값이 쓰입니다.",
        "en": "Note: the site file {path} locks '{key}', so its value is used instead.",
    },
    "lock_ignored": {
        "ko": "{what} 값은 쓰지 않습니다: 조직 설정 {path}이(가) database_url을 잠갔습니다.",
        "en": "Not using {what}: the site file {path} locks database_url.",
    },
    "intake_token_created": {
        "ko": "토큰 '{name}'을(를) 만들었습니다. 지금 한 번만 보여 줍니다 (저장되는 것은 해시뿐):\n{token}",
        "en": "Created token '{name}'. It is shown this once only (only its hash is stored):\n{token}",
    },
    "intake_token_revoked": {"ko": "토큰 '{name}'을(를) 폐기했습니다.", "en": "Revoked token '{name}'."},
    "intake_token_unknown": {"ko": "토큰 '{name}'이(가) 없습니다.", "en": "There is no token '{name}'."},
    "intake_token_none": {
        "ko": "토큰이 없습니다. 'beacon intake token create 이름'으로 만드세요.",
        "en": "No tokens yet. Make one with 'beacon intake token create NAME'.",
    },
    "intake_listen_needed": {
        "ko": "--listen HOST:PORT 가 필요합니다 (예: --listen 127.0.0.1:8787): {reason}",
        "en": "--listen HOST:PORT is needed (e.g. --listen 127.0.0.1:8787): {reason}",
    },
    "nul_argument": {
        "ko": "인자에 NUL 문자(\\0)가 들어 있어 실행하지 않았습니다.",
        "en": "An argument holds a NUL character (\\0); nothing was done.",
    },
    "not_utf8_argument": {
        "ko": "인자 '{arg}'이(가) 올바른 UTF-8 문자열이 아니어서 실행하지 않았습니다.",
        "en": "The argument '{arg}' is not valid UTF-8 text; nothing was done.",
    },
    "bad_seconds": {
        "ko": "초 단위의 양수여야 합니다 (0 초과 86400 이하): '{value}'",
        "en": "must be a positive number of seconds (at most 86400), not '{value}'",
    },
    "health_ok": {
        "ko": "정상: 발송 대기 알림 {waiting}건, 가장 오래된 대기 {age}, 발송 실패 확정 {dead}건.",
        "en": "ok: {waiting} notices waiting, oldest waiting {age}, {dead} dead.",
    },
    "health_old": {
        "ko": "지연: 가장 오래 기다린 알림이 {age}째 발송되지 않았습니다 (기준 {limit:g}초). "
              "'beacon dispatch'가 실행 중인지 확인하세요.",
        "en": "late: the oldest waiting notice has waited {age} (limit {limit:g} s). "
              "Check that 'beacon dispatch' is running.",
    },
    "health_down": {"ko": "사용 불가: {reason}", "en": "unavailable: {reason}"},
    "health_none": {"ko": "없음", "en": "none"},
    "health_age": {"ko": "{seconds:.0f}초", "en": "{seconds:.0f} s"},
    "service_gave_up": {
        "ko": "{seconds:g}초 동안 데이터베이스가 돌아오지 않아 이번 점검을 건너뜁니다. 다음 실행에서 다시 시도합니다.",
        "en": "The database did not come back within {seconds:g} s; this check is skipped and the next run "
              "tries again.",
    },
    "unexpected": {
        "ko": "예상하지 못한 오류로 중단했습니다 ({kind}). 저장하던 내용은 되돌렸습니다. 관리자에게 알려 주세요 "
              "(자세한 내용: BEACON_DEBUG=1 로 다시 실행).",
        "en": "Stopped by an unexpected error ({kind}); what was being saved was rolled back. Please tell your "
              "administrator (details: run again with BEACON_DEBUG=1).",
    },
    "intake_tls_pair": {
        "ko": "--tls-cert 와 --tls-key 는 함께 지정해야 합니다.",
        "en": "--tls-cert and --tls-key go together.",
    },
    "intake_tls_bad": {
        "ko": "TLS 인증서나 키를 읽을 수 없습니다: {reason}",
        "en": "Cannot read the TLS certificate or key: {reason}",
    },
    "intake_bad_sizes": {
        "ko": "--workers 는 1~1024, --db-connections 는 1~100 이어야 합니다.",
        "en": "--workers must be 1 to 1024 and --db-connections 1 to 100.",
    },
    "process_ok": {
        "ko": "{file}: 올바른 '{name}' 프로세스 정의입니다 (상태 {states}개, 전이 {transitions}개).",
        "en": "{file}: valid '{name}' process definition ({states} states, {transitions} transitions).",
    },
    "process_exported": {
        "ko": "'{process}' 프로세스 버전 {version}을(를) {path}에 내보냈습니다.",
        "en": "Exported version {version} of the '{process}' process to {path}.",
    },
    "process_imported": {
        "ko": "{path}: '{process}' 프로세스 버전 {version}으로 저장했습니다. 새 건부터 이 버전을 따르고, "
              "열린 건은 원래 버전을 유지합니다.",
        "en": "{path}: saved as version {version} of the '{process}' process. New cases start on it; open cases "
              "keep their version.",
    },
    "process_line": {"ko": "{line}행: {message}", "en": "Line {line}: {message}"},
})


CLI_ADMIN_ACTIONS = Catalog({
    "setting": {"ko": "설정 변경", "en": "change a setting"},
    "intake": {"ko": "인테이크 토큰 관리", "en": "manage intake tokens"},
    "matrix": {"ko": "담당자 매트릭스 가져오기·내보내기", "en": "import or export the owner matrix"},
    "import": {"ko": "장애 가져오기", "en": "import incidents"},
    "process": {"ko": "프로세스 가져오기·내보내기", "en": "import or export a process"},
})
