"""Save PNGs of each main screen in ko/en and light/dark: `python -m tests.gui.screenshots OUT_DIR`.

Uses a fresh demo database; run offscreen. Look at every picture before resolving a GUI change.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from tests.gui.dialog_gallery import use_laptop_screen

use_laptop_screen()  # one 1366×768 screen, so each dialog is pictured at the size it opens with there


def main(out: Path) -> list[Path]:
    from PySide6.QtWidgets import QApplication

    from desktop.app import _application, open_main_window
    from desktop.config import Settings
    from desktop.setup import open_database
    from desktop.views.i18n import install_language
    from desktop.views.theme import apply_theme
    from desktop.workflow.common.session import authenticate

    out.mkdir(parents=True, exist_ok=True)
    url = f"sqlite:///{Path(tempfile.mkdtemp()) / 'shots.db'}"
    settings = Settings(database_url=url)
    app = _application(settings)
    open_database(url, create_with_demo=True, create=True)
    actor = authenticate("admin", "beacon")
    saved: list[Path] = []
    incident_id, problem_id = showcase_cases(actor.id)
    ten_minutes, ten_days = chart_extremes(actor.id)
    for theme in ("light", "dark"):
        apply_theme(app, theme)
        for lang in ("ko", "en"):
            install_language(lang)
            window = open_main_window(Settings(database_url=url, language=lang, theme=theme), actor, background=False)
            window.resize(1280, 800)
            for row, key in enumerate(window.pages):
                window.nav.setCurrentRow(row)
                app.processEvents()
                if hasattr(window.pages[key], "model"):
                    window.pages[key].model.wait_until_loaded()  # lists read their first page off the UI thread
                if key == "candidates":  # the detector runs on the thread pool
                    _wait_for_pool(app)
                if key == "dashboard":
                    saved += _dashboard(app, window, out, f"{lang}-{theme}")
                    continue
                path = out / f"{key}-{lang}-{theme}.png"
                window.grab().save(str(path))
                saved.append(path)
            for kind, case_id in (("incident", incident_id), ("problem", problem_id)):
                case = window.open_case(case_id)
                case.resize(1100, 760)
                app.processEvents()
                for tab in range(case.tabs.count()):
                    case.tabs.setCurrentIndex(tab)
                    app.processEvents()
                    name = case.tabs.widget(tab).objectName().removeprefix("tab_")
                    path = out / f"case-{kind}-{tab}-{name}-{lang}-{theme}.png"
                    case.grab().save(str(path))
                    saved.append(path)
            for kind, case_id in (("ten-minutes", ten_minutes), ("ten-days-200-actions", ten_days)):
                case = window.open_case(case_id)
                case.resize(1100, 760)
                case.tabs.setCurrentWidget(case.tab("time_chart"))
                app.processEvents()
                path = out / f"chart-{kind}-{lang}-{theme}.png"
                case.grab().save(str(path))
                saved.append(path)
            saved += process_screens(window, out, lang, theme)
            saved += export_screens(window, out, lang, theme)
            window.close()
    QApplication.processEvents()
    saved += matrix_shots(app, url, actor, out)
    saved += policy_screens(app, url, actor, out)
    saved += people_screens(out, url, actor)
    saved += import_screens(app, url, actor, out)
    saved += day_screens(app, url, actor, out)
    saved += dialog_screens(app, url, actor, out)
    saved += similar_screens(app, url, actor, out)
    return saved


def dialog_screens(app, url: str, actor, out: Path) -> list[Path]:
    """Every dialog (tests/gui/dialog_gallery.py) as `dialog-NAME-LANG-THEME.png`, at the size it opens with on
    a 1366×768 screen: ko/light and en/dark."""
    from desktop.views.i18n import install_language
    from desktop.views.session import ClientSession
    from desktop.views.theme import apply_theme
    from tests.gui.dialog_gallery import demo_cases, dialogs

    cases = demo_cases(actor.id)
    saved: list[Path] = []
    for lang, theme in (("ko", "light"), ("en", "dark")):
        apply_theme(app, theme)
        install_language(lang)
        session = ClientSession(actor=actor, database_url=url, language=lang)
        for name, build in dialogs(session, cases):
            dialog = build()
            dialog.show()
            app.processEvents()
            path = out / f"dialog-{name}-{lang}-{theme}.png"
            dialog.grab().save(str(path))
            saved.append(path)
            dialog.close()
            dialog.deleteLater()
            app.processEvents()
    return saved


def only_dialogs(out: Path) -> list[Path]:
    """Just the dialogs, on a fresh demo database: `python -m tests.gui.screenshots OUT dialogs`."""
    from desktop.app import _application
    from desktop.config import Settings
    from desktop.setup import open_database
    from desktop.workflow.common.session import authenticate

    out.mkdir(parents=True, exist_ok=True)
    url = f"sqlite:///{Path(tempfile.mkdtemp()) / 'shots.db'}"
    app = _application(Settings(database_url=url))
    open_database(url, create_with_demo=True, create=True)
    return dialog_screens(app, url, authenticate("admin", "beacon"), out)


def import_screens(app, url: str, actor, out: Path) -> list[Path]:
    """Administration → Import incidents (issue #11, part 1): a checked ServiceNow export with a bad row and
    unknown people, and a finished import, in ko/en and light/dark."""
    from PySide6.QtCore import QThreadPool

    from desktop.views.admin.importer import ImportScreen
    from desktop.views.i18n import install_language
    from desktop.views.session import ClientSession
    from desktop.views.theme import apply_theme
    from tests.db.test_importer import audit_export, to_csv

    folder = Path(tempfile.mkdtemp())
    saved: list[Path] = []

    def finish() -> None:
        for _ in range(50):
            QThreadPool.globalInstance().waitForDone(100)
            app.processEvents()
            if screen._job is None:
                break

    for theme in ("light", "dark"):
        apply_theme(app, theme)
        for lang in ("ko", "en"):
            install_language(lang)
            screen = ImportScreen(ClientSession(actor=actor, database_url=url, language=lang))
            screen.resize(1400, 820)
            rows = audit_export()
            for r in rows:
                r["number"] = f"{r['number']}-{lang}{theme[0]}"
                r["assigned_to"] = "Beth Anglin"
                r["assignment_group"] = "Service Desk"
            bad = [dict(r) for r in rows]
            bad[4]["incident_state"] = "Parked"
            bad[7]["sys_updated_on"] = "31-02-2026 25:00"
            for name, data in (("check", bad), ("done", rows)):
                path = folder / f"servicenow-{lang}-{theme}-{name}.csv"
                path.write_bytes(to_csv(data))
                screen.ask_open_path = lambda parent, p=str(path): p
                screen.choose_file()
                screen.check()
                finish()
                if name == "done":
                    screen.run_import()
                    finish()
                app.processEvents()
                shot = out / f"admin-import-{name}-{lang}-{theme}.png"
                screen.grab().save(str(shot))
                saved.append(shot)
            screen.deleteLater()
    return saved


def matrix_shots(app, url: str, actor, out: Path) -> list[Path]:
    """The owner matrix editor (a cell picked, one edit pending), its import report and copy dialog, and the
    propagation group editor with its preview — ko/en, light/dark."""
    from desktop.views.admin.matrix import CopyRowDialog, ImportReportDialog, MatrixEditor
    from desktop.views.admin.propagation import PropagationEditor
    from desktop.views.i18n import install_language
    from desktop.views.session import ClientSession
    from desktop.views.theme import apply_theme
    from desktop.workflow.admin.matrix import parse_matrix_csv

    bad = parse_matrix_csv(b"ci_code,ci_name,role,position,login,name\r\nNOPE,,primary_handler,1,nobody,\r\n"
                           b"APP-IB,,boss,x,admin,\r\n")
    saved = []
    for theme in ("light", "dark"):
        apply_theme(app, theme)
        for lang in ("ko", "en"):
            install_language(lang)
            session = ClientSession(actor=actor, database_url=url, language=lang)
            editor = MatrixEditor(session)
            editor.resize(1280, 800)
            editor.show()
            app_row = next(r for r in editor.grid.rows if r.kind == "application" and r.cells["second_line"])
            editor.select_cell(app_row.ci_id, "primary_handler")
            editor.picker.search.setText(editor.grid.users[app_row.cells["second_line"][0]].name[:2])
            editor.add_user(app_row.cells["second_line"][0])
            app.processEvents()
            for name, widget in (("admin-matrix", editor),
                                 ("admin-matrix-import-errors", ImportReportDialog(session, "matrix.csv", bad.errors)),
                                 ("admin-matrix-copy", CopyRowDialog(session, editor.rows_now(), app_row))):
                widget.show()
                app.processEvents()
                path = out / f"{name}-{lang}-{theme}.png"
                widget.grab().save(str(path))
                saved.append(path)
                widget.close()
            prop = PropagationEditor(session)
            prop.resize(1280, 800)
            prop.select_application(app_row.ci_id)
            prop.show()
            app.processEvents()
            path = out / f"admin-propagation-{lang}-{theme}.png"
            prop.grab().save(str(path))
            saved.append(path)
            prop.close()
    return saved


def export_screens(window, out: Path, lang: str, theme: str) -> list[Path]:  # type: ignore[no-untyped-def]
    """The incident list exporting (progress and Cancel), then done (row count, Open folder), then refused."""
    from PySide6.QtWidgets import QApplication

    from desktop.views.export import ExportBar

    window.nav.setCurrentRow(list(window.pages).index("incidents"))
    page = window.pages["incidents"]
    page.model.wait_until_loaded()
    bar = page.export_bar
    asked = ExportBar.ask_path
    target = Path(tempfile.mkdtemp()) / f"incidents-{lang}.xlsx"
    ExportBar.ask_path = staticmethod(lambda parent, suggested: (str(target), "xlsx"))  # type: ignore[method-assign]
    saved = []
    try:
        page.export_list()
        bar.wait()
        path = out / f"export-done-{lang}-{theme}.png"
        window.grab().save(str(path))
        saved.append(path)
        bar._show(bar.tr("Exporting to {0}… {1} written").format(target.name, bar.rows(12_000)), busy=True)
        QApplication.processEvents()
        path = out / f"export-running-{lang}-{theme}.png"
        window.grab().save(str(path))
        saved.append(path)
        from desktop.workflow.integrations.export import ExportError

        bar._failed(ExportError("export.locked", path=str(target)))
        QApplication.processEvents()
        path = out / f"export-failed-{lang}-{theme}.png"
        window.grab().save(str(path))
        saved.append(path)
        bar.hide()
    finally:
        ExportBar.ask_path = asked  # type: ignore[method-assign]
    return saved


def process_screens(window, out: Path, lang: str, theme: str) -> list[Path]:  # type: ignore[no-untyped-def]
    """Administration → Processes: each process drawn, and a refused edit with its line marked."""
    from PySide6.QtWidgets import QApplication

    window.nav.setCurrentRow(list(window.pages).index("admin"))
    admin = window.pages["admin"]
    editor = admin.screens["processes"]
    admin.tabs.setCurrentWidget(editor)
    saved = []
    for kind in ("incident", "problem", "change", "work_order"):
        editor.picker.setCurrentIndex(editor.picker.findData(kind))
        QApplication.processEvents()
        path = out / f"admin-processes-{kind}-{lang}-{theme}.png"
        window.grab().save(str(path))
        saved.append(path)
    editor.picker.setCurrentIndex(editor.picker.findData("incident"))
    text = editor.editor.toPlainText()
    editor.editor.setPlainText(text.replace('to = "closed"', 'to = "resolved"', 1))
    editor.save()  # refused: the message names the key, the line is marked, nothing is saved
    QApplication.processEvents()
    path = out / f"admin-processes-refused-{lang}-{theme}.png"
    window.grab().save(str(path))
    saved.append(path)
    editor.editor.setPlainText(text)
    return saved


def policy_screens(app, url: str, actor, out: Path) -> list[Path]:
    """The priority matrix and SLA editors (issue #7, part B), with a draft that shows the preview at work."""
    from datetime import date

    from PySide6.QtCore import QDate, QDateTime, QTime
    from PySide6.QtWidgets import QComboBox

    from desktop.views.admin.priority import PriorityMatrixEditor
    from desktop.views.admin.sla import SlaEditor
    from desktop.views.i18n import install_language
    from desktop.views.session import ClientSession
    from desktop.views.theme import apply_theme
    from desktop.workflow.admin import policy as ap

    out.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []
    for theme in ("light", "dark"):
        apply_theme(app, theme)
        for lang in ("ko", "en"):
            install_language(lang)
            session = ClientSession(actor=actor, database_url=url, language=lang)
            matrix = PriorityMatrixEditor(session)
            matrix.resize(1240, 720)
            matrix.findChild(QComboBox, "cell_0_1").setCurrentIndex(0)  # high × medium → grade 1: the preview moves
            app.processEvents()
            path = out / f"admin-priority-{lang}-{theme}.png"
            matrix.grab().save(str(path))
            saved.append(path)
            editor = SlaEditor(session)
            editor.resize(1240, 980)  # taller than the window, which scrolls: shows the whole calendar
            editor.calendar_picker.setCurrentIndex(editor.calendar_picker.findData("kr_business"))
            editor.month.setCurrentPage(2026, 9)  # 추석 2026
            editor.month.setSelectedDate(QDate(2026, 9, 21))
            editor.cal_draft.own_days.append(ap.OwnDay(date(2026, 9, 30), "holiday", "창립기념일"))
            editor._calendar_changed()
            editor.preview_grade.setCurrentIndex(2)
            editor.preview_at.setDateTime(QDateTime(QDate(2026, 9, 23), QTime(17, 0)))
            app.processEvents()
            path = out / f"admin-sla-{lang}-{theme}.png"
            editor.grab().save(str(path))
            saved.append(path)
            matrix.deleteLater()
            editor.deleteLater()
    return saved


def people_screens(out: Path, url: str, actor) -> list[Path]:
    """The configuration-item and users-and-teams administration screens, each with something selected."""
    from PySide6.QtWidgets import QApplication

    from desktop.errors import BeaconError
    from desktop.views.admin.cis import CiEditor
    from desktop.views.admin.users import UserEditor
    from desktop.views.i18n import install_language
    from desktop.views.session import ClientSession
    from desktop.views.theme import apply_theme
    from desktop.workflow.admin import cis as admin_cis
    from desktop.workflow.admin import people as admin_people

    app = QApplication.instance()
    busiest = max(admin_cis.list_cis(kind="application"),
                  key=lambda ci: (len(admin_cis.relations_of(ci.id)),
                                  len(admin_cis.incidents_of(actor_id=actor.id, ci_id=ci.id, limit=50))))
    person = next(u for u in admin_people.list_users(active=True) if len(u.roles) > 1 and u.email)
    saved: list[Path] = []
    for theme in ("light", "dark"):
        apply_theme(app, theme)
        for lang in ("ko", "en"):
            install_language(lang)
            session = ClientSession(actor=actor, database_url=url, language=lang)
            cis = CiEditor(session)
            cis.resize(1240, 760)
            cis.open_ci(busiest.id)
            try:  # a real refusal, to see how one reads under the form
                admin_cis.delete_ci(actor_id=actor.id, ci_id=busiest.id)
            except BeaconError as exc:
                cis.message.error(exc, lang)
            users = UserEditor(session)
            users.resize(1240, 760)
            users.users.open_user(person.id)
            teams = UserEditor(session)
            teams.resize(1240, 760)
            teams.tabs.setCurrentIndex(1)
            first_team = admin_people.list_teams()[0]
            teams.teams.open_team(first_team.id)
            for name, widget in (("cis", cis), ("users", users), ("teams", teams)):
                widget.show()
                app.processEvents()
                path = out / f"admin-{name}-{lang}-{theme}.png"
                widget.grab().save(str(path))
                saved.append(path)
                widget.close()
    return saved



def showcase_cases(actor_id: int) -> tuple[int, int]:
    """A demo incident and a demo problem with as much on every tab as the demo data offers."""
    from desktop.workflow.cases.detail import case_detail
    from desktop.workflow.cases.queries import CaseFilter, IncidentFilter, list_cases, list_incidents

    def richness(case_id: int) -> tuple[int, ...]:
        d = case_detail(actor_id=actor_id, case_id=case_id)
        open_for_actions = any(op.name == "add_action" for op in d.operations)  # the form shows
        return (open_for_actions, bool(d.changes) + bool(d.problems) + bool(d.incidents) + bool(d.work_orders)
                + bool(d.actions), len(d.actions))

    incidents = list_incidents(actor_id=actor_id, filters=IncidentFilter(), limit=80).rows
    problems = list_cases(actor_id=actor_id, kind="problem", filters=CaseFilter(), limit=40).rows
    return (max((r.case_id for r in incidents), key=richness), max((r.case_id for r in problems), key=richness))


def chart_extremes(actor_id: int) -> tuple[int, int]:
    """A ten-minute incident and a ten-day one with 200 actions, to see the time chart at both ends."""
    from datetime import timedelta

    from desktop.models import utcnow
    from desktop.workflow.cases import case_service as cs
    from desktop.workflow.common import session as session_service

    app_id = session_service.applications()[0].value
    now = utcnow()
    made = []
    for span, actions in (timedelta(minutes=10), 4), (timedelta(days=10), 200):
        start = now - span
        r = cs.register_incident(actor_id=actor_id, title="타임 차트 확인용 장애", description="-",
                                 application_id=app_id, urgency="low", incident_type="application", now=start)
        a = cs.accept_incident(actor_id=actor_id, case_id=r.case_id, version=r.version, now=start + span * 0.1)
        cs.transition(actor_id=actor_id, case_id=r.case_id, name="start", version=a.version,
                      now=start + span * 0.15)
        for i in range(actions):
            at = start + span * (0.2 + 0.75 * i / actions)
            cs.add_action(actor_id=actor_id, case_id=r.case_id, body=f"조치 {i + 1}", kind="investigation",
                          acted_at=at, minutes_spent=5, now=at)
        made.append(r.case_id)
    return made[0], made[1]


def _dashboard(app, window, out: Path, suffix: str) -> list[Path]:
    """The dashboard once its figures arrived from the pool: the window, the whole scrolled page, and the
    incident list a click on this month's trend column opens (with its month chip)."""
    import time

    from PySide6.QtCore import QThreadPool

    page = window.pages["dashboard"]
    deadline = time.monotonic() + 30
    while page.loading and time.monotonic() < deadline:
        QThreadPool.globalInstance().waitForDone(50)
        app.processEvents()
    for _ in range(3):  # let the layout settle around the drawn figures
        app.processEvents()
    paths = [out / f"dashboard{part}-{suffix}.png" for part in ("", "-full", "-click")]
    window.grab().save(str(paths[0]))
    page.content.grab().save(str(paths[1]))
    rows = window.nav.currentRow()
    _rect, _tip, this_month = page.trend.hit_areas()[-1]
    window.show_incidents(*this_month)  # what a click on this month's column sends
    window.pages["incidents"].model.wait_until_loaded()
    app.processEvents()
    window.grab().save(str(paths[2]))
    window.nav.setCurrentRow(rows)
    app.processEvents()
    return paths


def day_screens(app, url: str, actor, out: Path) -> list[Path]:
    """Issue 19's screens (5, 8, 11–13) in ko/light and en/dark, at a 1366×768 desk: the main window, a case
    window's propagation tab, the accept dialog (who will be told, "assign to me"), About, the first-start
    dialog with its language choice, and sign-in with the demo accounts."""
    from desktop.views.about import AboutDialog
    from desktop.views.accept_dialog import AcceptDialog
    from desktop.views.dialogs import LoginDialog
    from desktop.views.first_run import FirstRunDialog
    from desktop.views.i18n import install_language
    from desktop.views.main_window import MainWindow
    from desktop.views.session import ClientSession
    from desktop.views.theme import apply_theme
    from desktop.workflow.cases.detail import case_detail
    from desktop.workflow.cases.queries import IncidentFilter, list_incidents

    def first(state: str) -> int:
        return list_incidents(actor_id=actor.id, filters=IncidentFilter(states=(state,)), limit=1).rows[0].case_id

    closed, waiting = first("closed"), first("registered")
    saved: list[Path] = []

    def shot(widget, name: str) -> None:
        widget.show()
        app.processEvents()
        path = out / f"{name}.png"
        widget.grab().save(str(path))
        saved.append(path)

    for lang, theme in (("ko", "light"), ("en", "dark")):
        apply_theme(app, theme)
        install_language(lang)
        suffix = f"{lang}-{theme}"
        session = ClientSession(actor=actor, database_url=url, language=lang, theme=theme)
        window = MainWindow(session, background=False)
        window.resize(1366, 768)
        window.nav.setCurrentRow(1)
        window.pages["incidents"].model.wait_until_loaded()
        shot(window, f"day-main-{suffix}")
        case = window.open_case(closed)
        case.resize(1100, 700)
        case.tabs.setCurrentWidget(case.tab("propagation"))
        shot(case, f"day-case-propagation-{suffix}")
        detail = case_detail(actor_id=actor.id, case_id=waiting)
        accept = next(a for a in detail.transitions if a.name == "accept")
        names = detail.names
        dialog = AcceptDialog(session, accept, waiting, session.pick(names["assignee"], names["assignee_en"]),
                              window)
        shot(dialog, f"day-dialog-accept-{suffix}")
        dialog.close()
        shot(AboutDialog(session, window), f"day-dialog-about-{suffix}")
        first_run = FirstRunDialog(language=lang)
        shot(first_run, f"day-dialog-first-start-{suffix}")
        first_run.close()
        login = LoginDialog(language=lang)
        shot(login, f"day-dialog-sign-in-{suffix}")
        login.close()
        window.close()
    return saved


def _wait_for_pool(app) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(60_000)
    app.processEvents()


def prevention_screens(app, url: str, actor, out: Path) -> list[Path]:  # type: ignore[no-untyped-def]
    """Issue 21's screens at a 1366×768 desk in ko/en, light/dark: the "Problem candidates" page with a group
    chosen (its evidence), and the incident list under an early-warning banner (three incidents on one
    application registered within minutes)."""
    from datetime import timedelta

    from desktop.models import ConfigurationItem, utcnow
    from desktop.views.i18n import install_language
    from desktop.views.main_window import MainWindow
    from desktop.views.session import ClientSession
    from desktop.views.theme import apply_theme
    from desktop.workflow.cases import case_service as cs

    app_id = ConfigurationItem.get(ConfigurationItem.code == "APP-IB").id
    for minutes, title in ((9, "인터넷뱅킹 로그인 불가"), (5, "Internet banking login page times out"),
                           (1, "인터넷뱅킹 접속 안됨 (전 지점)")):
        cs.register_incident(actor_id=actor.id, title=title, description="여러 지점에서 동시에 신고",
                             application_id=app_id, urgency="high", incident_type="application",
                             now=utcnow() - timedelta(minutes=minutes))
    saved: list[Path] = []
    for theme in ("light", "dark"):
        apply_theme(app, theme)
        for lang in ("ko", "en"):
            install_language(lang)
            suffix = f"{lang}-{theme}"
            session = ClientSession(actor=actor, database_url=url, language=lang, theme=theme)
            window = MainWindow(session, background=False)
            window.resize(1366, 768)
            window.show()
            window.nav.setCurrentRow([k for k, _ in window._factories].index("incidents"))
            page = window.pages["incidents"]
            page.model.wait_until_loaded()
            page.warning_banner.refresh()
            _wait_for_pool(app)
            path = out / f"prevention-banner-{suffix}.png"
            window.grab().save(str(path))
            saved.append(path)
            window.nav.setCurrentRow([k for k, _ in window._factories].index("candidates"))
            _wait_for_pool(app)
            candidates = window.pages["candidates"]
            if candidates.groups.rowCount() > 1:
                candidates.groups.selectRow(1)
                app.processEvents()
            path = out / f"prevention-candidates-{suffix}.png"
            window.grab().save(str(path))
            saved.append(path)
            window.close()
    return saved


def only_prevention(out: Path) -> list[Path]:
    """Just issue 21's prevention screens: `python -m tests.gui.screenshots OUT prevention`."""
    from desktop.app import _application
    from desktop.config import Settings
    from desktop.setup import open_database
    from desktop.workflow.common.session import authenticate

    out.mkdir(parents=True, exist_ok=True)
    url = f"sqlite:///{Path(tempfile.mkdtemp()) / 'shots.db'}"
    app = _application(Settings(database_url=url))
    open_database(url, create_with_demo=True, create=True)
    return prevention_screens(app, url, authenticate("admin", "beacon"), out)


def only_day(out: Path) -> list[Path]:
    """Just issue 19's screens: `python -m tests.gui.screenshots OUT day`."""
    from desktop.app import _application
    from desktop.config import Settings
    from desktop.setup import open_database
    from desktop.workflow.common.session import authenticate

    out.mkdir(parents=True, exist_ok=True)
    url = f"sqlite:///{Path(tempfile.mkdtemp()) / 'shots.db'}"
    app = _application(Settings(database_url=url))
    open_database(url, create_with_demo=True, create=True)
    return day_screens(app, url, authenticate("admin", "beacon"), out)


def only_import(out: Path) -> list[Path]:
    """Just the import screens, on a fresh demo database: `python -m tests.gui.screenshots OUT import`."""
    from desktop.app import _application
    from desktop.config import Settings
    from desktop.setup import open_database
    from desktop.workflow.common.session import authenticate

    out.mkdir(parents=True, exist_ok=True)
    url = f"sqlite:///{Path(tempfile.mkdtemp()) / 'shots.db'}"
    app = _application(Settings(database_url=url))
    open_database(url, create_with_demo=True, create=True)
    return import_screens(app, url, authenticate("admin", "beacon"), out)


def similar_screens(app, url: str, actor, out: Path) -> list[Path]:
    """Issue 21's similar cases: the registration dialog with a typed title and the incident window's Similar
    tab, ko/en × light/dark, at the size they open with on a 1366×768 screen."""
    from desktop.models import Incident
    from desktop.views.case_view import CaseView
    from desktop.views.dialogs import RegisterIncidentDialog
    from desktop.views.i18n import install_language
    from desktop.views.session import ClientSession
    from desktop.views.theme import apply_theme

    first = Incident.select(Incident.case, Incident.title).where(Incident.state == "in_progress").order_by(
        Incident.registered_at.desc()).first()
    saved: list[Path] = []
    for theme in ("light", "dark"):
        apply_theme(app, theme)
        for lang in ("ko", "en"):
            install_language(lang)
            session = ClientSession(actor=actor, database_url=url, language=lang)
            dialog = RegisterIncidentDialog(session)
            dialog.show()
            typed = "인터넷뱅킹 로그인이 너무 느려요" if lang == "ko" else "Internet Banking login is slow"
            dialog.title.setText(typed)
            dialog.similar.wait_until_idle()
            app.processEvents()
            path = out / f"similar-register-{lang}-{theme}.png"
            dialog.grab().save(str(path))
            saved.append(path)
            dialog.close()
            dialog.deleteLater()
            case = CaseView(session, first.case_id)
            case.resize(1100, 700)
            case.show()
            case.tabs.setCurrentWidget(case.tab("similar"))
            case.similar_page.wait_until_idle()
            app.processEvents()
            path = out / f"similar-case-{lang}-{theme}.png"
            case.grab().save(str(path))
            saved.append(path)
            case.close()
            case.deleteLater()
            app.processEvents()
    return saved


def only_similar(out: Path) -> list[Path]:
    """Just the similar-case screens: `python -m tests.gui.screenshots OUT similar`."""
    from desktop.app import _application
    from desktop.config import Settings
    from desktop.setup import open_database
    from desktop.workflow.common.session import authenticate

    out.mkdir(parents=True, exist_ok=True)
    url = f"sqlite:///{Path(tempfile.mkdtemp()) / 'shots.db'}"
    app = _application(Settings(database_url=url))
    open_database(url, create_with_demo=True, create=True)
    return similar_screens(app, url, authenticate("admin", "beacon"), out)


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")
    only = {"import": only_import, "dialogs": only_dialogs, "day": only_day, "similar": only_similar,
            "prevention": only_prevention}.get(
        sys.argv[2] if len(sys.argv) > 2 else "", main)
    for p in only(target):
        print(p)
