"""Pictures of the Processes tab's tools (dry run, comparison, shipped upgrade) in ko/en, light/dark.

`python -m tests.gui.process_tool_shots OUT_DIR` on a fresh demo database, offscreen on a 1366×768
screen; with QT_QPA_PLATFORM=xcb (under Xvfb) the same panels open as real windows. A newer shipped
incident process is simulated by a copy of the shipped files with one state more.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from tests.gui.dialog_gallery import use_laptop_screen

use_laptop_screen()

from tests.db.test_process_tools import REVIEW  # noqa: E402  (the same edit the tests make)


def main(out: Path) -> list[Path]:
    from PySide6.QtWidgets import QApplication

    from desktop.app import _application, open_main_window
    from desktop.config import Settings
    from desktop.paths import resource_path
    from desktop.setup import open_database
    from desktop.views.admin.process_tools import CompareDialog, DryRunDialog, ProcessTools, ShippedOfferDialog
    from desktop.views.i18n import install_language
    from desktop.views.theme import apply_theme
    from desktop.workflow.common.session import authenticate

    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp())
    shipped = work / "processes"
    shutil.copytree(resource_path("processes"), shipped)
    text = (shipped / "incident.toml").read_text(encoding="utf-8")
    (shipped / "incident.toml").write_text(text + REVIEW, encoding="utf-8")
    url = f"sqlite:///{work / 'shots.db'}"
    app = _application(Settings(database_url=url))
    open_database(url, create_with_demo=True, create=True)  # seeded from this release's files
    os.environ["BEACON_PROCESS_DIR"] = str(shipped)  # then "a newer release" ships one more state
    actor = authenticate("admin", "beacon")
    opened: list = []
    ProcessTools.show_dialog = classmethod(lambda cls, dialog: opened.append(dialog) or 0)  # type: ignore[method-assign]
    saved: list[Path] = []

    def shoot(widget, name: str) -> None:
        widget.show()
        for _ in range(3):
            QApplication.processEvents()
        path = out / f"{name}.png"
        widget.grab().save(str(path))
        saved.append(path)

    for theme in ("light", "dark"):
        apply_theme(app, theme)
        for lang in ("ko", "en"):
            install_language(lang)
            window = open_main_window(Settings(database_url=url, language=lang, theme=theme), actor, background=False)
            window.resize(1366, 740)
            window.show()
            window.nav.setCurrentRow(list(window.pages).index("admin"))
            admin = window.pages["admin"]
            editor = admin.screens["processes"]
            admin.tabs.setCurrentWidget(editor)
            editor.picker.setCurrentIndex(editor.picker.findData("incident"))
            editor.tools.refresh_offers()
            shoot(window, f"process-tools-tab-{lang}-{theme}")

            # the edit: the new review state, and the waiting state gone (demo incidents wait in it)
            base = editor.editor.toPlainText()
            edited = base + REVIEW
            for header in ("states.waiting", "transitions.wait", "transitions.resume"):
                start = edited.index(f"[{header}]\n")
                edited = edited[:start] + edited[edited.index("\n\n", start) + 2:]
            edited = edited.replace(', "waiting"', "").replace('"waiting", ', "")
            editor.editor.setPlainText(edited)
            editor.tools.dry_run()
            assert opened, editor.message.text()
            dry: DryRunDialog = opened.pop()
            dry.case_choice.setChecked(True)
            for i in range(dry.cases.count()):  # an open case in progress, to offer the new step
                dry.cases.setCurrentIndex(i)
                if dry.state == "in_progress":
                    break
            names = [dry.steps.item(i).data(256) for i in range(dry.steps.count())]
            if "send_to_review" in names:
                dry.steps.setCurrentRow(names.index("send_to_review"))
            shoot(dry, f"process-dry-run-{lang}-{theme}")
            dry.new_choice.setChecked(True)
            shoot(dry, f"process-dry-run-register-{lang}-{theme}")
            dry.close()

            editor.tools.compare()
            compare: CompareDialog = opened.pop()
            shoot(compare, f"process-compare-{lang}-{theme}")
            compare.close()

            editor.editor.setPlainText(base)
            editor.tools.review_offer()
            offer: ShippedOfferDialog = opened.pop()
            shoot(offer, f"process-shipped-offer-{lang}-{theme}")
            offer.close()
            window.close()
    return saved


if __name__ == "__main__":
    for p in main(Path(sys.argv[1] if len(sys.argv) > 1 else "shots")):
        print(p)
