"""A database made by the first Beacon that wrote one (schema v2, its demo bank) opens with today's code intact.

The fixture is a text dump made by tests/fixtures/make_schema_v2_demo.py from that commit's own code.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop.models import SCHEMA_VERSION, ConfigurationItem, Event, Incident
from desktop.models import db as dbmod
from desktop.models.schema import current_version
from desktop.setup import open_database
from desktop.workflow.cases import case_service, queries
from desktop.workflow.common.session import authenticate

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "beacon-schema-v2-demo.sql"
INCIDENT = """
    SELECT c.number, i.title, i.description, i.state, i.incident_type, g.level, ci.code, i.registered_at,
           i.accepted_at, i.closed_at, i.resolution, i.cause, u.login, i.version
    FROM incident i JOIN cases c ON c.id = i.case_id JOIN grade g ON g.id = i.grade_id
    JOIN configuration_item ci ON ci.id = i.application_id LEFT JOIN user u ON u.id = i.assignee_id
    WHERE c.number = ?
"""
COUNTS = ("incident", "problem", "work_order", "event", "action", "user", "configuration_item", "sla_clock")


def load_first_demo(path: Path) -> Path:
    """The fixture as a SQLite file at `path`."""
    with sqlite3.connect(path) as connection:
        connection.executescript(FIXTURE.read_text(encoding="utf-8"))
    return path


def snapshot(path: Path) -> dict[str, object]:
    """Counts and one incident, read with plain SQL (not today's models)."""
    with sqlite3.connect(path) as connection:
        counts = {table: connection.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0] for table in COUNTS}
        incident = connection.execute(INCIDENT, ("INC-2025-000003",)).fetchone()
    return {"counts": counts, "incident": incident}


@pytest.fixture
def first_demo(tmp_path):
    path = load_first_demo(tmp_path / "beacon.db")
    yield path
    dbmod.close()


def test_fixture_is_what_the_first_beacon_wrote(first_demo):
    before = snapshot(first_demo)
    with sqlite3.connect(first_demo) as connection:
        assert connection.execute("SELECT MAX(version) FROM schema_version").fetchone() == (2,)
    assert before["counts"]["incident"] == 40 and before["counts"]["user"] == 31
    assert before["incident"] is not None and before["incident"][3] == "closed"


def test_opening_it_upgrades_with_a_backup_and_keeps_every_row(first_demo):
    before = snapshot(first_demo)

    opened = open_database(f"sqlite:///{first_demo}")  # what the desktop client does on start

    assert (opened.schema.from_version, opened.schema.to_version) == (2, SCHEMA_VERSION)
    assert current_version() == SCHEMA_VERSION
    backup = opened.schema.backup
    assert backup is not None and backup.parent == first_demo.parent and backup.name.startswith("beacon.db.v2-")
    with sqlite3.connect(backup) as old:
        assert old.execute("SELECT MAX(version) FROM schema_version").fetchone() == (2,)
    dbmod.close()
    after = snapshot(first_demo)
    assert after["counts"] == before["counts"]
    assert after["incident"] == before["incident"]


def test_the_upgraded_bank_can_be_worked_on(first_demo):
    events_before = snapshot(first_demo)["counts"]["event"]
    open_database(f"sqlite:///{first_demo}")
    admin = authenticate("admin", "beacon")  # passwords hashed by the first Beacon still sign in
    customer = authenticate("kim.jieun", "beacon")
    old = queries.list_incidents(actor_id=admin.id, filters=queries.IncidentFilter(text="인터넷뱅킹"))
    assert len(old.rows) >= 3  # the old search index answers after the upgrade
    application = ConfigurationItem.get(ConfigurationItem.code == "APP-IB")

    registered = case_service.register_incident(
        actor_id=customer.id, title="업그레이드 후 첫 장애", description="옛 데이터베이스에 새로 등록한 장애",
        application_id=application.id, urgency="high", incident_type="application")
    incident = Incident.get_by_id(registered.case_id)
    assert incident.state == "registered" and incident.assignee is not None  # the old owner matrix assigned it
    handler = incident.assignee
    accepted = case_service.accept_incident(actor_id=handler.id, case_id=incident.case_id, version=registered.version)

    assert accepted.state == "accepted"
    found = queries.list_incidents(actor_id=admin.id, filters=queries.IncidentFilter(text="업그레이드 후"))
    assert [row.number for row in found.rows] == [registered.number]
    assert Event.select().count() >= events_before + 2
