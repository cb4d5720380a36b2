"""The intake under hostile load on PostgreSQL: 50 stalled connections hold no database session and /healthz
still answers; 500 generated malformed bodies never get a 500 (issue 18). The intake runs as `beacon intake`."""

from __future__ import annotations

import json
import os
import random
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections import Counter

import pytest

from desktop.models import Case, ensure_schema
from desktop.models import db as dbmod
from desktop.workflow.admin.defaults import seed_defaults
from desktop.workflow.common.settings import put_setting
from desktop.workflow.integrations import intake
from tests.bank import make_bank
from tests.db.test_intake import FIRING
from tests.faults.clusters import Cluster, require_cluster_tools
from tests.faults.load import ROOT
from tests.servers import free_port


@pytest.fixture
def running(tmp_path):
    require_cluster_tools()
    cluster = Cluster("intake").create()
    dbmod.close()
    dbmod.connect(cluster.url())
    ensure_schema()
    seed_defaults()
    bank = make_bank()
    bank.app.code = "IBK"
    bank.app.save()
    put_setting("intake", {"ci_map": {"ibk-web": "IBK"}})
    token = intake.create_token("faults")
    port = free_port()
    log = tmp_path / "intake.log"
    proc = subprocess.Popen([sys.executable, "-m", "desktop.cli", "intake", "--listen", f"127.0.0.1:{port}",
                             "--db-connections", "4"], cwd=ROOT, stdout=log.open("w"), stderr=subprocess.STDOUT,
                            env={**os.environ, "BEACON_LANG": "en", "BEACON_DATABASE_URL": cluster.url()})
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(base + "/healthz", timeout=5).close()
            break
        except OSError:
            assert proc.poll() is None and time.monotonic() < deadline, log.read_text()
            time.sleep(0.2)
    yield cluster, base, port, token
    proc.send_signal(signal.SIGTERM)
    proc.wait(60)
    output = log.read_text()
    assert "Traceback" not in output, output
    dbmod.close()
    cluster.drop()


def _post(base: str, path: str, data: bytes, token: str, content_type: str = "application/json") -> int:
    request = urllib.request.Request(base + path, data=data, method="POST",
                                     headers={"Content-Type": content_type, "Authorization": f"Bearer {token}"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def test_fifty_stalled_connections_hold_no_database_session(running):
    cluster, base, port, token = running
    dbmod.close()  # this test's own session is not the intake's
    before = cluster.sessions()
    stalled = []
    for i in range(50):
        s = socket.create_connection(("127.0.0.1", port))
        if i % 2:  # half stop inside the headers, half after them, before the body
            s.sendall(b"POST /v1/alertmanager HTTP/1.1\r\nHost: x\r\n")
        else:
            s.sendall(f"POST /v1/alertmanager HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\n"
                      "Content-Type: application/json\r\nContent-Length: 5000\r\n\r\n{\"alerts\": [".encode())
        stalled.append(s)
    time.sleep(1)
    busy = cluster.sessions()
    active = int(subprocess.run(["su", "postgres", "-c", f"psql -p {cluster.port} -Atqc \"SELECT count(*) FROM "
                                 "pg_stat_activity WHERE application_name = 'beacon' AND state <> 'idle'\""],
                                capture_output=True, text=True, check=True).stdout.strip())
    started = time.monotonic()
    with urllib.request.urlopen(base + "/healthz", timeout=10) as response:
        health = json.loads(response.read())
    answered = time.monotonic() - started
    status = _post(base, "/v1/alertmanager", json.dumps(FIRING).encode(), token)
    print(f"\n50 stalled connections: {before} Beacon sessions before, {busy} during ({active} not idle); "
          f"/healthz answered in {answered * 1000:.0f} ms: {health}; an alert meanwhile got {status}")
    assert active == 0 and busy <= 4  # at most the pool (--db-connections 4), all idle
    assert health == {"status": "ok"} and answered < 2
    assert status == 200
    for s in stalled:
        s.close()


NASTY = ["", None, 0, -1, 1e308, True, [], {}, "x" * 400, "\u0000", "\ud800", "\udfff", "💥" * 100, "9" * 5000,
         {"a": [1, {"b": None}]}, [[[[[[[[[[[[[[[[[[["deep"]]]]]]]]]]]]]]]]]]], "2026-13-45T99:99:99Z", "0001-01-01"]


def _malformed(rng: random.Random) -> tuple[str, bytes]:
    """One broken request body: a mutated alert, a corrupted encoding, or raw junk."""
    path = rng.choice(["/v1/alertmanager", "/v1/alerts"])
    kind = rng.randrange(6)
    payload = json.loads(json.dumps(FIRING)) if path == "/v1/alertmanager" else {
        "status": "firing", "fingerprint": "fp", "ci": "ibk-web", "title": "t"}
    if kind == 0:  # a field replaced by something nasty
        target = payload["alerts"][0] if path == "/v1/alertmanager" else payload
        target[rng.choice([*target, "extra"])] = rng.choice(NASTY)
        data = json.dumps(target if rng.random() < 0.3 else payload).encode("utf-8", "surrogatepass")
    elif kind == 1:  # labels or annotations full of nasty values
        target = payload["alerts"][0] if path == "/v1/alertmanager" else payload
        target["labels"] = {rng.choice(["", "a", "\ud800", "x" * 200]): rng.choice(NASTY) for _ in range(3)}
        data = json.dumps(payload).encode("utf-8", "surrogatepass")
    elif kind == 2:  # truncated
        text = json.dumps(payload).encode()
        data = text[: rng.randrange(len(text))]
    elif kind == 3:  # bytes flipped
        raw = bytearray(json.dumps(payload).encode())
        for _ in range(rng.randrange(1, 6)):
            raw[rng.randrange(len(raw))] = rng.randrange(256)
        data = bytes(raw)
    elif kind == 4:  # nesting
        depth = rng.choice([20, 100, 1000, 5000, 50000])
        data = b'{"alerts": ' + b"[" * depth + b"]" * depth + b"}"
    else:  # junk, NaN, escapes
        data = rng.choice([b"NaN", b'{"status": Infinity}', b'"\\ud800"', b"\x00\x00", b"{}" * 100, b"null",
                           b'{"alerts": [{"status": "firing", "labels": {"service": "ibk-web\\u0000"}}]}',
                           bytes(rng.randrange(256) for _ in range(rng.randrange(1, 200)))])
    return path, data


def test_five_hundred_malformed_bodies_get_no_500(running):
    _cluster, base, _port, token = running
    rng = random.Random(18)
    statuses: Counter = Counter()
    before = Case.select().count()
    for _ in range(500):
        path, data = _malformed(rng)
        statuses[_post(base, path, data, token)] += 1
    print(f"\n500 malformed bodies: {dict(sorted(statuses.items()))}; "
          f"{Case.select().count() - before} incidents made by the few that were still valid")
    assert 500 not in statuses and sum(statuses.values()) == 500
    assert set(statuses) <= {200, 400, 413, 422}
