"""Opening, creating and upgrading a Beacon database: the service behind `init-db` and start-up."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from desktop.errors import DatabaseError
from desktop.models import Role, User, UserRole, database, ensure_schema
from desktop.models import db as dbmod
from desktop.models.schema import SchemaStatus, current_version
from desktop.texts import TEXTS
from desktop.workflow.admin.defaults import seed_defaults
from desktop.workflow.common.auth import hash_password
from desktop.workflow.common.settings import get_setting


@dataclass(frozen=True)
class InitResult:
    """What `initialize_database` did, for the CLI to report."""

    location: str
    backend: str
    schema: SchemaStatus
    defaults_added: int
    demo_loaded: bool
    demo_already_present: bool
    admin_password: str | None  # set only when a new admin account was created here


def connect(url: str) -> dbmod.DatabaseTarget:
    """Bind the database at `url`; raises DatabaseError with a user-facing message."""
    target = dbmod.parse_url(url)
    dbmod.connect(url)
    return target


def _ensure_admin(password: str | None) -> str | None:
    if User.select().exists():
        return None
    chosen = password or secrets.token_urlsafe(9)
    with database.atomic():
        admin = User.create(login="admin", name=TEXTS["setup.admin_name"]["ko"],
                            name_en=TEXTS["setup.admin_name"]["en"],
                            password_hash=hash_password(chosen))
        UserRole.create(user=admin, role=Role.get(Role.code == "admin"))
    return chosen


def initialize_database(
    url: str, *, demo: bool = False, admin_password: str | None = None, demo_incidents: int = 1500
) -> InitResult:
    """Create or upgrade the database at `url`, add missing defaults, optionally load demo data.

    Running it again on the same database changes nothing (idempotent).
    """
    target = connect(url)
    status = ensure_schema()
    seeded = seed_defaults()
    loaded = False
    already = bool(get_setting("demo_loaded", False))
    if demo and not already:
        from desktop.demo import bank as demo_module

        loaded = demo_module.load_demo(incidents=demo_incidents) is not None
    created_password = _ensure_admin(admin_password)
    return InitResult(
        location=target.describe(),
        backend=target.backend,
        schema=status,
        defaults_added=seeded.added,
        demo_loaded=loaded,
        demo_already_present=demo and already,
        admin_password=created_password,
    )


@dataclass(frozen=True)
class OpenResult:
    """What opening the app's database did; `admin_password` is set when a new admin was created."""

    schema: SchemaStatus
    admin_password: str | None = None


def open_database(url: str, *, create_with_demo: bool = False) -> OpenResult:
    """Open the database for the app: upgrade an older schema; create one if allowed.

    A missing schema is created (with demo data when `create_with_demo`) only on
    SQLite; a shared PostgreSQL database is set up by an administrator with init-db.

    Raises:
        DatabaseError: unreachable, refused, or not set up.
        SchemaError: made by a newer Beacon.
    """
    target = connect(url)
    if current_version() is None:
        if target.backend != "sqlite":
            raise DatabaseError("db.not_initialized")
        result = initialize_database(url, demo=create_with_demo)
        return OpenResult(result.schema, result.admin_password)
    status = ensure_schema()
    seed_defaults()
    return OpenResult(status)


def check_connection(url: str) -> None:
    """Connect to `url` and disconnect again, leaving the app's database as it was.

    Raises:
        DatabaseError: with the reason in the user's language.
    """
    target = dbmod.parse_url(url)
    probe = dbmod.make_database(target)
    try:
        probe.connect()
        probe.execute_sql("SELECT 1")
    except DatabaseError:
        raise
    except Exception as exc:  # driver errors become a message a person can act on
        raise dbmod.translate_error(target, exc) from None
    finally:
        if not probe.is_closed():
            probe.close()
