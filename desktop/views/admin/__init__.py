"""Administration: the screens an administrator reshapes Beacon with, one tab each.

Each screen lives in its own module and is listed in SCREENS as (key, module, class); a
screen's class takes (session, parent) and has a `title()` in the user's language. The
page is only offered to administrators; the workflow services check again on every save.
"""

from __future__ import annotations

import importlib

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from desktop.views.session import ClientSession

SCREENS: list[tuple[str, str, str]] = [
    ("matrix", "desktop.views.admin.matrix", "MatrixEditor"),
    ("propagation", "desktop.views.admin.propagation", "PropagationEditor"),
    ("priority", "desktop.views.admin.priority", "PriorityMatrixEditor"),
    ("sla", "desktop.views.admin.sla", "SlaEditor"),
    ("cis", "desktop.views.admin.cis", "CiEditor"),
    ("users", "desktop.views.admin.users", "UserEditor"),
    ("processes", "desktop.views.admin.processes", "ProcessEditor"),
    ("import", "desktop.views.admin.importer", "ImportScreen"),
    ("intake", "desktop.views.admin.intake", "IntakeScreen"),
    ("dead_letters", "desktop.views.admin.outbox", "DeadLetterScreen"),
    ("sr_systems", "desktop.views.admin.outbox", "SrSystemScreen"),
]


class AdminPage(QWidget):
    """The administration screens as tabs, each built when first opened.

    A screen that lists cases (e.g. the incidents of a CI) has `sig_open_case`; the page passes
    it on to the main window, which opens the case.
    """

    sig_open_case = Signal(int)

    def __init__(self, session: ClientSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("admin_tabs")
        self.screens: dict[str, QWidget] = {}
        for key, module_name, class_name in SCREENS:
            screen = getattr(importlib.import_module(module_name), class_name)(session, self)
            screen.setObjectName(f"admin_{key}")
            self.screens[key] = screen
            if hasattr(screen, "sig_open_case"):
                screen.sig_open_case.connect(self.sig_open_case)
            self.tabs.addTab(screen, screen.title())
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    def refresh(self) -> None:
        current = self.tabs.currentWidget()
        if hasattr(current, "refresh"):
            current.refresh()
