"""Editing a process on its diagram, as a process owner would: add a state, draw transitions, save, use it."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest

from desktop.models import ProcessDefinition
from desktop.workflow.cases.case_service import available_transitions, register_incident, transition
from desktop.workflow.common.cases import load_row
from desktop.workflow.engine.effects import describe
from desktop.workflow.engine.fields import FIELDS
from desktop.workflow.engine.process import definition
from tests.bank import full_values
from tests.gui import test_admin_processes as screens
from tests.gui.test_admin_processes import click, editor_for

keep = screens.keep  # the Processes tab's fixtures: a bank of people, widgets deleted at the end
bank = screens.bank

CLOSE_FIELDS = ["resolution", "cause", "result", "follow_up_plan", "recurrence_prevention"]


def at(designer, kind: str, name: str) -> QPoint:
    point = designer.diagram.center_of(kind, name)
    assert point is not None, (kind, name)
    return point.toPoint()


def click_on(qtbot, designer, kind: str, name: str) -> None:
    qtbot.mouseClick(designer.diagram, Qt.MouseButton.LeftButton, pos=at(designer, kind, name))
    assert designer.diagram.selected == (kind, name)


def drag(qtbot, designer, source: str, target: str) -> str:
    """Draw a transition with the mouse: press on one state, move, release on another; returns its name."""
    before = set(designer.draft.transitions)
    qtbot.mousePress(designer.diagram, Qt.MouseButton.LeftButton, pos=at(designer, "state", source))
    QTest.mouseMove(designer.diagram, at(designer, "state", target))
    qtbot.mouseRelease(designer.diagram, Qt.MouseButton.LeftButton, pos=at(designer, "state", target))
    (added,) = set(designer.draft.transitions) - before
    return added


def tick(qtbot, box) -> None:
    """Click a checkbox on its indicator, as a person would."""
    assert box.isVisible()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(12, box.height() // 2))


def type_into(line, text: str) -> None:
    line.setText(text)  # Hangul through keyClicks aborts in Qt (PLATFORM.md); the user's Enter/Tab commits
    line.editingFinished.emit()


def keys(qtbot, designer, sequence: str) -> None:
    """A shortcut pressed while the diagram has the focus (as after clicking on it)."""
    window = designer.window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    designer.diagram.setFocus()
    QTest.keySequence(designer.diagram, QKeySequence(sequence))


def problems(designer) -> list[str]:
    return [designer.problem_list.item(i).text() for i in range(designer.problem_list.count())]


def test_a_second_line_review_added_on_the_diagram_is_saved_and_an_incident_goes_through_it(qtbot, bank):
    editor = editor_for(qtbot, bank, "ko")
    designer = editor.designer
    assert not editor.save_button.isEnabled()  # nothing changed yet

    click_on(qtbot, designer, "state", "in_progress")
    click(qtbot, designer.add_state_button)
    (review,) = set(designer.draft.states) - set(definition("incident").states)
    assert designer.diagram.selected == ("state", review)
    type_into(designer.state_ko, "2선 검토")
    type_into(designer.state_en, "Second-line review")
    assert designer.diagram.selected == ("state", "second_line_review")  # a new state's code follows its name
    review = "second_line_review"
    assert designer.draft.states[review].stage == 3  # the stage of the state that was selected
    assert designer.diagram.diagram.boxes[review].title == "2선 검토"
    # not reachable, no way out: marked on the diagram, named in Korean, Save disabled
    assert ("state", review) in designer.diagram.marks
    assert "⚠ 상태 '2선 검토'에 도달하는 전이가 없습니다" in problems(designer)
    assert not editor.save_button.isEnabled()

    ask = drag(qtbot, designer, "in_progress", review)
    assert designer.diagram.selected == ("transition", ask)
    type_into(designer.transition_ko, "2선 검토 요청")
    type_into(designer.transition_en, "Ask for review")
    ask = designer.diagram.selected[1]
    assert ask == "ask_for_review"
    assert ("transition", ask) in designer.diagram.marks  # nobody may fire it yet
    # clicked straight after typing the label (its field still has the focus): the box takes the click
    designer.transition_en.setFocus()
    tick(qtbot, designer.role_boxes["@assignee"])
    tick(qtbot, designer.role_boxes["handler"])
    assert designer.draft.transitions[ask].roles == ("@assignee", "handler")
    assert ("transition", ask) not in designer.diagram.marks
    # the arrow down to the new state rounds 고객 응답 대기 (stacked between them), not through it
    waiting = designer.diagram.diagram.boxes["waiting"].rect
    (arrow,) = [a for a in designer.diagram.diagram.arrows if a.transition == ask]
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = arrow.points
    for i in range(1, 20):
        s = i / 20
        x = (1 - s) ** 3 * x0 + 3 * (1 - s) ** 2 * s * x1 + 3 * (1 - s) * s * s * x2 + s**3 * x3
        y = (1 - s) ** 3 * y0 + 3 * (1 - s) ** 2 * s * y1 + 3 * (1 - s) * s * s * y2 + s**3 * y3
        assert not (waiting.x <= x <= waiting.right and waiting.y <= y <= waiting.bottom), (x, y)

    done = drag(qtbot, designer, review, "closed")
    type_into(designer.transition_ko, "검토 완료")
    type_into(designer.transition_en, "Review done")
    done = designer.diagram.selected[1]
    assert designer.role_boxes["team_lead"].text() == "팀장"
    designer.role_boxes["team_lead"].setChecked(True)
    assert designer.required_boxes["resolution"].text() == FIELDS["incident"]["resolution"].ko
    for field in CLOSE_FIELDS:
        designer.required_boxes[field].setChecked(True)
    for stamp in ("resolved_at", "closed_at"):
        designer.stamp_boxes[stamp].setChecked(True)
    assert designer.effect_boxes["propagate"].text() == describe("propagate", "ko")  # what it does, not its code
    for effect in ("sla_stop_resolution", "propagate"):
        designer.effect_boxes[effect].setChecked(True)

    assert designer.problems == [] and problems(designer) == ["✓ 문제 없음: 이 정의를 저장할 수 있습니다."]
    assert editor.save_button.isEnabled()
    text = editor.editor.toPlainText()
    assert f"[states.{review}]" in text and 'roles = ["team_lead"]' in text  # the TOML beside it follows
    click(qtbot, editor.save_button)
    assert editor.message.text().startswith("버전 2")
    active = ProcessDefinition.get((ProcessDefinition.process == "incident") & (ProcessDefinition.is_active == True))  # noqa: E712
    assert active.version == 2

    # a new incident goes through the new state; only the team lead may finish the review
    values = full_values(bank, "incident")
    case_id = register_incident(actor_id=bank.id("customer"), title="이체 지연", description="이체가 늦습니다",
                                application_id=bank.app.id, urgency=values["urgency"],
                                incident_type=values["incident_type"]).case_id
    assert load_row(case_id)[1].process_id == active.id
    for step in ("accept", "start", ask):
        transition(actor_id=bank.id("handler"), case_id=case_id, name=step, version=None,
                   fields={"note": "확인"} if step == "start" else None)
    assert load_row(case_id)[1].state == review
    assert done not in {t.name for t in available_transitions(actor_id=bank.id("handler"), case_id=case_id)}
    assert done in {t.name for t in available_transitions(actor_id=bank.id("lead"), case_id=case_id)}
    transition(actor_id=bank.id("lead"), case_id=case_id, name=done, version=None,
               fields={f: "검토함" for f in CLOSE_FIELDS})
    row = load_row(case_id)[1]
    assert row.state == "closed" and row.closed_at is not None


def test_removing_a_state_open_cases_are_in_is_marked_and_cannot_be_saved(qtbot, bank):
    from tests.bank import bring_to

    waiting = bring_to(bank, "incident", "waiting")
    number = load_row(waiting)[1].case.number
    editor = editor_for(qtbot, bank, "en")
    designer = editor.designer
    click_on(qtbot, designer, "state", "waiting")
    click(qtbot, designer.remove_state_button)
    assert "waiting" not in designer.draft.states and "waiting" not in designer.diagram.diagram.boxes
    assert problems(designer) == [f"⚠ State 'Waiting for customer' cannot be removed: 1 open case(s) are in it "
                                  f"({number}). Move or close them first."]
    assert not editor.save_button.isEnabled()
    click(qtbot, editor.validate_button)  # the service says the same
    assert number in editor.message.text()
    assert ProcessDefinition.select().where(ProcessDefinition.process == "incident").count() == 1
    keys(qtbot, designer, "Ctrl+Z")
    assert "waiting" in designer.draft.states and designer.problems == []
    assert editor.editor.toPlainText() == editor.loaded_text and not editor.save_button.isEnabled()


def test_every_kind_of_edit_undoes_and_redoes_and_the_toml_follows(qtbot, bank):
    editor = editor_for(qtbot, bank, "en")
    designer = editor.designer
    original = editor.editor.toPlainText()
    steps = []

    def step(what):
        before = (designer.draft, editor.editor.toPlainText())
        what()
        after = (designer.draft, editor.editor.toPlainText())
        assert after != before
        steps.append((before, after))

    click_on(qtbot, designer, "state", "in_progress")
    step(lambda: click(qtbot, designer.add_state_button))  # add a state
    (new,) = set(designer.draft.states) - set(definition("incident").states)
    step(lambda: type_into(designer.state_en, "Review"))  # rename
    new = designer.diagram.selected[1]
    assert new == "review"
    step(lambda: designer.state_stage.setValue(5))  # stage
    step(lambda: designer.state_pauses.setChecked(True))  # pauses SLA
    step(lambda: designer.state_final.setChecked(True))  # final
    step(lambda: drag(qtbot, designer, "accepted", new))  # draw a transition
    step(lambda: type_into(designer.transition_en, "Send to review"))  # relabel it
    step(lambda: designer.role_boxes["team_lead"].setChecked(True))  # who may fire
    step(lambda: designer.required_boxes["cause"].setChecked(True))  # required field
    step(lambda: designer.optional_boxes["note"].setChecked(True))  # optional field
    step(lambda: designer.stamp_boxes["resolved_at"].setChecked(True))  # stamp
    step(lambda: designer.effect_boxes["propagate"].setChecked(True))  # effect
    step(lambda: click(qtbot, designer.remove_transition_button))  # remove the transition
    click_on(qtbot, designer, "state", new)
    step(lambda: keys(qtbot, designer, "Delete"))  # remove the state (the Delete key)
    # an edit of the TOML text is one more step
    step(lambda: (editor.editor.setPlainText(editor.editor.toPlainText().replace('en = "Handling"',
                                                                                 'en = "Working on it"')),
                  designer.sync_from_text()))
    assert designer.diagram.diagram.boxes["in_progress"].title == "Working on it"
    assert designer.stack.count() == len(steps) == 15

    for before, after in reversed(steps):
        assert (designer.draft, editor.editor.toPlainText()) == after
        keys(qtbot, designer, "Ctrl+Z")
        assert (designer.draft, editor.editor.toPlainText()) == before
    assert editor.editor.toPlainText() == original and not editor.modified()
    for _, after in steps:
        keys(qtbot, designer, "Ctrl+Shift+Z")
        assert (designer.draft, editor.editor.toPlainText()) == after
    assert designer.diagram.diagram.boxes["in_progress"].title == "Working on it"


def test_a_toml_edit_that_does_not_read_is_named_and_the_diagram_keeps_its_last_drawing(qtbot, bank):
    editor = editor_for(qtbot, bank, "en")
    designer = editor.designer
    editor.editor.setPlainText(editor.editor.toPlainText().replace('label = { ko = "처리", en = "Handling" }',
                                                                   'label = "Handling"'))
    qtbot.waitUntil(lambda: bool(designer.read_error), timeout=2000)
    assert problems(designer) == ["⚠ incident.toml: states.in_progress.label: needs Korean and English labels "
                                  "(label = { ko = ..., en = ... })"]
    assert "in_progress" in designer.diagram.diagram.boxes and not editor.save_button.isEnabled()
    editor.editor.setPlainText(editor.editor.toPlainText().replace('label = "Handling"',
                                                                   'label = { ko = "처리", en = "Handling" }'))
    qtbot.waitUntil(lambda: not designer.read_error, timeout=2000)
    assert problems(designer) == ["✓ No problems: this definition can be saved."]
