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


def test_first_start_creates_the_demo_bank_and_shows_it(qapp, tmp_path):
    db_file = tmp_path / "first" / "beacon.db"
    settings = Settings(database_url=f"sqlite:///{db_file}")
    try:
        window = start_client(settings)
        assert window.isVisible()
        assert [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)] == [window]
        assert db_file.exists()
        text = window.summary_label.text()
        incidents = int(text.split(":")[1].split()[0])
        assert incidents >= 1000
        assert "closed:" in window.states_label.text()
        window.grab().save(str(tmp_path / "first-start.png"))
        window.close()
    finally:
        dbmod.close()
