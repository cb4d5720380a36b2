"""Beacon's one build step beyond pyproject.toml: compile the Qt translations into the wheel.

`desktop/resources/translations/*.ts` are the sources; the `.qm` files Qt loads are generated, never
committed. Building a wheel (`pip install .`, `pip wheel .`, `python -m build`) runs Qt's lrelease from
PySide6-Essentials, a build requirement in pyproject.toml, and writes them into the build tree next to
the other resources. An editable install leaves them to scripts/_venv.sh, which builds them in place.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

TRANSLATIONS = Path("desktop", "resources", "translations")
# PySide6's own pyside6-lrelease entry point, run by this Python so it needs no PATH.
LRELEASE = [sys.executable, "-c", "from PySide6.scripts.pyside_tool import lrelease; lrelease()"]


class BuildPyWithTranslations(build_py):
    """build_py that also compiles each `.ts` into a `.qm` in the build tree."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return
        target = Path(self.build_lib) / TRANSLATIONS
        target.mkdir(parents=True, exist_ok=True)
        sources = sorted(TRANSLATIONS.glob("*.ts"))
        if not sources:
            raise SystemExit(f"no translation sources in {TRANSLATIONS}: is MANIFEST.in missing from the sdist?")
        for ts in sources:
            qm = target / ts.with_suffix(".qm").name
            subprocess.run([*LRELEASE, "-silent", str(ts), "-qm", str(qm)], check=True)
            if not qm.is_file():
                raise SystemExit(f"lrelease made no {qm}")


setup(cmdclass={"build_py": BuildPyWithTranslations})
