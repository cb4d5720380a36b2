"""The fields a process definition may name, per kind of case.

A field is a column of the case's table (`column`) or a virtual value that an
effect consumes (`column=None`), such as the reason for a grade change.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.workflow.engine.texts import TEXTS


@dataclass(frozen=True)
class FieldSpec:
    """One field: its type, its column (None for virtual), its labels."""

    name: str
    type: str  # text | longtext | user | team | application | urgency | grade | datetime | bool | case | list
    ko: str
    en: str
    column: str | None = None


def _col(name: str, type_: str, label: dict[str, str]) -> FieldSpec:
    return FieldSpec(name, type_, label["ko"], label["en"], column=name)


def _virtual(name: str, type_: str, label: dict[str, str]) -> FieldSpec:
    return FieldSpec(name, type_, label["ko"], label["en"], column=None)


_COMMON = [
    _virtual("note", "longtext", TEXTS.pair("fields.note")),
    _col("assignee", "user", TEXTS.pair("fields.assignee")),
    _col("assigned_team", "team", TEXTS.pair("fields.team")),
]

FIELDS: dict[str, dict[str, FieldSpec]] = {
    "incident": {f.name: f for f in [
        *_COMMON,
        _col("title", "text", TEXTS.pair("fields.title")),
        _col("description", "longtext", TEXTS.pair("fields.description")),
        _col("application", "application", TEXTS.pair("fields.application")),
        _col("urgency", "urgency", TEXTS.pair("fields.urgency")),
        _col("incident_type", "choice", TEXTS.pair("fields.incident_type")),
        _col("occurred_at", "datetime", TEXTS.pair("fields.occurred_at")),
        _col("parent", "case", TEXTS.pair("fields.parent_incident")),
        _col("grade", "grade", TEXTS.pair("fields.grade")),
        _col("resolution", "longtext", TEXTS.pair("fields.resolution")),
        _col("cause", "longtext", TEXTS.pair("fields.cause")),
        _col("result", "longtext", TEXTS.pair("fields.result")),
        _col("follow_up_plan", "longtext", TEXTS.pair("fields.follow_up_plan")),
        _col("recurrence_prevention", "longtext", TEXTS.pair("fields.recurrence_prevention")),
        _col("cancel_reason", "longtext", TEXTS.pair("fields.cancel_reason")),
        _virtual("grade_reason", "longtext", TEXTS.pair("fields.reason_for_grade_change")),
        _virtual("duplicate_of", "case", TEXTS.pair("fields.duplicate_of")),
        _virtual("follow_ups", "list", TEXTS.pair("fields.follow_ups")),
        _virtual("confirm_open_children", "bool", TEXTS.pair("fields.also_close_open_child")),
        _virtual("assign_to_me", "bool", TEXTS.pair("fields.assign_to_me")),
    ]},
    "problem": {f.name: f for f in [
        *_COMMON,
        _col("title", "text", TEXTS.pair("fields.title")),
        _col("description", "longtext", TEXTS.pair("fields.description")),
        _col("application", "application", TEXTS.pair("fields.application")),
        _col("grade", "grade", TEXTS.pair("fields.problem_grade")),
        _col("root_cause", "longtext", TEXTS.pair("fields.root_cause")),
        _col("workaround", "longtext", TEXTS.pair("fields.workaround")),
        _col("solution", "longtext", TEXTS.pair("fields.solution")),
        _col("verification_result", "longtext", TEXTS.pair("fields.verification_result")),
        _col("cancel_reason", "longtext", TEXTS.pair("fields.cancel_reason")),
    ]},
    "change": {f.name: f for f in [
        *_COMMON,
        _col("title", "text", TEXTS.pair("fields.title")),
        _col("description", "longtext", TEXTS.pair("fields.description")),
        _col("change_type", "choice", TEXTS.pair("fields.change_type")),
        _col("parent", "case", TEXTS.pair("fields.requested_from")),
        _col("application", "application", TEXTS.pair("fields.application")),
        _col("planned_start", "datetime", TEXTS.pair("fields.planned_start")),
        _col("planned_end", "datetime", TEXTS.pair("fields.planned_end")),
        _col("implementation_plan", "longtext", TEXTS.pair("fields.implementation_plan")),
        _col("rollback_plan", "longtext", TEXTS.pair("fields.rollback_plan")),
        _col("review_result", "longtext", TEXTS.pair("fields.review_result")),
        _col("reject_reason", "longtext", TEXTS.pair("fields.reason_for_rejection")),
    ]},
    "work_order": {f.name: f for f in [
        *_COMMON,
        _col("parent", "case", TEXTS.pair("fields.issued_from")),
        _col("title", "text", TEXTS.pair("fields.title")),
        _col("instructions", "longtext", TEXTS.pair("fields.instructions")),
        _col("due_at", "datetime", TEXTS.pair("fields.due")),
        _col("result", "longtext", TEXTS.pair("fields.work_result")),
        _col("return_reason", "longtext", TEXTS.pair("fields.reason_for_return")),
    ]},
}

# Timestamp columns a transition may stamp with "now" or clear.
STAMPS: dict[str, frozenset[str]] = {
    "incident": frozenset({"accepted_at", "resolved_at", "closed_at", "cancelled_at"}),
    "problem": frozenset({"known_error_at", "closed_at"}),
    "change": frozenset({"approved_at", "implemented_at", "reviewed_at", "closed_at"}),
    "work_order": frozenset({"started_at", "finished_at"}),
}
