"""Live updates between clients: learn within a second that a record changed elsewhere.

PostgreSQL: a dedicated autocommit connection LISTENs on `beacon_changes`; a
trigger on the event log NOTIFYs at commit with the record's identity (never its
content). Its socket (`fileno()`) can be watched by the GUI (QSocketNotifier),
so no thread is needed. SQLite: a second connection polls `PRAGMA data_version`,
which moves when another connection commits, and then reads the new events.
Both yield the same `Change` objects to subscribers.

When the database goes away (a restart, a failover), `poll` raises; the client then calls
`reconnect` until it works: the feed opens a new connection (on PostgreSQL to whichever host
now accepts it) and LISTENs again. Changes made meanwhile are not replayed: the client reloads.
"""

from __future__ import annotations

import contextlib
import json
import select
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from desktop.models.db import DatabaseTarget, bound_target

CHANNEL = "beacon_changes"


@dataclass(frozen=True)
class Change:
    """One change: which event, on which case (if any), of which record."""

    event_id: int
    case_id: int | None
    entity: str
    entity_id: str


Subscriber = Callable[[list[Change]], None]


class ChangeFeed:
    """A subscription to changes made by any client of the same database."""

    poll_interval_ms = 500  # how often a client without a socket should call poll()

    def __init__(self) -> None:
        self._subscribers: list[Subscriber] = []

    def subscribe(self, callback: Subscriber) -> Callable[[], None]:
        """Call `callback` with each batch of changes; returns a function that unsubscribes."""
        self._subscribers.append(callback)
        return lambda: self._subscribers.remove(callback)

    def fileno(self) -> int | None:
        """A socket to watch for readability, or None when the feed must be polled on a timer."""
        return None

    def poll(self) -> list[Change]:
        """Read what changed since the last poll (never blocks) and tell the subscribers."""
        changes = self._read()
        if changes:
            for callback in list(self._subscribers):
                callback(changes)
        return changes

    def wait(self, timeout: float) -> list[Change]:
        """Block up to `timeout` seconds for changes (for headless use and tests)."""
        import time

        deadline = time.monotonic() + timeout
        while True:
            changes = self.poll()
            left = deadline - time.monotonic()
            if changes or left <= 0:
                return changes
            fd = self.fileno()
            if fd is not None:
                select.select([fd], [], [], left)
            else:
                time.sleep(min(left, self.poll_interval_ms / 1000))

    def _read(self) -> list[Change]:
        raise NotImplementedError

    def reconnect(self) -> None:
        """Open the feed's connection again after a fault (raises while the database is still away)."""

    def close(self) -> None:
        """Stop listening."""


class PostgresChangeFeed(ChangeFeed):
    def __init__(self, target: DatabaseTarget) -> None:
        super().__init__()
        self._target = target
        self._conn = self._listen()

    def _listen(self):  # type: ignore[no-untyped-def]
        import psycopg2

        conn = psycopg2.connect(dbname=self._target.name, **{**self._target.connect_kwargs(),
                                                              "application_name": "beacon-live"})
        conn.autocommit = True
        with conn.cursor() as cursor:
            cursor.execute(f"LISTEN {CHANNEL}")
        return conn

    def reconnect(self) -> None:
        with contextlib.suppress(Exception):  # the old connection is already gone
            self._conn.close()
        self._conn = self._listen()

    def fileno(self) -> int | None:
        return int(self._conn.fileno())

    def _read(self) -> list[Change]:
        self._conn.poll()
        changes = []
        while self._conn.notifies:
            note = self._conn.notifies.pop(0)
            data = json.loads(note.payload)
            changes.append(Change(int(data["event"]), data.get("case"), data.get("entity", ""),
                                  str(data.get("id", ""))))
        return changes

    def close(self) -> None:
        self._conn.close()


class SqliteChangeFeed(ChangeFeed):
    def __init__(self, target: DatabaseTarget) -> None:
        super().__init__()
        self._target = target
        self._conn = sqlite3.connect(str(target.path), timeout=15, isolation_level=None,
                                     check_same_thread=False)
        self._version = self._data_version()
        self._last_event = self._conn.execute("SELECT COALESCE(MAX(id), 0) FROM event").fetchone()[0]

    def _data_version(self) -> int:
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def _read(self) -> list[Change]:
        version = self._data_version()
        if version == self._version:
            return []
        self._version = version
        rows = self._conn.execute("SELECT id, case_id, entity, entity_id FROM event WHERE id > ? ORDER BY id",
                                  (self._last_event,)).fetchall()
        if rows:
            self._last_event = rows[-1][0]
        return [Change(int(r[0]), r[1], r[2], str(r[3])) for r in rows]

    def reconnect(self) -> None:
        self._conn.close()
        self._conn = sqlite3.connect(str(self._target.path), timeout=15, isolation_level=None,
                                     check_same_thread=False)
        self._version = self._data_version()

    def close(self) -> None:
        self._conn.close()


def open_change_feed(url: str) -> ChangeFeed:
    """A feed of changes on the database at `url` (a connection of its own)."""
    target = bound_target(url)  # on PostgreSQL: as the signed-in person's own login
    if target.backend == "postgresql":
        return PostgresChangeFeed(target)
    return SqliteChangeFeed(target)
