"""Opening, creating and upgrading a Beacon database: the service behind `init-db` and start-up."""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass

from desktop.errors import DatabaseError, SchemaError
from desktop.models import Role, User, UserRole, database, ensure_schema
from desktop.models import db as dbmod
from desktop.models.schema import SCHEMA_VERSION, SchemaStatus, current_version, refresh_security
from desktop.texts import TEXTS
from desktop.workflow.admin.defaults import seed_defaults
from desktop.workflow.common.auth import check_password, store_password
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
    logins: tuple[tuple[str, str], ...] = ()  # PostgreSQL logins made here, with their temporary passwords


def connect(url: str, *, create: bool = False) -> dbmod.DatabaseTarget:
    """Bind the database at `url`; raises DatabaseError with a user-facing message.

    A SQLite file that is not there is created only when `create` (see `dbmod.make_database`).
    """
    target = dbmod.parse_url(url)
    dbmod.connect(url, create=create)
    return target


def _ensure_admin(password: str | None) -> str | None:
    if User.select().exists():
        return None
    chosen = password or secrets.token_urlsafe(12)
    with database.atomic():
        admin = User.create(login="admin", name=TEXTS["setup.admin_name"]["ko"],
                            name_en=TEXTS["setup.admin_name"]["en"])
        UserRole.create(user=admin, role=Role.get(Role.code == "admin"))
        # a generated password is handed out once: the first sign-in asks for a new one
        store_password(admin.id, chosen, must_change=password is None)
    return chosen


def provision_logins() -> list[tuple[str, str]]:
    """PostgreSQL: a login for every Beacon user who has none yet, each with a temporary password.

    The upgrade path of a team database made before schema v10: the DBA runs `beacon init-db` as the
    owner and hands out the printed passwords; each person chooses a new one at the first sign-in.
    Logins that exist keep their password; their group roles follow the users' roles.
    """
    if dbmod.backend() != "postgresql":
        return []
    from desktop.models.security import login_prefix
    from desktop.workflow.admin.people import generate_password
    from desktop.workflow.common.auth import sync_login

    handed_out = []
    with database.atomic():
        for user_id, login in User.select(User.id, User.login).order_by(User.login).tuples():
            role = login_prefix() + login
            if database.execute_sql("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone():
                sync_login(user_id)
                continue
            temporary = generate_password()
            store_password(user_id, temporary, must_change=True)
            handed_out.append((role, temporary))
    return handed_out


def initialize_database(
    url: str, *, demo: bool = False, admin_password: str | None = None, demo_incidents: int = 1500,
    progress: Callable[[str, int], None] | None = None,
) -> InitResult:
    """Create or upgrade the database at `url`, add missing defaults, optionally load demo data.

    Running it again on the same database changes nothing (idempotent). A read-only SQLite
    file is refused with a clear message before anything is tried.
    """
    if admin_password is not None:
        check_password(admin_password, demo=demo)  # one policy: 10 characters; 'beacon' in a demo only
    target = connect(url, create=True)
    if dbmod.read_only():
        dbmod.close()
        raise DatabaseError("db.read_only_init", path=target.path)
    try:
        status = ensure_schema()
    except DatabaseError as exc:
        if exc.code == "db.read_only":
            raise DatabaseError("db.read_only_init", path=target.path) from None
        raise
    except Exception as exc:  # a file the OS lets us open but not write (e.g. an immutable file)
        if target.backend == "sqlite" and "readonly" in str(exc).lower():
            raise DatabaseError("db.read_only_init", path=target.path) from None
        raise
    if target.backend == "postgresql" and not status.created and not status.upgraded:
        refresh_security()  # the owner's run again (after a restore, or to repair a grant): idempotent
    seeded = seed_defaults()
    loaded = False
    already = bool(get_setting("demo_loaded", False))
    if demo and not already:
        from desktop.demo import bank as demo_module

        loaded = demo_module.load_demo(incidents=demo_incidents, progress=progress) is not None
    created_password = _ensure_admin(admin_password)
    if demo and admin_password is not None and created_password is None and loaded:
        # the demo made 'admin' with the demo password: the one given here replaces it, never silently ignored
        admin = User.get_or_none(User.login == "admin")
        if admin is not None:
            with database.atomic():
                store_password(admin.id, admin_password)
    logins = provision_logins()
    return InitResult(
        location=target.describe(),
        backend=target.backend,
        schema=status,
        defaults_added=seeded.added,
        demo_loaded=loaded,
        demo_already_present=demo and already,
        admin_password=created_password,
        logins=tuple(logins),
    )


@dataclass(frozen=True)
class OpenResult:
    """What opening the app's database did; `admin_password` is set when a new admin was created."""

    schema: SchemaStatus
    admin_password: str | None = None
    read_only: bool = False  # a SQLite file this user may read but not write


def open_database(url: str, *, create_with_demo: bool = False, create: bool = False,
                  progress: Callable[[str, int], None] | None = None) -> OpenResult:
    """Open the database for the app: upgrade an older schema; create one if allowed.

    A missing SQLite file is created (with demo data when `create_with_demo`) only when
    `create` (the app's first start, after asking); a shared PostgreSQL database is set up by
    an administrator with init-db. A read-only SQLite file opens as it is (no upgrade, no defaults).
    `progress` hears (step key, percent) while a new database is made (keys: "start" and the demo's steps).

    Raises:
        DatabaseError: unreachable, refused, or not set up.
        SchemaError: made by a newer Beacon.
    """
    parsed = dbmod.parse_url(url)
    if parsed.backend == "postgresql" and not parsed.password and not parsed.user:
        # each person connects as their own login: the sign-in connects (and checks the schema)
        dbmod.remember(url)
        return OpenResult(SchemaStatus(created=False, from_version=SCHEMA_VERSION, to_version=SCHEMA_VERSION))
    target = connect(url, create=create)
    if current_version() is None:
        if target.backend != "sqlite" or not create:
            raise DatabaseError("db.not_initialized")
        if progress is not None:
            progress("start", 1)
        result = initialize_database(url, demo=create_with_demo, progress=progress)
        return OpenResult(result.schema, result.admin_password)
    if target.backend == "postgresql":
        return OpenResult(check_schema())  # a shared database is upgraded by its owner (init-db), never here
    if dbmod.read_only():
        version = current_version()
        if version != SCHEMA_VERSION:
            raise DatabaseError("db.read_only_init", path=target.path)
        return OpenResult(SchemaStatus(created=False, from_version=version, to_version=version), read_only=True)
    status = ensure_schema()
    seed_defaults()
    return OpenResult(status)


def _check_new_file_place(target: dbmod.DatabaseTarget) -> None:
    assert target.path is not None
    folder = target.path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if not folder.is_dir() or not os.access(folder, os.W_OK | os.X_OK):
        raise DatabaseError("db.file_unusable", path=target.path,
                            reason=TEXTS.pair("setup.folder_not_writable", folder=folder))


def check_schema() -> SchemaStatus:
    """PostgreSQL at run time: the schema must be this program's (a DBA upgrades it with init-db)."""
    found = current_version()
    if found is None:
        raise DatabaseError("db.not_initialized")
    if found > SCHEMA_VERSION:
        return ensure_schema()  # raises schema.too_new
    if found < SCHEMA_VERSION:
        raise SchemaError("schema.upgrade_by_owner", found=found, supported=SCHEMA_VERSION)
    return SchemaStatus(created=False, from_version=found, to_version=found)


def check_connection(url: str) -> None:
    """Connect to `url` and disconnect again, leaving the app's database as it was.

    Raises:
        DatabaseError: with the reason in the user's language.
    """
    target = dbmod.parse_url(url)
    if target.backend == "sqlite" and target.path is not None and not target.path.exists():
        _check_new_file_place(target)  # the app will make the file there; see that it can, without making it
        return
    probe = dbmod.make_database(target, create=False)
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


def describe_database(url: str) -> tuple[str, str, int]:
    """(backend, location without any password, schema version the program speaks) for Help → About."""
    target = dbmod.parse_url(url)
    return target.backend, target.describe(), SCHEMA_VERSION
