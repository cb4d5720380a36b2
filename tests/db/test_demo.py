"""The demo bank: realistic, consistent, deterministic, loaded once."""

from __future__ import annotations

from datetime import datetime

from peewee import fn

from desktop.demo.bank import demo_counts, load_demo
from desktop.models import (
    Case,
    CaseLink,
    ConfigurationItem,
    Event,
    Grade,
    Incident,
    OwnerMatrixEntry,
    PriorityMatrixCell,
    Problem,
    Role,
    User,
    database,
)
from desktop.models.numbering import create_case

NOW = datetime(2026, 11, 27, 8, 0)


def test_full_demo_bank_counts_and_shape(db):
    counts = load_demo(now=NOW)
    assert counts is not None
    assert counts == demo_counts()
    assert counts.applications == 12 and counts.users >= 30 and counts.teams >= 5
    assert counts.incidents == 1500 and counts.problems == 40
    assert counts.work_orders > 100 and counts.changes > 50 and counts.actions > 1500
    assert counts.events >= 5 * counts.incidents
    names = {n for (n,) in ConfigurationItem.select(ConfigurationItem.name)
             .where(ConfigurationItem.kind == "application").tuples()}
    assert {"인터넷뱅킹", "모바일뱅킹", "계정계", "카드승인"} <= names

    # every application has a primary handler in the owner matrix
    primary = Role.get(Role.code == "primary_handler")
    covered = (OwnerMatrixEntry.select(fn.COUNT(fn.DISTINCT(OwnerMatrixEntry.ci)))
               .where(OwnerMatrixEntry.role == primary).scalar())
    assert covered == 12
    # all grades and the main states occur, spread over a year
    levels = Incident.select(Grade.level).join(Grade).distinct().tuples()
    assert {level for (level,) in levels} == {1, 2, 3, 4}
    assert {"registered", "accepted", "in_progress", "closed", "cancelled"} <= {
        s for (s,) in Incident.select(Incident.state).distinct().tuples()}
    first, last = Incident.select(fn.MIN(Incident.registered_at), fn.MAX(Incident.registered_at)).tuples().get()
    assert (last - first).days > 300 and last <= NOW


def test_demo_incidents_are_consistent(db):
    load_demo(now=NOW, incidents=300, problems=10)
    matrix = {(c.urgency_id, c.impact_id): c.grade_id for c in PriorityMatrixCell.select()}
    regraded = {c for (c,) in Event.select(Event.case).where(Event.kind == "regrade").tuples()}
    for inc in Incident.select().join(ConfigurationItem, on=Incident.application == ConfigurationItem.id):
        assert inc.impact_id == inc.application.impact_id
        if inc.case_id not in regraded:
            assert inc.grade_id == matrix[(inc.urgency_id, inc.impact_id)], inc.case_id
        if inc.state == "closed":
            assert inc.cause and inc.result and inc.follow_up_plan and inc.recurrence_prevention
            assert inc.registered_at <= inc.accepted_at <= inc.resolved_at <= inc.closed_at
        if inc.state == "cancelled":
            assert inc.cancel_reason and inc.cancelled_at and inc.closed_at is None
    problem_links = CaseLink.select().where(CaseLink.kind == "problem").count()
    assert problem_links >= 2 * Problem.select().count()


def _fingerprint() -> list[tuple[object, ...]]:
    return list(
        Incident.select(Case.number, Incident.title, Incident.state, Incident.grade, Incident.registered_at)
        .join(Case).order_by(Case.number).tuples()
    )


def test_same_seed_same_bank_and_loaded_only_once(db):
    load_demo(now=NOW, incidents=120, problems=5)
    first = _fingerprint()
    users = User.select().count()
    assert load_demo(now=NOW, incidents=120, problems=5) is None
    assert _fingerprint() == first and User.select().count() == users
    # the close dialog can offer a target system for a service request
    from desktop.workflow.notify.service_requests import systems

    assert list(systems()) == ["대외계 ITSM"] and systems()["대외계 ITSM"].url.endswith(".invalid/api/v1/requests")
    # numbering continues after the demo's last number of the year
    last_2026 = max(n for n, *_ in first if n.startswith("INC-2026-"))
    with database.atomic():
        fresh = create_case("incident", year=2026).number
    assert int(fresh.rsplit("-", 1)[1]) == int(last_2026.rsplit("-", 1)[1]) + 1


def test_another_database_same_seed_gives_the_same_bank(db, tmp_path):
    load_demo(now=NOW, incidents=80, problems=3, seed=7)
    here = _fingerprint()
    from desktop.models import db as dbmod
    from desktop.models import ensure_schema
    from desktop.workflow.admin.defaults import seed_defaults

    dbmod.close()
    dbmod.connect(f"sqlite:///{tmp_path / 'other.db'}")
    ensure_schema()
    seed_defaults()
    load_demo(now=NOW, incidents=80, problems=3, seed=7)
    assert _fingerprint() == here
