"""The Processes tab through its real widgets: the diagram's layout, validating, saving and re-activating versions."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QApplication, QWidget

from desktop.models import Event, ProcessDefinition, database
from desktop.views.admin import SCREENS, AdminPage
from desktop.views.admin import processes as screen
from desktop.views.admin.processes import ProcessDiagram, ProcessEditor
from desktop.views.case_view import CaseView
from desktop.views.i18n import install_language
from desktop.views.session import ClientSession
from desktop.views.theme import load_fonts
from desktop.workflow.admin.processes import active_source, save_version
from desktop.workflow.common.actors import load_actor
from desktop.workflow.common.cases import load_row
from desktop.workflow.engine.engine import fire_in_transaction
from desktop.workflow.engine.process import STAY, shipped_definition
from tests.bank import bring_to, create, make_bank
from tests.db.test_admin_processes import with_hold, without_waiting
from tests.gui.test_case_view import table_of

KINDS = ["incident", "problem", "change", "work_order"]


@pytest.fixture
def keep():
    """Holds the test's top-level widgets and deletes them when it ends.

    qtbot only keeps weak references: a widget whose last reference sits in a reference cycle
    (a kept exception's traceback holds the test's frame) would otherwise be deleted by the
    garbage collector whenever it runs — possibly while that widget is being painted.
    """
    widgets: list[QWidget] = []
    yield widgets
    for widget in widgets:
        widget.close()
        widget.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def bank(db, keep):
    bank = make_bank()
    bank.url = db
    bank.keep = keep
    yield bank
    install_language("en")  # the next test starts from English source texts


def editor_for(qtbot, bank, language: str) -> ProcessEditor:
    assert install_language(language)
    session = ClientSession(actor=load_actor(bank.id("admin")), database_url=bank.url, language=language)
    editor = ProcessEditor(session)
    qtbot.addWidget(editor)
    bank.keep.append(editor)
    editor.resize(1280, 860)
    editor.show()
    return editor


def click(qtbot, button) -> None:
    assert button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def rows(editor: ProcessEditor) -> list[list[str]]:
    t = editor.table
    return [[t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())]


@pytest.mark.parametrize("language", ["ko", "en"])
@pytest.mark.parametrize("kind", KINDS)
def test_the_diagram_draws_every_state_and_transition_of_each_shipped_process_without_overlaps(qtbot, keep, kind,
                                                                                               language):
    load_fonts()
    widget = ProcessDiagram()
    qtbot.addWidget(widget)
    keep.append(widget)
    process = shipped_definition(kind)
    widget.set_process(process, language)
    d = widget.diagram
    assert set(d.boxes) == set(process.states)
    for name, box in d.boxes.items():
        assert box.title == process.states[name].label[language]
        assert box.initial == process.states[name].initial and box.final == process.states[name].final
    # one arrow per (transition, source state) that moves the case, plus the creating one
    moving = {(t.name, s) for t in process.transitions.values() for s in t.sources
              if t.target not in (STAY, s)} | {(process.creation.name, "")}
    assert {(a.transition, a.source) for a in d.arrows} == moving
    # transitions that stay in the state are listed in its box
    for t in process.transitions.values():
        if t.target == STAY:
            for s in t.sources:
                assert t.label[language] in d.boxes[s].stays
    drawn = [("state " + b.name, b.rect) for b in d.boxes.values()]
    drawn += [(f"label {a.transition} from {a.source}", a.label_rect) for a in d.arrows]
    overlaps = [(a, b) for i, (a, ra) in enumerate(drawn) for b, rb in drawn[i + 1:] if ra.intersects(rb)]
    assert overlaps == []
    for name, rect in drawn:
        assert rect.x >= 0 and rect.y >= 0 and rect.right <= widget.width() and rect.bottom <= widget.height(), name
    # each box is wide enough for its title in the widget's bold font
    bold = QFontMetricsF(widget.title_font())
    for box in d.boxes.values():
        assert bold.horizontalAdvance(box.title) < box.rect.w
    # stages run left to right: a later stage's boxes stand right of an earlier stage's
    staged = sorted(((s.stage, d.boxes[s.name].rect) for s in process.states.values() if s.stage is not None),
                    key=lambda pair: pair[0])
    for (stage_a, ra), (stage_b, rb) in itertools.pairwise(staged):
        if stage_b > stage_a:
            assert rb.x >= ra.right


def test_the_admin_page_offers_the_processes_tab(qtbot, bank):
    assert ("processes", "desktop.views.admin.processes", "ProcessEditor") in SCREENS
    install_language("en")
    page = AdminPage(ClientSession(actor=load_actor(bank.id("admin")), database_url=bank.url, language="en"))
    qtbot.addWidget(page)
    bank.keep.append(page)
    titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert "Processes" in titles


def test_saving_an_edit_makes_a_new_version_that_new_cases_follow(qtbot, bank):
    old_case = bring_to(bank, "incident", "in_progress")
    editor = editor_for(qtbot, bank, "en")
    assert editor.picker.currentData() == "incident"
    assert rows(editor) == [["v1", "in force", "1", "1", rows(editor)[0][4], "(shipped)"]]
    assert "on_hold" not in editor.diagram.diagram.boxes

    editor.editor.setPlainText(with_hold(editor.editor.toPlainText()))
    click(qtbot, editor.validate_button)
    assert editor.message.text().startswith("The definition is valid")
    assert "states added: on_hold" in editor.message.text() and "transitions removed: regrade" in editor.message.text()
    assert editor.diagram_title.text() == "Your edit (not saved yet)"
    assert editor.diagram.diagram.boxes["on_hold"].title == "On hold"

    click(qtbot, editor.save_button)
    assert editor.message.text().startswith("Saved as version 2")
    assert [r[:4] for r in rows(editor)] == [["v2", "in force", "0", "0"], ["v1", "", "1", "1"]]
    assert rows(editor)[0][5] == "admin님"
    assert editor.in_force.text() == "Version in force: v2 — 0 open case(s) on it"
    assert "on_hold" in editor.diagram.diagram.boxes and not editor.modified()

    new_case = create(bank, "incident").case_id
    v2 = ProcessDefinition.get(ProcessDefinition.version == 2)
    assert load_row(new_case)[1].process_id == v2.id
    assert load_row(old_case)[1].process_id != v2.id
    editor.refresh()
    assert [r[:4] for r in rows(editor)] == [["v2", "in force", "1", "1"], ["v1", "", "1", "1"]]

    # the old version drawn from the list shows what the running case still follows
    editor.table.selectRow(1)
    assert editor.diagram_title.text() == "Version 1"
    assert "on_hold" not in editor.diagram.diagram.boxes
    assert "Change grade" in editor.diagram.diagram.boxes["waiting"].stays  # regrade, dropped from version 2


def test_a_broken_edit_is_refused_in_korean_with_its_key_and_line_and_nothing_is_saved(qtbot, bank):
    editor = editor_for(qtbot, bank, "ko")
    broken = with_hold(editor.editor.toPlainText()).replace('to = "on_hold"', 'to = "on_hodl"')
    line = broken.splitlines().index('to = "on_hodl"') + 1
    editor.editor.setPlainText(broken)
    click(qtbot, editor.validate_button)
    assert not editor.save_button.isEnabled()  # Save waits until the definition is valid
    assert editor.message.text() == f"{line}행: incident.toml: transitions.hold.to: 존재하지 않는 상태 'on_hodl'"
    marks = editor.editor.extraSelections()
    assert len(marks) == 1 and marks[0].cursor.blockNumber() == line - 1
    assert editor.editor.textCursor().blockNumber() == line - 1
    assert len(rows(editor)) == 1
    assert ProcessDefinition.select().where(ProcessDefinition.process == "incident").count() == 1
    assert not Event.select().where(Event.entity == "process").exists()
    assert editor.editor.toPlainText() == broken  # what was typed is kept

    editor.editor.setPlainText(broken.replace("on_hodl", "on_hold"))
    click(qtbot, editor.validate_button)
    assert editor.editor.extraSelections() == [] and editor.message.text().startswith("정의가 올바릅니다")


def test_removing_a_state_open_cases_are_in_is_refused_and_an_old_version_can_be_put_back(qtbot, bank, monkeypatch):
    waiting = bring_to(bank, "incident", "waiting")
    number = load_row(waiting)[1].case.number
    editor = editor_for(qtbot, bank, "en")
    original = editor.editor.toPlainText()
    editor.editor.setPlainText(without_waiting(original))
    click(qtbot, editor.validate_button)
    assert not editor.save_button.isEnabled()
    assert editor.message.text().startswith("State 'Waiting for customer' cannot be removed: 1 open case(s)")
    assert number in editor.message.text()
    assert len(rows(editor)) == 1

    editor.editor.setPlainText(with_hold(original))
    click(qtbot, editor.validate_button)
    click(qtbot, editor.save_button)
    assert len(rows(editor)) == 2
    asked: list[int] = []
    monkeypatch.setattr(ProcessEditor, "ask_activate", classmethod(lambda cls, parent, v: asked.append(v) or True))
    editor.table.selectRow(1)
    click(qtbot, editor.activate_button)
    assert asked == [1]
    assert editor.message.text() == "Version 1 is in force again: new cases start on it."
    assert [r[:2] for r in rows(editor)] == [["v2", ""], ["v1", "in force"]]
    assert [e.kind for e in Event.select().where(Event.entity == "process").order_by(Event.id)] == \
        ["version_saved", "version_activated"]


def test_switching_process_with_unsaved_edits_asks_first(qtbot, bank, monkeypatch):
    editor = editor_for(qtbot, bank, "en")
    editor.editor.setPlainText(editor.editor.toPlainText() + "\n# a note\n")
    answers = [False, True]
    monkeypatch.setattr(ProcessEditor, "ask_discard", classmethod(lambda cls, parent: answers.pop(0)))
    editor.picker.setCurrentIndex(editor.picker.findData("problem"))
    assert editor.picker.currentData() == "incident" and editor.modified()  # kept: the user said no
    editor.picker.setCurrentIndex(editor.picker.findData("problem"))
    assert editor.kind == "problem" and not editor.modified()
    assert editor.editor.toPlainText() == shipped_definition("problem").source
    assert set(editor.diagram.diagram.boxes) == set(shipped_definition("problem").states)
    assert screen.service.processes() == KINDS


def test_a_case_on_an_older_version_shows_its_buttons_and_history_from_that_version(qtbot, bank):
    old_case = bring_to(bank, "incident", "in_progress")
    base_id, _, text = active_source(actor_id=bank.id("admin"), kind="incident")
    save_version(actor_id=bank.id("admin"), kind="incident", text=with_hold(text), base_id=base_id)
    with database.atomic():
        fire_in_transaction("incident", "regrade", actor=load_actor(bank.id("admin")), case_id=old_case,
                            fields={"grade": 2, "grade_reason": "영향 확대"}, now=None)
    install_language("en")
    view = CaseView(ClientSession(actor=load_actor(bank.id("admin")), database_url=bank.url, language="en"), old_case)
    qtbot.addWidget(view)
    bank.keep.append(view)
    actions = {a.name for a in view.detail.transitions}
    assert "regrade" in actions and "hold" not in actions  # version 1's transitions, not version 2's
    history = table_of(view, "history")
    whats = [history.item(r, 1).text() for r in range(history.rowCount())]
    assert "Change grade" in whats and "regrade" not in whats
