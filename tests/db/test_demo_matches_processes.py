"""The demo bank is data the workflow engine could have written.

Every case, replayed event by event from its creating transition, follows its
process definition (`desktop/resources/processes/*.toml`); its stamps are the times of
the transitions that stamp them; every other event is one the engine's effects
and operations write; SLA pauses and clocks are what `sla` computes from them.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import datetime
from typing import Any

from desktop.demo.bank import load_demo
from desktop.models import (
    Action,
    Case,
    CaseLink,
    Event,
    Incident,
    Notification,
    ProcessDefinition,
    SlaClock,
    SlaPause,
    WorkOrder,
)
from desktop.workflow.cases import case_service as cs
from desktop.workflow.common.cases import KIND_MODELS
from desktop.workflow.engine.fields import STAMPS
from desktop.workflow.engine.process import definition
from desktop.workflow.sla import clocks as sla
from desktop.workflow.sla.calendars import load_calendar

NOW = datetime(2026, 11, 27, 8, 0)
# Events that are not transitions: operations (action, links, parent) and the effects' events on linked cases.
EFFECT_KINDS = frozenset({
    "action", "assignment_fallback", "work_order_issue", "work_order_start", "work_order_complete",
    "work_order_return", "change_requested", "link_problem", "service_request_created", "child_added", "set_parent",
})


def iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat(timespec="seconds")


class Demo:
    """The loaded demo read back: each case's kind, number, row and events in the order they happened."""

    def __init__(self) -> None:
        self.number = dict(Case.select(Case.id, Case.number).tuples())
        self.rows: dict[int, tuple[str, Any]] = {}
        for kind, model in KIND_MODELS.items():
            for row in model.select():
                self.rows[row.case_id] = (kind, row)
        self.events: dict[int, list[Event]] = defaultdict(list)
        for event in Event.select().order_by(Event.occurred_at, Event.id):
            self.events[event.case_id].append(event)
        self._moves: dict[int, list[Event]] = {}

    def transitions(self, case_id: int) -> list[Event]:
        found = self._moves.get(case_id)
        if found is None:
            kind, _ = self.rows[case_id]
            moves = definition(kind).transitions
            found = self._moves[case_id] = [e for e in self.events[case_id] if e.kind in moves]
        return found

    def state_before(self, case_id: int, event: Event) -> str:
        """The case's state when `event` was written (after every transition written before it)."""
        state = ""
        for e in self.transitions(case_id):
            if (e.occurred_at, e.id) >= (event.occurred_at, event.id):
                break
            state = e.to_state
        return state

    def state_at(self, case_id: int, moment: datetime) -> str:
        """The case's state after every transition at or before `moment`."""
        state = ""
        for e in self.transitions(case_id):
            if e.occurred_at > moment:
                break
            state = e.to_state
        return state


def load(seed: int = 2026, incidents: int = 300, problems: int = 10, now: datetime = NOW) -> Demo:
    assert load_demo(seed=seed, incidents=incidents, problems=problems, now=now) is not None
    return Demo()


def check_transitions(demo: Demo) -> None:
    """Each case's transitions replay its definition from the creating one to the row's state and stamps."""
    process_ids = {
        kind: ProcessDefinition.get((ProcessDefinition.process == definition(kind).name)
                                    & (ProcessDefinition.checksum == definition(kind).checksum)
                                    & (ProcessDefinition.is_active == True)).id  # noqa: E712
        for kind in KIND_MODELS
    }
    assert demo.rows and set(demo.rows) == set(demo.number)
    for case_id, (kind, row) in demo.rows.items():
        process, number = definition(kind), demo.number[case_id]
        history = demo.events[case_id]
        moves = demo.transitions(case_id)
        assert history and history[0] is moves[0], f"{number}: nothing happens before the case is created"
        first = moves[0]
        assert (first.kind, first.from_state, first.to_state) == (process.creation.name, "", process.initial.name), \
            number
        state, stamped = "", {}
        for e in moves:
            t = process.transitions[e.kind]
            if e is not first:
                assert not t.creates, f"{number}: {e.kind} again"
                assert e.from_state == state, f"{number}: {e.kind} from {e.from_state}, but the case was {state}"
                assert state in t.sources, f"{number}: {e.kind} is not allowed from {state}"
                assert e.to_state == t.target_from(state), f"{number}: {e.kind} to {e.to_state}"
            after = json.loads(e.after)
            if e.to_state != e.from_state:
                assert after.get("state") == e.to_state, number
            else:
                assert "state" not in after, number
            assert set(json.loads(e.before)) == (set() if t.creates else set(after)), number
            for column in t.stamp:
                stamped[column] = e.occurred_at
                assert after[column] == iso(e.occurred_at), f"{number}: {e.kind} stamps {column}"
            for column in t.clear:
                stamped[column] = None
            state = e.to_state
        assert state == row.state, f"{number}: events end in {state}, the row says {row.state}"
        for column in STAMPS[kind]:
            assert getattr(row, column) == stamped.get(column), f"{number}: {column}"
        # the version moves once per transition and once per parent change, as update_versioned does
        versioned = [e for e in history if e.kind in process.transitions or e.kind == "set_parent"]
        assert row.version == len(versioned), number
        assert (row.updated_at, row.updated_by_id) == (versioned[-1].occurred_at, versioned[-1].actor_id), number
        assert row.process_id == process_ids[kind], number
        for e in history:
            if e.kind not in process.transitions:
                assert e.kind in EFFECT_KINDS, f"{number}: unknown event kind {e.kind}"
                assert e.from_state == e.to_state == "", f"{number}: {e.kind} is not a transition"
            assert (e.entity, e.entity_id) == (kind, number), number
    assert Incident.select().where(Incident.waiting_for_customer == True).count() == 0  # noqa: E712


def check_operations_and_effects(demo: Demo) -> None:
    """Actions, work orders, changes, problem links and parents as the services and effects record them."""
    actions = {a.id: a for a in Action.select()}
    for case_id, history in demo.events.items():
        kind, _ = demo.rows[case_id]
        operations = definition(kind).operations
        for e in history:
            if e.kind != "action":
                continue
            after = json.loads(e.after)
            action = actions[after["action"]]
            assert (action.case_id, action.kind, action.body, action.recorded_at) == (case_id, after["kind"], e.note,
                                                                                       e.occurred_at)
            assert demo.state_before(case_id, e) in operations["add_action"].states, demo.number[case_id]
    assert len(actions) == sum(1 for h in demo.events.values() for e in h if e.kind == "action")

    for wo in WorkOrder.select():
        number = demo.number[wo.case_id]
        own = [(e.kind, e.occurred_at, e.to_state) for e in demo.transitions(wo.case_id)]
        told = [e for e in demo.events[wo.parent_id] if e.kind.startswith("work_order_")
                and json.loads(e.after)["work_order"] == number]
        assert [(e.kind, e.occurred_at, json.loads(e.after)["state"]) for e in told] == [
            (f"work_order_{k}", at, state) for k, at, state in own], number
        parent_kind, _ = demo.rows[wo.parent_id]
        assert demo.state_before(wo.parent_id, told[0]) in definition(parent_kind).operations[
            "issue_work_order"].states, number

    for case_id, (kind, row) in demo.rows.items():
        if kind != "change" or row.parent_id is None:
            continue
        number = demo.number[case_id]
        asked = [e for e in demo.events[row.parent_id]
                 if e.kind == "change_requested" and json.loads(e.after) == {"change": number}]
        assert [e.occurred_at for e in asked] == [row.requested_at], number
        parent_kind, _ = demo.rows[row.parent_id]
        assert demo.state_before(row.parent_id, asked[0]) in definition(parent_kind).operations[
            "request_change"].states, number
        assert CaseLink.select().where((CaseLink.source == row.parent_id) & (CaseLink.target == case_id)
                                       & (CaseLink.kind == "change")).count() == 1

    problem_links = list(CaseLink.select().where(CaseLink.kind == "problem"))
    assert problem_links
    for link in problem_links:
        for side, other in ((link.source_id, link.target_id), (link.target_id, link.source_id)):
            said = [e for e in demo.events[side] if e.kind == "link_problem"
                    and json.loads(e.after) == {"linked": demo.number[other]}]
            assert [e.occurred_at for e in said] == [link.created_at], demo.number[side]
        said = next(e for e in demo.events[link.source_id] if e.kind == "link_problem"
                    and json.loads(e.after) == {"linked": demo.number[link.target_id]})
        assert demo.state_before(link.source_id, said) in definition("incident").operations["link_problem"].states
        # closing a problem resolves its open linked incidents: the demo links only ones already closed by then
        closed = [e for e in demo.transitions(link.target_id) if e.kind == "close"]
        if closed and link.created_at < closed[0].occurred_at:
            state = demo.state_at(link.source_id, closed[0].occurred_at)
            assert definition("incident").states[state].final, demo.number[link.source_id]

    # notices: what `propagate` (and register's assignment) queue for a transition, as `queue_notices` writes them
    events = {e.id: e for history in demo.events.values() for e in history}
    notices = list(Notification.select())
    assert notices
    for n in notices:
        e = events[n.event_id]
        payload = json.loads(n.payload)
        assert "propagate" in definition("incident").transitions[e.kind].effects
        assert (n.case_id, n.channel, n.status, n.sent_at, n.dedupe_key) == (
            e.case_id, "inapp", "sent", e.occurred_at, f"{e.id}:{n.recipient_id}:inapp")
        assert (payload["number"], payload["event"], payload["kind"], payload["reason"], payload["at"]) == (
            demo.number[e.case_id], e.kind, n.kind, n.reason, e.occurred_at.isoformat() + "Z")
        assert payload["state"] == e.to_state and n.recipient_id != e.actor_id

    for case_id, (kind, row) in demo.rows.items():
        if kind != "incident":
            continue
        set_parent = [e for e in demo.events[case_id] if e.kind == "set_parent"]
        assert len(set_parent) == (0 if row.parent_id is None else 1), demo.number[case_id]
        if row.parent_id is not None:
            assert json.loads(set_parent[0].after) == {"parent": row.parent_id}
            added = [e for e in demo.events[row.parent_id] if e.kind == "child_added"
                     and json.loads(e.after) == {"child": demo.number[case_id]}]
            assert [e.occurred_at for e in added] == [set_parent[0].occurred_at]


def check_sla(demo: Demo) -> None:
    """SLA pauses are the waits and the closed-to-reopened gaps; stored clock figures are what `sla` computes."""
    pauses: dict[int, list[tuple[datetime, datetime | None, str]]] = defaultdict(list)
    for p in SlaPause.select().order_by(SlaPause.started_at):
        pauses[p.case_id].append((p.started_at, p.ended_at, p.reason))
    calendars: dict[int, Any] = {}
    clocks = {(c.case_id, c.kind): c for c in SlaClock.select()}
    for case_id, (kind, row) in demo.rows.items():
        if kind != "incident":
            assert case_id not in pauses
            continue
        expected: list[tuple[datetime, datetime | None, str]] = []
        moves = demo.transitions(case_id)
        for i, e in enumerate(moves):
            # a pause lasts until the case leaves the state (stay transitions such as regrade do not end it)
            leaving = next((n for n in moves[i + 1:] if n.to_state != e.to_state), None)
            if e.kind == "wait":
                expected.append((e.occurred_at, leaving.occurred_at if leaving else None, "waiting"))
            if e.kind == "close" and leaving is not None:
                assert leaving.kind == "reopen"
                expected.append((e.occurred_at, leaving.occurred_at, "reopened"))
        assert pauses.get(case_id, []) == expected, demo.number[case_id]
        spans = [(a, b) for a, b, _ in expected]
        for clock_kind in ("response", "resolution"):
            clock = clocks[(case_id, clock_kind)]
            calendar = calendars.setdefault(clock.calendar_id, load_calendar(clock.calendar_id))
            open_pause = spans[-1][0] if spans and spans[-1][1] is None else None
            assert clock.paused_at == (open_pause if clock.stopped_at is None else None), demo.number[case_id]
            if clock.stopped_at is not None:
                m = sla.measure(clock, calendar, spans, clock.stopped_at)
                assert (clock.elapsed_wall_minutes, clock.elapsed_business_minutes, clock.paused_wall_minutes) == (
                    m.wall, m.business, m.paused_wall), demo.number[case_id]
                if clock.met is not None:
                    assert clock.met == (sla.judged(clock, m) <= clock.target_minutes)
                assert clock.due_at is None
            else:
                assert clock.due_at == sla.due_at(clock, calendar, spans), demo.number[case_id]
        response, resolution = clocks[(case_id, "response")], clocks[(case_id, "resolution")]
        assert response.stopped_at == (row.accepted_at or row.cancelled_at)
        assert resolution.stopped_at == (row.closed_at or row.cancelled_at)


def test_every_case_follows_its_process_definition(db):
    demo = load()
    check_transitions(demo)
    kinds = {(kind, e.kind) for case_id, (kind, _) in demo.rows.items() for e in demo.transitions(case_id)}
    # the demo shows every path of the incident process, and the main ones of the others
    assert {("incident", t) for t in ("register", "accept", "start", "wait", "resume", "regrade", "assign", "close",
                                      "cancel", "reopen")} <= kinds
    assert {("problem", t) for t in ("register", "start_derivation", "record_known_error", "plan", "submit_result",
                                     "close")} <= kinds
    assert {("change", t) for t in ("request", "approve", "implement", "review", "close")} <= kinds
    assert {("work_order", t) for t in ("issue", "start", "complete", "return")} <= kinds
    assert "waiting" in {row.state for kind, row in demo.rows.values() if kind == "incident"}


def test_operations_and_effect_events_are_the_engines(db):
    check_operations_and_effects(load())


def test_sla_pauses_and_clocks_are_what_sla_computes(db):
    check_sla(load())


def test_the_engine_carries_on_from_the_demo(db):
    demo = load()
    later = NOW.replace(hour=9)
    waiting = next(row for kind, row in demo.rows.values() if kind == "incident" and row.state == "waiting")
    r = cs.transition(actor_id=waiting.assignee_id, case_id=waiting.case_id, name="resume", version=waiting.version,
                      now=later)
    assert (r.from_state, r.state, r.version) == ("waiting", "in_progress", waiting.version + 1)
    assert SlaPause.get((SlaPause.case == waiting.case_id) & (SlaPause.reason == "waiting")).ended_at == later
    assert SlaClock.get((SlaClock.case == waiting.case_id) & (SlaClock.kind == "resolution")).paused_at is None
    busy = next(row for kind, row in demo.rows.values() if kind == "incident" and row.state == "in_progress")
    r = cs.transition(actor_id=busy.assignee_id, case_id=busy.case_id, name="wait", version=busy.version,
                      fields={"note": "고객 확인 요청"}, now=later)
    assert r.state == "waiting"
    # the engine stores the same definition version the demo used
    assert {p.process for p in ProcessDefinition.select()} == set(KIND_MODELS)
    assert ProcessDefinition.select().count() == len(KIND_MODELS)
