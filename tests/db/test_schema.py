"""Schema versions: create, reopen, refuse newer, and upgrade a real v1 database in place."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop.errors import SchemaError
from desktop.models import SCHEMA_VERSION, Event, Incident, SchemaVersion, User, database, ensure_schema
from desktop.models import db as dbmod
from desktop.models.schema import current_version
from desktop.workflow.admin.defaults import seed_defaults
from tests.conftest import PG_URL, require_postgres, reset_postgres_schema

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def schema_shape() -> dict[str, tuple[frozenset[str], frozenset[tuple[str, ...]]]]:
    """Tables with their columns and indexed column lists, as the database reports them."""
    shape = {}
    for table in database.get_tables():
        if table.startswith("incident_search"):
            continue  # SQLite FTS5 shadow tables; checked by test_search_index_after_upgrade
        columns = frozenset(c.name for c in database.get_columns(table))
        indexes = frozenset(tuple(ix.columns) for ix in database.get_indexes(table))
        shape[table] = (columns, indexes)
    return shape


def test_fresh_database_gets_current_version(empty_db):
    status = ensure_schema()
    assert status.created and status.to_version == SCHEMA_VERSION
    assert current_version() == SCHEMA_VERSION
    again = ensure_schema()
    assert not again.created and not again.upgraded


def test_newer_database_is_refused_with_a_clear_message(empty_db):
    ensure_schema()  # as the owner: only the owner writes schema versions
    SchemaVersion.create(version=SCHEMA_VERSION + 1, note="from the future")
    with pytest.raises(SchemaError) as caught:
        ensure_schema()
    assert f"스키마 {SCHEMA_VERSION + 1}" in caught.value.message("ko")
    assert "newer Beacon" in caught.value.message("en")
    assert current_version() == SCHEMA_VERSION + 1  # nothing was touched


def _load_v1(backend: str, tmp_path: Path) -> None:
    dbmod.close()
    if backend == "sqlite":
        copy = tmp_path / "old.db"
        shutil.copy(FIXTURES / "beacon-schema-v1.db", copy)
        dbmod.connect(f"sqlite:///{copy}")
        return
    require_postgres()
    dbmod.connect(PG_URL)
    reset_postgres_schema()
    dump = (FIXTURES / "beacon-schema-v1.postgresql.sql").read_text(encoding="utf-8")
    script = "\n".join(line for line in dump.splitlines() if not line.startswith("\\"))
    database.execute_sql(script)
    database.close()  # the dump emptied search_path for its session
    dbmod.connect(PG_URL)


def test_v1_database_is_upgraded_in_place_without_losing_data(backend, tmp_path):
    _load_v1(backend, tmp_path)
    assert current_version() == 1
    before = {
        "users": sorted(User.select(User.login).tuples()),
        "incidents": sorted(Incident.select(Incident.title, Incident.state).tuples()),
        "events": Event.select().count(),
    }

    status = ensure_schema()

    assert status.upgraded and (status.from_version, status.to_version) == (1, SCHEMA_VERSION)
    assert current_version() == SCHEMA_VERSION
    assert sorted(User.select(User.login).tuples()) == before["users"]
    assert sorted(Incident.select(Incident.title, Incident.state).tuples()) == before["incidents"]
    assert Event.select().count() == before["events"]
    if backend == "sqlite":
        assert status.backup is not None and status.backup.exists()
        with sqlite3.connect(status.backup) as old:
            assert old.execute("SELECT MAX(version) FROM schema_version").fetchone() == (1,)
    from desktop.models import ProcessDefinition

    unstored = [kind for kind in ("incident", "problem", "change", "work_order")
                if not ProcessDefinition.select().where(ProcessDefinition.process == kind).exists()]
    # the v1 reference data is all still there; only processes no v1 case had used get their first version
    assert seed_defaults().added == len(unstored)

    upgraded = schema_shape()
    dbmod.close()
    if backend == "sqlite":
        dbmod.connect(f"sqlite:///{tmp_path / 'fresh.db'}")
    else:
        dbmod.connect(PG_URL)
        reset_postgres_schema()
    ensure_schema()
    assert upgraded == schema_shape()


def test_search_index_after_upgrade(backend, tmp_path):
    _load_v1(backend, tmp_path)
    ensure_schema()
    title = Incident.select(Incident.title).scalar()
    word = title.split()[0]
    if backend == "sqlite":
        found = database.execute_sql(
            "SELECT rowid FROM incident_search WHERE incident_search MATCH ?", (f'"{word}"',)
        ).fetchall()
    else:
        found = database.execute_sql("SELECT case_id FROM incident WHERE title ILIKE %s", (f"%{word}%",)).fetchall()
        indexes = {ix.name for ix in database.get_indexes("incident")}
        assert "incident_title_trgm" in indexes
    assert len(found) == 1
