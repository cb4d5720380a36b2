"""The intake against slow, broken and hostile clients: a clear 4xx naming the field, never a 500, never starved."""

from __future__ import annotations

import json
import shutil
import socket
import ssl
import subprocess
import threading
import time
import urllib.request
from collections.abc import Iterator

import pytest

from desktop.workflow.common.settings import put_setting
from desktop.workflow.integrations import intake
from desktop.workflow.integrations.intake_server import make_server
from tests.bank import make_bank
from tests.db.test_intake import FIRING, Intake, counts


@pytest.fixture
def bank(db):
    b = make_bank(impact="high")
    b.app.code = "IBK"
    b.app.save()
    put_setting("intake", {"ci_map": {"ibk-web": "IBK"}})
    return b


def _serve(**options) -> tuple[Intake, object]:
    token = intake.create_token(f"hostile-{time.monotonic_ns()}")
    srv = make_server("127.0.0.1", 0, **options)
    threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    return Intake(f"http://127.0.0.1:{srv.server_address[1]}", token), srv


@pytest.fixture
def server(bank) -> Iterator[Intake]:
    client, srv = _serve(socket_seconds=1.0)
    yield client
    srv.shutdown()
    srv.server_close()


def _generic(**fields) -> dict:
    return {"status": "firing", "fingerprint": "fp-1", "ci": "ibk-web", "title": "disk full", **fields}


@pytest.mark.parametrize(("payload", "field"), [
    (_generic(title="x" * 500_000), "body.title"),
    (_generic(fingerprint="f" * 201), "body.fingerprint"),
    (_generic(labels={f"l{i}": "v" for i in range(65)}), "body.labels"),
    (_generic(labels={"team": "v" * 1025}), "body.labels.team"),
    (_generic(description="d" * 20_001), "body.description"),
])
def test_a_field_over_its_limit_is_a_422_naming_it(bank, server, payload, field):
    before = counts()
    status, body = server.post("/v1/alerts", payload)
    assert status == 422 and body["field"] == field, body
    assert counts() == before


def test_an_alertmanager_summary_over_the_limit_is_named(bank, server):
    payload = json.loads(json.dumps(FIRING))
    payload["alerts"][0]["annotations"]["summary"] = "s" * 301
    status, body = server.post("/v1/alertmanager", payload)
    assert status == 422 and body["field"] == "alerts[0].annotations.summary"


@pytest.mark.parametrize(("raw", "field"), [
    (b"[" * 5000 + b"]" * 5000, "body"),
    (json.dumps({"alerts": [[[[[[[[[[[[[[[[[[[["deep"]]]]]]]]]]]]]]]]]]]]}).encode(), None),
    (b'{"status": "firing", "fingerprint": "a", "ci": "ibk-web", "title": "nul \\u0000 here"}', "body.title"),
    (b'{"status": "firing", "fingerprint": "a", "ci": "ibk-web", "title": "lone \\ud800 surrogate"}', "body.title"),
    (b'{"status": "firing", "fingerprint": "a", "ci": "ibk-web", "title": "t", "\\udfff": 1}', None),
    (b'{"status": "firing", "fingerprint": NaN, "title": "t"}', "body"),
    (b'{"status": "firing", "fingerprint": 1' + b"0" * 5000 + b"}", "body"),
    (b"\xff\xfe{}", "body"),
    (b"", "body"),
])
def test_malformed_json_is_a_400_never_a_500(bank, server, raw, field):
    before = counts()
    status, body = server.post("/v1/alerts", None, raw=raw)
    assert status == 400, body
    if field:
        assert body["field"] == field, body
    assert counts() == before


def test_only_json_is_taken(bank, server):
    status, body = server.post("/v1/alerts", _generic(), headers={"Content-Type": "text/plain"})
    assert status == 415 and body["field"] == "Content-Type" and "application/json" in body["reason"]
    status, _ = server.post("/v1/alerts", _generic(), headers={"Content-Type": "application/json; charset=utf-8"})
    assert status == 200


def test_a_client_that_stops_sending_is_dropped_and_others_are_served(bank, server):
    host, port = server.url.removeprefix("http://").split(":")
    stalled = []
    for _ in range(10):
        s = socket.create_connection((host, int(port)))
        s.sendall(b"POST /v1/alerts HTTP/1.1\r\nHost: x\r\n")  # headers never finished
        stalled.append(s)
    half = socket.create_connection((host, int(port)))
    half.sendall(f"POST /v1/alerts HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {server.token}\r\n"
                 "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{".encode())
    started = time.monotonic()
    assert server.get("/healthz") == (200, {"status": "ok"})
    assert time.monotonic() - started < 1
    half.settimeout(10)
    answer = half.recv(4096)
    print(f"a body that stopped arriving was answered after {time.monotonic() - started:.1f} s: {answer[:30]!r}")
    assert b" 408 " in answer.split(b"\r\n", 1)[0]
    for s in stalled:
        s.settimeout(10)
        assert s.recv(100) == b""  # closed by the server after its socket timeout
        s.close()
    half.close()


def test_beyond_the_workers_and_queue_a_connection_gets_503_at_once(bank):
    client, srv = _serve(workers=2, queue=0, socket_seconds=5.0)
    host, port = client.url.removeprefix("http://").split(":")
    try:
        held = [socket.create_connection((host, int(port))) for _ in range(2)]
        time.sleep(0.3)
        extra = socket.create_connection((host, int(port)))
        extra.settimeout(5)
        assert extra.recv(100).startswith(b"HTTP/1.1 503")
        for s in [*held, extra]:
            s.close()
    finally:
        srv.shutdown()
        srv.server_close()


@pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl is not installed")
def test_tls_serves_https(bank, tmp_path):
    from desktop.workflow.integrations.intake_server import tls_context

    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out",
                    str(cert), "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
                   check=True, capture_output=True, timeout=60)
    srv = make_server("127.0.0.1", 0, tls=tls_context(str(cert), str(key)))
    threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    try:
        context = ssl.create_default_context(cafile=str(cert))
        with urllib.request.urlopen(f"https://127.0.0.1:{srv.server_address[1]}/healthz", context=context,
                                    timeout=10) as response:
            assert json.loads(response.read()) == {"status": "ok"}
        plain = socket.create_connection(("127.0.0.1", srv.server_address[1]))
        plain.sendall(b"GET /healthz HTTP/1.1\r\n\r\n")  # not TLS: dropped, the server carries on
        plain.settimeout(10)
        assert b"ok" not in plain.recv(100)
        plain.close()
        with urllib.request.urlopen(f"https://127.0.0.1:{srv.server_address[1]}/healthz", context=context,
                                    timeout=10) as response:
            assert response.status == 200
    finally:
        srv.shutdown()
        srv.server_close()
