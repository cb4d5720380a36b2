"""Every word administration shows a person: its services' messages and the names the defaults seed.

Korean and English side by side (key → {"ko": ..., "en": ...}); the modules of this package hold
the keys. Templates name their `{placeholders}`, filled by `Catalog.pick`/`Catalog.pair`.
"""

from __future__ import annotations

from desktop.i18n import Catalog

TEXTS = Catalog({
    # cis
    "cis.configuration_item": {"ko": "구성 항목", "en": "Configuration item"},
    "cis.save_configuration_item": {"ko": "구성 항목 저장", "en": "Save configuration item"},
    "cis.return_configuration_item_service": {"ko": "구성 항목 재사용", "en": "Return configuration item to service"},
    "cis.retire_configuration_item": {"ko": "구성 항목 폐기", "en": "Retire configuration item"},
    "cis.delete_configuration_item": {"ko": "구성 항목 삭제", "en": "Delete configuration item"},
    "cis.add_ci_relation": {"ko": "구성 항목 관계 추가", "en": "Add CI relation"},
    "cis.remove_ci_relation": {"ko": "구성 항목 관계 삭제", "en": "Remove CI relation"},
    "cis.ci_code": {"ko": "구성 항목 코드", "en": "CI code"},
    "cis.no_such_impact": {"ko": "'{impact}' 영향도가 없습니다", "en": "there is no impact level '{impact}'"},
    "cis.code_format": {
        "ko": "영문·숫자로 시작하고 영문·숫자·._- 만 쓸 수 있습니다 (최대 60자)",
        "en": "start with a letter or digit and use only letters, digits and . _ - (at most 60)",
    },
    "cis.give_name": {"ko": "이름을 입력하세요", "en": "give a name"},
    "cis.allowed": {"ko": "가능한 값: {allowed}", "en": "allowed: {allowed}"},
    "cis.application_needs_impact": {
        "ko": "업무시스템에는 영향도가 있어야 등급을 계산할 수 있습니다",
        "en": "an application needs an impact level so incidents get a grade",
    },
    "cis.kind_fixed_by_incidents": {
        "ko": "이 업무시스템으로 등록된 장애가 있어 종류를 바꿀 수 없습니다",
        "en": "incidents were registered against this application, so its kind cannot change",
    },
    # defaults
    "defaults.organization_name": {"ko": "Beacon IT 운영", "en": "Beacon IT Operations"},
    # matrix
    "matrix.change_owner_matrix": {"ko": "담당자 매트릭스 변경", "en": "Change the owner matrix"},
    "matrix.owner_matrix": {"ko": "CI별 담당자 매트릭스", "en": "the owner matrix"},
    "matrix.export_owner_matrix": {"ko": "담당자 매트릭스 내보내기", "en": "Export the owner matrix"},
    "matrix.line": {"ko": "{line}행", "en": "line {line}"},
    "matrix.import_owner_matrix": {"ko": "담당자 매트릭스 가져오기", "en": "Import the owner matrix"},
    "matrix.no_primary_handler": {
        "ko": "'{name}'에 주담당자가 없습니다. 장애가 담당 팀에만 배정됩니다.",
        "en": "'{name}' has no primary handler; its incidents go to its team only.",
    },
    "matrix.file_empty": {
        "ko": "파일이 비어 있습니다. 첫 행에 열 이름({columns})이 있어야 합니다.",
        "en": "the file is empty; its first line must name the columns ({columns}).",
    },
    "matrix.required_columns_are_missing": {
        "ko": "필수 열이 없습니다. 첫 행은 {csv_columns} 이어야 합니다.",
        "en": "required columns are missing; the first line must be {csv_columns}.",
    },
    "matrix.there_are_no_rows": {
        "ko": "열 이름 외에 가져올 행이 없습니다.",
        "en": "there are no rows after the header line.",
    },
    "matrix.not_utf8": {
        "ko": "파일이 UTF-8이 아닙니다{hint}. Excel에서 'CSV UTF-8(쉼표로 분리)'로 다시 저장하세요.",
        "en": "the file is not UTF-8{hint}. Save it again from Excel as 'CSV UTF-8 (Comma delimited)'.",
    },
    "matrix.looks_like_cp949": {"ko": " (EUC-KR/CP949로 저장된 것 같습니다)", "en": " (it looks like EUC-KR/CP949)"},
    "matrix.broken_csv": {"ko": "CSV 형식 오류: {exc}", "en": "broken CSV: {exc}"},
    "matrix.ci_code_empty": {"ko": "CI 코드가 비어 있습니다.", "en": "the CI code is empty."},
    "matrix.not_a_matrix_role": {
        "ko": "매트릭스 역할이 아닙니다. 가능한 값: {roles}",
        "en": "not a matrix role; one of: {roles}",
    },
    "matrix.empty_login_with_others": {
        "ko": "빈 로그인은 칸을 비운다는 뜻인데, 같은 칸에 다른 사용자가 있습니다.",
        "en": "an empty login empties the cell, but other rows put people in the same cell.",
    },
    "matrix.too_many_rows": {
        "ko": "행이 너무 많습니다. 한 번에 {max_csv_rows:,}행까지 가져올 수 있습니다.",
        "en": "too many rows; at most {max_csv_rows:,} rows can be imported at once.",
    },
    "matrix.unknown_ci_code": {
        "ko": "이런 코드의 구성 항목이 없습니다.",
        "en": "no configuration item has this code.",
    },
    "matrix.bad_position": {
        "ko": "순서는 1 이상의 정수여야 합니다.",
        "en": "the position must be a whole number from 1.",
    },
    "matrix.unknown_login": {"ko": "이런 로그인의 사용자가 없습니다.", "en": "no user has this login."},
    "matrix.position_already_in_cell": {
        "ko": "같은 칸에 같은 순서가 이미 있습니다 ({positions}행).",
        "en": "this cell already has this position (line {positions}).",
    },
    "matrix.ci_retired": {
        "ko": "폐기된 구성 항목입니다.",
        "en": "this configuration item is retired.",
    },
    "matrix.inactive_owner": {
        "ko": "비활성 사용자는 담당자로 지정할 수 없습니다.",
        "en": "an inactive user cannot be an owner.",
    },
    "matrix.user_already_in_cell": {
        "ko": "같은 칸에 같은 사용자가 이미 있습니다 ({seen}행).",
        "en": "this user is already in this cell (line {seen}).",
    },
    # people
    "people.user": {"ko": "사용자", "en": "User"},
    "people.team": {"ko": "팀", "en": "Team"},
    "people.enable_user": {"ko": "사용자 사용 재개", "en": "Enable user"},
    "people.disable_user": {"ko": "사용자 사용 중지", "en": "Disable user"},
    "people.enable_team": {"ko": "팀 사용 재개", "en": "Enable team"},
    "people.disable_team": {"ko": "팀 사용 중지", "en": "Disable team"},
    "people.save_user": {"ko": "사용자 저장", "en": "Save user"},
    "people.reset_password": {"ko": "암호 재설정", "en": "Reset password"},
    "people.take_administrator_role_away": {"ko": "관리자 역할을 회수", "en": "take the administrator role away"},
    "people.change_roles": {"ko": "역할 변경", "en": "Change roles"},
    "people.change_notice_channels": {"ko": "알림 채널 변경", "en": "Change notice channels"},
    "people.save_team": {"ko": "팀 저장", "en": "Save team"},
    "people.disable_them": {"ko": "사용 중지", "en": "disable them"},
    "people.login_format": {
        "ko": "2~60자의 영문·숫자와 . _ @ - 만 쓸 수 있습니다",
        "en": "use 2 to 60 letters, digits and . _ @ - only",
    },
    "people.not_an_email_example": {
        "ko": "'{email}'은(는) 이메일 주소가 아닙니다 (예: hong@bank.example)",
        "en": "'{email}' is not an e-mail address (e.g. hong@bank.example)",
    },
    "people.unknown_roles": {"ko": "알 수 없는 역할: {unknown}", "en": "unknown role(s): {unknown}"},
    "people.target_not_an_email": {
        "ko": "'{target}'은(는) 이메일 주소가 아닙니다",
        "en": "'{target}' is not an e-mail address",
    },
    "people.email_notices_need_address": {
        "ko": "이메일로 받으려면 사용자의 이메일 주소가 있어야 합니다",
        "en": "e-mail notices need the user's e-mail address (or another address here)",
    },
    "people.webhook_needs_http": {
        "ko": "http:// 또는 https:// 로 시작하는 주소를 입력하세요",
        "en": "give an address starting with http:// or https://",
    },
    "people.webhook_notices_need_address": {
        "ko": "웹훅으로 받으려면 주소를 입력하세요",
        "en": "webhook notices need an address",
    },
    "people.team_code_format": {
        "ko": "영문·숫자로 시작하고 영문·숫자·._- 만 쓸 수 있습니다 (최대 40자)",
        "en": "start with a letter or digit and use only letters, digits and . _ - (at most 40)",
    },
    "people.not_an_email": {
        "ko": "'{email}'은(는) 이메일 주소가 아닙니다",
        "en": "'{email}' is not an e-mail address",
    },
    # policy
    "policy.change_priority_matrix": {"ko": "우선순위 매트릭스 변경", "en": "Change the priority matrix"},
    "policy.priority_matrix": {"ko": "우선순위 매트릭스", "en": "the priority matrix"},
    "policy.change_sla_targets": {"ko": "SLA 목표 변경", "en": "Change SLA targets"},
    "policy.change_business_calendar": {"ko": "업무 달력 변경", "en": "Change a business calendar"},
    "policy.target_too_short": {
        "ko": "목표 시간은 1분 이상이어야 합니다",
        "en": "targets must be at least one minute",
    },
    "policy.warning_point_range": {
        "ko": "경고 시점은 1~99% 사이여야 합니다",
        "en": "the warning point must be 1–99 %",
    },
    "policy.no_such_calendar": {"ko": "달력 '{calendar}'이(가) 없습니다", "en": "there is no calendar '{calendar}'"},
    "policy.response_after_resolution": {
        "ko": "응답 목표가 해결 목표보다 길 수 없습니다",
        "en": "the response target cannot be longer than the resolution target",
    },
    "policy.span_format": {"ko": "'{part}'은(는) 시:분-시:분 형식이 아닙니다", "en": "'{part}' is not HH:MM-HH:MM"},
    "policy.span_time_does_not_exist": {
        "ko": "'{part}'에 없는 시각이 있습니다",
        "en": "'{part}' has a time that does not exist",
    },
    "policy.span_ends_before_start": {
        "ko": "'{part}'은(는) 끝나는 시각이 시작보다 늦어야 합니다",
        "en": "'{part}' must end after it starts",
    },
    "policy.spans_overlap": {
        "ko": "시간대가 겹치거나 순서가 뒤바뀌었습니다",
        "en": "the spans overlap or are out of order",
    },
    # processes
    "processes.view_processes": {"ko": "프로세스 보기", "en": "View processes"},
    "processes.save_process": {"ko": "프로세스 저장", "en": "Save process"},
    "processes.activate_process_version": {"ko": "프로세스 버전 적용", "en": "Activate process version"},
    "processes.process_version": {"ko": "프로세스 버전", "en": "Process version"},
    # propagation
    "propagation.removed_from_propagation_group": {
        "ko": "전파 그룹에서 수동 제외됨",
        "en": "removed from the propagation group by hand",
    },
    "propagation.application": {"ko": "업무시스템", "en": "Application"},
})

KIND_LABELS = Catalog({
    "application": {"ko": "업무시스템", "en": "Application"},
    "server": {"ko": "서버", "en": "Server"},
    "database": {"ko": "데이터베이스", "en": "Database"},
    "network": {"ko": "네트워크", "en": "Network"},
    "storage": {"ko": "스토리지", "en": "Storage"},
    "middleware": {"ko": "미들웨어", "en": "Middleware"},
    "other": {"ko": "기타", "en": "Other"},
})

RELATION_KINDS = Catalog({
    "runs_on": {"ko": "실행 기반", "en": "runs on"},
    "depends_on": {"ko": "의존", "en": "depends on"},
    "connects_to": {"ko": "연결", "en": "connects to"},
})

# How a relation reads from the CI on each end: (kind, this CI is the source) → label.
RELATION_PHRASES = Catalog({
    ("runs_on", True): {"ko": "실행 기반 →", "en": "runs on →"},
    ("runs_on", False): {"ko": "← 이 항목 위에서 실행", "en": "← runs on this"},
    ("depends_on", True): {"ko": "의존 →", "en": "depends on →"},
    ("depends_on", False): {"ko": "← 이 항목에 의존", "en": "← depends on this"},
    ("connects_to", True): {"ko": "연결 →", "en": "connects to →"},
    ("connects_to", False): {"ko": "← 이 항목에 연결", "en": "← connects to this"},
})

CI_FIELDS = Catalog({
    "code": {"ko": "코드", "en": "Code"},
    "name": {"ko": "이름", "en": "Name"},
    "kind": {"ko": "종류", "en": "Kind"},
    "impact": {"ko": "영향도", "en": "Impact"},
    "team": {"ko": "담당 팀", "en": "Team"},
    "relation": {"ko": "관계", "en": "Relation"},
})

PERSON_FIELDS = Catalog({
    "login": {"ko": "아이디", "en": "User name"},
    "name": {"ko": "이름", "en": "Name"},
    "email": {"ko": "이메일", "en": "E-mail"},
    "language": {"ko": "언어", "en": "Language"},
    "time_zone": {"ko": "시간대", "en": "Time zone"},
    "team": {"ko": "팀", "en": "Team"},
    "role": {"ko": "역할", "en": "Role"},
    "webhook": {"ko": "웹훅 주소", "en": "Webhook URL"},
    "code": {"ko": "팀 코드", "en": "Team code"},
})

LEVEL_KINDS = Catalog({
    "urgency": {"ko": "긴급도", "en": "urgency level"},
    "impact": {"ko": "영향도", "en": "impact level"},
    "grade": {"ko": "장애 등급", "en": "grade"},
})

USAGE_LABELS = Catalog({
    "open_incidents": {"ko": "열린 장애 {n}건", "en": "{n} open incident(s)"},
    "closed_incidents": {"ko": "종결·취소된 장애(이력으로 보존)", "en": "finished incidents (kept as history)"},
    "problems": {"ko": "문제 {n}건", "en": "{n} problem(s)"},
    "applications": {"ko": "구성 항목 {n}개", "en": "{n} configuration item(s)"},
})

WEEKDAY_NAMES = Catalog({
    "mon": {"ko": "월요일", "en": "Monday"},
    "tue": {"ko": "화요일", "en": "Tuesday"},
    "wed": {"ko": "수요일", "en": "Wednesday"},
    "thu": {"ko": "목요일", "en": "Thursday"},
    "fri": {"ko": "금요일", "en": "Friday"},
    "sat": {"ko": "토요일", "en": "Saturday"},
    "sun": {"ko": "일요일", "en": "Sunday"},
})

PROCESS_LABELS = Catalog({
    "incident": {"ko": "장애", "en": "Incident"},
    "problem": {"ko": "문제", "en": "Problem"},
    "change": {"ko": "변경", "en": "Change"},
    "work_order": {"ko": "작업 지시", "en": "Work order"},
})

REFUSALS = Catalog({
    "state_in_use": {
        "ko": (
            "상태 '{state}'을(를) 뺄 수 없습니다: 열린 건 {count}건이 이 상태에 있습니다 ({numbers}). 먼저 이 "
            "건들을 다른 상태로 옮기거나 종결하세요."
        ),
        "en": (
            "State '{state}' cannot be removed: {count} open case(s) are in it ({numbers}). Move or close them "
            "first."
        ),
    },
    "unchanged": {
        "ko": "현재 사용 중인 버전 {version}과(와) 같습니다. 저장할 변경이 없습니다.",
        "en": "This is the same as version {version}, which is in force: nothing to save.",
    },
    "same_as_version": {
        "ko": "버전 {version}과(와) 같은 내용입니다. 새로 저장하지 말고 버전 {version}을(를) 다시 사용하세요.",
        "en": "This is the same as version {version}: re-activate version {version} instead of saving a copy.",
    },
    "stale": {
        "ko": (
            "그 사이 {who}님이 {when}에 버전 {version}을(를) 적용했습니다. 최신 버전을 다시 불러온 뒤 변경하세요. "
            "입력한 내용은 그대로 남아 있습니다."
        ),
        "en": (
            "{who} put version {version} in force at {when} in the meantime. Reload it and apply your change again; "
            "what you typed is kept."
        ),
    },
    "already_active": {
        "ko": "버전 {version}은(는) 이미 사용 중입니다.",
        "en": "Version {version} is already in force.",
    },
    "unknown_process": {"ko": "알 수 없는 프로세스 '{kind}'", "en": "unknown process '{kind}'"},
    "shipped_changed": {
        "ko": "그 사이 Beacon이 제공하는 기본 프로세스 파일이 바뀌었습니다. 화면을 다시 불러와 새 차이를 확인하세요.",
        "en": "The default process file Beacon ships changed in the meantime. Reload to see the new difference.",
    },
})

# A dry run and a comparison of an edited process (`process_trial.py`).
TRIAL_TEXTS = Catalog({
    "relation.reporter": {"ko": "@등록자", "en": "@reporter"},
    "relation.assignee": {"ko": "@담당자", "en": "@assignee"},
    "relation.owner": {"ko": "@소유자", "en": "@owner"},
    "reason.reporter": {"ko": "등록자", "en": "the reporter"},
    "reason.assignee": {"ko": "담당자", "en": "the assignee"},
    "reason.parent_assignee": {"ko": "상위 건 담당자", "en": "the parent case's assignee"},
    "reason.issuer": {"ko": "작업 지시자", "en": "who issued the work order"},
    "reason.manual_add": {"ko": "전파 그룹에 수동 추가됨", "en": "added to the propagation group by hand"},
    "reason.primary_handler": {"ko": "업무시스템 주담당자", "en": "primary handler of the application"},
    "reason.second_line": {"ko": "2선 담당자", "en": "second line"},
    "reason.team_lead": {"ko": "담당 팀장", "en": "team lead"},
    "reason.department_head": {"ko": "부서장", "en": "department head"},
    "note.no_application": {
        "ko": "업무시스템을 고르면 전파 그룹이 보입니다",
        "en": "pick an application to see its propagation group",
    },
    "note.reporter": {"ko": "등록자에게도 알립니다", "en": "the reporter is told as well"},
    "note.second_line": {
        "ko": "상위 건 업무시스템의 2선 담당자 (작업 지시를 낼 때 정해짐)",
        "en": "the second line of the parent's application (known when the work order is issued)",
    },
    "note.parent": {
        "ko": "상위 건 담당자와 작업 지시자 (실제 작업 지시에서 정해짐)",
        "en": "the parent's assignee and the issuer (known on a real work order)",
    },
    "flag.initial": {"ko": "시작 상태", "en": "initial"},
    "flag.final": {"ko": "최종 상태", "en": "final"},
    "flag.pauses_sla": {"ko": "SLA 정지", "en": "pauses SLA"},
    "flag.stage": {"ko": "{stage}단계", "en": "stage {stage}"},
    "flag.none": {"ko": "표시 없음", "en": "no marks"},
    "stays": {"ko": "(상태 유지)", "en": "(stays)"},
    "stamp.accepted_at": {"ko": "접수 시각", "en": "accepted at"},
    "stamp.resolved_at": {"ko": "해결 시각", "en": "resolved at"},
    "stamp.closed_at": {"ko": "종결 시각", "en": "closed at"},
    "stamp.cancelled_at": {"ko": "취소 시각", "en": "cancelled at"},
    "stamp.known_error_at": {"ko": "알려진 오류 등록 시각", "en": "known error at"},
    "stamp.approved_at": {"ko": "승인 시각", "en": "approved at"},
    "stamp.implemented_at": {"ko": "구현 시각", "en": "implemented at"},
    "stamp.reviewed_at": {"ko": "검토 시각", "en": "reviewed at"},
    "stamp.started_at": {"ko": "작업 시작 시각", "en": "started at"},
    "stamp.finished_at": {"ko": "작업 종료 시각", "en": "finished at"},
    "new_case": {"ko": "(새 건)", "en": "(new case)"},
    "compare.stuck": {
        "ko": "열린 건 {count}건이 이 버전에서 빠지는 상태 '{state}'에 있습니다: {numbers}",
        "en": "{count} open case(s) are in a state this version removes ('{state}'): {numbers}",
    },
    "compare.state_added": {"ko": "상태 추가: {state} ({flags})", "en": "State added: {state} ({flags})"},
    "compare.state_removed": {"ko": "상태 삭제: {state}", "en": "State removed: {state}"},
    "compare.state_renamed": {"ko": "상태 이름 변경: {old} → {new}", "en": "State renamed: {old} → {new}"},
    "compare.state_flags": {
        "ko": "상태 '{state}' 표시 변경: {old} → {new}",
        "en": "State '{state}' marks changed: {old} → {new}",
    },
    "compare.transition_added": {
        "ko": "전이 추가: {transition} ({path}, 실행: {roles})",
        "en": "Transition added: {transition} ({path}, fired by {roles})",
    },
    "compare.transition_removed": {
        "ko": "전이 삭제: {transition} ({path})",
        "en": "Transition removed: {transition} ({path})",
    },
    "compare.transition_renamed": {"ko": "전이 이름 변경: {old} → {new}", "en": "Transition renamed: {old} → {new}"},
    "compare.sources_added": {
        "ko": "'{transition}'을(를) 이제 이 상태에서도 할 수 있음: {names}",
        "en": "'{transition}' may now be taken from {names}",
    },
    "compare.sources_removed": {
        "ko": "'{transition}'을(를) 더는 이 상태에서 할 수 없음: {names}",
        "en": "'{transition}' may no longer be taken from {names}",
    },
    "compare.target_changed": {
        "ko": "'{transition}' 도착 상태 변경: {old} → {new}",
        "en": "'{transition}' now leads to {new} (was {old})",
    },
    "compare.roles_added": {
        "ko": "'{transition}' 실행 역할 추가: {names}",
        "en": "'{transition}' may now be fired by {names}",
    },
    "compare.roles_removed": {
        "ko": "'{transition}' 실행 역할 삭제: {names}",
        "en": "'{transition}' no longer fired by {names}",
    },
    "compare.required_added": {
        "ko": "'{transition}' 필수 필드 추가: {names}",
        "en": "'{transition}' now requires {names}",
    },
    "compare.required_removed": {
        "ko": "'{transition}' 필수 필드 삭제: {names}",
        "en": "'{transition}' no longer requires {names}",
    },
    "compare.optional_added": {
        "ko": "'{transition}' 선택 필드 추가: {names}",
        "en": "'{transition}' now offers {names}",
    },
    "compare.optional_removed": {
        "ko": "'{transition}' 선택 필드 삭제: {names}",
        "en": "'{transition}' no longer offers {names}",
    },
    "compare.effects_added": {"ko": "'{transition}' 효과 추가: {names}", "en": "'{transition}' now runs: {names}"},
    "compare.effects_removed": {
        "ko": "'{transition}' 효과 삭제: {names}",
        "en": "'{transition}' no longer runs: {names}",
    },
    "compare.stamp_added": {"ko": "'{transition}' 시각 기록 추가: {names}", "en": "'{transition}' now stamps {names}"},
    "compare.stamp_removed": {
        "ko": "'{transition}' 시각 기록 삭제: {names}",
        "en": "'{transition}' no longer stamps {names}",
    },
    "compare.clear_added": {"ko": "'{transition}' 시각 지움 추가: {names}", "en": "'{transition}' now clears {names}"},
    "compare.clear_removed": {
        "ko": "'{transition}' 시각 지움 삭제: {names}",
        "en": "'{transition}' no longer clears {names}",
    },
    "compare.operation_added": {"ko": "작업 추가: {operation}", "en": "Operation added: {operation}"},
    "compare.operation_removed": {"ko": "작업 삭제: {operation}", "en": "Operation removed: {operation}"},
})

# Shipped upgrades, export and import of process files (`process_files.py`).
FILE_TEXTS = Catalog({
    "ignore_shipped": {"ko": "기본 프로세스 업그레이드 무시", "en": "Ignore a shipped process upgrade"},
    "import_process": {"ko": "프로세스 가져오기", "en": "Import a process"},
})

# Editing a process on its diagram (`process_edit.py`): edits refused, and problems only the editor names.
EDITS = Catalog({
    "initial_kept": {
        "ko": "'{state}'은(는) 건이 처음 들어가는 상태라서 뺄 수 없습니다",
        "en": "'{state}' is where every case starts, so it cannot be removed",
    },
    "creation_kept": {
        "ko": "'{transition}'은(는) 건을 만드는 전이라서 뺄 수 없습니다",
        "en": "'{transition}' is the transition that creates a case, so it cannot be removed",
    },
    "no_such_state": {"ko": "상태 '{name}'이(가) 없습니다", "en": "there is no state '{name}'"},
    "no_such_transition": {"ko": "전이 '{name}'이(가) 없습니다", "en": "there is no transition '{name}'"},
    "label_needed": {"ko": "한국어 이름과 영어 이름을 모두 입력하세요", "en": "give both a Korean and an English name"},
    "bad_stage": {"ko": "단계는 1 이상의 정수여야 합니다", "en": "a stage is a whole number from 1"},
    "nobody_may_fire": {
        "ko": "이 전이를 실행할 수 있는 역할이 없습니다",
        "en": "no role may fire this transition",
    },
    "new_state": {"ko": "새 상태 {number}", "en": "New state {number}"},
    "new_transition": {"ko": "{target}(으)로", "en": "To {target}"},
    "relation.@reporter": {"ko": "등록자 (@reporter)", "en": "Who registered it (@reporter)"},
    "relation.@assignee": {"ko": "담당자 (@assignee)", "en": "Its assignee (@assignee)"},
    "relation.@owner": {"ko": "담당자 매트릭스의 사람 (@owner)", "en": "Anyone in its owner matrix (@owner)"},
    "stamp.accepted_at": {"ko": "접수 시각", "en": "Accepted at"},
    "stamp.resolved_at": {"ko": "해결 시각", "en": "Resolved at"},
    "stamp.closed_at": {"ko": "종결 시각", "en": "Closed at"},
    "stamp.cancelled_at": {"ko": "취소 시각", "en": "Cancelled at"},
    "stamp.known_error_at": {"ko": "알려진 오류 지정 시각", "en": "Known error at"},
    "stamp.approved_at": {"ko": "승인 시각", "en": "Approved at"},
    "stamp.implemented_at": {"ko": "구현 시각", "en": "Implemented at"},
    "stamp.reviewed_at": {"ko": "검토 시각", "en": "Reviewed at"},
    "stamp.started_at": {"ko": "작업 시작 시각", "en": "Started at"},
    "stamp.finished_at": {"ko": "작업 완료 시각", "en": "Finished at"},
    "required_and_optional": {
        "ko": "필드가 필수이면서 선택입니다: {fields}",
        "en": "fields both required and optional: {fields}",
    },
})

# Names the defaults seed (`defaults.py`): urgency and impact levels, grades, calendars, incident types.
DEFAULT_NAMES = Catalog({
    "level.high": {"ko": "높음", "en": "High"},
    "level.medium": {"ko": "보통", "en": "Medium"},
    "level.low": {"ko": "낮음", "en": "Low"},
    "grade.1": {"ko": "1등급 (긴급)", "en": "Grade 1 (critical)"},
    "grade.2": {"ko": "2등급 (높음)", "en": "Grade 2 (high)"},
    "grade.3": {"ko": "3등급 (보통)", "en": "Grade 3 (medium)"},
    "grade.4": {"ko": "4등급 (낮음)", "en": "Grade 4 (low)"},
    "calendar.24x7": {"ko": "연중무휴 (24×7)", "en": "Around the clock (24×7)"},
    "calendar.kr_business": {
        "ko": "평일 업무시간 (09–18시, 공휴일 제외)",
        "en": "Business hours (09–18 Mon–Fri, Korean holidays off)",
    },
    "incident_type.application": {"ko": "응용 장애", "en": "Application failure"},
    "incident_type.system": {"ko": "시스템 장애", "en": "System failure"},
    "incident_type.network": {"ko": "네트워크 장애", "en": "Network failure"},
    "incident_type.data": {"ko": "데이터 오류", "en": "Data error"},
    "incident_type.security": {"ko": "보안 사고", "en": "Security incident"},
    "incident_type.external": {"ko": "대외기관 장애", "en": "External party failure"},
})
