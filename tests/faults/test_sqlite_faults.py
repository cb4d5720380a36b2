"""SQLite, one person's file: a write lock held by another program, and a file that cannot be written.

A person gets a sentence (and a non-zero exit), never a traceback; a read-only file opens read-only.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.models import Setting
from desktop.models import db as dbmod
from desktop.setup import initialize_database

ROOT = Path(__file__).resolve().parents[2]
ADMIN_PASSWORD = "beacon-admin"


def _cli_env(lang: str) -> dict[str, str]:
    """The command as a desk runs it: signed in as the administrator (settings are theirs), real hashing."""
    env = {k: v for k, v in os.environ.items() if k != "BEACON_FAST_HASH"}
    return {**env, "BEACON_LANG": lang, "BEACON_USER": "admin", "BEACON_PASSWORD": ADMIN_PASSWORD}


def _cli(*args: str, lang: str = "en") -> tuple[subprocess.CompletedProcess[str], float]:
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "desktop.cli", *args], capture_output=True, text=True,
                            cwd=ROOT, timeout=120,
                            env=_cli_env(lang))
    return result, time.monotonic() - started


@pytest.fixture
def sqlite_file(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'desk.db'}"
    dbmod.close()
    initialize_database(url, admin_password=ADMIN_PASSWORD)
    dbmod.close()
    return url


def test_a_long_write_lock_gives_a_sentence_not_a_traceback(sqlite_file):
    path = sqlite_file.removeprefix("sqlite:///")
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sqlite3, sys, time\n"
        f"c = sqlite3.connect({path!r}, isolation_level=None)\n"
        "c.execute('BEGIN IMMEDIATE'); c.execute(\"UPDATE setting SET version = version WHERE key = 'time_zone'\")\n"
        "print('locked', flush=True); time.sleep(60)\n")], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        result, seconds = _cli("setting", "set", "delivery_max_attempts", "3", "--database", sqlite_file)
        korean, _ = _cli("setting", "set", "reopen_window_days", "5", "--database", sqlite_file, lang="ko")
    finally:
        holder.kill()
        holder.wait()
    print(f"\nwrite lock held by another program: the command waited {seconds:.1f} s, then exit "
          f"{result.returncode}: {result.stderr.strip()}\n{korean.stderr.strip()}")
    assert result.returncode == 75 and "locked by another program" in result.stderr
    assert "잠겨 있습니다" in korean.stderr
    assert "Traceback" not in result.stderr + korean.stderr and len(result.stderr.strip().splitlines()) == 1
    assert seconds >= 10  # it waited for the lock first (busy timeout), then said so
    again, _ = _cli("setting", "set", "delivery_max_attempts", "3", "--database", sqlite_file)
    assert again.returncode == 0, again.stderr  # once the lock is gone, the same command works


def _immutable(path: Path) -> bool:
    """Make the file unwritable even for root (chattr +i); False when the file system cannot."""
    if shutil.which("chattr") is None:
        return False
    if os.geteuid() != 0:
        path.chmod(0o444)
        path.parent.chmod(0o555)
        return True
    return subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode == 0


def _writable_again(path: Path) -> None:
    if os.geteuid() == 0:
        subprocess.run(["chattr", "-i", str(path)], capture_output=True)
    else:
        path.parent.chmod(0o755)
        path.chmod(0o644)


def test_a_read_only_file_opens_read_only_and_init_db_refuses_it(sqlite_file, qapp, monkeypatch):
    path = Path(sqlite_file.removeprefix("sqlite:///"))
    if not _immutable(path):
        pytest.skip("cannot make a read-only file here")
    try:
        init, _ = _cli("init-db", "--database", sqlite_file)
        read, _ = _cli("setting", "get", "time_zone", "--database", sqlite_file)
        write, _ = _cli("setting", "set", "time_zone", '"Asia/Tokyo"', "--database", sqlite_file)
        print(f"\nread-only file: init-db exit {init.returncode}: {init.stderr.strip()}\n"
              f"setting get exit {read.returncode}; setting set exit {write.returncode}: {write.stderr.strip()}")
        assert init.returncode == 2 and "cannot be created or upgraded" in init.stderr
        assert read.returncode == 0 and "Asia/Seoul" in read.stdout
        assert write.returncode == 2 and "read-only" in write.stderr
        for result in (init, read, write):
            assert "Traceback" not in result.stderr

        from desktop.app import start_client
        from desktop.config import Settings
        from desktop.views.dialogs import LoginDialog
        from desktop.workflow.common.session import authenticate

        monkeypatch.setattr(LoginDialog, "ask", staticmethod(
            lambda parent=None, *, language="ko": authenticate("admin", "beacon-admin")))
        window = start_client(Settings(database_url=sqlite_file, language="en"), ask_location=False)
        try:
            banner = window.statusBar().currentMessage()
            print(f"the desktop client opened it with the banner: {banner}")
            assert "read-only" in banner
            assert window.pages["incidents"].model.wait_until_loaded()
        finally:
            window.close()
            window.deleteLater()
    finally:
        dbmod.close()
        _writable_again(path)
    dbmod.connect(sqlite_file)
    assert Setting.get(Setting.key == "time_zone").value == '"Asia/Seoul"'  # nothing was written
