"""A handler registers, accepts, logs an action and closes an incident with the keyboard alone: Ctrl+N,
Tab between the inputs, arrow keys in the choices, Alt+mnemonics on the case window's buttons and
Ctrl+Enter to confirm a dialog."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from desktop.models import Action, Incident
from desktop.views.i18n import install_language
from desktop.views.main_window import MainWindow
from desktop.views.session import ClientSession
from desktop.workflow.common.actors import load_actor
from tests.bank import make_bank


@pytest.fixture
def bank(db):
    bank = make_bank()
    yield bank
    install_language("en")


def _focus(window: QWidget) -> QWidget:
    return window.focusWidget() or window


def _type(qtbot, window: QWidget, text: str) -> None:
    for char in text:
        QTest.keyClick(window.windowHandle(), char)


def _key(qtbot, window: QWidget, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key as the window system delivers it (so shortcuts and mnemonics apply), to the window's focus."""
    QTest.keyClick(window.windowHandle(), key, modifier)


def _when_dialog_opens(work) -> None:  # type: ignore[no-untyped-def]
    """Run `work(dialog)` once the modal dialog that is about to open is up (exec() blocks the test)."""
    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, poll)
            return
        dialog.activateWindow()
        try:
            work(dialog)
        except BaseException as exc:  # never leave a modal dialog open: the test would hang in exec()
            FAILURES.append(exc)
        if dialog.isVisible():
            FAILURES.append(AssertionError(f"{dialog.windowTitle()} stayed open"))
            dialog.reject()
    QTimer.singleShot(0, poll)


FAILURES: list[BaseException] = []


def _check() -> None:
    if FAILURES:
        raise FAILURES.pop(0)


def _mnemonic(button: QPushButton) -> Qt.Key:
    letter = re.search(r"&(\w)", button.text()).group(1).upper()
    return getattr(Qt.Key, f"Key_{letter}")


@pytest.mark.parametrize("language", ["ko", "en"])
def test_register_accept_act_and_close_with_the_keyboard_alone(bank, qtbot, language):
    install_language(language)
    session = ClientSession(actor=load_actor(bank.id("handler")), database_url="", language=language)
    window = MainWindow(session, background=False)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)

    def register(dialog) -> None:  # type: ignore[no-untyped-def]
        assert _focus(dialog) is dialog.title  # the first input has the focus
        _type(qtbot, dialog, "Login fails")
        _key(qtbot, dialog, Qt.Key.Key_Tab)
        assert _focus(dialog) is dialog.application
        _key(qtbot, dialog, Qt.Key.Key_Down)  # the first application
        _key(qtbot, dialog, Qt.Key.Key_Tab)
        assert _focus(dialog) is dialog.urgency
        _key(qtbot, dialog, Qt.Key.Key_Down)
        seen = []
        while _focus(dialog) is not dialog.description and len(seen) < 10:
            _key(qtbot, dialog, Qt.Key.Key_Tab)  # incident type and occurred at (Tab walks its fields) kept
            seen.append(_focus(dialog))
        assert dialog.description in seen and dialog.incident_type in seen and dialog.occurred_at in seen
        _type(qtbot, dialog, "Since 9:00")
        _key(qtbot, dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    _when_dialog_opens(register)
    _key(qtbot, window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    _check()
    incident = Incident.get()
    assert incident.title == "Login fails" and incident.state == "registered"
    case = window.case_windows[incident.case_id]
    case.activateWindow()
    qtbot.waitActive(case)

    def confirm(dialog) -> None:  # type: ignore[no-untyped-def]
        _key(qtbot, dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    def press(name: str) -> None:
        qtbot.waitUntil(lambda: case.findChildren(QPushButton, name)[-1].isVisible())
        button = case.findChildren(QPushButton, name)[-1]  # the newest: a refresh replaces the buttons
        if QApplication.activeWindow() is not case:  # a window manager gives it back when a dialog closes;
            case.activateWindow()  # the offscreen platform leaves no window active
            qtbot.waitActive(case)
        _key(qtbot, case, _mnemonic(button), Qt.KeyboardModifier.AltModifier)

    _when_dialog_opens(confirm)
    press("transition_accept")
    qtbot.waitUntil(lambda: Incident.get_by_id(incident.case_id).state == "accepted" or bool(FAILURES), timeout=5000)
    _check()
    assert Incident.get_by_id(incident.case_id).state == "accepted"

    def log_action(dialog) -> None:  # type: ignore[no-untyped-def]
        _type(qtbot, dialog, "Restarted the login server")
        _key(qtbot, dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    _when_dialog_opens(log_action)
    press("operation_add_action")
    qtbot.waitUntil(lambda: Action.select().where(Action.case == incident.case_id).exists() or bool(FAILURES),
                    timeout=5000)
    _check()
    assert Action.get(Action.case == incident.case_id).body == "Restarted the login server"

    def close(dialog) -> None:  # type: ignore[no-untyped-def]
        for text in ("Server restarted", "Session pool exhausted", "Back to normal", "Pool review",
                     "Pool monitoring"):
            _type(qtbot, dialog, text)
            _key(qtbot, dialog, Qt.Key.Key_Tab)  # long-text inputs pass Tab on
        _key(qtbot, dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    _when_dialog_opens(close)
    press("transition_close")
    qtbot.waitUntil(lambda: Incident.get_by_id(incident.case_id).state == "closed" or bool(FAILURES), timeout=5000)
    _check()
    closed = Incident.get_by_id(incident.case_id)
    assert closed.state == "closed" and closed.cause == "Session pool exhausted"
