"""A handler types an incident that is a known error (#21.1): the registration dialog shows the problem with why,
and one click links it — registered with the problem linked and its workaround copied into an action. The case
window's Similar tab does the same for an incident already registered."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPushButton

from desktop.models import Action, CaseLink, Incident, Problem, utcnow
from desktop.views.case_view import CaseView
from desktop.views.dialogs import RegisterIncidentDialog
from desktop.views.i18n import install_language
from desktop.views.session import ClientSession
from desktop.workflow.cases import case_service as cs
from desktop.workflow.common.actors import load_actor
from tests import factories
from tests.bank import make_bank

WORKAROUND = "WAS 세션 풀을 재기동하면 5분 안에 정상화"


@pytest.fixture
def bank(db, monkeypatch):
    from desktop.views import case_view

    monkeypatch.setattr(case_view, "show_error", lambda parent, error, language: pytest.fail(error.message("en")))
    bank = make_bank()
    problem = cs.register_problem(actor_id=bank.id("pm"), title="WAS 세션 풀 고갈로 로그인 지연 반복",
                                  description="월말 접속 폭주 때 반복", application_id=bank.app.id).case_id
    Problem.update(is_known_error=True, known_error_at=utcnow(), workaround=WORKAROUND,
                   root_cause="커넥션 누수").where(Problem.case == problem).execute()
    bank.problem = problem
    factories.incident(reporter=bank.users["customer"], app=bank.app, title="인터넷뱅킹 로그인 지연",
                       at=utcnow() - timedelta(days=3), state="closed", closed_at=utcnow() - timedelta(days=2),
                       cause="세션 풀 고갈", resolution="WAS 재기동")
    yield bank
    install_language("en")


def _session(bank, language: str, persona: str = "handler") -> ClientSession:
    install_language(language)
    return ClientSession(actor=load_actor(bank.id(persona)), database_url="", language=language)


def _row_of(panel, number: str):
    from PySide6.QtWidgets import QFrame

    return panel.findChild(QFrame, f"similar_{number}")


@pytest.mark.parametrize("language, reason_word, group", [("ko", "일치 단어", "진행 중인 문제와 알려진 오류"),
                                                          ("en", "matching words", "Open problems and known errors")])
def test_typing_a_known_errors_title_shows_it_with_why_and_one_click_links_it_with_its_workaround(
        bank, qtbot, monkeypatch, language, reason_word, group):
    dialog = RegisterIncidentDialog(_session(bank, language))
    qtbot.addWidget(dialog)
    dialog.title.setText("인터넷뱅킹 로그인이 너무 느려요")  # as an IME commits it
    assert dialog.similar.busy  # not searched on the UI thread while typing: after a pause, on the pool
    assert dialog.similar.wait_until_idle()
    number = cs.Case.get_by_id(bank.problem).number
    row = _row_of(dialog.similar, number)
    assert row is not None, dialog.similar.status.text()
    assert dialog.similar.findChild(QLabel, "similar_group_problem").text() == group
    reason = row.findChild(QLabel, "similar_reason").text()
    assert reason_word in reason and ("로그인" in reason)
    assert WORKAROUND in row.findChild(QLabel, "similar_details").text()
    closed = [label.text() for label in dialog.similar.findChildren(QLabel, "similar_details")]
    assert any("WAS 재기동" in text for text in closed)  # the closed incident with what fixed it

    row.findChild(QPushButton, "similar_known_error").click()
    assert number in dialog.choice_label.text() and dialog.choice_undo.isVisibleTo(dialog)
    dialog.application.setCurrentIndex(dialog.application.findData(bank.app.id))
    dialog.urgency.setCurrentIndex(dialog.urgency.findData("high"))
    dialog.description.setPlainText("09시부터 로그인 10초 이상")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() == RegisterIncidentDialog.DialogCode.Accepted

    from desktop.views.main_window import MainWindow

    window = MainWindow(dialog.session, background=False)
    qtbot.addWidget(window)
    values = {**dialog.values(), "choice": dialog.choice}
    monkeypatch.setattr(RegisterIncidentDialog, "ask", classmethod(lambda cls, *a, **k: values))  # as answered
    case_id = window.register_incident()
    assert Incident.get_by_id(case_id).state == "registered"
    assert CaseLink.get((CaseLink.source == case_id) & (CaseLink.kind == "problem")).target_id == bank.problem
    [action] = Action.select().where(Action.case == case_id)
    assert action.kind == "workaround" and WORKAROUND in action.body
    view = window.case_windows[case_id]
    table = view.actions_table
    assert table.rowCount() == 1 and WORKAROUND in table.item(0, 5).text()


def test_an_undone_choice_registers_the_incident_alone(bank, qtbot):
    dialog = RegisterIncidentDialog(_session(bank, "ko"))
    qtbot.addWidget(dialog)
    dialog.title.setText("로그인 지연")
    assert dialog.similar.wait_until_idle()
    number = cs.Case.get_by_id(bank.problem).number
    _row_of(dialog.similar, number).findChild(QPushButton, "similar_known_error").click()
    dialog.choice_undo.click()
    assert dialog.choice is None and not dialog.choice_label.isVisibleTo(dialog)


def test_a_customer_is_offered_only_their_own_incidents(bank, qtbot):
    other = factories.user()
    factories.incident(reporter=other, app=bank.app, title="인터넷뱅킹 로그인 지연 (타 부서)", state="registered")
    dialog = RegisterIncidentDialog(_session(bank, "ko", "customer"))
    qtbot.addWidget(dialog)
    dialog.title.setText("인터넷뱅킹 로그인 지연")
    assert dialog.similar.wait_until_idle()
    shown = [label.text() for label in dialog.similar.findChildren(QLabel, "similar_head")]
    assert shown and all("타 부서" not in text and "PRB" not in text for text in shown)


def test_the_case_windows_similar_tab_links_the_known_error_and_copies_its_workaround(bank, qtbot):
    session = _session(bank, "en")
    incident = cs.register_incident(actor_id=bank.id("handler"), title="Internet banking login slow again",
                                    description="since 9", application_id=bank.app.id, urgency="high",
                                    incident_type="application").case_id
    cs.accept_incident(actor_id=bank.id("handler"), case_id=incident, version=None)
    view = CaseView(session, incident)
    qtbot.addWidget(view)
    tab = view.tab("similar")
    assert tab is view.similar_page and tab.wait_until_idle()
    number = cs.Case.get_by_id(bank.problem).number
    row = _row_of(tab, number)
    assert "login≈로그인" in row.findChild(QLabel, "similar_reason").text()
    button = row.findChild(QPushButton, "similar_known_error")
    assert button.isEnabled()
    button.click()
    assert CaseLink.select().where((CaseLink.source == incident) & (CaseLink.target == bank.problem)).exists()
    assert any(WORKAROUND in view.actions_table.item(r, 5).text() for r in range(view.actions_table.rowCount()))
    assert view.tab("similar").wait_until_idle()
    assert _row_of(view.similar_page, number) is None  # linked now: no longer suggested
