"""What a new team meets on its first day and what a desktop user expects (issue 19, points 11–13):
first start (language, progress, demo accounts), empty pages that say so, one's own new incident in
the list, English names in English, normal-case buttons, About, View menu checks, Esc, and a report
shown inside Beacon where the desk has no PDF viewer."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMessageBox, QPushButton

from desktop.models import Setting, User
from desktop.models import db as dbmod
from desktop.views import about as about_module
from desktop.views import reports as reports_module
from desktop.views.dialogs import LoginDialog, RegisterIncidentDialog
from desktop.views.i18n import install_language
from desktop.views.main_window import MainWindow
from desktop.views.session import ClientSession
from desktop.workflow.cases import case_service as cs
from desktop.workflow.common.actors import load_actor
from tests.bank import make_bank


@pytest.fixture
def bank(db):
    bank = make_bank()
    bank.url = db
    User.update(name_en="Choi Jihoon").where(User.id == bank.id("handler")).execute()
    User.update(name_en="Administrator").where(User.id == bank.id("admin")).execute()
    bank.app.name_en = "Internet Banking"
    bank.app.save()
    yield bank
    install_language("en")


def window_of(qtbot, bank, persona: str = "admin", language: str = "en", theme: str = "light") -> MainWindow:
    assert install_language(language)
    session = ClientSession(actor=load_actor(bank.id(persona)), database_url=bank.url, language=language,
                            theme=theme)
    window = MainWindow(session, background=False)
    qtbot.addWidget(window)
    window.show()
    return window


def registered(bank, title: str = "이체 지연") -> int:
    return cs.register_incident(actor_id=bank.id("customer"), title=title, description="30초 이상",
                                application_id=bank.app.id, urgency="high", incident_type="application").case_id


# --- 11: English first-class -------------------------------------------------------------------

def test_english_shows_english_names_everywhere(qtbot, bank):
    case_id = registered(bank)
    window = window_of(qtbot, bank)
    assert window.status.text() == "Administrator (admin) — 0 unread"  # was "관리자 (admin) — 0 unread"
    assert "Administrator (admin)" in window.windowTitle()
    incidents = window.pages["incidents"]
    window.nav.setCurrentRow(1)
    assert incidents.model.wait_until_loaded()
    columns = incidents.model.COLUMNS
    shown = [incidents.model.data(incidents.model.index(0, c)) for c in range(len(columns))]
    assert shown[columns.index("application")] == "Internet Banking"  # was 인터넷뱅킹
    assert shown[columns.index("assignee")] == "Choi Jihoon"
    view = window.open_case(case_id)
    overview = [label.text() for label in view.tab("overview").findChildren(QLabel)]
    assert "High" in overview and "높음" not in overview  # urgency and impact by their English names
    assert "Choi Jihoon" in overview
    assert "Internet Banking" in view.header.text()


def test_buttons_keep_their_case_under_the_material_theme(qtbot, qapp):
    from desktop.views.theme import apply_theme

    before = qapp.styleSheet()
    try:
        for theme in ("light", "dark"):
            apply_theme(qapp, theme)
            button = QPushButton("Save report…")
            qtbot.addWidget(button)
            button.show()
            qapp.processEvents()
            assert button.font().capitalization() != QFont.Capitalization.AllUppercase
    finally:
        qapp.setStyleSheet(before)


# --- 12: newcomer friction ---------------------------------------------------------------------

def test_first_start_offers_the_language_and_keeps_what_was_chosen(qtbot, monkeypatch, tmp_path):
    from desktop.views import first_run

    install_language("ko")
    shown: list[first_run.FirstRunDialog] = []

    def run(dialog):
        shown.append(dialog)
        if len(shown) == 1:
            assert dialog.windowTitle() == "Beacon ITSM에 오신 것을 환영합니다"
            dialog.path.setText(str(tmp_path / "mine.db"))
            dialog.language_choice.setCurrentIndex(dialog.language_choice.findData("en"))  # closes it
            return QDialog.result(dialog)  # what done(LANGUAGE_CHANGED) set
        assert dialog.windowTitle() == "Welcome to Beacon ITSM"  # the same dialog, now in English
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(first_run.FirstRunDialog, "exec", run)
    chosen = first_run.FirstRunDialog.ask(language="ko")
    assert chosen == (f"sqlite:///{tmp_path / 'mine.db'}", True)  # what was typed survived the switch
    assert first_run.picked_language() == "en"
    for dialog in shown:
        dialog.deleteLater()


def test_the_demo_bank_is_built_with_progress_shown(qtbot, tmp_path):
    from desktop.setup import open_database
    from desktop.views.first_run import StartProgress

    progress = StartProgress("en")
    try:
        open_database(f"sqlite:///{tmp_path / 'demo.db'}", create_with_demo=True, create=True, progress=progress)
        assert progress.steps == ["start", "organisation", "plan", "cases", "work", "notices", "done"]
        assert progress.dialog is not None and progress.dialog.labelText() == "Done. Opening sign-in…"
        assert progress.dialog.value() in (-1, 100)  # auto-closed at 100
    finally:
        progress.close()
        dbmod.close()


@pytest.mark.parametrize("demo", [True, False])
def test_sign_in_names_the_demo_accounts_on_a_demo_database_only(qtbot, bank, demo):
    if demo:  # what loading the demo bank records
        Setting.update(value="true").where(Setting.key == "demo_loaded").execute()
    install_language("en")
    dialog = LoginDialog(language="en")
    qtbot.addWidget(dialog)
    hint = dialog.findChild(QLabel, "demo_hint")
    if demo:
        assert hint is not None and "admin" in hint.text() and "beacon" in hint.text()
    else:
        assert hint is None


def test_an_empty_my_work_and_inbox_say_so(qtbot, bank):
    window = window_of(qtbot, bank, "admin", "ko")
    my_work = window.pages["my_work"]
    assert my_work.model.wait_until_loaded()
    assert my_work.model.rowCount() == 0
    window.nav.setCurrentRow(0)
    assert my_work.empty.isVisible() and "나에게 배정된 장애가 없습니다" in my_work.empty.text()
    window.nav.setCurrentRow(5)
    assert window.inbox.empty.isVisible() and not window.inbox.list.isVisible()
    assert "알림이 없습니다" in window.inbox.empty.text()


def test_ones_own_new_incident_appears_in_the_list(qtbot, bank, monkeypatch):
    registered(bank, "먼저 등록된 건")
    window = window_of(qtbot, bank, "handler", "en")
    window.nav.setCurrentRow(1)
    page = window.pages["incidents"]
    assert page.model.wait_until_loaded() and page.model.rowCount() == 1
    page.view.selectRow(0)  # reading the list: a change from elsewhere would only be announced
    values = {"title": "Own incident", "description": "typed here", "application_id": bank.app.id,
              "urgency": "low", "incident_type": "application", "occurred_at": None}
    monkeypatch.setattr(RegisterIncidentDialog, "ask", staticmethod(lambda *a, **k: dict(values)))
    case_id = window.register_incident()
    window.cases_changed({case_id})  # the live feed hears the same change a moment later
    qtbot.waitUntil(lambda: not page.model.loading and page.model.rowCount() == 2)
    qtbot.wait(400)  # past the live feed's collecting pause
    assert page.model.holds(case_id)
    assert not page.stale.isVisible()  # no "Other users changed the list"
    window.case_windows[case_id].close()


# --- 13: what a desktop user expects -----------------------------------------------------------

def test_esc_closes_a_case_window(qtbot, bank):
    window = window_of(qtbot, bank, "handler")
    view = window.open_case(registered(bank))
    assert view.isVisible()
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert not view.isVisible()


def test_help_about_says_version_database_and_licence(qtbot, bank, monkeypatch):
    from desktop import __version__

    window = window_of(qtbot, bank, "handler")
    seen = []
    monkeypatch.setattr(about_module.AboutDialog, "exec", lambda dialog: seen.append(dialog) or 0)
    window.findChild(type(window.view_actions["en"]), "about").trigger()
    texts = {label.objectName(): label.text() for label in seen[0].findChildren(QLabel)}
    assert texts["about_version"] == __version__
    backend = dbmod.backend()
    assert texts["about_backend"] == ("SQLite file on this computer" if backend == "sqlite"
                                      else "PostgreSQL server (shared by the team)")
    assert ("beacon.db" in texts["about_location"]) if backend == "sqlite" else ("postgresql://" in
                                                                                texts["about_location"])
    assert "password" not in texts["about_location"] and ":beacon@" not in texts["about_location"]
    assert "proprietary" in texts["about_licence"] and "NanumGothic" in texts["about_licence"]


def test_the_view_menu_checks_the_current_language_and_theme(qtbot, bank):
    window = window_of(qtbot, bank, "handler", "en", theme="dark")
    checked = {code for code, action in window.view_actions.items() if action.isChecked()}
    assert checked == {"en", "dark"}
    asked = []
    window.sig_language_requested.connect(asked.append)
    window.view_actions["en"].trigger()  # the language in use again: no rebuild, still checked
    assert asked == [] and window.view_actions["en"].isChecked()
    window.view_actions["ko"].trigger()
    assert asked == ["ko"]


def two_page_pdf(path: Path) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    for text in ("first page", "second page"):
        pdf.add_page()
        pdf.set_font("helvetica", size=24)
        pdf.cell(text=text)
    pdf.output(str(path))
    return path


def test_without_a_pdf_viewer_the_report_opens_inside_beacon_and_prints(qtbot, bank, monkeypatch, tmp_path):
    from pypdf import PdfReader

    from desktop.views.pdf_preview import PdfPreviewDialog

    monkeypatch.setattr(reports_module, "open_in_viewer", lambda path: False)
    window = window_of(qtbot, bank, "handler")
    view = window.open_case(registered(bank))
    view.reports.show(two_page_pdf(tmp_path / "INC.pdf"))
    previews = [w for w in QApplication.topLevelWidgets() if isinstance(w, PdfPreviewDialog) and w.isVisible()]
    assert len(previews) == 1
    preview = previews[0]
    assert len(preview.pages) == 2 and preview.findChild(QLabel, "page_2") is not None
    assert "2 pages" in preview.findChild(QLabel, "preview_note").text()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert preview.print_to(printer)
    assert len(PdfReader(str(tmp_path / "printed.pdf")).pages) == 2
    preview.close()


def test_a_report_that_cannot_be_shown_says_so_and_where_it_is(qtbot, bank, monkeypatch, tmp_path):
    monkeypatch.setattr(reports_module, "open_in_viewer", lambda path: False)
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text: warnings.append(text)))
    window = window_of(qtbot, bank, "handler")
    view = window.open_case(registered(bank))
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"not a pdf at all")
    view.reports.show(broken)
    assert len(warnings) == 1
    assert "no PDF viewer" in warnings[0] and str(broken) in warnings[0]


def test_bulk_assign_starts_with_nobody_and_names_incidents_outside_the_persons_team(qtbot, bank, monkeypatch):
    from desktop.views import bulk as bulk_module
    from tests import factories

    card = factories.application(name="카드승인", team=factories.team(name="카드팀"))
    ours = cs.register_incident(actor_id=bank.id("customer"), title="우리 팀 건", description="x",
                                application_id=bank.app.id, urgency="low", incident_type="application")
    theirs = cs.register_incident(actor_id=bank.id("customer"), title="카드 건", description="x",
                                  application_id=card.id, urgency="low", incident_type="application")
    window = window_of(qtbot, bank, "lead", "en")
    window.nav.setCurrentRow(1)
    page = window.pages["incidents"]
    qtbot.waitUntil(lambda: not page.model.loading and page.model.rowCount() == 2)
    page.view.selectAll()
    seen = []

    def choose(dialog):
        seen.append(dialog)
        person = dialog.form.inputs["assignee"]
        assert person.currentData() is None and person.currentText() == "— choose a person —"  # nobody pre-chosen
        dialog.go()  # Assign without a choice: refused, said in the dialog
        assert not dialog.error.isHidden() and "Assignee" in dialog.error.text()
        person.setCurrentIndex(person.findData(bank.id("handler")))
        warning = dialog.outside.text()
        assert not dialog.outside.isHidden() and theirs.number in warning and ours.number not in warning
        assert "Application" in warning  # the card application, by its English name
        dialog.go()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(bulk_module.BulkDialog, "exec", choose)
    page.bulk("assign")
    assert len(seen) == 1
    qtbot.waitUntil(lambda: {page.model.row_at(r).assignee for r in range(2)} == {"handler님"})


@pytest.mark.parametrize("language", ["en", "ko"])
def test_admin_tabs_and_the_sla_calendar_column_fit_a_1366_screen(qtbot, qapp, bank, language):
    from desktop.views.theme import apply_theme, load_fonts

    before, font = qapp.styleSheet(), qapp.font()
    try:
        load_fonts()
        apply_theme(qapp, "light")  # the app's font and the theme's paddings decide what fits
        window = window_of(qtbot, bank, "admin", language)
        window.resize(1366, 768)
        window.nav.setCurrentRow(list(window.pages).index("admin"))
        admin = window.pages["admin"]
        qapp.processEvents()
        bar = admin.tabs.tabBar()
        assert bar.sizeHint().width() <= admin.tabs.width()  # every tab in view, no scrolling arrows
        admin.tabs.setCurrentWidget(admin.screens["sla"])
        qapp.processEvents()
        table = admin.screens["sla"].targets_table
        for row in range(table.rowCount()):
            combo = table.cellWidget(row, 3)
            assert combo.width() >= combo.fontMetrics().horizontalAdvance(combo.currentText()) + 30, (
                combo.currentText(), combo.width())
    finally:
        qapp.setStyleSheet(before)
        qapp.setFont(font)
