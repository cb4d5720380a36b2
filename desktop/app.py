"""Entry point of the desktop client: settings, database, (login,) main window."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from desktop.config import Settings

if TYPE_CHECKING:
    from desktop.views.main_window import MainWindow


def run_gui(settings: Settings) -> int:
    """Start the desktop client and run its event loop; returns the exit status."""
    from PySide6.QtWidgets import QApplication

    window = start_client(settings)
    app = QApplication.instance()
    assert app is not None and window.isVisible()
    return app.exec()


def start_client(settings: Settings) -> MainWindow:
    """Open the database the settings name and show the main window.

    On a first start with the embedded SQLite file the database is created
    with demo data, so a new user sees a working bank at once.
    """
    from PySide6.QtWidgets import QApplication, QMessageBox

    from desktop.errors import BeaconError
    from desktop.models.db import parse_url
    from desktop.views.main_window import MainWindow
    from desktop.views.theme import apply_theme, load_fonts
    from desktop.workflow.overview import overview
    from desktop.workflow.setup import open_database

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Beacon ITSM")
    load_fonts()
    if os.environ.get("BEACON_NO_THEME") != "1":
        apply_theme(app, settings.theme)
    try:
        target = parse_url(settings.database_url)
        open_database(settings.database_url, create_with_demo=True)
        summary = overview()
    except BeaconError as exc:
        QMessageBox.critical(None, "Beacon ITSM", exc.message())
        raise
    window = MainWindow(location=target.describe(), summary=summary)
    window.show()
    return window
