"""The case's time chart (타임 차트) drawn with QPainter: one band per stage, a row per marker kind,
the SLA due moments as dashed lines, on a time axis from opening to closure (or now).

The data comes from `desktop.workflow.cases.time_chart` — the same `Timeline` the printed report draws —
and so do the round local-time ticks. Everything is laid out from the widget's width on each
paint, so the chart scales with the window; `marker_positions` and `markers_at` use that same
layout for tooltips and tests.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QHelpEvent, QPainter, QPainterPath, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from desktop.i18n import pick
from desktop.workflow.cases.time_chart import (
    MARKER_ROWS,
    Marker,
    Segment,
    Timeline,
    chart_range,
    choose_step,
    tick_labels,
    ticks,
)
from desktop.workflow.engine.process import state_label
from desktop.workflow.sla.durations import format_minutes

STAGE_COLORS = ("#4a80c6", "#009688", "#ef9228", "#8e63b6")
FINAL_COLOR = "#43a047"
WAITING_COLOR = "#90a4ae"
MARKER_COLORS = {"action": "#1e88e5", "work_order": "#ab47bc", "change": "#00897b", "event": "#e53935",
                 "incident": "#f57c00"}
DUE_COLOR = "#e53935"
STAGE_ROW = 28
MARKER_ROW = 22
TOP = 22  # room for the due-line labels
AXIS = 36
RADIUS = 5.0
HIT = 7.0  # how close (px) the pointer must be to a marker for its tooltip


@dataclass(frozen=True)
class _Layout:
    plot: QRectF
    label_width: float
    t0: datetime
    t1: datetime

    def x(self, moment: datetime) -> float:
        span = (self.t1 - self.t0).total_seconds() or 1.0
        return self.plot.left() + (moment - self.t0).total_seconds() / span * self.plot.width()


class TimeChart(QWidget):
    """Stages as bands, markers on their rows, SLA due lines; tooltips on markers and bands."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.timeline: Timeline | None = None
        self.kind = "incident"
        self.language = "ko"
        self.zone = ZoneInfo("Asia/Seoul")
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, False)

    # --- data and words --------------------------------------------------------------------

    def set_timeline(self, timeline: Timeline | None, *, kind: str, language: str, time_zone: str) -> None:
        """Show a case's timeline (None: nothing to draw) in the user's language and time zone."""
        self.timeline = timeline
        self.kind = kind
        self.language = language
        self.zone = ZoneInfo(time_zone)
        self.setMinimumHeight(self.sizeHint().height())
        self.setMaximumHeight(self.sizeHint().height())
        self.updateGeometry()
        self.update()

    def marker_rows(self) -> tuple[str, ...]:
        """The marker rows drawn for this kind of case, top to bottom."""
        return MARKER_ROWS.get(self.kind, MARKER_ROWS["incident"])

    def row_name(self, kind: str) -> str:
        names = {"action": self.tr("Actions"), "work_order": self.tr("Work orders"), "change": self.tr("Changes"),
                 "incident": self.tr("Linked incidents"), "event": self.tr("Key events")}
        return names.get(kind, kind)

    def due_name(self, kind: str) -> str:
        return {"response": self.tr("Response due"), "resolution": self.tr("Resolution due")}.get(kind, kind)

    def marker_title(self, marker: Marker) -> str:
        """What a marker is, in the user's language: 'Action · Fix', 'Grade change', 'WO-2026-000001'."""
        if marker.kind == "action":
            kinds = {"note": self.tr("Note", "action kind"), "investigation": self.tr("Investigation"),
                     "fix": self.tr("Fix"), "contact": self.tr("Contact"),
                     "workaround": self.tr("Workaround", "action kind"), "comment": self.tr("Comment")}
            action = self.tr("Action")
            return f"{action} · {kinds.get(marker.label, marker.label)}"
        if marker.kind == "event":
            events = {"regrade": self.tr("Grade change"), "reopen": self.tr("Reopened"),
                      "cancel": self.tr("Cancelled"), "record_known_error": self.tr("Known error recorded"),
                      "verify_failed": self.tr("Verification failed")}
            return events.get(marker.label, marker.label)
        kinds = {"work_order": self.tr("Work order"), "change": self.tr("Change"),
                 "incident": self.tr("Linked incident")}
        return f"{kinds.get(marker.kind, marker.kind)} {marker.label}"

    def _local(self, moment: datetime) -> str:
        return moment.replace(tzinfo=UTC).astimezone(self.zone).strftime("%Y-%m-%d %H:%M")

    # --- geometry ----------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        stages = len(self.timeline.stages) if self.timeline else 4
        note = QFontMetrics(self.font()).height() + 4 if self.outside_due() else 0
        return QSize(720, TOP + stages * STAGE_ROW + len(self.marker_rows()) * MARKER_ROW + AXIS + 8 + note)

    def outside_due(self) -> list[str]:
        """SLA due moments that fall outside the shown span, as text under the chart."""
        if self.timeline is None:
            return []
        t0, t1 = chart_range(self.timeline.start, self.timeline.end)
        return [self.tr("{what} at {when} (outside the chart)").format(what=self.due_name(kind),
                                                                       when=self._local(due))
                for kind, due in self.timeline.due if not t0 <= due <= t1]

    def minimumSizeHint(self) -> QSize:
        return QSize(360, self.sizeHint().height())

    def _layout(self) -> _Layout | None:
        if self.timeline is None:
            return None
        metrics = QFontMetrics(self.font())
        labels = [f"{s.number}. {pick(s.label, self.language)}" for s in self.timeline.stages]
        labels += [f"{self.row_name(k)} (999)" for k in self.marker_rows()]
        label_width = min(max((metrics.horizontalAdvance(t) for t in labels), default=80) + 34,
                          max(120.0, self.width() * 0.3))
        rows = len(self.timeline.stages) * STAGE_ROW + len(self.marker_rows()) * MARKER_ROW
        plot = QRectF(label_width, TOP, max(40.0, self.width() - label_width - 14), rows)
        t0, t1 = chart_range(self.timeline.start, self.timeline.end)
        return _Layout(plot, label_width, t0, t1)

    def marker_positions(self) -> list[tuple[QPointF, Marker]]:
        """Where each marker is drawn (widget coordinates), for hit-testing."""
        layout = self._layout()
        if layout is None or self.timeline is None:
            return []
        top = layout.plot.top() + len(self.timeline.stages) * STAGE_ROW
        row_y = {kind: top + i * MARKER_ROW + MARKER_ROW / 2 for i, kind in enumerate(self.marker_rows())}
        return [(QPointF(layout.x(m.at), row_y[m.kind]), m) for m in self.timeline.markers if m.kind in row_y]

    def markers_at(self, point: QPointF | QPoint) -> list[Marker]:
        """The markers under the pointer, nearest first (many actions may share a pixel)."""
        p = QPointF(point)
        near = [(abs(at.x() - p.x()), m) for at, m in self.marker_positions()
                if abs(at.x() - p.x()) <= HIT and abs(at.y() - p.y()) <= HIT]
        return [m for _, m in sorted(near, key=lambda pair: (pair[0], pair[1].at))]

    def segment_at(self, point: QPointF | QPoint) -> Segment | None:
        """The state span under the pointer, if any."""
        layout = self._layout()
        if layout is None or self.timeline is None:
            return None
        p = QPointF(point)
        index = {s.number: i for i, s in enumerate(self.timeline.stages)}
        for seg in self.timeline.segments:
            if seg.stage not in index:
                continue
            top = layout.plot.top() + index[seg.stage] * STAGE_ROW
            x1, x2 = layout.x(seg.start), max(layout.x(seg.end), layout.x(seg.start) + 4)
            if x1 - 3 <= p.x() <= x2 + 3 and top <= p.y() <= top + STAGE_ROW:
                return seg
        return None

    def tooltip_at(self, point: QPointF | QPoint) -> str:
        """The tooltip text for a point: the markers there (at most eight listed), else the span there."""
        markers = self.markers_at(point)
        if markers:
            lines = []
            for m in markers[:8]:
                detail = pick(m.detail, self.language) if m.detail else ""
                who = f" — {m.actor}" if m.actor else ""
                text = f"<b>{_esc(self._local(m.at))}</b> {_esc(self.marker_title(m))}{_esc(who)}"
                if detail:
                    text += f"<br>{_esc(_short(detail))}"
                lines.append(text)
            if len(markers) > 8:
                lines.append(self.tr("… and {count} more here").format(count=len(markers) - 8))
            return "<br>".join(lines)
        seg = self.segment_at(point)
        if seg is not None:
            name = state_label(self.kind, seg.state, self.language)
            span = f"{self._local(seg.start)} – {self._local(seg.end)}" if not seg.final else self._local(seg.start)
            length = "" if seg.final else f" ({format_minutes(seg.minutes, self.language)})"
            return f"<b>{_esc(name)}</b><br>{span}{length}"
        return ""

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    # --- painting ----------------------------------------------------------------------------

    def paintEvent(self, _event: object) -> None:
        layout = self._layout()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        ink = self.palette().color(QPalette.ColorRole.WindowText)
        muted = QColor(ink)
        muted.setAlpha(150)
        faint = QColor(ink)
        faint.setAlpha(28)
        if layout is None or self.timeline is None:
            painter.setPen(muted)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No time chart for this case."))
            return
        tl = self.timeline
        plot = layout.plot
        stages = tl.stages
        index = {s.number: i for i, s in enumerate(stages)}
        metrics = QFontMetrics(self.font())

        # rows: stage bands, then marker rows, with their names on the left
        for i, stage in enumerate(stages):
            top = plot.top() + i * STAGE_ROW
            if i % 2 == 0:
                painter.fillRect(QRectF(plot.left(), top, plot.width(), STAGE_ROW), faint)
            painter.fillRect(QRectF(6, top + STAGE_ROW / 2 - 5, 10, 10), QColor(_stage_color(i, len(stages))))
            painter.setPen(ink)
            name = metrics.elidedText(f"{stage.number}. {pick(stage.label, self.language)}",
                                      Qt.TextElideMode.ElideRight, int(layout.label_width - 26))
            painter.drawText(QRectF(22, top, layout.label_width - 24, STAGE_ROW),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, name)
        marker_top = plot.top() + len(stages) * STAGE_ROW
        for i, kind in enumerate(self.marker_rows()):
            top = marker_top + i * MARKER_ROW
            count = sum(1 for m in tl.markers if m.kind == kind)
            _draw_marker(painter, kind, QPointF(11, top + MARKER_ROW / 2), RADIUS * 0.9)
            painter.setPen(muted)
            name = metrics.elidedText(f"{self.row_name(kind)} ({count})", Qt.TextElideMode.ElideRight,
                                      int(layout.label_width - 26))
            painter.drawText(QRectF(22, top, layout.label_width - 24, MARKER_ROW),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, name)

        # grid and axis, ticks at round local times
        span_minutes = (layout.t1 - layout.t0).total_seconds() / 60
        step = choose_step(span_minutes, max_ticks=max(3, int(plot.width() // 90)))
        tick_at = ticks(layout.t0, layout.t1, self.zone, step)
        grid = QColor(ink)
        grid.setAlpha(40)
        painter.setPen(QPen(grid, 1))
        for moment in tick_at:
            x = layout.x(moment)
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
        painter.setPen(QPen(muted, 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.drawLine(plot.topLeft(), plot.bottomLeft())
        painter.drawLine(QPointF(plot.left(), marker_top), QPointF(plot.right(), marker_top))
        for moment, lines in zip(tick_at, tick_labels(tick_at, self.zone, step), strict=True):
            x = layout.x(moment)
            painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 4))
            for k, text in enumerate(lines):
                if text:
                    width = metrics.horizontalAdvance(text) + 4
                    painter.drawText(QRectF(x - width / 2, plot.bottom() + 5 + k * (metrics.height() - 1), width,
                                            metrics.height()), Qt.AlignmentFlag.AlignCenter, text)

        # stage bars; waiting spans hatched; a final state is a diamond
        bold = self.font()
        bold.setBold(True)
        for seg in tl.segments:
            if seg.stage not in index:
                continue
            i = index[seg.stage]
            top = plot.top() + i * STAGE_ROW
            color = QColor(_stage_color(i, len(stages)))
            x1, x2 = layout.x(seg.start), layout.x(seg.end)
            if seg.final and seg.end <= seg.start:
                _diamond(painter, QPointF(x1, top + STAGE_ROW / 2), 7, color)
                continue
            bar = QRectF(x1, top + 5, max(x2 - x1, 2.0), STAGE_ROW - 10)
            if seg.waiting:
                painter.fillRect(bar, QBrush(QColor(WAITING_COLOR), Qt.BrushStyle.BDiagPattern))
                painter.setPen(QPen(QColor(WAITING_COLOR), 1))
                painter.drawRect(bar)
                continue
            painter.fillRect(bar, color)
            text = format_minutes(seg.minutes, self.language)
            painter.setFont(bold)
            if QFontMetrics(bold).horizontalAdvance(text) + 6 < bar.width():
                painter.setPen(QColor("white"))
                painter.drawText(bar, Qt.AlignmentFlag.AlignCenter, text)
            painter.setFont(self.font())

        # markers (half transparent, so a crowd of actions reads as a darker patch)
        for at, marker in self.marker_positions():
            _draw_marker(painter, marker.kind, at, RADIUS, alpha=200)

        # SLA due lines with their names above the plot (shifted when two would collide)
        placed: list[tuple[float, float]] = []
        for kind, due in tl.due:
            if not layout.t0 <= due <= layout.t1:
                continue
            x = layout.x(due)
            pen = QPen(QColor(DUE_COLOR), 1.5, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(QPointF(x, plot.top() - 4), QPointF(x, marker_top))
            name = self.due_name(kind)
            width = metrics.horizontalAdvance(name) + 4
            left = x + 3 if x + 3 + width < plot.right() else x - 3 - width
            while any(left < b + 2 and left + width > a - 2 for a, b in placed):
                left = left + width + 6 if left >= x else left - width - 6
            placed.append((left, left + width))
            painter.setPen(QColor(DUE_COLOR))
            painter.drawText(QRectF(left, 2, width, TOP - 4), Qt.AlignmentFlag.AlignVCenter, name)
        outside = self.outside_due()
        if outside:
            painter.setPen(QColor(DUE_COLOR))
            painter.drawText(QRectF(plot.left(), plot.bottom() + AXIS, plot.width(), metrics.height() + 4),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, " · ".join(outside))
        painter.end()


def _stage_color(index: int, count: int) -> str:
    return FINAL_COLOR if index == count - 1 else STAGE_COLORS[index % len(STAGE_COLORS)]


def _diamond(painter: QPainter, at: QPointF, r: float, color: QColor) -> None:
    painter.setPen(QPen(QColor("white"), 1))
    painter.setBrush(color)
    painter.drawPolygon(QPolygonF([QPointF(at.x(), at.y() - r), QPointF(at.x() + r, at.y()),
                                   QPointF(at.x(), at.y() + r), QPointF(at.x() - r, at.y())]))
    painter.setBrush(Qt.BrushStyle.NoBrush)


def _draw_marker(painter: QPainter, kind: str, at: QPointF, r: float, alpha: int = 255) -> None:
    color = QColor(MARKER_COLORS.get(kind, "#777777"))
    color.setAlpha(alpha)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    x, y = at.x(), at.y()
    if kind == "action":
        painter.drawEllipse(at, r * 0.8, r * 0.8)
    elif kind == "work_order":
        painter.drawPolygon(QPolygonF([QPointF(x, y - r), QPointF(x + r, y + r * 0.8), QPointF(x - r, y + r * 0.8)]))
    elif kind == "change":
        painter.drawRect(QRectF(x - r * 0.8, y - r * 0.8, r * 1.6, r * 1.6))
    elif kind == "incident":
        path = QPainterPath()
        path.addEllipse(at, r * 0.9, r * 0.9)
        painter.drawPath(path)
        painter.setBrush(QColor("white"))
        painter.drawEllipse(at, r * 0.35, r * 0.35)
    else:
        painter.drawPolygon(QPolygonF([QPointF(x, y - r * 1.1), QPointF(x + r, y), QPointF(x, y + r * 1.1),
                                       QPointF(x - r, y)]))
    painter.setBrush(Qt.BrushStyle.NoBrush)


def _short(text: str, limit: int = 160) -> str:
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= limit else one_line[:limit - 1] + "…"


def _esc(text: str) -> str:
    import html

    return html.escape(text)
