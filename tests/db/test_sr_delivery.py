"""Service requests out: a closing follow-up delivered to another system's HTTP API through the outbox."""

from __future__ import annotations

import json
import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from desktop.errors import BeaconError
from desktop.models import Event, Notification, ServiceRequestLink
from desktop.workflow.cases import case_service as cs
from desktop.workflow.cases.detail import case_detail
from desktop.workflow.cases.queries import deliveries_of
from desktop.workflow.common.settings import put_setting
from desktop.workflow.notify.dispatch import dead_letters, dispatch_once, retry_dead
from tests.bank import bring_to, make_bank, seoul
from tests.servers import free_port

T0 = seoul(2026, 11, 24, 10)


class ItsmServer:
    """A stand-in for another ITSM's REST API on 127.0.0.1: creates SRs, answers their number and state.

    It drops a request whose Idempotency-Key it has seen (answering the first answer again), as a
    careful receiver does; `fail_next` makes it answer 503 that many times.
    """

    def __init__(self, port: int) -> None:
        self.port = port
        self.calls: list[tuple[str, dict[str, str], dict[str, Any]]] = []
        self.created: dict[str, dict[str, Any]] = {}
        self.fail_next = 0
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                headers = {k.lower(): v for k, v in self.headers.items()}
                server.calls.append((self.path, headers, body))
                if server.fail_next:
                    server.fail_next -= 1
                    self.send_response(503)
                    self.end_headers()
                    return
                key = headers.get("idempotency-key", "")
                if key not in server.created:
                    server.created[key] = {"result": {"number": f"REQ{1000 + len(server.created)}", "state": "New"}}
                data = json.dumps(server.created[key]).encode()
                self.send_response(201)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: object) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                         daemon=True)

    def start(self) -> ItsmServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()


def configure(port: int, **extra: Any) -> None:
    put_setting("sr_systems", {"servicenow": {
        "url": f"http://127.0.0.1:{port}/api/now/table/sc_request",
        "method": "POST",
        "headers": {"Accept": "application/json"},
        "body": {"short_description": "${title}", "description": "${description}\n\n${number} ${incident_title}",
                 "caller_id": "${requester_login}", "u_grade": "${grade}", "correlation_id": "${delivery}",
                 "u_application": "${application}"},
        "external_id": "/result/number",
        "status": "/result/state",
        "link": "https://itsm.example/sc_request.do?number=${external_id}",
        **extra,
    }})
    put_setting("sr_secrets", {"servicenow": {"Authorization": "Bearer itsm-secret"}})  # what only the sender reads


def close_with_sr(bank, system: str = "servicenow", at=T0) -> int:
    case_id = bring_to(bank, "incident", "in_progress", now=at)
    cs.close_incident(actor_id=bank.id("handler"), case_id=case_id, version=None, resolution="WAS 재기동",
                      cause="세션 풀 고갈", result="정상화", follow_up_plan="방화벽 정책 변경 요청",
                      recurrence_prevention="세션 풀 확대",
                      follow_ups=[{"kind": "service_request", "system": system, "title": "방화벽 포트 개방 요청",
                                   "description": "WAS → DB 5432 포트 개방"}], now=at)
    return case_id


def sr_rounds(at, **kw):
    """A dispatch round that delivers only SRs (e-mail and webhooks are other tests' business)."""
    from desktop.workflow.notify.service_requests import ServiceRequestTransport

    return dispatch_once(now=at, transports={"sr": ServiceRequestTransport()}, **kw)


def test_sr_survives_an_outage_and_is_delivered_exactly_once(db):
    bank = make_bank()
    port = free_port()
    configure(port)
    case_id = close_with_sr(bank)
    [link] = ServiceRequestLink.select().where(ServiceRequestLink.case == case_id)
    assert link.delivery_key == f"sr:{link.id}" and link.external_ref == ""
    assert case_detail(actor_id=bank.id("handler"), case_id=case_id).service_requests[0].delivery == "pending"

    # the other system is down: connection refused, twice
    first = sr_rounds(T0)
    assert (first.claimed, first.failed) == (1, 1)
    second = sr_rounds(T0 + timedelta(seconds=10))
    assert second.claimed == 0  # still waiting out the 30 s backoff
    assert sr_rounds(T0 + timedelta(seconds=31)).failed == 1
    line = case_detail(actor_id=bank.id("handler"), case_id=case_id).service_requests[0]
    assert line.delivery == "failed" and line.attempts == 2 and "refused" in line.last_error.lower()

    # it comes back, answers 503 once, then creates the SR
    server = ItsmServer(port).start()
    server.fail_next = 1
    try:
        assert sr_rounds(T0 + timedelta(minutes=2)).failed == 1
        done = sr_rounds(T0 + timedelta(minutes=5))
        assert done.sent == 1
        assert sr_rounds(T0 + timedelta(hours=2)).claimed == 0  # nothing left to send
    finally:
        server.stop()

    created = [call for call in server.calls if call[0] == "/api/now/table/sc_request"]
    assert len(created) == 2 and len(server.created) == 1  # the 503 and the one that created it
    _, headers, body = created[-1]
    assert headers["idempotency-key"] == headers["x-beacon-delivery"] == link.delivery_key
    assert headers["authorization"] == "Bearer itsm-secret"
    number = cs_number(case_id)
    assert body == {"short_description": "방화벽 포트 개방 요청",
                    "description": f"WAS → DB 5432 포트 개방\n\n{number} 인터넷뱅킹 로그인 지연",
                    "caller_id": "admin", "u_grade": 1, "correlation_id": link.delivery_key,
                    "u_application": "인터넷뱅킹"}
    link = ServiceRequestLink.get_by_id(link.id)
    assert (link.external_ref, link.state) == ("REQ1000", "New")
    assert link.url == "https://itsm.example/sc_request.do?number=REQ1000"
    assert link.delivered_at == T0 + timedelta(minutes=5)
    line = case_detail(actor_id=bank.id("handler"), case_id=case_id).service_requests[0]
    assert (line.delivery, line.external_ref, line.attempts) == ("sent", "REQ1000", 4)
    event = Event.get((Event.case == case_id) & (Event.kind == "service_request_delivered"))
    assert "REQ1000" in event.note
    assert all(row.channel != "sr" for row in deliveries_of(case_id))  # not a propagation notice


def cs_number(case_id: int) -> str:
    from desktop.models import Case

    return Case.get_by_id(case_id).number


def test_a_copy_sent_again_after_a_crash_carries_the_same_key_and_creates_nothing_new(db):
    bank = make_bank()
    server = ItsmServer(free_port()).start()
    try:
        configure(server.port)
        case_id = close_with_sr(bank)
        row = Notification.get(Notification.channel == "sr")
        # a dispatcher sent it and died before recording: its lease runs out, another one sends again
        from desktop.workflow.notify.dispatch import claim
        from desktop.workflow.notify.service_requests import ServiceRequestTransport

        assert claim("crashed", now=T0, limit=10) == [row.id]
        ServiceRequestTransport().send(Notification.get_by_id(row.id), None, None)
        assert sr_rounds(T0 + timedelta(minutes=3)).sent == 1
    finally:
        server.stop()
    keys = [headers["idempotency-key"] for _, headers, _ in server.calls]
    assert len(keys) == 2 and len(set(keys)) == 1 and len(server.created) == 1
    assert ServiceRequestLink.get(ServiceRequestLink.case == case_id).external_ref == "REQ1000"


def test_a_system_that_never_answers_ends_in_dead_letters_and_can_be_retried(db):
    bank = make_bank()
    port = free_port()
    configure(port)
    put_setting("delivery_max_attempts", 3)
    case_id = close_with_sr(bank)
    at = T0
    for _ in range(3):
        sr_rounds(at)
        at += timedelta(hours=1)
    [dead] = dead_letters()
    assert dead.channel == "sr" and dead.target == "servicenow" and dead.attempts == 3
    assert case_detail(actor_id=bank.id("handler"), case_id=case_id).service_requests[0].delivery == "dead"

    server = ItsmServer(port).start()
    try:
        assert retry_dead([dead.id], now=at) == 1
        assert sr_rounds(at).sent == 1
    finally:
        server.stop()
    assert ServiceRequestLink.get(ServiceRequestLink.case == case_id).external_ref == "REQ1000"
    assert dead_letters() == []


def test_a_template_naming_an_unknown_field_fails_visibly(db):
    bank = make_bank()
    configure(free_port(), body={"short_description": "${titel}"})
    case_id = close_with_sr(bank)
    sr_rounds(T0)
    line = case_detail(actor_id=bank.id("handler"), case_id=case_id).service_requests[0]
    assert line.delivery == "failed" and "${titel}" in line.last_error and "title" in line.last_error


def test_an_unknown_system_is_refused_at_closure_when_systems_are_configured(db):
    bank = make_bank()
    configure(free_port())
    with pytest.raises(BeaconError) as caught:
        close_with_sr(bank, system="servicenwo")
    assert "servicenow" in caught.value.message("en") and "등록된 시스템" in caught.value.message("ko")
    assert ServiceRequestLink.select().count() == 0


def test_without_configured_systems_an_sr_is_recorded_only(db):
    bank = make_bank()
    case_id = close_with_sr(bank, system="그룹웨어")
    [line] = case_detail(actor_id=bank.id("handler"), case_id=case_id).service_requests
    assert (line.system, line.delivery, line.title) == ("그룹웨어", "recorded", "방화벽 포트 개방 요청")
    assert Notification.select().where(Notification.channel == "sr").count() == 0


def test_the_incident_report_lists_the_delivered_sr_with_its_external_id(db):
    from desktop.reports.report_service import incident_report_pdf
    from tests.reports.helpers import pdf_text

    bank = make_bank()
    server = ItsmServer(free_port()).start()
    try:
        configure(server.port)
        case_id = close_with_sr(bank)
        assert sr_rounds(T0).sent == 1
    finally:
        server.stop()
    text = pdf_text(incident_report_pdf(cs_number(case_id), lang="ko"))
    assert "servicenow" in text and "REQ1000" in text and "방화벽 포트 개방 요청" in text


def test_a_broken_sr_systems_setting_refuses_closure_with_a_message(db):
    bank = make_bank()
    put_setting("sr_systems", {"servicenow": {"method": "POST"}})
    with pytest.raises(BeaconError) as caught:
        close_with_sr(bank)
    assert "sr_systems" in caught.value.message("en") and "url" in caught.value.message("ko")
