"""접수 as a handler meets it: who will be told and why, people added or left out for this incident only,
the assignee kept unless "assign to me" is ticked; the 전파 tab in words, not codes. Both backends (`db`)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QCheckBox, QDialog, QPushButton, QTableWidget

from desktop.errors import BeaconError
from desktop.models import Notification, User
from desktop.views import accept_dialog as accept_module
from desktop.views.accept_dialog import AcceptDialog
from desktop.views.case_view import CaseView
from desktop.views.i18n import install_language
from desktop.views.session import ClientSession
from desktop.workflow.cases import case_service as cs
from desktop.workflow.cases.detail import case_detail
from desktop.workflow.common.actors import load_actor
from tests.bank import make_bank


@pytest.fixture
def bank(db):
    bank = make_bank()
    bank.url = db
    for persona, english in (("handler", "Choi Jihoon"), ("lead", "Kim Team Lead"), ("head", "Park Head"),
                             ("second", "Lee Second"), ("admin", "Administrator"), ("customer", "Kang Customer")):
        User.update(name_en=english).where(User.id == bank.id(persona)).execute()
    yield bank
    install_language("en")


def session_of(bank, persona: str, language: str) -> ClientSession:
    assert install_language(language)
    return ClientSession(actor=load_actor(bank.id(persona)), database_url=bank.url, language=language)


def registered(bank) -> int:
    return cs.register_incident(actor_id=bank.id("customer"), title="이체 지연", description="30초 이상",
                                application_id=bank.app.id, urgency="high", incident_type="application").case_id


def open_view(qtbot, bank, persona: str, language: str, case_id: int) -> CaseView:
    view = CaseView(session_of(bank, persona, language), case_id)
    qtbot.addWidget(view)
    view.show()
    return view


def cells(table: QTableWidget) -> list[list[str]]:
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def accept_with(monkeypatch, steps) -> list[AcceptDialog]:
    """Press 접수 as a person would: `steps(dialog)` does what they do in the dialog, then OK."""
    seen: list[AcceptDialog] = []

    def run(dialog: AcceptDialog) -> int:
        seen.append(dialog)
        steps(dialog)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(accept_module.AcceptDialog, "exec", run)
    return seen


def choose_person(dialog: AcceptDialog, name: str) -> None:
    index = dialog.person.findText(name)
    assert index >= 0, [dialog.person.itemText(i) for i in range(dialog.person.count())]
    dialog.person.setCurrentIndex(index)


def select_row(dialog: AcceptDialog, name: str) -> None:
    rows = [r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 0).text() == name]
    assert rows, cells(dialog.table)
    dialog.table.selectRow(rows[0])


def test_an_administrators_accept_keeps_the_matrix_handler(qtbot, bank, monkeypatch):
    case_id = registered(bank)
    view = open_view(qtbot, bank, "admin", "en", case_id)
    seen = accept_with(monkeypatch, lambda dialog: None)  # opens it, reads it, presses Accept
    view.findChild(QPushButton, "transition_accept").click()
    dialog = seen[0]
    assert "Choi Jihoon" in dialog.assignee.text() and "Assign to me" in dialog.assignee.text()
    take = dialog.form.inputs["assign_to_me"]
    assert isinstance(take, QCheckBox) and not take.isChecked()
    detail = case_detail(actor_id=bank.id("admin"), case_id=case_id)
    assert detail.state == "accepted"
    assert detail.names["assignee"] == "handler님"  # kept: the administrator only accepted


def test_assign_to_me_takes_the_case_over(qtbot, bank, monkeypatch):
    case_id = registered(bank)
    view = open_view(qtbot, bank, "lead", "ko", case_id)
    accept_with(monkeypatch, lambda dialog: dialog.form.inputs["assign_to_me"].setChecked(True))
    view.fire(next(a for a in view.detail.transitions if a.name == "accept"))
    assert case_detail(actor_id=bank.id("lead"), case_id=case_id).names["assignee"] == "lead님"


def test_accept_dialog_names_who_is_told_and_why_and_changes_it_for_this_incident(qtbot, bank, monkeypatch):
    case_id = registered(bank)
    view = open_view(qtbot, bank, "handler", "en", case_id)
    before: list[list[list[str]]] = []

    def steps(dialog: AcceptDialog) -> None:
        before.append(cells(dialog.table))
        choose_person(dialog, "Lee Second")
        dialog.add_button.click()
        select_row(dialog, "Park Head")
        assert dialog.remove_button.isEnabled()
        dialog.remove_button.click()
        after = cells(dialog.table)
        assert ["Lee Second", "Added by hand — for this incident", "In-app"] in after
        assert all(row[0] != "Park Head" for row in after)
        assert "Park Head" in dialog.changes.text()
        select_row(dialog, "Kang Customer")  # the reporter hears of it as the reporter: cannot be taken out here
        assert not dialog.remove_button.isEnabled()

    accept_with(monkeypatch, steps)
    view.fire(next(a for a in view.detail.transitions if a.name == "accept"))
    # the handler accepting is not told; the group is, by role name, and the reporter as reporter
    assert sorted(before[0]) == sorted([["Kim Team Lead", "Team lead", "In-app"],
                                        ["Park Head", "Department head", "In-app"],
                                        ["Kang Customer", "Reporter", "In-app"]])
    told = {name for (name,) in Notification.select(User.name).join(User, on=(Notification.recipient == User.id))
            .where((Notification.case == case_id) & (Notification.kind == "accepted")).tuples()}
    assert told == {"lead님", "second님", "customer님"}  # head left out, second added: this incident only
    history = cells(view.tab("history"))
    assert ["Choi Jihoon", "Lee Second"] in [[row[2], row[4]] for row in history
                                            if row[1] == "Added to who is told (this incident)"]
    assert any(row[1] == "Left out of who is told (this incident)" and row[4] == "Park Head" for row in history)
    # the application's group is untouched: the next incident tells head again and not second
    other = registered(bank)
    cs.accept_incident(actor_id=bank.id("handler"), case_id=other, version=None)
    told = {name for (name,) in Notification.select(User.name).join(User, on=(Notification.recipient == User.id))
            .where((Notification.case == other) & (Notification.kind == "accepted")).tuples()}
    assert told == {"lead님", "head님", "customer님"}


def test_only_those_who_may_work_the_incident_change_who_is_told(bank):
    case_id = registered(bank)
    with pytest.raises(BeaconError) as refused:
        cs.change_incident_propagation(actor_id=bank.id("customer"), case_id=case_id,
                                       add_people=(bank.id("second"),))
    assert "customer님" in refused.value.message("ko")
    assert cs.change_incident_propagation(actor_id=bank.id("lead"), case_id=case_id,
                                          add_people=(bank.id("second"), bank.id("lead"))) == 1  # lead: told already


@pytest.mark.parametrize("language", ["ko", "en"])
def test_the_propagation_tab_shows_words_not_codes(qtbot, bank, language):
    case_id = registered(bank)
    cs.accept_incident(actor_id=bank.id("handler"), case_id=case_id, version=None)
    view = open_view(qtbot, bank, "handler", language, case_id)
    table = view.tab("propagation")
    assert isinstance(table, QTableWidget)
    rows = cells(table)
    lead = next(row for row in rows if row[0] == ("Kim Team Lead" if language == "en" else "lead님")
                and row[2] == ("Accepted" if language == "en" else "접수"))
    assert lead[1:5] == (["Team lead", "Accepted", "In-app", "Sent"] if language == "en"
                         else ["팀장", "접수", "앱 알림", "발송"])
    codes = {"primary_handler", "team_lead", "department_head", "assigned", "registered", "accepted", "inapp",
             "sent", "pending", "reporter", "manual_add"}
    assert not codes & {text for row in rows for text in row}
