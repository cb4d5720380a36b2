"""Per-user settings: database URL, language, theme, time zone.

Stored as JSON in the user's config folder (platformdirs), so the CLI and the
GUI read the same file without Qt. `BEACON_DATABASE_URL` and the `--database`
flag override the stored URL for one run.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import platformdirs

from desktop.errors import BeaconError
from desktop.i18n import LANGUAGES

APP_NAME = "beacon"
APP_AUTHOR = "Beacon"
THEMES = ("light", "dark")
ENV_DATABASE_URL = "BEACON_DATABASE_URL"


def config_dir() -> Path:
    """Folder of this user's settings file."""
    return Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))


def data_dir() -> Path:
    """Folder of this user's data (the default SQLite database)."""
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def default_database_url() -> str:
    """The embedded database in the user's data folder."""
    return "sqlite:///" + str(data_dir() / "beacon.db")


def settings_path() -> Path:
    """The settings file of this user."""
    return config_dir() / "settings.json"


@dataclass(frozen=True)
class Settings:
    """One user's settings on this machine."""

    database_url: str = field(default_factory=default_database_url)
    language: str = "ko"
    theme: str = "light"
    time_zone: str = "Asia/Seoul"

    def validated(self) -> Settings:
        """Return self, or raise BeaconError naming the first bad value."""
        if self.language not in LANGUAGES:
            raise BeaconError("settings.bad_value", key="language", value=self.language, allowed=", ".join(LANGUAGES))
        if self.theme not in THEMES:
            raise BeaconError("settings.bad_value", key="theme", value=self.theme, allowed=", ".join(THEMES))
        try:
            ZoneInfo(self.time_zone)
        except (ZoneInfoNotFoundError, ValueError):
            raise BeaconError(
                "settings.bad_value", key="time_zone", value=self.time_zone, allowed="IANA names, e.g. Asia/Seoul"
            ) from None
        return self


def load_settings(path: Path | None = None) -> Settings:
    """Read the stored settings; a missing file gives the defaults.

    Raises:
        BeaconError: the file exists but cannot be read or holds a bad value.
    """
    path = path or settings_path()
    if not path.exists():
        return Settings()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BeaconError("settings.unreadable", path=path, reason=str(exc)) from None
    if not isinstance(raw, dict):
        raise BeaconError("settings.unreadable", path=path, reason="not a JSON object")
    known = {k: str(v) for k, v in raw.items() if k in Settings.__dataclass_fields__}
    return Settings(**known).validated()


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    """Write the settings atomically (temp file, then rename)."""
    path = path or settings_path()
    settings.validated()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(settings), ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, path)
    return path


def effective_settings(*, database_flag: str | None = None, path: Path | None = None) -> Settings:
    """Stored settings with the one-run overrides applied: `--database`, then the environment."""
    settings = load_settings(path)
    url = database_flag or os.environ.get(ENV_DATABASE_URL) or settings.database_url
    return replace(settings, database_url=url)
