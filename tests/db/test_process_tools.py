"""Trying, comparing, upgrading, exporting and importing processes (#23 items 3–5), on both backends."""

from __future__ import annotations

import re
import shutil

import pytest

from desktop.errors import BeaconError
from desktop.models import Event, ProcessDefinition, database
from desktop.models import db as dbmod
from desktop.workflow.admin import process_files as files
from desktop.workflow.admin import process_trial as trial
from desktop.workflow.admin.processes import ProcessChangeError, active_source, save_version, validate_definition
from desktop.workflow.common.cases import load_row
from desktop.workflow.engine.process import ProcessDefinitionError, definition, forget_active, parse_definition
from tests.bank import bring_to, make_bank
from tests.db.test_admin_processes import fire, with_hold, without_waiting

REVIEW = """
[states.review]
label = { ko = "2선 검토", en = "Second-line review" }
stage = 3

[transitions.send_to_review]
label = { ko = "2선 검토 요청", en = "Send for review" }
from = ["in_progress"]
to = "review"
roles = ["team_lead"]
required = ["resolution"]
optional = ["note"]
effects = ["propagate"]

[transitions.approve_review]
label = { ko = "검토 완료", en = "Review done" }
from = ["review"]
to = "in_progress"
roles = ["team_lead", "admin"]
"""


def row_counts() -> dict[str, int]:
    """Rows in every table of the bound database (on PostgreSQL: every table the runtime login may read —
    the audit log the triggers write follows the case tables counted here)."""
    hidden = ("credential", "audit_log") if dbmod.backend() == "postgresql" else ()
    return {table: database.execute_sql(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]
            for table in database.get_tables() if table not in hidden}


def edited(text: str):
    return parse_definition(text, file="incident.toml")


# --- dry run ------------------------------------------------------------------------------------

def test_a_dry_run_lists_fields_effects_and_who_is_told_and_writes_nothing(db):
    bank = make_bank()
    admin = bank.id("admin")
    open_case = bring_to(bank, "incident", "in_progress")
    _, _, text = active_source(actor_id=admin, kind="incident")
    process = edited(text + REVIEW)
    before = row_counts()

    sample = trial.new_sample(actor_id=admin, kind="incident", application_id=bank.app.id)
    (register,) = trial.steps(actor_id=admin, process=process, sample=sample, state=None, language="ko")
    assert register.transition == "register" and register.target_label == "등록"
    assert [(f.label, f.required) for f in register.fields][:3] == [("제목", True), ("내용", True),
                                                                    ("업무시스템", True)]
    effects = {e.name: e.description for e in register.effects}
    assert effects["propagate"].startswith("업무시스템의 전파 그룹")
    assert effects["assign_from_matrix"] == "업무시스템의 주담당자에게 배정합니다 (없으면 담당 팀)"
    told = {(r.name, r.reason, r.effects) for r in register.recipients}
    # the primary handler once, reached by the assignment and the propagation alike
    assert ("handler님", "업무시스템 주담당자", ("assign_from_matrix", "propagate")) in told
    assert {("lead님", "담당 팀장", ("propagate",)), ("head님", "부서장", ("propagate",))} <= told
    assert len(told) == len(register.recipients) == len({r.user_id for r in register.recipients})
    assert not any(r.name == "admin님" for r in register.recipients)  # the actor is never told

    # walking on from a real open case's state: the new transition, with its fields and roles in English
    sample = trial.case_sample(actor_id=admin, case_id=open_case)
    assert trial.start_state(process, sample) == "in_progress"
    offered = {s.transition: s for s in trial.steps(actor_id=admin, process=process, sample=sample,
                                                    state="in_progress", language="en")}
    review = offered["send_to_review"]
    assert review.target_label == "Second-line review" and review.roles == ("Team lead",)
    assert [(f.label, f.required) for f in review.fields] == [("Resolution", True), ("Note", False)]
    assert review.effects[0].description == ("tells the application's propagation group at once "
                                             "(and the reporter of status changes)")
    assert {r.user_id for r in review.recipients} >= {bank.id("handler"), bank.id("lead"), bank.id("head")}
    (back,) = trial.steps(actor_id=admin, process=process, sample=sample, state="review", language="en")
    assert back.transition == "approve_review" and back.target == "in_progress" and back.recipients == ()

    assert row_counts() == before
    assert load_row(open_case)[1].state == "in_progress"


def test_a_dry_run_is_for_administrators_only(db):
    bank = make_bank()
    with pytest.raises(BeaconError) as refused:
        trial.new_sample(actor_id=bank.id("handler"), kind="incident", application_id=bank.app.id)
    assert refused.value.code == "workflow.not_allowed"


# --- comparison ---------------------------------------------------------------------------------

def test_the_comparison_names_open_cases_in_a_removed_state_and_every_change(db):
    bank = make_bank()
    admin = bank.id("admin")
    waiting = [bring_to(bank, "incident", "waiting") for _ in range(3)]
    numbers = sorted(load_row(c)[1].case.number for c in waiting)
    _, _, text = active_source(actor_id=admin, kind="incident")
    process = edited(without_waiting(text).replace('roles = ["@owner", "handler", "team_lead", "admin"]',
                                                   'roles = ["@owner", "handler", "admin"]', 1)
                     .replace('effects = ["take_assignment", "sla_stop_response", "propagate"]',
                              'effects = ["take_assignment", "propagate"]')
                     .replace('stamp = ["accepted_at"]', 'stamp = []') + REVIEW)
    before = row_counts()

    comparison = trial.compare_with_active(actor_id=admin, kind="incident", process=process)
    (stuck,) = comparison.stuck_lines()
    assert stuck.text("en") == (f"3 open case(s) are in a state this version removes ('Waiting for customer'): "
                                f"{', '.join(numbers)}")
    assert stuck.text("ko").startswith("열린 건 3건이 이 버전에서 빠지는 상태 '고객 응답 대기'에 있습니다: INC-")
    english = [line.text("en") for line in comparison.lines]
    assert "State added: Second-line review (stage 3)" in english
    assert "State removed: Waiting for customer" in english
    assert "Transition removed: Wait for customer (Handling → Waiting for customer)" in english
    assert ("Transition added: Send for review (Handling → Second-line review, fired by Team lead)"
            in english)
    assert "'Accept' no longer fired by Team lead" in english
    assert "'Cancel' may no longer be taken from Waiting for customer" in english
    assert "'Accept' no longer runs: stops the response SLA clock" in english
    assert "'Accept' no longer stamps accepted at" in english
    assert not any(re.search(r"[a-z]+_[a-z]+", line) for line in english)  # no internal code reaches a person
    korean = [line.text("ko") for line in comparison.lines]
    assert "상태 추가: 2선 검토 (3단계)" in korean and "'접수' 실행 역할 삭제: 팀장" in korean
    assert row_counts() == before
    # and the save would be refused for the same cases
    with pytest.raises(ProcessChangeError):
        save_version(actor_id=admin, kind="incident", text=process.source, base_id=None)


# --- shipped upgrades ---------------------------------------------------------------------------

@pytest.fixture
def shipped_dir(tmp_path, monkeypatch):
    """A copy of the shipped processes that the test may edit as a newer release would."""
    from desktop.paths import resource_path

    folder = tmp_path / "processes"
    shutil.copytree(resource_path("processes"), folder)
    monkeypatch.setenv("BEACON_PROCESS_DIR", str(folder))
    return folder


def test_a_newer_shipped_process_is_offered_merged_or_ignored_until_a_newer_one(db, shipped_dir):
    bank = make_bank()
    admin = bank.id("admin")
    base_id, _, text = active_source(actor_id=admin, kind="incident")  # the database's v1: the shipped text
    assert files.shipped_offers(actor_id=admin) == []
    mine = save_version(actor_id=admin, kind="incident", text=with_hold(text), base_id=base_id)
    assert files.shipped_offer(actor_id=admin, kind="incident") is None  # tailoring is not an upgrade

    release = text + REVIEW
    (shipped_dir / "incident.toml").write_text(release, encoding="utf-8")
    offer = files.shipped_offer(actor_id=admin, kind="incident")
    assert offer is not None and [o.kind for o in files.shipped_offers(actor_id=admin)] == ["incident"]
    english = [line.text("en") for line in offer.comparison.lines]
    # against the administrator's own version: theirs has on_hold, the release has review and regrade
    assert "State added: Second-line review (stage 3)" in english and "State removed: On hold" in english
    assert offer.comparison.base_version == 2

    files.ignore_shipped(actor_id=admin, kind="incident", checksum=offer.checksum)
    assert files.shipped_offer(actor_id=admin, kind="incident") is None
    event = Event.get((Event.entity == "process") & (Event.kind == "shipped_ignored"))
    assert event.actor_id == admin

    newer = release.replace('label = { ko = "검토 완료", en = "Review done" }',
                            'label = { ko = "검토 완료", en = "Review finished" }')
    (shipped_dir / "incident.toml").write_text(newer, encoding="utf-8")
    offer = files.shipped_offer(actor_id=admin, kind="incident")
    assert offer is not None
    saved = files.adopt_shipped(actor_id=admin, kind="incident", checksum=offer.checksum, base_id=mine.id)
    forget_active("incident")
    assert saved.version == 3 and "review" in definition("incident").states
    assert definition("incident").checksum == offer.checksum
    assert files.shipped_offer(actor_id=admin, kind="incident") is None
    assert bring_to(bank, "incident", "review")  # new cases run on it


def test_an_old_database_with_a_stored_v1_is_offered_the_release_and_a_stale_offer_is_refused(db, shipped_dir):
    bank = make_bank()
    admin = bank.id("admin")
    _, _, text = active_source(actor_id=admin, kind="incident")
    older = text.replace("[states.waiting]", "[states.waiting]\n# an older release's wording").replace(
        'label = { ko = "처리 재개", en = "Resume" }', 'label = { ko = "재개", en = "Continue" }')
    ProcessDefinition.update(source=older, checksum=edited(older).checksum).where(
        ProcessDefinition.process == "incident").execute()  # as an older release seeded it
    forget_active("incident")
    offer = files.shipped_offer(actor_id=admin, kind="incident")
    assert offer is not None
    assert [line.text("en") for line in offer.comparison.lines] == ["Transition renamed: Continue → Resume"]
    assert [line.text("ko") for line in offer.comparison.lines] == ["전이 이름 변경: 재개 → 처리 재개"]
    (shipped_dir / "incident.toml").write_text(text + REVIEW, encoding="utf-8")
    with pytest.raises(ProcessChangeError) as refused:
        files.adopt_shipped(actor_id=admin, kind="incident", checksum=offer.checksum, base_id=None)
    assert "Reload" in refused.value.message("en")


def test_adopting_a_release_that_drops_a_state_open_cases_are_in_is_refused_like_a_save(db, shipped_dir):
    bank = make_bank()
    admin = bank.id("admin")
    waiting = bring_to(bank, "incident", "waiting")
    _, _, text = active_source(actor_id=admin, kind="incident")
    (shipped_dir / "incident.toml").write_text(without_waiting(text), encoding="utf-8")
    offer = files.shipped_offer(actor_id=admin, kind="incident")
    assert [s.state for s in offer.comparison.stuck] == ["waiting"]
    with pytest.raises(ProcessChangeError) as refused:
        files.adopt_shipped(actor_id=admin, kind="incident", checksum=offer.checksum, base_id=None)
    assert load_row(waiting)[1].case.number in refused.value.message("ko")
    fire(bank, waiting, "resume")
    assert files.adopt_shipped(actor_id=admin, kind="incident", checksum=offer.checksum, base_id=None).version == 2


# --- export and import --------------------------------------------------------------------------

def test_export_then_import_round_trips_and_puts_the_version_in_force(db, tmp_path):
    bank = make_bank()
    admin = bank.id("admin")
    base_id, _, text = active_source(actor_id=admin, kind="incident")
    save_version(actor_id=admin, kind="incident", text=text + REVIEW, base_id=base_id)
    path = tmp_path / "incident.toml"
    assert files.export_file(actor_id=admin, kind="incident", path=path) == 2
    assert path.read_text(encoding="utf-8") == text + REVIEW

    # another database would import it; here: go back to v1, then import the file as v3
    from desktop.workflow.admin.processes import activate_version

    activate_version(actor_id=admin, process_id=base_id, base_id=None)
    with pytest.raises(ProcessChangeError) as refused:  # the same text as v2: the editor says so too
        files.import_text(actor_id=admin, text=path.read_text(encoding="utf-8"), file=str(path))
    assert refused.value.reason == "same_as_version"
    changed = path.read_text(encoding="utf-8").replace("Review done", "Review finished")
    kind, saved = files.import_text(actor_id=admin, text=changed, file=str(path))
    forget_active("incident")
    assert (kind, saved.version) == ("incident", 3)
    assert definition("incident").transitions["approve_review"].label["en"] == "Review finished"
    assert load_row(bring_to(bank, "incident", "review"))[1].process_id == saved.id


def test_an_invalid_file_is_refused_with_the_editors_message_and_line(db):
    bank = make_bank()
    admin = bank.id("admin")
    _, _, text = active_source(actor_id=admin, kind="incident")
    broken = (text + REVIEW).replace('to = "review"', 'to = "reveiw"')
    before = row_counts()
    with pytest.raises(ProcessDefinitionError) as refused:
        files.import_text(actor_id=admin, text=broken, file="mine.toml")
    editor = validate_definition(kind="incident", text=broken)
    assert refused.value.message("ko") == editor.error.message("ko")
    assert refused.value.message("en") == editor.error.message("en")
    assert files.error_line(broken, refused.value) == editor.line
    assert broken.splitlines()[editor.line - 1] == 'to = "reveiw"'
    with pytest.raises(ProcessDefinitionError) as refused:
        files.import_text(actor_id=admin, text="[process\n", file="mine.toml")
    assert refused.value.problem == "bad_toml" and files.error_line("[process\n", refused.value) == 1
    assert row_counts() == before


def test_a_non_administrator_can_neither_export_nor_import(db):
    bank = make_bank()
    _, _, text = active_source(actor_id=bank.id("admin"), kind="incident")
    for who in ("handler", "lead"):
        with pytest.raises(BeaconError) as refused:
            files.export_text(actor_id=bank.id(who), kind="incident")
        assert refused.value.code == "workflow.not_allowed"
        with pytest.raises(BeaconError) as refused:
            files.import_text(actor_id=bank.id(who), text=text + REVIEW, file="x.toml")
        assert refused.value.code == "workflow.not_allowed"
    assert ProcessDefinition.select().where(ProcessDefinition.process == "incident").count() == 1


# --- the command line ---------------------------------------------------------------------------

def test_cli_export_import_round_trip_refusal_in_the_editors_words_and_admins_only(cli_as, tmp_path, capsys):
    from desktop.cli import main

    make_bank()
    handler = cli_as("handler")
    db = cli_as("admin")
    out = tmp_path / "incident.toml"
    assert main(["--lang", "en", "process", "export", "incident", "--out", str(out), "--database", db]) == 0
    assert "Exported version 1 of the 'Incident' process" in capsys.readouterr().out
    text = out.read_text(encoding="utf-8")
    assert parse_definition(text, file="x").states.keys() == definition("incident").states.keys()

    out.write_text(text + REVIEW, encoding="utf-8")
    assert main(["--lang", "ko", "process", "import", str(out), "--database", db]) == 0
    assert "'장애' 프로세스 버전 2으로 저장했습니다" in capsys.readouterr().out
    forget_active("incident")
    assert "review" in definition("incident").states

    broken = tmp_path / "broken.toml"
    broken.write_text((text + REVIEW).replace('to = "review"', 'to = "reveiw"'), encoding="utf-8")
    editor = validate_definition(kind="incident", text=broken.read_text(encoding="utf-8"))
    for language in ("en", "ko"):
        assert main(["--lang", language, "process", "import", str(broken), "--database", db]) == 2
        said = capsys.readouterr().err.strip()
        line = f"Line {editor.line}: " if language == "en" else f"{editor.line}행: "
        assert said == f"beacon: {line}{editor.error.message(language)}"
    assert main(["--lang", "en", "process", "export", "incident", "--version", "1", "--out", str(out),
                 "--database", db]) == 0
    assert out.read_text(encoding="utf-8") == text
    assert main(["--lang", "en", "process", "import", str(out), "--database", db]) == 2
    assert "This is the same as version 1" in capsys.readouterr().err

    handler = cli_as("handler")
    assert main(["--lang", "en", "process", "import", str(out), "--database", handler]) == 2
    assert "Only an administrator may import or export a process" in capsys.readouterr().err
    assert main(["--lang", "en", "process", "export", "incident", "--out", str(out), "--database", handler]) == 2
    capsys.readouterr()
    assert ProcessDefinition.select().where(ProcessDefinition.process == "incident").count() == 2


def test_postgres_refuses_a_non_administrators_login_a_new_process_version_whatever_the_client_says(cli_as):
    """The grants, not only Beacon's own check: a handler's login cannot write process versions."""
    if dbmod.backend() != "postgresql":
        pytest.skip("SQLite is one person's file; PostgreSQL's grants guard a shared database")
    import peewee

    bank = make_bank()
    _, _, text = active_source(actor_id=bank.id("admin"), kind="incident")
    handler_url = cli_as("handler")
    dbmod.connect(handler_url)
    with pytest.raises(peewee.ProgrammingError, match="permission denied"):  # as if a client skipped the check
        files.import_text(actor_id=bank.id("admin"), text=text + REVIEW, file="x.toml")
