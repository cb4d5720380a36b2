"""The dashboard page through the real widgets: it loads on the thread pool while the UI stays free, shows the
figures, a refresh during a load never lets the older answer show, a click on a grade bar, a grade's rate or a
trend month opens the incident list filtered to it, and a click on an about-to-breach row opens that case."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from PySide6.QtCore import QPoint, Qt, QThreadPool
from PySide6.QtWidgets import QPushButton, QToolTip

from desktop.models import Grade, utcnow
from desktop.views.dashboard import DashboardPage
from desktop.views.i18n import install_language
from desktop.views.main_window import MainWindow
from desktop.views.session import ClientSession
from desktop.workflow.cases import dashboard as dashboard_service
from desktop.workflow.common.actors import load_actor
from tests import factories
from tests.bank import bring_to, make_bank


@pytest.fixture
def bank(db):
    bank = make_bank()
    bank.url = db
    yield bank
    # no pool task may outlive the database it reads (the db fixture tears down after this)
    assert QThreadPool.globalInstance().waitForDone(20_000)


@pytest.fixture(autouse=True)
def english():
    install_language("en")
    yield
    install_language("en")


def session_of(bank, persona: str = "admin", language: str = "en") -> ClientSession:
    return ClientSession(actor=load_actor(bank.id(persona)), database_url=bank.url, language=language)


def some_incidents(bank) -> dict[str, int]:
    """Open incidents of grades 1 and 3, a closed one, and one past its response target."""
    now = utcnow()
    reporter = bank.users["customer"]
    for level, state in ((1, "registered"), (1, "in_progress"), (3, "waiting"), (1, "closed")):
        factories.incident(reporter=reporter, app=bank.app, grade=Grade.get(Grade.level == level), state=state,
                           at=now - timedelta(days=1))
    late = bring_to(bank, "incident", "registered", now=now - timedelta(hours=1))  # grade 1: response 10 min
    return {"late": late}


class Gate:
    """Holds the worker's load until the test lets it go, and records which thread ran it."""

    def __init__(self, monkeypatch) -> None:
        self.release = threading.Event()
        self.threads: list[int] = []
        self.calls = 0
        real = dashboard_service.load_dashboard

        def gated(**kw):
            self.calls += 1
            self.threads.append(threading.get_ident())
            assert self.release.wait(10)
            return real(**kw)

        monkeypatch.setattr(dashboard_service, "load_dashboard", gated)


def bar_center(chart, wanted):
    """The middle of the figure whose filter passes `wanted`."""
    chart.grab()  # paint at its present size and items, whatever the event loop has done so far
    for rect, _tip, payload in chart.hit_areas():
        if payload is not None and wanted(payload[0]):
            return rect.center().toPoint()
    raise AssertionError("no such figure")


def test_the_page_loads_on_the_pool_while_the_ui_stays_free(qtbot, bank, monkeypatch):
    some_incidents(bank)
    gate = Gate(monkeypatch)
    page = DashboardPage(session_of(bank))
    qtbot.addWidget(page)
    page.show()
    assert page.loading and page.busy.isVisible() and page.status.text() == "Loading…"
    qtbot.waitUntil(lambda: gate.calls == 1, timeout=5000)
    qtbot.wait(100)  # the event loop turns while the worker is held: the UI is not blocked
    assert page.loading and page.data is None
    with qtbot.waitSignal(page.sig_loaded, timeout=10_000) as loaded:
        gate.release.set()
    assert gate.threads and gate.threads[0] != threading.get_ident()
    data = loaded.args[0]
    assert not page.loading and not page.busy.isVisible()
    assert [(i.label, i.value) for i in page.by_grade.items] == [
        ("Grade 1 (critical)", 3), ("Grade 2 (high)", 0), ("Grade 3 (medium)", 1), ("Grade 4 (low)", 0)]
    assert {i.label: i.value for i in page.by_state.items}["Waiting for customer"] == 1
    assert page.open_title.text() == "Open incidents by grade (4)"
    first = first_at_risk_row(page)
    assert data.at_risk and page.at_risk.item(first, 5).text().endswith("overdue")
    assert page.at_risk.item(first, 3).text() == "Response"
    assert len(page.trend.items) == 12 and page.trend.items[-1].first == data.trend[-1].registered
    assert sum(i.first for i in page.trend.items) == 5


def test_a_refresh_during_a_load_runs_once_after_it_and_shows_the_newest(qtbot, bank, monkeypatch):
    gate = Gate(monkeypatch)
    page = DashboardPage(session_of(bank))
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: gate.calls == 1, timeout=5000)
    some_incidents(bank)  # arrives while the first load is held
    page.refresh()
    page.refresh()
    shown = []
    page.sig_loaded.connect(shown.append)
    gate.release.set()
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    QThreadPool.globalInstance().waitForDone(10_000)
    qtbot.wait(50)
    assert gate.calls == 2  # two refreshes during the load: one more load, not two
    assert len(shown) == 1 and shown[0].open_total == 4  # the first (older, empty) answer was never emitted
    assert page.data is shown[0] and page.by_grade.items[0].value == 3


def first_at_risk_row(page: DashboardPage) -> int:
    """The first row of the at-risk table that is a case (the groups' headings are not)."""
    table = page.at_risk
    return next(r for r in range(table.rowCount()) if table.item(r, 0).data(Qt.ItemDataRole.UserRole))


def open_window(qtbot, bank, language: str = "en") -> tuple[MainWindow, DashboardPage]:
    window = MainWindow(session_of(bank, language=language), background=False)
    qtbot.addWidget(window)
    window.resize(1280, 900)
    window.show()
    page = window.pages["dashboard"]
    assert isinstance(page, DashboardPage)
    window.nav.setCurrentRow(list(window.pages).index("dashboard"))
    qtbot.waitUntil(lambda: page.data is not None and not page.loading, timeout=10_000)
    return window, page


def listed(window: MainWindow):
    """The incident list the window switched to, once its rows arrived (lists read off the UI thread)."""
    incidents = window.pages["incidents"]
    assert window.stack.currentWidget() is incidents and window.nav.currentRow() == 1
    assert incidents.model.wait_until_loaded(10_000)
    return incidents


def test_clicking_a_grade_bar_lists_the_open_incidents_of_that_grade(qtbot, bank):
    some_incidents(bank)
    window, page = open_window(qtbot, bank)
    point = bar_center(page.by_grade, lambda f: f.grades == (1,))
    qtbot.mouseMove(page.by_grade, QPoint(1, 1))  # a move from elsewhere, wherever the pointer was left
    qtbot.mouseMove(page.by_grade, point)
    qtbot.waitUntil(lambda: QToolTip.text() == "Grade 1 (critical): 3 open — click to list them", timeout=2000)
    qtbot.mouseClick(page.by_grade, Qt.MouseButton.LeftButton, pos=point)
    incidents = listed(window)
    rows = incidents.model.rows
    assert len(rows) == 3 and {r.grade for r in rows} == {1}
    assert {r.state for r in rows} <= {"registered", "accepted", "in_progress", "waiting"}
    assert incidents.grade.currentText() == "Grade 1 (critical)" and incidents.state.currentText() == "Open"
    assert not incidents.chip.isVisibleTo(incidents)  # the combos say it all


def test_clicking_a_trend_month_lists_that_month_with_a_removable_chip(qtbot, bank):
    some_incidents(bank)
    factories.incident(reporter=bank.users["customer"], app=bank.app, at=utcnow() - timedelta(days=400))
    window, page = open_window(qtbot, bank)
    month = page.data.trend[-1]
    point = bar_center(page.trend, lambda f: f == month.filter)  # by value: a reload may have drawn it anew
    qtbot.mouseClick(page.trend, Qt.MouseButton.LeftButton, pos=point)
    incidents = listed(window)
    rows = incidents.model.rows
    assert len(rows) == month.registered and all(month.start <= r.registered_at < month.end for r in rows)
    assert incidents.chip.isVisibleTo(incidents)
    assert incidents.chip.text().startswith(f"Registered {month.year}-{month.month:02d}")
    qtbot.mouseClick(incidents.chip, Qt.MouseButton.LeftButton)
    assert incidents.model.wait_until_loaded(10_000)
    assert not incidents.chip.isVisibleTo(incidents)
    assert len(incidents.model.rows) == 6  # every incident again, the old one too


def test_clicking_an_about_to_breach_row_opens_the_case(qtbot, bank):
    made = some_incidents(bank)
    window, page = open_window(qtbot, bank)
    table = page.at_risk
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).data(Qt.ItemDataRole.UserRole) == made["late"])
    rect = table.visualRect(table.model().index(row, 2))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert made["late"] in window.case_windows and window.case_windows[made["late"]].isVisible()


def test_the_dashboard_speaks_korean(qtbot, bank):
    some_incidents(bank)
    install_language("ko")
    _window, page = open_window(qtbot, bank, language="ko")
    assert page.open_title.text() == "등급별 미결 장애 (4)"
    assert page.by_grade.items[0].label == "1등급 (긴급)"
    assert page.trend.items[-1].label.startswith(f"{page.data.trend[-1].month}월")
    first = first_at_risk_row(page)
    assert page.at_risk.item(first, 3).text() == "응답"
    assert page.at_risk.item(first, 5).text().endswith("초과")
    assert page.findChild(QPushButton, "monthly_report").text() == "지난달 SLA 보고서 (PDF)"


def test_clicking_a_grade_rate_lists_the_months_counted_incidents(qtbot, bank):
    some_incidents(bank)
    reporter = bank.users["customer"]
    for state in ("cancelled", "closed"):  # the cancelled one is not counted in the rates, nor listed
        factories.incident(reporter=reporter, app=bank.app, state=state, at=utcnow() - timedelta(minutes=1))
    window, page = open_window(qtbot, bank)
    row = next(r for r in page.data.rates_by_grade if r.key == 1)
    point = bar_center(page.grade_rates, lambda f: f == row.filter)  # by value, as above
    qtbot.mouseClick(page.grade_rates, Qt.MouseButton.LeftButton, pos=point)
    incidents = listed(window)
    rows = incidents.model.rows
    assert len(rows) == row.kpi.count and {r.grade for r in rows} == {1}
    assert "cancelled" not in {r.state for r in rows}
    month = f"{page.data.year}-{page.data.month:02d}"
    assert incidents.chip.text().startswith(f"Grade 1 (critical), registered {month}, not cancelled")
    assert incidents.grade.currentText() == "Grade 1 (critical)" and incidents.state.currentText() == "All states"


def test_a_failed_load_says_so_and_keeps_the_page_usable(qtbot, bank, monkeypatch):
    def broken(**_kw):
        raise RuntimeError("server closed the connection unexpectedly")

    monkeypatch.setattr(dashboard_service, "load_dashboard", broken)
    page = DashboardPage(session_of(bank))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: not page.loading, timeout=10_000)
    assert page.status.text() == "Could not load the dashboard: server closed the connection unexpectedly"
    assert not page.busy.isVisible() and page.data is None
    monkeypatch.undo()
    with qtbot.waitSignal(page.sig_loaded, timeout=10_000):
        qtbot.mouseClick(page.findChild(QPushButton, "dashboard_refresh"), Qt.MouseButton.LeftButton)
    assert page.data is not None and page.status.text().startswith("Updated ")
