"""Entry point of the desktop client: settings, database, sign-in, main window."""

from __future__ import annotations

import os
import sys
import time
from itertools import pairwise
from typing import TYPE_CHECKING

from desktop.config import Settings
from desktop.texts import TEXTS

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from desktop.models.schema import SchemaStatus
    from desktop.views.main_window import MainWindow
    from desktop.workflow.common.actors import Actor


def _application(settings: Settings) -> QApplication:
    from PySide6.QtWidgets import QApplication

    from desktop.views.i18n import install_language
    from desktop.views.theme import app_icon, apply_theme, load_fonts

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Beacon ITSM")
    app.setOrganizationName("Beacon")
    app.setDesktopFileName("beacon")  # matches installer/linux/beacon.desktop (taskbar icon, Wayland app id)
    app.setWindowIcon(app_icon())
    if not hasattr(app, "_beacon_collector"):  # garbage with widgets in it is collected on this thread only
        from desktop.views.gc_guard import UiThreadCollector

        app._beacon_collector = UiThreadCollector(parent=app)
    load_fonts()
    if os.environ.get("BEACON_NO_THEME") != "1":
        apply_theme(app, settings.theme)
    install_language(settings.language)
    return app


def open_main_window(settings: Settings, actor: Actor, *, background: bool = True) -> MainWindow:
    """The main window for a signed-in user (the database is already open)."""
    from desktop.config import load_site_config
    from desktop.views.main_window import MainWindow
    from desktop.views.session import ClientSession

    session = ClientSession(actor=actor, database_url=settings.database_url, language=settings.language,
                            time_zone=settings.time_zone, locked=load_site_config().locked, theme=settings.theme)
    window = MainWindow(session, background=background)
    window.sig_language_requested.connect(lambda language: _switch(window, settings, actor, language=language))
    window.sig_theme_requested.connect(lambda theme: _switch(window, settings, actor, theme=theme))
    window.show()
    _windows.append(window)
    return window


_windows: list[MainWindow] = []  # keeps the current main window alive across a language switch


def _switch(window: MainWindow, settings: Settings, actor: Actor, *, language: str | None = None,
            theme: str | None = None) -> MainWindow:
    """Apply a language or theme the user picked, remember it, and rebuild the window in it."""
    from dataclasses import replace

    from desktop.config import update_user_settings
    from desktop.views.i18n import install_language
    from desktop.views.theme import apply_theme

    locked = window.session.locked  # the menu items are disabled; this guards any other way in
    language = None if "language" in locked else language
    theme = None if "theme" in locked else theme
    if not language and not theme:
        return window
    app = _application_instance()
    changes = {key: value for key, value in (("language", language), ("theme", theme)) if value}
    update_user_settings(**changes)  # only what the user chose, so the site's unlocked defaults still apply
    current = replace(settings, **changes)
    if theme and os.environ.get("BEACON_NO_THEME") != "1":
        apply_theme(app, theme)
    if language:
        install_language(language)
    geometry = window.saveGeometry()
    window.close()
    if window in _windows:
        _windows.remove(window)
    fresh = open_main_window(current, actor, background=window.background is not None)
    fresh.restoreGeometry(geometry)
    return fresh


def _application_instance() -> QApplication:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app


def start_client(settings: Settings, *, actor: Actor | None = None,
                 ask_location: bool | None = None) -> MainWindow | None:
    """Open the database, sign in (unless `actor` is given) and show the main window.

    On a first start (no user settings file) the user chooses where the data lives, unless
    `ask_location` is False or something else already chose it: `BEACON_DATABASE_URL` or the
    organisation's site file. A new embedded SQLite file is filled with demo data when the user
    asks for it, so a new user sees a working bank at once.
    """
    from PySide6.QtWidgets import QMessageBox

    from desktop.errors import BeaconError
    from desktop.setup import open_database
    from desktop.views.dialogs import LoginDialog

    _application(settings)
    create_with_demo = True
    create = False  # a SQLite file is created only where the user chose it, or in the default place
    from desktop.config import (
        ENV_DATABASE_URL,
        default_database_url,
        load_site_config,
        settings_path,
        update_user_settings,
    )

    # The data-location question is for a person on their own; an organisation's site file answers it.
    site_sets_database = "database_url" in load_site_config().values
    if ask_location is None:
        ask_location = not settings_path().exists() and not os.environ.get(ENV_DATABASE_URL)
    if ask_location and not site_sets_database:
        from dataclasses import replace

        from desktop.views.first_run import FirstRunDialog, picked_language

        chosen = FirstRunDialog.ask(language=settings.language)
        if chosen is None:
            return None
        settings = replace(settings, database_url=chosen[0])
        create_with_demo = chosen[1]
        create = True
        update_user_settings(database_url=settings.database_url)
        language = picked_language()
        if language and "language" not in load_site_config().locked:  # the language picked there, from now on
            settings = replace(settings, language=language)
            update_user_settings(language=language)
    # the organisation's site file chose the place as much as a person would have
    create = create or site_sets_database or settings.database_url == default_database_url()
    from desktop.views.first_run import StartProgress

    progress = StartProgress(settings.language)  # shown only if a new database is made
    try:
        try:
            opened = open_database(settings.database_url, create_with_demo=create_with_demo, create=create,
                                   progress=progress)
        except BeaconError as exc:
            # a file that is not there: perhaps a typo in the path, so ask before making a new database
            if getattr(exc, "code", "") != "db.file_missing" or not ask_to_create(exc, settings.language):
                raise
            opened = open_database(settings.database_url, create_with_demo=create_with_demo, create=True,
                                   progress=progress)
    except BeaconError as exc:
        progress.close()
        QMessageBox.critical(None, "Beacon ITSM", exc.message(settings.language))
        exc.shown_to_user = True  # type: ignore[attr-defined]  # the CLI need not show it a second time
        raise
    progress.close()
    if opened.admin_password:
        QMessageBox.information(None, "Beacon ITSM", TEXTS.pick("app.new_administrator", settings.language,
                                                                password=opened.admin_password))
    if actor is None:
        actor = LoginDialog.ask(language=settings.language)
        if actor is None:
            return None
        if actor.must_change_password:  # a temporary password was handed out: nothing before a new one
            from dataclasses import replace as _replace

            from desktop.views.dialogs import ChangePasswordDialog

            if not ChangePasswordDialog.ask(actor, language=settings.language, forced=True):
                return None
            actor = _replace(actor, must_change_password=False)
    window = open_main_window(settings, actor)
    if opened.read_only:
        from desktop.errors import DatabaseError
        from desktop.models import db as dbmod

        notice = DatabaseError("db.read_only", path=dbmod.parse_url(settings.database_url).path)
        window.statusBar().showMessage(notice.message(settings.language))  # stays until something replaces it
    if opened.schema.upgraded:
        window.statusBar().showMessage(upgrade_notice(opened.schema, settings.language), 60000)
    return window


def ask_to_create(missing: Exception, language: str) -> bool:
    """Ask whether to make a new database where none is (tests replace this)."""
    from PySide6.QtWidgets import QMessageBox

    question = str(getattr(missing, "message", lambda _lang: str(missing))(language)) + "\n\n" + TEXTS.pick(
        "app.create_here", language)
    answer = QMessageBox.question(None, "Beacon ITSM", question)
    return answer == QMessageBox.StandardButton.Yes


def upgrade_notice(schema: SchemaStatus, language: str) -> str:
    """What an upgrade on start did, for the status bar: versions and, for SQLite, where the backup is."""
    text = TEXTS.pick("app.upgraded", language)
    if schema.backup:
        text += " " + TEXTS.pick("app.backup_old_file", language)
    return text.format(old=schema.from_version, new=schema.to_version, path=schema.backup)


def show_startup_error(error: Exception) -> None:
    """Say why the client cannot start in a message box (a desktop launcher has no terminal to print to)."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    from desktop.errors import BeaconError
    from desktop.i18n import current_language

    if getattr(error, "shown_to_user", False):
        return
    _app = QApplication.instance() or QApplication(sys.argv)
    text = error.message(current_language()) if isinstance(error, BeaconError) else str(error)
    QMessageBox.critical(None, "Beacon ITSM", text)


def run_gui(settings: Settings, *, ask_location: bool | None = None) -> int:
    """Start the desktop client and run its event loop; returns the exit status."""
    window = start_client(settings, ask_location=ask_location)
    if window is None:
        return 0
    app = _application(settings)
    return app.exec()


def smoke_test(settings: Settings, *, login: str = "admin", password: str = "beacon") -> int:
    """Start the real GUI, sign in, open the incident list, print what it showed, exit.

    Offscreen when there is no display. Returns 0, or raises with the reason.
    """
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop.setup import open_database
    from desktop.workflow.common.session import authenticate

    marks = [("start", time.perf_counter())]
    app = _application(settings)
    marks.append(("Qt and theme", time.perf_counter()))
    open_database(settings.database_url, create_with_demo=True, create=True)
    marks.append(("database", time.perf_counter()))
    actor = authenticate(login, password)
    marks.append(("sign-in", time.perf_counter()))
    window = open_main_window(settings, actor, background=False)
    page = window.pages["incidents"]
    window.nav.setCurrentRow(1)
    app.processEvents()
    if not page.model.wait_until_loaded():
        raise RuntimeError("the incident list did not load within 30 s")
    marks.append(("window and list", time.perf_counter()))
    rows = page.model.rowCount()
    if page.model.error:
        raise RuntimeError(f"the incident list failed: {page.model.error}")
    phases = ", ".join(f"{name} {end - begin:.2f}" for (_, begin), (name, end) in pairwise(marks))
    label = window.nav.item(1).text()  # "장애" in Korean: the compiled translations were found
    print(f"smoke test: signed in as {actor.display}; incident list ({label}) shows {rows} rows; "
          f"main window and first page in {marks[-1][1] - marks[0][1]:.2f} s ({phases})")
    window.close()
    return 0
