"""Open the database a URL names and bind the one proxy to it.

`sqlite:///relative/path.db`, `sqlite:////absolute/path.db` (the usual
SQLAlchemy/peewee convention; `~` is expanded) or
`postgresql://user:password@host:port/database`.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import unquote, urlparse

import peewee
from playhouse.shortcuts import ReconnectMixin

from desktop.errors import DatabaseError
from desktop.models.base import database

SQLITE_PRAGMAS = (
    ("journal_mode", "wal"),
    ("foreign_keys", 1),
    ("busy_timeout", 15000),
    ("synchronous", "normal"),
)


class ReconnectingPostgresqlDatabase(ReconnectMixin, peewee.PostgresqlDatabase):
    """PostgreSQL that reconnects once when the server dropped an idle connection.

    The mixin never retries inside a transaction, so no half-done work is replayed.
    """

    reconnect_errors = (
        (peewee.OperationalError, "server closed the connection"),
        (peewee.OperationalError, "terminating connection"),
        (peewee.OperationalError, "connection not open"),
        (peewee.OperationalError, "ssl connection has been closed"),
        (peewee.OperationalError, "could not receive data"),
        (peewee.InterfaceError, "connection already closed"),
    )


@dataclass(frozen=True)
class DatabaseTarget:
    """A parsed database URL: which backend and where."""

    backend: str  # "sqlite" | "postgresql"
    url: str
    path: Path | None = None
    host: str = ""
    port: int = 5432
    user: str = ""
    password: str = ""
    name: str = ""

    def describe(self) -> str:
        """A human-readable location without the password."""
        if self.backend == "sqlite":
            return str(self.path)
        return f"postgresql://{self.user}@{self.host}:{self.port}/{self.name}"


def parse_url(url: str) -> DatabaseTarget:
    """Parse a database URL, refusing anything Beacon cannot open."""
    parsed = urlparse(url.strip())
    scheme = parsed.scheme.lower()
    if scheme == "sqlite":
        raw = unquote(parsed.path[1:]) if parsed.path.startswith("/") else ""
        if not raw or parsed.netloc:
            raise DatabaseError("db.bad_url", url=url)
        if raw == ":memory:":
            return DatabaseTarget(backend="sqlite", url=url, path=Path(":memory:"))
        path = Path(raw).expanduser()
        return DatabaseTarget(backend="sqlite", url=url, path=path.absolute())
    if scheme in ("postgresql", "postgres"):
        name = unquote(parsed.path[1:])
        try:
            port = parsed.port or 5432
        except ValueError:
            raise DatabaseError("db.bad_url", url=url) from None
        if not name or not parsed.hostname or "/" in name:
            raise DatabaseError("db.bad_url", url=url)
        return DatabaseTarget(
            backend="postgresql",
            url=url,
            host=parsed.hostname,
            port=port,
            user=unquote(parsed.username or ""),
            password=unquote(parsed.password or ""),
            name=name,
        )
    raise DatabaseError("db.bad_url", url=url)


# PostgreSQL's default random_page_cost (4) prices an index lookup for spinning disks: on a million incidents it
# made the planner hash-join all two million SLA clocks (825 ms, past the JIT threshold) where a month's 20k
# index lookups take 113 ms. 1.1 is the usual figure for SSD or cached storage; it applies to Beacon's own
# sessions only and leaves the server's setting alone.
PG_SESSION_OPTIONS = "-c random_page_cost=1.1"


def make_database(target: DatabaseTarget) -> peewee.Database:
    """Create (not yet connect) the peewee database for a target."""
    if target.backend == "sqlite":
        assert target.path is not None
        if str(target.path) != ":memory:":
            try:
                target.path.parent.mkdir(parents=True, exist_ok=True)
                # one person's file: made 0600 before SQLite opens it (its -wal and -shm files follow its mode)
                os.close(os.open(target.path, os.O_RDWR | os.O_CREAT, 0o600))
            except OSError as exc:
                raise DatabaseError("db.file_unusable", path=target.path, reason=exc.strerror) from None
        # Every write transaction takes the write lock up front (BEGIN IMMEDIATE):
        # a deferred one that read first can fail to upgrade under concurrency.
        return peewee.SqliteDatabase(str(target.path), pragmas=SQLITE_PRAGMAS, lock_type="IMMEDIATE")
    return ReconnectingPostgresqlDatabase(
        target.name,
        host=target.host,
        port=target.port,
        user=target.user or None,
        password=target.password or None,
        connect_timeout=5,
        application_name="beacon",
        options=PG_SESSION_OPTIONS,
    )


def translate_error(target: DatabaseTarget, exc: BaseException) -> DatabaseError:
    """Turn a driver error on connect into a message a user can act on."""
    text = str(exc)
    lower = text.lower()
    if target.backend == "postgresql":
        if "is not permitted to log in" in lower:  # said only after the right password: a disabled login
            return DatabaseError("db.login_disabled", user=target.user)
        if "password authentication failed" in lower or "no password supplied" in lower:
            return DatabaseError("db.auth_failed", user=target.user)
        if "does not exist" in lower and "database" in lower:
            return DatabaseError("db.not_found", database=target.name, host=target.host)
        if any(
            s in lower
            for s in ("could not connect", "connection refused", "could not translate host", "timeout expired",
                      "no route to host", "network is unreachable", "connection to server")
        ):
            return DatabaseError("db.unreachable", host=target.host, port=target.port)
        if "no pg_hba.conf entry" in lower or ("role" in lower and "does not exist" in lower):
            return DatabaseError("db.auth_failed", user=target.user)
        return DatabaseError("db.error", reason=text.strip().splitlines()[0] if text.strip() else type(exc).__name__)
    reason = text.strip() or type(exc).__name__
    return DatabaseError("db.file_unusable", path=target.path, reason=reason)


_bound_url: str | None = None
_bound_target: DatabaseTarget | None = None


def connect(url: str, *, user: str | None = None, password: str | None = None) -> peewee.Database:
    """Bind the proxy to the database at `url`, connect and check it answers.

    `user` and `password`, when given, replace the URL's (a person signing in as their own login).

    Raises:
        DatabaseError: bad URL, unreachable server, wrong password, unusable file.
    """
    global _bound_url, _bound_target
    target = parse_url(url)
    if user is not None:
        target = replace(target, user=user, password=password or "")
    db = make_database(target)
    try:
        db.connect()
        db.execute_sql("SELECT 1").fetchone()
    except (peewee.PeeweeException, sqlite3.Error, OSError) as exc:
        if not db.is_closed():
            db.close()
        raise translate_error(target, exc) from None
    close()
    database.initialize(db)
    _bound_url, _bound_target = url, target
    return db


def bound_target(url: str) -> DatabaseTarget:
    """Where `url` leads as the proxy is bound now: with the signed-in person's login when it is that database."""
    if _bound_target is not None and url == _bound_url:
        return _bound_target
    return parse_url(url)


def remember(url: str) -> None:
    """Note the database a person will sign in to as their own login (nothing connects yet)."""
    global _bound_url, _bound_target
    parse_url(url)
    _bound_url, _bound_target = url, None


def connect_as(*, user: str, password: str | None) -> peewee.Database:
    """Reconnect to the bound PostgreSQL database as another login (sign-in as oneself)."""
    if _bound_url is None:
        raise DatabaseError("db.not_initialized")
    return connect(_bound_url, user=user, password=password)


def backend() -> str:
    """The backend the proxy is bound to: "sqlite" or "postgresql"."""
    return "postgresql" if isinstance(database.obj, peewee.PostgresqlDatabase) else "sqlite"


def close() -> None:
    """Close this thread's connection, if open."""
    if database.obj is not None and not database.is_closed():
        database.close()
