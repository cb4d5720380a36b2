"""The fields a process definition may name, per kind of case.

A field is a column of the case's table (`column`) or a virtual value that an
effect consumes (`column=None`), such as the reason for a grade change.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FieldSpec:
    """One field: its type, its column (None for virtual), its labels."""

    name: str
    type: str  # text | longtext | user | team | application | urgency | grade | datetime | bool | case | list
    ko: str
    en: str
    column: str | None = None


def _col(name: str, type_: str, ko: str, en: str) -> FieldSpec:
    return FieldSpec(name, type_, ko, en, column=name)


def _virtual(name: str, type_: str, ko: str, en: str) -> FieldSpec:
    return FieldSpec(name, type_, ko, en, column=None)


_COMMON = [
    _virtual("note", "longtext", "의견", "Note"),
    _col("assignee", "user", "담당자", "Assignee"),
    _col("assigned_team", "team", "담당 팀", "Team"),
]

FIELDS: dict[str, dict[str, FieldSpec]] = {
    "incident": {f.name: f for f in [
        *_COMMON,
        _col("title", "text", "제목", "Title"),
        _col("description", "longtext", "내용", "Description"),
        _col("application", "application", "업무시스템", "Application"),
        _col("urgency", "urgency", "긴급도", "Urgency"),
        _col("incident_type", "choice", "장애 유형", "Incident type"),
        _col("occurred_at", "datetime", "발생 일시", "Occurred at"),
        _col("parent", "case", "상위 장애", "Parent incident"),
        _col("grade", "grade", "장애 등급", "Grade"),
        _col("resolution", "longtext", "조치 결과 요약", "Resolution"),
        _col("cause", "longtext", "장애 원인", "Cause"),
        _col("result", "longtext", "처리 결과", "Result"),
        _col("follow_up_plan", "longtext", "향후 조치 계획", "Follow-up plan"),
        _col("recurrence_prevention", "longtext", "재발 방지 대책", "Recurrence prevention"),
        _col("cancel_reason", "longtext", "취소 사유", "Cancel reason"),
        _virtual("grade_reason", "longtext", "등급 변경 사유", "Reason for the grade change"),
        _virtual("duplicate_of", "case", "중복 대상 장애", "Duplicate of"),
        _virtual("follow_ups", "list", "후속 조치", "Follow-ups"),
        _virtual("confirm_open_children", "bool", "하위 장애 함께 종결", "Also close open child incidents"),
    ]},
    "problem": {f.name: f for f in [
        *_COMMON,
        _col("title", "text", "제목", "Title"),
        _col("description", "longtext", "내용", "Description"),
        _col("application", "application", "업무시스템", "Application"),
        _col("grade", "grade", "등급", "Grade"),
        _col("root_cause", "longtext", "근본 원인", "Root cause"),
        _col("workaround", "longtext", "임시 해결 방안", "Workaround"),
        _col("solution", "longtext", "해결 방안", "Solution"),
        _col("verification_result", "longtext", "결과 확인 내용", "Verification result"),
        _col("cancel_reason", "longtext", "취소 사유", "Cancel reason"),
    ]},
    "change": {f.name: f for f in [
        *_COMMON,
        _col("title", "text", "제목", "Title"),
        _col("description", "longtext", "내용", "Description"),
        _col("change_type", "choice", "변경 유형", "Change type"),
        _col("parent", "case", "요청 원천", "Requested from"),
        _col("application", "application", "업무시스템", "Application"),
        _col("planned_start", "datetime", "계획 시작", "Planned start"),
        _col("planned_end", "datetime", "계획 종료", "Planned end"),
        _col("implementation_plan", "longtext", "구현 계획", "Implementation plan"),
        _col("rollback_plan", "longtext", "복구 계획", "Rollback plan"),
        _col("review_result", "longtext", "검토 결과", "Review result"),
        _col("reject_reason", "longtext", "반려 사유", "Reason for rejection"),
    ]},
    "work_order": {f.name: f for f in [
        *_COMMON,
        _col("parent", "case", "지시 원천", "Issued from"),
        _col("title", "text", "제목", "Title"),
        _col("instructions", "longtext", "작업 내용", "Instructions"),
        _col("due_at", "datetime", "완료 기한", "Due"),
        _col("result", "longtext", "작업 결과", "Result"),
        _col("return_reason", "longtext", "반송 사유", "Reason for return"),
    ]},
}

# Timestamp columns a transition may stamp with "now" or clear.
STAMPS: dict[str, frozenset[str]] = {
    "incident": frozenset({"accepted_at", "resolved_at", "closed_at", "cancelled_at"}),
    "problem": frozenset({"known_error_at", "closed_at"}),
    "change": frozenset({"approved_at", "implemented_at", "reviewed_at", "closed_at"}),
    "work_order": frozenset({"started_at", "finished_at"}),
}
