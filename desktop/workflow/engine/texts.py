"""Every word the engine shows a person: field labels, role names, value checks, process-definition problems.

Korean and English side by side (key → {"ko": ..., "en": ...}); the modules of this package hold
the keys. Templates name their `{placeholders}`, filled by `Catalog.pick`/`Catalog.pair`.
"""

from __future__ import annotations

from desktop.i18n import Catalog

TEXTS = Catalog({
    # engine
    "engine.not_valid_reference": {"ko": "번호가 올바르지 않습니다", "en": "not a valid reference"},
    "engine.must_text": {"ko": "글자로 입력하세요", "en": "must be text"},
    "engine.at_most_characters": {"ko": "{title_max}자 이내로 입력하세요", "en": "at most {title_max} characters"},
    "engine.must_be_yes_or_no": {"ko": "예/아니오 값이어야 합니다", "en": "must be yes or no"},
    "engine.must_date_and_time": {"ko": "일시여야 합니다", "en": "must be a date and time"},
    "engine.unknown_urgency": {"ko": "알 수 없는 긴급도 {value}", "en": "unknown urgency {value}"},
    "engine.unknown_grade": {"ko": "알 수 없는 등급 {value}", "en": "unknown grade {value}"},
    "engine.must_list": {"ko": "목록이어야 합니다", "en": "must be a list"},
    "engine.allowed": {"ko": "가능한 값: {allowed}", "en": "allowed: {allowed}"},
    # fields
    "fields.note": {"ko": "의견", "en": "Note"},
    "fields.assignee": {"ko": "담당자", "en": "Assignee"},
    "fields.team": {"ko": "담당 팀", "en": "Team"},
    "fields.title": {"ko": "제목", "en": "Title"},
    "fields.description": {"ko": "내용", "en": "Description"},
    "fields.application": {"ko": "업무시스템", "en": "Application"},
    "fields.urgency": {"ko": "긴급도", "en": "Urgency"},
    "fields.incident_type": {"ko": "장애 유형", "en": "Incident type"},
    "fields.occurred_at": {"ko": "발생 일시", "en": "Occurred at"},
    "fields.parent_incident": {"ko": "상위 장애", "en": "Parent incident"},
    "fields.grade": {"ko": "장애 등급", "en": "Grade"},
    "fields.resolution": {"ko": "조치 결과 요약", "en": "Resolution"},
    "fields.cause": {"ko": "장애 원인", "en": "Cause"},
    "fields.result": {"ko": "처리 결과", "en": "Result"},
    "fields.follow_up_plan": {"ko": "향후 조치 계획", "en": "Follow-up plan"},
    "fields.recurrence_prevention": {"ko": "재발 방지 대책", "en": "Recurrence prevention"},
    "fields.cancel_reason": {"ko": "취소 사유", "en": "Cancel reason"},
    "fields.reason_for_grade_change": {"ko": "등급 변경 사유", "en": "Reason for the grade change"},
    "fields.duplicate_of": {"ko": "중복 대상 장애", "en": "Duplicate of"},
    "fields.follow_ups": {"ko": "후속 조치", "en": "Follow-ups"},
    "fields.also_close_open_child": {"ko": "하위 장애 함께 종결", "en": "Also close open child incidents"},
    "fields.assign_to_me": {"ko": "나에게 배정", "en": "Assign to me"},
    "fields.problem_grade": {"ko": "등급", "en": "Grade"},
    "fields.root_cause": {"ko": "근본 원인", "en": "Root cause"},
    "fields.workaround": {"ko": "임시 해결 방안", "en": "Workaround"},
    "fields.solution": {"ko": "해결 방안", "en": "Solution"},
    "fields.verification_result": {"ko": "결과 확인 내용", "en": "Verification result"},
    "fields.change_type": {"ko": "변경 유형", "en": "Change type"},
    "fields.requested_from": {"ko": "요청 원천", "en": "Requested from"},
    "fields.planned_start": {"ko": "계획 시작", "en": "Planned start"},
    "fields.planned_end": {"ko": "계획 종료", "en": "Planned end"},
    "fields.implementation_plan": {"ko": "구현 계획", "en": "Implementation plan"},
    "fields.rollback_plan": {"ko": "복구 계획", "en": "Rollback plan"},
    "fields.review_result": {"ko": "검토 결과", "en": "Review result"},
    "fields.reason_for_rejection": {"ko": "반려 사유", "en": "Reason for rejection"},
    "fields.issued_from": {"ko": "지시 원천", "en": "Issued from"},
    "fields.instructions": {"ko": "작업 내용", "en": "Instructions"},
    "fields.due": {"ko": "완료 기한", "en": "Due"},
    "fields.work_result": {"ko": "작업 결과", "en": "Result"},
    "fields.reason_for_return": {"ko": "반송 사유", "en": "Reason for return"},
    # process
    "process.process_version": {"ko": "프로세스 버전", "en": "Process version"},
})
# Names of the roles (`roles.ROLES`).
ROLE_NAMES = Catalog({
    "customer": {"ko": "고객", "en": "Customer"},
    "handler": {"ko": "장애 담당자", "en": "Incident handler"},
    "primary_handler": {"ko": "주담당자", "en": "Primary handler"},
    "second_line": {"ko": "2선 담당자", "en": "Second line"},
    "team_lead": {"ko": "팀장", "en": "Team lead"},
    "department_head": {"ko": "부서장", "en": "Department head"},
    "problem_manager": {"ko": "문제 관리자", "en": "Problem manager"},
    "change_manager": {"ko": "변경 관리자", "en": "Change manager"},
    "admin": {"ko": "관리자", "en": "Administrator"},
})

# What a closer may ask for at closure, as named on the close dialog (`process.FOLLOW_UP_KINDS`).
FOLLOW_UP_NAMES = Catalog({
    "problem": {"ko": "문제 등록", "en": "Problem"},
    "change": {"ko": "변경 요청", "en": "Change request"},
    "service_request": {"ko": "타 시스템 SR", "en": "SR to another system"},
})

PROBLEMS = Catalog({
    "unreadable": {"ko": "파일을 읽을 수 없습니다 ({reason})", "en": "cannot read the file ({reason})"},
    "bad_toml": {"ko": "TOML 문법 오류: {reason}", "en": "TOML syntax error: {reason}"},
    "missing": {"ko": "필수 항목이 없습니다", "en": "required key is missing"},
    "bad_type": {"ko": "{expected} 값이어야 합니다", "en": "must be {expected}"},
    "unknown_kind": {
        "ko": "알 수 없는 종류 '{value}' (가능: {allowed})",
        "en": "unknown kind '{value}' (allowed: {allowed})",
    },
    "unknown_state": {"ko": "존재하지 않는 상태 '{value}'", "en": "unknown state '{value}'"},
    "unknown_effect": {"ko": "존재하지 않는 효과 '{value}'", "en": "unknown effect '{value}'"},
    "unknown_role": {"ko": "존재하지 않는 역할 '{value}'", "en": "role '{value}' does not exist"},
    "unknown_field": {"ko": "이 프로세스에 없는 필드 '{value}'", "en": "unknown field '{value}' for this process"},
    "unknown_stamp": {
        "ko": "기록할 수 없는 시각 필드 '{value}'",
        "en": "'{value}' is not a timestamp this process has",
    },
    "unknown_follow_up": {"ko": "알 수 없는 후속 조치 '{value}'", "en": "unknown follow-up '{value}'"},
    "no_initial": {
        "ko": "초기 상태(initial = true)가 하나 있어야 합니다 (찾은 수: {count})",
        "en": "exactly one state must be initial (found {count})",
    },
    "no_creation": {
        "ko": "생성 전이(from = [])가 하나 있어야 하고 초기 상태로 가야 합니다",
        "en": "exactly one creating transition (from = []) must lead to the initial state",
    },
    "unreachable": {
        "ko": "상태 '{value}'에 도달하는 전이가 없습니다",
        "en": "state '{value}' cannot be reached from the initial state",
    },
    "dead_end": {
        "ko": "최종 상태가 아닌 '{value}'에서 나가는 전이가 없습니다",
        "en": "non-final state '{value}' has no way out",
    },
    "no_label": {
        "ko": "한국어와 영어 이름(label = {{ ko = ..., en = ... }})이 필요합니다",
        "en": "needs Korean and English labels (label = {{ ko = ..., en = ... }})",
    },
    "wrong_process": {
        "ko": "이 정의는 '{expected}' 프로세스여야 합니다 ('{value}'이(가) 적혀 있음)",
        "en": "this definition must be for the '{expected}' process (it says '{value}')",
    },
    "no_final": {"ko": "최종 상태(final = true)가 하나 이상 있어야 합니다", "en": "at least one state must be final"},
})
