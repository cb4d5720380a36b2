"""Administration → Monitoring intake, Dead letters and SR target systems, driven through their widgets in
both languages: the rules and a dry run of a payload, the triage application set from the screen, the
alerts held or triaged; undeliverable notices and SRs sent again or discarded; target systems added,
changed and removed with their secrets written and never shown back."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QListWidget, QPlainTextEdit, QTableWidget

from desktop.models import CIRelation, ConfigurationItem, ImpactLevel, Incident, Notification, Setting
from desktop.views.admin import AdminPage
from desktop.views.i18n import install_language
from desktop.views.session import ClientSession
from desktop.workflow.cases import case_service as cs
from desktop.workflow.common.actors import load_actor
from desktop.workflow.common.settings import put_setting
from desktop.workflow.integrations import intake
from desktop.workflow.notify.notices import set_preference
from desktop.workflow.notify.service_requests import systems
from tests.gui.admin_kit import click, client_bank


def _prepare(bank) -> None:
    bank.app.code = "APP-IB"
    bank.app.save()
    low = ImpactLevel.get(ImpactLevel.code == "low")
    ConfigurationItem.create(code="APP-TRIAGE", name="모니터링 분류", name_en="Monitoring triage",
                             kind="application", impact=low)
    server = ConfigurationItem.create(code="SRV-CH-WAS01", name="채널 WAS 1", kind="server")
    CIRelation.create(source=bank.app, target=server, kind="runs_on")


@pytest.fixture
def bank(tmp_path):
    yield from client_bank(tmp_path, prepare=_prepare)


def page_for(qtbot, bank, language: str) -> AdminPage:
    install_language(language)
    session = ClientSession(actor=load_actor(bank.id("admin")), database_url=bank.url, language=language)
    page = AdminPage(session)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    return page


def column(table: QTableWidget, col: int) -> list[str]:
    return [table.item(r, col).text() for r in range(table.rowCount())]


KUBE = {"version": "4", "status": "firing", "alerts": [
    {"status": "firing", "fingerprint": "kube-1", "labels": {"alertname": "KubePodCrashLooping",
                                                            "service": "kube-state-metrics", "pod": "api-7d9f"}}]}
NODE = {"version": "4", "status": "firing", "alerts": [
    {"status": "firing", "fingerprint": "node-1", "labels": {"alertname": "NodeDown",
                                                            "instance": "srv-ch-was01:9100", "job": "node"}}]}


def post(payload: dict) -> list[intake.Outcome]:
    config = intake.load_config()
    return intake.ingest(intake.parse_body("alertmanager", json.dumps(payload).encode(), config))


@pytest.mark.parametrize("language", ["en", "ko"])
def test_intake_screen_shows_rules_tries_a_payload_and_sets_triage(qtbot, bank, language):
    [held] = post(KUBE)
    assert held.outcome == "held"
    page = page_for(qtbot, bank, language)
    screen = page.screens["intake"]
    page.tabs.setCurrentWidget(screen)
    assert page.tabs.tabText(page.tabs.indexOf(screen)) == {"en": "Monitoring intake", "ko": "모니터링 수신"}[language]
    held_word = {"en": "Held", "ko": "보류"}[language]

    rules = screen.findChild(QTableWidget, "intake_rules")
    assert {"en": "label instance", "ko": "레이블 instance"}[language] in column(rules, 1)
    recent = screen.findChild(QTableWidget, "intake_recent")
    assert column(recent, 1) == [held_word] and "pod=api-7d9f" in column(recent, 5)[0]
    assert {"en": "no triage application", "ko": "분류 업무시스템이 설정되지"}[language] in column(recent, 4)[0]

    # a dry run: the node alert would land on the application on its host, the kube alert would be held
    payload = screen.findChild(QPlainTextEdit, "intake_payload")
    payload.setPlainText(json.dumps({**NODE, "alerts": NODE["alerts"] + KUBE["alerts"]}))
    click(qtbot, screen, "intake_try")
    preview = screen.findChild(QTableWidget, "intake_preview")
    assert column(preview, 1) == [{"en": "Registered", "ko": "등록"}[language], held_word]
    assert column(preview, 2) == ["APP-IB", "—"]
    assert "SRV-CH-WAS01 (server) → APP-IB" in column(preview, 3)[0]
    assert Incident.select().count() == 0  # nothing written

    # the triage application, chosen here and checked by the settings schema
    triage = screen.findChild(QComboBox, "intake_triage")
    triage.setCurrentIndex(triage.findData("APP-TRIAGE"))
    click(qtbot, screen, "intake_triage_save")
    assert intake.load_config().triage == "APP-TRIAGE"
    click(qtbot, screen, "intake_try")
    assert column(preview, 1)[1] == {"en": "To triage", "ko": "분류 대기로 등록"}[language]
    assert column(preview, 2)[1] == "APP-TRIAGE"

    # a malformed payload is named, not crashed on
    payload.setPlainText('{"alerts": [')
    click(qtbot, screen, "intake_try")
    shown = screen.message.text()
    assert ("not JSON" if language == "en" else "JSON이 아닙니다") in shown and preview.rowCount() == 0


def dead_rows(bank) -> list[int]:
    """An e-mail notice and a service request that failed every attempt."""
    set_preference(user_id=bank.id("lead"), channel="email", enabled=True)
    from desktop.models import User

    User.update(email="lead@bank.example").where(User.id == bank.id("lead")).execute()
    cs.register_incident(actor_id=bank.id("customer"), title="인터넷뱅킹 로그인 지연", description="대기",
                         application_id=bank.app.id, urgency="high", incident_type="application")
    mail = Notification.get(Notification.channel == "email")
    mail.status, mail.attempts, mail.last_error = "dead", 5, "SMTPRecipientsRefused: 550 5.1.1 mailbox unavailable"
    mail.save()
    sr = Notification.create(case=mail.case_id, recipient=bank.id("handler"), channel="sr", kind="service_request",
                             dedupe_key="sr:99", status="dead", attempts=5, target="ERP", last_error="HTTP 503")
    return [mail.id, sr.id]


@pytest.mark.parametrize("language", ["en", "ko"])
def test_dead_letters_are_listed_sent_again_and_discarded(qtbot, bank, language):
    mail_id, sr_id = dead_rows(bank)
    page = page_for(qtbot, bank, language)
    screen = page.screens["dead_letters"]
    page.tabs.setCurrentWidget(screen)
    assert page.tabs.tabText(page.tabs.indexOf(screen)) == {"en": "Dead letters", "ko": "발송 불가"}[language]
    table = screen.findChild(QTableWidget, "dead_letters")

    assert column(table, 1) == ({"en": ["Service request", "E-mail"], "ko": ["서비스 요청", "메일"]}[language])
    assert column(table, 4) == ["ERP", "lead@bank.example"]
    assert "550 5.1.1" in column(table, 6)[1] and column(table, 6)[0] == "HTTP 503"

    table.selectRow(1)
    click(qtbot, screen, "dead_retry")
    assert Notification.get_by_id(mail_id).status == "pending" and Notification.get_by_id(mail_id).attempts == 0
    assert column(table, 4) == ["ERP"]

    screen.confirm_discard = lambda count: True
    table.selectRow(0)
    click(qtbot, screen, "dead_discard")
    assert Notification.get_by_id(sr_id).status == "discarded"
    assert table.rowCount() == 0
    assert screen.findChild(QLabel, "dead_count").text() == {"en": "Nothing undelivered",
                                                            "ko": "발송 불가 건이 없습니다"}[language]


def texts_shown(screen) -> str:
    parts = [w.text() for w in screen.findChildren(QLineEdit)] + [w.text() for w in screen.findChildren(QLabel)]
    parts += [w.toPlainText() for w in screen.findChildren(QPlainTextEdit)]
    return "\n".join(parts)


@pytest.mark.parametrize("language", ["en", "ko"])
def test_sr_target_systems_are_added_changed_and_removed_and_secrets_never_shown(qtbot, bank, language):
    page = page_for(qtbot, bank, language)
    screen = page.screens["sr_systems"]
    page.tabs.setCurrentWidget(screen)
    assert page.tabs.tabText(page.tabs.indexOf(screen)) == {"en": "SR target systems", "ko": "SR 대상 시스템"}[language]
    assert screen.findChild(QListWidget, "sr_list").count() == 0

    screen.findChild(QLineEdit, "sr_name").setText("ERP")
    screen.findChild(QLineEdit, "sr_url").setText("https://erp.bank.example/api/requests")
    screen.findChild(QPlainTextEdit, "sr_headers").setPlainText("X-Team: itsm")
    screen.findChild(QPlainTextEdit, "sr_secrets").setPlainText("Authorization: Bearer s3cr3t-erp-token")
    screen.findChild(QPlainTextEdit, "sr_body").setPlainText('{"title": "${title}", "ref": "${number}"}')
    screen.findChild(QLineEdit, "sr_external_id").setText("/result/number")
    click(qtbot, screen, "sr_save")

    assert sorted(systems()) == ["ERP"]  # what the close dialog offers
    stored = json.loads(Setting.get(Setting.key == "sr_secrets").value)
    assert stored == {"ERP": {"Authorization": "Bearer s3cr3t-erp-token"}}
    assert "s3cr3t" not in Setting.get(Setting.key == "sr_systems").value
    assert "s3cr3t" not in texts_shown(screen)  # written only
    assert "Authorization" in screen.findChild(QLabel, "sr_secret_names").text()
    assert screen.findChild(QListWidget, "sr_list").count() == 1

    # a change that keeps the secret (left empty) and a bad body that is refused with the field named
    screen.findChild(QLineEdit, "sr_url").setText("https://erp2.bank.example/api/requests")
    click(qtbot, screen, "sr_save")
    assert systems()["ERP"].url == "https://erp2.bank.example/api/requests"
    assert systems()["ERP"].headers == {"X-Team": "itsm", "Authorization": "Bearer s3cr3t-erp-token"}
    screen.findChild(QPlainTextEdit, "sr_body").setPlainText('{"title": ')
    click(qtbot, screen, "sr_save")
    message = screen.findChild(QLabel, "sr_message").text()
    assert {"en": "Body template (JSON)", "ko": "본문 템플릿 (JSON)"}[language] in message
    assert json.loads(Setting.get(Setting.key == "sr_systems").value)["ERP"]["body"] == {
        "title": "${title}", "ref": "${number}"}  # nothing saved

    click(qtbot, screen, "sr_remove")
    assert systems() == {} and json.loads(Setting.get(Setting.key == "sr_secrets").value) == {}
    assert screen.findChild(QListWidget, "sr_list").count() == 0


def test_only_an_administrator_may_change_them(bank):
    from desktop.errors import BeaconError
    from desktop.workflow.integrations import intake_admin
    from desktop.workflow.notify import outbox_admin

    with pytest.raises(BeaconError):
        intake_admin.set_triage_application(actor_id=bank.id("handler"), code="APP-TRIAGE")
    with pytest.raises(BeaconError):
        outbox_admin.save_sr_system(actor_id=bank.id("handler"),
                                    row=outbox_admin.SrSystemRow(name="X", url="https://x.example"))
    mail_id, _ = dead_rows(bank)
    with pytest.raises(BeaconError):
        outbox_admin.retry_dead_letters(actor_id=bank.id("handler"), ids=[mail_id])
    assert Notification.get_by_id(mail_id).status == "dead"
    put_setting("intake", {})
