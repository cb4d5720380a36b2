"""Every word the notify wing shows a person: notice kinds, recipients' reasons, changed fields, SR targets.

Korean and English side by side (key → {"ko": ..., "en": ...}); the modules of this package hold
the keys. Templates name their `{placeholders}`, filled by `Catalog.pick`/`Catalog.pair`.
"""

from __future__ import annotations

from desktop.i18n import Catalog

TEXTS = Catalog({
    # propagation
    "propagation.change_propagation_group": {"ko": "전파 그룹 변경", "en": "Change propagation group"},
    # service_requests
    "service_requests.target_system": {"ko": "대상 시스템", "en": "Target system"},
    # outbox_admin: dead letters and SR target systems
    "outbox_admin.retry": {"ko": "발송 불가 건 재발송", "en": "Send dead letters again"},
    "outbox_admin.discard": {"ko": "발송 불가 건 폐기", "en": "Discard dead letters"},
    "outbox_admin.save_system": {"ko": "SR 대상 시스템 저장", "en": "Save an SR target system"},
    "outbox_admin.remove_system": {"ko": "SR 대상 시스템 삭제", "en": "Remove an SR target system"},
    "outbox_admin.name": {"ko": "시스템 이름", "en": "System name"},
    "outbox_admin.url": {"ko": "URL", "en": "URL"},
    "outbox_admin.method": {"ko": "HTTP 메서드", "en": "HTTP method"},
    "outbox_admin.headers": {"ko": "헤더", "en": "Headers"},
    "outbox_admin.secret_headers": {"ko": "비밀 헤더", "en": "Secret headers"},
    "outbox_admin.body": {"ko": "본문 템플릿 (JSON)", "en": "Body template (JSON)"},
    "outbox_admin.external_id": {"ko": "외부 ID 위치", "en": "External ID pointer"},
    "outbox_admin.status": {"ko": "상태 위치", "en": "Status pointer"},
    "outbox_admin.name_rule": {"ko": "1~100자여야 합니다", "en": "must be 1 to 100 characters"},
    "outbox_admin.url_rule": {"ko": "http:// 또는 https:// 로 시작하는 주소여야 합니다",
                              "en": "must be an address starting with http:// or https://"},
    "outbox_admin.one_of": {"ko": "다음 중 하나여야 합니다: {allowed}", "en": "must be one of {allowed}"},
    "outbox_admin.header_rule": {"ko": "헤더 '{header}'의 이름이나 값이 올바르지 않습니다 (콜론·공백·줄바꿈 불가)",
                                 "en": "header '{header}' has a bad name or value (no colon, space or line break)"},
    "outbox_admin.json_rule": {"ko": "JSON이 아닙니다 ({reason})", "en": "is not JSON ({reason})"},
    "outbox_admin.pointer_rule": {"ko": "/로 시작하는 JSON 포인터여야 합니다 (예: /result/number)",
                                  "en": "must be a JSON pointer starting with / (e.g. /result/number)"},
    "service_requests.not_a_system": {
        "ko": "'{name}'은(는) 등록된 시스템이 아닙니다 (등록된 시스템: {names})",
        "en": "'{name}' is not a configured system (configured: {names})",
    },
    "service_requests.system_name": {"ko": "시스템 이름 → {\"url\": ...} 객체", "en": "system name → {\"url\": ...}"},
})

KIND_LABELS = Catalog({
    "assigned": {"ko": "장애 배정", "en": "Incident assigned to you"},
    "registered": {"ko": "장애 등록", "en": "Incident registered"},
    "accepted": {"ko": "장애 접수", "en": "Incident accepted"},
    "regraded": {"ko": "장애 등급 변경", "en": "Incident grade changed"},
    "closed": {"ko": "장애 종결", "en": "Incident closed"},
    "cancelled": {"ko": "장애 취소", "en": "Incident cancelled"},
    "reopened": {"ko": "장애 재처리", "en": "Incident reopened"},
    "work_order_issued": {"ko": "작업 지시", "en": "Work order issued to you"},
    "work_order_start": {"ko": "작업 시작", "en": "Work order started"},
    "work_order_complete": {"ko": "작업 완료", "en": "Work order completed"},
    "work_order_return": {"ko": "작업 반송", "en": "Work order returned"},
    "sla_warning": {"ko": "SLA 임박 경고", "en": "SLA warning"},
    "sla_breach": {"ko": "SLA 위반", "en": "SLA breached"},
    "major_incident_warning": {"ko": "대형 장애 조기 경보", "en": "Major incident early warning"},
})

REASON_LABELS = Catalog({
    "primary_handler": {"ko": "업무시스템 주담당자", "en": "primary handler of the application"},
    "second_line": {"ko": "2선 담당자", "en": "second line"},
    "team_lead": {"ko": "담당 팀장", "en": "team lead"},
    "department_head": {"ko": "부서장", "en": "department head"},
    "manual_add": {"ko": "전파 그룹에 수동 추가됨", "en": "added to the propagation group by hand"},
    "reporter": {"ko": "등록자", "en": "you registered it"},
    "assignee": {"ko": "담당자", "en": "you are the assignee"},
    "parent_assignee": {"ko": "원 장애 담당자", "en": "assignee of the parent case"},
    "issuer": {"ko": "작업 지시자", "en": "you issued it"},
})

FIELD_LABELS = Catalog({
    "number": {"ko": "번호", "en": "Number"},
    "title": {"ko": "제목", "en": "Title"},
    "application": {"ko": "업무시스템", "en": "Application"},
    "grade": {"ko": "등급", "en": "Grade"},
    "state": {"ko": "상태", "en": "State"},
    "actor": {"ko": "처리자", "en": "By"},
    "at": {"ko": "일시", "en": "When"},
    "note": {"ko": "내용", "en": "Note"},
    "reason": {"ko": "수신 사유", "en": "Why you get this"},
})


# What the wing's effects do (`engine.effects.describe`).
EFFECT_DESCRIPTIONS = Catalog({
    "propagate": {
        "ko": "업무시스템의 전파 그룹(과 상태 변화는 등록자)에게 즉시 알립니다",
        "en": "tells the application's propagation group at once (and the reporter of status changes)",
    },
})
