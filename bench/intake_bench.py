"""What the monitoring intake costs per alert, over real HTTP on 127.0.0.1.

    .venv/bin/python bench/intake_bench.py [--database URL] [--alerts 200] [--clients 4]

Starts the intake in this process on a free port (a throw-away SQLite file unless
`--database` names an empty database), then `--clients` threads post Alertmanager payloads:
first `--alerts` distinct firing alerts (each registers an incident: grade, assignment,
propagation, SLA clocks), then the same alerts again (each adds an action to its open
incident), then all of them resolved. Prints requests per second and the median and p95
latency of each phase. Goal: a new incident under 100 ms at the median on SQLite, so a storm
of 100 alerts is in the database within seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

os.environ.setdefault("BEACON_FAST_HASH", "1")
os.environ.setdefault("BEACON_BENCH", "1")  # the fast hash is allowed in tests and benchmarks only
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.models import ConfigurationItem, ImpactLevel, Incident, ensure_schema
from desktop.models import db as dbmod
from desktop.workflow.admin.defaults import seed_defaults
from desktop.workflow.common.settings import put_setting
from desktop.workflow.integrations import intake
from desktop.workflow.integrations.intake_server import make_server


def payload(i: int, status: str) -> bytes:
    alert = {"status": status, "labels": {"alertname": "HighLatency", "service": "IBK", "severity": "critical",
                                          "instance": f"web{i:04d}:9100"},
             "annotations": {"summary": f"인터넷뱅킹 응답 지연 web{i:04d}"}, "startsAt": "2026-11-27T01:02:03Z",
             "endsAt": "0001-01-01T00:00:00Z", "fingerprint": f"bench{i:06d}"}
    return json.dumps({"version": "4", "status": status, "alerts": [alert]}).encode()


def post(url: str, token: str, body: bytes) -> float:
    request = urllib.request.Request(url, data=body, method="POST", headers={
        "Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=60) as response:
        response.read()
        assert response.status == 200
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", help="an empty database URL (default: a temporary SQLite file)")
    parser.add_argument("--alerts", type=int, default=200)
    parser.add_argument("--clients", type=int, default=4)
    args = parser.parse_args()
    url = args.database or f"sqlite:///{Path(tempfile.mkdtemp()) / 'intake-bench.db'}"
    dbmod.connect(url)
    ensure_schema()
    seed_defaults()
    ConfigurationItem.create(code="IBK", name="인터넷뱅킹", name_en="Internet banking", kind="application",
                             impact=ImpactLevel.get(ImpactLevel.code == "high"))
    put_setting("intake", {})
    token = intake.create_token("bench")
    server = make_server("127.0.0.1", 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    endpoint = f"http://127.0.0.1:{server.server_address[1]}/v1/alertmanager"
    print(f"intake bench: {args.alerts} alerts, {args.clients} clients, {dbmod.backend()}")
    for phase, status in (("new incident", "firing"), ("repeat (action)", "firing"), ("resolved", "resolved")):
        bodies = [payload(i, status) for i in range(args.alerts)]
        started = time.perf_counter()
        with ThreadPoolExecutor(args.clients) as pool:
            times = sorted(pool.map(lambda b: post(endpoint, token, b), bodies))
        wall = time.perf_counter() - started
        p95 = times[int(len(times) * 0.95) - 1]
        print(f"  {phase:16s} {len(times) / wall:7.1f} req/s   median {statistics.median(times) * 1000:6.1f} ms"
              f"   p95 {p95 * 1000:6.1f} ms")
    print(f"  incidents in the database: {Incident.select().count()}")
    server.shutdown()
    server.server_close()


if __name__ == "__main__":
    main()
