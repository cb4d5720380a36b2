"""Per-user settings: defaults, overrides, and clear refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop import config
from desktop.errors import BeaconError


def test_defaults_put_the_database_in_the_user_data_folder(tmp_path):
    settings = config.load_settings(tmp_path / "none.json")
    assert settings.language == "ko" and settings.theme == "light" and settings.time_zone == "Asia/Seoul"
    assert settings.database_url == "sqlite:///" + str(config.data_dir() / "beacon.db")
    assert Path(config.data_dir()).is_absolute()


def test_saved_settings_round_trip(tmp_path):
    path = tmp_path / "settings.json"
    saved = config.Settings(database_url="postgresql://kim@db.bank/itsm", language="en", theme="dark",
                            time_zone="Asia/Tokyo")
    config.save_settings(saved, path)
    assert config.load_settings(path) == saved


def test_flag_beats_environment_beats_file(tmp_path, monkeypatch):
    path = tmp_path / "settings.json"
    config.save_settings(config.Settings(database_url="sqlite:///from-file.db"), path)
    assert config.effective_settings(path=path).database_url == "sqlite:///from-file.db"
    monkeypatch.setenv("BEACON_DATABASE_URL", "sqlite:///from-env.db")
    assert config.effective_settings(path=path).database_url == "sqlite:///from-env.db"
    assert config.effective_settings(path=path, database_flag="sqlite:///flag.db").database_url == "sqlite:///flag.db"


@pytest.mark.parametrize(
    ("field", "value", "ko_part"),
    [("language", "fr", "language"), ("theme", "neon", "theme"), ("time_zone", "Mars/Base", "time_zone")],
)
def test_bad_values_are_refused_by_name(tmp_path, field, value, ko_part):
    path = tmp_path / "settings.json"
    path.write_text(f'{{"{field}": "{value}"}}', encoding="utf-8")
    with pytest.raises(BeaconError) as caught:
        config.load_settings(path)
    assert ko_part in caught.value.message("ko") and value in caught.value.message("en")


def test_broken_file_gives_a_message_not_a_traceback(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(BeaconError) as caught:
        config.load_settings(path)
    assert str(path) in caught.value.message("ko")
