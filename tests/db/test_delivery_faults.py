"""The dispatcher through a database fault: nothing sent twice, nothing held, a health report, one identity."""

from __future__ import annotations

import logging
import os
import subprocess
import sys

import pytest

from desktop.models import Notification, Setting
from desktop.models.db import DatabaseFault
from desktop.workflow.common.outage import OutageWatch
from desktop.workflow.notify import dispatch
from desktop.workflow.notify.dispatch import Dispatcher, backlog, claim
from desktop.workflow.notify.notices import set_preference
from tests.bank import make_bank
from tests.db.test_delivery import T0, configure_smtp, register, set_email
from tests.servers import SmtpRecorder, WebhookRecorder


@pytest.fixture
def smtp():
    server = SmtpRecorder().start()
    yield server
    server.stop()


def _mail_bank(smtp_port: int):
    bank = make_bank()
    configure_smtp(smtp_port)
    for persona in ("lead", "head"):
        set_email(bank.users[persona], f"{persona}@bank.example")
        set_preference(user_id=bank.id(persona), channel="email", enabled=True)
    return bank


def test_a_send_the_database_could_not_record_is_marked_sent_and_never_sent_again(db, smtp, monkeypatch, caplog):
    bank = _mail_bank(smtp.port)
    register(bank)
    register(bank, at=T0)
    real = dispatch.record_sent
    calls = {"n": 0}

    def flaky(notification_id, done, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:  # the mail went out; then the server went away before the mark
            raise DatabaseFault("db.restarting", where="db1:5432")
        return real(notification_id, done, **kwargs)

    monkeypatch.setattr(dispatch, "record_sent", flaky)
    dispatcher = Dispatcher()
    log = logging.getLogger("test.dispatch")
    watch = OutageWatch(log, on_recover=dispatcher.release, first_delay=0.01)
    with caplog.at_level(logging.WARNING, logger="test.dispatch"):
        assert watch.run(lambda: dispatcher.round(now=T0)) is None  # the round broke off
        assert len(dispatcher.unrecorded) == 1
        held = Notification.select().where(Notification.claimed_by == dispatcher.worker).count()
        assert held == 3  # one sent-not-recorded, two not sent yet
        result = watch.run(lambda: dispatcher.round(now=T0))
    assert result is not None and result.sent == 2
    assert dispatcher.unrecorded == {}
    assert watch.run(lambda: dispatcher.round(now=T0)).claimed == 0
    ids = [msg["Message-ID"] for _, msg in smtp.messages]
    print(f"delivered {len(ids)} mails for 4 notices, {len(ids) - len(set(ids))} duplicates")
    assert len(ids) == 4 and len(set(ids)) == 4
    assert Notification.select().where((Notification.channel == "email") & (Notification.status == "sent")).count() == 4
    lines = [r.getMessage() for r in caplog.records]
    assert len(lines) == 2, lines  # one when lost, one when back: not a line (or a traceback) per try
    assert "restarting" in lines[0] or "재시작" in lines[0]
    assert not any("Traceback" in line for line in lines)


def test_rows_claimed_but_not_sent_are_released_at_once(db, smtp):
    bank = _mail_bank(smtp.port)
    register(bank)
    dispatcher = Dispatcher()
    assert len(claim(dispatcher.worker, now=T0, limit=10)) == 2
    assert dispatcher.release() == 2
    assert Notification.select().where((Notification.status == "pending") & (Notification.channel == "email")
                                       & (Notification.claimed_by == "")).count() == 2
    assert dispatcher.round(now=T0).sent == 2


def test_webhook_and_mail_carry_the_notice_identity(db, smtp):
    bank = _mail_bank(smtp.port)
    hook = WebhookRecorder().start()
    try:
        set_preference(user_id=bank.id("handler"), channel="webhook", enabled=True, target=hook.url)
        register(bank)
        Dispatcher().round(now=T0)
    finally:
        hook.stop()
    headers, _ = hook.calls[0]
    assert headers["idempotency-key"] == headers["x-beacon-delivery"]
    row = Notification.get(Notification.channel == "webhook")
    assert headers["idempotency-key"] == row.dedupe_key
    from desktop.workflow.notify.mail_headers import message_id

    assert smtp.messages
    for _, msg in smtp.messages:  # a function of the delivery alone: the same on every send of it
        domain = msg["From"].addresses[0].domain
        assert msg["Message-ID"] == message_id(msg["X-Beacon-Delivery"], domain)


def test_backlog_counts_waiting_and_dead_and_the_oldest(db, smtp):
    bank = _mail_bank(smtp.port)
    assert backlog().waiting == 0 and backlog().oldest_at is None
    register(bank, at=T0)
    found = backlog()
    assert found.waiting == 2 and found.dead == 0 and found.oldest_at == T0
    Notification.update(status="dead").where(Notification.channel == "email").execute()
    assert (backlog().waiting, backlog().dead) == (0, 2)


def test_a_bad_attempts_setting_does_not_stop_the_dispatcher(db, smtp):
    bank = _mail_bank(smtp.port)
    Setting.create(key="delivery_max_attempts", value='"five"')
    register(bank)
    assert Dispatcher().round(now=T0).sent == 2


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "BEACON_LANG": "en"}
    return subprocess.run([sys.executable, "-m", "desktop.cli", *args], capture_output=True, text=True, env=env,
                          timeout=60)


def test_dispatch_health_reports_the_backlog_and_never_the_password(db, smtp):
    bank = _mail_bank(smtp.port)
    register(bank)
    result = _cli("dispatch", "--health", "--database", db)
    print(result.stdout)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok: 2 notices waiting, oldest waiting")
    late = _cli("dispatch", "--health", "--max-age", "60", "--database", db)
    assert late.returncode == 1 and "late:" in late.stdout
    down = _cli("dispatch", "--health", "--database", "postgresql://beacon:s3cret-pw@127.0.0.1:1/beacon")
    assert down.returncode == 1 and down.stdout.startswith("unavailable:")
    assert "s3cret-pw" not in down.stdout + down.stderr and "Traceback" not in down.stderr
