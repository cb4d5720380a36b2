"""Schema creation, explicit versions and in-place upgrades.

A database records every schema version applied to it (`schema_version`).
A new database gets the current tables and objects at once; an older one is
upgraded step by step, each step in one transaction, after a backup copy of a
SQLite file; a database newer than this program is refused.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import peewee
from peewee import CharField, DateTimeField, IntegerField, TextField
from playhouse.migrate import PostgresqlMigrator, SchemaMigrator, SqliteMigrator

from desktop import __version__
from desktop.errors import SchemaError
from desktop.models.base import BaseModel, database, utcnow
from desktop.models.cases import (
    Action,
    AlertLink,
    Attachment,
    Case,
    CaseLink,
    Change,
    Event,
    Incident,
    Notification,
    NotificationPreference,
    NumberSequence,
    Problem,
    ServiceRequestLink,
    SlaClock,
    SlaPause,
    WorkOrder,
)
from desktop.models.cmdb import CIRelation, ConfigurationItem, OwnerMatrixEntry, PropagationOverride
from desktop.models.db import backend
from desktop.models.imports import ImportedRecord
from desktop.models.org import Credential, Role, SavedFilter, Team, User, UserRole
from desktop.models.policy import (
    BusinessCalendar,
    CalendarDay,
    Grade,
    ImpactLevel,
    PriorityMatrixCell,
    ProcessDefinition,
    Setting,
    SlaPolicy,
    UrgencyLevel,
)
from desktop.models.prevention import CandidateDismissal, EarlyWarning
from desktop.models.security import can_create_roles, install_postgres_security

log = logging.getLogger(__name__)


class SchemaVersion(BaseModel):
    """One row per schema version applied to this database."""

    version = IntegerField(primary_key=True)
    applied_at = DateTimeField(default=utcnow)
    note = CharField(max_length=200, default="")


ALL_MODELS: list[type[BaseModel]] = [
    SchemaVersion,
    Setting,
    Team,
    User,
    Credential,
    Role,
    UserRole,
    UrgencyLevel,
    ImpactLevel,
    Grade,
    PriorityMatrixCell,
    BusinessCalendar,
    CalendarDay,
    SlaPolicy,
    ProcessDefinition,
    ConfigurationItem,
    CIRelation,
    OwnerMatrixEntry,
    PropagationOverride,
    Case,
    NumberSequence,
    Incident,
    Problem,
    Change,
    WorkOrder,
    ServiceRequestLink,
    CaseLink,
    Action,
    Attachment,
    Event,
    Notification,
    NotificationPreference,
    SlaClock,
    SlaPause,
    SavedFilter,
    ImportedRecord,
    AlertLink,
    CandidateDismissal,
    EarlyWarning,
]


# --- database objects that are not tables -------------------------------------------

def _install_event_log_guard() -> None:
    """Make the event log append-only in the database itself."""
    if backend() == "sqlite":
        for op in ("UPDATE", "DELETE"):
            database.execute_sql(
                f"CREATE TRIGGER IF NOT EXISTS event_no_{op.lower()} BEFORE {op} ON event "
                "BEGIN SELECT RAISE(ABORT, 'event log is append-only'); END"
            )
        return
    database.execute_sql(
        "CREATE OR REPLACE FUNCTION beacon_event_append_only() RETURNS trigger AS $$ "
        "BEGIN RAISE EXCEPTION 'event log is append-only' USING ERRCODE = 'restrict_violation'; END "
        "$$ LANGUAGE plpgsql"
    )
    database.execute_sql("DROP TRIGGER IF EXISTS event_append_only ON event")
    database.execute_sql(
        "CREATE TRIGGER event_append_only BEFORE UPDATE OR DELETE ON event "
        "FOR EACH ROW EXECUTE FUNCTION beacon_event_append_only()"
    )


def _install_text_search() -> None:
    """Free-text search over incident titles and descriptions (Korean and English).

    SQLite: an FTS5 table with the trigram tokenizer (no word splitting, so
    Hangul works), kept in step by triggers. PostgreSQL: pg_trgm GIN indexes,
    used by ILIKE; without the extension search still works, only slower.
    """
    if backend() == "sqlite":
        database.execute_sql(
            "CREATE VIRTUAL TABLE IF NOT EXISTS incident_search USING fts5("
            "title, description, content='incident', content_rowid='case_id', tokenize='trigram')"
        )
        database.execute_sql(
            "CREATE TRIGGER IF NOT EXISTS incident_search_ai AFTER INSERT ON incident BEGIN "
            "INSERT INTO incident_search(rowid, title, description) "
            "VALUES (new.case_id, new.title, new.description); END"
        )
        database.execute_sql(
            "CREATE TRIGGER IF NOT EXISTS incident_search_ad AFTER DELETE ON incident BEGIN "
            "INSERT INTO incident_search(incident_search, rowid, title, description) "
            "VALUES ('delete', old.case_id, old.title, old.description); END"
        )
        database.execute_sql(
            "CREATE TRIGGER IF NOT EXISTS incident_search_au AFTER UPDATE OF title, description ON incident BEGIN "
            "INSERT INTO incident_search(incident_search, rowid, title, description) "
            "VALUES ('delete', old.case_id, old.title, old.description); "
            "INSERT INTO incident_search(rowid, title, description) "
            "VALUES (new.case_id, new.title, new.description); END"
        )
        database.execute_sql("INSERT INTO incident_search(incident_search) VALUES ('rebuild')")
        return
    try:
        with database.atomic():
            database.execute_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except peewee.DatabaseError as exc:
        log.warning("pg_trgm unavailable, free-text search will not be indexed: %s", exc)
        return
    database.execute_sql(
        "CREATE INDEX IF NOT EXISTS incident_title_trgm ON incident USING gin (title gin_trgm_ops)"
    )
    database.execute_sql(
        "CREATE INDEX IF NOT EXISTS incident_description_trgm ON incident USING gin (description gin_trgm_ops)"
    )


def _install_change_notify() -> None:
    """PostgreSQL: every new event tells listening clients which record changed (never its content)."""
    if backend() == "sqlite":
        return  # SQLite clients notice commits through PRAGMA data_version
    database.execute_sql(
        "CREATE OR REPLACE FUNCTION beacon_notify_change() RETURNS trigger AS $$ "
        "BEGIN PERFORM pg_notify('beacon_changes', "
        "json_build_object('event', NEW.id, 'case', NEW.case_id, 'entity', NEW.entity, "
        "'id', NEW.entity_id)::text); RETURN NULL; END $$ LANGUAGE plpgsql"
    )
    database.execute_sql("DROP TRIGGER IF EXISTS event_notify_change ON event")
    database.execute_sql(
        "CREATE TRIGGER event_notify_change AFTER INSERT ON event "
        "FOR EACH ROW EXECUTE FUNCTION beacon_notify_change()"
    )


def _install_security() -> None:
    """PostgreSQL: roles, grants, row security and audit triggers (see `desktop.models.security`)."""
    if backend() == "sqlite":
        return  # one person's file: the operating system's file mode guards it
    if not can_create_roles():
        raise SchemaError("schema.owner_needs_createrole")
    install_postgres_security()


def refresh_security() -> None:
    """PostgreSQL, as the owner: apply the roles, grants, policies and triggers again (after a restore)."""
    with database.atomic():
        _install_security()


def install_database_objects() -> None:
    """Create triggers, search structures and (PostgreSQL) roles and grants; idempotent."""
    _install_event_log_guard()
    _install_text_search()
    _install_change_notify()
    _install_security()


# --- migrations ---------------------------------------------------------------------

Step = Callable[[SchemaMigrator], None]


def _v2_text_search(migrator: SchemaMigrator) -> None:
    """v2: free-text search over incidents."""
    _install_text_search()


def _v3_sla_pauses(migrator: SchemaMigrator) -> None:
    """v3: SLA pause spans, so clocks subtract pending time in whatever calendar applies."""
    database.create_tables([SlaPause])


def _v4_delivery(migrator: SchemaMigrator) -> None:
    """v4: notification delivery (target, dispatcher claim), channel preferences, live change notify."""
    from playhouse.migrate import migrate

    migrate(
        migrator.add_column("notification", "target", CharField(max_length=500, default="")),
        migrator.add_column("notification", "claimed_by", CharField(max_length=60, default="")),
        migrator.add_column("notification", "lease_until", DateTimeField(null=True)),
    )
    database.create_tables([NotificationPreference])
    _install_change_notify()


def _v5_saved_filters(migrator: SchemaMigrator) -> None:
    """v5: named list filters per user."""
    database.create_tables([SavedFilter])


def _v6_list_sort_indexes(migrator: SchemaMigrator) -> None:
    """v6: indexes that let the incident list sort a million rows by assignee or title a page at a time."""
    from playhouse.migrate import migrate

    migrate(migrator.add_index("incident", ("assignee_id", "registered_at"), False),
            migrator.add_index("incident", ("title",), False))


def _v7_imported_records(migrator: SchemaMigrator) -> None:
    """v7: the source system and number of every case imported from another ITSM (idempotent re-import)."""
    database.create_tables([ImportedRecord])


def _v8_integrations(migrator: SchemaMigrator) -> None:
    """v8: monitoring alerts linked to their incidents; service requests delivered through the outbox."""
    from playhouse.migrate import migrate

    migrate(
        migrator.add_column("service_request_link", "delivery_key",
                            CharField(max_length=200, default="")),
        migrator.add_column("service_request_link", "delivered_at", DateTimeField(null=True)),
        migrator.add_column("service_request_link", "response", TextField(default="")),
    )
    database.create_tables([AlertLink])


def _v9_kpi_indexes(migrator: SchemaMigrator) -> None:
    """v9: indexes that let the KPI backlog and the dashboard's closed-per-month trend skip a million rows."""
    from playhouse.migrate import migrate

    migrate(migrator.add_index("incident", ("closed_at", "cancelled_at"), False),
            migrator.add_index("incident", ("state", "closed_at"), False))


def _v10_trust(migrator: SchemaMigrator) -> None:
    """v10: password hashes move to `credential`; on PostgreSQL roles, grants, row security and audit."""
    database.create_tables([Credential])
    database.execute_sql('INSERT INTO credential (user_id, password_hash, failed_attempts, must_change) '
                         'SELECT id, password_hash, 0, FALSE FROM "user"')
    database.execute_sql('ALTER TABLE "user" DROP COLUMN password_hash')
    _install_security()


def _v11_trust_gaps(migrator: SchemaMigrator) -> None:
    """v11 (PostgreSQL): out-of-band changes marked, a case's rows under row security, outbox and password guards."""
    _install_security()


def _v12_unforgeable_marks(migrator: SchemaMigrator) -> None:
    """v12 (PostgreSQL): events, notices and audit rows stamped with their login and transaction by triggers.

    A change is outside Beacon unless its login wrote an event on that case in the same transaction (no client
    setting moves the mark any more); a notice needs such an event of its writer, who is recorded with it.
    """
    _install_security()


def _v13_import_kinds(migrator: SchemaMigrator) -> None:
    """v13: an imported source number is unique per kind (a change may carry an incident's number); the
    source's category is kept beside its priority."""
    from playhouse.migrate import migrate

    # v7 created the table from the model as it is now: a database upgraded from before v7 already has it all
    columns = {c.name for c in database.get_columns("imported_record")}
    if "kind" not in columns:
        migrate(migrator.add_column("imported_record", "kind", CharField(max_length=20, default="incident")))
        database.execute_sql("UPDATE imported_record SET kind = (SELECT c.kind FROM cases c "
                             "WHERE c.id = imported_record.case_id)")
    if "source_category" not in columns:
        migrate(migrator.add_column("imported_record", "source_category", CharField(max_length=100, default="")))
    indexes = {i.name for i in database.get_indexes("imported_record")}
    if "imported_record_source_source_number" in indexes:
        migrate(migrator.drop_index("imported_record", "imported_record_source_source_number"))
    if "imported_record_source_kind_source_number" not in indexes:
        migrate(migrator.add_index("imported_record", ("source", "kind", "source_number"), True))


def _v14_case_rows_by_key(migrator: SchemaMigrator) -> None:
    """v14 (PostgreSQL): a customer's row security on a case's rows asks for that one case by its key.

    v11 asked whether a row's case was in the set of all the customer's incidents; a big bank's customer
    sees a hundred thousand, too many to hash, and their list page on a million incidents never finished.
    """
    _install_security()


def _v15_prevention(migrator: SchemaMigrator) -> None:
    """v15: dismissed problem candidates and raised early warnings; on PostgreSQL their grants and row security."""
    database.create_tables([CandidateDismissal, EarlyWarning])
    _install_security()


def _v16_what_changed_indexes(migrator: SchemaMigrator) -> None:
    """v16: "what changed?" finds the changes and work orders completed in the days before an incident by time.

    IF NOT EXISTS, under the names peewee gives the models' own indexes: tables made from today's models
    (a database a test builds at an older version) have them already."""
    database.execute_sql('CREATE INDEX IF NOT EXISTS change_implemented_at ON "change" (implemented_at)')
    database.execute_sql('CREATE INDEX IF NOT EXISTS work_order_state_finished_at ON "work_order" (state, finished_at)')


# Version 1 is the first schema; each later version is one step here, run in order.
MIGRATIONS: dict[int, tuple[str, Step]] = {
    2: ("free-text search over incidents", _v2_text_search),
    3: ("SLA pause spans", _v3_sla_pauses),
    4: ("notification delivery and live updates", _v4_delivery),
    5: ("saved list filters", _v5_saved_filters),
    6: ("indexes for sorting the incident list", _v6_list_sort_indexes),
    7: ("source numbers of imported cases", _v7_imported_records),
    8: ("monitoring alert links and service request delivery", _v8_integrations),
    9: ("indexes for the KPI backlog and closed-per-month trend", _v9_kpi_indexes),
    10: ("each person their own login; grants, row security and audit in the database", _v10_trust),
    11: ("the audit marks changes made outside Beacon; a case's rows follow its row security; "
         "a notice goes only to its recipient's own address; a forced password change clears only with a new one",
         _v11_trust_gaps),
    12: ("a change is outside Beacon unless its login wrote an event on the case in the same transaction; "
         "a notice is written only with an event of its writer, who is recorded as its sender",
         _v12_unforgeable_marks),
    13: ("imported source numbers unique per kind; the source category kept", _v13_import_kinds),
    14: ("a customer's row security on a case's rows looks up that one case (fast on a million incidents)",
         _v14_case_rows_by_key),
    15: ("problem candidates dismissed with a reason; major-incident early warnings told once per burst",
         _v15_prevention),
    16: ("indexes for \"what changed?\": changes by implementation time, finished work orders by time",
         _v16_what_changed_indexes),
}
SCHEMA_VERSION = max([1, *MIGRATIONS])


@dataclass(frozen=True)
class SchemaStatus:
    """What `ensure_schema` found and did."""

    created: bool
    from_version: int
    to_version: int
    backup: Path | None = None

    @property
    def upgraded(self) -> bool:
        return not self.created and self.from_version < self.to_version


def current_version() -> int | None:
    """The schema version of the bound database, or None if it has no Beacon schema."""
    if not database.table_exists(SchemaVersion._meta.table_name):
        return None
    found = SchemaVersion.select(peewee.fn.MAX(SchemaVersion.version)).scalar()
    return int(found) if found is not None else None


def _migrator() -> SchemaMigrator:
    if backend() == "sqlite":
        return SqliteMigrator(database.obj)
    return PostgresqlMigrator(database.obj)


def backup_sqlite(version: int) -> Path | None:
    """Copy the SQLite file (consistently, with its WAL) before an upgrade."""
    db = database.obj
    if not isinstance(db, peewee.SqliteDatabase) or db.database == ":memory:":
        return None
    source = Path(db.database)
    stamp = utcnow().strftime("%Y%m%d%H%M%S")
    target = source.with_name(f"{source.name}.v{version}-{stamp}.bak")
    os.close(os.open(target, os.O_RDWR | os.O_CREAT, 0o600))  # a copy of one person's file is theirs alone
    dest = sqlite3.connect(str(target))
    try:
        db.connection().backup(dest)
    finally:
        dest.close()
    return target


def ensure_schema() -> SchemaStatus:
    """Create the schema on an empty database or upgrade an older one in place.

    Raises:
        SchemaError: the database was made by a newer Beacon.
    """
    found = current_version()
    if found is None:
        with database.atomic():
            database.create_tables(ALL_MODELS)
            install_database_objects()
            SchemaVersion.create(version=SCHEMA_VERSION, note="created")
        return SchemaStatus(created=True, from_version=0, to_version=SCHEMA_VERSION)
    if found > SCHEMA_VERSION:
        raise SchemaError("schema.too_new", found=found, supported=SCHEMA_VERSION, program=__version__)
    if found == SCHEMA_VERSION:
        return SchemaStatus(created=False, from_version=found, to_version=found)
    backup = backup_sqlite(found)
    migrator = _migrator()
    for version in sorted(v for v in MIGRATIONS if v > found):
        note, step = MIGRATIONS[version]
        log.info("upgrading schema to v%d: %s", version, note)
        with database.atomic():
            step(migrator)
            SchemaVersion.create(version=version, note=note)
    if found >= 10:  # a later step's tables get their grants, policies and triggers too (idempotent)
        refresh_security()
    return SchemaStatus(created=False, from_version=found, to_version=SCHEMA_VERSION, backup=backup)
