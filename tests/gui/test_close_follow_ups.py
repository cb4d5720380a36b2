"""Closing an incident from its dialog asks for follow-ups the incident type allows: a problem, a change or
an SR to another system — the same dialog the case view opens, filled in as a handler would."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QComboBox, QLineEdit

from desktop.models import Case, CaseLink, ServiceRequestLink
from desktop.views.dialogs import FollowUpEditor, TransitionDialog
from desktop.views.i18n import install_language
from desktop.views.session import ClientSession
from desktop.workflow.cases import case_service as cs
from desktop.workflow.cases.detail import case_detail
from desktop.workflow.common.actors import load_actor
from tests.bank import bring_to, make_bank
from tests.db.test_sr_delivery import T0, configure
from tests.servers import free_port

CLOSING = {"resolution": "WAS 재기동", "cause": "세션 풀 고갈", "result": "정상화", "follow_up_plan": "풀 확대 검토",
           "recurrence_prevention": "세션 풀 모니터링"}


@pytest.fixture
def bank(db):
    bank = make_bank()
    yield bank
    install_language("en")


def _close_dialog(bank, qtbot, case_id: int, language: str) -> TransitionDialog:
    install_language(language)
    session = ClientSession(actor=load_actor(bank.id("handler")), database_url="", language=language)
    detail = case_detail(actor_id=bank.id("handler"), case_id=case_id)
    action = next(a for a in detail.transitions if a.name == "close")
    dialog = TransitionDialog(session, action)
    qtbot.addWidget(dialog)
    for name, text in CLOSING.items():
        dialog.form.inputs[name].setPlainText(text)
    return dialog


def _fill(editor: FollowUpEditor, row: int, kind: str, title: str, system: str = "") -> None:
    kinds = editor.table.cellWidget(row, 0)
    assert isinstance(kinds, QComboBox)
    kinds.setCurrentIndex(kinds.findData(kind))
    title_edit = editor.table.cellWidget(row, 1)
    assert isinstance(title_edit, QLineEdit)
    title_edit.setText(title)
    if system:
        target = editor.table.cellWidget(row, 2)
        assert isinstance(target, QComboBox) and target.isEnabled()
        target.setEditText(system)


def test_closing_with_a_problem_and_an_sr_creates_both(bank, qtbot):
    configure(free_port())  # one configured system: "servicenow"
    case_id = bring_to(bank, "incident", "in_progress", now=T0)
    dialog = _close_dialog(bank, qtbot, case_id, "ko")
    editor = dialog.form.inputs["follow_ups"]
    assert isinstance(editor, FollowUpEditor)
    kinds = [editor.table.cellWidget(editor.add_row(), 0).itemText(i) for i in range(3)]
    assert kinds == ["문제 등록", "변경 요청", "타 시스템 SR"]  # what an application incident allows, in Korean
    _fill(editor, 0, "problem", "세션 풀 고갈 근본 원인 분석")
    editor.add_row()
    _fill(editor, 1, "service_request", "방화벽 포트 개방 요청", "servicenow")
    editor.add_row()  # left blank: not asked for
    values = dialog.form.values()
    assert values["follow_ups"] == [
        {"kind": "problem", "title": "세션 풀 고갈 근본 원인 분석"},
        {"kind": "service_request", "title": "방화벽 포트 개방 요청", "system": "servicenow"}]

    cs.transition(actor_id=bank.id("handler"), case_id=case_id, name="close", version=None, fields=values)
    problem = (Case.select().join(CaseLink, on=(CaseLink.target == Case.id))
               .where((CaseLink.source == case_id) & (CaseLink.kind == "problem")).get())
    assert problem.kind == "problem"
    (sr,) = ServiceRequestLink.select().where(ServiceRequestLink.case == case_id)
    assert (sr.system, sr.title) == ("servicenow", "방화벽 포트 개방 요청")


def test_no_follow_up_typed_means_none_asked_for_and_the_system_only_for_srs(bank, qtbot):
    case_id = bring_to(bank, "incident", "in_progress", now=T0)
    dialog = _close_dialog(bank, qtbot, case_id, "en")
    editor = dialog.form.inputs["follow_ups"]
    assert "follow_ups" not in dialog.form.values()
    row = editor.add_row()
    kinds, target = editor.table.cellWidget(row, 0), editor.table.cellWidget(row, 2)
    assert kinds.currentText() == "Problem" and not target.isEnabled()
    kinds.setCurrentIndex(kinds.findData("service_request"))
    assert target.isEnabled()
    editor.table.setCurrentCell(row, 1)
    editor.remove_row()
    assert editor.table.rowCount() == 0
    cs.transition(actor_id=bank.id("handler"), case_id=case_id, name="close", version=None,
                  fields=dialog.form.values())
    assert not CaseLink.select().where(CaseLink.source == case_id).exists()
