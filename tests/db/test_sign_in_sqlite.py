"""SQLite is one person's file: mode 0600, argon2 sign-in with a delay and a lockout, one password policy."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time

import pytest

from desktop.config import update_user_settings
from desktop.errors import BeaconError
from desktop.models import db as dbmod
from desktop.workflow.common import session
from desktop.workflow.common.auth import check_password
from desktop.workflow.common.settings import put_setting
from tests.bank import make_bank
from tests.factories import set_every_password


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_database_and_settings_files_are_the_owners_alone(tmp_path):
    url = f"sqlite:///{tmp_path / 'mine.db'}"
    dbmod.close()
    old = os.umask(0o022)
    try:
        dbmod.connect(url)
        dbmod.database.execute_sql("CREATE TABLE t (x)")
        assert mode(tmp_path / "mine.db-wal") == 0o600  # SQLite gives its WAL the database file's mode
        settings = update_user_settings(tmp_path / "settings.json", language="en")
    finally:
        os.umask(old)
        dbmod.close()
    assert mode(tmp_path / "mine.db") == 0o600
    assert mode(settings) == 0o600


@pytest.fixture
def bank_sqlite(tmp_path):
    dbmod.close()
    dbmod.connect(f"sqlite:///{tmp_path / 'beacon.db'}")
    from desktop.models import ensure_schema
    from desktop.workflow.admin.defaults import seed_defaults

    ensure_schema()
    seed_defaults()
    bank = make_bank()
    set_every_password("the right one")
    put_setting("sign_in_delay_seconds", 0.2)
    yield bank
    dbmod.close()


def test_wrong_passwords_cost_time_and_then_lock_the_account(bank_sqlite):
    put_setting("sign_in_max_failures", 3)
    put_setting("sign_in_lockout_minutes", 10)
    started = time.perf_counter()
    for _ in range(3):
        with pytest.raises(BeaconError) as wrong:
            session.authenticate("handler", "a guess")
        assert wrong.value.code == "auth.failed"
    assert time.perf_counter() - started >= 0.6  # each wrong guess waited
    with pytest.raises(BeaconError) as locked:  # the right password no longer helps
        session.authenticate("handler", "the right one")
    assert locked.value.code == "auth.locked" and "10" in locked.value.message("en")
    assert "잠겼습니다" in locked.value.message("ko")
    assert session.authenticate("lead", "the right one").login == "lead"  # others are not locked out


def test_a_good_sign_in_resets_the_count(bank_sqlite):
    put_setting("sign_in_max_failures", 2)
    put_setting("sign_in_delay_seconds", 0)
    with pytest.raises(BeaconError):
        session.authenticate("handler", "a guess")
    assert session.authenticate("handler", "the right one")
    with pytest.raises(BeaconError) as wrong:
        session.authenticate("handler", "a guess")
    assert wrong.value.code == "auth.failed"  # one failure since the good sign-in: not locked


def test_one_password_policy():
    for weak in ("x", "short1234", "beacon"):
        with pytest.raises(BeaconError):
            check_password(weak)
    check_password("beacon", demo=True)  # the demo password, in a demo database only
    check_password("ten chars!")
    with pytest.raises(BeaconError) as short:
        check_password("abc")
    assert "10" in short.value.message("en") and "10자" in short.value.message("ko")


def test_fast_hashing_is_refused_outside_tests():
    env = {k: v for k, v in os.environ.items() if k != "BEACON_BENCH"}
    env["BEACON_FAST_HASH"] = "1"
    script = ("from desktop.errors import BeaconError\n"
              "from desktop.workflow.common.auth import hash_password\n"
              "try:\n    hash_password('some password')\nexcept BeaconError as e:\n    print(e.code)\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60)
    assert done.stdout.strip() == "auth.fast_hash_refused", done.stderr
