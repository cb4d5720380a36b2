"""PostgreSQL: the prevention tables under people's own logins (schema v15).

A customer who sees only their own incidents still completes a burst that others began: the count comes
from the owner's `beacon_burst_counts` (numbers, no incident), and the warning's notices ride on the
customer's own event in their registration's transaction, as the outbox rules demand. Dismissed problem
candidates are staff's: a customer reads none and writes none.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import psycopg2
import pytest
from psycopg2 import errors

from desktop.models import CandidateDismissal, EarlyWarning, Event, Notification, OwnerMatrixEntry, Role, User, utcnow
from desktop.models import db as dbmod
from desktop.models.schema import ensure_schema
from desktop.workflow.admin.defaults import seed_defaults
from desktop.workflow.cases import case_service as cs
from desktop.workflow.common import session
from desktop.workflow.prevention import early_warning
from tests.conftest import PG_URL, bind
from tests.security.test_database_enforces import CUSTOMER, HANDLER, connect_as


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Iterator[dict[str, int]]:
    from desktop.demo.bank import load_demo

    bind("postgresql", tmp_path_factory.mktemp("prevention"))
    ensure_schema()
    seed_defaults()
    load_demo(incidents=20, problems=2)
    handler = User.get(User.login == HANDLER)
    app = (OwnerMatrixEntry.select(OwnerMatrixEntry.ci).join(Role)
           .where((OwnerMatrixEntry.user == handler.id) & (Role.code == "primary_handler")).first()).ci_id
    yield {"app": app, "handler": handler.id, "customer": User.get(User.login == CUSTOMER).id}
    dbmod.close()


def _register(actor_id: int, app: int, title: str, minutes_ago: int) -> int:
    return cs.register_incident(actor_id=actor_id, title=title, description="동시 다발", application_id=app,
                                urgency="high", incident_type="application",
                                now=utcnow() - timedelta(minutes=minutes_ago)).case_id


def test_a_customer_completes_a_burst_they_cannot_see_and_the_warning_is_told_once(demo):
    handler = session.connect_as(HANDLER, "beacon")
    _register(handler.id, demo["app"], "전 지점 접속 불가", 8)
    _register(handler.id, demo["app"], "접속 불가 (본점)", 6)
    customer = session.connect_as(CUSTOMER, "beacon")
    from desktop.models import Incident

    assert Incident.select().where(Incident.registered_by == handler.id).count() == 0  # not theirs to see
    third = _register(customer.id, demo["app"], "인터넷뱅킹이 안 열려요", 1)
    fourth = _register(customer.id, demo["app"], "또 안 열려요", 0)

    dbmod.connect(PG_URL)  # the owner looks at what was written
    warning = EarlyWarning.get()
    assert warning.case_id == third and warning.count == 4
    event = Event.get((Event.kind == "early_warning") & (Event.case == third))
    assert event.actor_id == customer.id
    told = list(Notification.select().where(Notification.kind == early_warning.NOTICE_KIND))
    assert told and {n.event_id for n in told} == {event.id}
    assert not Event.select().where((Event.kind == "early_warning") & (Event.case == fourth)).exists()

    conn = connect_as(CUSTOMER)
    try:
        cur = conn.cursor()
        cur.execute("SELECT * FROM beacon_burst_counts(%s::integer[], %s)", ([demo["app"]],
                                                                              utcnow() - timedelta(hours=1)))
        assert cur.fetchall() == [(demo["app"], 4)]  # numbers, never the incidents themselves
        cur.execute("SELECT count(*) FROM incident WHERE application_id = %s AND registered_by_id <> %s",
                    (demo["app"], demo["customer"]))
        assert cur.fetchone()[0] == 0
    finally:
        conn.close()


def test_dismissed_candidates_are_staffs_alone(demo):
    dbmod.connect(PG_URL)
    CandidateDismissal.create(group_key="app:1:1", case_ids="[1, 2, 3]", reason="벤더 패치 대기", dismissed_by=None)
    conn = connect_as(CUSTOMER)
    try:
        cur = conn.cursor()
        cur.execute("SELECT count(*) FROM candidate_dismissal")
        assert cur.fetchone()[0] == 0
        with pytest.raises((errors.InsufficientPrivilege, psycopg2.errors.RaiseException)):
            cur.execute("INSERT INTO candidate_dismissal (group_key, case_ids, reason, dismissed_at) "
                        "VALUES ('x', '[]', 'forged', now())")
    finally:
        conn.close()
    conn = connect_as(HANDLER)
    try:
        cur = conn.cursor()
        cur.execute("SELECT reason FROM candidate_dismissal")
        assert [r for (r,) in cur.fetchall()] == ["벤더 패치 대기"]
    finally:
        conn.close()
