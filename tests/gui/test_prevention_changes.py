"""Through the real widgets: the case window's "What changed?" tab lists the change made two days before the
incident with its reason and lets the handler mark it as the suspected cause (the history says so); the
dashboard's reliability ranking lists the least reliable application first and a click lists its incidents."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt, QThreadPool

from desktop.models import Case, CaseLink, Change, ConfigurationItem, database, utcnow
from desktop.models.numbering import create_case
from desktop.views.case_view import CaseView
from desktop.views.i18n import install_language
from desktop.views.main_window import MainWindow
from desktop.views.session import ClientSession
from desktop.workflow.common.actors import load_actor
from tests import factories
from tests.bank import make_bank


@pytest.fixture
def bank(db):
    bank = make_bank()
    bank.url = db
    yield bank
    assert QThreadPool.globalInstance().waitForDone(20_000)
    install_language("en")


def session_of(bank, persona: str, language: str = "en") -> ClientSession:
    assert install_language(language)
    return ClientSession(actor=load_actor(bank.id(persona)), database_url=bank.url, language=language)


def change_on(app: ConfigurationItem, implemented, by, title: str) -> int:
    with database.atomic():
        case = create_case("change", year=implemented.year, created_at=implemented - timedelta(days=1))
        Change.create(case=case, title=title, application=app, state="implemented", requested_by=by,
                      requested_at=implemented - timedelta(days=1), implemented_at=implemented)
    return int(case.id)


def test_the_case_window_shows_what_changed_and_marks_the_suspected_cause(qtbot, bank):
    occurred = utcnow() - timedelta(hours=1)
    incident = factories.incident(reporter=bank.users["customer"], app=bank.app, state="in_progress",
                                  at=occurred, occurred_at=occurred, assignee=bank.users["handler"])
    other = factories.application(code="APP-GW", name="그룹웨어", name_en="Groupware")
    mine = change_on(bank.app, occurred - timedelta(days=2), bank.users["handler"], "Session pool setting")
    change_on(other, occurred - timedelta(days=1), bank.users["handler"], "Groupware patch")

    view = CaseView(session_of(bank, "handler"), incident.case_id)
    qtbot.addWidget(view)
    view.show()
    page = view.tab("what_changed")
    assert page is not None
    view.tabs.setCurrentWidget(page)
    table = page.table
    assert table.rowCount() == 1  # the other application's change is not listed
    assert table.item(0, 1).text() == Case.get_by_id(mine).number
    assert table.item(0, 5).text() == "same application · 2d before it occurred"
    assert "1 completed on this application" in page.summary.text()
    assert not page.mark.isEnabled()  # nothing chosen yet
    cell = table.visualRect(table.model().index(0, 3)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert page.mark.isEnabled()
    qtbot.mouseClick(page.mark, Qt.MouseButton.LeftButton)

    assert CaseLink.get((CaseLink.source == incident.case_id) & (CaseLink.kind == "suspected_cause")).target_id == mine
    page = view.tab("what_changed")  # the window read the case again
    assert view.tabs.currentWidget() is page
    assert page.table.item(0, 5).text().startswith("Suspected cause · same application")
    assert page.clear.isVisible()
    history = view.tab("history")
    whats = [history.item(r, 1).text() for r in range(history.rowCount())]
    assert "Suspected cause marked" in whats


def test_a_customer_sees_no_what_changed_tab(qtbot, bank):
    incident = factories.incident(reporter=bank.users["customer"], app=bank.app, state="registered")
    view = CaseView(session_of(bank, "customer"), incident.case_id)
    qtbot.addWidget(view)
    assert view.tab("what_changed") is None


def test_the_dashboard_ranks_the_least_reliable_and_a_click_lists_their_incidents(qtbot, bank):
    now = utcnow()
    shaky = factories.application(code="APP-SHAKY", name="불안정 시스템", name_en="Shaky system")
    who = bank.users["customer"]
    for days in (3, 6, 9):  # three failures of an hour
        factories.incident(reporter=who, app=shaky, at=now - timedelta(days=days), state="closed",
                           closed_at=now - timedelta(days=days) + timedelta(hours=1))
    factories.incident(reporter=who, app=bank.app, at=now - timedelta(days=4), state="closed",
                       closed_at=now - timedelta(days=4) + timedelta(minutes=30))
    window = MainWindow(session_of(bank, "admin"), background=False)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    page = window.pages["dashboard"]
    window.nav.setCurrentRow(list(window.pages).index("dashboard"))
    card = page.reliability
    qtbot.waitUntil(lambda: card.data is not None and not card.loading, timeout=10_000)
    table = card.applications
    assert table.rowCount() == 2
    assert table.item(0, 0).text() == "Shaky system (APP-SHAKY)"  # lowest MTBF first
    assert table.item(0, 1).text() == "3" and table.item(0, 2).text() == "1h"
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(table.model().index(0, 0)).center())
    incidents = window.pages["incidents"]
    assert window.stack.currentWidget() is incidents
    assert incidents.model.wait_until_loaded(10_000)
    rows = incidents.model.rows
    assert len(rows) == 3 and {r.application_en for r in rows} == {"Shaky system"}
    assert incidents.chip.text().startswith("Shaky system: incidents of the last 12 months")
