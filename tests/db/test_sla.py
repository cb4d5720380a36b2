"""SLA clocks through real incidents: the faults users of other ITSM tools report most.

Every figure is computed by hand in the comment above it. Grade 1 = 24×7 calendar
(response 10 min, resolution 240 min); grade 3 = Korean business hours 09–18
(response 120, resolution 1440 business minutes). 24 Nov 2026 is a Tuesday.
"""

from __future__ import annotations

from desktop.models import Notification, SlaClock
from desktop.workflow.cases import case_service as cs
from desktop.workflow.sla.clocks import check_clocks, clock_status
from tests.bank import make_bank, seoul

CLOSE = {"resolution": "재기동", "cause": "세션", "result": "정상화", "follow_up_plan": "모니터링",
         "recurrence_prevention": "설정 변경"}


def clock(case_id, kind):
    return SlaClock.get((SlaClock.case == case_id) & (SlaClock.kind == kind))


class Case:
    """A little driver: one incident, moved by its handler at given Seoul times."""

    def __init__(self, bank, at, urgency="high"):
        self.bank = bank
        r = cs.register_incident(actor_id=bank.id("customer"), title="계정계 배치 지연", description="지연",
                                 application_id=bank.app.id, urgency=urgency, incident_type="application", now=at)
        self.id, self.version = r.case_id, r.version

    def fire(self, name, at, by="handler", **fields):
        self.version = cs.transition(actor_id=self.bank.id(by), case_id=self.id, name=name, version=self.version,
                                     fields=fields or None, now=at).version

    def close(self, at):
        self.fire("close", at, **CLOSE)


def test_pending_time_is_subtracted_even_when_the_grade_changes_mid_case(db):
    bank = make_bank(impact="low")  # high urgency × low impact = grade 3 (business hours)
    case = Case(bank, seoul(2026, 11, 24, 10))
    case.fire("accept", seoul(2026, 11, 24, 10, 30))
    case.fire("start", seoul(2026, 11, 24, 10, 30))
    case.fire("wait", seoul(2026, 11, 24, 11), note="고객 로그 요청")
    case.fire("resume", seoul(2026, 11, 24, 14), by="customer")
    case.fire("regrade", seoul(2026, 11, 24, 15), grade=1, grade_reason="전 영업점 확산")
    case.close(seoul(2026, 11, 24, 16))
    resolution = clock(case.id, "resolution")
    # now judged on the 24×7 calendar, target 240: 10:00 → 16:00 is 360, minus 11:00–14:00 pending = 180
    assert (resolution.target_minutes, resolution.uses_business_time) == (240, False)
    assert (resolution.elapsed_wall_minutes, resolution.paused_wall_minutes, resolution.met) == (180, 180, True)
    # the response clock kept grade 3's figures: 30 business minutes of 120
    response = clock(case.id, "response")
    assert (response.target_minutes, response.elapsed_business_minutes, response.met) == (120, 30, True)


def test_pending_overnight_then_regraded_to_business_hours(db):
    bank = make_bank(impact="high")  # grade 1
    case = Case(bank, seoul(2026, 11, 24, 17))
    case.fire("accept", seoul(2026, 11, 24, 17, 5))
    case.fire("start", seoul(2026, 11, 24, 17, 5))
    case.fire("wait", seoul(2026, 11, 24, 17, 30), note="고객 확인")
    case.fire("resume", seoul(2026, 11, 25, 9, 30), by="customer")
    case.fire("regrade", seoul(2026, 11, 25, 10), grade=3, grade_reason="단일 지점 영향")
    case.close(seoul(2026, 11, 25, 11))
    resolution = clock(case.id, "resolution")
    # business: Tue 17–18 (60) + Wed 9–11 (120) = 180, minus pending in working time
    # (Tue 17:30–18:00 and Wed 09:00–09:30 = 60) = 120; wall: 18h − 16h pending = 120
    assert (resolution.uses_business_time, resolution.target_minutes) == (True, 1440)
    assert (resolution.elapsed_business_minutes, resolution.paused_business_minutes) == (120, 60)
    assert resolution.elapsed_wall_minutes == 120 and resolution.met


def test_a_reopened_case_resumes_its_clock_where_it_stopped(db):
    bank = make_bank()
    case = Case(bank, seoul(2026, 11, 24, 10))
    case.fire("accept", seoul(2026, 11, 24, 10, 5))
    case.fire("start", seoul(2026, 11, 24, 10, 5))
    case.close(seoul(2026, 11, 24, 11))
    assert clock(case.id, "resolution").elapsed_wall_minutes == 60
    case.fire("reopen", seoul(2026, 11, 24, 13), by="customer", note="같은 오류 재발")
    # while reopened and running: 60 before closing + 13:00 → 13:20
    status = clock_status(clock(case.id, "resolution"), seoul(2026, 11, 24, 13, 20))
    assert (status.elapsed, status.state) == (80, "on_track")
    case.close(seoul(2026, 11, 24, 13, 30))
    resolution = clock(case.id, "resolution")
    # 10:00–11:00 and 13:00–13:30; the two closed hours are not counted
    assert (resolution.elapsed_wall_minutes, resolution.met) == (90, True)
    from desktop.models import Incident
    assert Incident.get_by_id(case.id).reopen_count == 1


def test_a_case_waiting_for_the_customer_is_not_escalated(db):
    bank = make_bank()
    case = Case(bank, seoul(2026, 11, 24, 10))
    case.fire("accept", seoul(2026, 11, 24, 10, 2))
    case.fire("start", seoul(2026, 11, 24, 10, 2))
    case.fire("wait", seoul(2026, 11, 24, 10, 30), note="고객 회신 대기")
    # six hours later, well past the 240-minute target on the wall clock: still 30 minutes used
    assert check_clocks(seoul(2026, 11, 24, 16)).warnings == 0
    assert clock_status(clock(case.id, "resolution"), seoul(2026, 11, 24, 16)).state == "paused"
    case.fire("resume", seoul(2026, 11, 24, 16), by="customer")
    assert check_clocks(seoul(2026, 11, 24, 16, 5)).warnings == 0
    # warning at 80 % = 192 minutes: 30 + 162 → 18:42; breach after 240: 30 + 211 → 19:31
    assert check_clocks(seoul(2026, 11, 24, 18, 41)).warnings == 0
    assert check_clocks(seoul(2026, 11, 24, 18, 42)).warnings == 1
    result = check_clocks(seoul(2026, 11, 24, 19, 31))
    assert (result.warnings, result.breaches) == (0, 1)
    assert check_clocks(seoul(2026, 11, 24, 22)).breaches == 0  # exactly once
    notices = {(n.recipient.login, n.kind) for n in Notification.select().where(Notification.kind.startswith("sla_"))}
    assert notices == {("handler", "sla_warning"), ("lead", "sla_warning"), ("handler", "sla_breach"),
                       ("lead", "sla_breach")}


def test_no_escalation_outside_working_hours_for_a_business_target(db):
    bank = make_bank(impact="low")  # grade 3
    case = Case(bank, seoul(2026, 11, 24, 17))
    # response target 120 business minutes, warning at 96: Tue 17–18 gives 60; Wed 09:36 reaches 96
    assert check_clocks(seoul(2026, 11, 24, 23)).warnings == 0
    assert check_clocks(seoul(2026, 11, 25, 8)).warnings == 0
    assert clock_status(clock(case.id, "response"), seoul(2026, 11, 25, 8)).elapsed == 60
    assert check_clocks(seoul(2026, 11, 25, 9, 35)).warnings == 0
    assert check_clocks(seoul(2026, 11, 25, 9, 36)).warnings == 1
    # breach after 120: Wed 10:01 (60 + 61)
    assert check_clocks(seoul(2026, 11, 25, 10, 0)).breaches == 0
    assert check_clocks(seoul(2026, 11, 25, 10, 1)).breaches == 1


def test_a_threshold_crossed_in_the_evening_is_told_next_morning(db):
    bank = make_bank(impact="low")  # grade 3
    Case(bank, seoul(2026, 11, 24, 16, 14))
    # 96 business minutes after 16:14 is 17:50; nobody is told at 19:00, but at 09:00 next day
    assert check_clocks(seoul(2026, 11, 24, 19)).warnings == 0
    assert check_clocks(seoul(2026, 11, 25, 9)).warnings == 1


def test_a_pause_outside_working_hours_takes_nothing_from_business_time(db):
    bank = make_bank(impact="low")  # grade 3
    case = Case(bank, seoul(2026, 11, 24, 10))
    case.fire("accept", seoul(2026, 11, 24, 10))
    case.fire("start", seoul(2026, 11, 24, 10))
    case.fire("wait", seoul(2026, 11, 24, 19), note="야간 대기")
    case.fire("resume", seoul(2026, 11, 25, 8), by="customer")
    case.close(seoul(2026, 11, 25, 10))
    resolution = clock(case.id, "resolution")
    # business: Tue 10–18 (480) + Wed 9–10 (60) = 540, nothing paused in working time;
    # wall: 24h − 13h paused = 11h
    assert (resolution.elapsed_business_minutes, resolution.paused_business_minutes) == (540, 0)
    assert (resolution.elapsed_wall_minutes, resolution.paused_wall_minutes) == (660, 780)


def test_an_open_case_is_measured_to_now_and_its_deadline_moves_with_pauses(db):
    bank = make_bank(impact="low")  # grade 3
    case = Case(bank, seoul(2026, 11, 20, 17))  # Friday
    resolution = clock(case.id, "resolution")
    # 24 business hours from Fri 17:00: Fri 1h + Mon 9h + Tue 9h + Wed 5h → Wed 25 Nov 14:00
    assert resolution.due_at == seoul(2026, 11, 25, 14)
    status = clock_status(resolution, seoul(2026, 11, 23, 12))
    # measured to now (Mon 12:00): Fri 60 + Mon 180 = 240
    assert (status.elapsed, status.remaining, status.state) == (240, 1200, "on_track")
    case.fire("accept", seoul(2026, 11, 23, 12))
    case.fire("start", seoul(2026, 11, 23, 12))
    case.fire("wait", seoul(2026, 11, 23, 13), note="확인 요청")
    assert clock(case.id, "resolution").due_at is None  # nobody knows while waiting
    case.fire("resume", seoul(2026, 11, 23, 15), by="customer")
    # two business hours waiting push the deadline two hours: Wed 16:00
    assert clock(case.id, "resolution").due_at == seoul(2026, 11, 25, 16)


def test_cancelled_case_has_no_verdict(db):
    bank = make_bank()
    case = Case(bank, seoul(2026, 11, 24, 10))
    case.fire("cancel", seoul(2026, 11, 24, 10, 20), by="customer", cancel_reason="잘못 등록")
    for kind in ("response", "resolution"):
        c = clock(case.id, kind)
        assert (c.elapsed_wall_minutes, c.met) == (20, None)
