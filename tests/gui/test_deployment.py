"""From a new desk to a working client: first start with an empty HOME, the organisation's site file,
an older database upgraded on start, and a newer one refused with a message naming both versions."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QToolTip

from desktop import cli, config
from desktop.app import _windows, start_client
from desktop.errors import SchemaError
from desktop.models import SCHEMA_VERSION
from desktop.models import db as dbmod
from desktop.views.dialogs import LoginDialog
from desktop.views.first_run import FirstRunDialog
from desktop.views.i18n import install_language
from desktop.workflow.common.session import authenticate
from tests.db.test_first_demo_database import load_first_demo


@pytest.fixture
def new_desk(tmp_path, monkeypatch) -> Path:
    """A machine nobody has used Beacon on: empty HOME and user folders, no site file."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(var, str(home / var.lower()))
    monkeypatch.setenv("BEACON_SITE_CONFIG", str(tmp_path / "no-site.toml"))
    monkeypatch.delenv("BEACON_DATABASE_URL", raising=False)
    yield home
    for window in list(_windows):
        if shiboken6.isValid(window):  # a window an earlier test left behind may be gone already
            window.close()
        _windows.remove(window)
    dbmod.close()


@pytest.fixture
def signs_in_as_admin(monkeypatch) -> list[str]:
    """The sign-in dialog, answered by the demo administrator; records the dialog's language."""
    asked: list[str] = []

    def ask(parent=None, *, language="ko"):
        asked.append(language)
        return authenticate("admin", "beacon")

    monkeypatch.setattr(LoginDialog, "ask", staticmethod(ask))
    return asked


@pytest.fixture
def message_boxes(monkeypatch) -> list[tuple[str, str]]:
    """Every critical and information box the start-up shows, as (kind, text), never on screen."""
    shown: list[tuple[str, str]] = []
    for kind in ("critical", "information"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(
            lambda parent, title, text, *rest, k=kind: shown.append((k, text)) or QMessageBox.StandardButton.Ok))
    return shown


def test_a_clean_first_start_asks_where_the_data_lives_and_lands_in_a_working_client(
        qapp, new_desk, signs_in_as_admin, message_boxes, monkeypatch):
    asked_location = []

    def keep_the_defaults(parent=None, *, language="ko"):  # the user presses OK: local file, demo bank
        dialog = FirstRunDialog(language=language)
        asked_location.append(dialog.url())
        answer = dialog.url(), dialog.demo.isChecked()
        dialog.deleteLater()
        return answer

    monkeypatch.setattr(FirstRunDialog, "ask", staticmethod(keep_the_defaults))
    assert not config.settings_path().exists()

    window = start_client(config.effective_settings())

    expected = config.data_dir() / "beacon.db"
    assert str(expected).startswith(str(new_desk))
    assert asked_location == [f"sqlite:///{expected}"] and signs_in_as_admin == ["ko"]
    assert expected.exists() and message_boxes == []
    # only the answer is remembered, so an organisation's defaults still apply to the rest
    assert json.loads(config.settings_path().read_text(encoding="utf-8")) == {"database_url": f"sqlite:///{expected}"}
    assert window.isVisible() and window.nav.item(1).text() == "장애"
    incidents = window.pages["incidents"]
    assert incidents.model.wait_until_loaded() and incidents.model.held_rows() == 200  # the first page
    window.close()
    _windows.remove(window)
    dbmod.close()

    monkeypatch.setattr(FirstRunDialog, "ask", staticmethod(lambda *a, **k: pytest.fail("asked twice")))
    again = start_client(config.effective_settings())  # the second start goes straight to sign-in
    assert again.isVisible() and signs_in_as_admin == ["ko", "ko"]


@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")  # the open menu, offscreen
def test_a_site_file_answers_the_first_run_question_and_locks_the_view_menu(
        qapp, new_desk, signs_in_as_admin, message_boxes, monkeypatch, tmp_path):
    shared = tmp_path / "shared" / "beacon.db"
    site = tmp_path / "no-site.toml"
    site.write_text(f'database_url = "sqlite:///{shared}"\nlanguage = "en"\ntheme = "light"\n'
                    'locked = ["database_url", "language", "theme"]\n', encoding="utf-8")
    monkeypatch.setattr(FirstRunDialog, "ask", staticmethod(lambda *a, **k: pytest.fail("the site chose already")))
    install_language("en")

    window = start_client(config.effective_settings())

    assert shared.exists() and signs_in_as_admin == ["en"]
    assert window.nav.item(1).text() == "Incidents"
    for code in ("ko", "en"):
        action = window.view_actions[code]
        assert not action.isEnabled() and action.toolTip() == "Your organisation has set the language."
    for code in ("light", "dark"):
        assert not window.view_actions[code].isEnabled()
        assert window.view_actions[code].toolTip() == "Your organisation has set the theme."
    menu = next(a.menu() for a in window.menuBar().actions()
                if a.menu() and window.view_actions["ko"] in a.menu().actions())
    menu.popup(window.mapToGlobal(QPoint(0, 0)))
    where = menu.actionGeometry(window.view_actions["ko"]).center()
    QApplication.sendEvent(menu, QHelpEvent(QEvent.Type.ToolTip, where, menu.mapToGlobal(where)))
    assert QToolTip.text() == "Your organisation has set the language."  # hovering the greyed item says why
    menu.close()
    window.sig_language_requested.emit("ko")  # any other way in changes nothing either
    assert _windows[-1] is window and window.nav.item(1).text() == "Incidents"
    assert not config.settings_path().exists()
    window.grab().save(str(tmp_path / "locked-en.png"))


def test_locked_view_menu_in_korean(qapp, new_desk, signs_in_as_admin, message_boxes, monkeypatch, tmp_path):
    site = tmp_path / "no-site.toml"
    site.write_text(f'database_url = "sqlite:///{tmp_path / "b.db"}"\nlanguage = "ko"\nlocked = ["language"]\n',
                    encoding="utf-8")
    install_language("ko")
    window = start_client(config.effective_settings())
    assert window.view_actions["en"].toolTip() == "조직에서 언어를 정해 두었습니다."
    assert window.view_actions["dark"].isEnabled()  # the theme is not locked
    window.sig_theme_requested.emit("dark")
    assert json.loads(config.settings_path().read_text(encoding="utf-8")) == {"theme": "dark"}


def test_a_newer_client_upgrades_an_older_database_on_start_and_says_where_the_backup_is(
        qapp, new_desk, signs_in_as_admin, message_boxes, tmp_path):
    (tmp_path / "desk").mkdir()
    old = load_first_demo(tmp_path / "desk" / "beacon.db")
    install_language("en")
    window = start_client(config.Settings(database_url=f"sqlite:///{old}", language="en"), ask_location=False)

    backups = list(old.parent.glob("beacon.db.v2-*.bak"))
    assert len(backups) == 1 and message_boxes == []
    assert window.statusBar().currentMessage() == (
        f"Upgraded the database from schema v2 to v{SCHEMA_VERSION}. Backup of the old file: {backups[0]}")


def _newer_database(path: Path) -> str:
    url = f"sqlite:///{path}"
    cli.main(["init-db", "--database", url])
    with sqlite3.connect(path) as connection:
        connection.execute("INSERT INTO schema_version (version, applied_at, note) VALUES (?, '2030-01-01', 'x')",
                           (SCHEMA_VERSION + 1,))
    dbmod.close()
    return url


@pytest.mark.parametrize("language", ["ko", "en"])
def test_an_older_client_refuses_a_newer_shared_schema_with_both_versions(
        qapp, new_desk, signs_in_as_admin, message_boxes, tmp_path, language):
    from desktop import __version__

    url = _newer_database(tmp_path / "newer.db")
    with pytest.raises(SchemaError):
        start_client(config.Settings(database_url=url, language=language), ask_location=False)
    assert signs_in_as_admin == []  # refused before anyone signs in
    [(kind, text)] = message_boxes
    assert kind == "critical" and __version__ in text
    if language == "en":
        assert f"(schema {SCHEMA_VERSION + 1})" in text and f"supports schema {SCHEMA_VERSION} at most" in text
        newer = SCHEMA_VERSION + 1
        assert f"Ask your administrator to upgrade Beacon to a version that supports schema {newer}." in text
    else:
        assert f"(스키마 {SCHEMA_VERSION + 1})" in text and f"스키마 {SCHEMA_VERSION}까지만" in text
        assert f"스키마 {SCHEMA_VERSION + 1}를 지원하는 Beacon으로 업그레이드해 달라고 관리자에게 요청하세요." in text


def test_the_cli_and_the_gui_command_refuse_it_too_with_one_message_box(
        qapp, new_desk, signs_in_as_admin, message_boxes, tmp_path, capsys):
    url = _newer_database(tmp_path / "newer.db")
    capsys.readouterr()
    assert cli.main(["--lang", "en", "init-db", "--database", url]) == 2
    assert f"supports schema {SCHEMA_VERSION} at most" in capsys.readouterr().err
    assert message_boxes == []  # a CLI command prints; it shows no box

    assert cli.main(["--lang", "en", "--database", url]) == 2  # the GUI, started with a URL
    assert [kind for kind, _ in message_boxes] == ["critical"]  # shown once, not again by the CLI wrapper
    assert "Ask your administrator" in capsys.readouterr().err


def test_a_bad_site_file_stops_the_gui_with_a_message_box_naming_it(qapp, new_desk, message_boxes, tmp_path):
    site = tmp_path / "no-site.toml"
    site.write_text('language = "en"\ntheme = "blue"\n', encoding="utf-8")
    assert cli.main(["--lang", "en"]) == 2
    [(kind, text)] = message_boxes
    assert kind == "critical" and text.startswith(f"Site configuration file {site}, line 2: 'theme' cannot be 'blue'")

