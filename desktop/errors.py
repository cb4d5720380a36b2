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
        "ko": "데이터베이스 서버 {where}에 연결할 수 없습니다. 서버가 실행 중인지, 주소와 포트가 맞는지 확인하세요.",
        "en": "Cannot reach the database server at {where}. Check that it is running and that host and port are right.",
    },
    "db.tls_failed": {
        "ko": "데이터베이스 서버({where})와의 보안 연결(TLS)이 거부되었습니다: {what}.",
        "en": "The secure connection (TLS) to the database server at {where} was refused: {what}.",
    },
    # What failed in a TLS refusal: the {what} of "db.tls_failed".
    "db.tls.untrusted": {
        "ko": "서버 인증서를 신뢰할 수 없습니다(지정한 CA가 서명하지 않았거나 만료되었습니다). sslrootcert의 CA 파일을 확인하세요",
        "en": "the server's certificate is not trusted (not signed by the given CA, or expired); check the CA file in sslrootcert",
    },
    "db.tls.host_mismatch": {
        "ko": "서버 인증서의 호스트 이름이 접속한 주소와 다릅니다. 인증서에 적힌 이름으로 접속하세요",
        "en": "the server's certificate is for another host name than the one connected to; connect by the name the certificate gives",
    },
    "db.tls.not_offered": {
        "ko": "서버가 TLS를 지원하지 않습니다(ssl = off). 서버에서 TLS를 켜거나 관리자에게 문의하세요",
        "en": "the server does not support TLS (ssl = off); turn TLS on at the server or ask its administrator",
    },
    "db.tls.no_ca_file": {
        "ko": "CA 인증서 파일(sslrootcert)이 없거나 읽을 수 없습니다",
        "en": "the CA certificate file (sslrootcert) does not exist or cannot be read",
    },
    "db.tls.client_cert": {
        "ko": "클라이언트 인증서나 키 파일(sslcert/sslkey)을 읽을 수 없거나 서로 맞지 않습니다",
        "en": "the client certificate or key file (sslcert/sslkey) cannot be read or do not match",
    },
    "db.tls.client_cert_required": {
        "ko": "서버가 유효한 클라이언트 인증서를 요구합니다(sslcert/sslkey)",
        "en": "the server requires a valid client certificate (sslcert/sslkey)",
    },
    "db.tls.other": {
        "ko": "TLS 협상에 실패했습니다",
        "en": "the TLS handshake failed",
    },
    "db.restarting": {
        "ko": "데이터베이스 서버 {where}가 재시작 중이거나 예비 서버로 전환 중입니다. 잠시 후 다시 시도하세요. 입력한 내용은 그대로 남아 있습니다.",
        "en": "The database server at {where} is restarting or failing over to a standby. Try again in a moment; what you typed is kept.",
    },
    "db.commit_unknown": {
        "ko": "저장하는 순간 데이터베이스 서버 {where}와의 연결이 끊겨 저장되었는지 알 수 없습니다. 다시 불러와 확인한 뒤, 없을 때만 다시 저장하세요. 입력한 내용은 그대로 남아 있습니다.",
        "en": "The connection to the database server at {where} was lost while saving, so it is not known whether the save was made. Reload and check, and save again only if it is not there; what you typed is kept.",
    },
    "db.reconnecting": {
        "ko": "데이터베이스 연결이 끊겨 다시 연결하는 중입니다… 입력한 내용은 그대로 남아 있고, 연결되면 목록을 다시 읽습니다.",
        "en": "The database connection was lost; reconnecting… What you typed is kept; the lists reload once it is back.",
    },
    "db.reconnected": {
        "ko": "데이터베이스에 다시 연결했습니다. 목록을 다시 읽었습니다.",
        "en": "Reconnected to the database; the lists were reloaded.",
    },
    "db.standby": {
        "ko": "데이터베이스 서버 {where}가 읽기 전용(예비 서버)입니다. 주소에 target_session_attrs=read-write 를 넣어 주 서버에 연결하세요.",
        "en": "The database server at {where} is read-only (a standby). Add target_session_attrs=read-write to the URL to reach the primary.",
    },
    "db.locked": {
        "ko": "데이터베이스 파일 {path}을(를) 다른 프로그램이 쓰는 중이라 잠겨 있습니다. 잠시 후 다시 시도하세요. 입력한 내용은 그대로 남아 있습니다.",
        "en": "The database file {path} is locked by another program that is writing to it. Try again in a moment; what you typed is kept.",
    },
    "db.read_only": {
        "ko": "데이터베이스 파일 {path}에 쓸 수 없습니다 (읽기 전용). 읽기만 할 수 있습니다. 쓰려면 파일과 폴더의 쓰기 권한을 확인하세요.",
        "en": "The database file {path} cannot be written (read-only); you can only read. Check the write permission of the file and its folder.",
    },
    "db.read_only_init": {
        "ko": "데이터베이스 파일 {path}에 쓸 수 없어(읽기 전용) 만들거나 업그레이드할 수 없습니다. 파일과 폴더의 쓰기 권한을 확인하세요.",
        "en": "The database file {path} cannot be written (read-only), so it cannot be created or upgraded. Check the write permission of the file and its folder.",
    },
    "db.file_missing": {
        "ko": "데이터베이스 파일 {path}이(가) 없습니다. 경로를 확인하세요. 새로 만들려면 'beacon init-db --database sqlite:///경로'를 실행하세요.",
        "en": "There is no database file at {path}. Check the path; to create a new database run 'beacon init-db --database sqlite:///path'.",
    },
    "db.outage": {
        "ko": "데이터베이스에 연결할 수 없습니다 ({reason}). {delay}초 후 다시 연결합니다; 복구될 때까지 계속 시도합니다.",
        "en": "Lost the database ({reason}). Reconnecting in {delay} s, and retrying until it is back.",
    },
    "db.outage_requests": {
        "ko": "데이터베이스에 연결할 수 없습니다 ({reason}). 복구될 때까지 요청에는 503으로 답하고, 요청마다 다시 연결해 봅니다.",
        "en": "Lost the database ({reason}). Requests get 503 until it is back; each request tries again.",
    },
    "db.recovered": {
        "ko": "데이터베이스에 다시 연결했습니다 ({seconds:.1f}초 동안 끊김, 재시도 {attempts}회).",
        "en": "Database back after {seconds:.1f} s ({attempts} retries).",
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
    "db.login_disabled": {
        "ko": "데이터베이스 로그인 '{user}'은(는) 사용 중지되었습니다. 관리자에게 문의하세요.",
        "en": "The database login '{user}' has been disabled. Ask an administrator.",
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
        "ko": "이 데이터베이스는 더 새로운 Beacon(스키마 {found})으로 만들어졌습니다. 이 프로그램(Beacon {program})은 스키마 {supported}까지만 지원합니다. 스키마 {found}를 지원하는 Beacon으로 업그레이드해 달라고 관리자에게 요청하세요.",
        "en": "This database was made by a newer Beacon (schema {found}); this program (Beacon {program}) supports schema {supported} at most. Ask your administrator to upgrade Beacon to a version that supports schema {found}.",
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
    "process.invalid": {
        "ko": "{file}: {key}: 프로세스 정의 오류",
        "en": "{file}: {key}: broken process definition",
    },
    "workflow.effect_missing": {
        "ko": "처리 규칙 '{effect}'이(가) 등록되어 있지 않습니다. 관리자에게 알려 주세요.",
        "en": "The process step '{effect}' is not registered. Please tell your administrator.",
    },
    "workflow.not_allowed": {
        "ko": "{who}님은 {record}에 대해 '{action}'을(를) 할 권한이 없습니다.",
        "en": "{who} may not '{action}' on {record}.",
    },
    "workflow.bad_state": {
        "ko": "{record}은(는) 현재 '{state}' 상태라 '{action}'을(를) 할 수 없습니다.",
        "en": "{record} is '{state}', so '{action}' is not possible now.",
    },
    "workflow.required": {
        "ko": "'{action}'에 필요한 항목을 입력하세요: {fields}",
        "en": "'{action}' needs: {fields}",
    },
    "workflow.unexpected_field": {
        "ko": "'{action}'에서는 '{field}' 항목을 입력할 수 없습니다.",
        "en": "'{action}' does not take the field '{field}'.",
    },
    "workflow.bad_value": {
        "ko": "'{field}' 값이 올바르지 않습니다: {reason}",
        "en": "'{field}' is not valid: {reason}",
    },
    "workflow.not_found": {
        "ko": "{what} '{ref}'을(를) 찾을 수 없습니다.",
        "en": "{what} '{ref}' was not found.",
    },
    "workflow.unknown_user": {
        "ko": "사용자 #{ref}을(를) 찾을 수 없거나 비활성 상태입니다.",
        "en": "User #{ref} does not exist or is inactive.",
    },
    "workflow.app_no_impact": {
        "ko": "업무시스템 '{app}'에 영향도가 지정되지 않아 등급을 계산할 수 없습니다. 관리자에게 문의하세요.",
        "en": "Application '{app}' has no impact level, so no grade can be computed. Ask an administrator.",
    },
    "workflow.no_matrix_cell": {
        "ko": "우선순위 매트릭스에 긴급도 '{urgency}' × 영향도 '{impact}' 칸이 없습니다.",
        "en": "The priority matrix has no cell for urgency '{urgency}' × impact '{impact}'.",
    },
    "workflow.same_grade": {
        "ko": "{record}은(는) 이미 {grade}입니다.",
        "en": "{record} already has {grade}.",
    },
    "workflow.open_children": {
        "ko": "하위 장애 {count}건이 아직 열려 있습니다 ({numbers}). 함께 종결하려면 확인하세요.",
        "en": "{count} child incident(s) are still open ({numbers}). Confirm to close them with this resolution.",
    },
    "workflow.reopen_expired": {
        "ko": "종결 후 {days}일이 지나 재처리할 수 없습니다. 새 장애로 등록하세요.",
        "en": "More than {days} days have passed since closure; register a new incident instead.",
    },
    "workflow.follow_up_not_allowed": {
        "ko": "장애 유형 '{type}'에는 후속 조치 '{follow_up}'을(를) 만들 수 없습니다.",
        "en": "Incident type '{type}' does not allow the follow-up '{follow_up}'.",
    },
    "workflow.parent_self": {
        "ko": "{record}을(를) 자기 자신의 하위 장애로 지정할 수 없습니다.",
        "en": "{record} cannot be its own parent.",
    },
    "workflow.parent_nested": {
        "ko": "{parent}은(는) 이미 다른 장애의 하위이거나 {record}이(가) 하위 장애를 가지고 있어 지정할 수 없습니다 (한 단계만 허용).",
        "en": "{parent} is itself a child, or {record} has children: only one level of parent and children is allowed.",
    },
    "workflow.parent_closed": {
        "ko": "{parent}은(는) 이미 종결되어 상위 장애로 지정할 수 없습니다.",
        "en": "{parent} is already finished and cannot become a parent.",
    },
    "workflow.acted_in_future": {
        "ko": "조치 일시({when})가 현재 시각보다 뒤입니다. 이미 한 조치만 기록할 수 있으니 지금 이전의 일시를 입력하세요.",
        "en": "The time the action was done ({when}) is in the future. Only actions already done can be logged; give a time before now.",
    },
    "workflow.occurred_after_registration": {
        "ko": "발생 일시({when})가 등록 시각({now})보다 뒤일 수 없습니다. 장애가 실제로 일어난 시각을 입력하세요.",
        "en": "The time it occurred ({when}) cannot be after it is registered ({now}); give when the incident actually happened.",
    },
    "workflow.acted_before_opened": {
        "ko": "조치 일시({when})가 {record} 등록 일시({opened})보다 앞설 수 없습니다.",
        "en": "The time the action was done ({when}) cannot be before {record} was registered ({opened}).",
    },
    "policy.level_in_use": {
        "ko": "{kind} '{level}'은(는) 삭제할 수 없습니다: {uses}에서 사용 중입니다. 이름을 바꾸거나, 사용하는 곳을 먼저 정리하세요.",
        "en": "The {kind} '{level}' cannot be removed: {uses} use it. Rename it instead, or move those first.",
    },
    "policy.level_label_missing": {
        "ko": "{kind}의 한국어 이름과 영어 이름을 모두 입력하세요 ({position}번째 항목).",
        "en": "Give {kind} number {position} both a Korean and an English name.",
    },
    "policy.level_label_duplicate": {
        "ko": "{kind} 이름 '{label}'이(가) 두 번 쓰였습니다. 서로 다른 이름을 쓰세요.",
        "en": "The {kind} name '{label}' is used twice; give each a different name.",
    },
    "policy.level_minimum": {
        "ko": "{kind}은(는) 하나 이상 있어야 합니다.",
        "en": "There must be at least one {kind}.",
    },
    "policy.matrix_incomplete": {
        "ko": "우선순위 매트릭스의 칸에 등급이 없습니다: {cells}. 모든 칸에 등급을 지정하세요.",
        "en": "Priority matrix cells without a grade: {cells}. Give every cell a grade.",
    },
    "policy.bad_color": {
        "ko": "등급 '{grade}'의 색 '{color}'이(가) 올바르지 않습니다 (예: #d32f2f).",
        "en": "Grade '{grade}' has an invalid colour '{color}' (e.g. #d32f2f).",
    },
    "policy.bad_target": {
        "ko": "{grade}의 SLA 목표를 저장할 수 없습니다: {reason}",
        "en": "{grade}: {reason}",
    },
    "policy.bad_hours": {
        "ko": "{day}의 근무 시간 '{text}'을(를) 이해할 수 없습니다: {reason} (예: 09:00-18:00 또는 09:00-12:00, 13:00-18:00)",
        "en": "Cannot read the working hours '{text}' for {day}: {reason} (e.g. 09:00-18:00 or 09:00-12:00, 13:00-18:00)",
    },
    "policy.no_working_time": {
        "ko": "달력 '{calendar}'에 근무 시간이 하나도 없습니다. 근무 요일을 지정하거나 연중무휴로 하세요.",
        "en": "Calendar '{calendar}' has no working hours at all. Give it working days or make it around the clock.",
    },
    "policy.calendar_name_missing": {
        "ko": "달력의 한국어 이름과 영어 이름을 모두 입력하세요.",
        "en": "Give the calendar both a Korean and an English name.",
    },
    "report.not_found": {
        "ko": "{what} '{number}'을(를) 찾을 수 없습니다. 번호를 확인하세요.",
        "en": "{what} '{number}' was not found; check the number.",
    },
    "report.ambiguous_source_number": {
        "ko": "'{number}'은(는) 여러 원천 시스템에서 가져온 번호입니다: {choices}. Beacon 번호로 지정하세요.",
        "en": "'{number}' was imported from more than one system: {choices}. Give the Beacon number instead.",
    },
    "report.wrong_kind": {
        "ko": "'{number}'은(는) {expected} 번호가 아닙니다 ({actual} 번호입니다).",
        "en": "'{number}' is of kind '{actual}', but this report needs kind '{expected}'.",
    },
    "report.bad_month": {
        "ko": "월은 YYYY-MM 형식으로 입력하세요 (예: 2026-10). 입력값: '{value}'",
        "en": "Give the month as YYYY-MM (e.g. 2026-10), not '{value}'.",
    },
    "report.unknown_application": {
        "ko": "업무시스템 코드 '{ref}'이(가) 없습니다.",
        "en": "There is no application with the code '{ref}'.",
    },
    "report.unknown_team": {
        "ko": "팀 코드 '{ref}'이(가) 없습니다.",
        "en": "There is no team with the code '{ref}'.",
    },
    "report.bad_time_zone": {
        "ko": "시간대 '{zone}'을(를) 알 수 없습니다 (예: Asia/Seoul).",
        "en": "Unknown time zone '{zone}' (e.g. Asia/Seoul).",
    },
    "report.cannot_write": {
        "ko": "보고서 파일을 저장할 수 없습니다: {path} ({reason})",
        "en": "Cannot write the report file: {path} ({reason})",
    },
    "report.font_missing": {
        "ko": "보고서용 한글 글꼴이 없습니다: {path}. Beacon을 다시 설치하세요.",
        "en": "The Korean font for reports is missing: {path}. Reinstall Beacon.",
    },
    "auth.failed": {
        "ko": "아이디 또는 암호가 맞지 않습니다.",
        "en": "Wrong user name or password.",
    },
    "auth.disabled": {
        "ko": "이 계정은 사용 중지되었습니다. 다시 사용하려면 관리자에게 문의하세요.",
        "en": "This account has been disabled. Ask an administrator to enable it again.",
    },
    "auth.locked": {
        "ko": "암호가 여러 번 틀려 이 계정은 {minutes}분 동안 잠겼습니다. 잠시 뒤 다시 시도하거나 관리자에게 문의하세요.",
        "en": "Too many wrong passwords: this account is locked for {minutes} minutes. Try again later or ask an administrator.",
    },
    "auth.weak_password": {
        "ko": "암호는 {min}자 이상이어야 합니다{extra}.",
        "en": "A password needs at least {min} characters{extra}.",
    },
    "auth.demo_password": {
        "ko": "데모 암호 'beacon'은 데모 데이터베이스에서만 쓸 수 있습니다.",
        "en": "The demo password 'beacon' may be used in demo databases only.",
    },
    "auth.fast_hash_refused": {
        "ko": "BEACON_FAST_HASH는 테스트에서만 쓸 수 있습니다 (암호 해시를 약하게 만듭니다). 환경 변수를 지우고 다시 실행하세요.",
        "en": "BEACON_FAST_HASH is for tests only (it weakens password hashes). Unset it and run again.",
    },
    "auth.no_beacon_user": {
        "ko": "데이터베이스 로그인 '{login}'에 해당하는 활성 Beacon 사용자가 없습니다. 관리자에게 문의하세요.",
        "en": "No active Beacon user goes with the database login '{login}'. Ask an administrator.",
    },
    "auth.must_change": {
        "ko": "임시 암호로 로그인했습니다. 계속하려면 새 암호를 정하세요.",
        "en": "You signed in with a temporary password. Choose a new one to go on.",
    },
    "auth.wrong_current": {
        "ko": "현재 암호가 맞지 않습니다.",
        "en": "The current password is wrong.",
    },
    "auth.admin_only": {
        "ko": "'{action}'은(는) 관리자만 할 수 있습니다. '{who}'은(는) 관리자가 아닙니다.",
        "en": "Only an administrator may {action}; '{who}' is not one.",
    },
    "auth.sign_in_needed": {
        "ko": "로그인이 필요합니다: --user 로그인 을 주고 암호를 입력하거나 BEACON_PASSWORD를 설정하세요.",
        "en": "Sign-in needed: give --user LOGIN and type the password, or set BEACON_PASSWORD.",
    },
    "auth.as_on_postgres": {
        "ko": "PostgreSQL에서는 명령도 자기 로그인으로 실행합니다: --as 대신 그 사람의 로그인으로 접속하세요 (URL의 사용자, PGUSER, ~/.pgpass, 서비스 파일).",
        "en": "On PostgreSQL a command acts as its own login: instead of --as, connect as that person (the URL's user, PGUSER, ~/.pgpass, a service file).",
    },
    "schema.owner_needs_createrole": {
        "ko": "init-db를 실행하는 데이터베이스 역할(소유자)에 CREATEROLE 권한이 필요합니다: DBA가 'ALTER ROLE 소유자 CREATEROLE'을 실행하세요 (SUPERUSER는 필요 없습니다).",
        "en": "The database role running init-db (the owner) needs CREATEROLE: a DBA runs 'ALTER ROLE owner CREATEROLE' (no SUPERUSER needed).",
    },
    "schema.upgrade_by_owner": {
        "ko": "데이터베이스 스키마가 {found}입니다 (이 프로그램은 {supported}). 공유 데이터베이스는 DBA가 소유자 역할로 'beacon init-db'를 실행해 업그레이드합니다.",
        "en": "The database has schema {found} (this program: {supported}). A DBA upgrades a shared database by running 'beacon init-db' as the owner role.",
    },
    # administration: configuration items, users, teams
    "admin.code_taken": {
        "ko": "{what} '{value}'은(는) 이미 사용 중입니다. 다른 값을 입력하세요.",
        "en": "{what} '{value}' is already taken; choose another.",
    },
    "admin.inactive_choice": {
        "ko": "{what} '{name}'은(는) 사용 중지되어 선택할 수 없습니다.",
        "en": "{what} '{name}' is disabled and cannot be chosen.",
    },
    "admin.ci_in_use": {
        "ko": "구성 항목 '{ci}'은(는) 장애·문제·변경 {count}건이 참조하고 있어 삭제할 수 없습니다. 대신 폐기하세요 (이력은 그대로 남습니다).",
        "en": "Configuration item '{ci}' is referred to by {count} incident(s), problem(s) or change(s) and cannot be deleted; retire it instead (its history stays).",
    },
    "admin.relation_self": {
        "ko": "구성 항목 '{ci}'을(를) 자기 자신과 연결할 수 없습니다.",
        "en": "Configuration item '{ci}' cannot be related to itself.",
    },
    "admin.relation_duplicate": {
        "ko": "'{source}' {kind} '{target}' 관계가 이미 있습니다.",
        "en": "'{source}' {kind} '{target}' already exists.",
    },
    "admin.relation_cycle": {
        "ko": "'{source}' {kind} '{target}' 관계를 추가하면 순환이 생깁니다: {path}",
        "en": "Adding '{source}' {kind} '{target}' would make a cycle: {path}",
    },
    "admin.last_admin": {
        "ko": "{who}님은 마지막 활성 관리자이므로 {action}할 수 없습니다. 먼저 다른 사용자에게 관리자 역할을 부여하세요.",
        "en": "{who} is the last active administrator, so you cannot {action}. Make someone else an administrator first.",
    },
    "admin.self_disable": {
        "ko": "자기 자신의 계정은 사용 중지할 수 없습니다. 다른 관리자에게 요청하세요.",
        "en": "You cannot disable your own account; ask another administrator.",
    },
    "admin.password_short": {
        "ko": "암호는 {min}자 이상이어야 합니다 (입력: {length}자).",
        "en": "A password needs at least {min} characters (this one has {length}).",
    },
    "admin.team_in_use": {
        "ko": "팀 '{team}'에 활성 사용자 {members}명, 활성 하위 팀 {children}개가 있어 사용 중지할 수 없습니다. 먼저 다른 팀으로 옮기세요.",
        "en": "Team '{team}' still has {members} active member(s) and {children} active sub-team(s); move them to another team before disabling it.",
    },
    "admin.team_cycle": {
        "ko": "팀 '{team}'을(를) 자신 또는 자신의 하위 팀 '{parent}' 아래에 둘 수 없습니다.",
        "en": "Team '{team}' cannot be placed under itself or its own sub-team '{parent}'.",
    },
    "settings.unknown_key": {
        "ko": "'{key}'은(는) 알려진 설정이 아닙니다. 가능한 설정: {allowed}",
        "en": "'{key}' is not a known setting. Known settings: {allowed}",
    },
    "settings.bad_json": {
        "ko": "설정 '{key}'의 값은 JSON이어야 합니다 (예: 7, true, \"Asia/Seoul\", {{\"host\": \"smtp.bank.local\", \"port\": 25}}): {reason}",
        "en": "The value of setting '{key}' is not valid JSON (e.g. 7, true, \"Asia/Seoul\", {{\"host\": \"smtp.bank.local\", \"port\": 25}}): {reason}",
    },
    "settings.bad_value": {
        "ko": "설정 '{key}'의 값 '{value}'이(가) 올바르지 않습니다. 가능한 값: {allowed}",
        "en": "Setting '{key}' cannot be '{value}'. Allowed: {allowed}",
    },
    "site.invalid": {
        "ko": "조직 설정 파일 {path} {line}행: {reason} 파일을 고치거나 IT 관리자에게 문의하세요.",
        "en": "Site configuration file {path}, line {line}: {reason} Fix the file or ask your IT administrator.",
    },
    "site.unreadable": {
        "ko": "조직 설정 파일을 읽을 수 없습니다: {path} ({reason}). 파일을 고치거나 IT 관리자에게 문의하세요.",
        "en": "Cannot read the site configuration file {path} ({reason}). Fix the file or ask your IT administrator.",
    },
    "settings.unreadable": {
        "ko": "설정 파일을 읽을 수 없습니다: {path} ({reason})",
        "en": "Cannot read the settings file: {path} ({reason})",
    },
    "matrix.unknown_ci": {
        "ko": "구성 항목 '{ci}'이(가) 없거나 폐기되었습니다. 매트릭스를 다시 불러오세요.",
        "en": "Configuration item '{ci}' does not exist or is retired. Reload the matrix.",
    },
    "matrix.unknown_role": {
        "ko": "'{role}'은(는) 담당자 매트릭스의 역할이 아닙니다.",
        "en": "'{role}' is not a role of the owner matrix.",
    },
    "matrix.duplicate_cell": {
        "ko": "같은 칸(구성 항목 {ci}, 역할 {role})을 한 번에 두 번 바꿀 수 없습니다.",
        "en": "The same cell (configuration item {ci}, role {role}) cannot be changed twice in one save.",
    },
    "matrix.user_twice": {
        "ko": "'{ci}'의 '{role}' 칸에 같은 사용자가 두 번 들어 있습니다.",
        "en": "The '{role}' cell of '{ci}' names the same user twice.",
    },
    "matrix.stale_cell": {
        "ko": "'{ci}'의 '{role}' 칸을 그 사이 다른 관리자가 바꿨습니다. 아무것도 저장하지 않았습니다. 매트릭스를 다시 불러온 뒤 변경하세요.",
        "en": "Another administrator changed the '{role}' cell of '{ci}' in the meantime. Nothing was saved; reload the matrix and apply your change again.",
    },
    "propagation.already_member": {
        "ko": "{user}님은 이미 '{app}' 전파 그룹에 있습니다 ({reason}).",
        "en": "{user} is already in the propagation group of '{app}' ({reason}).",
    },
    "import.bad_mapping": {
        "ko": "가져오기 매핑의 '{key}'이(가) 잘못되었습니다: {reason}",
        "en": "The import mapping's '{key}' is wrong: {reason}",
    },
    "import.mapping_required": {
        "ko": "generic 형식에는 매핑 파일이 필요합니다 (--mapping MAP.toml). 예: desktop/resources/import/generic-example.toml",
        "en": "The generic format needs a mapping file (--mapping MAP.toml); see desktop/resources/import/generic-example.toml.",
    },
    "import.not_utf8": {
        "ko": "{row}행: 파일이 UTF-8이 아닙니다. 인코딩을 auto 또는 cp949로 지정하세요.",
        "en": "Row {row}: the file is not UTF-8. Choose the encoding auto or cp949.",
    },
    "import.bad_encoding": {
        "ko": "{row}행: 파일을 UTF-8로도 CP949(EUC-KR)로도 읽을 수 없습니다.",
        "en": "Row {row}: the file is neither UTF-8 nor CP949 (EUC-KR).",
    },
    "import.rejected": {
        "ko": "잘못된 행이 {count}개 있어 아무것도 가져오지 않았습니다. 아래 목록을 보고 고친 뒤 다시 점검하세요.",
        "en": "{count} bad rows, so nothing was imported. Fix them (listed below) and check again.",
    },
    "import.truncated": {
        "ko": "파일이 {row}행 중간에서 끝납니다: 잘린 파일입니다. 아무것도 가져오지 않았습니다. 다시 내보내세요.",
        "en": "The file ends inside row {row}: it was cut off. Nothing was imported; export it again.",
    },
    "import.mixed_encoding": {
        "ko": "{row}행만 파일의 나머지({encoding})와 인코딩이 다릅니다 (다른 파일에서 붙여 넣은 행?). 그 행을 고치거나 "
              "파일 전체를 {encoding}(으)로 다시 저장하세요.",
        "en": "Row {row} is not in {encoding} like the rest of the file (a row pasted from another file?). Fix "
              "that row or save the whole file as {encoding} again.",
    },
    "import.empty_file": {
        "ko": "파일이 비어 있습니다. 첫 행에 열 이름이 있어야 합니다.",
        "en": "The file is empty; its first row must name the columns.",
    },
    "import.broken_csv": {
        "ko": "{row}행 근처에서 CSV 형식이 깨졌습니다: {reason}",
        "en": "The CSV is broken near row {row}: {reason}",
    },
    "propagation.not_member": {
        "ko": "{user}님은 '{app}' 전파 그룹에 없습니다.",
        "en": "{user} is not in the propagation group of '{app}'.",
    },
}


def _localize(value: Any, language: str | None) -> Any:
    if isinstance(value, dict) and "ko" in value:
        return pick(value, language)
    if isinstance(value, list):
        return ", ".join(str(_localize(v, language)) for v in value)
    return value


class BeaconError(Exception):
    """An error with a message a user can act on, in Korean and English."""

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(self.message("en"))

    def message(self, language: str | None = None) -> str:
        """The message in `language` (default: the current language).

        A parameter may itself be bilingual ({"ko": ..., "en": ...}) or a list of
        such labels, so one error reads right in either language.
        """
        template = pick(MESSAGES[self.code], language)
        return template.format(**{k: _localize(v, language) for k, v in self.params.items()})


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
