"""The case lists as a handler uses them: header sorting, the assignee filter, saved filters, the live SLA
column, a dashboard's filter, rows that change under the user, and the tray message for a new notice."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QPushButton

from desktop.models import ImpactLevel, Incident
from desktop.views.i18n import install_language
from desktop.views.main_window import MainWindow
from desktop.views.pages import CaseListPage, IncidentListPage, SavedFilterBar, _select_data
from desktop.views.session import ClientSession
from desktop.views.table_models import PLACEHOLDER, IncidentTableModel
from desktop.workflow.cases import case_service as cs
from desktop.workflow.cases.queries import IncidentFilter
from desktop.workflow.common.actors import load_actor
from tests import factories
from tests.bank import T0, bring_to, make_bank


@pytest.fixture
def bank(db):
    bank = make_bank()
    bank.url = db
    return bank


def session_of(bank, persona: str, language: str = "ko") -> ClientSession:
    install_language(language)
    return ClientSession(actor=load_actor(bank.id(persona)), database_url=bank.url, language=language)


def register(bank, title: str, *, urgency: str = "high", app=None, minutes: int = 0):
    return cs.register_incident(actor_id=bank.id("customer"), title=title, description="설명",
                                application_id=(app or bank.app).id, urgency=urgency, incident_type="application",
                                now=T0 + timedelta(minutes=minutes))


def page_of(qtbot, page):
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: not page.model.loading)
    return page


def titles(page) -> list[str]:
    column = page.model.COLUMNS.index("title")
    return [page.model.data(page.model.index(r, column)) for r in range(page.model.rowCount())]


def click_header(qtbot, page, column_name: str) -> None:
    header = page.view.horizontalHeader()
    column = page.model.COLUMNS.index(column_name)
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    qtbot.waitUntil(lambda: not page.model.loading)


def test_clicking_a_header_sorts_the_whole_list_on_the_server(qtbot, bank):
    for i, title in enumerate(["다 장애", "가 장애", "라 장애", "나 장애"]):
        register(bank, title, minutes=i)
    page = page_of(qtbot, IncidentListPage(session_of(bank, "handler")))
    assert titles(page) == ["나 장애", "라 장애", "가 장애", "다 장애"]  # newest first
    click_header(qtbot, page, "title")
    first = titles(page)
    click_header(qtbot, page, "title")
    second = titles(page)
    assert sorted([first, second]) == [["가 장애", "나 장애", "다 장애", "라 장애"],
                                       ["라 장애", "다 장애", "나 장애", "가 장애"]]
    assert page.view.horizontalHeader().sortIndicatorSection() == page.model.COLUMNS.index("title")


def test_assignee_filter_me_unassigned_and_a_person(qtbot, bank):
    nobody = factories.application(name="계정계", team=None, impact=ImpactLevel.get(ImpactLevel.code == "low"))
    register(bank, "배정된 장애")
    register(bank, "주인 없는 장애", app=nobody)
    page = page_of(qtbot, IncidentListPage(session_of(bank, "handler")))
    combo = page.assignee
    for value, expected in (("me", ["배정된 장애"]), ("unassigned", ["주인 없는 장애"]),
                            (bank.id("handler"), ["배정된 장애"]), (bank.id("lead"), []),
                            (None, ["주인 없는 장애", "배정된 장애"])):
        combo.setCurrentIndex(combo.findData(value))
        qtbot.waitUntil(lambda: not page.model.loading)
        assert titles(page) == expected, value
    assert combo.findText("handler님", Qt.MatchFlag.MatchStartsWith) > 0  # people are listed with their team


def test_a_saved_filter_comes_back_on_another_desk_with_its_sort(qtbot, bank, monkeypatch):
    register(bank, "가 긴급", urgency="high", minutes=1)
    register(bank, "나 긴급", urgency="high", minutes=2)
    register(bank, "다 보통", urgency="low", minutes=3)
    first = page_of(qtbot, IncidentListPage(session_of(bank, "handler")))
    assert _select_data(first.grade, (1,))  # what picking "1등급" in the combo does
    qtbot.waitUntil(lambda: not first.model.loading)
    click_header(qtbot, first, "title")
    if titles(first) != ["가 긴급", "나 긴급"]:
        click_header(qtbot, first, "title")
    assert titles(first) == ["가 긴급", "나 긴급"]
    monkeypatch.setattr(SavedFilterBar, "ask_name", staticmethod(lambda parent, suggestion: "  1등급 가나다순 "))
    assert first.saved.save()
    asked = []
    monkeypatch.setattr(SavedFilterBar, "ask_name", staticmethod(lambda parent, s: asked.append(s) or ""))
    shown = []
    monkeypatch.setattr("desktop.views.pages.show_error", lambda parent, exc, lang: shown.append(exc.message(lang)))
    assert not first.saved.save()  # an empty name is refused in the user's language
    assert asked == ["1등급 가나다순"] and "필터 이름" in shown[0]

    other = page_of(qtbot, IncidentListPage(session_of(bank, "handler")))  # the same user, another PC
    assert titles(other) == ["다 보통", "나 긴급", "가 긴급"]
    index = other.saved.combo.findText("1등급 가나다순")
    assert index > 0
    other.saved.combo.setCurrentIndex(index)  # what picking it from the drop-down does
    other.saved.combo.activated.emit(index)
    qtbot.waitUntil(lambda: not other.model.loading)
    assert titles(other) == ["가 긴급", "나 긴급"] and other.grade.currentData() == (1,)
    assert other.view.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    other.saved.remove()
    assert other.saved.combo.findText("1등급 가나다순") == -1
    assert page_of(qtbot, IncidentListPage(session_of(bank, "lead"))).saved.combo.count() == 1  # only "(choose)"


def test_sla_column_counts_down_and_turns_red_when_breached(qtbot, bank):
    register(bank, "이체 지연")
    page = page_of(qtbot, IncidentListPage(session_of(bank, "handler", "en")))
    model: IncidentTableModel = page.model
    row = model.row_at(0)
    assert row.sla_state == "running"
    sla = model.index(0, IncidentTableModel.SLA_COLUMN)
    model.now = row.sla_due_at - timedelta(minutes=90)
    assert model.data(sla) == "1h 30m"
    assert model.data(sla, Qt.ItemDataRole.ForegroundRole) is None
    changed = []
    model.dataChanged.connect(lambda a, b, roles: changed.append((a.column(), b.column())))
    model.tick()  # the timer's tick repaints the SLA column only
    assert changed == [(IncidentTableModel.SLA_COLUMN, IncidentTableModel.SLA_COLUMN)]
    model.now = row.sla_due_at + timedelta(days=1, hours=2)
    assert model.data(sla) == "1d 2h over"
    assert model.data(sla, Qt.ItemDataRole.ForegroundRole) == QColor("#d32f2f")


def test_a_dashboard_figure_opens_the_list_with_a_removable_chip(qtbot, bank):
    register(bank, "3월 긴급", urgency="high")
    register(bank, "3월 보통", urgency="low")
    register(bank, "4월 긴급", urgency="high", minutes=60 * 24 * 31)
    page = page_of(qtbot, IncidentListPage(session_of(bank, "handler")))
    page.show_filter(IncidentFilter(grades=(1,), registered_from=T0 - timedelta(days=1),
                                    registered_to=T0 + timedelta(days=20)), "2026-03")
    qtbot.waitUntil(lambda: not page.model.loading)
    assert titles(page) == ["3월 긴급"]
    assert page.grade.currentData() == (1,) and page.chip.isVisibleTo(page) and "2026-03" in page.chip.text()
    qtbot.mouseClick(page.chip, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.model.loading)
    assert not page.chip.isVisibleTo(page) and titles(page) == ["4월 긴급", "3월 긴급"]


def test_changes_from_elsewhere_update_rows_in_place(qtbot, bank):
    made = [register(bank, f"장애 {i}", minutes=i) for i in range(3)]
    page = page_of(qtbot, IncidentListPage(session_of(bank, "handler")))
    assert _select_data(page.state, ("registered",))
    qtbot.waitUntil(lambda: not page.model.loading)
    assert titles(page) == ["장애 2", "장애 1", "장애 0"]
    loaded_at = page.model.loaded_at
    cs.transition(actor_id=bank.id("handler"), case_id=made[1].case_id, name="regrade", version=made[1].version,
                  fields={"grade": 3, "grade_reason": "영향 축소"})
    cs.accept_incident(actor_id=bank.id("handler"), case_id=made[0].case_id, version=made[0].version)
    page.changes_arrived({made[0].case_id, made[1].case_id})
    assert page.model.loaded_at == loaded_at  # no reload: the rows were read again where they are
    assert titles(page) == ["장애 2", "장애 1"]  # accepted: no longer "registered"
    assert page.model.row_at(1).grade == 3
    page.view.selectRow(0)
    newcomer = register(bank, "새 장애", minutes=10)
    page.changes_arrived({newcomer.case_id})
    assert page.stale.isVisibleTo(page) and titles(page) == ["장애 2", "장애 1"]  # the user is selecting
    qtbot.mouseClick(page.stale, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.model.loading)
    assert titles(page)[0] == "새 장애" and not page.stale.isVisibleTo(page)


def test_case_lists_filter_by_assignee_and_sort(qtbot, bank):
    mine = bring_to(bank, "problem", "derivation")
    Incident  # noqa: B018 (keeps the import honest for the linters)
    page = page_of(qtbot, CaseListPage(session_of(bank, "pm", "en"), "problem"))
    page.assignee.setCurrentIndex(page.assignee.findData("unassigned"))
    qtbot.waitUntil(lambda: not page.model.loading)
    assert mine not in [page.model.row_at(r).case_id for r in range(page.model.rowCount())]
    page.assignee.setCurrentIndex(page.assignee.findData(None))
    qtbot.waitUntil(lambda: not page.model.loading)
    assert mine in [page.model.row_at(r).case_id for r in range(page.model.rowCount())]
    click_header(qtbot, page, "number")
    assert page.model.order.key == "number"


def test_a_new_notice_shows_a_tray_message(qtbot, bank):
    window = MainWindow(session_of(bank, "handler"), background=False)
    qtbot.addWidget(window)
    messages = []

    class Tray:
        def showMessage(self, title, text, icon, msecs):
            messages.append((title, text))

        def hide(self):
            pass

    window.tray = Tray()
    window.inbox.refresh()
    assert messages == []  # what was there at sign-in is not news
    r = register(bank, "외화 송금 지연")
    window.inbox.refresh()
    assert messages == [("장애 배정", f"{r.number} 외화 송금 지연")]  # the handler it was assigned to
    window.inbox.refresh()
    assert len(messages) == 1  # told once


def test_keyboard_moves_between_pages_finds_and_opens(qtbot, bank):
    r = register(bank, "키보드로 여는 장애")
    window = MainWindow(session_of(bank, "handler"), background=False)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    qtbot.keyClick(window.nav, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.nav.currentRow() == 1
    page = window.pages["incidents"]
    qtbot.waitUntil(lambda: not page.model.loading and page.model.rowCount() == 1)
    qtbot.keyClick(window.nav, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.text.hasFocus()
    page.view.setFocus()
    page.view.setCurrentIndex(page.model.index(0, 0))
    with qtbot.waitSignal(page.sig_open_case) as opened:
        qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert opened.args == [r.case_id]


def test_bulk_regrade_reports_each_row_and_updates_every_list(qtbot, bank, monkeypatch):
    from desktop.views.bulk import BulkDialog

    ok = register(bank, "대상 1", minutes=1)
    also = register(bank, "대상 2", minutes=2)
    cs.transition(actor_id=bank.id("handler"), case_id=also.case_id, name="cancel", version=also.version,
                  fields={"cancel_reason": "중복"})
    window = MainWindow(session_of(bank, "lead"), background=False)
    qtbot.addWidget(window)
    window.nav.setCurrentRow(1)
    page = window.pages["incidents"]
    qtbot.waitUntil(lambda: not page.model.loading and page.model.rowCount() == 2)
    close_button = page.findChild(QPushButton, "bulk_close")
    assert not close_button.isEnabled()  # nothing selected: the bulk buttons say so instead of doing nothing
    page.view.selectAll()
    assert close_button.isEnabled()
    seen: dict = {}

    def ask(cls, session, action, checks, run, parent=None):  # the real dialog, worked as a person would
        dialog = cls(session, action, checks, run, parent)
        qtbot.addWidget(dialog)
        column = {dialog.table.item(r, 0).text(): r for r in range(dialog.table.rowCount())}
        seen["title"] = dialog.windowTitle()
        seen["before"] = {number: dialog.table.item(r, 3).text() for number, r in column.items()}
        seen["ok_enabled"] = dialog.ok.isEnabled()
        dialog.form.inputs["grade"].setCurrentIndex(dialog.form.inputs["grade"].findData(3))
        dialog.form.inputs["grade_reason"].setPlainText("영향 축소")
        dialog.ok.click()
        seen["after"] = {number: dialog.table.item(r, 3).text() for number, r in column.items()}
        return dialog.results

    monkeypatch.setattr(BulkDialog, "ask", classmethod(ask))
    changed = []
    window.cases_changed = lambda ids: changed.append(ids)  # what the window hears
    page.sig_cases_changed.disconnect()
    page.sig_cases_changed.connect(window.cases_changed)
    page.bulk("regrade")
    assert "2" in seen["title"] and seen["ok_enabled"]  # titled with the count
    assert seen["before"][ok.number].startswith("✓") and seen["before"][also.number].startswith("✕ ")  # flagged
    assert seen["after"][ok.number].startswith("✓") and seen["after"][also.number].startswith("✕")
    grades = {page.model.row_at(r).case_id: page.model.row_at(r).grade for r in range(page.model.rowCount())}
    assert grades[ok.case_id] == 3 and grades[also.case_id] == 1  # updated in place; the cancelled one refused
    assert changed == [{ok.case_id, also.case_id}]


def test_the_footer_says_the_total_and_a_row_not_read_yet_fills_in(qtbot, bank):
    for i in range(450):
        factories.incident(reporter=bank.users["customer"], app=bank.app, at=T0 + timedelta(minutes=i),
                           title=f"대량 {i:03d}")
    page = page_of(qtbot, IncidentListPage(session_of(bank, "handler", "en")))
    qtbot.waitUntil(lambda: page.model.total == 450)  # counted on the pool beside the first page
    assert page.model.rowCount() == 450 and page.count.text() == "450 in this list"
    title = page.model.COLUMNS.index("title")
    assert page.model.data(page.model.index(420, title)) == PLACEHOLDER  # beyond the first page: not read yet
    assert page.model.row_at(420) is None
    with qtbot.waitSignal(page.model.sig_window):  # … which asked for its window
        pass
    assert page.model.data(page.model.index(420, title)) == "대량 029"
    assert page.model.rows_fetched <= 200 < 250  # its window (and perhaps the next), not all 250 beyond


def test_second_line_and_problem_lists_show_where_work_came_from_and_when_it_is_due(qtbot, bank):
    """Work orders: the parent incident, the due time and, once it has passed, how late in red; problems: grade
    and application; changes: the incident they came from. One read per page, whatever the page holds."""
    from desktop.models import database

    incident = register(bank, "이체 지연")
    for step in ("accept", "start"):
        cs.transition(actor_id=bank.id("handler"), case_id=incident.case_id, name=step, version=None, now=T0)
    late = cs.issue_work_order(actor_id=bank.id("handler"), parent_id=incident.case_id, title="힙 덤프 분석",
                               instructions="WAS 1호기", due_at=T0 + timedelta(hours=2), now=T0)
    cs.issue_work_order(actor_id=bank.id("handler"), parent_id=incident.case_id, title="로그 수집",
                        instructions="-", now=T0)
    change = cs.request_change(actor_id=bank.id("handler"), parent_id=incident.case_id, title="세션 풀 변경",
                               description="max 200 → 400", now=T0)
    problem = cs.link_problem(actor_id=bank.id("handler"), incident_id=incident.case_id,
                              new_problem={"title": "세션 풀 고갈 반복", "description": "월말마다"}, now=T0)
    number = incident.number
    from desktop.models import Grade, Problem

    Problem.update(grade=Grade.get(Grade.level == 2)).where(Problem.case == problem.problem_id).execute()

    def cells(page, case_id: int) -> dict[str, str]:
        model = page.model
        row = next(r for r in range(model.rowCount()) if model.row_at(r).case_id == case_id)
        return {c: model.data(model.index(row, i)) for i, c in enumerate(model.COLUMNS)}

    work = page_of(qtbot, CaseListPage(session_of(bank, "second", "en"), "work_order"))
    headers = work.model.headers()
    assert headers[:2] == ["Number", "Parent case"] and "Due" in headers
    shown = cells(work, late.case_id)
    assert shown["parent"] == number
    assert shown["due_at"].startswith("2026-") and shown["due_at"].endswith(" over")  # T0 + 2 h is long past
    due = work.model.index(next(r for r in range(work.model.rowCount())
                                if work.model.row_at(r).case_id == late.case_id), work.model.COLUMNS.index("due_at"))
    assert work.model.data(due, Qt.ItemDataRole.ForegroundRole) == QColor("#d32f2f")
    cs.start_work_order(actor_id=bank.id("second"), case_id=late.case_id, version=None)
    cs.complete_work_order(actor_id=bank.id("second"), case_id=late.case_id, version=None, result="완료")
    work.refresh()
    qtbot.waitUntil(lambda: not work.model.loading)
    assert not cells(work, late.case_id)["due_at"].endswith(" over")  # finished work is not overdue
    assert work.model.data(due, Qt.ItemDataRole.ForegroundRole) is None

    changes = page_of(qtbot, CaseListPage(session_of(bank, "cm", "ko"), "change"))
    assert changes.model.headers()[:2] == ["번호", "상위 건"]
    assert cells(changes, change.case_id)["parent"] == number

    problems = page_of(qtbot, CaseListPage(session_of(bank, "pm", "ko"), "problem"))
    assert problems.model.headers()[:4] == ["번호", "등급", "제목", "업무시스템"]
    shown = cells(problems, problem.problem_id)
    assert shown["application"] == bank.app.name and shown["grade"] == "2"

    # the page is read in one statement, with the added columns joined in
    statements = []
    real = database.obj.execute_sql

    def counting(sql, *args, **kwargs):
        statements.append(sql)
        return real(sql, *args, **kwargs)

    from desktop.workflow.cases.queries import list_cases

    database.obj.execute_sql = counting
    try:
        rows = list_cases(actor_id=bank.id("admin"), kind="work_order").rows
    finally:
        database.obj.execute_sql = real
    assert len(rows) == 2 and sum("work_order" in s.lower() for s in statements) == 1


def test_a_cancelled_incident_is_not_a_red_missed_sla(qtbot, bank):
    made = register(bank, "중복 등록")
    cs.transition(actor_id=bank.id("handler"), case_id=made.case_id, name="cancel", version=None,
                  fields={"cancel_reason": "중복 등록"}, now=T0 + timedelta(days=2))
    for language, text in (("ko", "해당 없음 (취소)"), ("en", "N/A (cancelled)")):
        page = page_of(qtbot, IncidentListPage(session_of(bank, "handler", language)))
        model: IncidentTableModel = page.model
        row = next(r for r in range(model.rowCount()) if model.row_at(r).case_id == made.case_id)
        sla = model.index(row, IncidentTableModel.SLA_COLUMN)
        assert model.row_at(row).sla_state == "not_applicable"
        assert model.data(sla) == text
        assert model.data(sla, Qt.ItemDataRole.ForegroundRole) != QColor("#d32f2f")


def test_a_customer_sees_no_bulk_buttons_but_staff_do(qtbot, bank):
    register(bank, "고객이 등록한 장애")
    customer = page_of(qtbot, IncidentListPage(session_of(bank, "customer")))
    assert titles(customer) == ["고객이 등록한 장애"]
    assert not any(button.isVisibleTo(customer) for button in customer.bulk_buttons)
    assert customer.export_button.isVisibleTo(customer)  # exporting one's own list stays
    handler = page_of(qtbot, IncidentListPage(session_of(bank, "handler")))
    assert all(button.isVisibleTo(handler) for button in handler.bulk_buttons)


def test_problem_and_work_order_lists_name_people_and_applications_in_english(qtbot, bank):
    from desktop.models import Problem, User, WorkOrder, database

    problem = bring_to(bank, "problem", "derivation")
    incident = register(bank, "장애 1").case_id
    order = bring_to(bank, "work_order", "issued", parent_id=incident)
    with database.atomic():
        Problem.update(application=bank.app.id).where(Problem.case == problem).execute()
        bank.app.name_en = "Internet Banking"
        bank.app.save()
        for model, case in ((Problem, problem), (WorkOrder, order)):
            person = model.get(model.case == case).assignee
            User.update(name_en=f"{person.login} in English").where(User.id == person.id).execute()
    shown = (("problem", problem, ("assignee", "application")), ("work_order", order, ("assignee",)))
    for kind, case, columns in shown:
        for language in ("en", "ko"):
            page = page_of(qtbot, CaseListPage(session_of(bank, "pm", language), kind))
            row = next(r for r in range(page.model.rowCount()) if page.model.row_at(r).case_id == case)
            for column in columns:
                text = page.model.index(row, page.model.COLUMNS.index(column)).data()
                assert ("English" in text or text == "Internet Banking") == (language == "en"), (kind, column, text)
