"""Registering and linking as a handler does it: an untouched form files nothing, the occurrence time is
Beacon's clock (not the PC's) and never after the registration, and an incident is linked to an existing
problem or a new one through the picker, and to a parent incident through the same kind of picker."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel

from desktop.errors import BeaconError
from desktop.models import Case, CaseLink, Incident, Problem
from desktop.views.case_view import CaseView
from desktop.views.dialogs import RegisterIncidentDialog
from desktop.views.i18n import install_language
from desktop.views.pickers import CREATE_NEW, ParentPickerDialog, ProblemPickerDialog
from desktop.views.session import ClientSession
from desktop.workflow.cases import case_service as cs
from desktop.workflow.cases.detail import ActionInfo
from desktop.workflow.common.actors import load_actor
from tests.bank import bring_to, make_bank

SEOUL = ZoneInfo("Asia/Seoul")


@pytest.fixture
def bank(db, monkeypatch):
    from desktop.views import case_view

    # a refusal would open a modal message box and hang the test: fail with its text instead
    monkeypatch.setattr(case_view, "show_error", lambda parent, error, language: pytest.fail(error.message("en")))
    bank = make_bank()
    yield bank
    install_language("en")


def _session(bank, language: str, persona: str = "handler") -> ClientSession:
    install_language(language)
    return ClientSession(actor=load_actor(bank.id(persona)), database_url="", language=language)


def _press_register(dialog: RegisterIncidentDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


@pytest.mark.parametrize("language, named", [("ko", ("업무시스템", "긴급도")), ("en", ("Application", "Urgency"))])
def test_an_untouched_registration_form_cannot_be_submitted(bank, qtbot, language, named):
    dialog = RegisterIncidentDialog(_session(bank, language, "customer"))
    qtbot.addWidget(dialog)
    dialog.title.setText("인터넷뱅킹 로그인 오류")
    dialog.description.setPlainText("09:00부터 로그인 시 오류 화면")
    # nothing pre-chosen: no grade before the customer says which system and how urgent
    assert dialog.application.currentIndex() == -1 and dialog.urgency.currentIndex() == -1
    assert "1" not in dialog.grade.text()

    _press_register(dialog)

    assert dialog.result() != QDialog.DialogCode.Accepted
    assert all(word in dialog.error.text() for word in named), dialog.error.text()
    assert dialog.focusWidget() in (dialog.application, None)  # taken to the first missing choice
    assert Incident.select().count() == 0

    dialog.application.setCurrentIndex(dialog.application.findData(bank.app.id))
    dialog.urgency.setCurrentIndex(dialog.urgency.findData("medium"))
    _press_register(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    result = cs.register_incident(actor_id=bank.id("customer"), **dialog.values())
    assert Incident.get_by_id(result.case_id).urgency.code == "medium"


def test_occurred_at_is_now_on_beacons_clock_not_the_pcs(bank, qtbot, monkeypatch):
    monkeypatch.setenv("TZ", "UTC")  # the PC's clock zone differs from Beacon's (Asia/Seoul)
    time.tzset()
    try:
        dialog = RegisterIncidentDialog(_session(bank, "ko", "customer"))
        qtbot.addWidget(dialog)
        shown = dialog.occurred_at.dateTime().toPython()
        seoul_now = datetime.now(SEOUL).replace(tzinfo=None)
        assert abs(shown - seoul_now) < timedelta(minutes=2), (shown, seoul_now)  # 19:12 KST shows 19:12
        stored = dialog.values()["occurred_at"]
        assert abs(stored - datetime.now(UTC).replace(tzinfo=None)) < timedelta(minutes=2)  # not 9 h early

        later = seoul_now + timedelta(hours=2)
        dialog.occurred_at.setDateTime(QDateTime(later))
        dialog.title.setText("t")
        dialog.description.setPlainText("d")
        dialog.application.setCurrentIndex(0)
        dialog.urgency.setCurrentIndex(0)
        _press_register(dialog)
        assert dialog.result() != QDialog.DialogCode.Accepted
        assert "발생 일시" in dialog.error.text() and later.strftime("%H:%M") in dialog.error.text()
    finally:
        monkeypatch.undo()
        time.tzset()


def test_the_service_refuses_an_occurrence_after_registration_and_the_overview_shows_it(bank, qtbot):
    now = datetime(2026, 3, 2, 1, 0)
    values = {"title": "이체 지연", "description": "-", "application_id": bank.app.id, "urgency": "high",
              "incident_type": "application"}
    with pytest.raises(BeaconError) as refused:
        cs.register_incident(actor_id=bank.id("customer"), occurred_at=now + timedelta(minutes=30), now=now,
                             **values)
    assert refused.value.code == "workflow.occurred_after_registration"
    assert "10:30" in refused.value.message("ko")  # quoted on Seoul's clock
    result = cs.register_incident(actor_id=bank.id("customer"), occurred_at=now - timedelta(minutes=20), now=now,
                                  **values)
    view = CaseView(_session(bank, "en"), result.case_id)
    qtbot.addWidget(view)
    texts = [label.text() for label in view.tab("overview").findChildren(QLabel)]
    assert "Occurred" in [label.text() for label in view.tab("overview").findChildren(QLabel)] or \
        any("Occurred" in t for t in texts)
    assert "2026-03-02 09:40" in texts  # 00:40 UTC, shown in Seoul


def _problem(bank, title: str, root_cause: str = "") -> int:
    result = cs.register_problem(actor_id=bank.id("pm"), title=title, description="-")
    if root_cause:
        Problem.update(root_cause=root_cause).where(Problem.case == result.case_id).execute()
    return result.case_id


def _drive_picker(monkeypatch, qtbot, choose):
    """Replace ProblemPickerDialog.ask by one that builds the real dialog and lets `choose` work it."""
    def ask(cls, session, incident_title="", parent=None, *, description=""):
        dialog = cls(session, incident_title, parent, description=description)
        qtbot.addWidget(dialog)
        choose(dialog)
        return dialog.pick()
    monkeypatch.setattr(ProblemPickerDialog, "ask", classmethod(ask))


def test_an_incident_is_linked_to_an_existing_problem_found_by_root_cause(bank, qtbot, monkeypatch):
    incident = bring_to(bank, "incident", "in_progress")
    wanted = _problem(bank, "세션 풀 고갈 반복", root_cause="WAS 커넥션 풀 상한 20")
    _problem(bank, "배치 지연")

    def choose(dialog: ProblemPickerDialog) -> None:
        dialog.search.setText("커넥션 풀")
        dialog.reload()
        numbers = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
        assert numbers[1:] == [Case.get_by_id(wanted).number]  # the other problem does not match

        assert dialog.chosen() == wanted  # the first match is selected: Enter takes it

    _drive_picker(monkeypatch, qtbot, choose)
    view = CaseView(_session(bank, "ko"), incident)
    qtbot.addWidget(view)
    assert view.operate(ActionInfo("link_problem", "문제 연결", "Link problem", (), True))
    assert CaseLink.select().where((CaseLink.source == incident) & (CaseLink.target == wanted)).count() == 1
    table = view.tab("problems").table
    assert table.item(0, 0).text() == Case.get_by_id(wanted).number


def test_an_incident_is_linked_to_a_new_problem_from_the_same_picker(bank, qtbot, monkeypatch):
    incident = bring_to(bank, "incident", "in_progress")
    _problem(bank, "배치 지연")
    before = Problem.select().count()

    def choose(dialog: ProblemPickerDialog) -> None:
        dialog.table.selectRow(0)  # "＋ New": one choice among the others
        assert dialog.chosen() == CREATE_NEW and dialog.new_box.isVisibleTo(dialog)
        dialog.new_title.setText("로그인 오류 근본 원인 분석")
        assert dialog.new_description.toPlainText()  # the incident's description, to start from
        dialog.new_description.clear()
        assert not dialog.ok.isEnabled()  # a problem needs a description too
        dialog.new_description.setPlainText("로그인 서버 세션 풀 고갈 반복")
        assert dialog.ok.isEnabled()

    _drive_picker(monkeypatch, qtbot, choose)
    view = CaseView(_session(bank, "en"), incident)
    qtbot.addWidget(view)
    assert view.operate(ActionInfo("link_problem", "문제 연결", "Link problem", (), True))
    assert Problem.select().count() == before + 1
    (link,) = CaseLink.select().where((CaseLink.source == incident) & (CaseLink.kind == "problem"))
    assert Problem.get_by_id(link.target_id).title == "로그인 오류 근본 원인 분석"


def test_the_parent_is_picked_from_open_incidents_not_typed(bank, qtbot, monkeypatch):
    child = bring_to(bank, "incident", "in_progress")
    major = bring_to(bank, "incident", "accepted")
    closed = bring_to(bank, "incident", "closed")
    session = _session(bank, "ko")
    dialog = ParentPickerDialog(session, child)
    qtbot.addWidget(dialog)
    offered = {int(dialog.table.item(r, 0).data(0x0100)) for r in range(dialog.table.rowCount())}
    assert major in offered and child not in offered and closed not in offered
    dialog.search.setText(Case.get_by_id(major).number)
    dialog.reload()
    assert dialog.chosen() == major
    monkeypatch.setattr(ParentPickerDialog, "ask", classmethod(lambda cls, s, case_id, parent=None: major))
    view = CaseView(session, child)
    qtbot.addWidget(view)
    assert view.operate(ActionInfo("set_parent", "상위 장애 지정", "Set parent", (), True))
    assert Incident.get_by_id(child).parent_id == major
