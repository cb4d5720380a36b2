"""Rules read through statements compiled once are still read fresh (issue #22.2).

The hot paths keep their SQL compiled per process (`desktop.models.prepared`) but no rule: a change
another desk makes to the priority matrix, the SLA targets, a calendar or the owner matrix holds for
this desk's very next call, with no restart and nothing to invalidate.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from desktop.models import Incident, SlaClock, SlaPolicy
from desktop.models import db as dbmod
from desktop.workflow.cases import case_service as cs
from desktop.workflow.cases.detail import case_detail
from desktop.workflow.cases.queries import timeline
from tests.bank import make_bank, seoul
from tests.conftest import PG_URL

WEDNESDAY_5PM = seoul(2026, 3, 4, 17, 0)  # one working hour left on the business calendar


@pytest.fixture
def bank(db):
    return make_bank()


@pytest.fixture
def other_desk(db) -> Iterator[object]:
    """A second connection to the same database, as another desk's administrator (PostgreSQL: the owner)."""
    url = PG_URL if dbmod.backend() == "postgresql" else db
    other = dbmod.make_database(dbmod.parse_url(url))
    other.connect()
    yield other
    other.close()


def _write(other, sql: str, *params: object) -> None:
    with other.atomic():
        other.execute_sql(sql.replace("?", other.param), params)


def _register(bank, urgency: str = "high", now=WEDNESDAY_5PM) -> Incident:
    done = cs.register_incident(actor_id=bank.id("customer"), title="로그인 지연", description="-",
                                application_id=bank.app.id, urgency=urgency, incident_type="application", now=now)
    return Incident.get(Incident.case == done.case_id)


def _clock(incident: Incident, kind: str) -> SlaClock:
    return SlaClock.get((SlaClock.case == incident.case_id) & (SlaClock.kind == kind))


def test_matrix_targets_and_owners_changed_by_another_desk_hold_for_the_next_registration(bank, other_desk):
    first = _register(bank)  # compiles every statement a registration issues
    case_detail(actor_id=bank.id("customer"), case_id=first.case_id)
    assert (first.grade.level, first.assignee_id) == (1, bank.id("handler"))

    _write(other_desk, "UPDATE priority_matrix_cell SET grade_id = (SELECT id FROM grade WHERE level = 2) "
           "WHERE urgency_id = (SELECT id FROM urgency_level WHERE code = 'high') "
           "AND impact_id = (SELECT id FROM impact_level WHERE code = 'high')")
    _write(other_desk, "UPDATE sla_policy SET response_minutes = 7, resolution_minutes = 999 "
           "WHERE case_kind = 'incident' AND grade_id = (SELECT id FROM grade WHERE level = 2)")
    _write(other_desk, "UPDATE owner_matrix_entry SET user_id = ? WHERE ci_id = ? "
           "AND role_id = (SELECT id FROM role WHERE code = 'primary_handler')", bank.id("other_handler"), bank.app.id)

    second = _register(bank)
    assert second.grade.level == 2
    assert second.assignee_id == bank.id("other_handler")
    assert (_clock(second, "response").target_minutes, _clock(second, "resolution").target_minutes) == (7, 999)
    assert SlaPolicy.get_by_id(_clock(second, "resolution").policy_id).resolution_minutes == 999
    shown = case_detail(actor_id=bank.id("customer"), case_id=second.case_id)
    assert (shown.names["assignee"], shown.values["grade_level"]) == ("other_handler님", 2)
    assert Incident.get_by_id(first.case_id).grade.level == 1  # an earlier incident keeps its grade


def test_a_holiday_another_desk_adds_moves_the_next_deadline(bank, other_desk):
    before = _register(bank, urgency="low")  # high impact × low urgency: grade 3, on the business calendar
    assert before.grade.level == 3
    assert _clock(before, "response").due_at == seoul(2026, 3, 5, 10, 0)  # Thursday 10:00

    _write(other_desk, "INSERT INTO calendar_day (calendar_id, day, kind, name) "
           "SELECT calendar_id, ?, 'holiday', '창립기념일' FROM sla_policy "
           "WHERE case_kind = 'incident' AND grade_id = (SELECT id FROM grade WHERE level = 3)", date(2026, 3, 5))

    after = _register(bank, urgency="low")
    assert _clock(after, "response").due_at == seoul(2026, 3, 6, 10, 0)  # Thursday off: Friday 10:00


def test_an_action_logged_shows_in_the_next_open_in_the_list_the_chart_and_the_history(bank):
    incident = _register(bank)
    cs.accept_incident(actor_id=bank.id("handler"), case_id=incident.case_id, version=None, now=WEDNESDAY_5PM)
    seen = timeline(actor_id=bank.id("handler"), case_id=incident.case_id)
    case_detail(actor_id=bank.id("handler"), case_id=incident.case_id)
    cs.add_action(actor_id=bank.id("handler"), case_id=incident.case_id, kind="investigation", body="WAS 로그 확인",
                  acted_at=WEDNESDAY_5PM, now=WEDNESDAY_5PM)
    again = case_detail(actor_id=bank.id("handler"), case_id=incident.case_id)
    assert [a.body for a in again.actions] == ["WAS 로그 확인"]
    assert [m.detail["ko"] for m in again.timeline.markers if m.kind == "action"] == ["WAS 로그 확인"]
    assert len(timeline(actor_id=bank.id("handler"), case_id=incident.case_id)) == len(seen) + 1
