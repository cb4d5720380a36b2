"""The organisation's site file: where it lives, what it sets and locks, and who wins."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop import cli, config
from desktop.errors import BeaconError

SITE = """\
# Beacon site configuration of the bank's IT department
database_url = "postgresql://beacon:s3cret@db.bank.local:5432/itsm"
language = "en"
theme = "dark"
locked = ["database_url", "language"]
"""


@pytest.fixture
def site(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "etc" / "site.toml"
    path.parent.mkdir()
    path.write_text(SITE, encoding="utf-8")
    monkeypatch.setenv("BEACON_SITE_CONFIG", str(path))
    return path


@pytest.fixture
def user_file(tmp_path) -> Path:
    path = tmp_path / "home" / "settings.json"
    path.parent.mkdir()
    path.write_text(json.dumps({"database_url": "sqlite:///mine.db", "language": "ko", "theme": "light",
                                "time_zone": "Asia/Tokyo"}), encoding="utf-8")
    return path


def test_locked_site_values_win_over_the_user_and_unlocked_ones_do_not(site, user_file):
    resolved = config.resolve_settings(path=user_file)
    assert resolved.settings == config.Settings(database_url="postgresql://beacon:s3cret@db.bank.local:5432/itsm",
                                                language="en", theme="light", time_zone="Asia/Tokyo")
    assert resolved.sources["database_url"] == config.Source("site_locked", site)
    assert resolved.sources["language"] == config.Source("site_locked", site)
    assert resolved.sources["theme"] == config.Source("user", user_file)  # the site's dark is only a default
    assert resolved.locked == {"database_url", "language"}


def test_a_lock_also_wins_over_the_environment_and_the_flag_and_says_so(site, user_file, monkeypatch):
    monkeypatch.setenv("BEACON_DATABASE_URL", "sqlite:///env.db")
    resolved = config.resolve_settings(path=user_file, database_flag="sqlite:///flag.db")
    assert resolved.settings.database_url.startswith("postgresql://beacon:s3cret@db.bank.local")
    assert [source.kind for source in resolved.ignored] == ["command_line", "environment"]


def test_unlocked_site_values_are_defaults_under_user_environment_and_flag(tmp_path, user_file, monkeypatch):
    path = tmp_path / "site.toml"
    path.write_text('database_url = "sqlite:///site.db"\ntheme = "dark"\ntime_zone = "Asia/Seoul"\n',
                    encoding="utf-8")
    monkeypatch.setenv("BEACON_SITE_CONFIG", str(path))
    empty_user = tmp_path / "nobody.json"
    resolved = config.resolve_settings(path=empty_user)
    assert (resolved.settings.database_url, resolved.settings.theme) == ("sqlite:///site.db", "dark")
    assert resolved.sources["theme"] == config.Source("site", path)
    assert resolved.sources["language"] == config.Source("default")
    assert config.resolve_settings(path=user_file).settings.database_url == "sqlite:///mine.db"
    monkeypatch.setenv("BEACON_DATABASE_URL", "sqlite:///env.db")
    assert config.resolve_settings(path=user_file).sources["database_url"] == config.Source("environment")
    flagged = config.resolve_settings(path=user_file, database_flag="sqlite:///flag.db")
    assert flagged.settings.database_url == "sqlite:///flag.db" and not flagged.ignored


def test_a_users_own_choice_does_not_pin_the_organisations_other_defaults(tmp_path, monkeypatch):
    site = tmp_path / "site.toml"
    site.write_text('theme = "dark"\n', encoding="utf-8")
    monkeypatch.setenv("BEACON_SITE_CONFIG", str(site))
    user = tmp_path / "settings.json"
    config.update_user_settings(user, language="en")
    assert json.loads(user.read_text(encoding="utf-8")) == {"language": "en"}
    resolved = config.resolve_settings(path=user)
    assert (resolved.settings.language, resolved.settings.theme) == ("en", "dark")
    site.write_text('theme = "light"\n', encoding="utf-8")  # the organisation changes its mind later
    assert config.resolve_settings(path=user).settings.theme == "light"


def test_where_the_site_file_is_looked_for(monkeypatch, tmp_path):
    monkeypatch.delenv("BEACON_SITE_CONFIG")
    assert config.site_config_path() == config.system_site_config_path()
    assert config.system_site_config_path("linux") == Path("/etc/beacon/site.toml")
    assert config.system_site_config_path("darwin") == Path("/Library/Application Support/Beacon/site.toml")
    monkeypatch.setenv("PROGRAMDATA", r"D:\ProgramData")
    assert config.system_site_config_path("win32") == Path(r"D:\ProgramData") / "Beacon" / "site.toml"
    monkeypatch.setenv("BEACON_SITE_CONFIG", str(tmp_path / "x.toml"))
    assert config.site_config_path() == tmp_path / "x.toml"
    monkeypatch.setenv("BEACON_SITE_CONFIG", "")
    assert config.site_config_path() is None
    assert config.load_site_config() == config.SiteConfig()


@pytest.mark.parametrize(
    ("text", "line", "en_part", "ko_part"),
    [
        ('language = "en"\ntheme = dark\n', 2, "not valid TOML", "TOML 문법 오류"),
        ('language = "en"\n\ndatabase = "sqlite:///x.db"\n', 3, "'database' is not a setting", "알 수 없는 항목"),
        ('theme = "neon"\n', 1, "'theme' cannot be 'neon'. Allowed: light, dark", "'neon'"),
        ('language = "en"\ntime_zone = "Mars/Base"\n', 2, "'time_zone' cannot be 'Mars/Base'", "Mars/Base"),
        ('language = 1\n', 1, "'language' must be a quoted string", "문자열"),
        ('language = "en"\nlocked = ["database_url"]\n', 2, "'database_url' is locked but this file gives it no value",
         "잠갔지만"),
        ('locked = "language"\n', 1, "'locked' must be a list", "목록"),
        ('theme = "dark"\nlocked = ["them"]\n', 2, "'locked' names 'them'", "'them'"),
    ],
)
def test_a_bad_site_file_is_named_with_its_line_in_both_languages(tmp_path, monkeypatch, text, line, en_part,
                                                                  ko_part):
    path = tmp_path / "site.toml"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setenv("BEACON_SITE_CONFIG", str(path))
    with pytest.raises(BeaconError) as caught:
        config.resolve_settings(path=tmp_path / "none.json")
    english, korean = caught.value.message("en"), caught.value.message("ko")
    assert english.startswith(f"Site configuration file {path}, line {line}: ") and en_part in english
    assert korean.startswith(f"조직 설정 파일 {path} {line}행: ") and ko_part in korean


def test_passwords_are_masked_for_printing():
    assert config.mask_url("postgresql://beacon:p%40ss@db:5432/itsm") == "postgresql://beacon:***@db:5432/itsm"
    assert config.mask_url("postgresql://beacon@db/itsm") == "postgresql://beacon@db/itsm"
    assert config.mask_url("sqlite:////var/lib/beacon.db") == "sqlite:////var/lib/beacon.db"


def test_config_show_names_every_value_and_its_source(site, monkeypatch, capsys, tmp_path):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))  # this test's own user settings file
    config.update_user_settings(theme="light", time_zone="Asia/Tokyo")
    monkeypatch.setenv("BEACON_DATABASE_URL", "sqlite:///env.db")
    assert cli.main(["--lang", "en", "config", "show"]) == 0
    out = capsys.readouterr().out.splitlines()
    user = config.settings_path()
    assert out[:4] == [
        f"database_url = postgresql://beacon:***@db.bank.local:5432/itsm    [site file {site} (locked)]",
        f"language = en    [site file {site} (locked)]",
        f"theme = light    [user settings {user}]",
        f"time_zone = Asia/Tokyo    [user settings {user}]",
    ]
    assert "ignored: environment BEACON_DATABASE_URL (the site file locks database_url)" in out
    assert "s3cret" not in "\n".join(out)


def test_config_show_in_korean_without_any_file(monkeypatch, capsys, tmp_path):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("BEACON_SITE_CONFIG", str(tmp_path / "absent.toml"))
    assert cli.main(["--lang", "ko", "config", "show", "--database", "sqlite:///flag.db"]) == 0
    out = capsys.readouterr().out
    assert "database_url = sqlite:///flag.db    [명령줄 --database]" in out
    assert "language = ko    [기본값]" in out
    assert f"조직 설정 파일: {tmp_path / 'absent.toml'} (없음)" in out
    assert f"사용자 설정 파일: {tmp_path / 'config' / 'beacon' / 'settings.json'} (없음)" in out


def test_the_cli_refuses_a_bad_site_file_with_its_name_and_line(tmp_path, monkeypatch, capsys):
    path = tmp_path / "site.toml"
    path.write_text('database_url = "sqlite:///x.db"\nlocked = ["language"]\n', encoding="utf-8")
    monkeypatch.setenv("BEACON_SITE_CONFIG", str(path))
    assert cli.main(["--lang", "en", "config", "show"]) == 2
    assert f"beacon: Site configuration file {path}, line 2: 'language' is locked" in capsys.readouterr().err


def test_commands_say_when_a_lock_overrides_the_database_flag(site, monkeypatch, capsys, tmp_path):
    from desktop import setup

    opened = []

    def initialize_database(url, **_options):  # stands in for the server the site file names
        opened.append(url)
        raise BeaconError("db.not_initialized")

    monkeypatch.setattr(setup, "initialize_database", initialize_database)
    assert cli.main(["--lang", "en", "init-db", "--database", f"sqlite:///{tmp_path / 'other.db'}"]) == 2
    assert opened == ["postgresql://beacon:s3cret@db.bank.local:5432/itsm"]
    assert f"beacon: Not using command line --database: the site file {site} locks database_url." in \
        capsys.readouterr().err


def test_config_set_stores_one_user_setting_and_refuses_a_bad_one(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    url = "postgresql://kim@db.bank.local:5432/itsm"
    assert cli.main(["--lang", "en", "config", "set", "database_url", url]) == 0
    assert json.loads(config.settings_path().read_text(encoding="utf-8")) == {"database_url": url}
    assert cli.main(["--lang", "en", "config", "set", "theme", "dark"]) == 0
    assert config.load_settings() == config.Settings(database_url=url, theme="dark")
    assert f"Saved 'theme' in {config.settings_path()}." in capsys.readouterr().out
    assert cli.main(["--lang", "en", "config", "set", "language", "fr"]) == 2
    assert "Setting 'language' cannot be 'fr'" in capsys.readouterr().err
    assert config.load_settings().language == "ko"


def test_files_saved_with_a_byte_order_mark_are_read(tmp_path, monkeypatch):
    site = tmp_path / "site.toml"
    site.write_bytes('\ufefflanguage = "en"\n'.encode())  # as Notepad and the Windows installer save it
    monkeypatch.setenv("BEACON_SITE_CONFIG", str(site))
    user = tmp_path / "settings.json"
    user.write_bytes('\ufeff{"theme": "dark"}'.encode())
    resolved = config.resolve_settings(path=user)
    assert (resolved.settings.language, resolved.settings.theme) == ("en", "dark")
