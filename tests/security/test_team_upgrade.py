"""An existing team database (one shared owner role, Beacon users with argon2 passwords) upgrades with one
DBA command: `init-db` as the owner moves the hashes out of reach, creates the roles and grants, and makes
a login per user with a temporary password it prints, replaced at the first sign-in."""

from __future__ import annotations

from desktop.models import User, database
from desktop.models import db as dbmod
from desktop.models.schema import SCHEMA_VERSION, current_version
from desktop.models.security import login_prefix
from desktop.setup import initialize_database
from desktop.workflow.common import session
from tests.conftest import PG_URL, require_postgres
from tests.db.test_schema import _load_v1


def test_init_db_as_the_owner_upgrades_a_team_database_and_hands_out_logins(tmp_path):
    require_postgres()
    _load_v1("postgresql", tmp_path)
    logins = sorted(login for (login,) in User.select(User.login).tuples())
    assert logins and current_version() == 1
    for login in logins:  # a login left by an earlier run would keep its password: start as a DBA would
        database.execute_sql(f'DROP ROLE IF EXISTS "{login_prefix()}{login}"')
    result = initialize_database(PG_URL)
    assert result.schema.upgraded and current_version() == SCHEMA_VERSION
    handed = dict(result.logins)
    assert set(handed) == {login_prefix() + x for x in logins}  # every user, a login and a temporary password
    columns = {c.name for c in database.get_columns("user")}
    assert "password_hash" not in columns  # the hashes now live where no login reads them
    role, temporary = next(iter(handed.items()))
    actor = session.authenticate(role.removeprefix(login_prefix()), temporary)
    assert actor.must_change_password
    session.change_own_password(actor=actor, current=temporary, new="a new password of mine")
    assert not session.authenticate(actor.login, "a new password of mine").must_change_password
    dbmod.close()
