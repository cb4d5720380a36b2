"""Cell colours a person relies on survive the material theme: qt-material's style sheet paints every
cell in the theme's text colour, so without `CellColorsDelegate` a red "초과" looked like any figure."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

from desktop.views.case_view import CaseView
from desktop.views.cell_colors import CellColorsDelegate
from tests.gui.test_case_view import bank, session_of, shown, table_of, working_incident  # noqa: F401

RED = QColor("#d32f2f")


def reddish(image: QImage) -> int:
    """Pixels close to the breach red (anti-aliased text included)."""
    count = 0
    for x in range(image.width()):
        for y in range(image.height()):
            c = image.pixelColor(x, y)
            if c.red() > 150 and c.green() < 110 and c.blue() < 110:
                count += 1
    return count


@pytest.fixture
def themed(qapp):
    from desktop.views.theme import apply_theme

    before = qapp.styleSheet()
    yield lambda theme: apply_theme(qapp, theme)
    qapp.setStyleSheet(before)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_a_cell_keeps_its_own_text_and_fill_colours_under_the_theme(qtbot, qapp, themed, theme):
    themed(theme)
    table = QTableWidget(2, 1)
    qtbot.addWidget(table)
    table.setItemDelegate(CellColorsDelegate(table))
    red = QTableWidgetItem("초과 1일 2시간")
    red.setForeground(RED)
    table.setItem(0, 0, red)
    filled = QTableWidgetItem("✕")
    filled.setBackground(RED)
    table.setItem(1, 0, filled)
    table.resize(260, 120)
    table.show()
    qapp.processEvents()
    text_cell = table.viewport().grab(table.visualItemRect(red)).toImage()
    fill_cell = table.viewport().grab(table.visualItemRect(filled)).toImage()
    assert reddish(text_cell) > 15  # the text itself is red
    assert reddish(fill_cell) > fill_cell.width() * fill_cell.height() // 2  # the cell is filled


def test_the_sla_tab_shows_time_past_the_target_in_red_under_the_theme(qtbot, qapp, themed, bank):  # noqa: F811
    themed("light")
    r, _ = working_incident(bank, hours_ago=50)  # resolution target long past
    view = shown(qtbot, CaseView(session_of(bank, "handler", "ko"), r.case_id))
    view.resize(1200, 700)
    table = table_of(view, "sla")
    qapp.processEvents()
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    remaining = headers.index("남은 시간")
    over = table.item(1, remaining)
    assert over.text().endswith("초과")
    on_track = table.item(1, headers.index("기준"))
    assert reddish(table.viewport().grab(table.visualItemRect(over)).toImage()) > 15
    assert reddish(table.viewport().grab(table.visualItemRect(on_track)).toImage()) == 0
