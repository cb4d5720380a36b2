"""Reliability by application and CI on SQLite and PostgreSQL, against a small fixture computed by hand:
incidents, total and mean time to restore, downtime, MTBF, recurrence and problem coverage, the ranking, and
that each row's filter lists exactly the incidents it counts."""

from __future__ import annotations

from datetime import datetime

from desktop.models import CaseLink, CIRelation, ConfigurationItem, Problem, database
from desktop.models.numbering import create_case
from desktop.workflow.cases.queries import list_incidents
from desktop.workflow.prevention.reliability import reliability, title_key
from tests import factories
from tests.bank import make_bank

START, END = datetime(2026, 1, 1), datetime(2026, 1, 11)  # ten days: 14,400 minutes


def d(day: int, hh: int = 0, mm: int = 0, month: int = 1, year: int = 2026) -> datetime:
    return datetime(year, month, day, hh, mm)


def test_figures_on_a_hand_computed_fixture(db):
    bank = make_bank()
    who = bank.users["customer"]
    a = bank.app
    b = factories.application(code="APP-B", name="카드", name_en="Card")
    server = ConfigurationItem.create(code="SRV-1", name="서버", name_en="Server", kind="server")
    database_ci = ConfigurationItem.create(code="DB-1", name="DB", name_en="Database", kind="database")
    CIRelation.create(source=a, target=server, kind="runs_on")
    CIRelation.create(source=b, target=database_ci, kind="depends_on")
    CIRelation.create(source=database_ci, target=server, kind="runs_on")

    # A: i1 and i2 overlap (00:00–04:00 down), i3 still open from the 5th; i0 before the window makes i3 repeat
    i1 = factories.incident(reporter=who, app=a, at=d(2, 0, 10), occurred_at=d(2), state="closed",
                            resolved_at=d(2, 2), closed_at=d(3), title="로그인 지연 1")
    i2 = factories.incident(reporter=who, app=a, at=d(2, 1, 5), occurred_at=d(2, 1), state="closed",
                            closed_at=d(2, 4), title="로그인  지연 (2)")  # repeats i1: same words
    i3 = factories.incident(reporter=who, app=a, at=d(5), state="in_progress", title="배치 실패")
    factories.incident(reporter=who, app=a, at=d(20, month=12, year=2025), state="closed",
                       closed_at=d(21, month=12, year=2025), title="배치 실패")  # 16 days before i3
    factories.incident(reporter=who, app=a, at=d(6), state="cancelled", title="중복")  # never counted
    # B: one incident of 90 minutes, while i3 is down (the server's downtime does not grow)
    i6 = factories.incident(reporter=who, app=b, at=d(8, 12), occurred_at=d(8, 12), state="closed",
                            closed_at=d(8, 13, 30), title="승인 오류")
    with database.atomic():
        problem = create_case("problem", year=2026)
        Problem.create(case=problem, title="배치 반복 실패", state="registered", registered_by=bank.users["pm"])
    CaseLink.create(source=i3.case_id, target=problem.id, kind="problem")

    r = reliability(start=START, end=END)
    apps = {x.code: x for x in r.applications}
    ra, rb = apps[a.code], apps["APP-B"]
    assert (ra.incidents, ra.restored, ra.restore_minutes) == (3, 2, 300)
    assert ra.mttr == 150.0
    assert ra.downtime_minutes == 240 + 6 * 1440  # 04:00 of the 2nd; the 5th to the window's end
    assert ra.mtbf == (14400 - 8880) / 3 == 1840.0
    assert (ra.recurrences, ra.recurrence_rate) == (2, 2 / 3)
    assert (ra.with_problem, ra.problem_coverage) == (1, 1 / 3)
    assert (rb.incidents, rb.mttr, rb.downtime_minutes, rb.mtbf) == (1, 90.0, 90, 14310.0)
    assert (rb.recurrences, rb.with_problem) == (0, 0)
    assert [x.code for x in r.applications] == [a.code, "APP-B"]  # least reliable (lowest MTBF) first

    cis = {x.code: x for x in r.cis}
    assert set(cis) == {"SRV-1", "DB-1"}
    srv = cis["SRV-1"]
    assert (srv.incidents, srv.restored, srv.restore_minutes, srv.mttr) == (4, 3, 390, 130.0)
    assert srv.downtime_minutes == 8880  # B's 90 minutes fall inside i3's open span
    assert srv.mtbf == (14400 - 8880) / 4 == 1380.0
    assert srv.applications == tuple(sorted((a.id, b.id)))
    assert cis["DB-1"].mtbf == 14310.0 and cis["DB-1"].path[0].code == "DB-1"
    assert [x.code for x in r.cis] == ["SRV-1", "DB-1"]

    admin = bank.id("admin")
    for row, expected in ((ra, {i1.case_id, i2.case_id, i3.case_id}),
                          (srv, {i1.case_id, i2.case_id, i3.case_id, i6.case_id})):
        listed = {x.case_id for x in list_incidents(actor_id=admin, filters=row.filter, limit=1000).rows}
        assert listed == expected


def test_a_customer_sees_only_their_own(db):
    bank = make_bank()
    factories.incident(reporter=bank.users["customer"], app=bank.app, at=d(2), state="closed", closed_at=d(2, 1))
    factories.incident(reporter=bank.users["handler"], app=bank.app, at=d(3), state="closed", closed_at=d(3, 1))
    assert reliability(start=START, end=END).applications[0].incidents == 2
    mine = reliability(start=START, end=END, reporter_id=bank.id("customer"))
    assert mine.own_only and mine.applications[0].incidents == 1


def test_title_key_ignores_case_digits_spaces_and_punctuation():
    assert title_key("Login  delay (2)") == title_key("login delay 1") == "logindelay"
    assert title_key("로그인 지연 #3") == "로그인지연"
