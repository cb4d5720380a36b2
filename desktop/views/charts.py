"""Small charts drawn with QPainter (PySide6-Essentials has no QtCharts): bars, grouped rate bars, a trend.

Every drawn figure is a hit area with a tooltip and a payload; hovering shows the
tooltip, clicking emits `sig_clicked(payload)`. Text and grid take the widget's
palette, which qt-material's stylesheet sets, so the charts read in light and dark.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

ACCENT = "#448aff"  # qt-material's blue, readable on both themes
SECOND = "#26a69a"
LINE = "#ff7043"


@dataclass(frozen=True)
class BarItem:
    """One bar: its axis label, value, colour, hover text and what a click on it means."""

    label: str
    value: float
    color: str = ACCENT
    tooltip: str = ""
    payload: Any = None
    value_text: str = ""


@dataclass(frozen=True)
class RateItem:
    """One group of the rate chart: two shares (0..1 or None when nothing was judged yet)."""

    label: str
    first: float | None
    second: float | None
    note: str = ""
    tooltip: str = ""
    payload: Any = None
    color: str = ""


@dataclass(frozen=True)
class TrendItem:
    """One period of the trend: two counts as columns and a share as a line."""

    label: str
    first: int
    second: int
    rate: float | None
    tooltip: str = ""
    payload: Any = None


def nice_ceiling(value: float) -> float:
    """The axis maximum: 1, 2, 2.5 or 5 times a power of ten, at least `value`."""
    if value <= 0:
        return 1
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * power:
            return step * power
    return 10 * power


class Chart(QWidget):
    """Base of the charts: hit areas, hover highlight, tooltips and clicks."""

    sig_clicked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._hits: list[tuple[QRectF, str, Any]] = []
        self._hover = -1
        self.empty_text = ""

    # what tests and the page use
    def hit_areas(self) -> list[tuple[QRectF, str, Any]]:
        """The clickable areas as (rectangle, tooltip, payload), in widget coordinates of the last paint."""
        if not self._hits:
            self.repaint()
        return list(self._hits)

    def text_color(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.WindowText)

    def grid_color(self) -> QColor:
        color = QColor(self.text_color())
        color.setAlpha(45)
        return color

    def _index_at(self, point: QPointF) -> int:
        for n, (rect, _, _) in enumerate(self._hits):
            if rect.contains(point):
                return n
        return -1

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        index = self._index_at(event.position())
        if index != self._hover:
            self._hover = index
            self.update()
        if index >= 0:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
            QToolTip.showText(event.globalPosition().toPoint(), self._hits[index][1], self)
        else:
            self.unsetCursor()
            QToolTip.hideText()
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            index = self._index_at(event.position())
            if index >= 0 and self._hits[index][2] is not None:
                self.sig_clicked.emit(self._hits[index][2])
        super().mouseReleaseEvent(event)

    def leaveEvent(self, event: Any) -> None:
        self._hover = -1
        self.update()
        super().leaveEvent(event)

    def _begin(self) -> QPainter:
        self._hits = []
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(self.font())
        return painter

    def _fill(self, color: str, hovered: bool) -> QColor:
        fill = QColor(color or ACCENT)
        return fill.lighter(125) if hovered else fill

    def _empty(self, painter: QPainter) -> None:
        painter.setPen(self.text_color())
        painter.drawText(QRectF(self.rect()), Qt.AlignmentFlag.AlignCenter, self.empty_text)


class BarChart(Chart):
    """Vertical bars with a value axis (counts by grade), or horizontal bars with labels (counts by state)."""

    def __init__(self, parent: QWidget | None = None, *, horizontal: bool = False) -> None:
        super().__init__(parent)
        self.horizontal = horizontal
        self.items: list[BarItem] = []

    def set_items(self, items: list[BarItem]) -> None:
        self.items = list(items)
        self._hits = []
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        rows = max(len(self.items), 4)
        line = QFontMetrics(self.font()).height()
        return QSize(360, rows * (line + 14) + 16 if self.horizontal else 240)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, 180)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = self._begin()
        if not self.items:
            self._empty(painter)
        else:
            (self._paint_horizontal if self.horizontal else self._paint_vertical)(painter)
        painter.end()

    def _paint_vertical(self, painter: QPainter) -> None:
        fm = QFontMetrics(self.font())
        top = fm.height() + 6
        peak = nice_ceiling(max(i.value for i in self.items))
        left = fm.horizontalAdvance(f"{peak:g}") + 10
        bottom = fm.height() * 2 + 8
        plot = QRectF(left, top, max(10, self.width() - left - 8), max(10, self.height() - top - bottom))
        text = self.text_color()
        for step in range(5):
            y = plot.bottom() - plot.height() * step / 4
            painter.setPen(QPen(self.grid_color(), 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(text)
            painter.drawText(QRectF(0, y - fm.height() / 2, left - 6, fm.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"{peak * step / 4:g}")
        slot = plot.width() / len(self.items)
        width = min(slot * 0.6, 72)
        for n, item in enumerate(self.items):
            height = plot.height() * item.value / peak
            x = plot.left() + slot * n + (slot - width) / 2
            bar = QRectF(x, plot.bottom() - height, width, height)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self._fill(item.color, n == self._hover))
            painter.drawRoundedRect(bar, 3, 3)
            painter.setPen(text)
            painter.drawText(QRectF(x - slot / 4, bar.top() - fm.height() - 2, width + slot / 2, fm.height()),
                             Qt.AlignmentFlag.AlignCenter, item.value_text or f"{item.value:g}")
            label = QRectF(plot.left() + slot * n, plot.bottom() + 4, slot, fm.height() * 2 + 2)
            painter.drawText(label, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                             | Qt.TextFlag.TextWordWrap, item.label)
            hit = QRectF(plot.left() + slot * n, plot.top() - fm.height(), slot, plot.height() + fm.height() + bottom)
            self._hits.append((hit, item.tooltip or f"{item.label}: {item.value:g}", item.payload))

    def _paint_horizontal(self, painter: QPainter) -> None:
        fm = QFontMetrics(self.font())
        label_width = min(max(fm.horizontalAdvance(i.label) for i in self.items) + 12, self.width() * 0.45)
        peak = max(max(i.value for i in self.items), 1)
        value_width = fm.horizontalAdvance(f"{peak:g}") + 12
        row = min((self.height() - 8) / len(self.items), fm.height() + 22)
        plot_width = max(10, self.width() - label_width - value_width - 8)
        text = self.text_color()
        for n, item in enumerate(self.items):
            y = 4 + row * n
            painter.setPen(text)
            label = fm.elidedText(item.label, Qt.TextElideMode.ElideRight, int(label_width - 8))
            painter.drawText(QRectF(0, y, label_width - 8, row),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
            length = plot_width * item.value / peak
            bar = QRectF(label_width, y + row * 0.2, max(length, 2 if item.value else 0), row * 0.6)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self._fill(item.color, n == self._hover))
            painter.drawRoundedRect(bar, 3, 3)
            painter.setPen(text)
            painter.drawText(QRectF(bar.right() + 6, y, value_width, row), Qt.AlignmentFlag.AlignVCenter,
                             item.value_text or f"{item.value:g}")
            self._hits.append((QRectF(0, y, self.width(), row), item.tooltip or f"{item.label}: {item.value:g}",
                               item.payload))


class RateChart(Chart):
    """Per group, two horizontal bars on a 0–100 % scale (on-time response and resolution) and a legend."""

    def __init__(self, first_name: str, second_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.names = (first_name, second_name)
        self.items: list[RateItem] = []

    def set_items(self, items: list[RateItem]) -> None:
        self.items = list(items)
        self._hits = []
        self.updateGeometry()
        self.update()

    def _row_height(self) -> float:
        return QFontMetrics(self.font()).height() * 2 + 12

    def sizeHint(self) -> QSize:
        fm = QFontMetrics(self.font())
        return QSize(420, int(fm.height() + 14 + max(len(self.items), 3) * self._row_height()))

    def minimumSizeHint(self) -> QSize:
        return QSize(280, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = self._begin()
        fm = QFontMetrics(self.font())
        text = self.text_color()
        x = 4.0
        for name, color in zip(self.names, (ACCENT, SECOND), strict=True):  # legend
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(color))
            painter.drawRoundedRect(QRectF(x, 4 + fm.height() / 2 - 5, 10, 10), 2, 2)
            painter.setPen(text)
            painter.drawText(QPointF(x + 14, 4 + fm.ascent()), name)
            x += 14 + fm.horizontalAdvance(name) + 18
        if not self.items:
            self._empty(painter)
            painter.end()
            return
        top = fm.height() + 12
        widest = max(max(fm.horizontalAdvance(i.label) for i in self.items),
                     max(fm.horizontalAdvance(i.note) for i in self.items))
        label_width = min(widest + 24, self.width() * 0.4)
        pct_width = fm.horizontalAdvance("100.0%") + 10
        plot_left = label_width
        plot_width = max(10, self.width() - label_width - pct_width - 6)
        row = round(self._row_height())
        for step in range(5):  # 0, 25, 50, 75, 100 %
            gx = plot_left + plot_width * step / 4
            painter.setPen(QPen(self.grid_color(), 1, Qt.PenStyle.DashLine if step else Qt.PenStyle.SolidLine))
            painter.drawLine(QPointF(gx, top), QPointF(gx, top + row * len(self.items)))
        for n, item in enumerate(self.items):
            y = top + row * n
            if n == self._hover:
                highlight = QColor(self.text_color())
                highlight.setAlpha(22)
                painter.fillRect(QRectF(0, y, self.width(), row), highlight)
            if item.color:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(item.color))
                painter.drawEllipse(QRectF(2, y + row / 2 - 4, 8, 8))
            painter.setPen(text)
            label = fm.elidedText(item.label, Qt.TextElideMode.ElideRight, int(label_width - 18))
            painter.drawText(QRectF(14, y, label_width - 18, row / 2 + 2),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, label)
            if item.note:
                muted = QColor(text)
                muted.setAlpha(150)
                painter.setPen(muted)
                painter.drawText(QRectF(14, y + row / 2 + 1, label_width - 18, row / 2),
                                 Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, item.note)
            bar_height = (row - 10) // 2
            for k, (share, color) in enumerate(((item.first, ACCENT), (item.second, SECOND))):
                by = round(y + 4 + k * (bar_height + 2))
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(self._fill(color, n == self._hover))
                if share is not None:
                    painter.drawRoundedRect(QRectF(plot_left, by, max(plot_width * share, 2), bar_height), 2, 2)
                painter.setPen(text)
                painter.drawText(QRectF(plot_left + plot_width + 6, by - 2, pct_width, bar_height + 4),
                                 Qt.AlignmentFlag.AlignVCenter, "–" if share is None else f"{share * 100:.1f}%")
            self._hits.append((QRectF(0, y, self.width(), row), item.tooltip or item.label, item.payload))
        painter.end()


class TrendChart(Chart):
    """Two counts per period as side-by-side columns on the left axis, a share as a line on the right (0–100 %)."""

    def __init__(self, first_name: str, second_name: str, rate_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.names = (first_name, second_name, rate_name)
        self.items: list[TrendItem] = []

    def set_items(self, items: list[TrendItem]) -> None:
        self.items = list(items)
        self._hits = []
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(720, 280)

    def minimumSizeHint(self) -> QSize:
        return QSize(420, 240)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = self._begin()
        fm = QFontMetrics(self.font())
        text = self.text_color()
        x = 4.0
        for name, color in zip(self.names, (ACCENT, SECOND, LINE), strict=True):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(color))
            painter.drawRoundedRect(QRectF(x, 4 + fm.height() / 2 - 5, 10, 10), 2, 2)
            painter.setPen(text)
            painter.drawText(QPointF(x + 14, 4 + fm.ascent()), name)
            x += 14 + fm.horizontalAdvance(name) + 18
        if not self.items:
            self._empty(painter)
            painter.end()
            return
        peak = nice_ceiling(max(max(i.first, i.second) for i in self.items))
        left = fm.horizontalAdvance(f"{peak:g}") + 10
        right = fm.horizontalAdvance("100%") + 10
        top = fm.height() * 2 + 14
        bottom = fm.height() * 2 + 8
        plot = QRectF(left, top, max(10, self.width() - left - right), max(10, self.height() - top - bottom))
        for step in range(5):
            y = plot.bottom() - plot.height() * step / 4
            painter.setPen(QPen(self.grid_color(), 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(text)
            painter.drawText(QRectF(0, y - fm.height() / 2, left - 6, fm.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"{peak * step / 4:g}")
            painter.setPen(QColor(LINE))
            painter.drawText(QRectF(plot.right() + 4, y - fm.height() / 2, right, fm.height()),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, f"{25 * step}%")
        slot = plot.width() / len(self.items)
        width = min(slot * 0.32, 28)
        points: list[QPointF | None] = []
        for n, item in enumerate(self.items):
            x0 = plot.left() + slot * n
            if n == self._hover:
                highlight = QColor(text)
                highlight.setAlpha(22)
                painter.fillRect(QRectF(x0, plot.top(), slot, plot.height()), highlight)
            for k, (value, color) in enumerate(((item.first, ACCENT), (item.second, SECOND))):
                height = plot.height() * value / peak
                bar = QRectF(x0 + slot / 2 - width + k * width, plot.bottom() - height, width - 1, height)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(self._fill(color, n == self._hover))
                painter.drawRect(bar)
            painter.setPen(text)
            painter.drawText(QRectF(x0, plot.bottom() + 4, slot, fm.height() * 2 + 2),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, item.label)
            points.append(None if item.rate is None else
                          QPointF(x0 + slot / 2, plot.bottom() - plot.height() * item.rate))
            self._hits.append((QRectF(x0, plot.top(), slot, plot.height() + bottom), item.tooltip or item.label,
                               item.payload))
        painter.setPen(QPen(QColor(LINE), 2))
        previous = None
        for point in points:
            if point is not None and previous is not None:
                painter.drawLine(previous, point)
            previous = point
        painter.setBrush(QColor(LINE))
        for point in points:
            if point is not None:
                painter.drawEllipse(point, 3.5, 3.5)
        painter.end()
