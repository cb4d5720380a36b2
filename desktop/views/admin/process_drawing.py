"""A process drawn: states as boxes, transitions as labelled arrows (the layout is `process_diagram.py`'s).

Used read-only for stored versions and, with `process_designer.EditableDiagram`, for editing.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QScrollArea, QWidget

from desktop.workflow.admin.process_diagram import START_RADIUS, STAY_MARK, Diagram, layout
from desktop.workflow.engine.process import ProcessDef

INITIAL_COLOR = "#2e7d32"
FINAL_COLOR = "#546e7a"
PAUSE_COLOR = "#f9a825"
ERROR_COLOR = "#d32f2f"
OK_COLOR = "#2e7d32"


class ProcessDiagram(QWidget):
    """A process drawn: boxes for states, labelled arrows for transitions (see process_diagram.py)."""

    MIN_SCALE = 0.65  # below this the labels get too small to read: scroll instead

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.diagram: Diagram | None = None
        self.process: ProcessDef | None = None
        self.language = "ko"
        self.scale = 1.0
        self.room: tuple[int, int] | None = None  # the space it may fill (the scroll area's viewport)

    def title_font(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        return font

    def set_process(self, process: ProcessDef, language: str) -> None:
        self.process, self.language = process, language
        metrics, bold = QFontMetricsF(self.font()), QFontMetricsF(self.title_font())
        self.diagram = layout(process, language=language, measure=metrics.horizontalAdvance,
                              measure_title=bold.horizontalAdvance, line_height=metrics.height())
        self._fit()

    def fit(self, width: int, height: int) -> None:
        """Shrink the drawing to fit `width` × `height` when it is larger (down to MIN_SCALE)."""
        self.room = (width, height)
        self._fit()

    def _fit(self) -> None:
        if self.diagram is None:
            return
        d = self.diagram
        self.scale = 1.0
        if self.room is not None:
            self.scale = max(self.MIN_SCALE, min(1.0, self.room[0] / d.width, self.room[1] / d.height))
        self.setFixedSize(math.ceil(d.width * self.scale), math.ceil(d.height * self.scale))
        self.update()

    def paintEvent(self, _event: object) -> None:
        if self.diagram is None:
            return
        d = self.diagram
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.scale(self.scale, self.scale)
        ink = self.palette().color(QPalette.ColorRole.WindowText)
        paper = self.palette().color(QPalette.ColorRole.Base)
        muted = QColor(ink)
        muted.setAlphaF(0.75)

        painter.setPen(QPen(muted, 1.4))
        for arrow in d.arrows:
            (x0, y0), (x1, y1), (x2, y2), (x3, y3) = arrow.points
            path = QPainterPath(QPointF(x0, y0))
            path.cubicTo(QPointF(x1, y1), QPointF(x2, y2), QPointF(x3, y3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
            dx, dy = x3 - x2, y3 - y2
            if abs(dx) + abs(dy) < 1e-6:
                dx, dy = x3 - x0, y3 - y0
            angle = math.atan2(dy, dx)
            head = QPolygonF([QPointF(x3, y3)] + [QPointF(x3 - 9 * math.cos(angle + s), y3 - 9 * math.sin(angle + s))
                                                 for s in (0.4, -0.4)])
            painter.setBrush(muted)
            painter.drawPolygon(head)
        painter.setPen(QPen(INITIAL_COLOR))
        painter.setBrush(QColor(INITIAL_COLOR))
        painter.drawEllipse(QPointF(*d.start), START_RADIUS, START_RADIUS)

        line = d.line_height
        for box in d.boxes.values():
            r = QRectF(box.rect.x, box.rect.y, box.rect.w, box.rect.h)
            border = QColor(INITIAL_COLOR) if box.initial else QColor(FINAL_COLOR) if box.final else ink
            pen = QPen(border, 2.2 if box.initial else 1.4)
            if box.pauses_sla:
                pen.setStyle(Qt.PenStyle.DashLine)
                pen.setColor(QColor(PAUSE_COLOR))
            painter.setPen(pen)
            painter.setBrush(paper)
            painter.drawRoundedRect(r, 6, 6)
            if box.final:
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(r.adjusted(3, 3, -3, -3), 4, 4)
            painter.setPen(ink)
            painter.setFont(self.title_font())
            painter.drawText(QRectF(r.x(), r.y() + 6, r.width(), line), Qt.AlignmentFlag.AlignHCenter, box.title)
            painter.setFont(self.font())
            painter.setPen(muted)
            for i, stay in enumerate(box.stays):
                painter.drawText(QRectF(r.x(), r.y() + 6 + line * (i + 1), r.width(), line),
                                 Qt.AlignmentFlag.AlignHCenter, STAY_MARK + stay)

        painter.setFont(self.font())
        for arrow in d.arrows:
            lr = QRectF(arrow.label_rect.x, arrow.label_rect.y, arrow.label_rect.w, arrow.label_rect.h)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(paper))
            painter.drawRoundedRect(lr, 3, 3)
            painter.setPen(ink)
            painter.drawText(lr, Qt.AlignmentFlag.AlignCenter, arrow.label)
        painter.end()


class FittingScroll(QScrollArea):
    """A scroll area that lets its diagram shrink to the visible space before it scrolls."""

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        widget = self.widget()
        if isinstance(widget, ProcessDiagram):
            widget.fit(self.viewport().width() - 2, self.viewport().height() - 2)
