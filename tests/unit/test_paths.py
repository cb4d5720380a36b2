"""resource_path() finds the resources in a checkout or an installed wheel (inside the package) and in a
PyInstaller bundle (under sys._MEIPASS, where installer/beacon.spec puts them)."""

from __future__ import annotations

import sys
from pathlib import Path

import desktop
from desktop import paths


def test_resources_live_inside_the_package():
    assert paths.resource_root() == Path(desktop.__file__).resolve().parent / "resources"
    assert paths.resource_path("processes", "incident.toml").is_file()
    assert paths.resource_path("fonts", "NanumGothic.ttf").is_file()


def test_a_frozen_build_reads_them_from_its_bundle(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.resource_path("icons", "beacon.svg") == tmp_path / "desktop" / "resources" / "icons" / "beacon.svg"
