"""The owner matrix and propagation group editors driven through their widgets, then an incident
registered to see the edited matrix and group at work. Modal dialogs are replaced through `ask`."""

from __future__ import annotations

import pytest

from desktop.models import Incident, Notification, OwnerMatrixEntry, Role, User
from desktop.views import dialogs
from desktop.views.admin import AdminPage
from desktop.views.admin import matrix as matrix_view
from desktop.views.admin import propagation as propagation_view
from desktop.views.i18n import install_language
from desktop.views.session import ClientSession
from desktop.workflow.cases import case_service as cs
from desktop.workflow.common.actors import load_actor
from tests.gui.admin_kit import click, client_bank


@pytest.fixture
def bank(tmp_path):
    yield from client_bank(tmp_path)


@pytest.fixture
def errors_shown(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, error, language: shown.append(error.message(language)))
    return shown


def session_of(bank, persona: str, language: str = "ko") -> ClientSession:
    return ClientSession(actor=load_actor(bank.id(persona)), database_url=bank.url, language=language)


def primary_handlers(app_id: int) -> list[str]:
    return [login for (login,) in OwnerMatrixEntry.select(User.login).join(User).switch(OwnerMatrixEntry).join(Role)
            .where((OwnerMatrixEntry.ci == app_id) & (Role.code == "primary_handler"))
            .order_by(OwnerMatrixEntry.position).tuples()]


def register(bank) -> int:
    return cs.register_incident(actor_id=bank.id("customer"), title="인터넷뱅킹 이체 실패", description="E-7731",
                                application_id=bank.app.id, urgency="high", incident_type="application").case_id


def test_edit_import_undo_save_then_a_new_incident_goes_to_the_edited_handler(qtbot, bank, tmp_path, monkeypatch,
                                                                                errors_shown):
    install_language("ko")
    page = AdminPage(session_of(bank, "admin"))
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    editor = page.screens["matrix"]
    assert page.tabs.tabText(0) == "담당자 매트릭스"
    app_row = editor.items[bank.app.id]
    assert app_row.text(1) == "handler님"

    editor.select_cell(bank.app.id, "primary_handler")
    editor.cell_list.setCurrentRow(0)
    click(qtbot, editor, "cell_remove")
    assert "⚠" in app_row.text(1) and "인터넷뱅킹" in editor.issues.text()  # flagged at once
    editor.picker.search.setText("other_handler")  # the picker searches by name and team
    click(qtbot, editor, "cell_add")
    assert app_row.text(1) == "other_handler님" and app_row.font(1).italic()  # pending, not saved
    assert "other_handler님" in editor.preview.text()  # who would get an incident, before saving
    assert primary_handlers(bank.app.id) == ["handler"]

    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"ci_code,ci_name,role,position,login,name\r\nNOPE,,primary_handler,1,nobody,\r\n")
    reports: list[list] = []
    monkeypatch.setattr(matrix_view.ImportReportDialog, "ask", classmethod(
        lambda cls, session, path, errors, parent=None: reports.append(errors)))
    monkeypatch.setattr(matrix_view.MatrixEditor, "ask_open_path", staticmethod(lambda parent: str(bad)))
    click(qtbot, editor, "matrix_import")
    assert reports, editor.status.text()
    assert [(e.line, e.column) for e in reports[0]] == [(2, "ci_code"), (2, "login")]
    assert app_row.text(1) == "other_handler님"  # a refused file changes nothing

    good = tmp_path / "good.csv"
    good.write_bytes(("\ufeffci_code,ci_name,role,position,login,name\r\n"
                      f"{bank.app.code},인터넷뱅킹,primary_handler,1,second,\r\n").encode())
    monkeypatch.setattr(matrix_view.MatrixEditor, "ask_open_path", staticmethod(lambda parent: str(good)))
    click(qtbot, editor, "matrix_import")
    assert app_row.text(1) == "second님" and "second님" in editor.preview.text()
    click(qtbot, editor, "matrix_undo")  # takes back the import, keeps the hand edit
    assert app_row.text(1) == "other_handler님"
    del app_row  # Save rebuilds the grid: its items are new ones

    click(qtbot, editor, "matrix_save")
    assert errors_shown == [] and primary_handlers(bank.app.id) == ["other_handler"]
    saved_row = editor.items[bank.app.id]
    assert saved_row.text(1) == "other_handler님" and not saved_row.font(1).italic() and not editor.undo_stack
    case_id = register(bank)
    assert Incident.get(Incident.case == case_id).assignee_id == bank.id("other_handler")


def test_copy_row_and_search(qtbot, bank, monkeypatch, errors_shown):
    from tests import factories

    target = factories.application(name="외환")
    editor = matrix_view.MatrixEditor(session_of(bank, "admin", "en"))
    qtbot.addWidget(editor)
    assert editor.items[target.id].background(1).color().alpha() > 0  # flagged: no primary handler
    editor.search.setText("외환")
    assert editor.items[bank.app.id].isHidden() and not editor.items[target.id].isHidden()
    editor.search.setText("")
    editor.select_cell(bank.app.id, "team_lead")
    def pick_targets(cls, session, rows, source, parent=None):
        dialog = cls(session, rows, source, parent)  # the real dialog, filtered and clicked as a person would
        qtbot.addWidget(dialog)
        dialog.search.setText("외환")
        shown = [dialog.list.item(r) for r in range(dialog.list.count()) if not dialog.list.item(r).isHidden()]
        assert [item.text() for item in shown] == [f"{target.code} · {target.name_en}"]  # English, found by Korean
        shown[0].setSelected(True)
        return dialog.targets()

    monkeypatch.setattr(matrix_view.CopyRowDialog, "ask", classmethod(pick_targets))
    click(qtbot, editor, "matrix_copy")
    expected = [User.get_by_id(bank.id(p)).name_en for p in ("handler", "second", "lead", "head")]
    assert [editor.items[target.id].text(c) for c in range(1, 5)] == expected
    click(qtbot, editor, "matrix_save")
    assert primary_handlers(target.id) == ["handler"]


def test_a_non_administrator_cannot_save(qtbot, bank, errors_shown):
    editor = matrix_view.MatrixEditor(session_of(bank, "handler"))
    qtbot.addWidget(editor)
    editor.select_cell(bank.app.id, "primary_handler")
    editor.picker.search.setText("second")
    click(qtbot, editor, "cell_add")
    click(qtbot, editor, "matrix_save")
    assert len(errors_shown) == 1 and "권한이 없습니다" in errors_shown[0]
    assert primary_handlers(bank.app.id) == ["handler"] and editor.pending  # nothing saved, nothing lost


def test_add_and_remove_a_propagation_member_changes_who_is_told(qtbot, bank, monkeypatch, errors_shown):
    editor = propagation_view.PropagationEditor(session_of(bank, "admin", "en"))
    qtbot.addWidget(editor)
    editor.search.setText("인터넷")  # Korean name found from the English screen
    assert [editor.apps.item(r).text() for r in range(editor.apps.count()) if not editor.apps.item(r).isHidden()] \
        == [bank.app.name_en]
    editor.select_application(bank.app.id)
    outsider = bank.id("outsider")
    outsider_en = User.get_by_id(outsider).name_en

    def preview_names() -> set[str]:
        return {editor.preview.item(r, 0).text() for r in range(editor.preview.rowCount())}

    def told(case_id: int) -> bool:
        return Notification.select().where((Notification.case == case_id)
                                           & (Notification.recipient == outsider)).exists()

    assert outsider_en not in preview_names()
    monkeypatch.setattr(propagation_view.AddMemberDialog, "ask", classmethod(
        lambda cls, session, application, parent=None: (outsider, "branch liaison")))
    click(qtbot, editor, "prop_add")
    assert outsider_en in preview_names()
    row = next(r for r in range(editor.table.rowCount()) if editor.table.item(r, 0).text() == outsider_en)
    assert editor.table.item(row, 2).text() == "added to the propagation group by hand"
    assert editor.table.item(row, 3).text() == "branch liaison"
    assert told(register(bank))

    click(qtbot, editor, "prop_add")  # twice: refused with a clear message
    assert "already in the propagation group" in errors_shown[-1]

    editor.select_member(outsider)
    monkeypatch.setattr(propagation_view.ReasonDialog, "ask", classmethod(lambda cls, name, parent=None: "moved"))
    click(qtbot, editor, "prop_remove")
    assert outsider_en not in preview_names()
    assert not told(register(bank))

    head = bank.id("head")
    editor.select_member(head)
    click(qtbot, editor, "prop_remove")
    head_row = next(m for m in editor.members if m.user_id == head)
    assert not head_row.told and User.get_by_id(head).name_en not in preview_names()
    editor.select_member(head)
    click(qtbot, editor, "prop_restore")
    assert User.get_by_id(head).name_en in preview_names()
