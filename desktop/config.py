"""Settings: database URL, language, theme, time zone — from the organisation, the user and this run.

Three places can set a value, read without Qt so the CLI and the GUI agree:

1. the **site file** an IT department puts on every desk (`site_config_path()`:
   `/etc/beacon/site.toml` on Linux, `%PROGRAMDATA%\\Beacon\\site.toml` on Windows,
   `/Library/Application Support/Beacon/site.toml` on macOS; `BEACON_SITE_CONFIG` names
   another file, or none when empty). It may *lock* any of its values;
2. the **user's settings file** (`settings.json` in the user config folder);
3. **this run**: `BEACON_DATABASE_URL`, then the `--database` flag (database URL only).

Precedence, highest first: a value the site locks; `--database`; `BEACON_DATABASE_URL`;
the user's file; the site's unlocked value (the organisation's default); the built-in
default. A lock wins over the command line and the environment too, in the GUI and the
CLI alike — an administrator who must reach another database on a locked desk runs
`BEACON_SITE_CONFIG= beacon ...` on purpose. Locks keep a hundred desks on one database;
they are not a security boundary (the database's own accounts are).
"""

from __future__ import annotations

import json
import os
import re
import sys
import tomllib
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import platformdirs

from desktop.errors import BeaconError
from desktop.i18n import LANGUAGES, pick
from desktop.texts import SITE_FILE_REASONS, SOURCE_LABELS, TEXTS

APP_NAME = "beacon"
APP_AUTHOR = "Beacon"
THEMES = ("light", "dark")
ENV_DATABASE_URL = "BEACON_DATABASE_URL"
ENV_SITE_CONFIG = "BEACON_SITE_CONFIG"
KEYS = ("database_url", "language", "theme", "time_zone")


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


def system_site_config_path(platform: str | None = None) -> Path:
    """Where an organisation puts its site file on this kind of machine (`platform` as in `sys.platform`)."""
    platform = platform or sys.platform
    if platform.startswith("win"):
        return Path(os.environ.get("PROGRAMDATA") or r"C:\ProgramData") / "Beacon" / "site.toml"
    if platform == "darwin":
        return Path("/Library/Application Support/Beacon/site.toml")
    return Path("/etc/beacon/site.toml")


def site_config_path() -> Path | None:
    """The site file in force: `BEACON_SITE_CONFIG` if set (empty: none), else the system location."""
    override = os.environ.get(ENV_SITE_CONFIG)
    if override is not None:
        return Path(override) if override.strip() else None
    return system_site_config_path()


@dataclass(frozen=True)
class Settings:
    """One user's settings on this machine."""

    database_url: str = field(default_factory=default_database_url)
    language: str = "ko"
    theme: str = "light"
    time_zone: str = "Asia/Seoul"

    def validated(self) -> Settings:
        """Return self, or raise BeaconError naming the first bad value."""
        for key in KEYS:
            problem = _value_problem(key, getattr(self, key))
            if problem:
                raise BeaconError("settings.bad_value", key=key, value=getattr(self, key), allowed=problem)
        return self


def _value_problem(key: str, value: str) -> str | None:
    """None when `value` is allowed for `key`, else what is allowed."""
    if key == "language" and value not in LANGUAGES:
        return ", ".join(LANGUAGES)
    if key == "theme" and value not in THEMES:
        return ", ".join(THEMES)
    if key == "time_zone":
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            return "IANA names, e.g. Asia/Seoul"
    if key == "database_url" and not value.strip():
        return "sqlite:///path/beacon.db, postgresql://user:password@host:5432/database"
    return None


def _read_user_file(path: Path) -> dict[str, str]:
    """The keys the user's file sets (a missing file sets none)."""
    if not path.exists():
        return {}
    try:
        raw = json.loads(path.read_text(encoding="utf-8-sig"))  # Notepad and the Windows installer write a BOM
    except (OSError, ValueError) as exc:
        raise BeaconError("settings.unreadable", path=path, reason=str(exc)) from None
    if not isinstance(raw, dict):
        raise BeaconError("settings.unreadable", path=path, reason="not a JSON object")
    return {k: str(v) for k, v in raw.items() if k in KEYS}


def load_settings(path: Path | None = None) -> Settings:
    """Read the user's stored settings; a missing file or key gives the defaults.

    Raises:
        BeaconError: the file exists but cannot be read or holds a bad value.
    """
    return Settings(**_read_user_file(path or settings_path())).validated()


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    """Write all of `settings` to the user's file atomically (temp file, then rename)."""
    return _write_user_file(asdict(settings.validated()), path or settings_path())


def update_user_settings(path: Path | None = None, **changes: str) -> Path:
    """Store only the given keys in the user's file, keeping the others it has.

    Unlike `save_settings`, values the user never chose stay unset, so an
    organisation's unlocked defaults keep applying to them.
    """
    path = path or settings_path()
    stored = _read_user_file(path)
    stored.update(changes)
    Settings(**stored).validated()
    return _write_user_file(stored, path)


def _write_user_file(values: Mapping[str, str], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    # 0600 from the first byte: the file may hold a database URL, and it is nobody else's to read
    with os.fdopen(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w", encoding="utf-8") as out:
        out.write(json.dumps(dict(values), ensure_ascii=False, indent=2))
    os.replace(tmp, path)
    return path


# --- the organisation's site file -------------------------------------------------------------


def _site_error(path: Path, line: int, reason: str, **params: str) -> BeaconError:
    texts = {lang: SITE_FILE_REASONS[reason][lang].format(**params) for lang in LANGUAGES}
    return BeaconError("site.invalid", path=path, line=line, reason=texts)


def _line_of(text: str, key: str) -> int:
    """The line that sets `key` at the top level of the file (1 when it cannot be told)."""
    pattern = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=")
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.match(line):
            return number
    return 1


@dataclass(frozen=True)
class SiteConfig:
    """What the organisation's site file sets and which of it is locked."""

    path: Path | None = None
    values: Mapping[str, str] = field(default_factory=dict)
    locked: frozenset[str] = frozenset()


def parse_site_config(text: str, path: Path) -> SiteConfig:
    """Read a site file's text; every mistake is reported with the file and line.

    Raises:
        BeaconError: `site.invalid`, naming the file, the line and what is wrong in Korean and English.
    """
    try:
        raw: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"line (\d+)", str(exc))
        raise _site_error(path, int(found.group(1)) if found else 1, "syntax", detail=str(exc)) from None
    allowed = ", ".join((*KEYS, "locked"))
    values: dict[str, str] = {}
    for key, value in raw.items():
        if key == "locked":
            continue
        if key not in KEYS:
            raise _site_error(path, _line_of(text, key), "unknown_key", key=key, allowed=allowed)
        if not isinstance(value, str):
            raise _site_error(path, _line_of(text, key), "not_text", key=key)
        problem = _value_problem(key, value)
        if problem:
            raise _site_error(path, _line_of(text, key), "bad_value", key=key, value=value, allowed=problem)
        values[key] = value
    locked = raw.get("locked", [])
    if not isinstance(locked, list) or not all(isinstance(k, str) for k in locked):
        raise _site_error(path, _line_of(text, "locked"), "bad_locked")
    for key in locked:
        if key not in KEYS:
            raise _site_error(path, _line_of(text, "locked"), "lock_unknown", key=key, allowed=", ".join(KEYS))
        if key not in values:
            raise _site_error(path, _line_of(text, "locked"), "lock_unset", key=key)
    return SiteConfig(path=path, values=values, locked=frozenset(locked))


def load_site_config(path: Path | None = None) -> SiteConfig:
    """The site file in force (`site_config_path()` unless `path`); no file means an empty one.

    Raises:
        BeaconError: the file exists but cannot be read or is wrong (with file and line).
    """
    path = path or site_config_path()
    if path is None or not path.exists():
        return SiteConfig()
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise BeaconError("site.unreadable", path=path, reason=str(exc)) from None
    return parse_site_config(text, path)


# --- putting it together ----------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    """Where one effective value came from."""

    kind: str  # default, site, site_locked, user, environment, command_line
    path: Path | None = None

    @property
    def locked(self) -> bool:
        return self.kind == "site_locked"

    def describe(self, language: str | None = None) -> str:
        """E.g. "site file /etc/beacon/site.toml (locked)"."""
        return pick(SOURCE_LABELS[self.kind], language).format(path=self.path, name=ENV_DATABASE_URL)


@dataclass(frozen=True)
class ResolvedSettings:
    """The settings in force for this run, where each came from, and what a lock overrode."""

    settings: Settings
    sources: Mapping[str, Source]
    site: SiteConfig
    user_path: Path
    ignored: tuple[Source, ...] = ()  # a flag or environment value a site lock overrode

    @property
    def locked(self) -> frozenset[str]:
        return self.site.locked


def resolve_settings(*, database_flag: str | None = None, path: Path | None = None,
                     site_path: Path | None = None) -> ResolvedSettings:
    """Apply the precedence in this module's docstring and say where each value came from.

    Raises:
        BeaconError: the site file or the user's file is unreadable or wrong.
    """
    site = load_site_config(site_path)
    user_path = path or settings_path()
    user = _read_user_file(user_path)
    defaults = Settings()
    values: dict[str, str] = {}
    sources: dict[str, Source] = {}
    ignored: list[Source] = []
    run_values: list[tuple[str | None, Source]] = [
        (database_flag, Source("command_line")),
        (os.environ.get(ENV_DATABASE_URL), Source("environment")),
    ]
    for key in KEYS:
        candidates: list[tuple[str | None, Source]] = []
        if key in site.locked:
            candidates.append((site.values[key], Source("site_locked", site.path)))
        if key == "database_url":
            candidates.extend(run_values)
        candidates += [(user.get(key), Source("user", user_path)),
                       (site.values.get(key), Source("site", site.path)),
                       (getattr(defaults, key), Source("default"))]
        chosen = next((value, source) for value, source in candidates if value)
        values[key], sources[key] = chosen
        if key in site.locked:
            ignored += [source for value, source in run_values if key == "database_url" and value]
    return ResolvedSettings(Settings(**values).validated(), sources, site, user_path, tuple(ignored))


def effective_settings(*, database_flag: str | None = None, path: Path | None = None) -> Settings:
    """The settings in force for this run (see `resolve_settings` for the precedence)."""
    return resolve_settings(database_flag=database_flag, path=path).settings


def mask_url(url: str) -> str:
    """The URL with any password replaced by `***`, fit to print."""
    try:
        parts = urlsplit(url)
        if parts.password is None:
            return url
        host = parts.hostname or ""
        if parts.port:
            host = f"{host}:{parts.port}"
        return urlunsplit(parts._replace(netloc=f"{parts.username or ''}:***@{host}"))
    except ValueError:
        return url


def describe_settings(resolved: ResolvedSettings, language: str | None = None) -> list[str]:
    """`beacon config show`: one line per setting, its value (password masked) and its source."""
    lines = []
    for key in KEYS:
        value = getattr(resolved.settings, key)
        shown = mask_url(value) if key == "database_url" else value
        lines.append(f"{key} = {shown}    [{resolved.sources[key].describe(language)}]")
    for source in resolved.ignored:
        lines.append(TEXTS.pick("config.ignored_locked", language)
                     .format(what=source.describe(language)))
    site = resolved.site.path or site_config_path()
    lines.append(TEXTS.pick("config.site_file", language).format(
        path=site or TEXTS.pick("config.no_site_file", language),
        state="" if site is None or resolved.site.path else TEXTS.pick("config.not_present", language)))
    lines.append(TEXTS.pick("config.user_settings", language).format(
        path=resolved.user_path,
        state="" if resolved.user_path.exists() else TEXTS.pick("config.not_present", language)))
    return lines

