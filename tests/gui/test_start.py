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
    from desktop.workflow.session import authenticate

    signed_in = []

    def sign_in(parent=None, *, language="ko"):
        # what a new user does at the sign-in dialog: the demo administrator
        signed_in.append(language)
        return authenticate("admin", "beacon")

    monkeypatch.setattr(LoginDialog, "ask", staticmethod(sign_in))
    db_file = tmp_path / "first" / "beacon.db"
    settings = Settings(database_url=f"sqlite:///{db_file}")
    try:
        window = start_client(settings)
        assert signed_in == ["ko"]
        assert window.isVisible()
        assert window in [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        assert db_file.exists()
        assert "관리자 (admin)" in window.windowTitle()
        incidents = window.pages["incidents"]
        assert incidents.model.rowCount() == 200  # the first page of the demo bank's 1,500 incidents
        assert incidents.model.canFetchMore(incidents.model.index(-1, -1))
        window.grab().save(str(tmp_path / "first-start.png"))
        window.close()
        window.deleteLater()
    finally:
        dbmod.close()
