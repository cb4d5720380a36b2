"""The client's background services: live changes arrive as a signal; delivery runs off the UI thread."""

from __future__ import annotations

import json
import threading

from desktop.models import Setting, User, ensure_schema
from desktop.models import db as dbmod
from desktop.views.background import BackgroundServices
from desktop.workflow.admin.defaults import seed_defaults
from desktop.workflow.cases import case_service as cs
from desktop.workflow.notify.notices import set_preference
from tests.bank import make_bank
from tests.servers import SmtpRecorder


def test_background_services_see_changes_and_deliver_mail(qtbot, tmp_path):
    url = f"sqlite:///{tmp_path / 'client.db'}"
    dbmod.close()
    dbmod.connect(url)
    ensure_schema()
    seed_defaults()
    smtp = SmtpRecorder().start()
    services = None
    try:
        bank = make_bank()
        Setting.create(key="smtp", value=json.dumps({"host": "127.0.0.1", "port": smtp.port}))
        User.update(email="lead@bank.example").where(User.id == bank.id("lead")).execute()
        set_preference(user_id=bank.id("lead"), channel="email", enabled=True)
        services = BackgroundServices(url, delivery_interval_ms=100)
        ui_thread = threading.get_ident()
        delivered, errors, threads = [], [], []
        services.sig_delivered.connect(lambda result: (delivered.append(result), threads.append(threading.get_ident())))
        services.sig_error.connect(errors.append)
        with qtbot.waitSignal(services.sig_changed, timeout=3000) as changed:
            r = cs.register_incident(actor_id=bank.id("customer"), title="외환 시세 수신 지연", description="지연",
                                     application_id=bank.app.id, urgency="high", incident_type="application")
        assert any(c.case_id == r.case_id for c in changed.args[0])
        qtbot.waitUntil(lambda: bool(delivered or errors), timeout=5000)
        assert errors == [] and [d.sent for d in delivered] == [1]
        assert threads == [ui_thread]  # results come back on the UI thread
        assert [to for to, _ in smtp.messages] == [["lead@bank.example"]]
    finally:
        if services is not None:
            services.stop()
        smtp.stop()
        dbmod.close()
