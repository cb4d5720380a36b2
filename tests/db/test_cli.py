"""`beacon init-db` on both backends, and what the command says when it cannot work."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from desktop.cli import main
from desktop.errors import BeaconError
from desktop.models import SCHEMA_VERSION, Case, Credential, Event, Incident, Setting, User, database
from desktop.models import db as dbmod
from desktop.models.schema import current_version


def _snapshot() -> tuple[int, int, int, int, str]:
    return (
        User.select().count(),
        Incident.select().count(),
        Case.select().count(),
        Event.select().count(),
        Setting.get_by_id("demo_loaded").value,
    )


def test_init_db_with_demo_twice_is_harmless(empty_db, capsys):
    dbmod.close()
    assert main(["init-db", "--database", empty_db, "--demo"]) == 0
    first = capsys.readouterr().out
    assert "새 스키마를 만들었습니다" in first and "데모 데이터를 불러왔습니다" in first
    dbmod.connect(empty_db)
    after_first = _snapshot()
    assert after_first[1] >= 1000 and after_first[4] == "true"
    dbmod.close()

    assert main(["--lang", "en", "init-db", "--database", empty_db]) == 0
    assert main(["--lang", "en", "init-db", "--database", empty_db, "--demo"]) == 0
    second = capsys.readouterr().out
    assert "Demo data is already there" in second and "Created" not in second
    dbmod.connect(empty_db)
    assert _snapshot() == after_first
    assert current_version() == SCHEMA_VERSION


def test_init_db_without_demo_creates_an_admin_once(empty_db, capsys):
    dbmod.close()
    for weak in ("x", "처음암호!", "beacon"):  # one policy: ten characters, and the demo password only in a demo
        assert main(["--lang", "en", "init-db", "--database", empty_db, "--admin-password", weak]) == 2
        assert "A password needs at least 10" in capsys.readouterr().err or weak == "beacon"
    assert main(["--lang", "en", "init-db", "--database", empty_db, "--admin-password", "처음 쓰는 관리자 암호!"]) == 0
    out = capsys.readouterr().out
    assert "Created the administrator account 'admin'" in out
    assert main(["--lang", "en", "init-db", "--database", empty_db]) == 0
    assert "administrator" not in capsys.readouterr().out
    dbmod.connect(empty_db)
    from desktop.workflow.common.auth import verify_password

    admin = User.get(User.login == "admin")
    if dbmod.backend() == "sqlite":
        assert verify_password(Credential.get(Credential.user == admin.id).password_hash, "처음 쓰는 관리자 암호!")
    else:  # the administrator is a PostgreSQL login of their own
        from tests.security.test_database_enforces import connect_as

        connect_as("admin", "처음 쓰는 관리자 암호!").close()
    assert Incident.select().count() == 0
    assert database.table_exists("schema_version")


def test_a_demo_with_a_given_admin_password_uses_it(empty_db):
    from desktop.setup import initialize_database
    from desktop.workflow.common import session

    initialize_database(empty_db, demo=True, admin_password="not the demo one", demo_incidents=20)
    assert session.authenticate("admin", "not the demo one").login == "admin"
    with pytest.raises(BeaconError):
        session.authenticate("admin", "beacon")


def _run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "BEACON_LANG": "en"}
    return subprocess.run([sys.executable, "-m", "desktop.cli", *args], capture_output=True, text=True, env=env,
                          timeout=60)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("mysql://kim@db/itsm", "Cannot understand the database URL"),
        ("postgresql://beacon:beacon@127.0.0.1:1/beacon", "Cannot reach the database server at 127.0.0.1:1"),
        ("sqlite:////proc/no/such/dir/beacon.db", "Cannot open the database file"),
    ],
)
def test_errors_are_one_clear_line_and_a_non_zero_exit(url, expected):
    result = _run_cli("init-db", "--database", url)
    # 75 (EX_TEMPFAIL): a server that may come back, worth running again; 2: fix the input first
    assert result.returncode == (75 if "reach" in expected else 2)
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and expected in lines[0], result.stderr
    assert "Traceback" not in result.stderr


def test_wrong_postgresql_password_is_named(pg_db):
    wrong = pg_db.replace("beacon:beacon@", "beacon:wrong-password@")
    result = _run_cli("--lang", "ko", "init-db", "--database", wrong)
    assert result.returncode == 2
    assert "암호가 틀렸거나" in result.stderr and "Traceback" not in result.stderr


def test_version_flag():
    result = _run_cli("--version")
    assert result.returncode == 0 and result.stdout.startswith("Beacon ITSM ")


def test_sla_check_command_queues_due_escalations_once(db, capsys):
    from datetime import timedelta

    from desktop.models import utcnow
    from desktop.workflow.cases import case_service as cs
    from tests.bank import make_bank

    bank = make_bank()  # grade 1 on the 24×7 calendar: response target 10 minutes
    cs.register_incident(actor_id=bank.id("customer"), title="인터넷뱅킹 접속 불가", description="전면 장애",
                         application_id=bank.app.id, urgency="high", incident_type="application",
                         now=utcnow() - timedelta(minutes=30))
    dbmod.close()
    assert main(["--lang", "en", "sla", "check", "--database", db]) == 0
    assert "queued 1 warnings and 1 breaches" in capsys.readouterr().out
    assert main(["--lang", "en", "sla", "check", "--database", db]) == 0
    assert "queued 0 warnings and 0 breaches" in capsys.readouterr().out


def test_setting_command_stores_json_and_refuses_bad_json(cli_as, capsys):
    from tests.bank import make_bank

    make_bank()
    handler = cli_as("handler")
    dbmod.close()
    assert main(["--lang", "en", "setting", "set", "smtp", '{"host": "evil.example"}', "--database", handler]) == 2
    assert "Only an administrator may change a setting; 'handler' is not one" in capsys.readouterr().err
    db = cli_as("admin")
    dbmod.close()
    assert main(["--lang", "en", "setting", "set", "smtp", '{"host": "mail.bank.local", "port": 25}',
                 "--database", db]) == 0
    assert main(["--lang", "en", "setting", "get", "smtp", "--database", db]) == 0
    assert 'smtp = {"host": "mail.bank.local", "port": 25}' in capsys.readouterr().out
    assert main(["--lang", "ko", "setting", "set", "smtp", "{bad", "--database", db]) == 2
    assert "JSON이어야 합니다" in capsys.readouterr().err


def test_a_handler_reads_the_settings_but_never_a_secret(cli_as, capsys):
    from tests.bank import make_bank

    make_bank()
    db = cli_as("admin")
    dbmod.close()
    assert main(["--lang", "en", "setting", "set", "smtp",
                 '{"host": "mail.bank.local", "username": "beacon", "password": "relay pass 77"}',
                 "--database", db]) == 0
    capsys.readouterr()
    handler = cli_as("handler")
    dbmod.close()
    assert main(["--lang", "en", "setting", "get", "--database", handler]) == 0
    out = capsys.readouterr().out
    assert "reopen_window_days" in out and "relay pass 77" not in out
    if dbmod.backend() == "sqlite":  # one file: the relay shows, its password does not
        assert '"host": "mail.bank.local"' in out and '"password": "********"' in out
    else:  # row security keeps the whole relay setting for administrators
        assert "smtp" not in out
