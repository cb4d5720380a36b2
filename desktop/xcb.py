"""Before a real window on Linux: are the system libraries Qt's xcb platform links against installed?

PySide6 brings Qt but not the X11 client libraries its xcb plugin needs; without one of them
(libxcb-cursor0 since Qt 6.5, libxcb-icccm4 on a bare Debian) Qt aborts before any window with a
message that names no package. `python -m desktop.xcb` prints the `apt-get install` line that fixes
it and exits 1 instead; scripts/run calls it. It imports no Qt.
"""

from __future__ import annotations

import ctypes
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable, Mapping

from desktop.texts import TEXTS

# The system libraries libqxcb.so and libQt6XcbQpa.so need (their ELF NEEDED entries on PySide6 6.11,
# checked by tests/unit/test_xcb.py) and the ones QtGui loads for them, with the Debian package of each.
XCB_LIBRARIES: dict[str, str] = {
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
}




def uses_xcb(env: Mapping[str, str], platform: str = sys.platform) -> bool:
    """True when Qt would open its windows through xcb: Linux, a DISPLAY, and no other platform chosen."""
    if not platform.startswith("linux") or not env.get("DISPLAY"):
        return False
    chosen = env.get("QT_QPA_PLATFORM", "")
    if chosen:
        return chosen.split(";")[0].split(":")[0] == "xcb"
    # Unset: Qt prefers Wayland in a Wayland session, xcb otherwise.
    return not (env.get("XDG_SESSION_TYPE") == "wayland" and env.get("WAYLAND_DISPLAY"))


def ldconfig_sonames() -> set[str] | None:
    """The sonames in the dynamic linker's cache (`ldconfig -p`), or None when it cannot be read."""
    tool = shutil.which("ldconfig") or "/sbin/ldconfig"
    try:
        listing = subprocess.run([tool, "-p"], capture_output=True, text=True, check=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return {match.group(1) for match in re.finditer(r"^\s*(\S+)\s+\(", listing, re.MULTILINE)}


def loadable(soname: str) -> bool:
    """True when the dynamic linker can load `soname` (also from LD_LIBRARY_PATH)."""
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def missing_packages(present: Callable[[str], bool], libraries: Mapping[str, str] = XCB_LIBRARIES) -> list[str]:
    """The Debian packages, sorted and once each, whose library `present` says is missing."""
    return sorted({package for soname, package in libraries.items() if not present(soname)})


def install_line(packages: Iterable[str], *, as_root: bool) -> str:
    """The command that installs `packages` on Debian or Ubuntu (through sudo unless already root)."""
    return ("" if as_root else "sudo ") + "apt-get install --no-install-recommends " + " ".join(packages)


def main(env: Mapping[str, str] | None = None) -> int:
    """Exit status 0 when Qt's xcb platform can start (or is not used), 1 with the fix printed otherwise."""
    env = os.environ if env is None else env
    if not uses_xcb(env):
        return 0
    cache = ldconfig_sonames()
    missing = missing_packages(lambda soname: (cache is not None and soname in cache) or loadable(soname))
    if not missing:
        return 0
    command = install_line(missing, as_root=os.geteuid() == 0)
    print(TEXTS.pick("xcb.missing_libraries", command=command), file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
