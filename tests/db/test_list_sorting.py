"""Sorting, paging and the SLA column of the case lists, as the list windows use them."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desktop.models import ImpactLevel
from desktop.workflow.cases import case_service as cs
from desktop.workflow.cases.queries import CaseFilter, IncidentFilter, Sort, list_cases, list_incidents
from desktop.workflow.engine.process import definition
from tests import factories
from tests.bank import T0, bring_to, make_bank

CLOSE = {"resolution": "재기동", "cause": "메모리 누수", "result": "정상화", "follow_up_plan": "모니터링",
         "recurrence_prevention": "패치 적용"}


def _all_pages(fetch, limit=4):
    rows, cursor = [], None
    while True:
        page = fetch(cursor, limit)
        rows += page.rows
        if page.next_cursor is None:
            return rows
        cursor = page.next_cursor


def _varied_incidents(bank):
    """Incidents with repeated grades, states and assignees, so every sort has ties to break."""
    bare = factories.application(name="계정계", team=None, impact=ImpactLevel.get(ImpactLevel.code == "low"))
    made = []
    for i in range(14):
        app = bare if i % 4 == 0 else bank.app
        r = cs.register_incident(actor_id=bank.id("customer"), title=f"{'가나다'[i % 3]} 장애 {i:02d}",
                                 description="설명", application_id=app.id,
                                 urgency=("high", "medium", "low")[i % 3], incident_type="application",
                                 now=T0 + timedelta(minutes=i // 3))
        if i % 5 == 1:
            a = cs.accept_incident(actor_id=bank.id("handler"), case_id=r.case_id, version=r.version,
                                   now=T0 + timedelta(minutes=30))
            if i % 2:
                cs.close_incident(actor_id=bank.id("handler"), case_id=r.case_id, version=a.version,
                                  now=T0 + timedelta(minutes=50), **CLOSE)
        made.append(r.number)
    return made


@pytest.mark.parametrize("key", ["registered_at", "number", "grade", "title", "application", "state", "assignee",
                                 "sla_due"])
@pytest.mark.parametrize("descending", [True, False])
def test_every_sort_pages_through_every_row_once_in_order(db, key, descending):
    bank = make_bank()
    made = _varied_incidents(bank)
    admin = bank.id("admin")
    sort = Sort(key, descending)
    paged = _all_pages(lambda after, limit: list_incidents(actor_id=admin, after=after, limit=limit, sort=sort))
    assert sorted(r.number for r in paged) == sorted(made) and len(paged) == len(made)
    one_page = list_incidents(actor_id=admin, limit=100, sort=sort).rows
    assert [r.number for r in paged] == [r.number for r in one_page]  # pages join up exactly
    order = list(definition("incident").states)

    def value(r):
        # what a person expects: the column's value; among equals, by registration in the same direction;
        # incidents without a running deadline after every running one, newest first
        newest = (-r.registered_at.timestamp(), -r.case_id)
        return {"registered_at": (r.registered_at, r.case_id), "number": (r.number,), "title": (r.title, r.case_id),
                "grade": (r.grade, r.registered_at, r.case_id), "application": (r.application, r.registered_at,
                                                                                r.case_id),
                "state": (order.index(r.state), r.registered_at, r.case_id),
                "assignee": (r.assignee, r.registered_at, r.case_id),
                "sla_due": (0, str(r.sla_due_at), r.case_id) if r.sla_due_at else (1, *newest)}[key]

    keys = [value(r) for r in paged]
    assert keys == sorted(keys, reverse=descending)


def test_state_sorts_in_process_order_not_alphabetically(db):
    bank = make_bank()
    _varied_incidents(bank)
    rows = list_incidents(actor_id=bank.id("admin"), sort=Sort("state", descending=False)).rows
    states = [r.state for r in rows]
    assert states.index("registered") < states.index("accepted") < states.index("closed")
    assert sorted(set(states)) != list(dict.fromkeys(states))  # alphabetical would put accepted first


def test_unassigned_filter_and_refresh_of_given_rows(db):
    bank = make_bank()
    _varied_incidents(bank)
    admin = bank.id("admin")
    unassigned = list_incidents(actor_id=admin, filters=IncidentFilter(unassigned=True)).rows
    assert unassigned and all(r.assignee == "" for r in unassigned)
    assert all(r.application == "계정계" for r in unassigned)  # the application nobody owns
    some = list_incidents(actor_id=admin, limit=3).rows
    again = list_incidents(actor_id=admin, filters=IncidentFilter(case_ids=tuple(r.case_id for r in some))).rows
    assert [r.number for r in again] == [r.number for r in some]


def test_sla_column_shows_the_running_resolution_deadline(db):
    bank = make_bank()
    open_case = cs.register_incident(actor_id=bank.id("customer"), title="이체 지연", description="설명",
                                     application_id=bank.app.id, urgency="high", incident_type="application",
                                     now=T0)
    closed = bring_to(bank, "incident", "closed")
    rows = {r.case_id: r for r in list_incidents(actor_id=bank.id("admin")).rows}
    running = rows[open_case.case_id]
    assert running.sla_state == "running" and running.sla_due_at is not None and running.sla_due_at > T0
    assert rows[closed].sla_state in ("met", "missed") and rows[closed].sla_due_at is None
    soonest = list_incidents(actor_id=bank.id("admin"), sort=Sort("sla_due", descending=False)).rows
    assert soonest[0].case_id == open_case.case_id  # running deadlines before stopped clocks


def test_case_lists_sort_and_filter_unassigned(db):
    bank = make_bank()
    ids = [bring_to(bank, "problem", state) for state in ("registered", "registered", "derivation")]
    admin = bank.id("admin")
    for key in ("number", "title", "state", "assignee", "opened_at"):
        for descending in (True, False):
            sort = Sort(key, descending)
            paged = _all_pages(lambda after, limit, s=sort: list_cases(actor_id=admin, kind="problem", after=after,
                                                                       limit=limit, sort=s), limit=1)
            whole = list_cases(actor_id=admin, kind="problem", sort=sort).rows
            assert [r.case_id for r in paged] == [r.case_id for r in whole] and sorted(
                r.case_id for r in paged) == sorted(ids)
    numbers = [r.number for r in list_cases(actor_id=admin, kind="problem", sort=Sort("number", False)).rows]
    assert numbers == sorted(numbers)
    every = list_cases(actor_id=admin, kind="problem").rows
    unassigned = list_cases(actor_id=admin, kind="problem", filters=CaseFilter(unassigned=True)).rows
    assert {r.case_id for r in unassigned} == {r.case_id for r in every if r.assignee == ""}
