"""Monitoring intake end to end: real Alertmanager payloads posted to a running intake on 127.0.0.1.

The server runs in a thread of the test on a free port; every request is checked in the
database afterwards: incidents (registered by the normal path), actions, alert links, and
that refused requests (bad token, malformed, unmappable) wrote nothing at all.
"""

from __future__ import annotations

import contextlib
import copy
import json
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest

from desktop.errors import BeaconError
from desktop.models import (
    Action,
    AlertLink,
    Case,
    Credential,
    Event,
    Grade,
    Incident,
    Notification,
    SlaClock,
    User,
    database,
)
from desktop.models import db as dbmod
from desktop.workflow.common.settings import put_setting
from desktop.workflow.integrations import intake
from desktop.workflow.integrations.intake_server import make_server
from tests.bank import make_bank

FIRING: dict[str, Any] = {
    "receiver": "beacon",
    "status": "firing",
    "alerts": [{
        "status": "firing",
        "labels": {"alertname": "HighLatency", "service": "ibk-web", "severity": "critical",
                   "instance": "web01:9100", "job": "ibk"},
        "annotations": {"summary": "인터넷뱅킹 응답 지연", "description": "p99 응답 시간이 5분째 2초를 넘습니다.",
                        "runbook_url": "https://wiki.bank.example/runbooks/latency"},
        "startsAt": "2026-11-27T01:02:03.123456789Z",
        "endsAt": "0001-01-01T00:00:00Z",
        "generatorURL": "http://prometheus:9090/graph?g0.expr=latency_p99+%3E+2",
        "fingerprint": "c2a1f0b3d4e5f678",
    }],
    "groupLabels": {"alertname": "HighLatency"},
    "commonLabels": {"alertname": "HighLatency", "job": "ibk"},
    "commonAnnotations": {},
    "externalURL": "http://alertmanager:9093",
    "version": "4",
    "groupKey": '{}:{alertname="HighLatency"}',
    "truncatedAlerts": 0,
}


def resolved_of(payload: dict[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(payload)
    out["status"] = "resolved"
    for alert in out["alerts"]:
        alert["status"] = "resolved"
        alert["endsAt"] = "2026-11-27T01:30:00Z"
    return out


class Intake:
    """A running intake and a client for it."""

    def __init__(self, url: str, token: str) -> None:
        self.url = url
        self.token = token

    def post(self, path: str, body: Any, *, token: str | None = "", raw: bytes | None = None,
             headers: dict[str, str] | None = None) -> tuple[int, dict[str, Any]]:
        data = raw if raw is not None else json.dumps(body, ensure_ascii=False).encode("utf-8")
        sent = {"Content-Type": "application/json", **(headers or {})}
        token = self.token if token == "" else token
        if token is not None:
            sent["Authorization"] = f"Bearer {token}"
        request = urllib.request.Request(self.url + path, data=data, headers=sent, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as exc:
            return exc.code, json.loads(exc.read() or b"{}")

    def get(self, path: str) -> tuple[int, dict[str, Any]]:
        with urllib.request.urlopen(self.url + path, timeout=30) as response:
            return response.status, json.loads(response.read())


@pytest.fixture(autouse=True)
def korean_texts() -> Iterator[None]:
    """Texts the intake writes (actions) come out in the workflow language; these tests read the Korean."""
    from desktop.i18n import current_language, set_language

    before = current_language()
    set_language("ko")
    yield
    set_language(before)


@pytest.fixture
def bank(db):
    b = make_bank(impact="high")
    b.app.code = "IBK"
    b.app.save()
    put_setting("intake", {"ci_map": {"ibk-web": "IBK"}})
    return b


def serving(token_name: str) -> Iterator[Intake]:
    """An intake on a free loopback port, with a token of its own, for the length of a fixture."""
    token = intake.create_token(token_name)
    srv = make_server("127.0.0.1", 0)
    thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield Intake(f"http://127.0.0.1:{srv.server_address[1]}", token)
    srv.shutdown()
    srv.server_close()


@pytest.fixture
def server(bank) -> Iterator[Intake]:
    yield from serving("alertmanager-test")


def counts() -> dict[str, int]:
    """Everything a request could write."""
    return {"cases": Case.select().count(), "actions": Action.select().count(), "events": Event.select().count(),
            "links": AlertLink.select().count(), "notices": Notification.select().count(),
            "users": User.select().count()}


def test_firing_repeat_and_resolved_alerts_become_one_incident_with_actions(bank, server):
    status, body = server.post("/v1/alertmanager", FIRING)

    assert status == 200, body
    [result] = body["results"]
    assert result["outcome"] == "created" and result["fingerprint"] == "c2a1f0b3d4e5f678"
    case = Case.get(Case.number == result["incident"])
    incident = Incident.get_by_id(case.id)
    # the normal registration path: grade from urgency (critical → high) × the application's impact (high)
    assert incident.title == "[HighLatency] 인터넷뱅킹 응답 지연"
    assert "p99 응답 시간이 5분째 2초를 넘습니다." in incident.description
    assert "http://prometheus:9090/graph" in incident.description
    assert incident.application_id == bank.app.id
    assert Grade.get_by_id(incident.grade_id).level == 1
    assert incident.assignee_id == bank.id("handler")  # the owner matrix's primary handler
    assert incident.state == "registered" and incident.incident_type == "system"
    assert incident.occurred_at.isoformat() == "2026-11-27T01:02:03.123456"
    monitoring = User.get(User.login == "monitoring")
    assert incident.registered_by_id == monitoring.id
    if dbmod.backend() == "sqlite":
        assert not Credential.select().where(Credential.user == monitoring.id).exists()
    assert {c.kind for c in SlaClock.select().where(SlaClock.case == case.id)} == {"response", "resolution"}
    told = {n.recipient_id for n in Notification.select().where(Notification.case == case.id)}
    assert {bank.id("handler"), bank.id("lead"), bank.id("head")} <= told
    assert Event.get((Event.case == case.id) & (Event.kind == "register")).actor_id == monitoring.id

    status, body = server.post("/v1/alertmanager", FIRING)  # Alertmanager re-sends while it keeps firing

    assert status == 200 and body["results"][0] == {"fingerprint": "c2a1f0b3d4e5f678", "status": "firing",
                                                     "outcome": "repeated", "incident": case.number}
    assert Incident.select().count() == 1
    [repeat] = Action.select().where(Action.case == case.id)
    assert "2번째" in repeat.body and repeat.actor_id == monitoring.id
    assert AlertLink.get(AlertLink.case == case.id).fire_count == 2

    status, body = server.post("/v1/alertmanager", resolved_of(FIRING))

    assert status == 200 and body["results"][0]["outcome"] == "resolved"
    actions = [a.body for a in Action.select().where(Action.case == case.id).order_by(Action.id)]
    assert len(actions) == 2 and "해소" in actions[1] and "2026-11-27T01:30:00Z" in actions[1]
    assert Incident.get_by_id(case.id).state == "registered"  # resolving the incident is a person's call by default
    assert AlertLink.get(AlertLink.case == case.id).last_status == "resolved"


def test_bad_or_missing_token_gets_401_and_writes_nothing(bank, server):
    before = counts()

    status, body = server.post("/v1/alertmanager", FIRING, token="bcn_not-the-token")
    assert status == 401 and body["error"] == "unauthorized" and "not valid" in body["reason"]
    status, body = server.post("/v1/alertmanager", FIRING, token=None)
    assert status == 401 and "Bearer" in body["reason"] and "토큰" in body["reason_ko"]
    intake.revoke_token("alertmanager-test")
    status, _ = server.post("/v1/alertmanager", FIRING)  # the right token, revoked

    assert status == 401
    assert counts() == before


@pytest.mark.parametrize(("mutate", "field", "words"), [
    (lambda p: p["alerts"][0].pop("status"), "alerts[0].status", "is required"),
    (lambda p: p["alerts"][0].update(status="exploded"), "alerts[0].status", "'firing' or 'resolved'"),
    (lambda p: p["alerts"][0].update(labels=["service=ibk"]), "alerts[0].labels", "JSON object"),
    (lambda p: p["alerts"][0].update(startsAt="yesterday"), "alerts[0].startsAt", "cannot read the time"),
    (lambda p: p.update(alerts=[]), "alerts", "non-empty array"),
    (lambda p: p.update(version="3"), "version", "version 4"),
])
def test_malformed_payload_gets_400_naming_the_field_and_writes_nothing(bank, server, mutate, field, words):
    payload = copy.deepcopy(FIRING)
    mutate(payload)
    before = counts()

    status, body = server.post("/v1/alertmanager", payload)

    assert status == 400, body
    assert body["error"] == "malformed" and body["field"] == field and words in body["reason"]
    assert body["reason_ko"].startswith(field)
    assert counts() == before


def test_body_that_is_not_json_or_too_large_is_refused(bank, server):
    before = counts()
    status, body = server.post("/v1/alertmanager", None, raw=b'{"alerts": [')
    assert status == 400 and body["field"] == "body" and "not JSON" in body["reason"]
    put_setting("intake", {"ci_map": {"ibk-web": "IBK"}, "max_body_bytes": 2048})
    status, body = server.post("/v1/alertmanager", None, raw=b" " * 4096)
    assert status == 413 and "4096 bytes" in body["reason"]
    assert counts() == before


def test_an_unmapped_ci_is_named_and_held_and_the_older_default_application_still_triages(bank, server):
    payload = copy.deepcopy(FIRING)
    second = copy.deepcopy(payload["alerts"][0])
    second["fingerprint"] = "ffff000011112222"
    second["labels"]["service"] = "payroll"  # no such CI, no mapping, no triage application
    second["labels"]["job"] = "payroll"
    payload["alerts"].append(second)

    status, body = server.post("/v1/alertmanager", payload)

    assert status == 200, body  # each alert its own outcome: the first is not sunk by the second
    assert [r["outcome"] for r in body["results"]] == ["created", "held"]
    assert "service=payroll" in body["results"][1]["reason"] and "triage" in body["results"][1]["reason"]

    put_setting("intake", {"ci_map": {"ibk-web": "IBK"}, "default_application": "IBK"})
    status, body = server.post("/v1/alertmanager", payload)
    assert status == 200 and [r["outcome"] for r in body["results"]] == ["repeated", "triaged"]


def test_resolved_alert_may_close_the_incident_and_a_new_firing_then_opens_a_new_one(bank, server):
    put_setting("intake", {"ci_map": {"ibk-web": "IBK"}, "resolve_on_resolved": True})
    first = server.post("/v1/alertmanager", FIRING)[1]["results"][0]["incident"]

    status, body = server.post("/v1/alertmanager", resolved_of(FIRING))

    assert status == 200 and body["results"][0]["outcome"] == "closed"
    closed = Incident.get_by_id(Case.get(Case.number == first).id)
    assert closed.state == "closed" and "해소" in closed.resolution
    assert [e.kind for e in Event.select().where((Event.case == closed.case_id) & (Event.to_state != ""))
            .order_by(Event.id)] == ["register", "accept", "close"]

    status, body = server.post("/v1/alertmanager", FIRING)

    assert body["results"][0]["outcome"] == "created" and body["results"][0]["incident"] != first
    assert AlertLink.select().where(AlertLink.fingerprint == "c2a1f0b3d4e5f678").count() == 2


def test_an_incident_closed_by_a_person_is_not_reused(bank, server):
    number = server.post("/v1/alertmanager", FIRING)[1]["results"][0]["incident"]
    from desktop.workflow.cases import case_service as cs

    case_id = Case.get(Case.number == number).id
    cs.accept_incident(actor_id=bank.id("handler"), case_id=case_id, version=None)
    cs.close_incident(actor_id=bank.id("handler"), case_id=case_id, version=None, resolution="재기동",
                      cause="세션 풀", result="정상", follow_up_plan="-", recurrence_prevention="-")

    body = server.post("/v1/alertmanager", FIRING)[1]

    assert body["results"][0]["outcome"] == "created" and body["results"][0]["incident"] != number
    # the closed incident's history says why its alert left it, as an event of the intake's own
    unlinked = Event.get((Event.case == case_id) & (Event.kind == "alert_unlinked"))
    assert unlinked.actor_id == Incident.get_by_id(case_id).registered_by_id  # the monitoring user


def test_generic_json_alerts(bank, server):
    alert = {"source": "zabbix", "fingerprint": "zbx-10442", "status": "firing", "ci": "IBK", "severity": "warning",
             "title": "DB 연결 수 경고", "description": "활성 연결 480/500", "occurred_at": "2026-11-27T10:00:00+09:00",
             "url": "https://zabbix.bank.example/tr_events.php?eventid=10442"}

    status, body = server.post("/v1/alerts", alert)

    assert status == 200 and body["results"][0]["outcome"] == "created"
    incident = Incident.get_by_id(Case.get(Case.number == body["results"][0]["incident"]).id)
    assert incident.title == "DB 연결 수 경고" and "zabbix" in incident.description
    assert Grade.get_by_id(incident.grade_id).level == 2  # warning → medium urgency × high impact
    assert incident.occurred_at.isoformat() == "2026-11-27T01:00:00"
    status, body = server.post("/v1/alerts", {"alerts": [{**alert, "status": "resolved"}]})
    assert body["results"][0]["outcome"] == "resolved"
    status, body = server.post("/v1/alerts", {"status": "firing", "title": "no key"})
    assert status == 400 and body["field"] == "body.fingerprint"


def test_health_and_unknown_endpoints(bank, server):
    assert server.get("/healthz") == (200, {"status": "ok"})  # a stranger learns nothing more
    request = urllib.request.Request(server.url + "/healthz", headers={"Authorization": f"Bearer {server.token}"})
    with urllib.request.urlopen(request, timeout=30) as response:
        body = json.loads(response.read())
    assert body == {"status": "ok", "schema": intake_schema(), "version": version(), "outbox_waiting": 0,
                    "outbox_dead": 0, "oldest_waiting_seconds": None}
    status, body = server.post("/v2/whatever", FIRING)
    assert status == 404 and "/v1/alertmanager" in body["reason"]


def intake_schema() -> int:
    from desktop.models.schema import current_version

    return current_version()


def version() -> str:
    from desktop import __version__

    return __version__


def test_two_identical_firings_at_once_make_one_incident(bank, server, monkeypatch):
    """Both requests look for an open incident before either has stored one: the unique index decides."""
    with database.atomic():
        intake.system_actor(intake.load_config())  # as `beacon intake` does at start
    original = intake._open_link
    looked = threading.Barrier(2, timeout=20)
    saw_none: list[str] = []

    def slow_open_link(alert, *args):
        found = original(alert, *args)
        if found is None:
            saw_none.append(threading.current_thread().name)
            with contextlib.suppress(threading.BrokenBarrierError):  # SQLite: the write lock orders them
                looked.wait()  # both threads have seen "no open incident"
        return found

    monkeypatch.setattr(intake, "_open_link", slow_open_link)
    sqlite = database.obj.__class__.__name__.startswith("Sqlite")
    if sqlite:
        looked = threading.Barrier(2, timeout=0.5)  # one writer at a time: the second waits for the first
    results: list[tuple[int, dict[str, Any]]] = []

    def fire() -> None:
        results.append(server.post("/v1/alertmanager", FIRING))

    threads = [threading.Thread(target=fire) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)

    assert sorted(status for status, _ in results) == [200, 200], results
    assert sorted(body["results"][0]["outcome"] for _, body in results) == ["created", "repeated"]
    assert Incident.select().count() == 1
    link = AlertLink.get()
    assert link.fire_count == 2 and Action.select().where(Action.case == link.case_id).count() == 1
    if not sqlite:  # the race really happened: both requests had decided to create, one was retried
        assert len(saw_none) == 2 and len(set(saw_none)) == 2


def test_tokens_are_stored_only_as_a_hash(cli_as, capsys):
    from desktop.cli import main
    from desktop.models import Setting

    make_bank()
    handler = cli_as("handler")
    assert main(["--lang", "en", "intake", "token", "create", "mine", "--database", handler]) == 2
    assert "Only an administrator may manage intake tokens" in capsys.readouterr().err
    db = cli_as("admin")

    assert main(["--lang", "en", "intake", "token", "create", "prometheus-prod", "--database", db]) == 0
    token = capsys.readouterr().out.strip().splitlines()[-1]
    assert token.startswith("bcn_") and len(token) > 40
    stored = Setting.get(Setting.key == "intake_tokens").value
    assert token not in stored and hashlib_hex(token) in stored
    assert intake.check_token(f"Bearer {token}") == "prometheus-prod"
    assert User.get(User.login == "monitoring").is_active  # the CLI made the system user
    assert main(["--lang", "en", "intake", "token", "list", "--database", db]) == 0
    listed = capsys.readouterr().out
    assert "prometheus-prod" in listed and token not in listed
    assert main(["--lang", "en", "intake", "token", "create", "prometheus-prod", "--database", db]) == 2
    assert "already taken" in capsys.readouterr().err
    assert main(["--lang", "en", "intake", "token", "revoke", "prometheus-prod", "--database", db]) == 0
    with pytest.raises(intake.IntakeError):
        intake.check_token(f"Bearer {token}")
    assert main(["--lang", "en", "intake", "token", "revoke", "prometheus-prod", "--database", db]) == 1


def hashlib_hex(token: str) -> str:
    import hashlib

    return hashlib.sha256(token.encode()).hexdigest()


def test_the_beacon_intake_command_serves_and_stops_gracefully_on_sigterm(bank, tmp_path):
    import os
    import signal
    import subprocess
    import sys
    import time
    from pathlib import Path

    from tests.conftest import PG_URL
    from tests.servers import free_port

    url = PG_URL if not database.obj.__class__.__name__.startswith("Sqlite") else f"sqlite:///{database.obj.database}"
    token = intake.create_token("cli-test")
    port = free_port()
    root = Path(__file__).resolve().parents[2]
    proc = subprocess.Popen([sys.executable, "-m", "desktop.cli", "intake", "--listen", f"127.0.0.1:{port}",
                             "--database", url], cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            env={**os.environ, "BEACON_LANG": "en"})
    client = Intake(f"http://127.0.0.1:{port}", token)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                assert client.get("/healthz")[0] == 200
                break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise
                time.sleep(0.2)
        status, body = client.post("/v1/alertmanager", FIRING)
        assert status == 200 and body["results"][0]["outcome"] == "created"
    finally:
        proc.send_signal(signal.SIGTERM)
        output = proc.communicate(timeout=30)[0].decode()
    assert proc.returncode == 0, output
    assert "event=listening" in output and "event=stopped" in output
    assert "path=/v1/alertmanager status=200" in output and "created=1" in output
    assert Incident.select().count() == 1


def test_a_broken_intake_setting_is_a_500_naming_the_setting(bank, server):
    from desktop.models import Setting

    with pytest.raises(BeaconError):  # the settings schema refuses it ...
        put_setting("intake", {"severity_map": "critical=high"})
    # ... but a database written by hand (or by an older Beacon) may hold it
    Setting.update(value=json.dumps({"severity_map": "critical=high"})).where(Setting.key == "intake").execute()
    before = counts()
    status, body = server.post("/v1/alertmanager", FIRING)
    assert status == 500 and body["error"] == "configuration" and "intake.severity_map" in body["reason"]
    assert counts() == before


def test_an_error_while_tidying_up_after_a_restart_is_still_a_503(bank, server, monkeypatch):
    """A restart can make the clean-up fail too (closing what a dead savepoint left open); the sender must
    still hear 'try again' (503), never the 500 that makes Alertmanager give up on its alerts."""
    import peewee

    from desktop.models.db import DatabaseFault
    from desktop.workflow.integrations import intake_server

    def restarting(alerts):
        try:
            raise DatabaseFault("db.restarting", where="127.0.0.1:5432")
        except DatabaseFault:
            raise peewee.OperationalError("Attempting to close database while transaction is open.") from None

    monkeypatch.setattr(intake_server, "ingest", restarting)
    before = counts()
    status, body = server.post("/v1/alertmanager", FIRING)
    assert status == 503 and body["error"] == "unavailable", body
    assert counts() == before
    monkeypatch.undo()
    status, body = server.post("/v1/alertmanager", FIRING)  # the next request finds the database again
    assert status == 200 and body["results"][0]["outcome"] == "created", body
