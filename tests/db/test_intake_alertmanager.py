"""A real Prometheus Alertmanager (Debian's `prometheus-alertmanager`, with `amtool`) pointed at the intake.

Alerts go into Alertmanager the way Prometheus and an operator send them (its v2 API and `amtool alert
add`); Alertmanager groups them and calls the intake's webhook with its own payloads, bearer token and
fingerprints. The test waits for the incidents and reads Alertmanager's own counters: every notification
it sent was accepted (none failed, so it never re-sends a group forever). Skipped, saying why, where the
binaries are not installed (`apt-get install prometheus-alertmanager`).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.models import Case, ConfigurationItem, Event, Incident
from desktop.workflow.integrations import intake
from desktop.workflow.integrations.intake_server import make_server
from tests.db.test_intake_mapping import cmdb as cmdb
from tests.db.test_intake_mapping import korean_texts as korean_texts
from tests.servers import free_port

ALERTMANAGER = shutil.which("prometheus-alertmanager") or shutil.which("alertmanager")
AMTOOL = shutil.which("amtool")

pytestmark = pytest.mark.skipif(
    ALERTMANAGER is None or AMTOOL is None,
    reason="Prometheus Alertmanager is not installed (apt-get install prometheus-alertmanager: "
           "/usr/bin/prometheus-alertmanager and /usr/bin/amtool)")

CONFIG = """
route:
  receiver: beacon
  group_by: ['cluster']   # no alert has it: every alert in one group, as a busy real group is
  group_wait: 1s
  group_interval: 2s
  repeat_interval: 1h
receivers:
  - name: beacon
    webhook_configs:
      - url: {url}
        send_resolved: true
        max_alerts: 0
        http_config:
          authorization:
            type: Bearer
            credentials: {token}
"""


class Alertmanager:
    def __init__(self, url: str) -> None:
        self.url = url

    def post(self, alerts: list[dict]) -> None:
        request = urllib.request.Request(self.url + "/api/v2/alerts", data=json.dumps(alerts).encode(),
                                         headers={"Content-Type": "application/json"}, method="POST")
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.status == 200

    def metric(self, name: str, **labels: str) -> float:
        with urllib.request.urlopen(self.url + "/metrics", timeout=10) as response:
            text = response.read().decode()
        total = 0.0
        for line in text.splitlines():
            if line.startswith(name + "{") and all(f'{k}="{v}"' in line for k, v in labels.items()):
                total += float(line.rsplit(" ", 1)[1])
        return total


@pytest.fixture
def alertmanager(cmdb, tmp_path: Path) -> Iterator[Alertmanager]:
    token = intake.create_token("alertmanager")
    srv = make_server("127.0.0.1", 0)
    thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    config = tmp_path / "alertmanager.yml"
    config.write_text(CONFIG.format(url=f"http://127.0.0.1:{srv.server_address[1]}/v1/alertmanager", token=token))
    port = free_port()
    log = (tmp_path / "alertmanager.log").open("w")
    proc = subprocess.Popen([ALERTMANAGER, f"--config.file={config}", f"--storage.path={tmp_path / 'data'}",
                             f"--web.listen-address=127.0.0.1:{port}", "--cluster.listen-address="],
                            stdout=log, stderr=subprocess.STDOUT)
    am = Alertmanager(f"http://127.0.0.1:{port}")
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(am.url + "/-/ready", timeout=2):
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError((tmp_path / "alertmanager.log").read_text()) from None
                time.sleep(0.2)
        yield am
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        log.close()
        srv.shutdown()
        srv.server_close()


def wait_for(predicate, seconds: float = 40.0) -> None:
    deadline = time.monotonic() + seconds
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.25)


def application_of(title_part: str) -> str:
    incident = Incident.get(Incident.title.contains(title_part))
    return ConfigurationItem.get_by_id(incident.application_id).code


def test_a_real_alertmanager_group_makes_every_incident(alertmanager, cmdb):
    am = alertmanager
    am.post([
        {"labels": {"alertname": "NodeFilesystemAlmostOutOfSpace", "instance": "srv-ch-was01.bank.local:9100",
                    "job": "node", "mountpoint": "/", "severity": "warning"},
         "annotations": {"summary": "/ 사용률 95%"}, "generatorURL": "http://prometheus:9090/graph"},
        {"labels": {"alertname": "PostgresDown", "service": "SRV-DB01", "instance": "10.1.2.3:9187",
                    "job": "postgres", "severity": "critical"}, "annotations": {"summary": "PostgreSQL 중지"}},
        {"labels": {"alertname": "KubePodCrashLooping", "service": "kube-state-metrics", "job": "kube-state-metrics",
                    "instance": "10.244.1.5:8080", "namespace": "payments", "pod": "payments-api-7d9f",
                    "severity": "warning"}, "annotations": {"summary": "payments-api 재시작 반복"}},
    ])
    # an operator's alert by hand, with Alertmanager's own command-line client
    subprocess.run([AMTOOL, f"--alertmanager.url={am.url}", "alert", "add", "alertname=OracleTablespaceFull",
                    "service=DB-DW", "job=oracle", "severity=info", "--annotation=summary=DW 테이블스페이스 90%"],
                   check=True, capture_output=True, timeout=30)

    wait_for(lambda: Incident.select().count() >= 4)
    time.sleep(3)  # one more group interval: nothing is re-sent as a new incident

    assert Incident.select().count() == 4
    assert application_of("NodeFilesystemAlmostOutOfSpace") == "APP-IB"  # by instance → host → server
    assert application_of("PostgresDown") == "APP-IB"  # server → database → applications
    assert application_of("KubePodCrashLooping") == "APP-TRIAGE"  # nothing maps: triage
    assert application_of("OracleTablespaceFull") == "APP-INFO"  # a database CI
    triaged = Event.get((Event.entity == "intake") & (Event.kind == "alert_triaged"))
    assert json.loads(triaged.after)["labels"]["pod"] == "payments-api-7d9f"
    assert am.metric("alertmanager_notifications_total", integration="webhook") >= 1
    assert am.metric("alertmanager_notifications_failed_total", integration="webhook") == 0

    # resolved: Alertmanager tells the intake, which notes it on each incident
    am.post([{"labels": {"alertname": "PostgresDown", "service": "SRV-DB01", "instance": "10.1.2.3:9187",
                         "job": "postgres", "severity": "critical"}, "annotations": {"summary": "PostgreSQL 중지"},
              "endsAt": "2020-01-01T00:00:00Z"}])
    incident = Incident.get(Incident.title.contains("PostgresDown"))
    number = Case.get_by_id(incident.case_id).number
    wait_for(lambda: intake.AlertLink.get(intake.AlertLink.case == incident.case_id).last_status == "resolved")
    assert Incident.select().count() == 4 and number
    assert am.metric("alertmanager_notifications_failed_total", integration="webhook") == 0
