"""Every transition of every shipped process, and who may fire each (role × transition)."""

from __future__ import annotations

import json
import tomllib

import pytest

from desktop.errors import BeaconError
from desktop.models import Case, Event, database
from desktop.workflow.common.actors import load_actor
from desktop.workflow.common.cases import KIND_MODELS, application_of, load_row
from desktop.workflow.engine.engine import fire_in_transaction
from desktop.workflow.engine.process import definition, process_dir
from tests.bank import MATRIX, PERSONAS, T0, bring_to, fields_for, full_values, make_bank

KINDS = ["incident", "problem", "change", "work_order"]


def _parent(bank, kind):
    return bring_to(bank, "incident", "in_progress") if kind in ("change", "work_order") else None


def _every_transition():
    for kind in KINDS:
        process = definition(kind)
        for t in process.transitions.values():
            for source in t.sources:
                yield kind, t.name, source


@pytest.mark.parametrize(("kind", "name", "source"), list(_every_transition()),
                         ids=[f"{k}.{n}.from-{s}" for k, n, s in _every_transition()])
def test_transition_moves_the_case_and_records_it(db, kind, name, source):
    bank = make_bank()
    parent = _parent(bank, kind)
    case_id = bring_to(bank, kind, source, parent_id=parent)
    t = definition(kind).transitions[name]
    _, before = load_row(case_id)
    values = full_values(bank, kind, parent)
    if name == "regrade":
        values["grade"] = 4
    with database.atomic():
        result = fire_in_transaction(kind, name, actor=load_actor(bank.id("admin")), case_id=case_id,
                                     fields=fields_for(t, values), now=T0)
    _, after = load_row(case_id)
    expected_state = source if t.target == "=" else t.target
    assert after.state == result.state == expected_state
    assert after.version == before.version + 1
    event = Event.get_by_id(result.event_id)
    assert (event.kind, event.from_state, event.to_state) == (name, source, expected_state)
    assert event.case_id == case_id and event.actor_id == bank.id("admin")
    changed = json.loads(event.after)
    for field in t.required:
        column = KIND_MODELS[kind]._meta.fields.get(field)
        if column is not None:
            assert field in changed or getattr(before, column.column_name) == getattr(after, column.column_name)
    for stamp in t.stamp:
        assert getattr(after, stamp) == T0
    for cleared in t.clear:
        assert getattr(after, cleared) is None


def test_every_state_of_every_process_is_visited_by_the_walk():
    states_reached = {kind: set() for kind in KINDS}
    for kind, name, source in _every_transition():
        t = definition(kind).transitions[name]
        states_reached[kind] |= {source, t.target_from(source)}
    for kind in KINDS:
        assert states_reached[kind] == set(definition(kind).states), kind


def _raw_roles(kind: str, name: str) -> list[str]:
    data = tomllib.loads((process_dir() / f"{kind}.toml").read_text(encoding="utf-8"))
    return data["transitions"][name]["roles"]


def _expected(bank, kind, roles, persona, row) -> bool:
    """An independent reading of the definition: global roles or a relation to the case."""
    if set(PERSONAS[persona]) & set(roles):
        return True
    uid = bank.id(persona)
    reporter = {"incident": "registered_by_id", "problem": "registered_by_id", "change": "requested_by_id",
                "work_order": "issued_by_id"}[kind]
    if "@reporter" in roles and getattr(row, reporter) == uid:
        return True
    if "@assignee" in roles and row.assignee_id == uid:
        return True
    return "@owner" in roles and application_of(kind, row) == bank.app.id and persona in MATRIX


def _first_sources():
    for kind in KINDS:
        for t in definition(kind).transitions.values():
            if t.sources:
                yield kind, t.name, t.sources[0]


@pytest.mark.parametrize(("kind", "name", "source"), list(_first_sources()),
                         ids=[f"{k}.{n}" for k, n, _ in _first_sources()])
def test_each_role_can_do_exactly_what_the_definition_allows(db, kind, name, source):
    bank = make_bank()
    parent = _parent(bank, kind)
    case_id = bring_to(bank, kind, source, parent_id=parent)
    t = definition(kind).transitions[name]
    values = full_values(bank, kind, parent)
    if name == "regrade":
        values["grade"] = 4
    _, row = load_row(case_id)
    roles = _raw_roles(kind, name)
    table = {}
    with database.atomic():
        for persona in PERSONAS:
            with database.atomic() as savepoint:
                try:
                    fire_in_transaction(kind, name, actor=load_actor(bank.id(persona)), case_id=case_id,
                                        fields=fields_for(t, values), now=T0)
                    allowed = True
                except BeaconError as exc:
                    assert exc.code == "workflow.not_allowed", (persona, exc.message("en"))
                    allowed = False
                savepoint.rollback()
            table[persona] = allowed
    expected = {p: _expected(bank, kind, roles, p, row) for p in PERSONAS}
    assert table == expected
    assert table["outsider"] is False


@pytest.mark.parametrize("kind", KINDS)
def test_creating_transition_roles(db, kind):
    bank = make_bank()
    parent = _parent(bank, kind)
    process = definition(kind)
    t = process.creation
    values = full_values(bank, kind, parent)
    if kind == "incident":
        values.pop("assignee")
    table = {}
    with database.atomic():
        for persona in PERSONAS:
            with database.atomic() as savepoint:
                try:
                    fire_in_transaction(kind, t.name, actor=load_actor(bank.id(persona)), case_id=None,
                                        fields=fields_for(t, values), now=T0)
                    table[persona] = True
                except BeaconError as exc:
                    assert exc.code == "workflow.not_allowed", exc.message("en")
                    table[persona] = False
                savepoint.rollback()
    roles = set(_raw_roles(kind, t.name))
    assert table == {p: bool(set(r) & roles) for p, r in PERSONAS.items()}
    assert Case.select().where(Case.kind == kind).count() == 0


def test_a_transition_from_the_wrong_state_is_refused_and_changes_nothing(db):
    bank = make_bank()
    case_id = bring_to(bank, "incident", "registered")
    events = Event.select().count()
    with pytest.raises(BeaconError) as caught:
        close = definition("incident").transitions["close"]
        with database.atomic():
            fire_in_transaction("incident", "close", actor=load_actor(bank.id("admin")), case_id=case_id,
                                fields=fields_for(close, full_values(bank, "incident")), now=T0)
    assert caught.value.code == "workflow.bad_state"
    assert "등록" in caught.value.message("ko") and "Registered" in caught.value.message("en")
    assert load_row(case_id)[1].state == "registered" and Event.select().count() == events
