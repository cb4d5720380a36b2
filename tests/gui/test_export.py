"""The Export button of a list as a manager uses it: the save dialog proposes a dated name, the file holds every
row the filters match (not only those scrolled into view) with the columns as shown, Cancel leaves no file, and a
file locked by Excel gives a clear message."""

from __future__ import annotations

import csv
import io
import os
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import openpyxl
import pytest
from PySide6.QtCore import Qt

from desktop.models import Grade
from desktop.views.export import ExportBar
from desktop.views.i18n import install_language
from desktop.views.pages import CaseListPage, IncidentListPage, _select_data
from desktop.views.session import ClientSession
from desktop.views.table_models import PAGE, IncidentTableModel
from desktop.workflow.cases import case_service as cs
from desktop.workflow.common.actors import load_actor
from tests import factories
from tests.bank import T0, make_bank

TOTAL = PAGE * 3 // 2 + 6


@pytest.fixture
def bank(db):
    bank = make_bank()
    bank.url = db
    return bank


@pytest.fixture
def out(tmp_path):
    folder = tmp_path / "exports"
    folder.mkdir()
    return folder


def session_of(bank, persona: str, language: str) -> ClientSession:
    install_language(language)
    return ClientSession(actor=load_actor(bank.id(persona)), database_url=bank.url, language=language)


def page_of(qtbot, page):
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: not page.model.loading)
    return page


def save_as(monkeypatch, path, fmt: str) -> list[str]:
    """Answer the save dialog with `path`; returns the names it proposed."""
    proposed: list[str] = []

    def ask(parent, suggested):
        proposed.append(suggested)
        return str(path), fmt

    monkeypatch.setattr(ExportBar, "ask_path", staticmethod(ask))
    return proposed


def test_export_button_writes_every_filtered_row_with_the_columns_shown(qtbot, bank, out, monkeypatch):
    low = Grade.get(Grade.level == 3)
    for i in range(TOTAL):  # more grade-1 incidents than the list loads at first
        factories.incident(reporter=bank.users["customer"], app=bank.app, title=f"장애 {i:03d}",
                           at=T0 + timedelta(minutes=i), **({} if i % 3 else {"grade": low}))
    page = page_of(qtbot, IncidentListPage(session_of(bank, "handler", "en")))
    assert _select_data(page.grade, (1,))
    qtbot.waitUntil(lambda: not page.model.loading)
    assert page.model.held_rows() == PAGE  # only the first page is read
    header = page.view.horizontalHeader()
    header.hideSection(IncidentTableModel.SLA_COLUMN)  # what the user sees is what the file gets
    header.moveSection(header.visualIndex(page.model.COLUMNS.index("title")), 0)
    proposed = save_as(monkeypatch, out / "grade1.xlsx", "xlsx")
    button_enabled = []  # the button is off while the file is written: one export at a time
    page.export_bar.sig_running.connect(lambda running: button_enabled.append(page.export_button.isEnabled()))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert page.export_bar.wait()
    assert button_enabled == [False, True]
    today = datetime.now(UTC).astimezone(ZoneInfo("Asia/Seoul")).date()
    assert os.path.basename(proposed[0]) == f"incidents-{today:%Y-%m-%d}.xlsx"
    sheet = openpyxl.load_workbook(out / "grade1.xlsx").worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Title", "Number", "Grade", "Application", "State", "Assignee", "Registered")
    expected = [f"장애 {i:03d}" for i in reversed(range(TOTAL)) if i % 3]  # newest first, grade 1 only
    assert [r[0] for r in rows[1:]] == expected and len(expected) > PAGE
    assert all(r[2] == 1 for r in rows[1:])
    bar = page.export_bar
    assert not bar.isHidden() and not bar.open_button.isHidden() and page.export_button.isEnabled()
    assert f"Exported {len(expected)} rows" in bar.message.text() and "grade1.xlsx" in bar.message.text()
    opened = []
    monkeypatch.setattr("desktop.views.export.QDesktopServices.openUrl", lambda url: opened.append(url.toLocalFile()))
    bar.open_button.click()
    assert opened == [str(out)]


def test_the_context_menu_exports_a_case_list_to_csv_in_korean(qtbot, bank, out, monkeypatch):
    for i, title in enumerate(["첫 문제", "=1+1 계산 문제"]):
        cs.register_problem(actor_id=bank.id("pm"), title=title, description="원인 미상",
                            now=T0 + timedelta(minutes=i))
    page = page_of(qtbot, CaseListPage(session_of(bank, "pm", "ko"), "problem"))
    save_as(monkeypatch, out / "problems.csv", "csv")
    menu = page.context_menu()  # what a right-click on the list pops up
    action = next(a for a in menu.actions() if a.objectName() == "export_list")
    assert action.text() == "이 목록 내보내기…"
    action.trigger()
    assert page.export_bar.wait()
    data = (out / "problems.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == ["번호", "등급", "제목", "업무시스템", "상태", "담당자", "등록 일시"]  # as the list shows
    assert [r[2] for r in rows[1:]] == ["'=1+1 계산 문제", "첫 문제"]
    assert rows[2][6] == "2026-03-02 09:30"
    assert "2행을 내보냈습니다" in page.export_bar.message.text()


def test_cancel_leaves_no_file_and_a_locked_file_says_so(qtbot, bank, out, monkeypatch):
    cs.register_incident(actor_id=bank.id("customer"), title="장애", description="설명", application_id=bank.app.id,
                         urgency="high", incident_type="application", now=T0)
    page = page_of(qtbot, IncidentListPage(session_of(bank, "handler", "ko")))
    from desktop.views import export as export_view

    real = export_view.export_list

    def slow(**kw):  # the export is still on its way when the user presses Cancel
        kw["cancel"].wait(10)
        return real(**kw)

    monkeypatch.setattr(export_view, "export_list", slow)
    save_as(monkeypatch, out / "big.xlsx", "xlsx")
    assert page.export_list()
    assert not page.export_bar.cancel_button.isHidden()
    page.export_bar.cancel_button.click()
    assert page.export_bar.wait()
    assert os.listdir(out) == []
    assert "취소" in page.export_bar.message.text()

    def locked(src, dst):
        raise PermissionError(13, "Permission denied", str(dst))

    monkeypatch.setattr(export_view, "export_list", real)
    monkeypatch.setattr("desktop.workflow.integrations.export.os.replace", locked)
    assert page.export_list()
    assert page.export_bar.wait()
    assert os.listdir(out) == []
    text = page.export_bar.message.text()
    assert "내보내지 못했습니다" in text and "Excel" in text and "big.xlsx" in text
    monkeypatch.setattr(ExportBar, "ask_path", staticmethod(lambda parent, suggested: None))
    assert not page.export_list()  # the user closed the save dialog: nothing starts
