"""The cases wing's effects: grading, assignment, closing, reopening, follow-ups, problems,
changes and work orders.

Each receives the transition's `Context`; it may change columns (`ctx.changes`),
queue notices (`ctx.notify`), append extra events (`ctx.event`) and register
work that needs the case row to exist first (`ctx.after`). They run inside the
transition's transaction: an effect that raises undoes the whole transition.
Registered with the engine's registry on import (see `desktop.workflow.cases`).
"""

from __future__ import annotations

import json
from typing import Any

from desktop.errors import BeaconError
from desktop.models import (
    Case,
    CaseLink,
    ConfigurationItem,
    Event,
    Grade,
    Incident,
    Problem,
    ServiceRequestLink,
)
from desktop.workflow.cases.texts import EFFECT_DESCRIPTIONS, TEXTS
from desktop.workflow.common.cases import application_of, label_of, load_row
from desktop.workflow.common.matrices import grade_for, matrix_users
from desktop.workflow.common.settings import get_setting
from desktop.workflow.engine.effects import describe_effects, effect
from desktop.workflow.engine.engine import fire_in_transaction
from desktop.workflow.engine.process import case_definition, final_states
from desktop.workflow.notify.service_requests import check_system, queue_delivery

# --- incident: grade, assignment, propagation ------------------------------------------

def _application(ctx: Any) -> ConfigurationItem:
    """The case's application as this transition leaves it, read once for all its effects."""
    app_id = ctx.current("application")
    return ctx.once(("application", app_id), lambda: ConfigurationItem.get_by_id(app_id))


@effect("grade_from_matrix")
def grade_from_matrix(ctx: Any) -> None:
    """Impact from the application, grade from the priority matrix (urgency × impact)."""
    app = _application(ctx)
    if app.impact_id is None:
        raise BeaconError("workflow.app_no_impact", app=app.name)
    ctx.changes["impact"] = app.impact_id
    ctx.changes["grade"] = grade_for(ctx.current("urgency"), app.impact_id)


@effect("assign_from_matrix")
def assign_from_matrix(ctx: Any) -> None:
    """Assign to the application's primary handlers; fall back to its team; say so when nobody."""
    app = _application(ctx)
    if ctx.current("assignee") is not None:
        return
    handlers = matrix_users(app.id, "primary_handler")
    if handlers:
        ctx.changes["assignee"] = handlers[0].id
        ctx.changes["assigned_team"] = app.team_id or handlers[0].team_id
        for user in handlers:
            ctx.notify(user.id, "assigned", "primary_handler")
        return
    if app.team_id is not None:
        ctx.changes["assigned_team"] = app.team_id
        ctx.event("assignment_fallback", note=TEXTS.pick("effects.assigned_to_team", name=app.name),
            after={"assigned_team": app.team_id})
        return
    ctx.event("unassigned", note=TEXTS.pick("effects.nobody_assigned", name=app.name))


@effect("take_assignment")
def take_assignment(ctx: Any) -> None:
    """Whoever accepts or starts the work owns it from then on — unless the step offers "assign to me"
    (an incident's accept): then an assignee is kept unless the person chose to take it over."""
    if ctx.current("assignee") == ctx.actor.id or ctx.system:
        return
    offers_choice = "assign_to_me" in (*ctx.transition.required, *ctx.transition.optional)
    if offers_choice and ctx.current("assignee") is not None and not ctx.values.get("assign_to_me"):
        return
    ctx.changes["assignee"] = ctx.actor.id


@effect("regrade")
def regrade(ctx: Any) -> None:
    """A manual grade change: must differ and carry a reason, which the event records."""
    new = ctx.values["grade"]
    if new == ctx.row.grade_id:
        grade = Grade.get_by_id(new)
        raise BeaconError("workflow.same_grade", record=ctx.case.number, grade={"ko": grade.name, "en": grade.name_en})
    ctx.changes["grade"] = new
    ctx.note = ctx.values["grade_reason"]


# --- closing, reopening, cancelling ------------------------------------------------------

@effect("reopen_window")
def reopen_window(ctx: Any) -> None:
    """Reopen only within the configured window after closure; count the reopen."""
    days = int(get_setting("reopen_window_days", 7))
    closed_at = ctx.row.closed_at
    if closed_at is not None and (ctx.now - closed_at).total_seconds() > days * 86400:
        raise BeaconError("workflow.reopen_expired", days=days)
    ctx.changes["reopen_count"] = ctx.row.reopen_count + 1


@effect("link_duplicate")
def link_duplicate(ctx: Any) -> None:
    """A cancelled duplicate points at the incident it duplicates."""
    target = ctx.values.get("duplicate_of")
    if target is None:
        return
    target_case = Case.get_by_id(target)
    if target == ctx.case.id or target_case.kind != "incident":
        raise BeaconError("workflow.bad_value", field=TEXTS.pair("effects.duplicate_of"),
                          reason=TEXTS.pair("effects.name_another_incident"))

    def link(c: Any, _e: Event) -> None:
        CaseLink.create(source=c.case.id, target=target, kind="duplicate", created_by=c.actor.id, created_at=c.now)
    ctx.after(link)


def validate_parent(*, record: str | dict[str, str], case_id: int | None, parent_id: int) -> None:
    """A parent (major incident) must be another open incident that is not itself a child."""
    parent_case = Case.get_or_none(Case.id == parent_id)
    if parent_case is None or parent_case.kind != "incident":
        raise BeaconError("workflow.not_found", what=TEXTS.pair("case_service.incident"), ref=parent_id)
    if parent_id == case_id:
        raise BeaconError("workflow.parent_self", record=record)
    parent = Incident.get_by_id(parent_id)
    has_children = case_id is not None and Incident.select().where(Incident.parent == case_id).exists()
    if parent.parent_id is not None or has_children:
        raise BeaconError("workflow.parent_nested", record=record, parent=parent_case.number)
    if case_definition("incident", parent).states[parent.state].final:
        raise BeaconError("workflow.parent_closed", parent=parent_case.number)


@effect("check_parent")
def check_parent(ctx: Any) -> None:
    """Registering under a major incident follows the same rules as setting a parent later."""
    parent = ctx.values.get("parent")
    if parent is not None:
        # a new incident has no number yet (it is taken last): it is named by its kind
        validate_parent(record=label_of("incident", ctx.case if ctx.row is not None else None),
                        case_id=ctx.case.id if ctx.row is not None else None, parent_id=parent)


SHARED_RESOLUTION_FIELDS = ("resolution", "cause", "result", "follow_up_plan", "recurrence_prevention")


def drive_to(kind: str, case_id: int, target: str, *, actor: Any, fields: dict[str, Any], now: Any) -> None:
    """Move a linked case to `target` along the shortest path of its process, as a consequence.

    Only the last step receives `fields`; the steps before it must need none
    (e.g. accept, resume). Used for children of a major incident and for
    incidents of a closed problem.
    """
    _, row = load_row(case_id)
    process = case_definition(kind, row)
    steps = process.shortest_path(row.state, target)
    if steps is None:
        return
    for i, step in enumerate(steps):
        last = i == len(steps) - 1
        t = process.transitions[step]
        given = {k: v for k, v in fields.items() if k in t.required or k in t.optional} if last else {}
        fire_in_transaction(kind, step, actor=actor, case_id=case_id, fields=given, now=now, system=True)


@effect("close_children")
def close_children(ctx: Any) -> None:
    """A major incident's open children close with its resolution, once the closer confirms."""
    finals = final_states("incident")  # the final states of every version its cases may run on
    children = list(Incident.select(Incident.case, Case.number).join(Case)
                    .where((Incident.parent == ctx.case.id) & Incident.state.not_in(finals)).tuples())
    if not children:
        return
    if not ctx.values.get("confirm_open_children"):
        raise BeaconError("workflow.open_children", count=len(children),
                          numbers=", ".join(number for _, number in children))
    shared = {k: ctx.values[k] for k in SHARED_RESOLUTION_FIELDS if k in ctx.values}
    shared["confirm_open_children"] = True

    def close_them(c: Any, _e: Event) -> None:
        for child_id, _number in children:
            drive_to("incident", child_id, "closed", actor=c.actor, fields=shared, now=c.now)
    ctx.after(close_them)


@effect("follow_ups")
def follow_ups(ctx: Any) -> None:
    """At closure, create the linked records the closer asked for, as the incident type allows."""
    requested = ctx.values.get("follow_ups") or []
    allowed = ctx.process.follow_ups.get(ctx.row.incident_type, ())
    for item in requested:
        kind = item.get("kind") if isinstance(item, dict) else None
        if kind not in allowed:
            raise BeaconError("workflow.follow_up_not_allowed", type=ctx.row.incident_type, follow_up=kind)
        if not str(item.get("title") or "").strip():
            raise BeaconError("workflow.required", action=TEXTS.pair("effects.follow_up"),
                              fields=TEXTS.pair("effects.title"))

    def create(c: Any, _e: Event) -> None:
        for item in requested:
            title = str(item["title"]).strip()
            description = str(item.get("description") or c.values.get("follow_up_plan") or "")
            if item["kind"] == "problem":
                made = fire_in_transaction("problem", "register", actor=c.actor, case_id=None, now=c.now, system=True,
                                           fields={"title": title, "description": description,
                                                   "application": c.row.application_id})
                CaseLink.create(source=c.case.id, target=made.case_id, kind="problem", created_by=c.actor.id,
                                created_at=c.now)
                Event.create(case=c.case.id, entity="incident", entity_id=c.case.number, kind="link_problem",
                             actor=c.actor.id, occurred_at=c.now, after=json.dumps({"linked": made.number}))
            elif item["kind"] == "change":
                fire_in_transaction("change", "request", actor=c.actor, case_id=None, now=c.now, system=True,
                                    fields={"title": title, "description": description,
                                            "change_type": item.get("change_type") or "program",
                                            "parent": c.case.id, "application": c.row.application_id})
            else:
                system_name = str(item.get("system") or "").strip()
                if not system_name:
                    raise BeaconError("workflow.required", action=TEXTS.pair("effects.service_request"),
                                      fields=TEXTS.pair("effects.target_system"))
                deliver = check_system(system_name)
                sr = ServiceRequestLink.create(case=c.case.id, system=system_name, title=title, created_at=c.now,
                                               created_by=c.actor.id, updated_at=c.now)
                created = Event.create(case=c.case.id, entity="service_request", entity_id=str(sr.id),
                                       kind="service_request_created", actor=c.actor.id, occurred_at=c.now,
                                       after=json.dumps({"system": system_name, "title": title,
                                                         "delivered": deliver}, ensure_ascii=False),
                                       note=f"{system_name}: {title}")
                if deliver:  # through the outbox, in this transaction: sent once the closure is committed
                    queue_delivery(sr, case=c.case, event=created, actor_id=c.actor.id, description=description,
                                   now=c.now)
    ctx.after(create)


# --- problems --------------------------------------------------------------------------

@effect("assign_problem")
def assign_problem(ctx: Any) -> None:
    """A new problem belongs to whoever registered it unless someone else is named."""
    if ctx.current("assignee") is None:
        ctx.changes["assignee"] = ctx.actor.id


@effect("mark_known_error")
def mark_known_error(ctx: Any) -> None:
    ctx.changes["is_known_error"] = True


@effect("count_verification")
def count_verification(ctx: Any) -> None:
    ctx.changes["verification_count"] = ctx.row.verification_count + 1


@effect("resolve_linked_incidents")
def resolve_linked_incidents(ctx: Any) -> None:
    """Closing a problem closes its open linked incidents (setting `close_problem_resolves_incidents`)."""
    if not get_setting("close_problem_resolves_incidents", True):
        return
    finals = final_states("incident")  # the final states of every version its cases may run on
    linked = [case_id for (case_id,) in CaseLink.select(CaseLink.source)
              .join(Incident, on=(Incident.case == CaseLink.source))
              .where((CaseLink.target == ctx.case.id) & (CaseLink.kind == "problem")
                     & Incident.state.not_in(finals)).tuples()]
    if not linked:
        return
    problem = ctx.row
    root_cause = ctx.current("root_cause") or problem.root_cause
    solution = ctx.current("solution") or problem.solution
    fields = {
        "resolution": TEXTS.pick("effects.resolved_by_problem", number=ctx.case.number),
        "cause": root_cause or "-",
        "result": solution or "-",
        "follow_up_plan": TEXTS.pick("effects.managed_in_problem", number=ctx.case.number),
        "recurrence_prevention": ctx.values.get("verification_result") or solution or "-",
    }

    def close_them(c: Any, _e: Event) -> None:
        for case_id in linked:
            drive_to("incident", case_id, "closed", actor=c.actor, fields=fields, now=c.now)
    ctx.after(close_them)


# --- changes and work orders ------------------------------------------------------------

@effect("link_parent_change")
def link_parent_change(ctx: Any) -> None:
    """A change spawned from an incident or problem is linked to it, both ways visible."""
    parent = ctx.values.get("parent")
    if parent is None:
        return
    parent_case = Case.get_by_id(parent)
    if parent_case.kind not in ("incident", "problem"):
        raise BeaconError("workflow.bad_value", field=TEXTS.pair("effects.requested_from"),
                          reason=TEXTS.pair("effects.must_incident_or_problem"))

    def link(c: Any, _e: Event) -> None:
        CaseLink.create(source=parent, target=c.case.id, kind="change", created_by=c.actor.id, created_at=c.now)
        Event.create(case=parent, entity=parent_case.kind, entity_id=parent_case.number, kind="change_requested",
                     actor=c.actor.id, occurred_at=c.now, after=json.dumps({"change": c.case.number}),
                     note=str(c.values.get("title", "")))
    ctx.after(link)


@effect("record_approver")
def record_approver(ctx: Any) -> None:
    ctx.changes["approved_by"] = ctx.actor.id


@effect("assign_work_order")
def assign_work_order(ctx: Any) -> None:
    """A work order without an assignee goes to the application's second line (escalation)."""
    parent = Case.get_by_id(ctx.values["parent"])
    if parent.kind not in ("incident", "problem"):
        raise BeaconError("workflow.bad_value", field=TEXTS.pair("effects.issued_from"),
                          reason=TEXTS.pair("effects.must_incident_or_problem"))
    if ctx.current("assignee") is None and ctx.current("assigned_team") is None:
        parent_kind, parent_row = load_row(parent.id)
        app_id = application_of(parent_kind, parent_row)
        second = matrix_users(app_id, "second_line") if app_id else []
        if second:
            ctx.changes["assignee"] = second[0].id
            ctx.changes["assigned_team"] = second[0].team_id
        elif app_id:
            ctx.changes["assigned_team"] = ConfigurationItem.get_by_id(app_id).team_id
    ctx.notify(ctx.current("assignee"), "work_order_issued", "assignee")


@effect("notify_parent")
def notify_parent(ctx: Any) -> None:
    """The parent case records its work order's progress; its handler hears of the outcome."""
    parent_id = ctx.current("parent")
    parent = Case.get_by_id(parent_id)
    kind = f"work_order_{ctx.transition.name}"
    ctx.event(kind, case_id=parent_id, entity=parent.kind, entity_id=parent.number,
              note=str(ctx.values.get("result") or ctx.values.get("return_reason") or ctx.values.get("title") or ""),
              after={"work_order": ctx.case.number, "state": ctx.to_state})
    if ctx.transition.name in ("complete", "return"):
        model = Incident if parent.kind == "incident" else Problem
        assignee = model.select(model.assignee).where(model.case == parent_id).scalar()
        ctx.notify(assignee, kind, "parent_assignee")
    if ctx.transition.name == "issue":
        return
    if ctx.row is not None and ctx.row.issued_by_id != ctx.actor.id:
        ctx.notify(ctx.row.issued_by_id, kind, "issuer")


describe_effects(EFFECT_DESCRIPTIONS)
