"""The Processes tab's tools through their real widgets: dry run, comparison, shipped upgrade, export/import."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt

from desktop.models import ProcessDefinition
from desktop.views.admin.process_tools import (
    CompareDialog,
    DryRunDialog,
    ProcessTools,
    ShippedOfferDialog,
)
from desktop.views.i18n import install_language
from desktop.workflow.common.cases import load_row
from desktop.workflow.engine.process import definition, forget_active
from tests.bank import bring_to, make_bank
from tests.db.test_admin_processes import without_waiting
from tests.db.test_process_tools import REVIEW, row_counts
from tests.gui.test_admin_processes import click, editor_for
from tests.gui.test_admin_processes import keep as keep_widgets
from tests.gui.test_no_raw_codes import SNAKE

keep = keep_widgets  # the fixture, under its own name


@pytest.fixture
def bank(db, keep):
    bank = make_bank()
    bank.url = db
    bank.keep = keep
    yield bank
    install_language("en")  # the next test starts from English source texts


@pytest.fixture
def panels(monkeypatch):
    """The panels the tools open, kept instead of shown; each answers with `answers` (Close by default)."""
    opened: list = []
    answers: list[int] = []

    def show(dialog):
        opened.append(dialog)
        return answers.pop(0) if answers else 0

    monkeypatch.setattr(ProcessTools, "show_dialog", classmethod(lambda cls, dialog: show(dialog)))
    return opened, answers


@pytest.mark.parametrize("language", ["ko", "en"])
def test_a_dry_run_of_an_unsaved_edit_walks_a_sample_case_and_writes_nothing(qtbot, bank, panels, language):
    opened, _ = panels
    editor = editor_for(qtbot, bank, language)
    editor.editor.setPlainText(editor.editor.toPlainText() + REVIEW)
    before = row_counts()
    click(qtbot, editor.tools.dry_run_button)
    (dialog,) = opened
    assert isinstance(dialog, DryRunDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    # a new incident on the bank's application: its creating step, who it is assigned to, who is told
    assert dialog.steps.count() == 1
    detail = dialog.detail.toPlainText()
    assert ("제목" if language == "ko" else "Title") in detail
    assigns = "업무시스템의 주담당자에게 배정" if language == "ko" else "assigns the application's primary handler"
    assert assigns in detail
    assert ("담당 팀장" if language == "ko" else "team lead") in detail
    for _ in ("register", "accept", "start"):
        dialog.steps.setCurrentRow(0)
        click(qtbot, dialog.take_button)
    assert dialog.state == "in_progress"
    steps = [dialog.steps.item(i).data(Qt.ItemDataRole.UserRole) for i in range(dialog.steps.count())]
    dialog.steps.setCurrentRow(steps.index("send_to_review"))
    detail = dialog.detail.toPlainText()
    assert ("2선 검토" if language == "ko" else "Second-line review") in detail
    assert ("팀장" if language == "ko" else "Team lead") in detail
    assert not SNAKE.search(detail), detail  # no internal code (effect, field or role) reaches a person
    click(qtbot, dialog.take_button)
    assert dialog.state == "review"
    assert ("2선 검토" if language == "ko" else "Second-line review") in dialog.where.text()
    assert row_counts() == before
    assert ProcessDefinition.select().count() == before["process_definition"]


def test_the_dry_run_starts_from_an_open_cases_state_and_an_invalid_edit_is_said_instead(qtbot, bank, panels):
    opened, _ = panels
    case_id = bring_to(bank, "incident", "waiting")
    editor = editor_for(qtbot, bank, "en")
    click(qtbot, editor.tools.dry_run_button)
    dialog = opened[-1]
    qtbot.addWidget(dialog)
    dialog.case_choice.setChecked(True)
    assert dialog.cases.currentData() == case_id and dialog.state == "waiting"
    assert "Waiting for customer" in dialog.where.text()

    editor.editor.setPlainText(editor.editor.toPlainText().replace('to = "in_progress"', 'to = "nowhere"', 1))
    click(qtbot, editor.tools.dry_run_button)
    assert len(opened) == 1  # no panel for a broken edit: the editor's own message
    assert "Line " in editor.message.text() and "unknown state 'nowhere'" in editor.message.text()


@pytest.mark.parametrize("language", ["ko", "en"])
def test_the_comparison_names_the_open_cases_in_a_removed_state(qtbot, bank, panels, language):
    opened, _ = panels
    numbers = sorted(load_row(bring_to(bank, "incident", "waiting"))[1].case.number for _ in range(3))
    editor = editor_for(qtbot, bank, language)
    editor.editor.setPlainText(without_waiting(editor.editor.toPlainText()))
    click(qtbot, editor.tools.compare_button)
    (dialog,) = opened
    assert isinstance(dialog, CompareDialog)
    stuck = dialog.stuck.text()
    assert ", ".join(numbers) in stuck
    assert ("열린 건 3건" if language == "ko" else "3 open case(s)") in stuck
    changes = [dialog.changes.item(i).text() for i in range(dialog.changes.count())]
    assert ("상태 삭제: 고객 응답 대기" if language == "ko" else "State removed: Waiting for customer") in changes
    assert not any(SNAKE.search(line) for line in changes)


@pytest.fixture
def shipped_dir(tmp_path, monkeypatch):
    from desktop.paths import resource_path

    folder = tmp_path / "processes"
    shutil.copytree(resource_path("processes"), folder)
    monkeypatch.setenv("BEACON_PROCESS_DIR", str(folder))
    return folder


def test_a_newer_shipped_process_is_offered_and_adopted_or_ignored(qtbot, bank, panels, shipped_dir):
    opened, answers = panels
    editor = editor_for(qtbot, bank, "en")
    assert not editor.tools.offer_button.isVisible()
    text = editor.editor.toPlainText()
    (shipped_dir / "incident.toml").write_text(text + REVIEW, encoding="utf-8")
    editor.tools.refresh_offers()
    assert editor.tools.offer_button.isVisible() and "Incident" in editor.tools.offer_button.text()

    answers.append(ShippedOfferDialog.IGNORE)
    click(qtbot, editor.tools.offer_button)
    assert isinstance(opened[-1], ShippedOfferDialog)
    assert "State added: Second-line review (stage 3)" in [opened[-1].changes.item(i).text()
                                                             for i in range(opened[-1].changes.count())]
    assert not editor.tools.offer_button.isVisible()

    (shipped_dir / "incident.toml").write_text(text + REVIEW.replace("Review done", "Review finished"),
                                               encoding="utf-8")
    editor.tools.refresh_offers()
    answers.append(ShippedOfferDialog.ADOPT)
    click(qtbot, editor.tools.offer_button)
    forget_active("incident")
    assert "review" in definition("incident").states
    assert not editor.tools.offer_button.isVisible()
    assert editor.in_force.text().startswith("Version in force: v2")
    assert "Review finished" in editor.editor.toPlainText()


def test_export_then_import_in_the_screen_and_a_bad_file_is_refused_in_the_editors_words(qtbot, bank, tmp_path,
                                                                                         monkeypatch):
    editor = editor_for(qtbot, bank, "ko")
    out = tmp_path / "incident.toml"
    monkeypatch.setattr(ProcessTools, "ask_save_path", classmethod(lambda cls, parent, suggested: str(out)))
    click(qtbot, editor.tools.export_button)
    assert out.read_text(encoding="utf-8") == editor.editor.toPlainText()
    assert editor.message.text() == f"버전 1을(를) {out}에 내보냈습니다."

    broken = tmp_path / "broken.toml"
    broken.write_text(out.read_text(encoding="utf-8") + REVIEW.replace('to = "review"', 'to = "reveiw"'),
                      encoding="utf-8")
    chosen = [str(broken)]
    monkeypatch.setattr(ProcessTools, "ask_open_path", classmethod(lambda cls, parent: chosen[0]))
    monkeypatch.setattr(ProcessTools, "ask_import", classmethod(lambda cls, parent, path: True))
    click(qtbot, editor.tools.import_button)
    # exactly what the editor says when the same text is checked there (Save waits until it is valid)
    shown = editor.message.text()
    editor.editor.setPlainText(broken.read_text(encoding="utf-8"))
    click(qtbot, editor.validate_button)
    assert not editor.save_button.isEnabled()
    assert editor.message.text() == shown and "존재하지 않는 상태 'reveiw'" in shown
    assert ProcessDefinition.select().where(ProcessDefinition.process == "incident").count() == 1

    good = tmp_path / "good.toml"
    good.write_text(out.read_text(encoding="utf-8") + REVIEW, encoding="utf-8")
    chosen[0] = str(good)
    monkeypatch.setattr(type(editor), "ask_discard", classmethod(lambda cls, parent: True))
    click(qtbot, editor.tools.import_button)
    assert "v2" in editor.in_force.text()
    assert editor.message.text().startswith("good.toml을(를) 장애 프로세스 버전 2(으)로 가져왔습니다.")
    assert "review" in definition("incident").states
    assert "2선 검토" in editor.editor.toPlainText()


def test_the_tools_keep_to_a_1366x768_screen(qtbot, bank, panels):
    opened, _ = panels
    install_language("ko")
    editor = editor_for(qtbot, bank, "ko")
    editor.resize(1366 - 200, 768 - 80)
    assert editor.tools.sizeHint().width() <= 1366 - 200
    click(qtbot, editor.tools.dry_run_button)
    dialog = opened[-1]
    qtbot.addWidget(dialog)
    assert dialog.width() <= 1366 and dialog.height() <= 768 - 60
