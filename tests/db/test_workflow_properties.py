"""Property: random incident transitions and actions, by random actors with random fields, keep the invariants.

Each Hypothesis example runs inside one outer transaction that is rolled back at
its end, so every example starts from the same database (the engine's own
`database.atomic()` blocks nest as savepoints). After every call it checks:

- a closed incident has a cause, a result, a follow-up plan and a recurrence prevention;
- events only grow, are never edited, and their ids increase with their time;
- a refused call (any `BeaconError`, `StaleRecordError` included) changed nothing at all;
- a call the definition allows, with valid fields and the current version, succeeds, lands in the
  state the definition names, bumps the version by one and appends its event; one it does not
  allow fails; a stale version is always refused as stale;
- every incident's version equals the number of transition events on it, and replaying the
  events' before → after JSON gives the row (no change without its event).
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass, field
from typing import Any

import peewee
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from desktop.errors import BeaconError, StaleRecordError
from desktop.models import (
    Action,
    Case,
    CaseLink,
    Change,
    Event,
    Grade,
    Incident,
    Notification,
    NumberSequence,
    OwnerMatrixEntry,
    Problem,
    ProcessDefinition,
    Role,
    ServiceRequestLink,
    Setting,
    SlaClock,
    User,
    UserRole,
    WorkOrder,
    database,
)
from desktop.workflow.cases import case_service
from desktop.workflow.common.actors import load_actor
from desktop.workflow.engine import engine
from desktop.workflow.engine.process import definition
from tests import factories

PROCESS = definition("incident")
TRANSITIONS = PROCESS.transitions
TRANSITION_NAMES = frozenset(TRANSITIONS)
FINAL_STATES = frozenset(s.name for s in PROCESS.states.values() if s.final)
MAX_EXAMPLES = 40
MAX_STEPS = 30
CLOSE_FIELDS = ("cause", "result", "follow_up_plan", "recurrence_prevention")

# actor → global roles (UserRole) and roles in application A's owner matrix
ACTORS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "customer": (("customer",), ()),
    "other_customer": (("customer",), ()),
    "primary": (("handler",), ("primary_handler",)),
    "handler": (("handler",), ()),
    "second_line": (("second_line",), ("second_line",)),
    "team_lead": (("team_lead",), ("team_lead",)),
    "admin": (("admin",), ()),
    "problem_manager": (("problem_manager",), ()),
}
# the way forward from each state, which steered steps prefer half of the time
FORWARD = {"registered": ("accept",), "accepted": ("start", "close"), "in_progress": ("wait", "close"),
           "waiting": ("resume",), "closed": ("reopen",)}
STEP_KINDS = (*sorted(TRANSITIONS), "add_action")
FIELD_MODES = ("ok",) * 8 + ("missing", "blank", "unexpected", "bad_value")
VERSION_MODES = ("current",) * 4 + ("none", "stale")
# Tables a refused call must leave exactly as they were.
WATCHED = (Case, Incident, Problem, Change, WorkOrder, Event, Notification, SlaClock, Action, CaseLink,
           ServiceRequestLink, NumberSequence, ProcessDefinition)
# Columns the event replay rebuilds and compares with the row.
REPLAYED = ("state", "grade", "assignee", "assigned_team", "urgency", "impact", "application", "parent",
            "reopen_count", "resolution", "cause", "result", "follow_up_plan", "recurrence_prevention",
            "cancel_reason", "title", "description", "incident_type")


@dataclass
class World:
    """The people and applications of one example, and what the test remembers between steps."""

    users: dict[str, int]
    roles: dict[int, frozenset[str]]
    owners: dict[int, frozenset[int]]  # application id → users in its owner matrix
    apps: list[int]
    team_id: int
    incident_types: list[str]
    incidents: list[int] = field(default_factory=list)
    seen_events: dict[int, tuple[Any, ...]] = field(default_factory=dict)


def build_world() -> World:
    """Users with global roles, one application with an owner matrix, one with only a team."""
    team = factories.team()
    app_a = factories.application(team=team)
    app_b = factories.application(team=team)  # no primary handler: assignment falls back to the team
    role_ids = {r.code: r.id for r in Role.select()}
    users: dict[str, int] = {}
    roles: dict[int, frozenset[str]] = {}
    owners: set[int] = set()
    for position, (name, (global_roles, matrix_roles)) in enumerate(ACTORS.items()):
        user = factories.user(team=team)
        users[name] = user.id
        roles[user.id] = frozenset(global_roles)
        for code in global_roles:
            UserRole.create(user=user, role=role_ids[code])
        for code in matrix_roles:
            OwnerMatrixEntry.create(ci=app_a, role=role_ids[code], user=user, position=position)
            owners.add(user.id)
    types = [t["code"] for t in json.loads(Setting.get(Setting.key == "incident_types").value)]
    return World(users=users, roles=roles, owners={app_a.id: frozenset(owners), app_b.id: frozenset()},
                 apps=[app_a.id, app_b.id], team_id=team.id, incident_types=types)


# --- the oracle: what the definition allows, computed independently of the engine ------------

def relation_holds(world: World, roles: tuple[str, ...], actor_id: int, row: Incident | None) -> bool:
    if world.roles[actor_id] & set(roles):
        return True
    if row is None:
        return False
    return (("@reporter" in roles and row.registered_by_id == actor_id)
            or ("@assignee" in roles and row.assignee_id == actor_id)
            or ("@owner" in roles and actor_id in world.owners.get(row.application_id, frozenset())))


def transition_allowed(world: World, name: str, actor_id: int, row: Incident | None) -> bool:
    t = TRANSITIONS[name]
    if t.creates != (row is None):
        return False
    if row is not None and row.state not in t.sources:
        return False
    return relation_holds(world, t.roles, actor_id, row)


# --- snapshots -----------------------------------------------------------------------

def snapshot() -> dict[str, list[tuple[Any, ...]]]:
    return {model._meta.table_name: list(model.select().order_by(model._meta.primary_key).tuples())
            for model in WATCHED}


def events_in_order() -> list[Event]:
    return list(Event.select().order_by(Event.id))


# --- fields --------------------------------------------------------------------------

def open_children(case_id: int) -> bool:
    return Incident.select().where((Incident.parent == case_id) & Incident.state.not_in(FINAL_STATES)).exists()


def valid_fields(world: World, name: str, pick: int, row: Incident | None) -> dict[str, Any]:
    """Fields a careful user would give this transition (values chosen by `pick`)."""
    staff = [world.users[n] for n in ("primary", "handler", "second_line", "team_lead", "admin")]
    if name == "register":
        fields: dict[str, Any] = {"title": f"계정계 응답 지연 {pick}", "description": "거래가 느립니다",
                                  "application": world.apps[pick % 2],
                                  "urgency": ("high", "medium", "low")[pick % 3],
                                  "incident_type": world.incident_types[pick % len(world.incident_types)]}
        # a parent must be an open incident that is not itself a child
        tops = [i for i in world.incidents
                if Incident.get_by_id(i).parent_id is None and Incident.get_by_id(i).state not in FINAL_STATES]
        if pick % 5 == 0 and tops:
            fields["parent"] = tops[pick % len(tops)]
        return fields
    if name in ("accept", "start", "resume"):
        return {"note": f"메모 {pick}"} if pick % 2 else {}
    if name in ("wait", "reopen"):
        return {"note": f"사유 {pick}"}
    if name == "assign":
        fields = {"assignee": staff[pick % len(staff)]}
        if pick % 3 == 0:
            fields["assigned_team"] = world.team_id
        return fields
    if name == "regrade":
        return {"grade": pick % 4 + 1, "grade_reason": "영향 범위 재평가"}
    if name == "close":
        fields = {"resolution": "재기동", "cause": "메모리 누수", "result": "정상화", "follow_up_plan": "모니터링 강화",
                  "recurrence_prevention": "힙 한도 조정"}
        allowed = PROCESS.follow_ups.get(row.incident_type, ()) if row is not None else ()
        if pick % 4 == 0 and allowed:
            kind = allowed[pick % len(allowed)]
            fields["follow_ups"] = [{"kind": kind, "title": "후속 조치", "system": "ERP"}]
        if pick % 3 == 0:
            fields["confirm_open_children"] = True
        return fields
    if name == "cancel":
        fields = {"cancel_reason": "중복 등록"}
        others = [i for i in world.incidents if row is None or i != row.case_id]
        if pick % 3 == 0 and others:
            fields["duplicate_of"] = others[pick % len(others)]
        return fields
    raise AssertionError(name)


def bad_value(name: str, pick: int, row: Incident | None) -> dict[str, Any]:
    """One field with a value the engine must refuse."""
    if name == "close" and row is not None and "service_request" in PROCESS.follow_ups.get(row.incident_type, ()):
        # refused late, by the follow-up effect once the row and its event are written: all must roll back
        return {"follow_ups": [{"kind": "service_request", "title": "대외 SR"}], "confirm_open_children": True}
    return {
        "register": {"urgency": "extreme"},
        "assign": {"assignee": 10**9},
        "regrade": {"grade": 9},
        "close": {"follow_ups": [{"kind": "invoice", "title": "x"}]},
        "cancel": {"duplicate_of": row.case_id if row is not None else 10**9},
    }.get(name, {"note": 12345})


def make_fields(world: World, name: str, mode: str, pick: int, row: Incident | None) -> tuple[dict[str, Any], bool]:
    """The fields for one call and whether they are invalid on purpose."""
    t = TRANSITIONS[name]
    fields = valid_fields(world, name, pick, row)
    if mode == "missing" and t.required:
        fields.pop(t.required[pick % len(t.required)], None)
        return fields, True
    if mode == "blank" and t.required:
        fields[t.required[pick % len(t.required)]] = "   "
        return fields, True
    if mode == "unexpected":
        fields["favourite_colour"] = "blue"
        return fields, True
    if mode == "bad_value":
        fields.update(bad_value(name, pick, row))
        return fields, True
    return fields, False


# --- one step ------------------------------------------------------------------------

@dataclass
class Outcome:
    ok: bool
    error: BeaconError | None
    must_succeed: bool
    must_fail: bool
    stale: bool


def run_transition(world: World, name: str, actor_id: int, target: int | None, mode: str, version_mode: str,
                   pick: int) -> tuple[Outcome, Any]:
    row = Incident.get_by_id(target) if target is not None else None
    allowed = transition_allowed(world, name, actor_id, row)
    t = TRANSITIONS[name]
    # the oracle must agree with the engine's own question (the GUI's buttons come from it)
    assert engine.may_fire(load_actor(actor_id), "incident", row, t) == allowed, (name, actor_id, row and row.state)
    fields, invalid = make_fields(world, name, mode, pick, row)
    version = None
    stale = False
    if row is not None:
        if version_mode == "current":
            version = row.version
        elif version_mode == "stale":
            version = row.version + (1 if pick % 2 else -1)
            stale = True
    refused_by_effect = False
    if row is not None and not invalid:
        if name == "regrade":
            refused_by_effect = Grade.get_by_id(row.grade_id).level == fields["grade"]
        if name == "close":
            refused_by_effect = open_children(row.case_id) and not fields.get("confirm_open_children")
    try:
        if row is None:
            result = engine.fire("incident", name, actor_id=actor_id, fields=fields)
        else:
            result = case_service.transition(actor_id=actor_id, case_id=row.case_id, name=name, version=version,
                                             fields=fields)
    except BeaconError as exc:
        return Outcome(False, exc, allowed and not invalid and not stale and not refused_by_effect,
                       not allowed or invalid or stale or refused_by_effect, stale), row
    return Outcome(True, None, False, not allowed or invalid or stale or refused_by_effect, stale), (row, result)


def run_action(world: World, actor_id: int, target: int, mode: str, pick: int) -> tuple[Outcome, Any]:
    row = Incident.get_by_id(target)
    kind = ("note", "investigation", "fix", "contact", "workaround", "comment")[pick % 6]
    body = f"조치 {pick}"
    minutes: int | None = pick % 90
    invalid = False
    if mode in ("missing", "blank"):
        body = "" if mode == "missing" else "   "
        invalid = True
    elif mode == "bad_value":
        if pick % 2:
            kind = "magic"
        else:
            minutes = -5
        invalid = True
    operation = PROCESS.operations["comment" if kind == "comment" else "add_action"]
    allowed = row.state in operation.states and relation_holds(world, operation.roles, actor_id, row)
    assert engine.may_operate(load_actor(actor_id), "incident", row, operation) == allowed
    try:
        result = case_service.add_action(actor_id=actor_id, case_id=target, body=body, kind=kind,
                                         minutes_spent=minutes)
    except BeaconError as exc:
        return Outcome(False, exc, allowed and not invalid, not allowed or invalid, False), row
    return Outcome(True, None, False, not allowed or invalid, False), (row, result)


# --- invariants ----------------------------------------------------------------------

def replay(case_id: int, events: list[Event]) -> dict[str, Any]:
    """The incident as its transition events tell it: register's after, then each later after.

    Each event's `before` must match what the events so far say (no change slipped in unlogged).
    """
    state: dict[str, Any] = {}
    assert events and events[0].kind == "register", f"case {case_id} does not start with its register event"
    for i, ev in enumerate(events):
        before, after = json.loads(ev.before), json.loads(ev.after)
        if i:
            for column, value in before.items():
                if column in state:
                    assert state[column] == value, (case_id, ev.id, ev.kind, column, state[column], value)
            assert ev.from_state == state["state"], (case_id, ev.id, ev.from_state, state["state"])
        state.update(after)
        if "state" not in after:
            assert ev.to_state == ev.from_state
        assert ev.to_state == state["state"], (case_id, ev.id)
    return state


def row_value(row: Incident, column: str) -> Any:
    if isinstance(Incident._meta.fields[column], peewee.ForeignKeyField):
        return getattr(row, column + "_id")
    return getattr(row, column)


def check_invariants(world: World) -> dict[str, list[tuple[Any, ...]]]:
    """Check what must hold after every call; return the database's snapshot for the next step."""
    events = events_in_order()
    # never edited, never removed
    current = {ev.id: tuple(ev.__data__.values()) for ev in events}
    for event_id, data in world.seen_events.items():
        assert current.get(event_id) == data, f"event {event_id} was edited or removed"
    assert len(current) >= len(world.seen_events)
    world.seen_events = current
    # ordered: ids increase with time
    for earlier, later in itertools.pairwise(events):
        assert earlier.id < later.id
        assert earlier.occurred_at <= later.occurred_at, (earlier.id, earlier.occurred_at, later.id, later.occurred_at)
    transitions: dict[int, list[Event]] = {}
    action_events: dict[int, int] = {}
    for ev in events:
        if ev.kind in TRANSITION_NAMES:
            transitions.setdefault(ev.case_id, []).append(ev)
        elif ev.kind == "action":
            action_events[ev.case_id] = action_events.get(ev.case_id, 0) + 1
    actions = dict(Action.select(Action.case, peewee.fn.COUNT(Action.id)).group_by(Action.case).tuples())
    assert actions == action_events, "every action has its event and no more"
    for row in Incident.select():
        if row.state == "closed":
            for column in CLOSE_FIELDS:
                assert getattr(row, column).strip(), f"closed incident {row.case_id} has no {column}"
            assert row.closed_at is not None and row.resolved_at is not None
        mine = transitions.get(row.case_id, [])
        assert row.version == len(mine), (row.case_id, row.version, len(mine))
        replayed = replay(row.case_id, mine)
        for column in REPLAYED:
            if column in replayed:
                assert replayed[column] == row_value(row, column), (row.case_id, column, replayed[column])
    return snapshot()


def check_step(world: World, label: str, outcome: Outcome, detail: Any, before: dict[str, Any],
               after: dict[str, Any], seen_before: int) -> None:
    if not outcome.ok:
        assert not outcome.must_succeed, f"{label}: refused although allowed and valid: {outcome.error}"
        if outcome.stale:
            assert isinstance(outcome.error, StaleRecordError), f"{label}: stale version gave {outcome.error!r}"
        for table, rows in before.items():
            assert after[table] == rows, f"{label}: refused ({outcome.error}) but table {table} changed"
        return
    assert not outcome.must_fail, f"{label}: succeeded although the definition or the fields forbid it"
    row_before, result = detail
    new_events = [Event.get_by_id(i) for i in sorted(world.seen_events) if i > seen_before]
    assert new_events, f"{label}: succeeded without an event"
    if isinstance(result, case_service.ActionResult):
        row = Incident.get_by_id(row_before.case_id)
        assert row.version == row_before.version, f"{label}: add_action moved the version"
        assert row.state == row_before.state
        assert Action.get_by_id(result.action_id).case_id == row.case_id
        assert any(e.id == result.event_id and e.kind == "action" for e in new_events)
        return
    row = Incident.get_by_id(result.case_id)
    t = TRANSITIONS[result.transition]
    assert result.state == row.state, f"{label}: result says {result.state}, row is {row.state}"
    assert result.version == row.version
    main = Event.get_by_id(result.event_id)
    assert main in new_events and main.kind == t.name and main.case_id == result.case_id
    assert (main.from_state, main.to_state) == (result.from_state, result.state)
    if row_before is None:
        assert (result.from_state, result.state, result.version) == ("", PROCESS.initial.name, 1)
    else:
        assert result.from_state == row_before.state
        assert result.from_state in t.sources and result.state == t.target_from(result.from_state)
        assert result.version == row_before.version + 1


# --- the property --------------------------------------------------------------------

def draw_step(data: st.DataObject, world: World) -> tuple[str, str, int, str, str, int]:
    """One call: mostly steered towards what the target's state and the actor allow, so that examples
    reach deep states (waiting, closed, reopened); otherwise anything at all."""
    which = data.draw(st.integers(min_value=0, max_value=len(world.incidents) - 1), label="incident")
    row = Incident.get_by_id(world.incidents[which])
    steer = data.draw(st.integers(min_value=0, max_value=9), label="steer") < 8
    if steer:
        kinds = [t.name for t in PROCESS.transitions_from(row.state)] + ["add_action"]
        if data.draw(st.booleans(), label="forward") and FORWARD.get(row.state):
            kinds = list(FORWARD[row.state])
        kind = data.draw(st.sampled_from(kinds), label="kind")
        if kind == "add_action":
            roles = PROCESS.operations["add_action"].roles
            fits = [a for a in ACTORS if relation_holds(world, roles, world.users[a], row)]
        else:
            target = None if kind == "register" else row
            fits = [a for a in ACTORS if transition_allowed(world, kind, world.users[a], target)]
        actor = data.draw(st.sampled_from(fits or list(ACTORS)), label="actor")
    else:
        kind = data.draw(st.sampled_from(STEP_KINDS), label="kind")
        actor = data.draw(st.sampled_from(tuple(ACTORS)), label="actor")
    mode = data.draw(st.sampled_from(FIELD_MODES), label="fields")
    version_mode = data.draw(st.sampled_from(VERSION_MODES), label="version")
    pick = data.draw(st.integers(min_value=0, max_value=59), label="pick")
    return kind, actor, which, mode, version_mode, pick


def run_example(data: st.DataObject, length: int) -> None:
    world = build_world()
    # three incidents to start with: one on each application, and a child of the second
    for pick in (1, 2, 3):
        fields = valid_fields(world, "register", pick, None)
        if pick == 3:
            fields["parent"] = world.incidents[1]
            fields["incident_type"] = "application"
        world.incidents.append(engine.fire("incident", "register", actor_id=world.users["customer"],
                                           fields=fields).case_id)
    before = check_invariants(world)
    for number in range(length):
        kind, actor, which, mode, version_mode, pick = draw_step(data, world)
        actor_id = world.users[actor]
        seen_before = max(world.seen_events)
        target = world.incidents[which]
        label = f"step {number}: {kind} by {actor} on {target} ({mode}, {version_mode}, {pick})"
        if kind == "add_action":
            outcome, detail = run_action(world, actor_id, target, mode, pick)
        elif kind == "register":
            outcome, detail = run_transition(world, kind, actor_id, None, mode, version_mode, pick)
            if outcome.ok:
                world.incidents.append(detail[1].case_id)
        else:
            outcome, detail = run_transition(world, kind, actor_id, target, mode, version_mode, pick)
        after = check_invariants(world)
        check_step(world, label, outcome, detail, before, after, seen_before)
        before = after
        if outcome.ok:  # shown by --hypothesis-show-statistics: which paths the examples reached
            row_before = detail[0]
            event(f"{kind} succeeded from {row_before.state if row_before is not None else '-'}")
        else:
            event(f"{kind} refused: {outcome.error.code if outcome.error else '?'}")


@settings(max_examples=MAX_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), length=st.integers(min_value=1, max_value=MAX_STEPS))
def test_random_incident_histories_keep_the_invariants(db, data, length):
    with database.atomic() as txn:
        try:
            run_example(data, length)
        finally:
            txn.rollback()
    assert User.select().count() == 0  # the example left nothing behind for the next one


def test_rollback_of_an_example_undoes_the_engines_savepoints(db):
    """The reset the property relies on: fired transitions inside an outer transaction roll back with it."""
    with database.atomic() as txn:
        world = build_world()
        fields = valid_fields(world, "register", 1, None)
        done = engine.fire("incident", "register", actor_id=world.users["customer"], fields=fields)
        assert Incident.get_by_id(done.case_id).state == "registered"
        events = Event.select().count()
        try:
            engine.fire("incident", "accept", actor_id=world.users["customer"], case_id=done.case_id)
        except BeaconError:
            pass
        else:
            raise AssertionError("a customer accepted an incident")
        assert Event.select().count() == events
        txn.rollback()
    assert Incident.select().count() == 0 and Event.select().count() == 0 and User.select().count() == 0


def test_a_late_refusal_leaves_nothing_behind(db):
    """A follow-up refused after the row update and its event are written undoes the whole close."""
    world = build_world()
    fields = valid_fields(world, "register", 2, None)
    case_id = engine.fire("incident", "register", actor_id=world.users["customer"], fields=fields).case_id
    engine.fire("incident", "accept", actor_id=world.users["primary"], case_id=case_id)
    row = Incident.get_by_id(case_id)
    close, invalid = make_fields(world, "close", "bad_value", 1, row)
    assert invalid and close["follow_ups"][0]["kind"] == "service_request"
    before = snapshot()
    try:
        engine.fire("incident", "close", actor_id=world.users["primary"], case_id=case_id, fields=close,
                    expected_version=row.version)
    except BeaconError as exc:
        assert exc.code == "workflow.required"
    else:
        raise AssertionError("a service request without a target system was accepted")
    assert snapshot() == before
