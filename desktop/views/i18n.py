"""Qt translations: English source strings, Korean from desktop/resources/translations/beacon_ko.ts.

The .qm files are built from the .ts sources by `pyside6-lrelease`: into the wheel by setup.py, next
to the sources by scripts/_venv.sh in a checkout; when a .qm is missing at run time it is compiled
into the user's cache.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from desktop.paths import resource_path

log = logging.getLogger(__name__)
_installed: list[QTranslator] = []


def qm_path(language: str) -> Path | None:
    """The compiled translation for `language`, building it if only the .ts exists."""
    built = resource_path("translations", f"beacon_{language}.qm")
    source = resource_path("translations", f"beacon_{language}.ts")
    if built.exists() and (not source.exists() or built.stat().st_mtime >= source.stat().st_mtime):
        return built
    if not source.exists():
        return None
    import platformdirs

    cache = Path(platformdirs.user_cache_dir("beacon", "Beacon")) / f"beacon_{language}.qm"
    if cache.exists() and cache.stat().st_mtime >= source.stat().st_mtime:
        return cache
    tool = shutil.which("pyside6-lrelease") or str(Path(__file__).resolve().parents[2] / ".venv/bin/pyside6-lrelease")
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([tool, "-silent", str(source), "-qm", str(cache)], check=True, timeout=60)
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("cannot build translations for %s: %s", language, exc)
        return None
    return cache


def install_language(language: str) -> bool:
    """Switch the application's Qt translations; English needs none. True when installed."""
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language == "en":
        return True
    path = qm_path(language)
    if path is None:
        return False
    translator = QTranslator(app)
    if not translator.load(str(path)):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    # Qt's own texts (OK/Cancel of standard buttons, the file dialog, context menus) from Qt's translations
    qt_texts = QTranslator(app)
    if qt_texts.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_texts)
        _installed.append(qt_texts)
    return True
