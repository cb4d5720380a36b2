"""Reading alert payloads and SR templates, without a database."""

from __future__ import annotations

import copy
import json
from datetime import datetime

import pytest

from desktop.errors import BeaconError
from desktop.models import Notification
from desktop.workflow.integrations.intake import (
    IntakeConfig,
    IntakeError,
    parse_alertmanager,
    parse_body,
    parse_generic,
    parse_time,
)
from desktop.workflow.integrations.intake_server import parse_listen
from desktop.workflow.notify.service_requests import SrDeliveryError, SrSystem, build_request, json_pointer, render_body

CONFIG = IntakeConfig()
ALERT = {"status": "firing", "labels": {"alertname": "DiskFull", "ci": "HOST-01", "severity": "warning"},
         "annotations": {"summary": "디스크 95%"}, "startsAt": "2026-11-27T10:00:00+09:00",
         "endsAt": "0001-01-01T00:00:00Z", "generatorURL": "http://prom/graph"}


def test_alertmanager_alert_reads_title_ci_severity_and_times():
    [alert] = parse_alertmanager({"version": "4", "alerts": [ALERT]}, CONFIG)
    assert alert.title == "[DiskFull] 디스크 95%"
    assert (alert.ci, alert.ci_field, alert.severity) == ("HOST-01", "alerts[0].labels.ci", "warning")
    assert alert.occurred_at == datetime(2026, 11, 27, 1, 0) and alert.ended_at is None  # Go's zero time
    assert "Labels: alertname=DiskFull, ci=HOST-01, severity=warning" in alert.description


def test_service_label_wins_over_ci_and_the_label_list_is_configurable():
    labels = {**ALERT["labels"], "service": "ibk"}
    [alert] = parse_alertmanager({"alerts": [{**ALERT, "labels": labels}]}, CONFIG)
    assert alert.ci == "ibk"
    [alert] = parse_alertmanager({"alerts": [{**ALERT, "labels": labels}]},
                                 IntakeConfig.from_value({"ci_labels": ["ci"]}))
    assert alert.ci == "HOST-01"


def test_without_a_fingerprint_the_same_labels_give_the_same_key():
    a = parse_alertmanager({"alerts": [ALERT]}, CONFIG)[0].fingerprint
    b = parse_alertmanager({"alerts": [copy.deepcopy(ALERT)]}, CONFIG)[0].fingerprint
    other = parse_alertmanager({"alerts": [{**ALERT, "labels": {**ALERT["labels"], "ci": "HOST-02"}}]}, CONFIG)
    assert a == b != other[0].fingerprint


def test_common_labels_fill_in_what_an_alert_leaves_out():
    alert = {**ALERT, "labels": {"alertname": "DiskFull"}}
    [parsed] = parse_alertmanager({"alerts": [alert], "commonLabels": {"service": "ibk", "alertname": "X"}}, CONFIG)
    assert parsed.ci == "ibk" and parsed.labels["alertname"] == "DiskFull"


@pytest.mark.parametrize(("text", "expected"), [
    ("2026-11-27T01:02:03Z", datetime(2026, 11, 27, 1, 2, 3)),
    ("2026-11-27T01:02:03.123456789Z", datetime(2026, 11, 27, 1, 2, 3, 123456)),
    ("2026-11-27T10:02:03.5+09:00", datetime(2026, 11, 27, 1, 2, 3, 500000)),
    ("0001-01-01T00:00:00Z", None),
    ("", None),
])
def test_times(text, expected):
    assert parse_time(text, "t") == expected


@pytest.mark.parametrize(("payload", "field", "en", "ko"), [
    ([], "body", "must be a JSON object", "JSON 객체"),
    ({"alerts": "x"}, "alerts", "non-empty array", "배열"),
    ({"alerts": [ALERT, "x"]}, "alerts[1]", "must be a JSON object", "JSON 객체"),
    ({"alerts": [{**ALERT, "status": None}]}, "alerts[0].status", "is required", "필수"),
    ({"alerts": [{**ALERT, "labels": {"a": 1}}]}, "alerts[0].labels.a", "must be a string", "문자열"),
    ({"alerts": [{**ALERT, "startsAt": "2026-11-27T01:02:03"}]}, "alerts[0].startsAt", "needs a time zone",
     "시간대"),
    ({"alerts": [{**ALERT, "labels": {}}]}, "alerts[0].labels", "at least one label", "레이블"),
])
def test_malformed_alertmanager_payloads_name_the_field(payload, field, en, ko):
    with pytest.raises(IntakeError) as caught:
        parse_alertmanager(payload, CONFIG)
    error = caught.value
    assert error.status == 400 and error.field == field
    assert en in error.reason["en"] and ko in error.reason["ko"]
    assert error.body()["field"] == field


def test_generic_json_single_and_list():
    one = {"fingerprint": "k1", "status": "firing", "title": "T", "ci": "IBK", "severity": "critical"}
    [alert] = parse_generic(one, CONFIG)
    assert (alert.source, alert.ci, alert.ci_field) == ("generic", "IBK", "body.ci")
    alerts = parse_generic({"alerts": [one, {"dedupe_key": "k2", "status": "resolved", "source": "zabbix"}]}, CONFIG)
    assert [(a.fingerprint, a.status, a.source) for a in alerts] == [("k1", "firing", "generic"),
                                                                   ("k2", "resolved", "zabbix")]
    with pytest.raises(IntakeError) as caught:
        parse_generic({**one, "sevrity": "x"}, CONFIG)
    assert caught.value.field == "body.sevrity" and "unknown field" in caught.value.reason["en"]
    with pytest.raises(IntakeError) as caught:
        parse_generic({"fingerprint": "k", "status": "firing"}, CONFIG)
    assert caught.value.field == "body.title"


def test_body_must_be_utf8_json():
    for raw, words in ((b"\xff\xfe", "not UTF-8"), (b"{", "not JSON")):
        with pytest.raises(IntakeError) as caught:
            parse_body("alertmanager", raw, CONFIG)
        assert words in caught.value.reason["en"]


def test_configuration_is_checked_with_a_bilingual_message():
    config = IntakeConfig.from_value({"severity_map": {"CRITICAL": "high"}, "ci_labels": "app"})
    assert config.severity_map == {"critical": "high"} and config.ci_labels == ("app",)
    for bad, key in (({"resolve_on_resolved": "yes"}, "intake.resolve_on_resolved"),
                     ({"ci_mapp": {}}, "intake.ci_mapp"), ({"max_body_bytes": 10}, "intake.max_body_bytes"),
                     ([1], "intake")):
        with pytest.raises(BeaconError) as caught:
            IntakeConfig.from_value(bad)
        assert key in caught.value.message("en") and key in caught.value.message("ko")


def test_listen_address():
    assert parse_listen("127.0.0.1:8787") == ("127.0.0.1", 8787)
    assert parse_listen("[::1]:9000") == ("::1", 9000)
    with pytest.raises(ValueError):
        parse_listen("8787x")


# --- SR templates ----------------------------------------------------------------------

VALUES = {"number": "INC-2026-000123", "title": "방화벽 요청", "grade": 1, "delivery": "sr:7"}


def test_body_template_fills_strings_and_keeps_whole_values_typed():
    body = render_body({"a": "${title} (${number})", "grade": "${grade}", "list": ["${delivery}", 3], "n": None},
                       VALUES)
    assert body == {"a": "방화벽 요청 (INC-2026-000123)", "grade": 1, "list": ["sr:7", 3], "n": None}
    with pytest.raises(SrDeliveryError) as caught:
        render_body({"a": {"b": "${nope}"}}, VALUES)
    assert "body.a.b" in str(caught.value) and "${nope}" in str(caught.value)


def test_json_pointer():
    doc = {"result": {"number": "REQ1", "items": [{"id": 5}], "a/b": 1, "m~n": 2}}
    assert json_pointer(doc, "/result/number") == "REQ1"
    assert json_pointer(doc, "/result/items/0/id") == 5
    assert json_pointer(doc, "/result/a~1b") == 1 and json_pointer(doc, "/result/m~0n") == 2
    assert json_pointer(doc, "/result/missing") is None and json_pointer(None, "/x") is None


def test_request_carries_the_idempotency_key_and_filled_headers():
    row = Notification(dedupe_key="sr:7", payload=json.dumps({"fields": VALUES}))
    system = SrSystem(name="itsm", url="https://itsm.example/api/${number}", method="put",
                      headers={"Authorization": "Basic abc", "X-Ref": "${number}"}, body={"t": "${title}"})
    request = build_request(row, system)
    assert request.url == "https://itsm.example/api/INC-2026-000123" and request.method == "PUT"
    assert request.headers["Idempotency-Key"] == "sr:7" and request.headers["X-Ref"] == "INC-2026-000123"
    assert json.loads(request.body) == {"t": "방화벽 요청"}
    with pytest.raises(SrDeliveryError):
        build_request(row, SrSystem(name="itsm", url="https://x", method="DELETE"))
