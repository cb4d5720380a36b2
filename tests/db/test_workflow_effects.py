"""Each effect of the engine, through the services a user's click calls."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from desktop.errors import BeaconError, StaleRecordError
from desktop.models import (
    CaseLink,
    Change,
    ConfigurationItem,
    Event,
    Grade,
    ImpactLevel,
    Incident,
    Notification,
    OwnerMatrixEntry,
    Problem,
    PropagationOverride,
    Role,
    ServiceRequestLink,
    Setting,
    SlaClock,
    WorkOrder,
)
from desktop.workflow.cases import case_service as cs
from desktop.workflow.common.cases import load_row
from desktop.workflow.engine.engine import fire
from tests import factories
from tests.bank import T0, bring_to, make_bank

CLOSE = {"resolution": "WAS 재기동", "cause": "세션 풀 고갈", "result": "정상화", "follow_up_plan": "모니터링",
         "recurrence_prevention": "풀 확대"}

# DESIGN.md §3: urgency rows × impact columns → grade
DESIGN_MATRIX = {("high", "high"): 1, ("high", "medium"): 2, ("high", "low"): 3,
                 ("medium", "high"): 2, ("medium", "medium"): 3, ("medium", "low"): 4,
                 ("low", "high"): 3, ("low", "medium"): 4, ("low", "low"): 4}


def register(bank, *, by="customer", urgency="high", app=None, at=T0, **kw):
    return cs.register_incident(actor_id=bank.id(by), title="인터넷뱅킹 로그인 지연", description="10초 이상 대기",
                                application_id=(app or bank.app).id, urgency=urgency, incident_type="application",
                                now=at, **kw)


def notices(case_id, kind=None):
    q = Notification.select().where(Notification.case == case_id)
    if kind:
        q = q.where(Notification.kind == kind)
    return {(n.recipient.login, n.reason) for n in q}


@pytest.mark.parametrize(("urgency", "impact"), list(DESIGN_MATRIX))
def test_grade_comes_from_the_application_impact_and_the_matrix(db, urgency, impact):
    bank = make_bank(impact=impact)
    inc = Incident.get_by_id(register(bank, urgency=urgency).case_id)
    assert inc.impact.code == impact
    assert inc.grade.level == DESIGN_MATRIX[(urgency, impact)]


def test_application_without_impact_is_refused_clearly(db):
    bank = make_bank()
    app = factories.application(name="신규 시스템")
    ConfigurationItem.update(impact=None).where(ConfigurationItem.id == app.id).execute()
    with pytest.raises(BeaconError) as caught:
        register(bank, app=ConfigurationItem.get_by_id(app.id))
    assert "영향도" in caught.value.message("ko") and "impact" in caught.value.message("en")
    assert Incident.select().count() == 0 and Event.select().count() == 0


def test_assignment_to_primary_handler_with_team_and_notice(db):
    bank = make_bank()
    result = register(bank)
    inc = Incident.get_by_id(result.case_id)
    assert inc.assignee_id == bank.id("handler") and inc.assigned_team_id == bank.team_id
    assert ("handler", "primary_handler") in notices(result.case_id, "assigned")


def test_assignment_falls_back_to_the_team_and_says_so(db):
    bank = make_bank()
    OwnerMatrixEntry.delete().where(OwnerMatrixEntry.role == Role.get(Role.code == "primary_handler")).execute()
    result = register(bank)
    inc = Incident.get_by_id(result.case_id)
    assert inc.assignee_id is None and inc.assigned_team_id == bank.team_id
    assert Event.select().where((Event.case == result.case_id) & (Event.kind == "assignment_fallback")).count() == 1


def test_nobody_assigned_is_a_clear_event(db):
    bank = make_bank()
    app = factories.application(name="담당 없는 시스템")
    result = register(bank, app=app)
    assert Incident.get_by_id(result.case_id).assignee_id is None
    event = Event.get((Event.case == result.case_id) & (Event.kind == "unassigned"))
    assert "담당 없는 시스템" in event.note


def test_propagation_group_is_told_on_register_accept_regrade_close(db):
    bank = make_bank()
    extra = factories.user(login="branch_mgr", name="지점장")
    PropagationOverride.create(application=bank.app, user=extra, mode="add", reason="영업점 대표")
    PropagationOverride.create(application=bank.app, user=bank.users["head"], mode="remove", reason="휴가")
    r = register(bank)
    group = {("lead", "team_lead"), ("branch_mgr", "manual_add")}
    # the primary handler got the "assigned" notice for this event; one notice per person per event
    assert notices(r.case_id, "registered") == group
    assert notices(r.case_id, "assigned") == {("handler", "primary_handler")}
    a = cs.accept_incident(actor_id=bank.id("handler"), case_id=r.case_id, version=r.version, now=T0)
    assert notices(r.case_id, "accepted") == group | {("customer", "reporter")}  # the accepting handler is not told
    g = cs.change_grade(actor_id=bank.id("handler"), case_id=r.case_id, version=a.version, grade=2, reason="축소",
                        now=T0)
    assert notices(r.case_id, "regraded") == group
    cs.close_incident(actor_id=bank.id("handler"), case_id=r.case_id, version=g.version, now=T0, **CLOSE)
    assert notices(r.case_id, "closed") == group | {("customer", "reporter")}
    # outbox rows are unique per event, recipient and channel
    keys = [n.dedupe_key for n in Notification.select()]
    assert len(keys) == len(set(keys))


def test_manual_grade_change_needs_a_reason_and_is_recorded(db):
    bank = make_bank()
    r = register(bank)
    with pytest.raises(BeaconError) as caught:
        cs.change_grade(actor_id=bank.id("handler"), case_id=r.case_id, version=r.version, grade=3, reason=" ")
    assert "등급 변경 사유" in caught.value.message("ko")
    with pytest.raises(BeaconError) as same:
        cs.change_grade(actor_id=bank.id("handler"), case_id=r.case_id, version=r.version, grade=1, reason="그대로")
    assert same.value.code == "workflow.same_grade"
    g = cs.change_grade(actor_id=bank.id("handler"), case_id=r.case_id, version=r.version, grade=3,
                        reason="영향 범위가 일부 지점으로 한정", now=T0)
    event = Event.get_by_id(g.event_id)
    g1, g3 = Grade.get(Grade.level == 1).id, Grade.get(Grade.level == 3).id
    assert (json.loads(event.before)["grade"], json.loads(event.after)["grade"]) == (g1, g3)
    assert event.note == "영향 범위가 일부 지점으로 한정"
    # the running clocks take the new grade's targets (grade 3: 120 / 1440 business minutes)
    assert {c.kind: c.target_minutes for c in SlaClock.select().where(SlaClock.case == r.case_id)} == {
        "response": 120, "resolution": 1440}


def test_stale_version_names_who_changed_it(db):
    bank = make_bank()
    r = register(bank)
    cs.accept_incident(actor_id=bank.id("handler"), case_id=r.case_id, version=r.version)
    with pytest.raises(StaleRecordError) as caught:
        cs.change_grade(actor_id=bank.id("lead"), case_id=r.case_id, version=r.version, grade=2, reason="x")
    assert "handler님 (handler)" in caught.value.message("ko")


def test_sla_clocks_start_stop_pause_resume_and_reopen(db):
    bank = make_bank()
    r = register(bank, at=T0)  # grade 1: response 10, resolution 240 wall-clock minutes
    clocks = {c.kind: c for c in SlaClock.select().where(SlaClock.case == r.case_id)}
    assert clocks["response"].due_at == T0 + timedelta(minutes=10)
    a = cs.accept_incident(actor_id=bank.id("handler"), case_id=r.case_id, version=r.version,
                           now=T0 + timedelta(minutes=7))
    s = cs.transition(actor_id=bank.id("handler"), case_id=r.case_id, name="start", version=a.version,
                      now=T0 + timedelta(minutes=8))
    w = cs.transition(actor_id=bank.id("handler"), case_id=r.case_id, name="wait", version=s.version,
                      fields={"note": "고객 확인 대기"}, now=T0 + timedelta(minutes=30))
    u = cs.transition(actor_id=bank.id("customer"), case_id=r.case_id, name="resume", version=w.version,
                      now=T0 + timedelta(minutes=90))
    c = cs.close_incident(actor_id=bank.id("handler"), case_id=r.case_id, version=u.version,
                          now=T0 + timedelta(minutes=130), **CLOSE)
    response = SlaClock.get((SlaClock.case == r.case_id) & (SlaClock.kind == "response"))
    resolution = SlaClock.get((SlaClock.case == r.case_id) & (SlaClock.kind == "resolution"))
    assert (response.elapsed_wall_minutes, response.met) == (7, True)
    # 130 minutes registered → closed, minus 60 minutes waiting for the customer = 70
    assert (resolution.paused_wall_minutes, resolution.elapsed_wall_minutes, resolution.met) == (60, 70, True)
    # reopened 20 minutes after closing: the clock resumes where it stopped, the closed time is not counted
    o = cs.reopen_incident(actor_id=bank.id("customer"), case_id=r.case_id, version=c.version, reason="재발",
                           now=T0 + timedelta(minutes=150))
    inc = Incident.get_by_id(r.case_id)
    assert (inc.state, inc.reopen_count, inc.closed_at) == ("in_progress", 1, None)
    cs.close_incident(actor_id=bank.id("handler"), case_id=r.case_id, version=o.version,
                      now=T0 + timedelta(minutes=160), **CLOSE)
    resolution = SlaClock.get_by_id(resolution.id)
    assert resolution.elapsed_wall_minutes == 70 + 10


def test_reopen_only_within_the_window(db):
    bank = make_bank()
    case_id = bring_to(bank, "incident", "closed", now=T0)
    version = load_row(case_id)[1].version
    with pytest.raises(BeaconError) as caught:
        cs.reopen_incident(actor_id=bank.id("handler"), case_id=case_id, version=version, reason="재발",
                           now=T0 + timedelta(days=8))
    assert "7일" in caught.value.message("ko")
    Setting.update(value="10").where(Setting.key == "reopen_window_days").execute()
    cs.reopen_incident(actor_id=bank.id("handler"), case_id=case_id, version=version, reason="재발",
                       now=T0 + timedelta(days=8))


def test_cancel_as_duplicate_links_the_original(db):
    bank = make_bank()
    original = register(bank)
    dup = register(bank)
    cs.cancel_incident(actor_id=bank.id("customer"), case_id=dup.case_id, version=dup.version,
                       reason="같은 장애 중복 등록", duplicate_of=original.number)
    link = CaseLink.get(CaseLink.kind == "duplicate")
    assert (link.source_id, link.target_id) == (dup.case_id, original.case_id)
    inc = Incident.get_by_id(dup.case_id)
    assert inc.state == "cancelled" and inc.cancelled_at is not None
    assert all(c.stopped_at is not None and c.met is None for c in SlaClock.select().where(
        SlaClock.case == dup.case_id))


def test_major_incident_closes_children_only_when_confirmed(db):
    bank = make_bank()
    parent = bring_to(bank, "incident", "in_progress")
    child_a = register(bank)
    child_b = bring_to(bank, "incident", "waiting")
    for child in (child_a.case_id, child_b):
        cs.set_parent(actor_id=bank.id("admin"), case_id=child, version=None, parent_id=parent)
    version = load_row(parent)[1].version
    with pytest.raises(BeaconError) as caught:
        cs.close_incident(actor_id=bank.id("handler"), case_id=parent, version=version, **CLOSE)
    assert caught.value.code == "workflow.open_children" and child_a.number in caught.value.message("en")
    assert load_row(parent)[1].state == "in_progress"
    cs.close_incident(actor_id=bank.id("handler"), case_id=parent, version=version, confirm_open_children=True,
                      **CLOSE)
    for child in (child_a.case_id, child_b):
        row = Incident.get_by_id(child)
        assert row.state == "closed" and row.cause == CLOSE["cause"] and row.resolution == CLOSE["resolution"]


def test_parent_rules(db):
    bank = make_bank()
    a, b, c = (register(bank) for _ in range(3))
    with pytest.raises(BeaconError) as selfish:
        cs.set_parent(actor_id=bank.id("admin"), case_id=a.case_id, version=None, parent_id=a.case_id)
    assert selfish.value.code == "workflow.parent_self"
    cs.set_parent(actor_id=bank.id("admin"), case_id=b.case_id, version=None, parent_id=a.case_id)
    with pytest.raises(BeaconError) as nested:
        cs.set_parent(actor_id=bank.id("admin"), case_id=c.case_id, version=None, parent_id=b.case_id)
    assert nested.value.code == "workflow.parent_nested"
    cs.set_parent(actor_id=bank.id("admin"), case_id=b.case_id, version=None, parent_id=None)
    assert Incident.get_by_id(b.case_id).parent_id is None
    kinds = [e.kind for e in Event.select().where(Event.case == a.case_id).order_by(Event.id)]
    assert kinds[-2:] == ["child_added", "child_removed"]


def test_follow_ups_by_incident_type(db):
    bank = make_bank()
    case_id = bring_to(bank, "incident", "in_progress")
    version = load_row(case_id)[1].version
    cs.close_incident(actor_id=bank.id("handler"), case_id=case_id, version=version, follow_ups=[
        {"kind": "problem", "title": "세션 풀 고갈 근본 원인 분석"},
        {"kind": "change", "title": "커넥션 풀 설정 변경", "change_type": "program"},
        {"kind": "service_request", "title": "금융결제원 회선 점검 요청", "system": "대외계"},
    ], **CLOSE)
    problem_link = CaseLink.get((CaseLink.source == case_id) & (CaseLink.kind == "problem"))
    assert Problem.get_by_id(problem_link.target_id).title == "세션 풀 고갈 근본 원인 분석"
    change_link = CaseLink.get((CaseLink.source == case_id) & (CaseLink.kind == "change"))
    assert Change.get_by_id(change_link.target_id).state == "requested"
    assert ServiceRequestLink.get().system == "대외계"


def test_follow_up_not_allowed_for_the_type_leaves_the_incident_open(db):
    bank = make_bank()
    r = register(bank)
    Incident.update(incident_type="external").where(Incident.case == r.case_id).execute()
    a = cs.accept_incident(actor_id=bank.id("handler"), case_id=r.case_id, version=r.version)
    events = Event.select().count()
    with pytest.raises(BeaconError) as caught:
        cs.close_incident(actor_id=bank.id("handler"), case_id=r.case_id, version=a.version,
                          follow_ups=[{"kind": "problem", "title": "원인 분석"}], **CLOSE)
    assert caught.value.code == "workflow.follow_up_not_allowed"
    assert Incident.get_by_id(r.case_id).state == "accepted" and Event.select().count() == events
    # a failure after the row was written (service request without a system) also undoes everything
    with pytest.raises(BeaconError):
        cs.close_incident(actor_id=bank.id("handler"), case_id=r.case_id, version=a.version,
                          follow_ups=[{"kind": "service_request", "title": "대외기관 확인"}], **CLOSE)
    assert Incident.get_by_id(r.case_id).state == "accepted" and Event.select().count() == events
    assert Problem.select().count() == 0 and ServiceRequestLink.select().count() == 0


def test_change_spawned_from_an_incident_lives_on_after_the_incident_closes(db):
    bank = make_bank()
    case_id = bring_to(bank, "incident", "in_progress")
    change = cs.request_change(actor_id=bank.id("handler"), parent_id=case_id, title="풀 설정 변경",
                               description="max 200→400")
    assert CaseLink.get(CaseLink.kind == "change").target_id == change.case_id
    assert Event.select().where((Event.case == case_id) & (Event.kind == "change_requested")).count() == 1
    cs.close_incident(actor_id=bank.id("handler"), case_id=case_id, version=load_row(case_id)[1].version, **CLOSE)
    assert Incident.get_by_id(case_id).state == "closed"
    assert Change.get_by_id(change.case_id).state == "requested"
    approved = fire("change", "approve", actor_id=bank.id("cm"), case_id=change.case_id, expected_version=1)
    assert Change.get_by_id(change.case_id).approved_by_id == bank.id("cm") and approved.state == "approved"


def test_work_order_goes_to_second_line_and_reports_back(db):
    bank = make_bank()
    case_id = bring_to(bank, "incident", "in_progress")
    Incident.update(assignee=bank.id("handler")).where(Incident.case == case_id).execute()
    wo = cs.issue_work_order(actor_id=bank.id("handler"), parent_id=case_id, title="힙 덤프 분석",
                             instructions="WAS 1호기")
    row = WorkOrder.get_by_id(wo.case_id)
    assert row.assignee_id == bank.id("second") and row.parent_id == case_id
    assert ("second", "assignee") in notices(wo.case_id)
    s = cs.start_work_order(actor_id=bank.id("second"), case_id=wo.case_id, version=wo.version)
    with pytest.raises(BeaconError):
        cs.complete_work_order(actor_id=bank.id("second"), case_id=wo.case_id, version=s.version, result="")
    cs.complete_work_order(actor_id=bank.id("second"), case_id=wo.case_id, version=s.version, result="누수 지점 확인")
    parent_events = [e.kind for e in Event.select().where(Event.case == case_id).order_by(Event.id)]
    assert parent_events[-3:] == ["work_order_issue", "work_order_start", "work_order_complete"]
    assert ("handler", "parent_assignee") in notices(wo.case_id)
    assert WorkOrder.get_by_id(wo.case_id).state == "done"


def test_returned_work_order_needs_a_reason(db):
    bank = make_bank()
    case_id = bring_to(bank, "incident", "in_progress")
    wo = cs.issue_work_order(actor_id=bank.id("admin"), parent_id=case_id, title="점검", instructions="점검")
    with pytest.raises(BeaconError) as caught:
        cs.return_work_order(actor_id=bank.id("second"), case_id=wo.case_id, version=wo.version, reason="")
    assert "반송 사유" in caught.value.message("ko")
    cs.return_work_order(actor_id=bank.id("second"), case_id=wo.case_id, version=wo.version, reason="권한 없음")
    assert WorkOrder.get_by_id(wo.case_id).return_reason == "권한 없음"


@pytest.mark.parametrize("resolves", [True, False])
def test_closing_a_problem_resolves_its_linked_incidents_when_set(db, resolves):
    bank = make_bank()
    Setting.update(value=json.dumps(resolves)).where(Setting.key == "close_problem_resolves_incidents").execute()
    incidents = [bring_to(bank, "incident", "in_progress"), register(bank).case_id]
    link = cs.link_problem(actor_id=bank.id("handler"), incident_id=incidents[0],
                           new_problem={"title": "세션 풀 고갈 반복", "description": "월말 재발"})
    assert link.created_problem
    Incident.update(state="accepted").where(Incident.case == incidents[1]).execute()
    cs.link_problem(actor_id=bank.id("pm"), incident_id=incidents[1], problem_id=link.problem_id)
    pm = bank.id("pm")
    v = fire("problem", "start_derivation", actor_id=pm, case_id=link.problem_id).version
    v = fire("problem", "record_known_error", actor_id=pm, case_id=link.problem_id, expected_version=v,
             fields={"workaround": "야간 재기동"}).version
    v = fire("problem", "plan", actor_id=pm, case_id=link.problem_id, expected_version=v,
             fields={"root_cause": "커넥션 누수", "solution": "누수 수정"}).version
    v = fire("problem", "submit_result", actor_id=pm, case_id=link.problem_id, expected_version=v).version
    v = fire("problem", "verify_failed", actor_id=pm, case_id=link.problem_id, expected_version=v,
             fields={"verification_result": "재발함"}).version
    assert Problem.get_by_id(link.problem_id).state == "derivation"
    v = fire("problem", "plan", actor_id=pm, case_id=link.problem_id, expected_version=v,
             fields={"root_cause": "커넥션 누수", "solution": "누수 수정 2차"}).version
    v = fire("problem", "submit_result", actor_id=pm, case_id=link.problem_id, expected_version=v).version
    fire("problem", "close", actor_id=pm, case_id=link.problem_id, expected_version=v,
         fields={"verification_result": "2주 재발 없음"})
    problem = Problem.get_by_id(link.problem_id)
    assert (problem.is_known_error, problem.verification_count, problem.state) == (True, 2, "closed")
    states = [Incident.get_by_id(i).state for i in incidents]
    if resolves:
        assert states == ["closed", "closed"]
        assert Incident.get_by_id(incidents[0]).cause == "커넥션 누수"
    else:
        assert states == ["in_progress", "accepted"]


def test_customer_registers_and_sees_only_their_own(db):
    bank = make_bank()
    other_customer = factories.user(login="cust2")
    from desktop.models import UserRole
    UserRole.create(user=other_customer, role=Role.get(Role.code == "customer"))
    bank.users["cust2"] = other_customer
    mine = register(bank)
    register(bank, by="cust2")
    from desktop.workflow.cases.queries import list_incidents, timeline
    assert [r.number for r in list_incidents(actor_id=bank.id("customer")).rows] == [mine.number]
    assert len(list_incidents(actor_id=bank.id("handler")).rows) == 2
    with pytest.raises(BeaconError):
        timeline(actor_id=other_customer.id, case_id=mine.case_id)
    cs.add_action(actor_id=bank.id("customer"), case_id=mine.case_id, body="추가로 화면 캡처 첨부", kind="comment")
    with pytest.raises(BeaconError) as caught:
        cs.add_action(actor_id=other_customer.id, case_id=mine.case_id, body="남의 장애", kind="comment")
    assert caught.value.code == "workflow.not_allowed"


def test_impact_levels_are_data(db):
    assert ImpactLevel.select().count() == 3


def test_registering_under_a_parent_follows_the_parent_rules(db):
    bank = make_bank()
    open_parent = register(bank)
    child = cs.register_incident(actor_id=bank.id("customer"), title="같은 장애", description="-",
                                 application_id=bank.app.id, urgency="high", incident_type="application",
                                 parent_id=open_parent.case_id)
    assert Incident.get_by_id(child.case_id).parent_id == open_parent.case_id
    cancelled = register(bank)
    cs.cancel_incident(actor_id=bank.id("customer"), case_id=cancelled.case_id, version=cancelled.version,
                       reason="오등록")
    problem = cs.register_problem(actor_id=bank.id("pm"), title="원인 분석", description="-")
    for parent, code in ((cancelled.case_id, "workflow.parent_closed"), (child.case_id, "workflow.parent_nested"),
                         (problem.case_id, "workflow.not_found")):
        with pytest.raises(BeaconError) as caught:
            cs.register_incident(actor_id=bank.id("customer"), title="x", description="-",
                                 application_id=bank.app.id, urgency="high", incident_type="application",
                                 parent_id=parent)
        assert caught.value.code == code
