"""Waiting out a database outage: what every long-running service (dispatcher, SLA checker, intake) shares.

A transient fault (`db.is_transient`: a restart, a failover, a cut network, a locked file) never
ends a service: the round is dropped, the connection forgotten, and the next round is tried after
1 s, 2 s, 4 s … at most 30 s. An outage leaves two log lines, not a traceback per try: one when the
database is lost, one when it is back (with how long it was gone). Any other error is the caller's.

May import `desktop.models` only.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import TypeVar

from desktop.errors import BeaconError
from desktop.models import db as dbmod

T = TypeVar("T")

FIRST_DELAY = 1.0
MAX_DELAY = 30.0


class OutageWatch:
    """Runs a service's rounds; a transient database fault makes it wait and try again, never stop.

    `on_recover` runs once the database answers again, before the next round's work (the
    dispatcher settles and releases what it held there).
    """

    def __init__(self, log: logging.Logger, *, on_recover: Callable[[], None] | None = None,
                 first_delay: float = FIRST_DELAY, max_delay: float = MAX_DELAY,
                 stop: threading.Event | None = None, clock: Callable[[], float] = time.monotonic) -> None:
        self.log = log
        self.on_recover = on_recover
        self.first_delay = first_delay
        self.max_delay = max_delay
        self.stop = stop or threading.Event()
        self.clock = clock
        self.down_since: float | None = None
        self.retries = 0
        self.outages = 0
        self.delay = first_delay

    @property
    def down(self) -> bool:
        return self.down_since is not None

    def run(self, round_: Callable[[], T]) -> T | None:
        """One round; None when a transient fault made it wait instead (the caller simply goes on)."""
        try:
            if self.down_since is not None and self.on_recover is not None:
                self.on_recover()
            result = round_()
        except Exception as exc:
            if not dbmod.is_transient(exc):
                raise
            self._lost(exc)
            return None
        if self.down_since is not None:
            self.log.warning("%s", BeaconError("db.recovered", seconds=self.clock() - self.down_since,
                                               attempts=self.retries).message())
            self.down_since = None
            self.retries = 0
            self.delay = self.first_delay
        return result

    def _lost(self, exc: BaseException) -> None:
        dbmod.drop_connection()
        if self.down_since is None:
            self.down_since = self.clock()
            self.outages += 1
            self.log.warning("%s", BeaconError("db.outage", reason=dbmod.explain(exc),
                                               delay=f"{self.delay:g}").message())
        self.retries += 1
        self.stop.wait(self.delay)
        self.delay = min(self.max_delay, self.delay * 2)

    def until(self, round_: Callable[[], T], *, deadline: float | None = None) -> T | None:
        """Repeat `round_` through faults until it succeeds, the deadline (seconds) passes or `stop` is set."""
        started = self.clock()
        while not self.stop.is_set():
            result = self.run(round_)
            if not self.down:
                return result
            if deadline is not None and self.clock() - started >= deadline:
                return None
        return None


class OutageLog:
    """For a service that cannot wait (each request answers at once): one log line when the database is
    lost, one when it is back; thread-safe."""

    def __init__(self, log: logging.Logger, clock: Callable[[], float] = time.monotonic) -> None:
        self.log = log
        self.clock = clock
        self._lock = threading.Lock()
        self.down_since: float | None = None
        self.failures = 0

    def failed(self, exc: BaseException) -> None:
        """A request met a transient fault: forget this thread's connection; log if the outage is new."""
        dbmod.drop_connection()
        with self._lock:
            self.failures += 1
            if self.down_since is not None:
                return
            self.down_since = self.clock()
        self.log.warning("%s", BeaconError("db.outage_requests", reason=dbmod.explain(exc)).message())

    def worked(self) -> None:
        """A request reached the database."""
        if self.down_since is None:
            return
        with self._lock:
            if self.down_since is None:
                return
            seconds, self.down_since = self.clock() - self.down_since, None
            failures, self.failures = self.failures, 0
        self.log.warning("%s", BeaconError("db.recovered", seconds=seconds, attempts=failures).message())


def describe_fault(exc: BaseException) -> tuple[bool, str]:
    """(whether the connection to the database was lost, one line saying what happened) for a client.

    A SQLite file locked by another writer is worth waiting out too, but nothing was lost: False.
    """
    if not dbmod.is_transient(exc):
        return False, str(exc)
    locked = getattr(exc, "code", "") == "db.locked" or "locked" in str(exc).lower()
    return not locked, dbmod.explain(exc)


def forget_connection() -> None:
    """Drop this thread's database connection after a fault (the next use opens a new one)."""
    dbmod.drop_connection()
