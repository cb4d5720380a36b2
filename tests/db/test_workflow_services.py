"""Lists, timelines and bulk actions as the GUI will call them."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desktop.errors import BeaconError
from desktop.models import Event, Incident
from desktop.workflow.cases import case_service as cs
from desktop.workflow.cases.queries import IncidentFilter, list_incidents, timeline
from desktop.workflow.engine.process import state_label
from tests.bank import T0, make_bank

CLOSE = {"resolution": "재기동", "cause": "메모리 누수", "result": "정상화", "follow_up_plan": "모니터링",
         "recurrence_prevention": "패치 적용"}


def _register(bank, i, *, title=None, urgency="high"):
    return cs.register_incident(actor_id=bank.id("customer"), title=title or f"장애 {i:03d} 로그인 지연",
                                description="설명", application_id=bank.app.id, urgency=urgency,
                                incident_type="application", now=T0 + timedelta(minutes=i // 2))


def test_keyset_pages_cover_every_row_once_newest_first(db):
    bank = make_bank()
    made = [_register(bank, i).number for i in range(45)]
    rows, cursor, pages = [], None, 0
    while True:
        page = list_incidents(actor_id=bank.id("admin"), after=cursor, limit=10)
        rows += page.rows
        pages += 1
        if page.next_cursor is None:
            break
        cursor = page.next_cursor
    seen = [r.number for r in rows]
    assert pages == 5 and sorted(seen) == sorted(made) and len(seen) == len(set(seen))
    keys = [(r.registered_at, r.case_id) for r in rows]
    assert keys == sorted(keys, reverse=True)  # two incidents share each minute: the id breaks the tie


def test_filters_state_grade_application_assignee_text_period(db):
    bank = make_bank()
    a = _register(bank, 1, title="인터넷뱅킹 이체 오류")
    b = _register(bank, 20, title="모바일 로그인 지연", urgency="low")
    cs.accept_incident(actor_id=bank.id("other_handler"), case_id=b.case_id, version=b.version, assign_to_me=True)
    admin = bank.id("admin")

    def numbers(**kw):
        return [r.number for r in list_incidents(actor_id=admin, filters=IncidentFilter(**kw)).rows]

    assert numbers(states=("accepted",)) == [b.number]
    assert numbers(grades=(1,)) == [a.number]
    assert numbers(grades=(3,)) == [b.number]
    assert numbers(application_ids=(bank.app.id,)) == [b.number, a.number]
    assert numbers(assignee_id=bank.id("other_handler")) == [b.number]
    assert numbers(text="이체 오류") == [a.number]
    assert numbers(text="로그인") == [b.number]
    assert numbers(text="Login") == []
    assert numbers(registered_from=T0 + timedelta(minutes=5)) == [b.number]
    assert numbers(registered_to=T0 + timedelta(minutes=5)) == [a.number]


def test_timeline_merges_events_and_actions_in_time_order(db):
    bank = make_bank()
    r = _register(bank, 0)
    h = bank.id("handler")
    a = cs.accept_incident(actor_id=h, case_id=r.case_id, version=r.version, now=T0 + timedelta(minutes=3))
    cs.add_action(actor_id=h, case_id=r.case_id, body="WAS 로그 확인", kind="investigation",
                  acted_at=T0 + timedelta(minutes=5), now=T0 + timedelta(minutes=20))
    s = cs.transition(actor_id=h, case_id=r.case_id, name="start", version=a.version, now=T0 + timedelta(minutes=10))
    cs.close_incident(actor_id=h, case_id=r.case_id, version=s.version, now=T0 + timedelta(minutes=40), **CLOSE)
    entries = timeline(actor_id=h, case_id=r.case_id)
    assert [(e.kind, e.at - T0) for e in entries] == [
        ("register", timedelta(0)), ("accept", timedelta(minutes=3)), ("action", timedelta(minutes=5)),
        ("start", timedelta(minutes=10)), ("close", timedelta(minutes=40))]
    assert entries[2].note == "WAS 로그 확인" and entries[2].actor == "handler님"
    assert state_label("incident", "accepted", "ko") == "접수 및 전파"
    assert state_label("incident", "accepted", "en") == "Accepted & propagated"


def test_actions_need_text_and_an_allowed_state(db):
    bank = make_bank()
    r = _register(bank, 0)
    with pytest.raises(BeaconError) as caught:
        cs.add_action(actor_id=bank.id("handler"), case_id=r.case_id, body="조치")
    assert caught.value.code == "workflow.bad_state"  # actions start once the incident is accepted
    cs.accept_incident(actor_id=bank.id("handler"), case_id=r.case_id, version=r.version)
    with pytest.raises(BeaconError):
        cs.add_action(actor_id=bank.id("handler"), case_id=r.case_id, body="   ")
    done = cs.add_action(actor_id=bank.id("handler"), case_id=r.case_id, body="DB 세션 정리", minutes_spent=15)
    assert Event.get_by_id(done.event_id).note == "DB 세션 정리"


def test_bulk_regrade_and_close_report_each_case(db):
    bank = make_bank()
    cases = [_register(bank, i) for i in range(4)]
    for c in cases[:3]:
        cs.accept_incident(actor_id=bank.id("handler"), case_id=c.case_id, version=c.version)
    results = cs.bulk_regrade(actor_id=bank.id("lead"), case_ids=[c.case_id for c in cases], grade=2,
                              reason="일괄 조정")
    assert [r.ok for r in results] == [True, True, True, True]
    closed = cs.bulk_close(actor_id=bank.id("handler"), case_ids=[c.case_id for c in cases], **CLOSE)
    assert [r.ok for r in closed] == [True, True, True, False]
    assert closed[3].number == cases[3].number and "등록" in closed[3].message  # still registered: cannot close
    assert Incident.get_by_id(cases[3].case_id).state == "registered"
    assigned = cs.bulk_assign(actor_id=bank.id("outsider"), case_ids=[cases[3].case_id],
                              assignee_id=bank.id("other_handler"))
    assert not assigned[0].ok and "권한" in assigned[0].message


def test_problem_and_work_order_lists_and_links(db):
    from desktop.workflow.cases.queries import CaseFilter, linked_cases, list_cases, work_orders_of
    from tests.bank import bring_to

    bank = make_bank()
    incident = bring_to(bank, "incident", "in_progress")
    link = cs.link_problem(actor_id=bank.id("handler"), incident_id=incident,
                           new_problem={"title": "반복되는 세션 풀 고갈", "description": "월말"})
    wo = cs.issue_work_order(actor_id=bank.id("admin"), parent_id=incident, title="덤프 분석", instructions="1호기")
    problems = list_cases(actor_id=bank.id("pm"), kind="problem", filters=CaseFilter(text="세션 풀")).rows
    assert [p.number for p in problems] == [link.problem_number]
    assert [w.number for w in work_orders_of(incident)] == [wo.number]
    assert work_orders_of(incident)[0].state == "issued"
    assert ("problem", link.problem_number, "problem", "registered") in linked_cases(incident)
    assert list_cases(actor_id=bank.id("pm"), kind="work_order", filters=CaseFilter(states=("done",))).rows == []


def test_common_words_find_the_same_incidents_as_rare_ones(db, monkeypatch):
    """A word common enough to skip the trigram index (SQLite) finds exactly what the index finds, in order."""
    from desktop.workflow.cases import queries

    bank = make_bank()
    made = [_register(bank, i, title=f"Batch timeout {i}" if i % 3 else f"이체 지연 {i}").number for i in range(9)]
    admin = bank.id("admin")

    def numbers(text):
        return [r.number for r in list_incidents(actor_id=admin, filters=IncidentFilter(text=text)).rows]

    by_index = numbers("timeout")
    monkeypatch.setattr(queries, "FTS_COMMON", 2)
    assert numbers("timeout") == by_index == [n for i, n in reversed(list(enumerate(made))) if i % 3]
    assert numbers("이체 지연") == [n for i, n in reversed(list(enumerate(made))) if not i % 3]
