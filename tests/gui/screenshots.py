"""Save PNGs of each main screen in ko/en and light/dark: `python -m tests.gui.screenshots OUT_DIR`.

Uses a fresh demo database; run offscreen. Look at every picture before resolving a GUI change.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("BEACON_FAST_HASH", "1")


def main(out: Path) -> list[Path]:
    from PySide6.QtWidgets import QApplication

    from desktop.app import _application, open_main_window
    from desktop.config import Settings
    from desktop.views.i18n import install_language
    from desktop.views.theme import apply_theme
    from desktop.workflow.queries import IncidentFilter, list_incidents
    from desktop.workflow.session import authenticate
    from desktop.workflow.setup import open_database

    out.mkdir(parents=True, exist_ok=True)
    url = f"sqlite:///{Path(tempfile.mkdtemp()) / 'shots.db'}"
    settings = Settings(database_url=url)
    app = _application(settings)
    open_database(url, create_with_demo=True)
    actor = authenticate("admin", "beacon")
    saved: list[Path] = []
    working = list_incidents(actor_id=actor.id, filters=IncidentFilter(states=("in_progress",)), limit=1)
    case_id = working.rows[0].case_id
    for theme in ("light", "dark"):
        apply_theme(app, theme)
        for lang in ("ko", "en"):
            install_language(lang)
            window = open_main_window(Settings(database_url=url, language=lang, theme=theme), actor, background=False)
            window.resize(1280, 800)
            for row, key in enumerate(window.pages):
                window.nav.setCurrentRow(row)
                app.processEvents()
                if hasattr(window.pages[key], "model"):
                    window.pages[key].model.wait_until_loaded()  # lists read their first page off the UI thread
                path = out / f"{key}-{lang}-{theme}.png"
                window.grab().save(str(path))
                saved.append(path)
            case = window.open_case(case_id)
            app.processEvents()
            for tab in range(case.tabs.count()):
                case.tabs.setCurrentIndex(tab)
                app.processEvents()
                path = out / f"case-tab{tab}-{lang}-{theme}.png"
                case.grab().save(str(path))
                saved.append(path)
            window.close()
    QApplication.processEvents()
    return saved


if __name__ == "__main__":
    for p in main(Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")):
        print(p)
