"""On PostgreSQL a desk holds no password: the URL names the server, the sign-in is the person's own login."""

from __future__ import annotations

import pytest

from desktop.errors import BeaconError
from desktop.models import database
from desktop.models import db as dbmod
from desktop.models.security import login_prefix
from desktop.setup import open_database
from desktop.workflow.admin import people
from desktop.workflow.common import session
from desktop.workflow.notify.live import open_change_feed
from desktop.workflow.sla.background import delivery_round
from tests.bank import make_bank
from tests.conftest import PG_URL, as_suite


def test_a_desk_url_without_a_password_signs_in_as_the_person(pg_db):
    bank = make_bank()
    people.save_user(actor_id=bank.id("admin"), user_id=None, login="kim.desk", name="김데스크",
                     password="a desk password", roles=("handler",))
    target = dbmod.parse_url(PG_URL)
    desk_url = f"postgresql://{target.host}:{target.port}/{target.name}"  # what the site file holds
    dbmod.close()
    opened = open_database(desk_url)
    assert not opened.schema.upgraded and database.obj is not None
    with pytest.raises(BeaconError) as wrong:
        session.authenticate("kim.desk", "not it")
    assert wrong.value.code == "auth.failed"
    actor = session.authenticate("kim.desk", "a desk password")
    assert actor.login == "kim.desk" and actor.roles == frozenset({"handler"})
    assert database.execute_sql("SELECT session_user").fetchone()[0] == login_prefix() + "kim.desk"
    # the live feed listens as the same login, and a person's client leaves delivery to the dispatcher
    feed = open_change_feed(desk_url)
    try:
        assert feed._conn.info.user == login_prefix() + "kim.desk"  # type: ignore[attr-defined]
    finally:
        feed.close()
    assert delivery_round().claimed == 0
    as_suite()
