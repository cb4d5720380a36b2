"""Administration → Processes at 1366×768, ko/en × light/dark: `python -m tests.gui.process_designer_shots OUT after`.

"before" pictures the tab as loaded; "after" adds 2선 검토 under 처리 with an arrow to 종결 on the diagram and
shows the transition's three inspector tabs. Run offscreen; look at every picture.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from tests.gui.dialog_gallery import use_laptop_screen

use_laptop_screen()

def main(out: Path, tag: str) -> None:
    from desktop.app import _application, open_main_window
    from desktop.config import Settings
    from desktop.setup import open_database
    from desktop.views.i18n import install_language
    from desktop.views.theme import apply_theme
    from desktop.workflow.common.session import authenticate
    out.mkdir(parents=True, exist_ok=True)
    url = f"sqlite:///{Path(tempfile.mkdtemp()) / 'shots.db'}"
    app = _application(Settings(database_url=url))
    open_database(url, create_with_demo=True, create=True)
    actor = authenticate("admin", "beacon")
    for theme in ("light", "dark"):
        apply_theme(app, theme)
        for lang in ("ko", "en"):
            install_language(lang)
            window = open_main_window(Settings(database_url=url, language=lang, theme=theme), actor, background=False)
            window.resize(1366, 768)
            window.show()
            keys = list(window.pages)
            window.nav.setCurrentRow(keys.index("admin"))
            app.processEvents()
            page = window.pages["admin"]
            for i in range(page.tabs.count()):
                if page.tabs.widget(i).objectName() == "processes" or "Process" in type(page.tabs.widget(i)).__name__:
                    page.tabs.setCurrentIndex(i)
            app.processEvents()
            editor = page.tabs.currentWidget()
            if tag == "after" and hasattr(editor, "designer"):
                d = editor.designer
                d.select("state", "in_progress")
                d.add_state()
                d.state_ko.setText("2선 검토")
                d.state_en.setText("Second-line review")
                d.state_en.editingFinished.emit()
                t = d.connect_states(d.diagram.selected[1], "closed")
                d.role_boxes["team_lead"].setChecked(True)
                d.select("transition", t)
            for _ in range(3):
                app.processEvents()
            path = out / f"processes-{tag}-{lang}-{theme}.png"
            window.grab().save(str(path))
            print(path)
            if tag == "after" and hasattr(editor, "designer"):
                d.transition_tabs.setCurrentIndex(2)
                for _ in range(3):
                    app.processEvents()
                path = out / f"processes-{tag}-effects-{lang}-{theme}.png"
                window.grab().save(str(path))
                d.transition_tabs.setCurrentIndex(1)
                for _ in range(3):
                    app.processEvents()
                path = out / f"processes-{tag}-fields-{lang}-{theme}.png"
                window.grab().save(str(path))
            window.close()

if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "before")
