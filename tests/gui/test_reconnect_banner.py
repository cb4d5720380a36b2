"""The database goes away under a running client (PostgreSQL): a banner says so, nothing typed is lost,
and once it is back the client LISTENs again and reloads what it shows."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QLineEdit

from desktop.models import database
from desktop.models import db as dbmod
from desktop.views.main_window import MainWindow
from desktop.views.session import ClientSession
from desktop.workflow.cases import case_service as cs
from desktop.workflow.common.actors import load_actor
from tests.bank import make_bank
from tests.conftest import PG_URL, RUNTIME_LOGIN, RUNTIME_PASSWORD


def _terminate_the_live_connection() -> int:
    """What a server restart does to the client's LISTEN connection (only this test database's)."""
    # the suite's runtime login, whose sessions these are: a login may end its own sessions, nobody else's
    killer = dbmod.make_database(replace(dbmod.parse_url(PG_URL), user=RUNTIME_LOGIN, password=RUNTIME_PASSWORD))
    killer.connect()
    try:
        rows = killer.execute_sql(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'beacon-live' "
            "AND datname = current_database()").fetchall()
    finally:
        killer.close()
    return len(rows)


def test_a_lost_connection_shows_a_banner_keeps_the_typing_and_listens_again(qtbot, pg_db, tmp_path):
    bank = make_bank()
    session = ClientSession(actor=load_actor(bank.id("handler")), database_url=pg_db, language="en")
    window = MainWindow(session, background=True)
    qtbot.addWidget(window)
    window.show()
    typed = QLineEdit(window)
    typed.setText("반쯤 쓴 장애 제목")  # something a person was typing when it happened
    assert window.background is not None and not window.connection_banner.isVisible()

    assert _terminate_the_live_connection() == 1
    qtbot.waitUntil(window.connection_banner.isVisible, timeout=5000)
    text = window.connection_banner.text()
    window.grab().save(str(tmp_path / "reconnecting.png"))
    print(f"\nbanner: {text}")
    assert "reconnecting" in text and "kept" in text
    assert "restarting" in window.connection_banner.toolTip() or "재시작" in window.connection_banner.toolTip()
    assert typed.text() == "반쯤 쓴 장애 제목"

    qtbot.waitUntil(lambda: not window.connection_banner.isVisible(), timeout=10_000)  # retried after 1 s
    assert "Reconnected" in window.statusBar().currentMessage()
    assert typed.text() == "반쯤 쓴 장애 제목"
    with qtbot.waitSignal(window.background.sig_changed, timeout=5000) as changed:  # LISTEN again
        made = cs.register_incident(actor_id=bank.id("customer"), title="재연결 후 등록", description="-",
                                    application_id=bank.app.id, urgency="high", incident_type="application")
    assert any(c.case_id == made.case_id for c in changed.args[0])
    window.background.stop()
    qtbot.wait(400)  # the reload the reconnect asked for runs before the database goes
    QThreadPool.globalInstance().waitForDone(30_000)
    window.close()
    database.close()


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)  # the window's logic; one backend is enough
def test_a_refused_registration_reopens_the_form_with_what_was_typed(qtbot, db, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    import desktop.views.main_window as main_window_module
    from desktop.models.db import DatabaseFault
    from desktop.views import dialogs

    bank = make_bank()
    session = ClientSession(actor=load_actor(bank.id("customer")), database_url=db, language="en")
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text, *a: warnings.append(text)))
    shown: list[tuple[str, str]] = []

    def ask(session, parent=None, *, initial=None, error=""):
        dialog = dialogs.RegisterIncidentDialog(session, parent)
        qtbot.addWidget(dialog)
        if initial is None:  # the person types
            dialog.title.setText("야간 배치 지연")
            dialog.description.setPlainText("02시 배치가 끝나지 않음")
            dialog.application.setCurrentIndex(dialog.application.findData(bank.app.id))
            dialog.urgency.setCurrentIndex(dialog.urgency.findData("high"))  # both start empty and are required
        else:
            dialog.fill(initial, error)
        shown.append((dialog.title.text(), dialog.error.text()))
        return dialog.values()

    monkeypatch.setattr(main_window_module.RegisterIncidentDialog, "ask", staticmethod(ask))
    real = main_window_module.case_service.register_incident
    calls = {"n": 0}

    def locked_once(**kwargs):
        calls["n"] += 1
        if calls["n"] == 1:
            raise DatabaseFault("db.locked", path="/home/kim/beacon.db")
        return real(**kwargs)

    monkeypatch.setattr(main_window_module.case_service, "register_incident", locked_once)
    window = MainWindow(session, background=False)
    qtbot.addWidget(window)
    case_id = window.register_incident()
    assert case_id is not None
    assert len(warnings) == 1 and "locked by another program" in warnings[0]
    assert shown[1][0] == "야간 배치 지연" and "locked" in shown[1][1]  # the form came back as it was
    window.close()
