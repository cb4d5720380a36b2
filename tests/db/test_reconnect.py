"""A client whose PostgreSQL connection was dropped by the server carries on."""

from __future__ import annotations

from dataclasses import replace

import peewee
import pytest

from desktop.models import Incident, User, database
from desktop.models import db as dbmod
from tests import factories
from tests.conftest import PG_URL, RUNTIME_LOGIN, RUNTIME_PASSWORD


def _kill_my_connection() -> None:
    pid = database.execute_sql("SELECT pg_backend_pid()").fetchone()[0]
    # the same login: a role may end its own sessions (the owner may not end a runtime login's)
    killer = dbmod.make_database(replace(dbmod.parse_url(PG_URL), user=RUNTIME_LOGIN, password=RUNTIME_PASSWORD))
    killer.connect()
    killer.execute_sql("SELECT pg_terminate_backend(%s)", (pid,))
    killer.close()


def test_reads_and_writes_work_after_the_server_dropped_the_connection(pg_db):
    factories.user(login="before")
    _kill_my_connection()
    assert User.select().where(User.login == "before").count() == 1
    _kill_my_connection()
    factories.user(login="after")
    assert User.select().count() == 2


def test_a_drop_inside_a_transaction_is_not_silently_replayed(pg_db):
    reporter = factories.user()
    app = factories.application()
    with pytest.raises(peewee.PeeweeException), database.atomic():
        factories.incident(reporter=reporter, app=app)
        _kill_my_connection()
        User.select().count()
    database.close()
    assert Incident.select().count() == 0


def test_a_url_with_a_dead_host_first_reaches_the_live_one(pg_db):
    """libpq tries the hosts in order; `target_session_attrs=read-write` accepts only a primary."""
    from urllib.parse import urlparse

    parsed = urlparse(PG_URL)
    url = (f"postgresql://{parsed.username}:{parsed.password}@127.0.0.1:1,{parsed.hostname}:{parsed.port or 5432}"
           f"{parsed.path}?target_session_attrs=read-write&application_name=beacon-two-hosts")
    dbmod.close()
    dbmod.connect(url)
    assert database.execute_sql("SELECT current_setting('application_name')").fetchone()[0] == "beacon-two-hosts"
    assert database.execute_sql("SELECT pg_is_in_recovery()").fetchone()[0] is False
