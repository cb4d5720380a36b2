"""The dashboard's figures against a known set of incidents, on SQLite and PostgreSQL: open counts by grade and
state, the about-to-breach list and its order, this month's rates, the 12-month trend with an empty month and a
month boundary in Seoul, and that every figure's filter lists exactly the incidents it counts."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from desktop.models import Grade, Incident, SlaClock, database
from desktop.workflow.cases.dashboard import load_dashboard, month_bounds
from desktop.workflow.cases.queries import IncidentFilter, list_incidents
from desktop.workflow.common.actors import load_actor
from desktop.workflow.engine.engine import fire_in_transaction
from desktop.workflow.sla.kpi import incident_kpis
from tests import factories
from tests.bank import bring_to, create, fields_for, full_values, make_bank, seoul

NOW = seoul(2026, 11, 16, 10, 0)  # a Monday morning in Seoul


def listed(actor_id: int, f: IncidentFilter) -> list[int]:
    """Every incident the list shows for `f` (all pages)."""
    page = list_incidents(actor_id=actor_id, filters=f, limit=10_000)
    assert page.next_cursor is None
    return [r.case_id for r in page.rows]


def grade(level: int) -> Grade:
    return Grade.get(Grade.level == level)


def test_open_incidents_by_grade_and_state(db):
    bank = make_bank()
    reporter = bank.users["customer"]
    made = {
        ("registered", 1): 2, ("in_progress", 1): 1, ("waiting", 2): 3, ("accepted", 4): 1,
        ("closed", 1): 4, ("cancelled", 2): 2,  # not open: never counted
    }
    for (state, level), n in made.items():
        for _ in range(n):
            factories.incident(reporter=reporter, app=bank.app, state=state, grade=grade(level), at=NOW)
    d = load_dashboard(actor_id=bank.id("admin"), now=NOW)
    assert d.open_total == 7
    assert [(b.key, b.count) for b in d.open_by_grade] == [(1, 3), (2, 3), (3, 0), (4, 1)]
    assert {b.key: b.count for b in d.open_by_state} == {"registered": 2, "accepted": 1, "in_progress": 1,
                                                          "waiting": 3}
    assert [b.label("ko") for b in d.open_by_state] == ["등록", "접수 및 전파", "처리", "고객 응답 대기"]
    assert d.open_by_grade[0].color == grade(1).color
    admin = bank.id("admin")
    for bar in d.open_by_grade + d.open_by_state:  # a click lists exactly what the bar counts
        rows = listed(admin, bar.filter)
        assert len(rows) == bar.count, bar
    assert len(listed(admin, d.open_filter)) == 7


def accept(bank, case_id: int, at: datetime) -> None:
    t = "accept"
    with database.atomic():
        fire_in_transaction("incident", t, actor=load_actor(bank.id("admin")), case_id=case_id,
                            fields=fields_for(_transition(t), full_values(bank, "incident")), now=at, system=True)


def _transition(name: str):
    from desktop.workflow.engine.process import definition

    return definition("incident").transitions[name]


def test_about_to_breach_lists_breached_warning_and_due_soon_clocks_by_due_time(db):
    bank = make_bank()  # high impact + high urgency: grade 1, 24×7, response 10 min, resolution 4 h
    late = bring_to(bank, "incident", "registered", now=NOW - timedelta(hours=5))  # both clocks breached
    warned = bring_to(bank, "incident", "registered", now=NOW - timedelta(minutes=210))
    accept(bank, warned, NOW - timedelta(minutes=205))  # resolution at 210 of 240 min: warning
    soon = bring_to(bank, "incident", "registered", now=NOW - timedelta(minutes=60))
    accept(bank, soon, NOW - timedelta(minutes=58))  # resolution due in 3 h: due soon, on track
    fresh = bring_to(bank, "incident", "registered", now=NOW - timedelta(minutes=2))  # response at 2 of 10 min
    accept(bank, fresh, NOW - timedelta(minutes=1))  # resolution due in 3 h 58 min: due soon too
    waiting = bring_to(bank, "incident", "waiting", now=NOW - timedelta(hours=6))  # paused: not at risk
    closed = bring_to(bank, "incident", "closed", now=NOW - timedelta(hours=6))
    relaxed = bring_to(bank, "incident", "registered", now=NOW - timedelta(minutes=30))
    accept(bank, relaxed, NOW - timedelta(minutes=29))
    Incident.update(grade=grade(4)).where(Incident.case == relaxed).execute()
    SlaClock.update(target_minutes=24 * 60, due_at=NOW + timedelta(hours=23, minutes=30)).where(
        (SlaClock.case == relaxed) & (SlaClock.kind == "resolution")).execute()  # due tomorrow: not listed

    d = load_dashboard(actor_id=bank.id("admin"), now=NOW)
    got = [(r.case_id, r.clock, r.state) for r in d.at_risk]
    assert got == [
        (late, "response", "breached"),
        (late, "resolution", "breached"),
        (warned, "resolution", "warning"),
        (soon, "resolution", "on_track"),
        (fresh, "resolution", "on_track"),
    ]
    assert [r.due_at for r in d.at_risk] == sorted(r.due_at for r in d.at_risk)
    by_key = {(r.case_id, r.clock): r for r in d.at_risk}
    assert by_key[(late, "resolution")].remaining == -60
    assert by_key[(warned, "resolution")].remaining == 30
    assert by_key[(soon, "resolution")].due_at == NOW + timedelta(hours=3)
    assert by_key[(late, "response")].grade == 1 and by_key[(late, "response")].minutes_per_day == 24 * 60
    assert d.breached_clocks == 2
    assert waiting not in {r.case_id for r in d.at_risk} and closed not in {r.case_id for r in d.at_risk}


def test_about_to_breach_is_limited_and_keeps_the_earliest(db):
    bank = make_bank()
    cases = [bring_to(bank, "incident", "registered", now=NOW - timedelta(hours=5, minutes=n)) for n in range(25)]
    soon = bring_to(bank, "incident", "registered", now=NOW - timedelta(minutes=60))
    accept(bank, soon, NOW - timedelta(minutes=58))  # resolution due in 3 h
    d = load_dashboard(actor_id=bank.id("admin"), now=NOW)
    assert len(d.past_due) == 10 and all(r.state == "breached" for r in d.past_due)
    assert d.past_due[0].case_id == cases[-1]  # registered earliest, due earliest
    assert d.breached_clocks == 50
    # fifty overdue clocks do not crowd out the one still savable: it has its own, named group
    assert [(r.case_id, r.clock) for r in d.due_soon] == [(soon, "resolution")]
    assert d.at_risk == d.past_due + d.due_soon


def test_this_months_rate_counts_an_open_case_past_its_target_as_missed(db):
    """Grade 1 this month: one incident resolved in time, one still open four days past its 4-hour target.
    The rate is 50 %, not 100 % until the late one is finally closed."""
    bank = make_bank()  # grade 1, 24×7
    on_time = bring_to(bank, "incident", "closed", now=NOW - timedelta(days=4, minutes=30))
    late = bring_to(bank, "incident", "in_progress", now=NOW - timedelta(days=4))
    paused = bring_to(bank, "incident", "waiting", now=NOW - timedelta(days=4))  # waiting: not judged yet
    clocks = {c.kind: c for c in SlaClock.select().where(SlaClock.case == on_time)}
    assert clocks["resolution"].met and clocks["response"].met
    assert SlaClock.get((SlaClock.case == late) & (SlaClock.kind == "resolution")).due_at < NOW
    d = load_dashboard(actor_id=bank.id("admin"), now=NOW)
    (row,) = d.rates_by_grade
    assert row.key == 1 and row.kpi.count == 3
    assert (row.kpi.resolution_met, row.kpi.resolution_judged) == (1, 2)
    assert row.kpi.resolution_rate == 0.5
    assert paused not in {r.case_id for r in d.past_due}
    (app_row,) = d.rates_by_application
    assert app_row.kpi.resolution_rate == 0.5
    # the monthly report judges only stopped clocks, as before
    (kpi,) = incident_kpis(start=d.month_start, end=d.month_end, group_by="all")
    assert (kpi.resolution_met, kpi.resolution_judged) == (1, 1)


def clock(incident: Incident, *, met: bool | None, at: datetime) -> None:
    SlaClock.create(case=incident.case_id, kind="resolution", target_minutes=240, started_at=at,
                    stopped_at=None if met is None else at + timedelta(hours=1), met=met)


def test_trend_cuts_months_in_seoul_and_keeps_empty_months(db):
    bank = make_bank()
    reporter = bank.users["customer"]
    last_of_october = factories.incident(reporter=reporter, app=bank.app, at=seoul(2026, 10, 31, 23, 59),
                                         state="closed", closed_at=seoul(2026, 11, 1, 0, 30))
    first_of_november = factories.incident(reporter=reporter, app=bank.app, at=seoul(2026, 11, 1, 0, 0))
    assert first_of_november.registered_at.month == 10  # still October in UTC
    clock(last_of_october, met=True, at=last_of_october.registered_at)
    clock(first_of_november, met=False, at=first_of_november.registered_at)
    for day in (3, 4):
        inc = factories.incident(reporter=reporter, app=bank.app, at=seoul(2026, 9, day, 12), state="closed",
                                 closed_at=seoul(2026, 9, day, 15))
        clock(inc, met=True, at=inc.registered_at)
    cancelled = factories.incident(reporter=reporter, app=bank.app, at=seoul(2026, 9, 5), state="cancelled")
    clock(cancelled, met=False, at=cancelled.registered_at)  # registered, but never judged
    factories.incident(reporter=reporter, app=bank.app, at=seoul(2025, 11, 30, 23))  # before the 12 months

    d = load_dashboard(actor_id=bank.id("admin"), now=NOW)
    assert [(m.year, m.month) for m in d.trend] == [(2025, 12)] + [(2026, m) for m in range(1, 12)]
    months = {(m.year, m.month): m for m in d.trend}
    november, october, september, august = (months[(2026, n)] for n in (11, 10, 9, 8))
    assert (november.registered, november.closed, november.resolution_rate) == (1, 1, 0.0)
    assert (october.registered, october.closed, october.resolution_rate) == (1, 0, 1.0)
    assert (september.registered, september.closed, september.resolution_rate) == (3, 2, 1.0)
    assert (august.registered, august.closed, august.resolution_rate) == (0, 0, None)
    assert sum(m.registered for m in d.trend) == 5
    assert (november.start, november.end) == month_bounds(2026, 11, ZoneInfo("Asia/Seoul"))
    admin = bank.id("admin")
    assert listed(admin, november.filter) == [first_of_november.case_id]
    assert listed(admin, october.filter) == [last_of_october.case_id]
    assert len(listed(admin, september.filter)) == 3
    for m in (november, september):  # the same on-time definition as the KPI report
        (kpi,) = incident_kpis(start=m.start, end=m.end, group_by="all")
        assert m.resolution_rate == kpi.resolution_rate


def test_this_months_rates_by_grade_and_application(db):
    bank = make_bank()
    other_app = factories.application(name="모바일뱅킹", name_en="Mobile Banking")
    reporter = bank.users["customer"]
    month_day = seoul(2026, 11, 2, 10)
    plan = [(bank.app, 1, True), (bank.app, 1, False), (bank.app, 2, True), (other_app, 2, True),
            (other_app, 2, None)]
    for app, level, met in plan:
        inc = factories.incident(reporter=reporter, app=app, grade=grade(level), at=month_day)
        clock(inc, met=met, at=month_day)
    factories.incident(reporter=reporter, app=bank.app, grade=grade(1), at=month_day, state="cancelled")
    factories.incident(reporter=reporter, app=bank.app, grade=grade(1), at=seoul(2026, 10, 31, 23))  # October

    d = load_dashboard(actor_id=bank.id("admin"), now=NOW)
    assert (d.year, d.month) == (2026, 11)
    grades = {r.key: r for r in d.rates_by_grade}
    assert set(grades) == {1, 2}
    assert (grades[1].kpi.count, grades[1].kpi.resolution_rate) == (2, 0.5)
    assert (grades[2].kpi.count, grades[2].kpi.resolution_rate) == (3, 1.0)
    assert grades[1].name == "1등급 (긴급)" and grades[1].color == grade(1).color
    apps = d.rates_by_application
    assert [(r.name, r.name_en, r.kpi.count) for r in apps] == [(bank.app.name, bank.app.name_en, 3),
                                                               ("모바일뱅킹", "Mobile Banking", 2)]
    assert apps[1].kpi.resolution_rate == 1.0 and apps[1].kpi.resolution_judged == 1
    admin = bank.id("admin")
    for row in d.rates_by_grade + d.rates_by_application:  # cancelled and October ones are not counted, nor listed
        assert len(listed(admin, row.filter)) == row.kpi.count, row.name


def test_a_customer_sees_only_what_they_registered(db):
    bank = make_bank()
    mine = create(bank, "incident", by="customer", now=NOW - timedelta(hours=5)).case_id
    for _ in range(3):
        create(bank, "incident", by="handler", now=NOW - timedelta(hours=5))
    customer = load_dashboard(actor_id=bank.id("customer"), now=NOW)
    staff = load_dashboard(actor_id=bank.id("handler"), now=NOW)
    assert customer.own_only and not staff.own_only
    assert (customer.open_total, staff.open_total) == (1, 4)
    assert {r.case_id for r in customer.at_risk} == {mine}
    assert sum(m.registered for m in customer.trend) == 1
    assert sum(r.kpi.count for r in customer.rates_by_grade) == 1
    assert sum(r.kpi.count for r in staff.rates_by_grade) == 4


@pytest.mark.parametrize("zone", ["Asia/Seoul", "Europe/London"])
def test_the_current_month_is_the_readers(db, zone):
    bank = make_bank()
    moment = datetime(2026, 10, 31, 20, 0)  # 1 Nov 05:00 in Seoul, still 31 Oct in London
    d = load_dashboard(actor_id=bank.id("admin"), time_zone=zone, now=moment)
    assert (d.year, d.month) == ((2026, 11) if zone == "Asia/Seoul" else (2026, 10))
    assert d.trend[-1].start == month_bounds(d.year, d.month, ZoneInfo(zone))[0]
