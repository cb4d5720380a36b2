"""The pre-start check scripts/run makes: which X11 libraries Qt's xcb platform lacks, and the fix."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from desktop import xcb


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"DISPLAY": ":0"}, True),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}, True),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb:nomitshm;offscreen"}, True),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, False),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "wayland"}, False),
        ({"DISPLAY": ":0", "XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0"}, False),
        ({"DISPLAY": ":0", "XDG_SESSION_TYPE": "x11"}, True),
        ({}, False),
        ({"QT_QPA_PLATFORM": "xcb"}, False),
    ],
)
def test_xcb_is_checked_only_when_qt_would_use_it(env, expected):
    assert xcb.uses_xcb(env, platform="linux") is expected


def test_other_systems_are_never_checked():
    assert not xcb.uses_xcb({"DISPLAY": ":0"}, platform="darwin")
    assert not xcb.uses_xcb({"DISPLAY": ":0"}, platform="win32")


def test_missing_libraries_name_their_debian_packages_once_each():
    absent = {"libxcb-cursor.so.0", "libxcb-icccm.so.4", "libglib-2.0.so.0"}
    missing = xcb.missing_packages(lambda soname: soname not in absent)

    assert missing == ["libglib2.0-0", "libxcb-cursor0", "libxcb-icccm4"]
    assert xcb.missing_packages(lambda soname: True) == []


def test_the_install_line_is_one_apt_get_command():
    assert xcb.install_line(["libxcb-cursor0", "libxcb-icccm4"], as_root=True) == (
        "apt-get install --no-install-recommends libxcb-cursor0 libxcb-icccm4"
    )
    assert xcb.install_line(["libxcb-cursor0"], as_root=False).startswith("sudo apt-get install ")


def test_main_prints_the_fix_and_fails_when_a_library_is_missing(monkeypatch, capsys):
    monkeypatch.setattr(xcb, "ldconfig_sonames", lambda: set(xcb.XCB_LIBRARIES) - {"libxcb-cursor.so.0"})
    monkeypatch.setattr(xcb, "loadable", lambda soname: False)
    monkeypatch.setattr("desktop.i18n._current", "en")

    assert xcb.main({"DISPLAY": ":0"}) == 1
    err = capsys.readouterr().err
    assert "apt-get install --no-install-recommends libxcb-cursor0\n" in err
    assert "xcb" in err


def test_main_passes_when_everything_is_there_or_no_window_is_opened(monkeypatch):
    monkeypatch.setattr(xcb, "ldconfig_sonames", lambda: None)  # no ldconfig: ask the loader instead
    monkeypatch.setattr(xcb, "loadable", lambda soname: True)
    assert xcb.main({"DISPLAY": ":0"}) == 0
    monkeypatch.setattr(xcb, "loadable", lambda soname: False)
    assert xcb.main({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}) == 0


def test_this_machines_ldconfig_cache_is_read():
    sonames = xcb.ldconfig_sonames()
    if sonames is None:
        pytest.skip("no ldconfig here")
    assert "libc.so.6" in sonames


def test_every_library_the_installed_xcb_plugin_needs_is_checked():
    """Qt's own ELF files say what they need: a newer PySide6 needing more fails here, not on a desk."""
    readelf = shutil.which("readelf")
    qt = Path(pytest.importorskip("PySide6").__file__).parent / "Qt"
    files = [qt / "plugins" / "platforms" / "libqxcb.so", qt / "lib" / "libQt6XcbQpa.so.6"]
    if readelf is None or not all(f.exists() for f in files):
        pytest.skip("needs readelf and PySide6's Linux xcb plugin")
    needed = set()
    for f in files:
        dynamic = subprocess.run([readelf, "-d", str(f)], capture_output=True, text=True, check=True).stdout
        needed |= set(re.findall(r"\(NEEDED\)\s+Shared library: \[(.+?)\]", dynamic))
    assert "libxcb-cursor.so.0" in needed  # the one Qt 6.5 added, and proof the listing was read
    system = {name for name in needed if not name.startswith("libQt6")}
    base = {"libc.so.6", "libm.so.6", "libstdc++.so.6", "libgcc_s.so.1"}  # part of any Python's system
    assert system - base - set(xcb.XCB_LIBRARIES) == set()
