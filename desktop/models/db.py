"""Open the database a URL names and bind the one proxy to it.

`sqlite:///relative/path.db`, `sqlite:////absolute/path.db` (the usual
SQLAlchemy/peewee convention; `~` is expanded) or
`postgresql://user:password@host:port/database`, where the host part may name several
servers (`h1:5432,h2:5433`) and the query passes libpq parameters through
(`?target_session_attrs=read-write&sslmode=verify-full`), so a client follows a failover.

Only `init-db` (and the app's first start, after asking) may create a SQLite file: a typo in
a path is refused instead of becoming a new, empty database. `is_transient` tells the
services which errors to wait out (a restart, a failover, a cut network, a locked file).
"""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote, urlparse

import peewee
from playhouse.pool import PooledPostgresqlDatabase
from playhouse.shortcuts import ReconnectMixin

from desktop.errors import MESSAGES, DatabaseError
from desktop.models.base import database

SQLITE_PRAGMAS = (
    ("journal_mode", "wal"),
    ("foreign_keys", 1),
    ("busy_timeout", 15000),
    ("synchronous", "normal"),
)


class DatabaseFault(DatabaseError, peewee.OperationalError):
    """A fault a person can meet (locked, read-only, restarting, unreachable) as a sentence in their language.

    It is still a peewee `OperationalError`, so transactions roll back and retries work as before,
    and a `BeaconError`, so every screen and command that shows those shows this one too.
    """


class FaultsInWords:
    """Raise the driver's faults a person can meet as `DatabaseFault`s (mixed into each backend)."""

    beacon_target: DatabaseTarget | None = None

    def _translated(self, exc: Exception) -> Exception:
        target = self.beacon_target
        if target is None or (not is_transient(exc) and "readonly" not in str(exc).lower()):
            return exc
        error = translate_error(target, exc)
        if error.code not in ("db.locked", "db.read_only", "db.restarting", "db.unreachable", "db.standby"):
            return exc
        return DatabaseFault(error.code, **error.params)

    def execute_sql(self, sql: str, params: Any = None) -> Any:
        try:
            return super().execute_sql(sql, params)  # type: ignore[misc]
        except (peewee.OperationalError, peewee.InterfaceError) as exc:
            translated = self._translated(exc)
            if translated is exc:
                raise
            raise translated from exc

    def begin(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().begin(*args, **kwargs)  # type: ignore[misc]
        except (peewee.OperationalError, peewee.InterfaceError) as exc:
            translated = self._translated(exc)
            if translated is exc:
                raise
            raise translated from exc

    def commit(self) -> Any:
        try:
            return super().commit()  # type: ignore[misc]
        except (peewee.OperationalError, peewee.InterfaceError) as exc:
            translated = self._translated(exc)
            if translated is exc:
                raise
            if isinstance(translated, DatabaseFault) and translated.code in ("db.restarting", "db.unreachable"):
                # COMMIT was sent and no answer came: it may have been made. Say so; replay nothing.
                where = self.beacon_target.where() if self.beacon_target else ""
                raise DatabaseFault("db.commit_unknown", where=where) from exc
            raise translated from exc

    def rollback(self) -> Any:
        try:
            return super().rollback()  # type: ignore[misc]
        except (peewee.OperationalError, peewee.InterfaceError) as exc:
            if is_transient(exc):  # the connection died, and its transaction with it: nothing left to undo
                return None
            raise


class SqliteDatabaseInWords(FaultsInWords, peewee.SqliteDatabase):
    """SQLite whose locked and read-only faults read as sentences."""


class ReconnectingPostgresqlDatabase(FaultsInWords, ReconnectMixin, peewee.PostgresqlDatabase):
    """PostgreSQL that reconnects once when the server dropped an idle connection.

    The mixin never retries inside a transaction, so no half-done work is replayed.
    """

    reconnect_errors = (
        (peewee.OperationalError, "server closed the connection"),
        (peewee.OperationalError, "the database system is shutting down"),
        (peewee.OperationalError, "terminating connection"),
        (peewee.OperationalError, "connection not open"),
        (peewee.OperationalError, "ssl connection has been closed"),
        (peewee.OperationalError, "could not receive data"),
        (peewee.InterfaceError, "connection already closed"),
    )


class ReconnectingPooledPostgresqlDatabase(FaultsInWords, ReconnectMixin, PooledPostgresqlDatabase):
    """The same, with a bounded pool of connections (a service that serves many requests at once)."""

    reconnect_errors = ReconnectingPostgresqlDatabase.reconnect_errors


@dataclass(frozen=True)
class DatabaseTarget:
    """A parsed database URL: which backend and where."""

    backend: str  # "sqlite" | "postgresql"
    url: str
    path: Path | None = None
    host: str = ""  # the first server; `servers` has them all
    port: int = 5432
    user: str = ""
    password: str = ""
    name: str = ""
    servers: tuple[tuple[str, int], ...] = ()
    params: tuple[tuple[str, str], ...] = ()  # libpq parameters from the query, e.g. target_session_attrs

    def describe(self) -> str:
        """A human-readable location without the password."""
        if self.backend == "sqlite":
            return str(self.path)
        query = "&".join(f"{k}={v}" for k, v in self.params if k not in SECRET_PARAMS)
        return f"postgresql://{self.user}@{self.where()}/{self.name}" + (f"?{query}" if query else "")

    def where(self) -> str:
        """`host:port`, or several of them joined by commas."""
        return ",".join(f"{h}:{p}" for h, p in self.servers) or f"{self.host}:{self.port}"

    def connect_kwargs(self) -> dict[str, Any]:
        """libpq keywords for psycopg2: every server and every parameter of the URL, intact."""
        out: dict[str, Any] = dict(self.params)
        servers = self.servers or ((self.host, self.port),)
        if servers[0][0]:
            out["host"] = ",".join(h for h, _ in servers)
            out["port"] = ",".join(str(p) for _, p in servers)
        if self.user:
            out["user"] = self.user
        if self.password:
            out["password"] = self.password
        out.setdefault("connect_timeout", 5)
        return out


SECRET_PARAMS = ("password", "sslpassword")


def redact(url: str) -> str:
    """The URL without its password (for messages and logs)."""
    text = url.strip()
    scheme, sep, rest = text.partition("://")
    if not sep:
        return text
    netloc, slash, tail = rest.partition("/")
    user, at, hosts = netloc.rpartition("@")
    if at and ":" in user:
        netloc = user.split(":", 1)[0] + ":***@" + hosts
    for key in SECRET_PARAMS:
        tail = re.sub(rf"(?i)(\b{key}=)[^&]*", r"\1***", tail)
    return f"{scheme}{sep}{netloc}{slash}{tail}"


def _servers(hostlist: str, url: str) -> tuple[tuple[str, int], ...]:
    """`h1:5432,h2,[::1]:5433` → ((h1, 5432), (h2, 5432), (::1, 5433))."""
    out = []
    for part in hostlist.split(","):
        part = part.strip()
        if part.startswith("["):
            host, _, rest = part[1:].partition("]")
            port_text = rest[1:] if rest.startswith(":") else ""
        else:
            host, _, port_text = part.partition(":")
        host = unquote(host)
        if not host or (port_text and not port_text.isdigit()):
            raise DatabaseError("db.bad_url", url=redact(url))
        port = int(port_text) if port_text else 5432
        if not 0 < port <= 65535:
            raise DatabaseError("db.bad_url", url=redact(url))
        out.append((host, port))
    return tuple(out)


def parse_url(url: str) -> DatabaseTarget:
    """Parse a database URL, refusing anything Beacon cannot open."""
    if "\x00" in url:
        raise DatabaseError("db.bad_url", url=redact(url.replace("\x00", "\\0")))
    try:
        parsed = urlparse(url.strip())
    except ValueError:
        raise DatabaseError("db.bad_url", url=redact(url)) from None
    scheme = parsed.scheme.lower()
    if scheme == "sqlite":
        raw = unquote(parsed.path[1:]) if parsed.path.startswith("/") else ""
        if not raw or parsed.netloc or "\x00" in raw:
            raise DatabaseError("db.bad_url", url=url)
        if raw == ":memory:":
            return DatabaseTarget(backend="sqlite", url=url, path=Path(":memory:"))
        path = Path(raw).expanduser()
        return DatabaseTarget(backend="sqlite", url=url, path=path.absolute())
    if scheme in ("postgresql", "postgres"):
        name = unquote(parsed.path[1:])
        userinfo, _, hostlist = parsed.netloc.rpartition("@")
        user, _, password = userinfo.partition(":")
        params = tuple((k, v) for k, v in parse_qsl(parsed.query, keep_blank_values=True))
        if not name or not hostlist or "/" in name or "\x00" in unquote(parsed.netloc) + name + parsed.query:
            raise DatabaseError("db.bad_url", url=redact(url))
        servers = _servers(hostlist, url)
        return DatabaseTarget(
            backend="postgresql",
            url=url,
            host=servers[0][0],
            port=servers[0][1],
            user=unquote(user),
            password=unquote(password),
            name=name,
            servers=servers,
            params=params,
        )
    raise DatabaseError("db.bad_url", url=redact(url))


# PostgreSQL's default random_page_cost (4) prices an index lookup for spinning disks: on a million incidents it
# made the planner hash-join all two million SLA clocks (825 ms, past the JIT threshold) where a month's 20k
# index lookups take 113 ms. 1.1 is the usual figure for SSD or cached storage; it applies to Beacon's own
# sessions only and leaves the server's setting alone.
# (Until schema v12 these options also set `beacon.via=app`, and the audit took a change without it for one
# made outside Beacon; any client can set a setting, so the audit now asks the event log instead: see
# desktop.models.security.)
PG_SESSION_OPTIONS = "-c random_page_cost=1.1"


def make_database(target: DatabaseTarget, *, create: bool = True, pool: int = 0) -> peewee.Database:
    """Create (not yet connect) the peewee database for a target.

    A SQLite file that does not exist is refused unless `create`; every entry point a person
    uses goes through `desktop.setup`, which creates only for init-db (or the app's first start,
    after asking), so a mistyped path never becomes a new empty database. `pool` > 0
    gives PostgreSQL a pool of at most that many connections (the intake's).
    """
    if target.backend == "sqlite":
        assert target.path is not None
        if str(target.path) != ":memory:":
            if create:
                try:
                    target.path.parent.mkdir(parents=True, exist_ok=True)
                    if not target.path.exists():
                        # one person's file: made 0600 before SQLite opens it (its -wal and -shm follow its mode)
                        os.close(os.open(target.path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600))
                except FileExistsError:
                    pass  # made a moment ago by another process: SQLite opens it as it is
                except OSError as exc:
                    raise DatabaseError("db.file_unusable", path=target.path, reason=exc.strerror) from None
            elif not target.path.exists():
                raise DatabaseError("db.file_missing", path=target.path)
            elif not target.path.is_file():
                raise DatabaseError("db.file_unusable", path=target.path, reason=_not_a_file(target.path))
        # Every write transaction takes the write lock up front (BEGIN IMMEDIATE):
        # a deferred one that read first can fail to upgrade under concurrency.
        sqlite = SqliteDatabaseInWords(str(target.path), pragmas=SQLITE_PRAGMAS, lock_type="IMMEDIATE")
        sqlite.beacon_target = target
        return sqlite
    kwargs = target.connect_kwargs()
    kwargs.setdefault("application_name", "beacon")
    kwargs["options"] = (PG_SESSION_OPTIONS + " " + kwargs["options"]).strip() if "options" in kwargs \
        else PG_SESSION_OPTIONS
    pg: FaultsInWords
    if pool > 0:
        pg = ReconnectingPooledPostgresqlDatabase(target.name, max_connections=pool, stale_timeout=300, timeout=30,
                                                  **kwargs)
    else:
        pg = ReconnectingPostgresqlDatabase(target.name, **kwargs)
    pg.beacon_target = target
    return pg  # type: ignore[return-value]


def _not_a_file(path: Path) -> dict[str, str]:
    return {"ko": f"{path}은(는) 일반 파일이 아닙니다", "en": f"{path} is not a regular file"}


TRANSIENT_MARKERS = (
    "server closed the connection", "terminating connection", "connection not open", "connection already closed",
    "ssl connection has been closed", "could not receive data", "could not send data", "could not connect",
    "connection refused", "connection to server", "the database system is shutting down",
    "the database system is starting up", "the database system is in recovery mode",
    "the database system is not yet accepting connections", "timeout expired", "no route to host",
    "network is unreachable", "could not translate host name", "server conn crashed",
    "cannot execute", "read-only transaction",  # a client still on a standby that is not (yet) the primary
    "database is locked", "database table is locked", "eof detected", "connection timed out",
    "no connection to the server", "lost synchronization",
)


try:  # a connection of its own (the live feed's) raises the driver's errors, not peewee's
    import psycopg2

    _DRIVER_ERRORS: tuple[type[Exception], ...] = (psycopg2.OperationalError, psycopg2.InterfaceError)
except ImportError:  # pragma: no cover - SQLite-only installs
    _DRIVER_ERRORS = ()


def is_transient(exc: BaseException) -> bool:
    """True when `exc` is a database fault worth waiting out: restart, failover, cut network, locked file."""
    if isinstance(exc, DatabaseError):
        return exc.code in ("db.unreachable", "db.locked", "db.restarting", "db.standby", "db.commit_unknown")
    if not isinstance(exc, (peewee.OperationalError, peewee.InterfaceError, sqlite3.OperationalError,
                            peewee.InternalError, peewee.DatabaseError, *_DRIVER_ERRORS)):
        return False
    text = str(exc).lower()
    return any(marker in text for marker in TRANSIENT_MARKERS)


def drop_connection() -> None:
    """Forget this thread's connection after a fault, whatever state it was left in.

    The transaction it held died with it (the server rolled it back), so nothing is replayed.
    """
    db = database.obj
    if db is None:
        return
    db._state.transactions = []
    try:
        if hasattr(db, "manual_close"):  # a pooled connection: close it for good, not back into the pool
            db.manual_close()
        else:
            db.close()
    except Exception:  # the socket is already gone: just forget it
        db._state.reset()


# What libpq says when TLS fails → which of errors.py's "db.tls.*" reasons it is (more specific phrases first).
_TLS_MARKERS = (
    ("does not match host name", "host_mismatch"),
    ("server does not support ssl", "not_offered"),
    ("root certificate file", "no_ca_file"),
    ("requires a valid client certificate", "client_cert_required"),
    ("certificate present, but not private key", "client_cert"),
    ("private key file", "client_cert"),
    ("could not open certificate file", "client_cert"),
    ("could not read certificate file", "client_cert"),
    ("certificate verify failed", "untrusted"),
    ("certificate has expired", "untrusted"),
    ("certificate is not yet valid", "untrusted"),
    ("unknown ca", "untrusted"),
    ("ssl error", "other"),
)


def tls_reason(text: str) -> str | None:
    """Which TLS failure libpq's message `text` reports (`untrusted`, `host_mismatch`, …), or None if none."""
    lower = text.lower()
    return next((reason for marker, reason in _TLS_MARKERS if marker in lower), None)


def translate_error(target: DatabaseTarget, exc: BaseException) -> DatabaseError:
    """Turn a driver error into a message a user can act on (never with the password)."""
    text = str(exc)
    lower = text.lower()
    if isinstance(exc, DatabaseError):
        return exc
    if target.backend == "postgresql":
        # Before "unreachable": libpq prefixes a TLS refusal with "connection to server at … failed".
        reason = tls_reason(lower)
        if reason is not None:
            return DatabaseError("db.tls_failed", where=target.where(), what=MESSAGES[f"db.tls.{reason}"],
                                 reason=reason)
        if "is not permitted to log in" in lower:  # said only after the right password: a disabled login
            return DatabaseError("db.login_disabled", user=target.user)
        if "password authentication failed" in lower or "no password supplied" in lower:
            return DatabaseError("db.auth_failed", user=target.user)
        if "does not exist" in lower and "database" in lower:
            return DatabaseError("db.not_found", database=target.name, host=target.where())
        if any(s in lower for s in ("shutting down", "starting up", "in recovery mode", "not yet accepting",
                                    "terminating connection due to administrator", "server closed the connection")):
            return DatabaseError("db.restarting", where=target.where())
        if any(
            s in lower
            for s in ("could not connect", "connection refused", "could not translate host", "timeout expired",
                      "no route to host", "network is unreachable", "connection to server", "connection already closed",
                      "could not receive data", "could not send data", "connection not open")
        ):
            return DatabaseError("db.unreachable", where=target.where())
        if "read-only transaction" in lower:
            return DatabaseError("db.standby", where=target.where())
        if "no pg_hba.conf entry" in lower or ("role" in lower and "does not exist" in lower):
            return DatabaseError("db.auth_failed", user=target.user)
        if "invalid connection option" in lower or "invalid target_session_attrs" in lower \
                or "invalid sslmode" in lower or "invalid value for parameter" in lower:
            return DatabaseError("db.bad_url", url=redact(target.url))
        first = text.strip().splitlines()[0] if text.strip() else type(exc).__name__
        if target.password:
            first = first.replace(target.password, "***")
        return DatabaseError("db.error", reason=first)
    if "locked" in lower:
        return DatabaseError("db.locked", path=target.path)
    if "readonly" in lower or "read-only" in lower or "attempt to write" in lower:
        return DatabaseError("db.read_only", path=target.path)
    reason = text.strip() or type(exc).__name__
    return DatabaseError("db.file_unusable", path=target.path, reason=reason)


_bound_url: str | None = None
_bound_target: DatabaseTarget | None = None


def connect(url: str, *, create: bool = True, pool: int = 0, user: str | None = None,
            password: str | None = None) -> peewee.Database:
    """Bind the proxy to the database at `url`, connect and check it answers.

    `user` and `password`, when given, replace the URL's (a person signing in as their own login).

    Raises:
        DatabaseError: bad URL, unreachable server, wrong password, unusable or missing file.
    """
    global _bound_url, _bound_target
    target = parse_url(url)
    if user is not None:
        target = replace(target, user=user, password=password or "")
    db = make_database(target, create=create, pool=pool)
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


def read_only() -> bool:
    """True when the bound SQLite file can be read but not written (PostgreSQL: never judged here)."""
    db = database.obj
    if not isinstance(db, peewee.SqliteDatabase) or db.database == ":memory:":
        return False
    path = Path(db.database)
    return not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK)


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


def explain(exc: BaseException) -> str:
    """One line saying what went wrong with the bound database, in the current language, never the password."""
    if isinstance(exc, DatabaseError):
        return exc.message()
    target = getattr(database.obj, "beacon_target", None)
    if target is None:
        return type(exc).__name__
    return translate_error(target, exc).message()
