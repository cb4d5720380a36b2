"""Every word import, intake and export show a person: mapping and row problems, webhook answers, export sheets.

Korean and English side by side (key → {"ko": ..., "en": ...}); the modules of this package hold
the keys. Templates name their `{placeholders}`, filled by `Catalog.pick`/`Catalog.pair`.
"""

from __future__ import annotations

from desktop.i18n import Catalog

TEXTS = Catalog({
    # export: the sheet that says what was exported
    "export.about.list": {"ko": "목록", "en": "List"},
    "export.about.sort": {"ko": "정렬", "en": "Sort"},
    "export.about.rows": {"ko": "행 수", "en": "Rows"},
    "export.about.at": {"ko": "내보낸 시각", "en": "Exported at"},
    "export.about.zone": {"ko": "시간대", "en": "Time zone"},
    "export.about.by": {"ko": "내보낸 사람", "en": "Exported by"},
    # intake: the system user that registers incidents from monitoring
    "intake.monitoring_user": {"ko": "모니터링", "en": "Monitoring"},
    # export
    "export.descending": {"ko": "내림차순", "en": "descending"},
    "export.ascending": {"ko": "오름차순", "en": "ascending"},
    "export.unassigned": {"ko": "미배정", "en": "Unassigned"},
    "export.about_this_export": {"ko": "내보내기 정보", "en": "About this export"},
    "export.open": {"ko": "진행 중", "en": "Open"},
    "export.filters": {"ko": "필터", "en": "Filters"},
    "export.no_filter": {"ko": "없음 (전체)", "en": "none (everything)"},
    "export.assignee": {"ko": "담당자", "en": "Assignee"},
    "export.registered": {"ko": "등록 기간", "en": "Registered"},
    "export.search": {"ko": "검색어", "en": "Search"},
    "export.cases": {"ko": "건", "en": "Cases"},
    "export.state": {"ko": "상태", "en": "State"},
    "export.grade": {"ko": "등급", "en": "Grade"},
    "export.application": {"ko": "업무시스템", "en": "Application"},
    # importer
    "importer.import_incidents": {"ko": "장애 가져오기", "en": "Import incidents"},
    "importer.incident_import": {"ko": "장애 가져오기", "en": "incident import"},
    "importer.event_imported_from": {"ko": "{number}에서 가져옴", "en": "imported from {number}"},
    "importer.bad_encoding": {"ko": "auto, utf-8, cp949 중 하나여야 합니다.", "en": "must be auto, utf-8 or cp949."},
    "importer.no_columns": {
        "ko": "[columns]에 '파일 열 = Beacon 필드'가 하나 이상 있어야 합니다.",
        "en": "[columns] must map at least one 'file column = Beacon field'.",
    },
    "importer.required_unmapped": {
        "ko": "필수 필드에 연결된 열이 없습니다: {missing}",
        "en": "no column feeds the required fields: {missing}",
    },
    "importer.row": {"ko": "{row}행", "en": "row {row}"},
    "importer.rows": {"ko": "{rows}행", "en": "{rows} rows"},
    "importer.not_valid_toml": {"ko": "TOML 형식 오류: {exc}", "en": "not valid TOML: {exc}"},
    "importer.wrong_kind": {
        "ko": "항목의 형식이 맞지 않습니다 (표·문자열·목록을 확인하세요: {exc})",
        "en": "a section or value has the wrong kind (check tables, texts and lists: {exc})",
    },
    "importer.unknown_field": {
        "ko": "알 수 없는 필드 '{target}'. 가능한 값: {names}",
        "en": "unknown field '{target}'; one of: {names}",
    },
    "importer.values_not_a_table": {"ko": "표여야 합니다.", "en": "must be a table."},
    "importer.bad_unknown_rule": {
        "ko": "create, reject, map:코드 중 하나여야 합니다.",
        "en": "must be create, reject or map:CODE.",
    },
    "importer.unknown_time_zone": {
        "ko": "알 수 없는 시간대 '{zone}' (예: Asia/Seoul, UTC)",
        "en": "unknown time zone '{zone}' (e.g. Asia/Seoul, UTC)",
    },
    "importer.unknown_will_be_created": {"ko": "새로 만듦 ({target})", "en": "will be created ({target})"},
    "importer.unknown_mapped": {"ko": "'{target}'(으)로 연결", "en": "mapped to '{target}'"},
    "importer.unknown_rejected_row": {"ko": "거부 (행 오류)", "en": "rejected (row error)"},
    "importer.placeholder_title": {"ko": "{label} {key} (가져온 연결)", "en": "{label} {key} (imported link)"},
    "importer.placeholder_note": {
        "ko": "{label}의 {key}을(를) 가리키는 자리표시 기록입니다. 내용은 원천 시스템에 있습니다.",
        "en": "Placeholder for {key} in {label}; its content stays in the source system.",
    },
    "importer.cannot_read": {"ko": "읽을 수 없습니다 ({exc})", "en": "cannot be read ({exc})"},
    "importer.case_imported_from": {"ko": "{label} {number}에서 가져옴", "en": "Imported from {label} {number}"},
    "importer.required_columns_are_missing": {
        "ko": "필수 열이 없습니다: {wanted}",
        "en": "required columns are missing: {wanted}",
    },
    "importer.there_are_no_rows": {
        "ko": "열 이름 외에 가져올 행이 없습니다.",
        "en": "there are no rows after the header.",
    },
    "importer.application_empty": {"ko": "업무시스템이 비어 있습니다.", "en": "the application is empty."},
    "importer.reopen_count_not_whole": {"ko": "0 이상의 정수여야 합니다.", "en": "must be a whole number from 0."},
    "importer.no_path_in_process": {
        "ko": "{previous_row}행의 '{previous}' 다음에 올 수 없습니다: '{source}'에서 '{target}'(으)로 가는 단계가 "
              "장애 프로세스에 없습니다.",
        "en": "cannot follow '{previous}' of row {previous_row}: the incident process has no way from '{source}' "
              "to '{target}'.",
    },
    "importer.tie_hint": {
        "ko": "두 행의 변경 일시가 같습니다. 파일의 순번 열(예: sys_mod_count)을 '변경 순번' 필드에 연결하면 순서가 "
              "정해집니다.",
        "en": "The two rows have the same update time: map the file's sequence column (e.g. sys_mod_count) to "
              "the Update sequence field to order them.",
    },
    "importer.and_more_rows": {"ko": "같은 값이 {count}행 더 있음", "en": "and {count} more rows"},
    "importer.null_markers_list": {
        "ko": '빈 칸을 뜻하는 값의 목록이어야 합니다 (예: ["?", "(없음)"]).',
        "en": 'must be a list of the texts that mean an empty cell (e.g. ["?", "(empty)"]).',
    },
    "importer.repeats_header": {
        "ko": "열 이름 행이 다시 나옵니다 (두 파일을 이어 붙였나요?).",
        "en": "repeats the header row (two exports joined?).",
    },
    "importer.title_template_column": {
        "ko": "매핑의 [defaults] title이 파일에 없는 열 '{column}'을(를) 씁니다.",
        "en": "the mapping's [defaults] title names the column '{column}', which the file does not have.",
    },
    "importer.nul_character": {
        "ko": "NUL 문자(0x00)가 들어 있어 저장할 수 없습니다.",
        "en": "contains a NUL character (0x00), which cannot be stored.",
    },
    "importer.too_long": {"ko": "{limit}자보다 깁니다.", "en": "longer than {limit} characters."},
    "importer.same_sequence": {
        "ko": "{number}의 {other}행과 순번이 같지만 내용이 다릅니다: 두 변경의 순서를 알 수 없습니다.",
        "en": "the same sequence as row {other} of {number}, but a different update: their order is unknown.",
    },
    "importer.write_would_fail": {
        "ko": "가져오기를 하면 데이터베이스가 거부합니다: {reason}",
        "en": "the import would fail in the database: {reason}",
    },
    "importer.placeholder_incident_title": {"ko": "{label} {number}", "en": "{label} {number}"},
    "importer.warn_fields_without_column": {
        "ko": "이 파일에 열이 없는 필드: {fields}",
        "en": "Fields with no column in this file: {fields}",
    },
    "importer.warn_no_update_time": {
        "ko": "변경 일시 열({columns})이 없습니다: 상태 변화는 최종 기록의 일시로만 정해지고, 응답 시간은 판정하지 "
              "않습니다.",
        "en": "No update-time column ({columns}): state changes are dated only from the final record, and "
              "response times get no verdict.",
    },
    "importer.warn_category_unmapped": {
        "ko": "범주 '{value}' [{column}]은(는) 매핑의 [values.incident_type]에 없습니다 (장애 {count}건): 유형은 "
              "'{type}'(으)로 가져오고, 원래 범주는 원천 번호와 함께 보관합니다.",
        "en": "Category '{value}' [{column}] is not in the mapping's [values.incident_type] ({count} incidents): "
              "imported as type '{type}'; the source category is kept with the source number.",
    },
    "importer.warn_repeated_rows": {
        "ko": "앞의 행과 똑같은 행 {count}개는 한 번만 읽었습니다.",
        "en": "{count} rows repeat an earlier row exactly and were read once.",
    },
    "importer.warn_issues_capped": {
        "ko": "잘못된 행은 처음 {kept}개만 하나씩 보여줍니다 (모두 {count}개).",
        "en": "Only the first {kept} bad rows are listed one by one ({count} in all).",
    },
    "importer.warn_title_default": {
        "ko": "제목이 없는 장애 {count}건은 매핑의 [defaults] title '{template}'(으)로 제목을 만듭니다.",
        "en": "{count} incidents have no title in the file: titled from the mapping's [defaults] title "
              "'{template}'.",
    },
    "importer.warn_title_composed": {
        "ko": "제목이 없는 장애 {count}건은 범주·증상 열({columns})로 제목을 만듭니다.",
        "en": "{count} incidents have no title in the file: titled from their category and symptom ({columns}).",
    },
    "importer.warn_title_placeholder": {
        "ko": "제목도, 제목을 만들 범주·증상도 없는 장애 {count}건은 '{example}'처럼 원천 번호를 제목으로 씁니다.",
        "en": "{count} incidents have no title and nothing to make one from: titled by their source number, "
              "e.g. '{example}'.",
    },
    "importer.value_empty": {"ko": "값이 비어 있습니다.", "en": "the value is empty."},
    "importer.unknown_state": {
        "ko": "알 수 없는 상태입니다. 매핑의 [values.state]: {known}",
        "en": "unknown state; the mapping's [values.state]: {known}",
    },
    "importer.unknown_rejected": {
        "ko": "알 수 없는 {what}입니다 (매핑: reject).",
        "en": "unknown {what} (the mapping says reject).",
    },
    "importer.unknown_target_missing": {
        "ko": "매핑 [unknown] {kind}의 대상 {what}이(가) 없습니다.",
        "en": "the mapping's [unknown] {kind} names a {what} that does not exist.",
    },
    "importer.not_date_and_time": {
        "ko": "일시를 읽을 수 없습니다 (예: 27-11-2026 14:05, 2026-11-27 14:05:00, ISO 8601).",
        "en": "not a date and time (e.g. 27-11-2026 14:05, 2026-11-27 14:05:00, ISO 8601).",
    },
    "importer.unknown_level": {
        "ko": "알 수 없는 값입니다. 가능한 값: {levels}",
        "en": "unknown value; one of: {levels}",
    },
    # intake
    "intake.token_missing": {
        "ko": "Authorization: Bearer <토큰> 헤더가 필요합니다.",
        "en": "An 'Authorization: Bearer <token>' header is required.",
    },
    "intake.token_invalid": {
        "ko": "토큰이 올바르지 않거나 폐기되었습니다.",
        "en": "The token is not valid or has been revoked.",
    },
    "intake.json_object": {"ko": "JSON 객체", "en": "a JSON object"},
    "intake.create_token": {"ko": "토큰 만들기", "en": "Create token"},
    "intake.name": {"ko": "이름", "en": "Name"},
    "intake.token_name": {"ko": "토큰 이름", "en": "Token name"},
    "intake.list_label_names": {"ko": "레이블 이름 목록", "en": "a list of label names"},
    "intake.json_object_strings": {"ko": "문자열 값의 JSON 객체", "en": "a JSON object of strings"},
    "intake.at_least_1024": {"ko": "1024 이상의 정수", "en": "a whole number ≥ 1024"},
    "intake.a_string": {"ko": "문자열", "en": "text"},
    "intake.ci_not_an_application": {
        "ko": "'{ci}'에 해당하는 활성 업무시스템이 없습니다 (intake.ci_map에 추가하세요)",
        "en": "'{ci}' is not an active application's code (map it in intake.ci_map)",
    },
    "intake.must_json_object": {"ko": "JSON 객체여야 합니다", "en": "must be a JSON object"},
    "intake.must_string": {"ko": "문자열이어야 합니다", "en": "must be a string"},
    "intake.must_rfc_3339_time": {"ko": "RFC 3339 일시 문자열이어야 합니다", "en": "must be an RFC 3339 time string"},
    "intake.time_needs_zone": {
        "ko": "시간대가 필요합니다 ('{value}', 예: Z 또는 +09:00)",
        "en": "needs a time zone ('{value}', e.g. Z or +09:00)",
    },
    "intake.must_firing_or_resolved": {
        "ko": "'firing' 또는 'resolved'여야 합니다 ('{status}')",
        "en": "must be 'firing' or 'resolved', not '{status}'",
    },
    "intake.only_webhook_payload_version": {
        "ko": "웹훅 형식 버전 4만 지원합니다 (받은 값 '{version}')",
        "en": "only webhook payload version 4 is supported, got '{version}'",
    },
    "intake.must_non_empty_array": {
        "ko": "경보가 하나 이상 있는 배열이어야 합니다",
        "en": "must be a non-empty array of alerts",
    },
    "intake.no_ci_label": {
        "ko": "구성 항목을 가리키는 레이블({labels})이 없습니다",
        "en": "no label names the configuration item (tried {labels})",
    },
    "intake.severity_maps_unknown_urgency": {
        "ko": "심각도 '{severity}'가 알 수 없는 긴급도 '{code}'에 대응합니다",
        "en": "severity '{severity}' maps to the unknown urgency '{code}'",
    },
    "intake.system_user_disabled": {
        "ko": "시스템 사용자 '{user}'이(가) 사용 중지되어 있습니다",
        "en": "the system user '{user}' is disabled",
    },
    "intake.required": {"ko": "필수 항목입니다", "en": "is required"},
    "intake.unreadable_time": {
        "ko": "일시를 읽을 수 없습니다 ('{value}', 예: 2026-11-27T01:02:03Z)",
        "en": "cannot read the time '{value}' (e.g. 2026-11-27T01:02:03Z)",
    },
    "intake.needs_a_label": {"ko": "레이블이 하나 이상 있어야 합니다", "en": "needs at least one label"},
    "intake.unknown_key": {
        "ko": "알 수 없는 항목입니다 (가능: {known})",
        "en": "unknown field (known: {known})",
    },
    "intake.fingerprint_missing": {
        "ko": "fingerprint(또는 dedupe_key)가 필요합니다",
        "en": "fingerprint (or dedupe_key) is required",
    },
    "intake.not_utf8": {"ko": "UTF-8이 아닙니다", "en": "is not UTF-8"},
    "intake.not_json": {"ko": "JSON이 아닙니다 ({exc})", "en": "is not JSON ({exc})"},
    "intake.too_deep": {"ko": "너무 깊게 중첩되었습니다 (최대 {limit}단계)",
                        "en": "is nested too deeply (at most {limit} levels)"},
    "intake.nul": {"ko": "NUL 문자(\\u0000)를 담을 수 없습니다", "en": "must not contain a NUL character (\\u0000)"},
    "intake.lone_surrogate": {"ko": "짝이 없는 서로게이트 문자(\\ud800 등)를 담을 수 없습니다",
                              "en": "must not contain a lone surrogate (e.g. \\ud800)"},
    "intake.too_long": {"ko": "너무 깁니다 ({length}자, 최대 {limit}자)",
                        "en": "too long ({length} characters; the limit is {limit})"},
    "intake.too_many": {"ko": "항목이 너무 많습니다 ({count}개, 최대 {limit}개)",
                        "en": "too many entries ({count}; the limit is {limit})"},
    "intake.default_application_inactive": {
        "ko": "분류(트리아지) 업무시스템 '{application}'이(가) 활성 업무시스템이 아닙니다",
        "en": "the triage application '{application}' is not an active application",
    },
    "intake.nothing_maps": {
        "ko": "어느 레이블도 업무시스템이 있는 구성 항목을 가리키지 않습니다 ({tried})",
        "en": "no label names a configuration item that carries an application ({tried})",
    },
    "intake.no_triage": {
        "ko": "분류 업무시스템이 설정되지 않아 경보를 보류했습니다 (관리 › 모니터링 수신)",
        "en": "no triage application is set, so the alert is held (Administration › Monitoring intake)",
    },
    "intake.affected": {"ko": "영향 업무시스템: {codes}", "en": "Affected applications: {codes}"},
    "intake.triaged_note": {"ko": "분류 대기: {reason}", "en": "Awaiting triage: {reason}"},
    "intake.mapped_by": {"ko": "매핑: {rule}", "en": "Mapped by: {rule}"},
    # intake_admin
    "intake_admin.payload": {"ko": "시험 페이로드", "en": "Payload to try"},
    "intake_admin.set_triage": {"ko": "분류 업무시스템 지정", "en": "Set the triage application"},
    # intake_server
    "intake_server.length_required": {
        "ko": "Content-Length 헤더가 필요합니다.",
        "en": "A Content-Length header is required.",
    },
    "intake_server.too_large": {
        "ko": "요청 본문이 너무 큽니다 ({length}바이트, 최대 {max_body_bytes}바이트).",
        "en": "The request body is too large ({length} bytes; the limit is {max_body_bytes}).",
    },
    "intake_server.json_only": {
        "ko": "Content-Type은 application/json이어야 합니다 (받은 값 '{given}').",
        "en": "The Content-Type must be application/json, not '{given}'.",
    },
    "intake_server.unavailable": {
        "ko": "데이터베이스를 쓸 수 없어 아무것도 저장하지 않았습니다. 잠시 후 다시 보내세요.",
        "en": "The database is not available; nothing was written. Retry later.",
    },
    "intake_server.body_timeout": {
        "ko": "요청 본문이 제시간에 도착하지 않았습니다.",
        "en": "The request body did not arrive in time.",
    },
    "intake_server.body_short": {
        "ko": "body: 본문이 Content-Length보다 짧습니다",
        "en": "body: shorter than its Content-Length",
    },
})

LIST_NAMES = Catalog({
    "incident": {"ko": "장애", "en": "Incidents"},
    "my_work": {"ko": "내 업무", "en": "My work"},
    "problem": {"ko": "문제", "en": "Problems"},
    "change": {"ko": "변경", "en": "Changes"},
    "work_order": {"ko": "작업 지시", "en": "Work orders"},
})

EXPORT_MESSAGES = Catalog({
    "export.locked": {
        "ko": (
            "파일에 쓸 수 없습니다: {path}. 다른 프로그램(예: Excel)에서 열려 있거나 쓰기 권한이 없습니다. 파일을 "
            "닫거나 다른 이름으로 저장하세요."
        ),
        "en": (
            "Cannot write {path}: it is open in another program (e.g. Excel) or you may not write there. Close it "
            "or save under another name."
        ),
    },
    "export.disk_full": {
        "ko": "디스크 공간이 부족해 {path}을(를) 저장하지 못했습니다. 공간을 확보하거나 다른 위치에 저장하세요.",
        "en": "The disk is full, so {path} was not saved. Free some space or save somewhere else.",
    },
    "export.cannot_write": {
        "ko": "파일을 저장할 수 없습니다: {path} ({reason})",
        "en": "Cannot write the file {path} ({reason})",
    },
    "export.bad_format": {
        "ko": "내보내기 형식 '{format}'은(는) 지원하지 않습니다. csv 또는 xlsx를 쓰세요.",
        "en": "Unknown export format '{format}'; use csv or xlsx.",
    },
    "export.bad_column": {
        "ko": "이 목록에는 '{column}' 열이 없습니다. 가능한 열: {allowed}",
        "en": "This list has no column '{column}'. Columns: {allowed}",
    },
})

# Beacon fields a file column can feed, with their labels (dry-run report, the GUI's mapping table).
IMPORT_FIELDS = Catalog({
    "number": {"ko": "원천 번호", "en": "Source number"},
    "title": {"ko": "제목", "en": "Title"},
    "description": {"ko": "내용", "en": "Description"},
    "state": {"ko": "상태", "en": "State"},
    "opened_at": {"ko": "등록 일시", "en": "Opened at"},
    "updated_at": {"ko": "변경 일시", "en": "Updated at"},
    "updated_by": {"ko": "변경자", "en": "Updated by"},
    "urgency": {"ko": "긴급도", "en": "Urgency"},
    "impact": {"ko": "영향도", "en": "Impact"},
    "priority": {"ko": "원천 우선순위", "en": "Source priority"},
    "application": {"ko": "업무시스템", "en": "Application"},
    "incident_type": {"ko": "장애 유형", "en": "Incident type"},
    "assignment_group": {"ko": "담당 팀", "en": "Assignment group"},
    "assignee": {"ko": "담당자", "en": "Assignee"},
    "registered_by": {"ko": "등록자", "en": "Registered by"},
    "problem": {"ko": "문제 번호", "en": "Problem number"},
    "change": {"ko": "변경 번호", "en": "Change number"},
    "resolved_at": {"ko": "해결 일시", "en": "Resolved at"},
    "closed_at": {"ko": "종결 일시", "en": "Closed at"},
    "close_code": {"ko": "종결 코드 (처리 결과)", "en": "Close code (result)"},
    "close_notes": {"ko": "종결 메모 (조치 내용)", "en": "Close notes (resolution)"},
    "cause": {"ko": "원인", "en": "Cause"},
    "reopen_count": {"ko": "재처리 횟수", "en": "Reopen count"},
    "sequence": {"ko": "변경 순번", "en": "Update sequence"},
    "symptom": {"ko": "증상 (세부 범주)", "en": "Symptom"},
})

UNKNOWN_LABELS = Catalog({
    "application": {"ko": "업무시스템", "en": "application"},
    "user": {"ko": "사용자", "en": "user"},
    "group": {"ko": "팀", "en": "group"},
})

ACTION_TEXT = Catalog({
    "repeat": {
        "ko": "경보가 다시 발생했습니다 ({count}번째): {title}",
        "en": "The alert fired again (time {count}): {title}",
    },
    "resolved": {
        "ko": "경보가 해소되었습니다 ({source}){ended}: {title}",
        "en": "The alert resolved ({source}){ended}: {title}",
    },
})

RESOLUTION_FIELDS = Catalog({
    "resolution": {"ko": "모니터링 경보 해소로 자동 종결", "en": "Closed automatically: the monitoring alert resolved"},
    "cause": {"ko": "모니터링 경보 ({title})", "en": "Monitoring alert ({title})"},
    "result": {"ko": "경보가 정상으로 돌아왔습니다", "en": "The alert returned to normal"},
    "follow_up_plan": {"ko": "필요하면 재처리하거나 문제로 등록하세요", "en": "Reopen or register a problem if needed"},
    "recurrence_prevention": {"ko": "모니터링 계속", "en": "Monitoring continues"},
})
