"""Administering processes: new versions drive new cases, running cases keep theirs, bad edits change nothing."""

from __future__ import annotations

import json

import pytest

from desktop.errors import BeaconError
from desktop.models import Event, Incident, ProcessDefinition, database
from desktop.workflow.admin.processes import (
    ProcessChangeError,
    activate_version,
    active_source,
    save_version,
    validate_definition,
    versions,
)
from desktop.workflow.cases.case_service import available_transitions
from desktop.workflow.common.actors import load_actor
from desktop.workflow.common.cases import load_row
from desktop.workflow.engine.engine import fire_in_transaction
from desktop.workflow.engine.process import ProcessDefinitionError, definition, open_states, shipped_definition
from tests.bank import T0, bring_to, create, make_bank

HOLD = """
[states.on_hold]
label = { ko = "보류", en = "On hold" }
stage = 3

[transitions.hold]
label = { ko = "보류", en = "Put on hold" }
from = ["in_progress"]
to = "on_hold"
roles = ["handler", "admin"]
optional = ["note"]

[transitions.release]
label = { ko = "보류 해제", en = "Release" }
from = ["on_hold"]
to = "in_progress"
roles = ["handler", "admin"]
optional = ["note"]
"""


def drop_table(text: str, header: str) -> str:
    """The text without one `[header]` table (up to the next blank line)."""
    start = text.index(f"[{header}]\n")
    end = text.index("\n\n", start) + 2
    return text[:start] + text[end:]


def with_hold(text: str) -> str:
    """Version 2 of the incident process: `on_hold` and its two transitions added, `regrade` dropped."""
    return drop_table(text, "transitions.regrade") + HOLD


def without_waiting(text: str) -> str:
    """The incident process without the `waiting` state (and the transitions in and out of it)."""
    for header in ("states.waiting", "transitions.wait", "transitions.resume"):
        text = drop_table(text, header)
    return text.replace(', "waiting"', "").replace('"waiting", ', "")


def fire(bank, case_id, name, **fields):
    with database.atomic():
        return fire_in_transaction("incident", name, actor=load_actor(bank.id("admin")), case_id=case_id,
                                   fields=fields, now=T0)


def names(bank, case_id):
    return {t.name for t in available_transitions(actor_id=bank.id("admin"), case_id=case_id)}


def test_a_saved_version_drives_new_cases_while_a_running_case_keeps_its_own(db):
    bank = make_bank()
    admin = bank.id("admin")
    old_case = bring_to(bank, "incident", "in_progress")
    base_id, base_version, text = active_source(actor_id=admin, kind="incident")
    assert text == shipped_definition("incident").source and base_version == 1

    saved = save_version(actor_id=admin, kind="incident", text=with_hold(text), base_id=base_id)
    assert saved.version == 2
    assert saved.difference.added_states == ("on_hold",)
    assert set(saved.difference.added_transitions) == {"hold", "release"}
    assert saved.difference.removed_transitions == ("regrade",)
    assert "on_hold" in definition("incident").states

    new_case = bring_to(bank, "incident", "in_progress")
    assert load_row(new_case)[1].process_id == saved.id
    assert load_row(old_case)[1].process_id == base_id
    # the new case has the new transitions and lacks the dropped one; the old case the other way round
    assert {"hold"} <= names(bank, new_case) and "regrade" not in names(bank, new_case)
    assert "hold" not in names(bank, old_case) and "regrade" in names(bank, old_case)
    assert fire(bank, new_case, "hold").state == "on_hold"
    assert fire(bank, new_case, "release").state == "in_progress"
    with pytest.raises(BeaconError) as refused:
        fire(bank, old_case, "hold")
    assert refused.value.code == "workflow.bad_state"
    assert fire(bank, old_case, "regrade", grade=2, grade_reason="영향 확대").state == "in_progress"
    with pytest.raises(BeaconError):
        fire(bank, new_case, "regrade", grade=2, grade_reason="영향 확대")

    event = Event.get((Event.entity == "process") & (Event.kind == "version_saved"))
    assert event.case_id is None and event.actor_id == admin and event.entity_id == "incident"
    assert json.loads(event.before)["version"] == 1 and json.loads(event.after)["version"] == 2
    assert "+state on_hold" in event.note and "-transition regrade" in event.note

    listed = {v.version: v for v in versions(actor_id=admin, kind="incident")}
    assert listed[2].is_active and not listed[1].is_active
    assert (listed[1].open_cases, listed[2].open_cases) == (1, 1)
    assert listed[2].loaded_by == "admin님" and listed[1].loaded_by == ""


def test_an_invalid_definition_is_refused_with_its_key_and_line_and_nothing_is_saved(db):
    bank = make_bank()
    admin = bank.id("admin")
    base_id, _, text = active_source(actor_id=admin, kind="incident")
    broken = with_hold(text).replace('to = "on_hold"', 'to = "on_hodl"')

    checked = validate_definition(kind="incident", text=broken)
    assert not checked.ok and isinstance(checked.error, ProcessDefinitionError)
    assert checked.error.key == "transitions.hold.to"
    assert broken.splitlines()[checked.line - 1] == 'to = "on_hodl"'
    assert "unknown state 'on_hodl'" in checked.error.message("en")
    assert "존재하지 않는 상태 'on_hodl'" in checked.error.message("ko")

    with pytest.raises(ProcessDefinitionError) as refused:
        save_version(actor_id=admin, kind="incident", text=broken, base_id=base_id)
    assert "transitions.hold.to" in refused.value.message("ko")
    assert ProcessDefinition.select().where(ProcessDefinition.process == "incident").count() == 1
    assert not Event.select().where(Event.entity == "process").exists()
    assert create(bank, "incident").case_id  # and new cases still start on version 1
    assert definition("incident").checksum == shipped_definition("incident").checksum


def test_a_toml_syntax_error_names_its_line(db):
    text = shipped_definition("incident").source.replace('[transitions.start]', '[transitions.start')
    checked = validate_definition(kind="incident", text=text)
    assert checked.error.problem == "bad_toml"
    assert text.splitlines()[checked.line - 1] == "[transitions.start"


def test_a_definition_for_another_process_is_refused(db):
    checked = validate_definition(kind="incident", text=shipped_definition("problem").source)
    assert checked.error.key == "process.kind" and checked.line == 6
    assert "'incident'" in checked.error.message("en") and "'problem'" in checked.error.message("ko")
    renamed = shipped_definition("incident").source.replace('name = "incident"', 'name = "outage"')
    assert validate_definition(kind="incident", text=renamed).error.key == "process.name"


def test_removing_a_state_open_cases_are_in_is_refused_until_they_leave_it(db):
    bank = make_bank()
    admin = bank.id("admin")
    waiting = bring_to(bank, "incident", "waiting")
    base_id, _, text = active_source(actor_id=admin, kind="incident")
    smaller = without_waiting(text)
    number = load_row(waiting)[1].case.number

    checked = validate_definition(kind="incident", text=smaller)
    assert checked.process is not None and isinstance(checked.error, ProcessChangeError)
    assert checked.difference.removed_states == ("waiting",)
    with pytest.raises(ProcessChangeError) as refused:
        save_version(actor_id=admin, kind="incident", text=smaller, base_id=base_id)
    assert refused.value.message("ko").startswith("상태 '고객 응답 대기'을(를) 뺄 수 없습니다: 열린 건 1건")
    assert number in refused.value.message("en") and "Waiting for customer" in refused.value.message("en")
    assert ProcessDefinition.select().where(ProcessDefinition.process == "incident").count() == 1

    fire(bank, waiting, "resume")
    saved = save_version(actor_id=admin, kind="incident", text=smaller, base_id=base_id)
    assert "waiting" not in definition("incident").states
    # the case that started on version 1 may still wait: its version has the state
    assert fire(bank, waiting, "wait", note="고객 확인 중").state == "waiting"
    assert load_row(waiting)[1].process_id == base_id != saved.id
    # going back to version 1 is allowed while the case waits: version 1 has the state
    activate_version(actor_id=admin, process_id=base_id, base_id=saved.id)
    assert "waiting" in definition("incident").states


def test_reactivating_an_older_version_is_an_event_and_new_cases_follow_it(db):
    bank = make_bank()
    admin = bank.id("admin")
    base_id, _, text = active_source(actor_id=admin, kind="incident")
    saved = save_version(actor_id=admin, kind="incident", text=with_hold(text), base_id=base_id)
    on_v2 = bring_to(bank, "incident", "on_hold")

    with pytest.raises(ProcessChangeError) as refused:  # version 1 has no on_hold, and a case is in it
        activate_version(actor_id=admin, process_id=base_id, base_id=saved.id)
    assert "On hold" in refused.value.message("en")
    fire(bank, on_v2, "release")
    info = activate_version(actor_id=admin, process_id=base_id, base_id=saved.id)
    assert info.is_active and info.version == 1
    assert load_row(create(bank, "incident").case_id)[1].process_id == base_id
    assert fire(bank, on_v2, "hold").state == "on_hold"  # the running case keeps version 2
    kinds = [e.kind for e in Event.select().where(Event.entity == "process").order_by(Event.id)]
    assert kinds == ["version_saved", "version_activated"]
    listed = {v.version: v for v in versions(actor_id=admin, kind="incident")}
    assert listed[1].is_active and (listed[1].open_cases, listed[2].open_cases) == (1, 1)

    with pytest.raises(ProcessChangeError) as again:
        activate_version(actor_id=admin, process_id=base_id, base_id=base_id)
    assert again.value.reason == "already_active"


def test_saving_is_refused_when_pointless_stale_or_not_an_administrator(db):
    bank = make_bank()
    admin = bank.id("admin")
    base_id, _, text = active_source(actor_id=admin, kind="incident")
    with pytest.raises(ProcessChangeError) as unchanged:
        save_version(actor_id=admin, kind="incident", text=text, base_id=base_id)
    assert unchanged.value.reason == "unchanged"
    with pytest.raises(BeaconError) as not_admin:
        save_version(actor_id=bank.id("handler"), kind="incident", text=with_hold(text), base_id=base_id)
    assert not_admin.value.code == "workflow.not_allowed"

    save_version(actor_id=admin, kind="incident", text=with_hold(text), base_id=base_id)
    with pytest.raises(ProcessChangeError) as stale:  # a second editor who started from version 1
        save_version(actor_id=admin, kind="incident", text=with_hold(text) + "\n# mine\n", base_id=base_id)
    assert stale.value.reason == "stale" and "admin님" in stale.value.message("ko")
    current_id = next(v.id for v in versions(actor_id=admin, kind="incident") if v.is_active)
    with pytest.raises(ProcessChangeError) as repeat:
        save_version(actor_id=admin, kind="incident", text=text, base_id=current_id)
    assert repeat.value.reason == "same_as_version" and "version 1" in repeat.value.message("en")
    assert ProcessDefinition.select().where(ProcessDefinition.process == "incident").count() == 2
    assert Incident.select().count() == 0


def test_a_case_in_a_state_only_its_older_version_has_stays_in_the_lists(db):
    from desktop.workflow.cases.queries import IncidentFilter, Sort, list_incidents
    from desktop.workflow.engine.process import state_label

    bank = make_bank()
    admin = bank.id("admin")
    handling = bring_to(bank, "incident", "in_progress")
    bring_to(bank, "incident", "accepted")
    base_id, _, text = active_source(actor_id=admin, kind="incident")
    save_version(actor_id=admin, kind="incident", text=without_waiting(text), base_id=base_id)
    fire(bank, handling, "wait", note="고객 확인 중")  # its version 1 still has the state
    number = load_row(handling)[1].case.number

    for descending in (False, True):
        listed = list_incidents(actor_id=admin, sort=Sort("state", descending=descending)).rows
        assert number in [r.number for r in listed] and len(listed) == 2
    waiting = list_incidents(actor_id=admin, filters=IncidentFilter(states=("waiting",))).rows
    assert [r.number for r in waiting] == [number]
    assert state_label("incident", "waiting", "ko") == "고객 응답 대기"
    # the list's "Open" filter and the effects' final states know the dropped state's kind
    assert "waiting" in open_states("incident") and "waiting" not in definition("incident").states
    still_open = list_incidents(actor_id=admin, filters=IncidentFilter(states=tuple(open_states("incident")))).rows
    assert number in [r.number for r in still_open]
