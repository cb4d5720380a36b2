"""What a client's background round does, without Qt (the views run it on a worker thread)."""

from __future__ import annotations

from desktop.models import database
from desktop.workflow.notify.dispatch import DispatchResult, dispatch_once
from desktop.workflow.sla.clocks import check_clocks


def delivery_round() -> DispatchResult:
    """Queue due SLA escalations and deliver due notices, on this thread's own connection.

    On PostgreSQL that is the dispatcher service's work (its login reads the SMTP secret and moves the
    outbox): a person's client leaves it alone unless its login is in the dispatcher group.
    """
    from desktop.models.db import backend

    try:
        if backend() == "postgresql" and not database.execute_sql(
                "SELECT beacon_in_group('dispatcher')").fetchone()[0]:
            return DispatchResult(claimed=0, sent=0, failed=0, dead=0)
        check_clocks()
        return dispatch_once()
    finally:
        database.close()  # a worker thread's connection is not reused by the next round


def release_connection() -> None:
    """Close this thread's database connection (a worker thread's last step)."""
    database.close()
