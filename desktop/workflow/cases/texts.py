"""Every word the cases wing shows a person: list columns, SLA states, case services' and effects' messages.

Korean and English side by side (key → {"ko": ..., "en": ...}); the modules of this package hold
the keys. Templates name their `{placeholders}`, filled by `Catalog.pick`/`Catalog.pair`.
"""

from __future__ import annotations

from desktop.i18n import Catalog

TEXTS = Catalog({
    # case_service
    "case_service.log_action": {"ko": "조치 내역 등록", "en": "Log action"},
    "case_service.action_text": {"ko": "내용", "en": "Text"},
    "case_service.kind": {"ko": "조치 구분", "en": "Kind"},
    "case_service.minutes_spent": {"ko": "소요 시간", "en": "Minutes spent"},
    "case_service.must_not_negative": {"ko": "0 이상이어야 합니다", "en": "must not be negative"},
    "case_service.link_problem": {"ko": "문제 연결", "en": "Link problem"},
    "case_service.existing_or_new_problem": {"ko": "기존 문제 또는 새 문제", "en": "an existing or a new problem"},
    "case_service.case": {"ko": "건", "en": "Case"},
    "case_service.change_propagation": {"ko": "전파 대상 변경", "en": "Change who is told"},
    "case_service.incident": {"ko": "장애", "en": "Incident"},
    "case_service.problem": {"ko": "문제", "en": "Problem"},
    # effects
    "effects.resolved_by_problem": {"ko": "문제 {number} 해결로 종결", "en": "Resolved by problem {number}"},
    "effects.managed_in_problem": {"ko": "문제 {number}에서 관리", "en": "Managed in problem {number}"},
    "effects.nobody_assigned": {
        "ko": "'{name}'에 주담당자도 담당 팀도 없어 아무에게도 배정하지 못했습니다.",
        "en": "'{name}' has neither a primary handler nor a team; nobody was assigned.",
    },
    "effects.duplicate_of": {"ko": "중복 대상 장애", "en": "Duplicate of"},
    "effects.name_another_incident": {"ko": "다른 장애를 지정하세요", "en": "name another incident"},
    "effects.requested_from": {"ko": "요청 원천", "en": "Requested from"},
    "effects.must_incident_or_problem": {"ko": "장애나 문제여야 합니다", "en": "must be an incident or a problem"},
    "effects.issued_from": {"ko": "지시 원천", "en": "Issued from"},
    "effects.assigned_to_team": {
        "ko": "'{name}'에 주담당자가 없어 담당 팀에 배정했습니다.",
        "en": "'{name}' has no primary handler; assigned to its team.",
    },
    "effects.follow_up": {"ko": "후속 조치", "en": "Follow-up"},
    "effects.title": {"ko": "제목", "en": "Title"},
    "effects.service_request": {"ko": "서비스 요청", "en": "Service request"},
    "effects.target_system": {"ko": "대상 시스템", "en": "Target system"},
    # list_format
    "list_format.over": {"ko": "{0} 초과", "en": "{0} over"},
    # saved_filters
    "saved_filters.filter_name": {"ko": "필터 이름", "en": "Filter name"},
    "saved_filters.save_filter": {"ko": "필터 저장", "en": "Save filter"},
    "saved_filters.name_too_long": {"ko": "{name_max}자 이하로 입력하세요", "en": "at most {name_max} characters"},
})

COLUMN_LABELS = Catalog({
    "number": {"ko": "번호", "en": "Number"},
    "grade": {"ko": "등급", "en": "Grade"},
    "title": {"ko": "제목", "en": "Title"},
    "application": {"ko": "업무시스템", "en": "Application"},
    "state": {"ko": "상태", "en": "State"},
    "assignee": {"ko": "담당자", "en": "Assignee"},
    "sla": {"ko": "해결 기한까지", "en": "Resolve within"},
    "registered_at": {"ko": "등록 일시", "en": "Registered"},
    "opened_at": {"ko": "등록 일시", "en": "Opened"},
    "parent": {"ko": "상위 건", "en": "Parent case"},
    "due_at": {"ko": "기한", "en": "Due"},
})

SLA_STATES = Catalog({
    "paused": {"ko": "일시 정지", "en": "Paused"},
    "met": {"ko": "준수", "en": "Met"},
    "missed": {"ko": "미준수", "en": "Missed"},
    "not_applicable": {"ko": "해당 없음 (취소)", "en": "N/A (cancelled)"},
})

# What each of the wing's effects does (`engine.effects.describe`), for the process editor and its dry run.
EFFECT_DESCRIPTIONS = Catalog({
    "grade_from_matrix": {
        "ko": "업무시스템에서 영향도를 가져오고 우선순위 매트릭스(긴급도 × 영향도)로 등급을 정합니다",
        "en": "takes the impact from the application and the grade from the priority matrix (urgency × impact)",
    },
    "assign_from_matrix": {
        "ko": "업무시스템의 주담당자에게 배정합니다 (없으면 담당 팀)",
        "en": "assigns the application's primary handler (else its team)",
    },
    "take_assignment": {
        "ko": "이 단계를 실행한 사람이 담당자가 됩니다",
        "en": "whoever takes the step becomes the assignee",
    },
    "regrade": {
        "ko": "등급을 바꾸고 변경 사유를 기록합니다",
        "en": "changes the grade and records the reason",
    },
    "reopen_window": {
        "ko": "종결 후 정해진 기간 안에만 재개를 허용하고 재개 횟수를 셉니다",
        "en": "allows a reopen only within the configured days after closure and counts it",
    },
    "link_duplicate": {
        "ko": "중복으로 취소한 장애를 원래 장애에 연결합니다",
        "en": "links a cancelled duplicate to the incident it duplicates",
    },
    "check_parent": {
        "ko": "상위(주요) 장애 아래에 등록할 수 있는지 확인합니다",
        "en": "checks that the case may sit under the named major incident",
    },
    "close_children": {
        "ko": "확인하면 주요 장애의 열린 하위 장애를 함께 종결합니다",
        "en": "closes a major incident's open children, once the closer confirms",
    },
    "follow_ups": {
        "ko": "종결할 때 요청한 후속 건(문제, 변경, 타 시스템 SR)을 만듭니다",
        "en": "creates the follow-up records asked for at closure (problem, change, SR)",
    },
    "assign_problem": {
        "ko": "담당자를 지정하지 않으면 등록한 사람이 문제 담당자가 됩니다",
        "en": "the person who registers a problem owns it unless someone else is named",
    },
    "mark_known_error": {
        "ko": "문제를 알려진 오류(known error)로 표시합니다",
        "en": "marks the problem as a known error",
    },
    "count_verification": {
        "ko": "결과 확인 횟수를 셉니다",
        "en": "counts the verification rounds",
    },
    "resolve_linked_incidents": {
        "ko": "문제를 종료하면 연결된 열린 장애를 함께 종결합니다 (설정에 따라)",
        "en": "closing the problem closes its open linked incidents (if the setting says so)",
    },
    "link_parent_change": {
        "ko": "장애나 문제에서 만든 변경을 원래 건에 연결합니다",
        "en": "links a change to the incident or problem it was raised from",
    },
    "record_approver": {
        "ko": "승인한 사람을 기록합니다",
        "en": "records who approved",
    },
    "assign_work_order": {
        "ko": "담당자 없는 작업 지시를 업무시스템의 2선 담당자에게 배정하고 알립니다",
        "en": "assigns a work order without an assignee to the application's second line and tells them",
    },
    "notify_parent": {
        "ko": "작업 지시의 진행을 상위 건에 기록하고 상위 건 담당자와 지시자에게 알립니다",
        "en": "records the work order's progress on its parent and tells the parent's handler and the issuer",
    },
})
