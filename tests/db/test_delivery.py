"""Propagation reaches people: e-mail and webhooks through real local servers, retries, dead letters."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from desktop.models import Notification, Setting, User
from desktop.workflow.cases import case_service as cs
from desktop.workflow.notify.dispatch import dead_letters, dispatch_once, retry_dead, sign
from desktop.workflow.notify.inbox import inbox, mark_read, unread_count
from desktop.workflow.notify.notices import set_preference
from desktop.workflow.notify.propagation import preview, set_override
from tests import factories
from tests.bank import make_bank, seoul
from tests.servers import SmtpRecorder, WebhookRecorder, free_port

T0 = seoul(2026, 11, 24, 10)


@pytest.fixture
def smtp():
    server = SmtpRecorder().start()
    yield server
    server.stop()


@pytest.fixture
def hook():
    server = WebhookRecorder().start()
    yield server
    server.stop()


def configure_smtp(port: int) -> None:
    Setting.create(key="smtp", value=json.dumps({"host": "127.0.0.1", "port": port, "security": "plain",
                                                  "from_address": "itsm@beaconbank.example"}))


def set_email(user: User, address: str, language: str = "ko") -> None:
    User.update(email=address, language=language).where(User.id == user.id).execute()


def register(bank, at=T0):
    return cs.register_incident(actor_id=bank.id("customer"), title="인터넷뱅킹 로그인 지연",
                                description="로그인 후 10초 이상 대기", application_id=bank.app.id, urgency="high",
                                incident_type="application", now=at)


def test_registration_reaches_the_group_by_mail_and_webhook_exactly_once(db, smtp, hook):
    bank = make_bank()
    configure_smtp(smtp.port)
    set_email(bank.users["lead"], "lead@beaconbank.example")
    set_email(bank.users["head"], "head@beaconbank.example", language="en")
    set_preference(user_id=bank.id("lead"), channel="email", enabled=True)
    set_preference(user_id=bank.id("head"), channel="email", enabled=True, kind="*")
    set_preference(user_id=bank.id("head"), channel="email", enabled=False, kind="assigned")
    set_preference(user_id=bank.id("handler"), channel="webhook", enabled=True, target=hook.url, secret="s3cret")
    assert {(r.name, r.reason, r.channels) for r in preview(bank.app.id)} == {
        ("handler님", "primary_handler", ("inapp", "webhook")), ("lead님", "team_lead", ("inapp", "email")),
        ("head님", "department_head", ("inapp", "email"))}

    r = register(bank)
    result = dispatch_once(now=T0)
    assert (result.claimed, result.sent, result.failed) == (3, 3, 0)
    assert dispatch_once(now=T0 + timedelta(hours=1)).claimed == 0  # nothing twice

    mails = {tuple(to): msg for to, msg in smtp.messages}
    assert set(mails) == {("lead@beaconbank.example",), ("head@beaconbank.example",)}
    korean = mails[("lead@beaconbank.example",)]
    assert korean["Subject"] == f"[Beacon] {r.number} 장애 등록: 인터넷뱅킹 로그인 지연"
    text = korean.get_body(("plain",)).get_content()
    assert "업무시스템: 인터넷뱅킹" in text and "등급: 1등급 (긴급)" in text and "상태: 등록" in text
    assert "일시: 2026-11-24 10:00 KST" in text and "수신 사유: 담당 팀장" in text
    assert "인터넷뱅킹 로그인 지연" in korean.get_body(("html",)).get_content()
    english = mails[("head@beaconbank.example",)]
    assert english["Subject"] == f"[Beacon] {r.number} Incident registered: 인터넷뱅킹 로그인 지연"
    assert "State: Registered" in english.get_body(("plain",)).get_content()

    assert len(hook.calls) == 1
    headers, body = hook.calls[0]
    assert headers["x-beacon-signature"] == sign("s3cret", body)
    payload = json.loads(body)
    assert payload["kind"] == "assigned" and payload["case"]["number"] == r.number
    assert payload["case"]["application"] == "인터넷뱅킹" and "장애 배정" in payload["text"]
    assert headers["x-beacon-delivery"] == payload["delivery"]


def test_mail_server_outage_then_every_message_arrives_once(db):
    bank = make_bank()
    port = free_port()
    configure_smtp(port)  # nothing listens there yet
    for persona, address in (("lead", "lead@bank.example"), ("head", "head@bank.example")):
        set_email(bank.users[persona], address)
        set_preference(user_id=bank.id(persona), channel="email", enabled=True)
    register(bank)
    first = dispatch_once(now=T0)
    assert (first.claimed, first.failed) == (2, 2)
    row = Notification.get(Notification.channel == "email")
    assert row.status == "failed" and row.attempts == 1 and row.next_attempt_at == T0 + timedelta(seconds=30)
    assert "Connection" in row.last_error or "refused" in row.last_error.lower()
    assert dispatch_once(now=T0 + timedelta(seconds=10)).claimed == 0  # backing off
    second = dispatch_once(now=T0 + timedelta(seconds=31))
    assert second.failed == 2  # still down; next wait 60 s
    server = SmtpRecorder(port).start()
    try:
        assert dispatch_once(now=T0 + timedelta(seconds=60)).claimed == 0
        third = dispatch_once(now=T0 + timedelta(seconds=92))
        assert (third.sent, third.failed) == (2, 0)
        assert dispatch_once(now=T0 + timedelta(hours=2)).claimed == 0
        assert sorted(to[0] for to, _ in server.messages) == ["head@bank.example", "lead@bank.example"]
    finally:
        server.stop()


def test_a_permanently_failing_address_ends_in_dead_letters_and_can_be_retried(db, smtp):
    bank = make_bank()
    configure_smtp(smtp.port)
    Setting.create(key="delivery_max_attempts", value="3")
    set_email(bank.users["lead"], "nobody@bank.example")
    set_preference(user_id=bank.id("lead"), channel="email", enabled=True)
    smtp.reject.add("nobody@bank.example")
    register(bank)
    at = T0
    outcomes = []
    for _ in range(3):
        result = dispatch_once(now=at)
        outcomes.append((result.failed, result.dead))
        at += timedelta(hours=2)
    assert outcomes == [(1, 0), (1, 0), (0, 1)]
    dead = dead_letters()
    assert [(d.recipient, d.target, d.attempts) for d in dead] == [("lead님", "nobody@bank.example", 3)]
    assert "550" in dead[0].last_error
    assert dispatch_once(now=at).claimed == 0  # dead stays dead
    smtp.reject.clear()  # the mailbox was fixed
    assert retry_dead([dead[0].id], now=at) == 1
    assert dispatch_once(now=at).sent == 1
    assert [to for to, _ in smtp.messages] == [["nobody@bank.example"]]


def test_inbox_unread_count_and_mark_read(db):
    bank = make_bank()
    r = register(bank)
    lead = bank.id("lead")
    assert unread_count(user_id=lead) == 1
    item = inbox(user_id=lead)[0]
    assert (item.kind, item.number, item.title, item.case_id, item.read) == (
        "registered", r.number, "인터넷뱅킹 로그인 지연", r.case_id, False)
    assert mark_read(user_id=lead, ids=[item.id]) == 1
    assert unread_count(user_id=lead) == 0 and inbox(user_id=lead, unread_only=True) == []


def test_manual_group_changes_are_admin_only_and_recorded(db):
    bank = make_bank()
    branch = factories.user(login="branch", name="지점장")
    from desktop.errors import BeaconError
    from desktop.models import Event

    with pytest.raises(BeaconError):
        set_override(actor_id=bank.id("lead"), application_id=bank.app.id, user_id=branch.id, mode="add")
    set_override(actor_id=bank.id("admin"), application_id=bank.app.id, user_id=branch.id, mode="add",
                 reason="영업점 대표")
    set_override(actor_id=bank.id("admin"), application_id=bank.app.id, user_id=bank.id("head"), mode="remove")
    assert {(r.name, r.reason) for r in preview(bank.app.id)} == {
        ("handler님", "primary_handler"), ("lead님", "team_lead"), ("지점장", "manual_add")}
    set_override(actor_id=bank.id("admin"), application_id=bank.app.id, user_id=bank.id("head"), mode=None)
    kinds = [e.kind for e in Event.select().where(Event.entity == "propagation_group").order_by(Event.id)]
    assert kinds == ["member_added", "member_removed", "override_cleared"]
