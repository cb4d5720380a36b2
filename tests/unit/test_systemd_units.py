"""The systemd units in installer/linux/systemd/ are valid and say what the services need."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

UNITS = Path(__file__).resolve().parents[2] / "installer" / "linux" / "systemd"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def _units() -> list[Path]:
    return sorted([*UNITS.glob("*.service"), *UNITS.glob("*.timer")])


def test_every_service_restarts_on_failure_and_names_its_command():
    names = {p.name for p in _units()}
    assert {"beacon-dispatch.service", "beacon-sla.service", "beacon-sla.timer", "beacon-intake.service"} <= names
    for unit in _units():
        text = unit.read_text(encoding="utf-8")
        if unit.suffix == ".service":
            assert "Restart=on-failure" in text, unit.name
            assert "ExecStart=/opt/beacon/beacon " in text, unit.name
            assert "EnvironmentFile=-/etc/beacon/beacon.env" in text, unit.name


def test_units_pass_systemd_analyze_verify(tmp_path):
    tool = shutil.which("systemd-analyze")
    if tool is None:
        message = "systemd-analyze is not installed (apt-get install systemd)"
        if IN_CI:
            pytest.fail(message + "; CI installs it in .ci/run")
        pytest.skip(message)
    # verify checks that ExecStart's program exists: point it at this checkout's `beacon`
    beacon = Path(sys.executable).with_name("beacon")
    assert beacon.exists(), beacon
    for unit in _units():
        (tmp_path / unit.name).write_text(unit.read_text(encoding="utf-8").replace("/opt/beacon/beacon", str(beacon)),
                                          encoding="utf-8")
    result = subprocess.run([tool, "verify", *sorted(str(p) for p in tmp_path.iterdir())], capture_output=True,
                            text=True, timeout=60, cwd=tmp_path)
    print(result.stdout, result.stderr)
    assert result.returncode == 0, result.stderr
    problems = [line for line in result.stderr.splitlines() if str(tmp_path) in line or "beacon-" in line]
    assert not problems, problems


def test_a_broken_unit_is_caught(tmp_path):
    """The check above can fail: a unit with an unknown setting is reported."""
    tool = shutil.which("systemd-analyze")
    if tool is None:
        pytest.skip("systemd-analyze is not installed")
    beacon = Path(sys.executable).with_name("beacon")
    bad = tmp_path / "beacon-broken.service"
    bad.write_text(f"[Service]\nExecStart={beacon} dispatch\nRestartt=on-failure\n", encoding="utf-8")
    result = subprocess.run([tool, "verify", str(bad)], capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert "Restartt" in result.stderr
