"""First start of the desktop client: a new user sees a working bank, in readable Korean."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QRawFont
from PySide6.QtWidgets import QApplication

from desktop.app import start_client
from desktop.config import Settings
from desktop.models import db as dbmod
from desktop.views.main_window import MainWindow
from desktop.views.theme import KOREAN_FAMILY, load_fonts


def test_bundled_korean_font_has_hangul(qapp):
    families = load_fonts()
    assert KOREAN_FAMILY in families
    raw = QRawFont.fromFont(QFont(KOREAN_FAMILY, 12))
    assert raw.familyName() == KOREAN_FAMILY
    assert all(raw.supportsCharacter(ord(ch)) for ch in "장애문제 처리")
    assert KOREAN_FAMILY in QFontDatabase.families()


def test_first_start_creates_the_demo_bank_and_shows_it(qapp, tmp_path, monkeypatch):
    from desktop.views.dialogs import LoginDialog
    from desktop.workflow.common.session import authenticate

    signed_in = []

    def sign_in(parent=None, *, language="ko"):
        # what a new user does at the sign-in dialog: the demo administrator
        signed_in.append(language)
        return authenticate("admin", "beacon")

    monkeypatch.setattr(LoginDialog, "ask", staticmethod(sign_in))
    db_file = tmp_path / "first" / "beacon.db"
    from desktop.views.first_run import FirstRunDialog

    monkeypatch.setattr(FirstRunDialog, "ask", staticmethod(lambda parent=None, language="ko": (
        f"sqlite:///{db_file}", True)))  # the user keeps "a local file" and "demo bank"
    settings = Settings(database_url="sqlite:///never-used.db")
    try:
        window = start_client(settings)
        assert signed_in == ["ko"]
        assert window.isVisible()
        assert window in [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        assert db_file.exists()
        assert "관리자 (admin)" in window.windowTitle()
        incidents = window.pages["incidents"]
        assert incidents.model.wait_until_loaded()
        assert incidents.model.held_rows() == 200  # the first page of the demo bank's 1,500 incidents
        assert incidents.model.wait_until_counted() and incidents.model.rowCount() == 1500  # all, to scroll through
        window.grab().save(str(tmp_path / "first-start.png"))
        window.close()
        window.deleteLater()
    finally:
        dbmod.close()


def test_first_run_dialog_builds_urls_and_tests_the_server(qtbot, tmp_path):
    from desktop.views.first_run import FirstRunDialog
    from desktop.views.i18n import install_language

    install_language("en")
    dialog = FirstRunDialog(language="en")
    qtbot.addWidget(dialog)
    dialog.path.setText(str(tmp_path / "mine.db"))
    assert dialog.url() == f"sqlite:///{tmp_path / 'mine.db'}"
    dialog.server.setChecked(True)
    dialog.host.setText("127.0.0.1")
    dialog.port.setValue(1)
    dialog.user.setText("kim")
    dialog.password.setText("p@ss/word")
    assert dialog.url() == "postgresql://kim:p%40ss%2Fword@127.0.0.1:1/beacon"
    assert dialog.test_connection() is False
    assert "Cannot reach the database server at 127.0.0.1:1" in dialog.result.text()
    dialog.local.setChecked(True)
    assert dialog.test_connection() is True and dialog.result.text() == "Connected."
