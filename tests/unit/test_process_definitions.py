"""Process definitions: the shipped ones are valid, broken ones are refused by name."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from desktop.workflow.engine.process import (
    ProcessDefinitionError,
    load_definition_file,
    parse_definition,
    process_dir,
)

ROOT = Path(__file__).resolve().parents[2]
BROKEN = ROOT / "tests" / "fixtures" / "processes"


@pytest.mark.parametrize("kind", ["incident", "problem", "change", "work_order"])
def test_shipped_definitions_are_valid(kind):
    process = load_definition_file(process_dir() / f"{kind}.toml")
    assert process.kind == kind
    assert process.initial.name == process.creation.target
    for state in process.states.values():
        assert state.label["ko"] and state.label["en"]


def test_incident_has_the_four_stages_of_the_design():
    process = load_definition_file(process_dir() / "incident.toml")
    stages = sorted((s.stage, s.label["ko"]) for s in process.states.values() if s.stage)
    assert [label for _, label in stages if _ in (1, 2, 4)] == ["등록", "접수 및 전파", "종결"]
    assert {s.name for s in process.states.values() if s.stage == 3} == {"in_progress", "waiting"}
    assert process.states["waiting"].pauses_sla


def test_problem_has_the_five_stages_and_failing_verification_goes_back():
    process = load_definition_file(process_dir() / "problem.toml")
    by_stage = {s.stage: s.label["ko"] for s in process.states.values() if s.stage}
    assert by_stage == {1: "문제 등록", 2: "해결 방안 도출", 3: "해결 방안 실행", 4: "결과 확인", 5: "문제 종료"}
    failed = process.transitions["verify_failed"]
    assert failed.sources == ("verification",) and failed.target == "derivation"


CASES = [
    ("broken-unknown-state.toml", "transitions.close.to", "unknown state 'resolved'", "존재하지 않는 상태 'resolved'"),
    ("broken-unknown-effect.toml", "transitions.accept.effects", "unknown effect 'send_fax'",
     "존재하지 않는 효과 'send_fax'"),
    ("broken-unreachable.toml", "states.escalated", "'escalated' cannot be reached",
     "상태 'escalated'에 도달하는 전이가 없습니다"),
    ("broken-dead-end.toml", "states.waiting", "'waiting' has no way out", "'waiting'에서 나가는 전이가 없습니다"),
    ("broken-unknown-role.toml", "transitions.accept.roles", "role 'janitor' does not exist",
     "존재하지 않는 역할 'janitor'"),
]


@pytest.mark.parametrize(("name", "key", "english", "korean"), CASES, ids=[c[0] for c in CASES])
def test_broken_definitions_are_refused_naming_file_and_key(name, key, english, korean):
    with pytest.raises(ProcessDefinitionError) as caught:
        load_definition_file(BROKEN / name)
    err = caught.value
    assert err.key == key
    assert err.message("en").startswith(f"{BROKEN / name}: {key}: ")
    assert english in err.message("en")
    assert korean in err.message("ko")


@pytest.mark.parametrize(("name", "key", "english", "korean"), CASES, ids=[c[0] for c in CASES])
def test_process_check_command_rejects_them(name, key, english, korean):
    path = BROKEN / name
    result = subprocess.run([sys.executable, "-m", "desktop.cli", "--lang", "en", "process", "check", str(path)],
                            capture_output=True, text=True, timeout=60, env={**os.environ})
    assert result.returncode == 2
    assert result.stderr.startswith(f"beacon: {path}: {key}: ") and len(result.stderr.strip().splitlines()) == 1
    assert english in result.stderr and "Traceback" not in result.stderr


def test_process_check_command_accepts_a_valid_file():
    path = process_dir() / "incident.toml"
    result = subprocess.run([sys.executable, "-m", "desktop.cli", "--lang", "ko", "process", "check", str(path)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "올바른 'incident' 프로세스 정의입니다" in result.stdout


def test_every_broken_fixture_differs_from_the_shipped_file_in_one_place():
    shipped = tomllib.loads((process_dir() / "incident.toml").read_text(encoding="utf-8"))
    for name, *_ in CASES:
        assert tomllib.loads((BROKEN / name).read_text(encoding="utf-8")) != shipped


def test_bad_toml_and_missing_labels():
    with pytest.raises(ProcessDefinitionError) as caught:
        parse_definition("[process\nname=", file="x.toml")
    assert caught.value.key == "(file)" and "TOML" in caught.value.message("en")
    text = (process_dir() / "work_order.toml").read_text(encoding="utf-8")
    broken = text.replace('label = { ko = "진행", en = "In progress" }', 'label = { ko = "진행" }')
    with pytest.raises(ProcessDefinitionError) as caught:
        parse_definition(broken, file="wo.toml")
    assert caught.value.key == "states.in_progress.label"


def test_an_organisation_adds_a_state_by_editing_the_file_only():
    text = (process_dir() / "incident.toml").read_text(encoding="utf-8")
    extended = text + '''
[states.vendor]
label = { ko = "외부 업체 처리", en = "With vendor" }
stage = 3
pauses_sla = true

[transitions.to_vendor]
label = { ko = "업체 이관", en = "Hand to vendor" }
from = ["in_progress"]
to = "vendor"
roles = ["@assignee", "handler"]
required = ["note"]

[transitions.from_vendor]
label = { ko = "업체 처리 완료", en = "Back from vendor" }
from = ["vendor"]
to = "in_progress"
roles = ["@assignee", "handler"]
'''
    process = parse_definition(extended, file="incident.toml")
    assert process.states["vendor"].pauses_sla
    assert [t.name for t in process.transitions_from("vendor")] == ["from_vendor"]
