"""Where Beacon's bundled resources live, in a source tree or a frozen build."""

from __future__ import annotations

import sys
from pathlib import Path


def resource_root() -> Path:
    """Return the `desktop/resources/` folder, also inside a PyInstaller bundle."""
    frozen_base = getattr(sys, "_MEIPASS", None)
    if frozen_base:
        return Path(frozen_base) / "desktop" / "resources"
    return Path(__file__).resolve().parent / "resources"


def resource_path(*parts: str) -> Path:
    """Return the path of one bundled resource, e.g. `resource_path("fonts", "NanumGothic.ttf")`."""
    return resource_root().joinpath(*parts)
