"""Test set-up shared by every suite: offscreen Qt, cheap hashing, private user folders,
and the `db` fixture that runs each database test on SQLite and on PostgreSQL.

PostgreSQL comes from BEACON_TEST_POSTGRES_URL (default: the `beacon_test`
database that `tools/test-postgres` prepares). Without it the PostgreSQL half
is skipped on a developer machine and fails in CI (CI=true).
"""

from __future__ import annotations

import os
import tempfile

# Before anything imports Qt or reads settings.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["BEACON_FAST_HASH"] = "1"
_private_home = tempfile.mkdtemp(prefix="beacon-test-home-")
for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
    os.environ[var] = os.path.join(_private_home, var.lower())
os.environ["HOME"] = _private_home  # qt-material writes ~/.qt_material
os.environ.pop("BEACON_DATABASE_URL", None)
os.environ["BEACON_SITE_CONFIG"] = ""  # no organisation file from this machine (/etc/beacon) leaks in

from collections.abc import Iterator  # noqa: E402

import pytest  # noqa: E402

from desktop.models import db as dbmod  # noqa: E402
from desktop.models import ensure_schema  # noqa: E402
from desktop.models.base import database  # noqa: E402
from desktop.workflow.admin.defaults import seed_defaults  # noqa: E402

DEFAULT_PG_URL = "postgresql://beacon:beacon@127.0.0.1:5432/beacon_test"
PG_URL = os.environ.get("BEACON_TEST_POSTGRES_URL", DEFAULT_PG_URL)
PG_NAME = dbmod.parse_url(PG_URL).name
# Logins are cluster-wide: each test database's people get their own prefix (`beacon_test-kim`).
os.environ["BEACON_PG_LOGIN_PREFIX"] = f"{PG_NAME}-"
# The suite's runtime login: in every group role (people and services), owner of nothing.
RUNTIME_LOGIN = f"{PG_NAME}-suite"
RUNTIME_PASSWORD = "suite-runtime-login"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")

_pg_problem: str | None = None
_pg_checked = False


def postgres_problem() -> str | None:
    """None when the test PostgreSQL answers, else why not (checked once)."""
    global _pg_checked, _pg_problem
    if not _pg_checked:
        _pg_checked = True
        try:
            probe = dbmod.make_database(dbmod.parse_url(PG_URL))
            probe.connect()
            probe.close()
        except Exception as exc:  # any failure means "not available here"
            _pg_problem = f"PostgreSQL test database unavailable at {PG_URL}: {str(exc).strip()}"
    return _pg_problem


def require_postgres() -> None:
    """Skip (developer machine) or fail (CI) when PostgreSQL is not there."""
    problem = postgres_problem()
    if problem:
        if IN_CI:
            pytest.fail(problem + " (CI=true: PostgreSQL is required)")
        pytest.skip(problem)


def reset_postgres_schema() -> None:
    """Drop everything in the test database's public schema."""
    database.execute_sql("DROP SCHEMA IF EXISTS public CASCADE")
    database.execute_sql("CREATE SCHEMA public")


def bind(backend: str, tmp_path) -> str:
    """Bind the proxy to a fresh, empty database of `backend`; return its URL."""
    dbmod.close()
    if backend == "sqlite":
        url = f"sqlite:///{tmp_path / 'beacon.db'}"
        dbmod.connect(url)
        return url
    require_postgres()
    dbmod.connect(PG_URL)
    reset_postgres_schema()
    return PG_URL


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request) -> str:
    """Each database test runs once per backend."""
    return request.param


@pytest.fixture
def empty_db(backend: str, tmp_path) -> Iterator[str]:
    """A fresh database with no schema; yields its URL."""
    url = bind(backend, tmp_path)
    yield url
    _finish_pool_work()
    dbmod.close()


@pytest.fixture(autouse=True)
def _collect_garbage_on_the_ui_thread() -> Iterator[None]:
    """Once Qt is in the process, collect cyclic garbage between tests on this (the UI) thread, never
    automatically on a worker thread where destroying a widget crashes (see desktop/views/gc_guard.py)."""
    import gc
    import sys

    qt = "PySide6.QtCore" in sys.modules
    if qt:
        gc.disable()
    yield
    if qt or "PySide6.QtCore" in sys.modules:
        _finish_pool_work()
        gc.disable()
        gc.collect()


def _finish_pool_work() -> None:
    """Let list pages and reports still reading on Qt's thread pool finish before their database goes."""
    import sys

    if "PySide6.QtCore" in sys.modules:
        from PySide6.QtCore import QThreadPool

        QThreadPool.globalInstance().waitForDone(30_000)
        lists = sys.modules.get("desktop.views.table_models")
        if lists is not None:  # the lists' counts and seek keys run on their own pool
            lists.background_pool().waitForDone(30_000)


def bind_runtime_login() -> None:
    """PostgreSQL: leave the owner's connection and go on as the suite's runtime login.

    The owner made the schema; what the tests then do runs under the grants, row security and
    triggers a person's login meets. The login is in every group role (so tests may act as any
    user, as the services may), never the owner: it can change no table's definition.
    """
    from desktop.models.security import PEOPLE_ROLES, SERVICE_ROLES, group

    groups = ", ".join(f'"{group(code)}"' for code in (*PEOPLE_ROLES, *SERVICE_ROLES))
    if not database.execute_sql("SELECT 1 FROM pg_roles WHERE rolname = %s", (RUNTIME_LOGIN,)).fetchone():
        database.execute_sql(f'CREATE ROLE "{RUNTIME_LOGIN}" LOGIN PASSWORD \'{RUNTIME_PASSWORD}\'')
    database.execute_sql(f'GRANT {groups} TO "{RUNTIME_LOGIN}"')
    dbmod.connect(PG_URL, user=RUNTIME_LOGIN, password=RUNTIME_PASSWORD)


def as_suite() -> None:
    """After a test signed in as someone (PostgreSQL: their own login), go on as the suite's runtime login."""
    if dbmod.backend() == "postgresql":
        dbmod.connect(PG_URL, user=RUNTIME_LOGIN, password=RUNTIME_PASSWORD)


@pytest.fixture
def db(empty_db: str) -> str:
    """A fresh database with the current schema and the shipped defaults; yields its URL.

    On PostgreSQL the schema is made by the owner and the test runs as the runtime login.
    """
    ensure_schema()
    seed_defaults()
    if dbmod.backend() == "postgresql":
        bind_runtime_login()
    return empty_db


@pytest.fixture
def cli_as(db: str, monkeypatch):
    """Sign the `beacon` command in as a Beacon user; returns the database URL to give it.

    SQLite: BEACON_USER and BEACON_PASSWORD. PostgreSQL: the user's own login, in the URL.
    """
    from urllib.parse import quote

    from desktop.models import User
    from desktop.models.security import login_prefix
    from desktop.workflow.common.auth import store_password

    def sign_in(login: str, password: str = "cli password 1") -> str:
        user = User.get(User.login == login)
        if dbmod.backend() == "postgresql":
            as_suite()
        with database.atomic():
            store_password(user.id, password)
        monkeypatch.setenv("BEACON_USER", login)
        monkeypatch.setenv("BEACON_PASSWORD", password)
        if dbmod.backend() == "sqlite":
            return db
        target = dbmod.parse_url(PG_URL)
        return (f"postgresql://{quote(login_prefix() + login, safe='')}:{quote(password, safe='')}"
                f"@{target.host}:{target.port}/{target.name}")

    return sign_in


@pytest.fixture
def pg_db(tmp_path) -> Iterator[str]:
    """A fresh PostgreSQL database with schema and defaults, for server-only behaviour (as the runtime login)."""
    url = bind("postgresql", tmp_path)
    ensure_schema()
    seed_defaults()
    bind_runtime_login()
    yield url
    _finish_pool_work()
    dbmod.close()
