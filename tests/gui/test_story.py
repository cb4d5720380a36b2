"""The handler's day through the real widgets: register → accept → work order → close; a problem's
five stages; a stale edit meeting the conflict dialog. Dialog `ask` methods are replaced by functions
that fill the real dialogs' widgets, as a person would, and press OK."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QPlainTextEdit, QPushButton, QWidget

from desktop.models import db as dbmod
from desktop.models import ensure_schema
from desktop.views import case_view as case_view_module
from desktop.views import dialogs
from desktop.views.main_window import MainWindow
from desktop.views.session import ClientSession
from desktop.views.table_models import CaseTableModel, IncidentTableModel
from desktop.workflow.admin.defaults import seed_defaults
from desktop.workflow.common.actors import load_actor
from tests.bank import make_bank
from tests.factories import set_every_password


@pytest.fixture
def bank(tmp_path):
    url = f"sqlite:///{tmp_path / 'client.db'}"
    dbmod.close()
    dbmod.connect(url)
    ensure_schema()
    seed_defaults()
    bank = make_bank()
    set_every_password("pw")
    bank.url = url
    yield bank
    dbmod.close()


def session_of(bank, persona: str, language: str = "ko") -> ClientSession:
    return ClientSession(actor=load_actor(bank.id(persona)), database_url=bank.url, language=language)


def fill(form: dialogs.FieldForm, values: dict[str, Any]) -> None:
    """Type into the form's widgets the way a user would."""
    for name, value in values.items():
        widget = form.inputs[name]
        if isinstance(widget, QPlainTextEdit):
            widget.setPlainText(value)
        elif isinstance(widget, QComboBox):
            widget.setCurrentIndex(widget.findData(value))
        elif isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        else:
            widget.setText(value)


class Typist:
    """Stands in for the person at the keyboard: answers transition dialogs from a script."""

    def __init__(self, monkeypatch, qtbot) -> None:
        self.answers: dict[str, dict[str, Any]] = {}
        self.asked: list[tuple[str, dict[str, Any] | None]] = []

        def ask(session, action, parent=None, initial=None):
            self.asked.append((action.name, initial))
            if not action.fields:
                return {}
            dialog = dialogs.TransitionDialog(session, action, parent, initial)
            qtbot.addWidget(dialog)
            required = {f.name for f in action.fields if f.required}
            if initial is None:
                fill(dialog.form, self.answers.get(action.name, {}))
            values = dialog.form.values()
            assert required <= set(values), (action.name, required - set(values))
            return values

        def ask_accept(session, action, case_id, assignee, parent=None, initial=None):
            self.asked.append((action.name, initial))
            dialog = case_view_module.AcceptDialog(session, action, case_id, assignee, parent, initial)
            qtbot.addWidget(dialog)
            if initial is None:
                fill(dialog.form, self.answers.get(action.name, {}))
            return dialog.values()

        monkeypatch.setattr(dialogs.TransitionDialog, "ask", staticmethod(ask))
        monkeypatch.setattr(case_view_module.TransitionDialog, "ask", staticmethod(ask))
        monkeypatch.setattr(case_view_module.AcceptDialog, "ask", staticmethod(ask_accept))  # 접수: who is told


def click(qtbot, view, name: str) -> None:
    button = view.findChild(QWidget, name)
    assert button is not None, f"no button {name}: {[b.objectName() for b in view.findChildren(QWidget)]}"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_sign_in_dialog(qtbot, bank):
    dialog = dialogs.LoginDialog(language="ko")
    qtbot.addWidget(dialog)
    dialog.login.setText("customer")
    dialog.password.setText("wrong")
    dialog.try_sign_in()
    assert dialog.actor is None and "암호가 맞지 않습니다" in dialog.error.text()
    dialog.password.setText("pw")
    dialog.try_sign_in()
    assert dialog.actor is not None and dialog.actor.login == "customer"


def test_incident_story_from_registration_to_closure(qtbot, bank, monkeypatch):
    typist = Typist(monkeypatch, qtbot)

    def register(session, parent=None):
        dialog = dialogs.RegisterIncidentDialog(session, parent)
        qtbot.addWidget(dialog)
        dialog.title.setText("인터넷뱅킹 이체 실패")
        dialog.description.setPlainText("이체 버튼을 누르면 오류 E-7731")
        dialog.application.setCurrentIndex(dialog.application.findData(bank.app.id))
        dialog.urgency.setCurrentIndex(dialog.urgency.findData("high"))
        assert dialog.impact.text() == "높음" and dialog.grade.text() == "1등급 (긴급)"  # shown before saving
        dialog.urgency.setCurrentIndex(dialog.urgency.findData("low"))
        assert dialog.grade.text() == "3등급 (보통)"
        dialog.urgency.setCurrentIndex(dialog.urgency.findData("high"))
        return dialog.values()

    monkeypatch.setattr(dialogs.RegisterIncidentDialog, "ask", staticmethod(register))
    import desktop.views.main_window as main_window_module

    monkeypatch.setattr(main_window_module.RegisterIncidentDialog, "ask", staticmethod(register))

    customer = MainWindow(session_of(bank, "customer"), background=False)
    qtbot.addWidget(customer)
    case_id = customer.register_incident()
    assert case_id is not None

    handler = MainWindow(session_of(bank, "handler"), background=False)
    qtbot.addWidget(handler)
    handler.pages["my_work"].refresh()
    qtbot.waitUntil(lambda: not handler.pages["my_work"].model.loading)
    assert handler.pages["my_work"].model.rowCount() == 1  # assigned from the owner matrix
    view = handler.open_case(case_id)
    assert view.detail.state == "registered"
    assert {b.objectName() for b in view.findChildren(QPushButton)} >= {"transition_accept",
                                                                                "transition_cancel"}
    click(qtbot, view, "transition_accept")
    assert view.detail.state == "accepted"
    click(qtbot, view, "transition_start")
    typist.answers["issue_work_order"] = {"title": "DB 락 확인", "instructions": "이체 테이블 락 조회"}
    click(qtbot, view, "operation_issue_work_order")
    assert [wo.state for wo in view.detail.work_orders] == ["issued"]
    wo_id = view.detail.work_orders[0].case_id

    specialist = MainWindow(session_of(bank, "second"), background=False)
    qtbot.addWidget(specialist)
    wo_view = specialist.open_case(wo_id)
    click(qtbot, wo_view, "transition_start")
    typist.answers["complete"] = {"result": "락 보유 세션 정리, 이체 정상"}
    click(qtbot, wo_view, "transition_complete")
    assert wo_view.detail.state == "done"

    view.refresh()
    assert [wo.state for wo in view.detail.work_orders] == ["done"]
    typist.answers["add_action"] = {"body": "고객 재시도 성공 확인"}
    click(qtbot, view, "operation_add_action")
    typist.answers["close"] = {"resolution": "락 세션 정리", "cause": "배치와 온라인 이체의 테이블 락 경합",
                               "result": "이체 정상화", "follow_up_plan": "배치 시간 조정",
                               "recurrence_prevention": "락 타임아웃 설정"}
    click(qtbot, view, "transition_close")
    assert view.detail.state == "closed" and view.detail.values["cause"].startswith("배치와")
    history = view.tabs.widget(view.tabs.count() - 1)
    whats = [history.item(r, 1).text() for r in range(history.rowCount())]
    assert whats[:3] == ["장애 등록", "접수", "처리 시작"] and whats[-1] == "종결" and "작업 완료" in whats
    customer.pages["incidents"].refresh()
    qtbot.waitUntil(lambda: not customer.pages["incidents"].model.loading)
    assert customer.pages["incidents"].model.data(customer.pages["incidents"].model.index(0, 4)) == "종결"


def test_problem_runs_its_five_stages(qtbot, bank, monkeypatch):
    typist = Typist(monkeypatch, qtbot)
    from desktop.workflow.cases import case_service

    problem = case_service.register_problem(actor_id=bank.id("pm"), title="월말 세션 풀 고갈",
                                            description="매월 말일 오후 반복")
    pm = MainWindow(session_of(bank, "pm", language="en"), background=False)
    qtbot.addWidget(pm)
    view = pm.open_case(problem.case_id)
    assert "1. Registered" in view.stages.text()
    click(qtbot, view, "transition_start_derivation")
    typist.answers["record_known_error"] = {"workaround": "오후 4시 WAS 재기동"}
    click(qtbot, view, "transition_record_known_error")
    typist.answers["plan"] = {"root_cause": "커넥션 누수", "solution": "누수 패치 배포"}
    click(qtbot, view, "transition_plan")
    click(qtbot, view, "transition_submit_result")
    typist.answers["close"] = {"verification_result": "2주간 재발 없음"}
    click(qtbot, view, "transition_close")
    assert view.detail.state == "closed" and view.detail.values["is_known_error"] is True
    assert "5. Closed" in view.stages.text()


def test_a_stale_edit_shows_the_conflict_dialog_and_keeps_what_was_typed(qtbot, bank, monkeypatch):
    typist = Typist(monkeypatch, qtbot)
    from desktop.workflow.cases import case_service

    r = case_service.register_incident(actor_id=bank.id("customer"), title="카드승인 지연", description="지연",
                                       application_id=bank.app.id, urgency="high", incident_type="application")
    handler = MainWindow(session_of(bank, "handler"), background=False)
    lead = MainWindow(session_of(bank, "lead"), background=False)
    qtbot.addWidget(handler)
    qtbot.addWidget(lead)
    mine = handler.open_case(r.case_id)
    theirs = lead.open_case(r.case_id)
    typist.answers["regrade"] = {"grade": 2, "grade_reason": "일부 가맹점만 영향"}
    click(qtbot, theirs, "transition_regrade")  # the team lead saves first
    shown = []

    def conflict(parent, error, language):
        shown.append(error.message(language))
        return True  # reload

    monkeypatch.setattr(case_view_module.ConflictDialog, "ask", staticmethod(conflict))
    typist.answers["regrade"] = {"grade": 3, "grade_reason": "단일 지점 영향"}
    click(qtbot, mine, "transition_regrade")
    assert len(shown) == 1 and "lead님 (lead)" in shown[0] and r.number in shown[0]
    # after the reload the dialog came back with what the handler had typed, and the save went through
    assert typist.asked[-1] == ("regrade", {"grade": 3, "grade_reason": "단일 지점 영향"})
    assert mine.detail.names["grade"] == "3등급 (보통)"


def test_list_models_pass_the_model_tester(qtbot, bank, qtmodeltester):
    from desktop.workflow.cases import case_service

    for i in range(3):
        case_service.register_incident(actor_id=bank.id("customer"), title=f"장애 {i}", description="-",
                                       application_id=bank.app.id, urgency="medium", incident_type="application")
    incidents = IncidentTableModel(session_of(bank, "admin"))
    incidents.reload()
    assert incidents.wait_until_loaded() and incidents.rowCount() == 3
    qtmodeltester.check(incidents)
    problems = CaseTableModel(session_of(bank, "admin"), "problem")
    problems.reload()
    assert problems.wait_until_loaded()
    qtmodeltester.check(problems)


def test_language_switch_rebuilds_the_window_and_is_remembered(qtbot, bank):
    from desktop.app import _windows, open_main_window
    from desktop.config import Settings, load_settings
    from desktop.views.i18n import install_language

    assert install_language("ko")
    window = open_main_window(Settings(database_url=bank.url, language="ko"), load_actor(bank.id("handler")),
                              background=False)
    assert window.nav.item(1).text() == "장애"
    window.sig_language_requested.emit("en")
    fresh = _windows[-1]
    qtbot.addWidget(fresh)
    assert fresh is not window and fresh.nav.item(1).text() == "Incidents"
    assert load_settings().language == "en"
    fresh.sig_language_requested.emit("ko")
    assert _windows[-1].nav.item(1).text() == "장애"
    _windows[-1].close()


def test_report_button_makes_the_pdf_off_the_ui_thread_and_opens_it(qtbot, bank, monkeypatch):
    from desktop.views import reports as reports_module
    from desktop.workflow.cases import case_service

    opened = []
    monkeypatch.setattr(reports_module.QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url)))
    r = case_service.register_incident(actor_id=bank.id("customer"), title="외환 시세 수신 지연", description="지연",
                                       application_id=bank.app.id, urgency="high", incident_type="application")
    window = MainWindow(session_of(bank, "handler"), background=False)
    qtbot.addWidget(window)
    view = window.open_case(r.case_id)
    with qtbot.waitSignal(view.reports.sig_ready, timeout=20000) as ready:
        click(qtbot, view, "report_pdf")
        assert view.cursor().shape() == Qt.CursorShape.BusyCursor  # made on the pool; the window shows it is busy
    assert view.reports.running == 0 and view.cursor().shape() != Qt.CursorShape.BusyCursor
    from pathlib import Path

    pdf = Path(ready.args[0])
    assert pdf.name == f"{r.number}.pdf" and pdf.read_bytes().startswith(b"%PDF")
    assert [u.toLocalFile() for u in opened] == [str(pdf)]
