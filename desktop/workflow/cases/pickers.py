"""Choosing a case to link to: the problems an incident may join, the incidents that may be its parent.

Each search matches a number, a title (and for problems the root cause) and returns small rows, newest
first, bounded by `limit`; the picker in the view shows them and the case services do the linking.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.models import Case, Grade, Incident, Problem
from desktop.workflow.cases.queries import _contains, can_view
from desktop.workflow.common.actors import load_actor
from desktop.workflow.engine.process import final_states, open_states, state_label

PICK_LIMIT = 50


@dataclass(frozen=True)
class CaseChoice:
    """One row of a picker."""

    case_id: int
    number: str
    title: str
    state: str
    state_label: dict[str, str]
    known_error: bool = False
    root_cause: str = ""
    grade: str = ""
    grade_en: str = ""
    grade_color: str = ""


def problem_choices(*, actor_id: int, text: str = "", limit: int = PICK_LIMIT) -> list[CaseChoice]:
    """Open problems and known errors (a closed known error still explains new incidents), searched by
    number, title and root cause."""
    actor = load_actor(actor_id)
    query = (Problem.select(Problem, Case.id, Case.number).join(Case, on=(Problem.case == Case.id))
             .where(Problem.state.in_(open_states("problem")) | (Problem.is_known_error == True)))  # noqa: E712
    words = text.strip()
    if words:
        query = query.where(_contains([Case.number, Problem.title, Problem.root_cause], words))
    out = []
    for row in query.order_by(Problem.is_known_error.desc(), Problem.registered_at.desc()).limit(limit):
        if not can_view(actor, "problem", row):
            continue
        out.append(CaseChoice(case_id=row.case.id, number=row.case.number, title=row.title, state=row.state,
                              state_label=_labels("problem", row.state), known_error=bool(row.is_known_error),
                              root_cause=row.root_cause or ""))
    return out


def parent_choices(*, actor_id: int, case_id: int, text: str = "", limit: int = PICK_LIMIT) -> list[CaseChoice]:
    """Open incidents that may become this incident's parent (a major incident): not itself, not a child of
    another, searched by number and title; the most severe first."""
    actor = load_actor(actor_id)
    query = (Incident.select(Incident, Case.id, Case.number, Grade.id, Grade.level, Grade.name, Grade.name_en,
                             Grade.color)
             .join(Case, on=(Incident.case == Case.id))
             .switch(Incident).join(Grade, on=(Incident.grade == Grade.id))
             .where(Incident.state.not_in(final_states("incident")) & (Incident.case != case_id)
                    & Incident.parent.is_null()))
    words = text.strip()
    if words:
        query = query.where(_contains([Case.number, Incident.title], words))
    out = []
    for row in query.order_by(Grade.level, Incident.registered_at.desc()).limit(limit):
        if not can_view(actor, "incident", row):
            continue
        out.append(CaseChoice(case_id=row.case.id, number=row.case.number, title=row.title, state=row.state,
                              state_label=_labels("incident", row.state), grade=row.grade.name,
                              grade_en=row.grade.name_en, grade_color=row.grade.color))
    return out


def _labels(kind: str, state: str) -> dict[str, str]:
    return {"ko": state_label(kind, state, "ko"), "en": state_label(kind, state, "en")}
