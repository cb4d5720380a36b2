"""Fonts and the qt-material theme, kept in one place (qt-material is frozen upstream)."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from desktop.paths import resource_path

log = logging.getLogger(__name__)

FONT_FILES = ("NanumGothic.ttf", "NanumGothicBold.ttf")
KOREAN_FAMILY = "NanumGothic"


def load_fonts() -> list[str]:
    """Register the bundled Korean font so Hangul renders on machines without one."""
    families: list[str] = []
    for name in FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
        if font_id < 0:
            log.warning("could not load bundled font %s", name)
            continue
        families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return families


def apply_theme(app: QApplication, theme: str) -> None:
    """Apply the light or dark qt-material theme with the Korean font first."""
    import qt_material  # imported after PySide6 on purpose (see PLATFORM.md)

    theme_file = "dark_blue.xml" if theme == "dark" else "light_blue.xml"
    qt_material.apply_stylesheet(app, theme=theme_file, invert_secondary=(theme != "dark"),
                                 extra={"font_family": KOREAN_FAMILY, "density_scale": "-1"})
    app.setStyleSheet(app.styleSheet() + OUR_RULES.get(theme, "") + OUR_RULES["all"])
    app.setFont(QFont(KOREAN_FAMILY, 10))


# After qt-material's rules, so ours win. Material writes buttons, tabs, group titles and headers in capitals;
# Beacon keeps the words as written in both languages ("Save report…", not "SAVE REPORT…"), and tabs
# narrower, so the eleven administration tabs fit a 1366-px screen in English.
OUR_RULES = {
    "all": """
QPushButton, QToolButton, QTabBar, QGroupBox, QHeaderView::section, QDockWidget, QToolBox::tab {
  text-transform: none;
}
QTabBar::tab:top, QTabBar::tab:bottom {
  padding: 0 4px;
}
""",
}


def app_icon() -> QIcon:
    """Beacon's icon (a lighthouse), for windows and the system tray."""
    return QIcon(str(resource_path("icons", "beacon.svg")))
