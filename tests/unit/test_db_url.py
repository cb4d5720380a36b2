"""Database URLs: what Beacon accepts and how it refuses the rest."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.errors import DatabaseError
from desktop.models.db import parse_url


def test_sqlite_absolute_and_relative_paths(tmp_path, monkeypatch):
    assert parse_url("sqlite:////var/lib/beacon/beacon.db").path == Path("/var/lib/beacon/beacon.db")
    monkeypatch.chdir(tmp_path)
    assert parse_url("sqlite:///data/beacon.db").path == tmp_path / "data" / "beacon.db"
    assert parse_url("sqlite:///~/beacon.db").path == Path.home() / "beacon.db"


def test_postgresql_parts_with_an_escaped_password():
    target = parse_url("postgresql://kim:p%40ss%2Fword@db.bank.local:6543/itsm")
    assert (target.backend, target.host, target.port, target.user, target.password, target.name) == (
        "postgresql", "db.bank.local", 6543, "kim", "p@ss/word", "itsm")
    assert "p@ss" not in target.describe()
    assert parse_url("postgres://u@h/db").port == 5432


@pytest.mark.parametrize(
    "url", ["mysql://u@h/db", "sqlite://", "sqlite:///", "postgresql://h", "postgresql:///db", "beacon.db",
            "postgresql://u@h:99999/db"],
)
def test_unusable_urls_are_refused_in_both_languages(url):
    with pytest.raises(DatabaseError) as caught:
        parse_url(url)
    assert caught.value.code == "db.bad_url"
    assert "데이터베이스 주소" in caught.value.message("ko")
    assert "database URL" in caught.value.message("en")
