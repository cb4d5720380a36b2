"""Cells in their own colours under the theme.

qt-material's style sheet paints every item view cell in the theme's text colour and ignores an item's
foreground and background, so a red "초과 / Overdue" or a grey retired entry would look like any other
cell. `CellColorsDelegate` paints what the item says: its background (text in its foreground colour, or
black or white, whichever reads better) or, with no background, the theme's cell with the text in the
item's foreground colour. A cell with neither is left to the theme.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QPainter
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget


def text_color(background: str) -> str:
    """Black or white, whichever reads better on `background` (#rrggbb)."""
    color = QColor(background)
    luminance = 0.299 * color.red() + 0.587 * color.green() + 0.114 * color.blue()
    return "#000000" if luminance > 150 else "#ffffff"


def _color(value: object) -> QColor | None:
    """A role's value as a visible colour, or None."""
    if isinstance(value, QBrush):
        value = value.color()
    if isinstance(value, Qt.GlobalColor):
        value = QColor(value)
    if isinstance(value, QColor) and value.isValid() and value.alpha() > 0:
        return value
    return None


class CellColorsDelegate(QStyledItemDelegate):
    """Paints a cell's own background and text colours, which the theme's item style would hide."""

    def __init__(self, parent: QWidget, *, align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignVCenter
                 | Qt.AlignmentFlag.AlignLeft, bold_foreground: bool = False) -> None:
        super().__init__(parent)
        self.align = align
        self.bold_foreground = bold_foreground

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width() + 16, hint.height())  # the padding `paint` leaves either side

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        background = _color(index.data(Qt.ItemDataRole.BackgroundRole))
        foreground = _color(index.data(Qt.ItemDataRole.ForegroundRole))
        if background is None and foreground is None:
            super().paint(painter, option, index)
            return
        font = index.data(Qt.ItemDataRole.FontRole) or option.font
        if background is not None:
            painter.save()
            painter.fillRect(option.rect.adjusted(1, 1, -1, -1), background)
            pen = foreground or QColor(text_color(background.name()))
        else:
            # the theme's cell (selection, hover, grid) without its text, then the text in the item's colour
            self.initStyleOption(option, index)
            option.text = ""
            style = option.widget.style() if option.widget else QApplication.style()
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
            painter.save()
            pen = foreground
            if self.bold_foreground:
                font.setBold(True)
        painter.setPen(pen)
        painter.setFont(font)
        rect = option.rect.adjusted(8, 0, -8, 0)
        text = QFontMetrics(font).elidedText(str(index.data() or ""), Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(rect, int(self.align), text)
        painter.restore()
