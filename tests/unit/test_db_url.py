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


def test_several_hosts_and_libpq_parameters_reach_the_driver_intact():
    target = parse_url("postgresql://kim:p%40ss@h1:5432,h2:5433,[::1]/itsm?target_session_attrs=read-write"
                       "&sslmode=verify-full&sslrootcert=/etc/beacon/ca.pem")
    assert target.servers == (("h1", 5432), ("h2", 5433), ("::1", 5432))
    kwargs = target.connect_kwargs()
    assert kwargs["host"] == "h1,h2,::1" and kwargs["port"] == "5432,5433,5432"
    assert kwargs["target_session_attrs"] == "read-write" and kwargs["sslmode"] == "verify-full"
    assert kwargs["password"] == "p@ss" and kwargs["user"] == "kim"
    assert target.describe() == ("postgresql://kim@h1:5432,h2:5433,::1:5432/itsm?target_session_attrs=read-write"
                                 "&sslmode=verify-full&sslrootcert=/etc/beacon/ca.pem")


def test_libpq_accepts_what_we_hand_it():
    import psycopg2.extensions

    target = parse_url("postgresql://u:pw@h1:5432,h2:5433/db?target_session_attrs=read-write")
    dsn = psycopg2.extensions.make_dsn(**{"dbname": target.name, **target.connect_kwargs()})
    parsed = psycopg2.extensions.parse_dsn(dsn)
    assert parsed["host"] == "h1,h2" and parsed["port"] == "5432,5433"
    assert parsed["target_session_attrs"] == "read-write"


@pytest.mark.parametrize("url", [
    "postgresql://u:topsecret@h1:54x2/db",
    "postgresql://u:topsecret@h1:5432,:5433/db",
    "postgresql://u:topsecret@/db",
    "mysql://u:topsecret@h/db",
    "postgresql://u:topsecret@h1/db\x00",
])
def test_a_refused_url_never_shows_its_password(url):
    with pytest.raises(DatabaseError) as caught:
        parse_url(url)
    assert "topsecret" not in caught.value.message("en") + caught.value.message("ko")


def test_driver_errors_never_show_the_password():
    import peewee

    from desktop.models.db import translate_error

    target = parse_url("postgresql://u:topsecret@h1:5432,h2:5433/db?target_session_attrs=read-write")
    for text in ("could not connect to server: Connection refused", "FATAL: the database system is shutting down",
                 "weird failure mentioning topsecret", 'invalid connection option "colour"'):
        error = translate_error(target, peewee.OperationalError(text))
        assert "topsecret" not in error.message("en") + error.message("ko"), text
    assert "h1:5432,h2:5433" in translate_error(target, peewee.OperationalError("Connection refused")).message("en")


@pytest.mark.parametrize(("libpq", "reason"), [
    ('connection to server at "10.0.0.5", port 5432 failed: SSL error: certificate verify failed', "untrusted"),
    ('connection to server at "10.0.0.5", port 5432 failed: server certificate for "db.bank" does not match host '
     'name "10.0.0.5"', "host_mismatch"),
    ('connection to server at "10.0.0.5", port 5432 failed: server does not support SSL, but SSL was required',
     "not_offered"),
    ('connection to server at "10.0.0.5", port 5432 failed: root certificate file "/x/ca.crt" does not exist\n'
     "Either provide the file or change sslmode to disable server certificate verification.", "no_ca_file"),
    ('connection to server at "10.0.0.5", port 5432 failed: could not load private key file "k.pem"', "client_cert"),
    ('connection to server at "10.0.0.5", port 5432 failed: FATAL:  connection requires a valid client certificate',
     "client_cert_required"),
])
def test_a_tls_refusal_names_what_failed_not_just_unreachable(libpq, reason):
    import peewee

    from desktop.models.db import translate_error

    target = parse_url("postgresql://u:topsecret@10.0.0.5:5432/db?sslmode=verify-full&sslrootcert=/x/ca.crt")
    error = translate_error(target, peewee.OperationalError(libpq))
    assert (error.code, error.params["reason"]) == ("db.tls_failed", reason)
    for language in ("ko", "en"):
        assert "topsecret" not in error.message(language) and "10.0.0.5:5432" in error.message(language)
