"""The process editing model: each edit gives a new draft, its TOML loads back to the same draft, problems live."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import desktop.workflow  # noqa: F401  (fills the effect registry)
from desktop.cli import main as cli_main
from desktop.workflow.admin.process_edit import Draft, EditError, check, effect_choices, read_draft
from desktop.workflow.engine.effects import DESCRIPTIONS, EFFECTS, describe
from desktop.workflow.engine.fields import FIELDS, STAMPS
from desktop.workflow.engine.process import (
    RELATIONS,
    STAY,
    ProcessDefinitionError,
    parse_definition,
    shipped_definition,
)
from desktop.workflow.engine.roles import ROLES

KINDS = ["incident", "problem", "change", "work_order"]
ROLE_CODES = [code for code, *_ in ROLES]


def incident() -> Draft:
    return Draft.from_process(shipped_definition("incident"))


def messages(problems, language="en"):
    return [(p.where, p.name, p.message(language)) for p in problems]


@pytest.mark.parametrize("kind", KINDS)
def test_each_shipped_process_writes_to_toml_that_reads_back_to_the_same_draft_and_validates(kind):
    draft = Draft.from_process(shipped_definition(kind))
    text = draft.to_toml()
    assert read_draft(text, file="x.toml") == draft
    assert parse_definition(text, file="x.toml").transitions == shipped_definition(kind).transitions
    assert text.startswith("# ")  # the file's opening comments are kept
    assert check(draft, known_roles=ROLE_CODES) == []


def test_every_effect_the_editor_offers_says_what_it_does_in_korean_and_english():
    offered = dict(effect_choices())
    assert set(offered) == set(EFFECTS) == set(DESCRIPTIONS)
    for name, text in offered.items():
        assert text["ko"] and text["en"] and text["ko"] != text["en"] and name not in (text["ko"], text["en"]), name
        assert text["en"] == describe(name, "en")


def test_adding_a_second_line_review_between_handling_and_closed():
    draft, review = incident().add_state(ko="2선 검토", en="Second-line review", stage=3)
    assert review == "second_line_review"
    assert {p.name for p in check(draft, known_roles=ROLE_CODES)} == {review}  # unreachable, dead end
    draft, ask = draft.add_transition("in_progress", review, ko="2선 검토 요청", en="Ask for review",
                                      roles=["@assignee"])
    draft, approve = draft.add_transition(review, "closed", ko="검토 완료", en="Review done", roles=["team_lead"])
    draft = draft.set_transition(approve, required=["resolution", "cause"], stamp=["resolved_at", "closed_at"],
                                 effects=["sla_stop_resolution", "propagate"])
    assert check(draft, known_roles=ROLE_CODES) == []
    process = parse_definition(draft.to_toml(), file="incident.toml")
    assert process.states[review].label == {"ko": "2선 검토", "en": "Second-line review"}
    assert process.transitions[approve].roles == ("team_lead",)
    assert process.transitions[approve].sources == (review,) and process.transitions[approve].target == "closed"
    assert process.transitions[ask].target == review


def test_removing_a_state_takes_its_arrows_and_keeps_the_rest_of_shared_transitions():
    draft = incident().remove_state("waiting")
    assert "wait" not in draft.transitions and "resume" not in draft.transitions
    assert "waiting" not in draft.transitions["cancel"].sources and "in_progress" in draft.transitions["cancel"].sources
    assert "waiting" not in draft.operations["comment"].states
    assert check(draft, known_roles=ROLE_CODES) == []
    with pytest.raises(EditError) as refused:
        draft.remove_state("registered")
    assert refused.value.message("ko") == "'등록'은(는) 건이 처음 들어가는 상태라서 뺄 수 없습니다"
    with pytest.raises(EditError) as refused:
        draft.remove_transition("register")
    assert refused.value.message("en") == "'Register' is the transition that creates a case, so it cannot be removed"


def test_a_state_open_cases_are_in_is_named_with_their_numbers_when_it_is_removed():
    draft = incident().remove_state("waiting")
    found = check(draft, known_roles=ROLE_CODES, in_use={"waiting": ["INC-2026-000007", "INC-2026-000009"]},
                  in_use_labels={"waiting": {"ko": "고객 응답 대기", "en": "Waiting for customer"}})
    assert messages(found) == [("process", "incident", "State 'Waiting for customer' cannot be removed: 2 open "
                                "case(s) are in it (INC-2026-000007, INC-2026-000009). Move or close them first.")]
    assert "INC-2026-000007" in found[0].message("ko") and "고객 응답 대기" in found[0].message("ko")


def test_live_problems_name_the_state_or_transition_in_the_users_language():
    draft = incident().set_transition("start", roles=["@assignee", "night_shift"], required=["colour"],
                                      effects=["send_fax"])
    draft = draft.set_transition("resume", roles=[])
    draft, lonely = draft.add_state(ko="외톨이", en="Lonely")
    found = check(draft, known_roles=ROLE_CODES)
    assert messages(found) == [
        ("transition", "start", "Start handling: role 'night_shift' does not exist"),
        ("transition", "start", "Start handling: unknown field 'colour' for this process"),
        ("transition", "start", "Start handling: unknown effect 'send_fax'"),
        ("transition", "resume", "Resume: no role may fire this transition"),
        ("state", lonely, "state 'Lonely' cannot be reached from the initial state"),
        ("state", lonely, "non-final state 'Lonely' has no way out"),
    ]
    assert found[0].message("ko") == "처리 시작: 존재하지 않는 역할 'night_shift'"


def test_a_state_left_without_a_way_out_is_a_dead_end():
    draft = incident().remove_transition("resume").remove_transition("cancel")
    assert messages(check(draft, known_roles=ROLE_CODES)) == [
        ("state", "cancelled", "state 'Cancelled' cannot be reached from the initial state"),
        ("state", "waiting", "non-final state 'Waiting for customer' has no way out")]


def test_a_state_or_transition_takes_its_code_from_its_english_name_references_and_all():
    draft, state = incident().add_state(ko="새 상태", en="New state 7")
    draft, into = draft.add_transition("in_progress", state, ko="가", en="To new state 7", roles=["handler"])
    draft, out = draft.add_transition(state, "closed", ko="나", en="Done", roles=["team_lead"])
    draft = draft.rename_state(state, ko="2선 검토", en="Second-line review")
    draft, code = draft.renamed_key(state)
    assert code == "second_line_review" and state not in draft.states
    assert draft.transitions[into].target == code and draft.transitions[out].sources == (code,)
    draft, t_code = draft.set_transition(into, en="Ask for review").renamed_key(into)
    assert t_code == "ask_for_review" and list(draft.transitions)[-2:] == ["ask_for_review", "done"]
    assert check(draft, known_roles=ROLE_CODES) == []
    assert draft.renamed_key("closed") == (draft, "closed")  # already its name: nothing changes


def test_bad_edits_are_refused_with_a_reason():
    draft = incident()
    with pytest.raises(EditError) as refused:
        draft.add_state(ko="", en="Review")
    assert refused.value.message("en") == "give both a Korean and an English name"
    with pytest.raises(EditError):
        draft.set_state("in_progress", stage=0)
    with pytest.raises(EditError) as refused:
        draft.add_transition("in_progress", "nowhere", ko="가", en="Go")
    assert refused.value.message("en") == "there is no state 'nowhere'"


def test_a_toml_that_cannot_be_drawn_is_refused_with_its_key_and_one_that_is_only_wrong_is_read():
    text = incident().to_toml()
    with pytest.raises(ProcessDefinitionError) as broken:
        read_draft(text.replace('label = { ko = "처리", en = "Handling" }', 'label = "처리"'), file="incident.toml")
    assert broken.value.key == "states.in_progress.label"
    wrong = read_draft(text.replace('to = "in_progress"\nroles = ["@assignee"',
                                    'to = "in_progres"\nroles = ["@assignee"'), file="incident.toml")
    assert ("transition", "start", "Start handling: unknown state 'in_progres'") in messages(
        check(wrong, known_roles=ROLE_CODES))
    # drawn without the broken arrow
    assert "start" not in wrong.as_process().transitions


# --- round trip over generated definitions ----------------------------------------------------------------------

labels = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=12).filter(lambda s: s.strip())


@st.composite
def edited_drafts(draw):
    """A shipped process with a run of diagram edits: states added/renamed/removed, transitions drawn and set."""
    kind = draw(st.sampled_from(KINDS))
    draft = Draft.from_process(shipped_definition(kind))
    fields, stamps, effects = sorted(FIELDS[kind]), sorted(STAMPS[kind]), sorted(EFFECTS)
    roles = ROLE_CODES + sorted(RELATIONS)
    for _ in range(draw(st.integers(1, 8))):
        op = draw(st.sampled_from(["add", "rename", "set", "remove", "connect", "edit", "drop"]))
        states = list(draft.states)
        moving = [t for t in draft.transitions.values() if not t.creates]
        try:
            if op == "add":
                draft, name = draft.add_state(ko=draw(labels), en=draw(labels),
                                              stage=draw(st.one_of(st.none(), st.integers(1, 6))),
                                              pauses_sla=draw(st.booleans()))
                source = draw(st.sampled_from([s for s in states if not draft.states[s].final]))
                draft, _ = draft.add_transition(source, name, ko=draw(labels), en=draw(labels),
                                                roles=draw(st.lists(st.sampled_from(roles), min_size=1)))
                out = draw(st.sampled_from(states))
                draft, _ = draft.add_transition(name, out, ko=draw(labels), en=draw(labels), roles=["admin"])
            elif op == "rename":
                draft = draft.rename_state(draw(st.sampled_from(states)), ko=draw(labels), en=draw(labels))
            elif op == "set":
                draft = draft.set_state(draw(st.sampled_from(states)),
                                        stage=draw(st.one_of(st.none(), st.integers(1, 6))),
                                        pauses_sla=draw(st.booleans()))
            elif op == "remove":
                draft = draft.remove_state(draw(st.sampled_from(states)))
            elif op == "connect":
                draft, _ = draft.add_transition(draw(st.sampled_from(states)), draw(st.sampled_from(states)),
                                                ko=draw(labels), en=draw(labels), roles=["handler"])
            elif op == "edit" and moving:
                t = draw(st.sampled_from(moving))
                draft = draft.set_transition(
                    t.name, ko=draw(labels), en=draw(labels),
                    roles=draw(st.lists(st.sampled_from(roles), min_size=1, max_size=4)),
                    required=(req := draw(st.lists(st.sampled_from(fields), max_size=3, unique=True))),
                    optional=draw(st.lists(st.sampled_from([f for f in fields if f not in req]), max_size=3)),
                    stamp=draw(st.lists(st.sampled_from(stamps), max_size=2)),
                    effects=draw(st.lists(st.sampled_from(effects), max_size=3)))
            elif op == "drop" and moving:
                draft = draft.remove_transition(draw(st.sampled_from(moving)).name)
        except EditError:
            pass  # the initial state or the creating transition: the editor refuses, the draft stays
    return draft


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edited_drafts())
def test_diagram_edits_give_toml_that_loads_back_to_the_same_draft_and_checks_as_the_file_would(draft):
    text = draft.to_toml()
    assert read_draft(text, file="x.toml") == draft
    problems = check(draft, known_roles=ROLE_CODES)
    try:
        process = parse_definition(text, file="x.toml", known_roles=ROLE_CODES)
    except ProcessDefinitionError:
        assert problems  # what the file's validation refuses, the editor has marked
        return
    assert problems == []  # and what it accepts, the editor accepts
    assert Draft.from_process(process) == draft
    assert {name: t.target for name, t in process.transitions.items()} == \
        {name: t.target for name, t in draft.transitions.items()}
    assert all(t.target == STAY or t.target in process.states for t in process.transitions.values())


def test_a_definition_edited_on_the_diagram_passes_beacon_process_check(tmp_path):
    draft, review = incident().add_state(ko="2선 검토 \"긴급\"", en="Second-line review", stage=3)
    draft, _ = draft.add_transition("in_progress", review, ko="검토 요청", en="Ask for review", roles=["@assignee"])
    draft, _ = draft.add_transition(review, "closed", ko="검토 완료", en="Review done", roles=["team_lead"])
    path = tmp_path / "incident.toml"
    path.write_text(draft.to_toml(), encoding="utf-8")
    assert cli_main(["--lang", "en", "process", "check", str(path)]) == 0
    result = subprocess.run([sys.executable, "-m", "desktop.cli", "--lang", "en", "process", "check", str(path)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"{path}: valid 'incident' process definition (7 states, 12 transitions)."
