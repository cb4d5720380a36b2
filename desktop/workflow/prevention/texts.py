"""Every word the prevention wing shows a person, Korean and English side by side.

Keys carry the module's prefix (`changes.`, `reliability.`), so each prevention service keeps its own part.
"""

from __future__ import annotations

from desktop.i18n import Catalog

TEXTS = Catalog({
    # changes.py: "what changed?"
    "changes.same_application": {"ko": "같은 업무시스템", "en": "same application"},
    "changes.related_ci": {"ko": "관련 구성 항목 {ci} ({path})", "en": "related CI {ci} ({path})"},
    "changes.before": {"ko": "발생 {duration} 전", "en": "{duration} before it occurred"},
    "changes.before_registered": {"ko": "등록 {duration} 전 (발생 시각 미기재)",
                                  "en": "{duration} before it was registered (no occurrence time given)"},
    "changes.rel.runs_on": {"ko": "실행 기반", "en": "runs on"},
    "changes.rel.depends_on": {"ko": "의존", "en": "depends on"},
    "changes.rel.connects_to": {"ko": "연결", "en": "connects to"},
    "changes.rel.part_of": {"ko": "상위 항목", "en": "part of"},
    "changes.kind.change": {"ko": "변경", "en": "Change"},
    "changes.kind.work_order": {"ko": "작업 지시", "en": "Work order"},
    "changes.mark_suspected": {"ko": "의심 원인 지정", "en": "Mark suspected cause"},
    "changes.suspected_cause": {"ko": "의심 원인", "en": "Suspected cause"},
    "changes.not_in_list": {
        "ko": "이 장애 발생 전 {days}일 안에 같은 업무시스템이나 관련 구성 항목에서 완료된 변경·작업 지시가 아닙니다",
        "en": "not a change or work order completed on this incident's application or its related CIs in the "
              "{days} days before it",
    },
    # reliability.py
    "reliability.scope_application": {"ko": "업무시스템", "en": "Application"},
    "reliability.scope_ci": {"ko": "구성 항목", "en": "CI"},
})
