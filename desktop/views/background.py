"""Background work of a running client: live changes, SLA checks and notice delivery.

Live changes arrive through the feed's socket (QSocketNotifier on PostgreSQL) or
a short timer (SQLite) and are re-emitted as `sig_changed`. Dispatching and SLA
checks run on the thread pool every few seconds, each on the worker's own
database connection, so the window never waits for a mail server.

When the database goes away, `sig_connection(False, reason)` tells the window (a banner), and
the feed is reopened after 1 s, 2 s, 4 s … at most 30 s; once it works again (LISTEN
re-subscribed, on whichever host is now the primary) `sig_connection(True, "")` lets the window
reload what it shows. Nothing typed is touched, and nothing is replayed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QSocketNotifier, QThreadPool, QTimer, Signal

from desktop.errors import BeaconError
from desktop.workflow.notify.live import Change, open_change_feed

log = logging.getLogger(__name__)


class _LoadSignals(QObject):
    sig_done = Signal(int, object)  # generation, what was loaded
    sig_failed = Signal(int, str)  # generation, the message in the user's language


class PageLoad(QRunnable):
    """Reads a page's figures on a pool thread (its own connection) and reports back through `signals`, tagged
    with the page's generation so an older answer is dropped; never touches a widget, never raises into Qt.
    `load` is a workflow service called as `load(actor_id=…, time_zone=…)`."""

    def __init__(self, generation: int, session: Any, load: Callable[..., Any], what: str) -> None:
        super().__init__()
        self.generation = generation
        self.actor_id = session.actor.id
        self.time_zone = session.time_zone
        self.language = session.language
        self.load = load
        self.what = what
        self.signals = _LoadSignals()

    def run(self) -> None:
        from desktop.workflow.sla.background import release_connection

        try:
            self.signals.sig_done.emit(self.generation, self.load(actor_id=self.actor_id, time_zone=self.time_zone))
        except BeaconError as exc:
            self.signals.sig_failed.emit(self.generation, exc.message(self.language))
        except Exception as exc:  # shown on the page, never raised into Qt's thread pool
            log.exception("%s load failed", self.what)
            self.signals.sig_failed.emit(self.generation, str(exc))
        finally:
            release_connection()


class _Signals(QObject):
    sig_done = Signal(object)
    sig_failed = Signal(str, bool)  # message, and whether the database itself went away


class _DeliveryRound(QRunnable):
    """One round: queue due SLA escalations, deliver due notices (worker thread)."""

    def __init__(self) -> None:
        super().__init__()
        self.signals = _Signals()

    def run(self) -> None:
        from desktop.workflow.common.outage import describe_fault, forget_connection
        from desktop.workflow.sla.background import delivery_round

        try:
            self.signals.sig_done.emit(delivery_round())
        except Exception as exc:  # reported to the UI thread, never raised into Qt
            transient, message = describe_fault(exc)
            if not transient:
                log.exception("background delivery failed")
            forget_connection()
            self.signals.sig_failed.emit(message, transient)


class BackgroundServices(QObject):
    """Owns the change feed and the periodic delivery round of one client."""

    sig_changed = Signal(list)  # list[Change] made by any client
    sig_delivered = Signal(object)  # DispatchResult of a round that did something
    sig_error = Signal(str)
    sig_connection = Signal(bool, str)  # False and why: the database went away; True: it is back

    FIRST_RETRY_MS = 1000
    MAX_RETRY_MS = 30_000

    def __init__(self, database_url: str, *, delivery_interval_ms: int = 10_000, parent: QObject | None = None):
        super().__init__(parent)
        self._feed = open_change_feed(database_url)
        self._feed.subscribe(self._emit_changes)
        self._notifier: QSocketNotifier | None = None
        self._poll_timer: QTimer | None = None
        self._watch_feed()
        self.connected = True
        self._retry_ms = self.FIRST_RETRY_MS
        self._retry_timer = QTimer(self)
        self._retry_timer.setSingleShot(True)
        self._retry_timer.timeout.connect(self._try_reconnect)
        self._round_running = False
        self._delivery_timer = QTimer(self)
        self._delivery_timer.setInterval(delivery_interval_ms)
        self._delivery_timer.timeout.connect(self.run_delivery_round)
        self._delivery_timer.start()

    def _watch_feed(self) -> None:
        """Watch the feed's (new) socket, or poll it on a timer."""
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        fd = self._feed.fileno()
        if fd is not None:
            self._notifier = QSocketNotifier(fd, QSocketNotifier.Type.Read, self)
            self._notifier.activated.connect(self._poll)
        else:
            if self._poll_timer is None:
                self._poll_timer = QTimer(self)
                self._poll_timer.setInterval(self._feed.poll_interval_ms)
                self._poll_timer.timeout.connect(self._poll)
            self._poll_timer.start()

    def _poll(self) -> None:
        try:
            self._feed.poll()
        except Exception as exc:  # the feed's connection died with the server
            from desktop.workflow.common.outage import describe_fault

            self.lost(describe_fault(exc)[1])

    def lost(self, reason: str) -> None:
        """The database went away: say so once, stop watching, and try again after a pause."""
        if self._notifier is not None:
            self._notifier.setEnabled(False)
        if self._poll_timer is not None:
            self._poll_timer.stop()
        if self.connected:
            self.connected = False
            self._retry_ms = self.FIRST_RETRY_MS
            log.warning("database connection lost: %s", reason)
            self.sig_connection.emit(False, reason)
        if not self._retry_timer.isActive():
            self._retry_timer.start(self._retry_ms)

    def _try_reconnect(self) -> None:
        try:
            self._feed.reconnect()
        except Exception as exc:  # still away: wait longer, at most MAX_RETRY_MS
            log.info("database still unavailable: %s", type(exc).__name__)
            self._retry_ms = min(self.MAX_RETRY_MS, self._retry_ms * 2)
            self._retry_timer.start(self._retry_ms)
            return
        self._watch_feed()
        self.connected = True
        self._retry_ms = self.FIRST_RETRY_MS
        self.sig_connection.emit(True, "")

    def _emit_changes(self, changes: list[Change]) -> None:
        self.sig_changed.emit(changes)

    def run_delivery_round(self) -> None:
        """Start a delivery round on the thread pool unless one is still running."""
        if self._round_running:
            return
        self._round_running = True
        job = _DeliveryRound()
        job.signals.sig_done.connect(self._round_done)
        job.signals.sig_failed.connect(self._round_failed)
        self._job = job  # keep the signals object alive until it reports
        QThreadPool.globalInstance().start(job)

    def _round_done(self, result: object) -> None:
        self._round_running = False
        if getattr(result, "claimed", 0):
            self.sig_delivered.emit(result)

    def _round_failed(self, message: str, transient: bool) -> None:
        self._round_running = False
        if transient:
            self.lost(message)
        else:
            self.sig_error.emit(message)

    def stop(self) -> None:
        """Stop timers and close the feed (on window close)."""
        self._delivery_timer.stop()
        self._retry_timer.stop()
        if self._poll_timer is not None:
            self._poll_timer.stop()
        if self._notifier is not None:
            self._notifier.setEnabled(False)
        self._feed.close()
