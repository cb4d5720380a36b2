"""Administration → Import incidents, driven through its widgets: a file with a bad row is checked and
refused, the fixed file is checked, imported with progress, and imported again to no effect.
The file dialogs are replaced through the screen's `ask_*` static methods."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QComboBox, QPushButton

from desktop.models import Case, Incident, Notification
from desktop.models.imports import ImportedRecord
from desktop.views.admin import AdminPage
from desktop.views.admin.importer import ImportScreen
from desktop.views.i18n import install_language
from desktop.views.session import ClientSession
from desktop.workflow.common.actors import load_actor
from desktop.workflow.integrations import importer
from tests.db.test_importer import COLUMNS, audit_export, to_csv
from tests.gui.admin_kit import click, client_bank


@pytest.fixture
def bank(tmp_path):
    yield from client_bank(tmp_path)


def run_and_wait(qtbot, screen: ImportScreen, button: str):
    with qtbot.waitSignal(screen.sig_finished, timeout=30_000) as finished:
        click(qtbot, screen, button)
    return finished.args[0]


def test_check_refuse_fix_import_and_again(qtbot, bank, tmp_path, monkeypatch):
    install_language("en")
    session = ClientSession(actor=load_actor(bank.id("admin")), database_url=bank.url, language="en")
    page = AdminPage(session)
    qtbot.addWidget(page)
    page.resize(1400, 860)
    page.show()
    qtbot.waitExposed(page)
    screen = page.screens["import"]
    assert page.tabs.tabText(page.tabs.indexOf(screen)) == "Import incidents"
    assert not screen.findChild(QPushButton, "import_check").isEnabled()  # nothing chosen yet

    rows = audit_export()
    rows[4]["incident_state"] = "Parked"
    bad = tmp_path / "bad.csv"
    bad.write_bytes(to_csv(rows))
    monkeypatch.setattr(ImportScreen, "ask_open_path", staticmethod(lambda parent: str(bad)))
    click(qtbot, screen, "import_choose")
    assert screen.columns.rowCount() == len(COLUMNS)
    names = [screen.columns.item(r, 0).text() for r in range(screen.columns.rowCount())]
    state_row = names.index("incident_state")
    assert screen.columns.cellWidget(state_row, 1).currentData() == "state"  # pre-filled from the format
    report = run_and_wait(qtbot, screen, "import_check")
    assert not report.ok
    assert screen.issues.rowCount() == 1
    assert [screen.issues.item(0, c).text() for c in range(3)] == ["6", "incident_state", "Parked"]
    assert "bad rows, so nothing was imported" in screen.message.text()
    assert not screen.findChild(QPushButton, "import_run").isEnabled()

    good = tmp_path / "good.csv"
    rows = audit_export()
    rows[0]["assigned_to"] = "Beth Anglin"
    good.write_bytes(to_csv(rows))
    monkeypatch.setattr(ImportScreen, "ask_open_path", staticmethod(lambda parent: str(good)))
    click(qtbot, screen, "import_choose")
    screen.findChild(QComboBox, "import_unknown_user").setCurrentIndex(1)  # reject unknown people
    report = run_and_wait(qtbot, screen, "import_check")
    assert [i.column for i in report.issues] == ["assigned_to"]
    screen.findChild(QComboBox, "import_unknown_user").setCurrentIndex(0)  # create them after all
    report = run_and_wait(qtbot, screen, "import_check")
    assert report.ok and not report.applied and report.new == 3
    assert screen.unknowns.rowCount() == 1
    assert [screen.unknowns.item(0, c).text() for c in range(3)] == ["User", "Beth Anglin", "Created as beth.anglin"]
    assert Incident.select().count() == 0
    assert "Check passed" in screen.message.text()

    report = run_and_wait(qtbot, screen, "import_run")
    assert report.applied and Incident.select().count() == 3
    assert screen.progress.value() == screen.progress.maximum()
    first = Case.get_by_id(ImportedRecord.get(ImportedRecord.source_number == "INC0010001").case_id).number
    assert f"INC0010001 → {first}" in screen.message.text() and "No notices were sent" in screen.message.text()
    assert Notification.select().count() == 0

    report = run_and_wait(qtbot, screen, "import_check")
    assert report.new == 0 and report.skipped == 3
    assert "Nothing new to import" in screen.message.text()
    assert not screen.findChild(QPushButton, "import_run").isEnabled()


def test_saved_mapping_is_read_back_and_a_generic_file_uses_it(qtbot, bank, tmp_path, monkeypatch):
    install_language("ko")
    session = ClientSession(actor=load_actor(bank.id("admin")), database_url=bank.url, language="ko")
    screen = ImportScreen(session)
    qtbot.addWidget(screen)
    data = tmp_path / "legacy.csv"
    data.write_bytes("id,headline,status,opened,app\r\nL-7,이체 지연,open,2026-03-02 10:00:00,인터넷뱅킹\r\n"
                     .encode("cp949"))
    monkeypatch.setattr(ImportScreen, "ask_open_path", staticmethod(lambda parent: str(data)))
    screen.format.setCurrentIndex(1)  # generic
    click(qtbot, screen, "import_choose")
    assert "CP949" in screen.message.text()
    wanted = {"id": "number", "headline": "title", "status": "state", "opened": "opened_at", "app": "application"}
    for row in range(screen.columns.rowCount()):
        combo = screen.columns.cellWidget(row, 1)
        combo.setCurrentIndex(combo.findData(wanted[screen.columns.item(row, 0).text()]))
    saved = tmp_path / "legacy.toml"
    monkeypatch.setattr(ImportScreen, "ask_mapping_path", staticmethod(lambda parent, save: str(saved)))
    click(qtbot, screen, "import_save_mapping")
    text = saved.read_text(encoding="utf-8")
    text = text.replace("[defaults]", '[values.state]\n"open" = "in_progress"\n\n[defaults]')
    saved.write_text(text, encoding="utf-8")
    click(qtbot, screen, "import_load_mapping")
    assert importer.read_mapping_file(saved).columns == wanted
    report = run_and_wait(qtbot, screen, "import_check")
    assert report.ok, [i.message("en") for i in report.issues]
    run_and_wait(qtbot, screen, "import_run")
    assert Incident.get().title == "이체 지연" and Incident.get().state == "in_progress"


def test_empty_cell_markers_and_the_imports_notes(qtbot, bank, monkeypatch):
    """The hand-written audit export writes "?" for an empty cell: typed into the screen, the check passes and
    says that the titles were composed and which category the mapping does not know; saved with the mapping."""
    from pathlib import Path

    install_language("en")
    session = ClientSession(actor=load_actor(bank.id("admin")), database_url=bank.url, language="en")
    screen = ImportScreen(session)
    qtbot.addWidget(screen)
    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "import" / "servicenow-audit-reopens.csv"
    monkeypatch.setattr(ImportScreen, "ask_open_path", staticmethod(lambda parent: str(fixture)))
    click(qtbot, screen, "import_choose")
    assert "21 rows" in screen.message.text()
    report = run_and_wait(qtbot, screen, "import_check")
    # without the marker, "?" is a value: not a date, and somebody to create
    assert not report.ok and ("resolved_at", "?") in {(i.column, i.value) for i in report.issues}
    assert "?" in {u.value for u in report.unknowns}
    screen.null_markers.setText("?, (empty)")
    assert screen.current_mapping().null_markers == ["?", "(empty)"]
    report = run_and_wait(qtbot, screen, "import_check")
    assert report.ok and "?" not in {u.value for u in report.unknowns}
    assert "titled from their category and symptom" in screen.summary.text()
    assert "Category 'Facilities'" in screen.summary.text()
    assert "null_markers = [\"?\", \"(empty)\"]" in importer.mapping_to_toml(screen.current_mapping())
    report = run_and_wait(qtbot, screen, "import_run")
    assert report.applied and Incident.select().count() == 3
