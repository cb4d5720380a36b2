""""What changed?" on SQLite and PostgreSQL: the changes and work orders completed on an incident's application
or its related CIs in the days before it, newest first with their reasons; marking one as the suspected cause
writes the link and an event in one transaction."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest

from desktop.errors import BeaconError
from desktop.models import Case, CaseLink, Change, CIRelation, ConfigurationItem, Event, WorkOrder, database
from desktop.models.numbering import create_case
from desktop.workflow.common.settings import put_setting
from desktop.workflow.prevention.changes import mark_suspected_cause, what_changed
from tests import factories
from tests.bank import make_bank

OCCURRED = datetime(2026, 6, 10, 1, 0)  # naive UTC: 10:00 in Seoul


def change(*, ci: ConfigurationItem, implemented: datetime | None, by, title: str, state: str = "implemented") -> int:
    with database.atomic():
        case = create_case("change", year=2026, created_at=(implemented or OCCURRED) - timedelta(days=1))
        Change.create(case=case, title=title, application=ci, state=state, requested_by=by,
                      requested_at=(implemented or OCCURRED) - timedelta(days=1), implemented_at=implemented)
    return int(case.id)


def work_order(*, parent_id: int, finished: datetime, by, title: str, state: str = "done") -> int:
    with database.atomic():
        case = create_case("work_order", year=2026, created_at=finished - timedelta(hours=3))
        WorkOrder.create(case=case, parent=parent_id, title=title, state=state, issued_by=by,
                         issued_at=finished - timedelta(hours=3), finished_at=finished)
    return int(case.id)


@pytest.fixture
def scene(db):
    bank = make_bank()
    by = bank.users["handler"]
    other_app = factories.application(code="APP-OTHER", name="그룹웨어", name_en="Groupware")
    server = ConfigurationItem.create(code="SRV-WAS01", name="채널계 WAS", name_en="Channel WAS", kind="server")
    switch = ConfigurationItem.create(code="NW-CORE", name="백본 스위치", name_en="Backbone switch", kind="network")
    CIRelation.create(source=bank.app, target=server, kind="runs_on")
    CIRelation.create(source=server, target=switch, kind="connects_to")
    incident = factories.incident(reporter=bank.users["customer"], app=bank.app, state="in_progress",
                                  at=OCCURRED + timedelta(minutes=12), occurred_at=OCCURRED,
                                  assignee=bank.users["handler"])
    earlier = factories.incident(reporter=bank.users["customer"], app=bank.app, state="closed",
                                 at=OCCURRED - timedelta(days=4))
    ids = {
        "app_2d": change(ci=bank.app, implemented=OCCURRED - timedelta(days=2), by=by, title="세션 설정 변경"),
        "other_1d": change(ci=other_app, implemented=OCCURRED - timedelta(days=1), by=by, title="그룹웨어 패치"),
        "switch_5d": change(ci=switch, implemented=OCCURRED - timedelta(days=5, hours=3), by=by,
                            title="스위치 펌웨어 업그레이드"),
        "app_8d": change(ci=bank.app, implemented=OCCURRED - timedelta(days=8), by=by, title="지난주 배포"),
        "requested_only": change(ci=bank.app, implemented=None, by=by, title="아직 안 한 변경", state="requested"),
        "after": change(ci=bank.app, implemented=OCCURRED + timedelta(hours=1), by=by, title="발생 후 변경"),
        "wo_1h": work_order(parent_id=earlier.case_id, finished=OCCURRED - timedelta(hours=1), by=by,
                            title="WAS 힙 설정 조정"),
        "wo_returned": work_order(parent_id=earlier.case_id, finished=OCCURRED - timedelta(hours=2), by=by,
                                  title="반송된 작업", state="returned"),
    }
    return bank, incident.case_id, ids


def test_lists_changes_on_the_application_and_related_cis_newest_first_with_why(scene):
    bank, incident_id, ids = scene
    found = what_changed(actor_id=bank.id("handler"), case_id=incident_id)
    assert found.days == 7 and found.moment == OCCURRED and not found.from_registration
    assert [i.case_id for i in found.items] == [ids["wo_1h"], ids["app_2d"], ids["switch_5d"]]
    wo, app_change, switch_change = found.items
    assert app_change.kind == "change" and app_change.same_application
    assert app_change.minutes_before == 2 * 24 * 60
    assert app_change.reason("ko") == "같은 업무시스템 · 발생 2일 전"
    assert app_change.reason("en") == "same application · 2d before it occurred"
    assert wo.kind == "work_order" and wo.same_application
    assert wo.reason("en") == "same application · 1h before it occurred"
    assert switch_change.ci_code == "NW-CORE"
    assert switch_change.reason("en") == ("related CI NW-CORE (runs on SRV-WAS01 → connects to NW-CORE) · "
                                          "5d 3h before it occurred")
    assert switch_change.reason("ko") == ("관련 구성 항목 NW-CORE (실행 기반 SRV-WAS01 → 연결 NW-CORE) · "
                                          "발생 5일 3시간 전")
    # the change on the unrelated application is never listed, nor anything after the occurrence
    assert ids["other_1d"] not in [i.case_id for i in found.items]


def test_the_window_is_a_setting(scene):
    bank, incident_id, ids = scene
    put_setting("what_changed_days", 10)
    found = what_changed(actor_id=bank.id("handler"), case_id=incident_id)
    assert found.days == 10
    assert [i.case_id for i in found.items][-1] == ids["app_8d"]
    with pytest.raises(BeaconError) as caught:
        put_setting("what_changed_days", 0)
    assert "what_changed_days" in caught.value.message("en")


def test_marking_the_suspected_cause_writes_a_link_and_events(scene):
    bank, incident_id, ids = scene
    handler = bank.id("handler")
    done = mark_suspected_cause(actor_id=handler, incident_id=incident_id, cause_id=ids["app_2d"])
    assert done.cause_id == ids["app_2d"] and done.previous_number == ""
    links = list(CaseLink.select().where(CaseLink.source == incident_id).tuples())
    assert [(link[2], link[3]) for link in links] == [(ids["app_2d"], "suspected_cause")]
    event = Event.get((Event.case == incident_id) & (Event.kind == "suspected_cause"))
    number = Case.get_by_id(ids["app_2d"]).number
    assert json.loads(event.after) == {"suspected_cause": number} and event.actor_id == handler
    assert Event.select().where((Event.case == ids["app_2d"]) & (Event.kind == "suspected_cause")).count() == 1
    assert what_changed(actor_id=handler, case_id=incident_id).suspected.case_id == ids["app_2d"]

    # another one replaces it (one suspected cause at a time); the earlier change hears of it
    mark_suspected_cause(actor_id=handler, incident_id=incident_id, cause_id=ids["wo_1h"])
    assert [t for (t,) in CaseLink.select(CaseLink.target).where(
        (CaseLink.source == incident_id) & (CaseLink.kind == "suspected_cause")).tuples()] == [ids["wo_1h"]]
    assert Event.select().where((Event.case == ids["app_2d"])
                                & (Event.kind == "suspected_cause_cleared")).count() == 1
    # and it can be cleared
    mark_suspected_cause(actor_id=handler, incident_id=incident_id, cause_id=None)
    assert not CaseLink.select().where(CaseLink.kind == "suspected_cause").exists()
    assert CaseLink.select().where((CaseLink.source == incident_id) & (CaseLink.kind == "suspect_cleared")).count() == 1
    assert what_changed(actor_id=handler, case_id=incident_id).suspected is None
    assert Event.select().where((Event.case == incident_id) & (Event.kind == "suspected_cause_cleared")).count() == 1


def test_only_a_listed_change_by_someone_allowed(scene):
    bank, incident_id, ids = scene
    events = Event.select().count()
    with pytest.raises(BeaconError) as caught:  # the unrelated application's change is not a candidate
        mark_suspected_cause(actor_id=bank.id("handler"), incident_id=incident_id, cause_id=ids["other_1d"])
    assert "7 days" in caught.value.message("en")
    with pytest.raises(BeaconError) as caught:  # a customer cannot judge the cause
        mark_suspected_cause(actor_id=bank.id("customer"), incident_id=incident_id, cause_id=ids["app_2d"])
    assert caught.value.code == "workflow.not_allowed"
    assert not CaseLink.select().where(CaseLink.kind == "suspected_cause").exists()
    assert Event.select().count() == events  # nothing half-written
