"""`beacon setting set` checks every key and value against the settings' schema; nothing bad is written."""

from __future__ import annotations

import json

import pytest

from desktop.cli import main
from desktop.models import Setting
from desktop.models import db as dbmod
from desktop.workflow.common.settings import SCHEMA, known_keys, validate_setting
from tests.bank import make_bank


def _stored() -> dict[str, str]:
    return {row.key: row.value for row in Setting.select()}


@pytest.fixture
def as_admin(db, cli_as) -> str:
    """The database URL with the `beacon` command signed in as an administrator (settings are theirs)."""
    make_bank()
    return cli_as("admin")


@pytest.mark.parametrize(("key", "value", "words"), [
    ("delivery_max_attempts", '"five"', "a whole number 1 to 100"),
    ("delivery_max_attempts", "0", "a whole number 1 to 100"),
    ("delivery_max_attempts", "NaN", "not valid JSON"),
    ("reopen_window_days", "Infinity", "not valid JSON"),
    ("reopen_window_days", "1e999", "NaN or Infinity"),
    ("smtp", '{"host": "m", "port": 70000}', "1-65535"),
    ("smtp", '{"host": "m", "colour": "blue"}', "from_name"),
    ("time_zone", '"Mars/Olympus"', "IANA time zone"),
    ("organization_name", '"' + "[" * 5000 + '"', "text or"),
    ("organization_name", "[" * 5000 + "]" * 5000, "not valid JSON"),
    ("organization_name", '"bad \\ud800 text"', "lone surrogates"),
    ("organization_name", '"nul \\u0000 text"', "NUL"),
    ("intake", '{"max_body_bytes": "big"}', "intake.max_body_bytes"),
    ("intake_tokens", "[]", "intake token"),
])
def test_a_bad_value_is_refused_naming_the_key_and_nothing_is_written(db, as_admin, capsys, key, value, words):
    before = _stored()
    dbmod.close()
    assert main(["--lang", "en", "setting", "set", key, value, "--database", as_admin]) == 2
    err = capsys.readouterr().err
    print(err)
    assert words in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert key.split(".")[0] in err
    dbmod.connect(db)
    assert _stored() == before


@pytest.mark.parametrize("key", ["", "../etc", "delivery_max_attempt", "smtp.", "SMTP"])
def test_an_unknown_key_is_refused_with_the_known_ones(db, as_admin, capsys, key):
    before = _stored()
    dbmod.close()
    assert main(["--lang", "ko", "setting", "set", key, "1", "--database", as_admin]) == 2
    err = capsys.readouterr().err
    assert "알려진 설정이 아닙니다" in err and "delivery_max_attempts" in err
    dbmod.connect(db)
    assert _stored() == before


@pytest.mark.parametrize(("key", "words"), [("smtp\x00", "NUL"), ("\udcff", "UTF-8")])
def test_a_key_no_shell_could_pass_is_refused_before_anything(db, as_admin, capsys, key, words):
    before = _stored()
    dbmod.close()
    assert main(["--lang", "en", "setting", "set", key, "1", "--database", as_admin]) == 2
    assert words in capsys.readouterr().err
    dbmod.connect(db)
    assert _stored() == before


def test_good_values_are_stored(db, as_admin, capsys):
    dbmod.close()
    assert main(["setting", "set", "delivery_max_attempts", "7", "--database", as_admin]) == 0
    assert main(["setting", "set", "organization_name", '{"ko": "은행", "en": "Bank"}', "--database", as_admin]) == 0
    dbmod.connect(db)
    assert json.loads(Setting.get(Setting.key == "delivery_max_attempts").value) == 7


def test_every_key_has_a_meaning_in_both_languages():
    for key, spec in SCHEMA.items():
        assert spec.meaning["ko"] and spec.meaning["en"] and spec.allowed["ko"] and spec.allowed["en"], key
    assert "intake_tokens" not in known_keys()
    validate_setting("reopen_window_days", 7)
