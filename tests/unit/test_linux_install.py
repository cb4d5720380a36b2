"""installer/linux: install.sh puts a working `beacon`, its menu entry and icons in place; uninstall.sh
takes exactly those away again. Runs on a stand-in bundle, and on the real dist/beacon/ when it was built."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
LINUX = ROOT / "installer" / "linux"
BUILT = ROOT / "dist" / "beacon"

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux installer")


def fake_bundle(where: Path) -> Path:
    """A folder laid out like dist/beacon/, whose `beacon` only says its version."""
    bundle = where / "beacon"
    (bundle / "_internal").mkdir(parents=True)
    (bundle / "beacon").write_text("#!/bin/sh\necho 'Beacon ITSM 0.0.0-test'\n", encoding="utf-8")
    (bundle / "beacon").chmod(0o755)
    (bundle / "share" / "applications").mkdir(parents=True)
    shutil.copy(LINUX / "beacon.desktop", bundle / "share" / "applications")
    for size in ("16x16", "48x48", "256x256"):
        icon = bundle / "share" / "icons" / "hicolor" / size / "apps" / "beacon.png"
        icon.parent.mkdir(parents=True)
        icon.write_bytes(b"\x89PNG stand-in")
    scalable = bundle / "share" / "icons" / "hicolor" / "scalable" / "apps" / "beacon.svg"
    scalable.parent.mkdir(parents=True)
    shutil.copy(ROOT / "desktop" / "resources" / "icons" / "beacon.svg", scalable)
    for script in ("install.sh", "uninstall.sh"):
        shutil.copy(LINUX / script, bundle / script)
        (bundle / script).chmod(0o755)
    return bundle


def tree(root: Path) -> set[str]:
    """Every file, link and folder under root, relative."""
    return {str(p.relative_to(root)) for p in root.rglob("*")}


def run(*command: str | Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8"}
    return subprocess.run([str(c) for c in command], env=env, capture_output=True, text=True, timeout=300,
                          check=False)


def test_user_install_puts_beacon_its_menu_entry_and_icons_in_place_and_uninstall_removes_exactly_them(tmp_path):
    bundle = fake_bundle(tmp_path / "unpacked")
    home = tmp_path / "home"
    (home / ".local" / "share" / "applications").mkdir(parents=True)
    (home / ".local" / "share" / "applications" / "other.desktop").write_text("[Desktop Entry]\n", encoding="utf-8")
    before = tree(home)

    installed = run(bundle / "install.sh", "--user", home=home)

    assert installed.returncode == 0, installed.stderr
    app = home / ".local" / "opt" / "beacon"
    link = home / ".local" / "bin" / "beacon"
    assert link.is_symlink() and os.readlink(link) == str(app / "beacon")
    assert run(link, home=home).stdout.strip() == "Beacon ITSM 0.0.0-test"
    entry = home / ".local" / "share" / "applications" / "beacon.desktop"
    desktop = configparser.ConfigParser(interpolation=None)
    desktop.optionxform = str  # keys are case-sensitive
    desktop.read(entry, encoding="utf-8")
    section = desktop["Desktop Entry"]
    assert section["Exec"] == f"{app}/beacon" and section["Icon"] == "beacon" and section["Type"] == "Application"
    assert section["Name[ko]"] and section["Comment[ko]"] == "IT 서비스의 장애와 문제 관리"
    assert "Office;" in section["Categories"]
    icons = home / ".local" / "share" / "icons" / "hicolor"
    assert {str(p.relative_to(icons)) for p in icons.rglob("beacon.*")} == {
        "16x16/apps/beacon.png", "48x48/apps/beacon.png", "256x256/apps/beacon.png", "scalable/apps/beacon.svg"}
    assert "uninstall:    " + str(app / "uninstall.sh") in installed.stdout

    again = run(bundle / "install.sh", "--user", home=home)  # installing over an install replaces it
    assert again.returncode == 0, again.stderr

    removed = run(app / "uninstall.sh", home=home)

    assert removed.returncode == 0, removed.stderr
    assert tree(home) == before  # the other menu entry and the folders that were there stay


def test_prefix_install_and_a_second_uninstall_is_refused(tmp_path):
    bundle = fake_bundle(tmp_path / "unpacked")
    prefix = tmp_path / "prefix"
    assert run(bundle / "install.sh", "--system", "--prefix", prefix, home=tmp_path).returncode == 0
    assert (prefix / "opt" / "beacon" / "beacon").exists()
    assert (prefix / "bin" / "beacon").is_symlink()
    assert (prefix / "share" / "applications" / "beacon.desktop").exists()
    assert (prefix / "share" / "icons" / "hicolor" / "48x48" / "apps" / "beacon.png").exists()
    uninstall = prefix / "opt" / "beacon" / "uninstall.sh"
    assert run(uninstall, home=tmp_path).returncode == 0
    assert not prefix.exists()  # install made every folder under it, so none is left
    assert bundle.exists()  # the unpacked bundle itself is not touched


def test_install_refuses_a_folder_that_is_not_a_bundle(tmp_path):
    lonely = tmp_path / "x"
    lonely.mkdir()
    shutil.copy(LINUX / "install.sh", lonely)
    result = run(lonely / "install.sh", "--user", home=tmp_path)
    assert result.returncode == 1 and "is not a Beacon bundle" in result.stderr
    assert run(LINUX / "install.sh", "--bogus", home=tmp_path).returncode == 2


def test_render_icons_makes_every_size_from_the_svg(tmp_path):
    from PySide6.QtGui import QImage

    out = tmp_path / "icons"
    result = subprocess.run([sys.executable, str(ROOT / "installer" / "render_icons.py"), str(out)],
                            capture_output=True, text=True, timeout=120, check=False,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        image = QImage(str(out / "hicolor" / f"{size}x{size}" / "apps" / "beacon.png"))
        assert (image.width(), image.height()) == (size, size)
        assert image.pixelColor(size // 2, size // 2).alpha() > 0  # something was drawn
    assert (out / "hicolor" / "scalable" / "apps" / "beacon.svg").read_bytes() == \
        (ROOT / "desktop" / "resources" / "icons" / "beacon.svg").read_bytes()


@pytest.mark.skipif(not (BUILT / "beacon").exists(), reason="no bundle: run `make dist` (CI does)")
def test_the_built_bundle_installs_and_runs_from_the_menu_path(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    assert run(BUILT / "install.sh", "--user", home=home).returncode == 0
    version = run(home / ".local" / "bin" / "beacon", "--version", home=home)
    assert version.returncode == 0 and version.stdout.startswith("Beacon ITSM ")
    assert run(home / ".local" / "opt" / "beacon" / "uninstall.sh", home=home).returncode == 0
    assert tree(home) == set()
