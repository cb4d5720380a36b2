"""What a client's background round does, without Qt (the views run it on a worker thread).

One `Dispatcher` per client process, so a round broken off by a database fault is settled by the
next one: sends already made are recorded (never sent again) and the rows it held are handed back
at once. The client runs one round at a time.
"""

from __future__ import annotations

from desktop.models import database
from desktop.models import db as dbmod
from desktop.workflow.notify.dispatch import Dispatcher, DispatchResult
from desktop.workflow.sla.clocks import check_clocks

_dispatcher = Dispatcher()
_broken_off = False  # the last round ended in a fault: hand back what it held first


def delivery_round() -> DispatchResult:
    """Queue due SLA escalations and deliver due notices, on this thread's own connection.

    On PostgreSQL that is the dispatcher service's work (its login reads the SMTP secret and moves the
    outbox): a person's client leaves it alone unless its login is in the dispatcher group.
    """
    global _broken_off
    try:
        if dbmod.backend() == "postgresql" and not database.execute_sql(
                "SELECT beacon_in_group('dispatcher')").fetchone()[0]:
            return DispatchResult(claimed=0, sent=0, failed=0, dead=0)
        if _broken_off:
            _dispatcher.release()
            _broken_off = False
        check_clocks()
        return _dispatcher.round()
    except Exception:
        _broken_off = True
        dbmod.drop_connection()
        raise
    finally:
        database.close()  # a worker thread's connection is not reused by the next round


def release_connection() -> None:
    """Close this thread's database connection (a worker thread's last step)."""
    database.close()
