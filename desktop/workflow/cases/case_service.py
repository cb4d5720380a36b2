"""Services the GUI and CLI call to change cases: typed, keyword-only, one transaction each.

Transitions go through the engine; operations that do not move a case
(actions, comments, links, parent) check the process definition's operations
and append their own events here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from desktop.errors import BeaconError
from desktop.models import Action, Case, CaseLink, Event, Incident, database, utcnow
from desktop.models.versioning import update_versioned
from desktop.workflow.cases.effects import validate_parent
from desktop.workflow.cases.texts import TEXTS
from desktop.workflow.common.actors import Actor, load_actor
from desktop.workflow.common.cases import OPENED_AT_COLUMN, as_utc_naive, load_row
from desktop.workflow.engine.engine import (
    FireResult,
    fire,
    fire_in_transaction,
    may_fire,
    may_operate,
    require_operation,
    validate_fields,
)
from desktop.workflow.engine.process import OperationDef, TransitionDef, active_version, case_definition
from desktop.workflow.sla.calendars import floor_minute

ACTION_KINDS = ("note", "investigation", "fix", "contact", "workaround", "comment")
# How far ahead of this machine's clock a back-dating client's clock may run.
CLOCK_SKEW = timedelta(minutes=1)


# --- generic -------------------------------------------------------------------------

def transition(*, actor_id: int, case_id: int, name: str, version: int | None,
               fields: dict[str, Any] | None = None, now: datetime | None = None) -> FireResult:
    """Fire any transition of a case's process (the GUI's buttons come from `available_transitions`)."""
    case = Case.get_or_none(Case.id == case_id)
    kind = case.kind if case is not None else "incident"  # an unknown id is refused by fire()
    return fire(kind, name, actor_id=actor_id, case_id=case_id, fields=fields, expected_version=version, now=now)


def available_transitions(*, actor_id: int, case_id: int) -> list[TransitionDef]:
    """The transitions this user may fire on this case now, in definition order."""
    actor = load_actor(actor_id)
    kind, row = load_row(case_id)
    return [t for t in case_definition(kind, row).transitions.values() if may_fire(actor, kind, row, t)]


def available_operations(*, actor_id: int, case_id: int) -> list[OperationDef]:
    """The operations (log action, work order, ...) this user may do on this case now."""
    actor = load_actor(actor_id)
    kind, row = load_row(case_id)
    return [op for op in case_definition(kind, row).operations.values() if may_operate(actor, kind, row, op)]


# --- incidents -----------------------------------------------------------------------

def register_incident(*, actor_id: int, title: str, description: str, application_id: int | None,
                      urgency: str | None, incident_type: str, occurred_at: datetime | None = None,
                      parent_id: int | None = None, time_zone: str = "Asia/Seoul",
                      now: datetime | None = None) -> FireResult:
    """Register an incident: grade from the matrix, handlers from the owner matrix, SLA started, group told.

    An occurrence after the registration is refused (a minute of clock skew allowed); `time_zone` only
    shapes the times quoted in that refusal.
    """
    _check_occurrence(occurred_at, as_utc_naive(now) if now else utcnow(), time_zone)
    return fire("incident", "register", actor_id=actor_id, now=now, fields=_registration_fields(
        title=title, description=description, application_id=application_id, urgency=urgency,
        incident_type=incident_type, occurred_at=occurred_at, parent_id=parent_id))


def check_registration(*, title: str, description: str, application_id: int | None, urgency: str | None,
                       incident_type: str | None, occurred_at: datetime | None = None,
                       parent_id: int | None = None, time_zone: str = "Asia/Seoul",
                       now: datetime | None = None) -> None:
    """Refuse, before anything is saved, what `register_incident` would refuse: missing fields (each named,
    in the process's words) and bad values, or an occurrence after now. Saves nothing."""
    fields = _registration_fields(title=title, description=description, application_id=application_id,
                                  urgency=urgency, incident_type=incident_type, occurred_at=occurred_at,
                                  parent_id=parent_id)
    _, process = active_version("incident")
    validate_fields("incident", process.transitions["register"], fields)
    _check_occurrence(occurred_at, as_utc_naive(now) if now else utcnow(), time_zone)


def _registration_fields(*, title: str, description: str, application_id: int | None, urgency: str | None,
                         incident_type: str | None, occurred_at: datetime | None,
                         parent_id: int | None) -> dict[str, Any]:
    fields: dict[str, Any] = {"title": title, "description": description, "application": application_id,
                              "urgency": urgency, "incident_type": incident_type}
    if occurred_at is not None:
        fields["occurred_at"] = occurred_at
    if parent_id is not None:
        fields["parent"] = parent_id
    return fields


def _check_occurrence(occurred_at: datetime | None, registered_at: datetime, time_zone: str) -> None:
    if occurred_at is None:
        return
    occurred = as_utc_naive(occurred_at)
    if occurred > registered_at + CLOCK_SKEW:
        raise BeaconError("workflow.occurred_after_registration", when=_local(occurred, time_zone),
                          now=_local(registered_at, time_zone))


def accept_incident(*, actor_id: int, case_id: int, version: int | None, note: str = "", assign_to_me: bool = False,
                    add_people: tuple[int, ...] = (), remove_people: tuple[int, ...] = (),
                    now: datetime | None = None) -> FireResult:
    """Accept an incident: the response clock stops and the group is told; the assignee stays unless
    `assign_to_me` (or nobody was assigned). `add_people`/`remove_people` change who is told about this
    incident only; each change is an event in its history, in the same transaction as the accept."""
    fields: dict[str, Any] = {"note": note} if note else {}
    if assign_to_me:
        fields["assign_to_me"] = True
    with database.atomic():
        if add_people or remove_people:
            change_incident_propagation(actor_id=actor_id, case_id=case_id, add_people=add_people,
                                        remove_people=remove_people, now=now)
        return fire("incident", "accept", actor_id=actor_id, case_id=case_id, expected_version=version,
                    fields=fields, now=now)


def change_incident_propagation(*, actor_id: int, case_id: int, add_people: tuple[int, ...] = (),
                                remove_people: tuple[int, ...] = (), now: datetime | None = None) -> int:
    """Add people to, or take them out of, the group told about one incident (not its application's group).

    Allowed to whoever may accept, reassign or regrade the incident now. Returns how many changes were
    recorded (a person already in the state asked for is no change).
    """
    from desktop.models import User
    from desktop.workflow.notify.propagation import CASE_ADD, CASE_REMOVE, incident_group

    with database.atomic():
        actor = load_actor(actor_id)
        kind, row = load_row(case_id, lock=True)
        process = case_definition(kind, row)
        steps = [process.transitions[n] for n in ("accept", "assign", "regrade") if n in process.transitions]
        if kind != "incident" or not any(may_fire(actor, kind, row, t) for t in steps):
            raise BeaconError("workflow.not_allowed", who=actor.display, record=Case.get_by_id(case_id).number,
                              action=TEXTS.pair("case_service.change_propagation"))
        present = {m.user_id for m in incident_group(row.application_id, case_id)}
        wanted = [(u, CASE_ADD) for u in dict.fromkeys(add_people) if u not in present]
        wanted += [(u, CASE_REMOVE) for u in dict.fromkeys(remove_people) if u in present]
        names = {i: (n, e) for i, n, e in User.select(User.id, User.name, User.name_en)
                 .where(User.id.in_([u for u, _ in wanted]) & (User.is_active == True)).tuples()}  # noqa: E712
        at = now or utcnow()
        number = Case.get_by_id(case_id).number
        for user_id, event_kind in wanted:
            if user_id not in names:
                raise BeaconError("workflow.unknown_user", ref=user_id)
            name, name_en = names[user_id]
            Event.create(case=case_id, entity=kind, entity_id=number, kind=event_kind, actor=actor_id,
                         occurred_at=at, note=name,
                         after=json.dumps({"user": user_id, "name": name, "name_en": name_en or ""},
                                          ensure_ascii=False))
        return len(wanted)


def change_grade(*, actor_id: int, case_id: int, version: int | None, grade: int, reason: str,
                 now: datetime | None = None) -> FireResult:
    """Change an incident's grade by hand, with the reason recorded; the group is told."""
    return fire("incident", "regrade", actor_id=actor_id, case_id=case_id, expected_version=version,
                fields={"grade": grade, "grade_reason": reason}, now=now)


def assign(*, actor_id: int, case_id: int, version: int | None, assignee_id: int, team_id: int | None = None,
           note: str = "", now: datetime | None = None) -> FireResult:
    """Give a case to someone else."""
    fields: dict[str, Any] = {"assignee": assignee_id}
    if team_id is not None:
        fields["assigned_team"] = team_id
    if note:
        fields["note"] = note
    return transition(actor_id=actor_id, case_id=case_id, name="assign", version=version, fields=fields, now=now)


def close_incident(*, actor_id: int, case_id: int, version: int | None, resolution: str, cause: str, result: str,
                   follow_up_plan: str, recurrence_prevention: str, follow_ups: list[dict[str, Any]] | None = None,
                   confirm_open_children: bool = False, now: datetime | None = None) -> FireResult:
    """Close an incident with everything a report needs; optionally create follow-up records."""
    fields: dict[str, Any] = {"resolution": resolution, "cause": cause, "result": result,
                              "follow_up_plan": follow_up_plan, "recurrence_prevention": recurrence_prevention}
    if follow_ups:
        fields["follow_ups"] = follow_ups
    if confirm_open_children:
        fields["confirm_open_children"] = True
    return fire("incident", "close", actor_id=actor_id, case_id=case_id, expected_version=version, fields=fields,
                now=now)


def cancel_incident(*, actor_id: int, case_id: int, version: int | None, reason: str,
                    duplicate_of: int | str | None = None, now: datetime | None = None) -> FireResult:
    """Cancel an incident (duplicate or not an incident), with the reason."""
    fields: dict[str, Any] = {"cancel_reason": reason}
    if duplicate_of is not None:
        fields["duplicate_of"] = duplicate_of
    return fire("incident", "cancel", actor_id=actor_id, case_id=case_id, expected_version=version, fields=fields,
                now=now)


def reopen_incident(*, actor_id: int, case_id: int, version: int | None, reason: str,
                    now: datetime | None = None) -> FireResult:
    """Reopen a closed incident within the reopen window; its resolution clock resumes."""
    return fire("incident", "reopen", actor_id=actor_id, case_id=case_id, expected_version=version,
                fields={"note": reason}, now=now)


# --- operations ----------------------------------------------------------------------

@dataclass(frozen=True)
class ActionResult:
    action_id: int
    event_id: int


def add_action(*, actor_id: int, case_id: int, body: str, kind: str = "note", acted_at: datetime | None = None,
               minutes_spent: int | None = None, time_zone: str = "Asia/Seoul",
               now: datetime | None = None) -> ActionResult:
    """Log what was done on a case (조치 내역); a comment is an action of kind "comment".

    `acted_at` is when it was done, as the handler says (back-dating is fine): not in the future
    (a minute of clock skew allowed) and not before the case was registered. `time_zone` only
    shapes the times quoted in a refusal.
    """
    text = (body or "").strip()
    if not text:
        raise BeaconError("workflow.required", action=TEXTS.pair("case_service.log_action"),
                          fields=TEXTS.pair("case_service.action_text"))
    if kind not in ACTION_KINDS:
        raise BeaconError("workflow.bad_value", field=TEXTS.pair("case_service.kind"),
                          reason=", ".join(ACTION_KINDS))
    if minutes_spent is not None and minutes_spent < 0:
        raise BeaconError("workflow.bad_value", field=TEXTS.pair("case_service.minutes_spent"),
                          reason=TEXTS.pair("case_service.must_not_negative"))
    at = as_utc_naive(now) if now else None
    with database.atomic():
        actor = load_actor(actor_id)
        case_kind, row = load_row(case_id, lock=True)
        at = at or utcnow()
        case = Case.get_by_id(case_id)
        require_operation(actor, case_kind, row, "comment" if kind == "comment" else "add_action", case)
        acted = as_utc_naive(acted_at) if acted_at else at
        if acted > at + CLOCK_SKEW:
            raise BeaconError("workflow.acted_in_future", when=_local(acted, time_zone))
        opened = getattr(row, OPENED_AT_COLUMN[case_kind])
        if opened is not None and acted < floor_minute(opened):
            raise BeaconError("workflow.acted_before_opened", when=_local(acted, time_zone), record=case.number,
                              opened=_local(opened, time_zone))
        # forms give minutes, rows keep seconds: "10:05" on a case opened at 10:05:37 means after the opening,
        # and a minute of skew ahead means now; so the history keeps its order
        acted = min(max(acted, opened or acted), at)
        action = Action.create(case=case_id, actor=actor.id, acted_at=acted, recorded_at=at, kind=kind, body=text,
                               minutes_spent=minutes_spent)
        event = Event.create(case=case_id, entity=case_kind, entity_id=case.number, kind="action", actor=actor.id,
                             occurred_at=at, after=json.dumps({"action": action.id, "kind": kind}), note=text)
    return ActionResult(action_id=action.id, event_id=event.id)


def _local(moment: datetime, time_zone: str) -> str:
    return moment.replace(tzinfo=UTC).astimezone(ZoneInfo(time_zone)).strftime("%Y-%m-%d %H:%M")


def issue_work_order(*, actor_id: int, parent_id: int, title: str, instructions: str,
                     assignee_id: int | None = None, team_id: int | None = None, due_at: datetime | None = None,
                     now: datetime | None = None) -> FireResult:
    """Send work to someone else; without an assignee it goes to the application's second line."""
    at = as_utc_naive(now) if now else None
    fields: dict[str, Any] = {"parent": parent_id, "title": title, "instructions": instructions}
    if assignee_id is not None:
        fields["assignee"] = assignee_id
    if team_id is not None:
        fields["assigned_team"] = team_id
    if due_at is not None:
        fields["due_at"] = due_at
    with database.atomic():
        actor = load_actor(actor_id)
        parent_kind, parent_row = load_row(parent_id, lock=True)
        at = at or utcnow()
        require_operation(actor, parent_kind, parent_row, "issue_work_order", Case.get_by_id(parent_id))
        return fire_in_transaction("work_order", "issue", actor=actor, case_id=None, fields=fields, now=at)


def request_change(*, actor_id: int, parent_id: int, title: str, description: str, change_type: str = "program",
                   assignee_id: int | None = None, implementation_plan: str = "", rollback_plan: str = "",
                   now: datetime | None = None) -> FireResult:
    """Spawn a change from an incident or problem; it runs its own process and never blocks the parent."""
    at = as_utc_naive(now) if now else None
    with database.atomic():
        actor = load_actor(actor_id)
        parent_kind, parent_row = load_row(parent_id, lock=True)
        at = at or utcnow()
        require_operation(actor, parent_kind, parent_row, "request_change", Case.get_by_id(parent_id))
        fields: dict[str, Any] = {"title": title, "description": description, "change_type": change_type,
                                  "parent": parent_id}
        if getattr(parent_row, "application_id", None):
            fields["application"] = parent_row.application_id
        if assignee_id is not None:
            fields["assignee"] = assignee_id
        if implementation_plan:
            fields["implementation_plan"] = implementation_plan
        if rollback_plan:
            fields["rollback_plan"] = rollback_plan
        # the change's own process decides who may request; the parent's operation already said yes
        return fire_in_transaction("change", "request", actor=actor, case_id=None, fields=fields, now=at,
                                   system=True)


@dataclass(frozen=True)
class LinkResult:
    incident_id: int
    problem_id: int
    problem_number: str
    created_problem: bool


def link_problem(*, actor_id: int, incident_id: int, problem_id: int | None = None,
                 new_problem: dict[str, Any] | None = None, now: datetime | None = None) -> LinkResult:
    """Link an incident to an existing problem, or to a new one registered from it."""
    at = as_utc_naive(now) if now else None
    if (problem_id is None) == (new_problem is None):
        raise BeaconError("workflow.required", action=TEXTS.pair("case_service.link_problem"),
                          fields=TEXTS.pair("case_service.existing_or_new_problem"))
    with database.atomic():
        actor = load_actor(actor_id)
        kind, row = load_row(incident_id, lock=True)
        at = at or utcnow()
        incident_case = Case.get_by_id(incident_id)
        if kind != "incident":
            raise BeaconError("workflow.not_found", what=TEXTS.pair("case_service.incident"), ref=incident_id)
        require_operation(actor, kind, row, "link_problem", incident_case)
        created = problem_id is None
        if problem_id is None:
            assert new_problem is not None
            fields = {"title": new_problem.get("title", ""), "description": new_problem.get("description", ""),
                      "application": new_problem.get("application", row.application_id)}
            problem_id = fire_in_transaction("problem", "register", actor=actor, case_id=None, fields=fields,
                                             now=at, system=True).case_id
        problem_case = Case.get_or_none(Case.id == problem_id)
        if problem_case is None or problem_case.kind != "problem":
            raise BeaconError("workflow.not_found", what=TEXTS.pair("case_service.problem"), ref=problem_id)
        if not CaseLink.select().where((CaseLink.source == incident_id) & (CaseLink.target == problem_id)
                                       & (CaseLink.kind == "problem")).exists():
            CaseLink.create(source=incident_id, target=problem_id, kind="problem", created_by=actor.id, created_at=at)
            for case, other in ((incident_case, problem_case), (problem_case, incident_case)):
                Event.create(case=case.id, entity=case.kind, entity_id=case.number, kind="link_problem",
                             actor=actor.id, occurred_at=at, after=json.dumps({"linked": other.number}))
    return LinkResult(incident_id=incident_id, problem_id=problem_id, problem_number=problem_case.number,
                      created_problem=created)


def set_parent(*, actor_id: int, case_id: int, version: int | None, parent_id: int | None,
               now: datetime | None = None) -> int:
    """Make an incident a child of a major incident (or detach it with None); returns the new version."""
    at = as_utc_naive(now) if now else None
    with database.atomic():
        actor = load_actor(actor_id)
        kind, row = load_row(case_id, lock=True)
        at = at or utcnow()
        case = Case.get_by_id(case_id)
        require_operation(actor, kind, row, "set_parent", case)
        if version is not None and row.version != version:
            update_versioned(Incident, case_id, expected_version=version, changes={}, actor_id=actor.id,
                             label=case.number)
        before = row.parent_id
        if parent_id is not None:
            validate_parent(record=case.number, case_id=case.id, parent_id=parent_id)
        new_version = update_versioned(Incident, case_id, expected_version=row.version,
                                       changes={"parent": parent_id}, actor_id=actor.id, label=case.number)
        Event.create(case=case_id, entity="incident", entity_id=case.number,
                     kind="set_parent" if parent_id else "unset_parent", actor=actor.id, occurred_at=at,
                     before=json.dumps({"parent": before}), after=json.dumps({"parent": parent_id}))
        for side in {before, parent_id} - {None}:
            side_case = Case.get_by_id(side)
            Event.create(case=side, entity="incident", entity_id=side_case.number,
                         kind="child_added" if side == parent_id else "child_removed", actor=actor.id,
                         occurred_at=at, after=json.dumps({"child": case.number}))
    return new_version


# --- work orders, problems, changes: thin names over `transition` -------------------------

def start_work_order(*, actor_id: int, case_id: int, version: int | None, now: datetime | None = None) -> FireResult:
    return transition(actor_id=actor_id, case_id=case_id, name="start", version=version, now=now)


def complete_work_order(*, actor_id: int, case_id: int, version: int | None, result: str,
                        now: datetime | None = None) -> FireResult:
    return transition(actor_id=actor_id, case_id=case_id, name="complete", version=version,
                      fields={"result": result}, now=now)


def return_work_order(*, actor_id: int, case_id: int, version: int | None, reason: str,
                      now: datetime | None = None) -> FireResult:
    return transition(actor_id=actor_id, case_id=case_id, name="return", version=version,
                      fields={"return_reason": reason}, now=now)


def register_problem(*, actor_id: int, title: str, description: str, application_id: int | None = None,
                     assignee_id: int | None = None, now: datetime | None = None) -> FireResult:
    """Register a problem (문제 등록)."""
    fields: dict[str, Any] = {"title": title, "description": description}
    if application_id is not None:
        fields["application"] = application_id
    if assignee_id is not None:
        fields["assignee"] = assignee_id
    return fire("problem", "register", actor_id=actor_id, fields=fields, now=now)


# --- bulk --------------------------------------------------------------------------

@dataclass(frozen=True)
class BulkResult:
    """The outcome for one case of a bulk action."""

    case_id: int
    number: str
    ok: bool
    message: str = ""
    version: int | None = None


@dataclass(frozen=True)
class BulkCheck:
    """Whether one selected case can take a bulk step before anything is done, and why not."""

    case_id: int
    number: str
    title: str
    state: dict[str, str]
    ok: bool
    reason: BeaconError | None = None


def bulk_check(*, actor_id: int, case_ids: list[int], step: str) -> list[BulkCheck]:
    """For a bulk dialog: each selected case with its state and whether this user may fire `step` on it now
    (a cancelled incident cannot be closed); nothing is changed."""
    actor = load_actor(actor_id)
    out = []
    for case_id in case_ids:
        case = Case.get_or_none(Case.id == case_id)
        if case is None:
            continue
        kind, row = load_row(case_id)
        process = case_definition(kind, row)
        transition = process.transitions.get(step)
        state = process.states[row.state].label
        reason: BeaconError | None = None
        if transition is None or row.state not in transition.sources:
            action = transition.label if transition is not None else step
            reason = BeaconError("workflow.bad_state", record=case.number, state=state, action=action)
        elif not may_fire(actor, kind, row, transition):
            reason = BeaconError("workflow.not_allowed", who=actor.display, record=case.number,
                                 action=transition.label)
        out.append(BulkCheck(case_id=case_id, number=case.number, title=getattr(row, "title", ""), state=state,
                             ok=reason is None, reason=reason))
    return out


def _bulk(case_ids: list[int], call: Any, actor: Actor) -> list[BulkResult]:
    results = []
    for case_id in case_ids:
        case = Case.get_or_none(Case.id == case_id)
        number = case.number if case else str(case_id)
        try:
            done = call(case_id)
            results.append(BulkResult(case_id, number, True, version=done.version))
        except BeaconError as exc:
            results.append(BulkResult(case_id, number, False, exc.message(actor.language)))
    return results


def bulk_assign(*, actor_id: int, case_ids: list[int], assignee_id: int, team_id: int | None = None,
                now: datetime | None = None) -> list[BulkResult]:
    """Assign many cases; each is its own transaction and gets its own result."""
    actor = load_actor(actor_id)
    return _bulk(case_ids, lambda cid: assign(actor_id=actor_id, case_id=cid, version=None, assignee_id=assignee_id,
                                              team_id=team_id, now=now), actor)


def bulk_regrade(*, actor_id: int, case_ids: list[int], grade: int, reason: str,
                 now: datetime | None = None) -> list[BulkResult]:
    """Regrade many incidents with one reason; per-case results."""
    actor = load_actor(actor_id)
    return _bulk(case_ids, lambda cid: change_grade(actor_id=actor_id, case_id=cid, version=None, grade=grade,
                                                    reason=reason, now=now), actor)


def bulk_close(*, actor_id: int, case_ids: list[int], resolution: str, cause: str, result: str,
               follow_up_plan: str, recurrence_prevention: str, now: datetime | None = None) -> list[BulkResult]:
    """Close many incidents with a shared resolution; per-case results."""
    actor = load_actor(actor_id)
    return _bulk(case_ids, lambda cid: close_incident(
        actor_id=actor_id, case_id=cid, version=None, resolution=resolution, cause=cause, result=result,
        follow_up_plan=follow_up_plan, recurrence_prevention=recurrence_prevention, now=now), actor)


def case_id_of(number: str) -> int:
    """The case id of a human-readable number such as INC-2026-000123."""
    case = Case.get_or_none(Case.number == number.strip().upper())
    if case is None:
        raise BeaconError("workflow.not_found", what=TEXTS.pair("case_service.case"), ref=number)
    return int(case.id)
