"""OutageWatch: a transient database fault makes a service wait (1 s → 30 s) and go on; anything else is raised."""

from __future__ import annotations

import logging

import peewee
import pytest

from desktop.models.db import is_transient
from desktop.workflow.common.outage import OutageWatch


class FakeStop:
    def __init__(self) -> None:
        self.waits: list[float] = []

    def wait(self, seconds: float) -> bool:
        self.waits.append(seconds)
        return False

    def is_set(self) -> bool:
        return False


@pytest.mark.parametrize("text", ["server closed the connection unexpectedly", "FATAL:  the database system is "
                                  "shutting down", "could not connect to server: Connection refused",
                                  "database is locked", "terminating connection due to administrator command"])
def test_faults_worth_waiting_out(text):
    assert is_transient(peewee.OperationalError(text))


@pytest.mark.parametrize("exc", [peewee.IntegrityError("duplicate key"), ValueError("x"),
                                 peewee.OperationalError("no such table: incident")])
def test_other_errors_are_not_waited_out(exc):
    assert not is_transient(exc)


def test_backs_off_to_thirty_seconds_logs_two_lines_and_recovers(caplog):
    stop = FakeStop()
    recovered = []
    watch = OutageWatch(logging.getLogger("test.outage"), on_recover=lambda: recovered.append(1), stop=stop)
    failures = 9

    def round_() -> str:
        nonlocal failures
        if failures:
            failures -= 1
            raise peewee.OperationalError("server closed the connection unexpectedly")
        return "done"

    with caplog.at_level(logging.WARNING, logger="test.outage"):
        results = [watch.run(round_) for _ in range(10)]
    assert results == [None] * 9 + ["done"]
    assert stop.waits == [1, 2, 4, 8, 16, 30, 30, 30, 30]
    assert len(caplog.records) == 2 and watch.outages == 1 and not watch.down
    assert recovered  # the service's hand-back ran before the round that succeeded
    assert watch.delay == 1  # the next outage starts again at 1 s


def test_a_programming_error_is_not_swallowed():
    watch = OutageWatch(logging.getLogger("test.outage"), stop=FakeStop())
    with pytest.raises(KeyError):
        watch.run(lambda: {}["x"])
