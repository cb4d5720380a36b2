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
