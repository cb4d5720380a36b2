"""Every alert lands: Alertmanager payloads with the labels real rules carry, posted to a running intake.

A small CMDB like the demo bank's: Internet Banking (high impact) and Mobile Banking (medium) run on the
channel WAS and depend on the channel database, which runs on the DB server; the DW (low) depends on the
DW database. A node-exporter alert names a host only by `instance`; a rule's `service` label may name a
server or a database CI; kube-state-metrics alerts carry `service=kube-state-metrics`, which is no CI at
all. Each alert of a group gets its own outcome; only a malformed payload is refused.
"""

from __future__ import annotations

import copy
import json
import logging
from collections.abc import Iterator
from typing import Any

import pytest

from desktop.models import AlertLink, Case, CIRelation, ConfigurationItem, Event, Grade, ImpactLevel, Incident
from desktop.workflow.common.settings import put_setting
from desktop.workflow.integrations import intake
from tests.bank import make_bank
from tests.db.test_intake import Intake, counts, serving
from tests.db.test_intake import korean_texts as korean_texts


def _ci(code: str, kind: str, impact: str | None = None, name: str = "") -> ConfigurationItem:
    level = ImpactLevel.get(ImpactLevel.code == impact) if impact else None
    return ConfigurationItem.create(code=code, name=name or code, name_en=name or code, kind=kind, impact=level)


@pytest.fixture
def cmdb(db) -> dict[str, ConfigurationItem]:
    bank = make_bank(impact="high")
    bank.app.code, bank.app.name = "APP-IB", "인터넷뱅킹"
    bank.app.save()
    ci = {"APP-IB": bank.app, "APP-MB": _ci("APP-MB", "application", "medium", "모바일뱅킹"),
          "APP-INFO": _ci("APP-INFO", "application", "low", "정보계"),
          "APP-TRIAGE": _ci("APP-TRIAGE", "application", "low", "모니터링 분류"),
          "SRV-CH-WAS01": _ci("SRV-CH-WAS01", "server"), "SRV-DB01": _ci("SRV-DB01", "server"),
          "DB-CHANNEL": _ci("DB-CHANNEL", "database"), "DB-DW": _ci("DB-DW", "database"),
          "SRV-SPARE": _ci("SRV-SPARE", "server")}
    for source, kind, target in (("APP-IB", "runs_on", "SRV-CH-WAS01"), ("APP-MB", "runs_on", "SRV-CH-WAS01"),
                                 ("APP-IB", "depends_on", "DB-CHANNEL"), ("APP-MB", "depends_on", "DB-CHANNEL"),
                                 ("DB-CHANNEL", "runs_on", "SRV-DB01"), ("APP-INFO", "depends_on", "DB-DW")):
        CIRelation.create(source=ci[source], target=ci[target], kind=kind)
    put_setting("intake", {"triage_application": "APP-TRIAGE"})
    return ci


@pytest.fixture
def server(cmdb) -> Iterator[Intake]:
    yield from serving("alertmanager")


def alert(fingerprint: str, labels: dict[str, str], summary: str) -> dict[str, Any]:
    return {"status": "firing", "labels": labels, "annotations": {"summary": summary},
            "startsAt": "2026-12-03T01:00:00.5Z", "endsAt": "0001-01-01T00:00:00Z",
            "generatorURL": "http://prometheus:9090/graph", "fingerprint": fingerprint}


def group(*alerts: dict[str, Any]) -> dict[str, Any]:
    return {"receiver": "beacon", "status": "firing", "alerts": list(alerts), "groupLabels": {}, "commonLabels": {},
            "commonAnnotations": {}, "externalURL": "http://alertmanager:9093", "version": "4",
            "groupKey": "{}:{}", "truncatedAlerts": 0}


NODE = alert("a1b2c3d4e5f60001", {"alertname": "NodeFilesystemAlmostOutOfSpace",
                                  "instance": "srv-ch-was01.bank.local:9100", "job": "node", "device": "/dev/sda1",
                                  "mountpoint": "/", "fstype": "ext4", "severity": "warning"}, "/ 사용률 95%")
SERVER = alert("a1b2c3d4e5f60002", {"alertname": "PostgresDown", "service": "SRV-DB01", "instance": "10.1.2.3:9187",
                                    "job": "postgres", "severity": "critical"}, "DB 서버 PostgreSQL 중지")
KUBE = alert("a1b2c3d4e5f60003", {"alertname": "KubePodCrashLooping", "service": "kube-state-metrics",
                                  "job": "kube-state-metrics", "instance": "10.244.1.5:8080", "namespace": "payments",
                                  "pod": "payments-api-7d9f", "container": "api", "severity": "warning"},
              "payments/payments-api-7d9f 재시작 반복")
DW = alert("a1b2c3d4e5f60004", {"alertname": "OracleTablespaceFull", "service": "db-dw", "job": "oracle",
                                "severity": "info"}, "DW 테이블스페이스 90%")


def incident_of(result: dict[str, str]) -> Incident:
    return Incident.get_by_id(Case.get(Case.number == result["incident"]).id)


def test_a_node_exporter_alert_lands_on_the_widest_application_running_on_its_host(cmdb, server):
    status, body = server.post("/v1/alertmanager", group(NODE))

    assert status == 200, body
    [result] = body["results"]
    assert result["outcome"] == "created" and result["application"] == "APP-IB"
    assert result["rule"] == ("alerts[0].labels.instance=srv-ch-was01.bank.local:9100 → SRV-CH-WAS01 (server) "
                              "→ APP-IB")
    incident = incident_of(result)
    assert incident.application_id == cmdb["APP-IB"].id
    assert ImpactLevel.get_by_id(incident.impact_id).code == "high"  # the highest of Internet (high), Mobile (medium)
    assert Grade.get_by_id(incident.grade_id).level == 2  # warning → medium urgency × high impact
    assert "영향 업무시스템: APP-IB, APP-MB" in incident.description
    assert not Event.select().where(Event.entity == "intake").exists()  # nothing for an administrator to look at


def test_a_server_or_database_ci_in_service_reaches_the_applications_through_the_cmdb(cmdb, server):
    status, body = server.post("/v1/alertmanager", group(SERVER, DW))

    assert status == 200, body
    server_result, dw_result = body["results"]
    # SRV-DB01 carries DB-CHANNEL, on which Internet and Mobile Banking depend
    assert server_result["outcome"] == "created" and server_result["application"] == "APP-IB"
    assert "SRV-DB01 (server) → APP-IB" in server_result["rule"]
    assert Grade.get_by_id(incident_of(server_result).grade_id).level == 1  # critical × high
    # a database CI, named in lower case as a rule's label would: the DW depends on it
    assert dw_result["outcome"] == "created" and dw_result["application"] == "APP-INFO"
    assert "DB-DW (database) → APP-INFO" in dw_result["rule"]
    assert Grade.get_by_id(incident_of(dw_result).grade_id).level == 4  # info → low × low


def test_an_unknown_service_goes_to_the_triage_application_and_is_listed(cmdb, server, caplog):
    caplog.set_level(logging.INFO, logger="beacon.intake")

    status, body = server.post("/v1/alertmanager", group(KUBE))

    assert status == 200, body
    [result] = body["results"]
    assert result["outcome"] == "triaged" and result["application"] == "APP-TRIAGE"
    assert "service=kube-state-metrics" in result["reason"] and "instance=10.244.1.5:8080" in result["reason"]
    assert "kube-state-metrics" in result["reason_ko"]
    incident = incident_of(result)
    assert incident.application_id == cmdb["APP-TRIAGE"].id and "분류 대기" in incident.description
    [event] = Event.select().where(Event.entity == "intake")
    kept = json.loads(event.after)
    assert event.kind == "alert_triaged" and event.case_id == incident.case_id
    assert kept["labels"]["pod"] == "payments-api-7d9f" and kept["incident"] == result["incident"]
    assert any("outcome=triaged" in r.getMessage() and "a1b2c3d4e5f60003" in r.getMessage() for r in caplog.records)

    status, body = server.post("/v1/alertmanager", group(KUBE))  # Alertmanager's next group interval
    assert status == 200 and body["results"][0]["outcome"] == "repeated"
    assert Incident.select().count() == 1


def test_without_a_triage_application_an_unmapped_alert_is_held_not_refused(cmdb, server):
    put_setting("intake", {})
    before = counts()

    status, body = server.post("/v1/alertmanager", group(KUBE))

    assert status == 200, body  # Alertmanager must not re-send it forever
    [result] = body["results"]
    assert result["outcome"] == "held" and result["incident"] == ""
    assert "no triage application is set" in result["reason"] and "보류" in result["reason_ko"]
    assert Incident.select().count() == 0
    [event] = Event.select().where(Event.entity == "intake")
    assert event.kind == "alert_held" and event.case_id is None
    assert counts()["events"] == before["events"] + 1


def test_a_mixed_group_gives_each_alert_its_own_outcome(cmdb, server):
    _ci("APP-NOIMPACT", "application")  # an application an administrator left without impact
    broken = alert("a1b2c3d4e5f60005", {"alertname": "BatchLate", "service": "APP-NOIMPACT"}, "배치 지연")
    payload = group(NODE, KUBE, broken, DW)

    status, body = server.post("/v1/alertmanager", payload)

    assert status == 200, body
    assert [(r["fingerprint"][-1], r["outcome"], r.get("application", "")) for r in body["results"]] == [
        ("1", "created", "APP-IB"), ("3", "triaged", "APP-TRIAGE"), ("5", "refused", ""), ("4", "created", "APP-INFO")]
    refused = body["results"][2]
    assert "impact" in refused["reason"] and refused["reason_ko"]
    assert Incident.select().count() == 3  # the refused alert's writes undone, the others kept
    assert not AlertLink.select().where(AlertLink.fingerprint == "a1b2c3d4e5f60005").exists()
    kinds = sorted(e.kind for e in Event.select().where(Event.entity == "intake"))
    assert kinds == ["alert_refused", "alert_triaged"]


def test_an_unmapped_alert_no_longer_sinks_the_mappable_ones(cmdb, server):
    good = alert("f00d000000000001", {"alertname": "HighLatency", "service": "APP-IB", "severity": "critical"}, "지연")
    payroll = alert("f00d000000000002", {"alertname": "HighLatency", "service": "payroll"}, "지연")
    put_setting("intake", {})

    status, body = server.post("/v1/alertmanager", group(good, payroll))

    assert status == 200
    assert [r["outcome"] for r in body["results"]] == ["created", "held"]
    assert "service=payroll" in body["results"][1]["reason"]


def test_a_malformed_alert_in_a_group_is_the_only_refusal(cmdb, server):
    bad = copy.deepcopy(NODE)
    bad["labels"] = "instance=srv-ch-was01:9100"
    before = counts()

    status, body = server.post("/v1/alertmanager", group(KUBE, bad))

    assert status == 400 and body["field"] == "alerts[1].labels"
    assert counts() == before


def test_the_triage_application_is_checked_by_the_settings_schema(cmdb):
    from desktop.errors import BeaconError

    with pytest.raises(BeaconError) as caught:
        put_setting("intake", {"triage_application": "APP-NOPE"})
    assert "intake.triage_application" in caught.value.message("en")
    assert "active application" in caught.value.message("en") and "활성 업무시스템" in caught.value.message("ko")
    with pytest.raises(BeaconError) as caught:
        put_setting("intake", {"triage_aplication": "APP-TRIAGE"})
    assert "intake.triage_aplication" in caught.value.message("en") and "triage_application" in \
        caught.value.message("en")
    with pytest.raises(BeaconError):
        put_setting("intake", {"triage_application": "SRV-DB01"})  # a server is no application


def test_a_configuration_fault_is_a_5xx_so_alertmanager_keeps_the_alerts_and_retries(cmdb, server):
    from desktop.models import User

    intake.system_actor(intake.load_config())
    User.update(is_active=False).where(User.login == "monitoring").execute()
    before = counts()

    status, body = server.post("/v1/alertmanager", group(NODE, KUBE))

    assert status == 500 and body["error"] == "configuration" and "'monitoring' is disabled" in body["reason"]
    assert counts() == before
    User.update(is_active=True).where(User.login == "monitoring").execute()
    status, body = server.post("/v1/alertmanager", group(NODE, KUBE))  # the retry, once it is fixed
    assert status == 200 and [r["outcome"] for r in body["results"]] == ["created", "triaged"]
