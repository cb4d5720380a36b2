"""The `beacon` command is a person too: a non-administrator changes no configuration through it.

On PostgreSQL the command is the login it connects as (here the handler's own), and `--as` is refused;
on SQLite it signs in (BEACON_USER / BEACON_PASSWORD). Every change of configuration the command offers
is refused for a handler, and nothing changed.
"""

from __future__ import annotations

import json

import pytest

from desktop.cli import main
from desktop.models import Setting
from desktop.models import db as dbmod
from tests.bank import make_bank
from tests.conftest import as_suite


@pytest.fixture
def handler_cli(cli_as, tmp_path):
    make_bank()
    admin = cli_as("admin")
    dbmod.close()
    assert main(["--lang", "en", "matrix", "export", str(tmp_path / "m.csv"), "--database", admin]) == 0
    dbmod.close()
    assert main(["--lang", "en", "intake", "token", "create", "alerts", "--database", admin]) == 0
    url = cli_as("handler")
    dbmod.close()
    return url


REFUSED_COMMANDS = [
    (["setting", "set", "smtp", '{"host": "evil.example"}'], "change a setting"),
    (["setting", "set", "sign_in_max_failures", "0"], "change a setting"),
    (["intake", "token", "create", "mine"], "manage intake tokens"),
    (["intake", "token", "revoke", "alerts"], "manage intake tokens"),
    (["intake", "token", "list"], "manage intake tokens"),
    (["matrix", "import", "{csv}"], "import or export the owner matrix"),
    (["matrix", "export", "{out}"], "import or export the owner matrix"),
    (["import", "incidents", "{csv}"], "import incidents"),
]


@pytest.mark.parametrize(("command", "action"), REFUSED_COMMANDS, ids=[" ".join(c[:3]) for c, _ in REFUSED_COMMANDS])
def test_a_handler_changes_no_configuration_through_the_command(handler_cli, tmp_path, capsys, command, action):
    argv = [a.replace("{csv}", str(tmp_path / "m.csv")).replace("{out}", str(tmp_path / "x.csv")) for a in command]
    capsys.readouterr()
    assert main(["--lang", "en", *argv, "--database", handler_cli]) == 2
    assert f"Only an administrator may {action}; 'handler' is not one" in capsys.readouterr().err
    as_suite()
    assert not Setting.select().where(Setting.key == "smtp").exists()
    assert "alerts" in Setting.get(Setting.key == "intake_tokens").value


def test_on_postgresql_the_command_cannot_act_as_someone_else(handler_cli, tmp_path, capsys):
    if dbmod.backend() != "postgresql":
        pytest.skip("SQLite: --as names who signs in, with their password")
    capsys.readouterr()
    assert main(["--lang", "en", "matrix", "export", str(tmp_path / "x.csv"), "--as", "admin",
                 "--database", handler_cli]) == 2
    assert "acts as its own login" in capsys.readouterr().err


def test_on_sqlite_the_command_needs_the_password(handler_cli, tmp_path, capsys, monkeypatch):
    if dbmod.backend() != "sqlite":
        pytest.skip("PostgreSQL: the connection is the sign-in")
    monkeypatch.setenv("BEACON_PASSWORD", "not the admin's")
    capsys.readouterr()
    assert main(["--lang", "en", "--user", "admin", "setting", "set", "smtp", json.dumps({"host": "x"}),
                 "--database", handler_cli]) == 2
    assert "Wrong user name or password" in capsys.readouterr().err
    monkeypatch.delenv("BEACON_PASSWORD")
    monkeypatch.delenv("BEACON_USER")
    assert main(["--lang", "en", "setting", "set", "smtp", json.dumps({"host": "x"}), "--database", handler_cli]) == 2
    assert "Sign-in needed" in capsys.readouterr().err
