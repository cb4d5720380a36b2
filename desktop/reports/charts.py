"""Charts drawn straight into the PDF: the case time chart and the monthly SLA bars and trend.

The time axis picks its tick spacing from the span shown, so a ten-minute case
gets ticks every two minutes and a ten-day case one a day, always at round
local times. Every drawing runs inside `pdf.local_context()` so its colours and
line widths never leak into the tables that follow.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from desktop.i18n import pick
from desktop.reports.labels import tr
from desktop.reports.layout import FAMILY, INK, MUTED, RGB, RULE, WHITE, ReportPdf
from desktop.workflow.cases.time_chart import chart_range, choose_step, tick_labels, ticks
from desktop.workflow.sla.durations import format_minutes

if TYPE_CHECKING:
    from desktop.workflow.cases.time_chart import Timeline

STAGE_COLORS: tuple[RGB, ...] = ((74, 128, 198), (0, 150, 136), (239, 146, 40), (142, 99, 182))
FINAL_COLOR: RGB = (67, 160, 71)
WAITING_FILL: RGB = (207, 214, 220)
WAITING_LINE: RGB = (120, 132, 144)
MARKER_COLORS: dict[str, RGB] = {
    "action": (27, 54, 93),
    "work_order": (123, 31, 162),
    "change": (0, 121, 107),
    "event": (198, 40, 40),
    "incident": (211, 84, 0),
}
DUE_COLOR: RGB = (198, 40, 40)
GRID: RGB = (226, 230, 236)
AXIS: RGB = (120, 128, 138)


# --- the time axis -------------------------------------------------------------------------

def step_label(step: int, lang: str) -> str:
    """A tick step as people read it: '2분', '1d'."""
    return format_minutes(step, lang)


@dataclass(frozen=True)
class Axis:
    """Maps instants to x positions on a plot."""
    t0: datetime
    t1: datetime
    x: float
    width: float

    def at(self, moment: datetime) -> float:
        """The x position (mm) of an instant."""
        span = (self.t1 - self.t0).total_seconds() or 1.0
        return self.x + (moment - self.t0).total_seconds() / span * self.width


# --- the time chart ------------------------------------------------------------------------

def stage_color(index: int, count: int) -> RGB:
    """Stage colours: the last (closing) stage is always green."""
    if index == count - 1:
        return FINAL_COLOR
    return STAGE_COLORS[index % len(STAGE_COLORS)]


STAGE_ROW_H = 7.0
MARKER_ROW_H = 5.2
LABEL_W = 33.0


def chart_height(timeline: Timeline, marker_rows: Sequence[str]) -> float:
    """About how tall the time chart is (rows, axis, legend), to keep it on one page."""
    return len(timeline.stages) * STAGE_ROW_H + len(marker_rows) * MARKER_ROW_H + 36


def draw_time_chart(pdf: ReportPdf, timeline: Timeline, *, marker_rows: Sequence[str]) -> None:
    """The stages as bars on a time axis, waiting spans hatched, every marker on its own row."""
    lang = pdf.language
    stages = timeline.stages
    label_w = LABEL_W
    stage_h, marker_h = STAGE_ROW_H, MARKER_ROW_H
    pdf.ensure_space(chart_height(timeline, marker_rows))
    x0 = pdf.l_margin
    y0 = pdf.get_y() + 4 + (2.8 if len(timeline.due) > 1 else 0)  # room for the due-time labels
    plot_x = x0 + label_w
    plot_w = pdf.content_width - label_w - 1
    t0, t1 = chart_range(timeline.start, timeline.end)
    axis = Axis(t0, t1, plot_x, plot_w)
    span_minutes = (t1 - t0).total_seconds() / 60
    step = choose_step(span_minutes, max_ticks=max(4, int(plot_w // 17)))
    tick_at = ticks(t0, t1, pdf.zone, step)
    labels = tick_labels(tick_at, pdf.zone, step)
    index_of = {s.number: i for i, s in enumerate(stages)}

    with pdf.local_context():
        pdf.set_line_width(0.15)
        # row backgrounds and labels
        y = y0
        for i, stage in enumerate(stages):
            pdf.set_fill_color(*((247, 249, 252) if i % 2 == 0 else (255, 255, 255)))
            pdf.rect(plot_x, y, plot_w, stage_h, style="F")
            pdf.set_font(FAMILY, "B", 7.6)
            pdf.set_text_color(*INK)
            pdf.set_fill_color(*stage_color(i, len(stages)))
            pdf.rect(x0, y + 2.2, 2.4, 2.6, style="F")
            lines = pdf.wrap(f"{stage.number}. {pick(stage.label, lang)}", label_w - 5)
            if len(lines) > 1:
                pdf.set_font(FAMILY, "B", 6.8)
                lines = pdf.wrap(f"{stage.number}. {pick(stage.label, lang)}", label_w - 5)[:2]
                lines[-1] = pdf.fit_text(lines[-1], label_w - 5)
            label_line = 2.9
            top = y + (stage_h - label_line * len(lines)) / 2
            for k, line in enumerate(lines):
                pdf.draw_line(x0 + 3.6, top + k * label_line, label_w - 5, line, label_line)
            y += stage_h
        counts = {kind: sum(1 for m in timeline.markers if m.kind == kind) for kind in marker_rows}
        for kind in marker_rows:
            pdf.set_fill_color(252, 252, 253)
            pdf.rect(plot_x, y, plot_w, marker_h, style="F")
            pdf.set_font(FAMILY, "", 7.2)
            pdf.set_text_color(*MUTED)
            name = tr(f"marker_{kind}", lang)
            pdf.draw_line(x0 + 3.6, y, label_w - 4, f"{name} ({counts[kind]})", marker_h)
            _marker(pdf, kind, x0 + 1.4, y + marker_h / 2, 1.0)
            y += marker_h
        bottom = y
        # grid lines and axis
        pdf.set_draw_color(*GRID)
        pdf.set_line_width(0.15)
        for moment in tick_at:
            x = axis.at(moment)
            pdf.line(x, y0, x, bottom)
        pdf.set_draw_color(*AXIS)
        pdf.set_line_width(0.25)
        pdf.line(plot_x, bottom, plot_x + plot_w, bottom)
        pdf.line(plot_x, y0, plot_x, bottom)
        pdf.set_draw_color(*RULE)
        pdf.line(plot_x, y0 + len(stages) * stage_h, plot_x + plot_w, y0 + len(stages) * stage_h)
        pdf.set_font(FAMILY, "", 6.6)
        pdf.set_text_color(*MUTED)
        pdf.set_draw_color(*AXIS)
        for moment, (upper, lower) in zip(tick_at, labels, strict=True):
            x = axis.at(moment)
            pdf.line(x, bottom, x, bottom + 1.2)
            width = pdf.text_width(upper) + 1
            pdf.draw_line(x - width / 2, bottom + 1.3, width, upper, 3.0, "C")
            if lower:
                width = pdf.text_width(lower) + 1
                pdf.draw_line(x - width / 2, bottom + 4.1, width, lower, 3.0, "C")

        # stage bars
        for seg in timeline.segments:
            if seg.stage is None or seg.stage not in index_of:
                continue
            i = index_of[seg.stage]
            row_y = y0 + i * stage_h
            color = stage_color(i, len(stages))
            x1, x2 = axis.at(seg.start), axis.at(seg.end)
            if seg.final and seg.end <= seg.start:
                _diamond(pdf, x1, row_y + stage_h / 2, 2.1, color)
                continue
            width = max(x2 - x1, 0.7)
            bar_y, bar_h = row_y + 1.4, stage_h - 2.8
            if seg.waiting:
                _hatched(pdf, x1, bar_y, width, bar_h)
            else:
                pdf.set_fill_color(*color)
                pdf.rect(x1, bar_y, width, bar_h, style="F")
                text = format_minutes(seg.minutes, lang)
                pdf.set_font(FAMILY, "B", 6.4)
                if pdf.text_width(text) + 2 < width:
                    pdf.set_text_color(*WHITE)
                    pdf.draw_line(x1, bar_y, width, text, bar_h, "C")

        # markers
        row_of = {kind: y0 + len(stages) * stage_h + i * marker_h for i, kind in enumerate(marker_rows)}
        for marker in timeline.markers:
            if marker.kind in row_of:
                _marker(pdf, marker.kind, axis.at(marker.at), row_of[marker.kind] + marker_h / 2, 0.85)

        # SLA due lines, their labels above the plot (a second line when two would collide)
        outside = []
        placed: list[tuple[float, float, int]] = []
        for kind, due in timeline.due:
            name = tr(f"due_{kind}", lang) if kind in ("response", "resolution") else kind
            if t0 <= due <= t1:
                x = axis.at(due)
                pdf.set_draw_color(*DUE_COLOR)
                pdf.set_line_width(0.3)
                pdf.set_dash_pattern(dash=1.0, gap=0.8)
                pdf.set_font(FAMILY, "B", 6.2)
                width = pdf.text_width(name)
                left = x + 0.8 if x + 0.8 + width < plot_x + plot_w else x - 0.8 - width
                level = 0
                while any(lvl == level and left < right_edge + 1 and left + width > left_edge - 1
                          for left_edge, right_edge, lvl in placed):
                    level += 1
                placed.append((left, left + width, level))
                label_y = y0 - 3.4 - level * 2.8
                pdf.line(x, label_y + 0.4, x, y0 + len(stages) * stage_h)
                pdf.set_dash_pattern()
                pdf.set_text_color(*DUE_COLOR)
                pdf.draw_line(left, label_y, width, name, 2.6)
            else:
                outside.append(tr("due_outside", lang, what=name, at=pdf.when(due)))

        # legend
        y = bottom + (8.2 if any(second for _, second in labels) else 5.6)
        x = x0
        pdf.set_font(FAMILY, "", 6.8)
        pdf.set_text_color(*INK)
        items: list[tuple[str, str, RGB]] = [("bar", pick(s.label, lang), stage_color(i, len(stages)))
                                             for i, s in enumerate(stages)]
        if any(seg.waiting for seg in timeline.segments):
            items.append(("waiting", tr("legend_waiting", lang), WAITING_FILL))
        items += [(f"marker:{kind}", tr(f"marker_{kind}", lang), MARKER_COLORS[kind]) for kind in marker_rows]
        if timeline.due:
            kinds = list(dict.fromkeys(kind for kind, _ in timeline.due))
            items.append(("due", " / ".join(tr(f"due_{k}", lang) if k in ("response", "resolution") else k
                                            for k in kinds), DUE_COLOR))
        for shape, text, color in items:
            need = 5 + pdf.text_width(text) + 4
            if x + need > pdf.l_margin + pdf.content_width:
                x = x0
                y += 4
            if shape == "bar":
                pdf.set_fill_color(*color)
                pdf.rect(x, y + 0.6, 3.6, 2.2, style="F")
            elif shape == "waiting":
                _hatched(pdf, x, y + 0.6, 3.6, 2.2)
            elif shape == "due":
                pdf.set_draw_color(*DUE_COLOR)
                pdf.set_line_width(0.3)
                pdf.set_dash_pattern(dash=0.8, gap=0.6)
                pdf.line(x + 1.8, y + 0.2, x + 1.8, y + 3.2)
                pdf.set_dash_pattern()
            else:
                _marker(pdf, shape.split(":", 1)[1], x + 1.8, y + 1.7, 0.95)
            pdf.set_text_color(*INK)
            pdf.draw_line(x + 4.8, y, pdf.text_width(text) + 1, text, 3.4)
            x += need
        y += 4.4
        pdf.set_font(FAMILY, "", 6.6)
        pdf.set_text_color(*MUTED)
        info = tr("chart_range", lang, start=pdf.when(t0), end=pdf.when(t1), step=step_label(step, lang))
        info += f"  ·  {pdf.local(t0).tzname()}"
        for extra in outside:
            info += f"  ·  {extra}"
        for line in pdf.wrap(info, pdf.content_width):
            pdf.draw_line(x0, y, pdf.content_width, line, 3.2)
            y += 3.2
    pdf.set_y(y + 2)


def _diamond(pdf: ReportPdf, x: float, y: float, r: float, color: RGB) -> None:
    pdf.set_fill_color(*color)
    pdf.set_draw_color(255, 255, 255)
    pdf.set_line_width(0.2)
    pdf.polygon([(x, y - r), (x + r, y), (x, y + r), (x - r, y)], style="DF")


def _hatched(pdf: ReportPdf, x: float, y: float, w: float, h: float) -> None:
    pdf.set_fill_color(*WAITING_FILL)
    pdf.rect(x, y, w, h, style="F")
    pdf.set_draw_color(*WAITING_LINE)
    pdf.set_line_width(0.15)
    with pdf.rect_clip(x, y, w, h):
        step = 1.1
        start = x - h
        while start < x + w:
            pdf.line(start, y + h, start + h, y)
            start += step
    pdf.rect(x, y, w, h, style="D")


def _marker(pdf: ReportPdf, kind: str, x: float, y: float, r: float) -> None:
    color = MARKER_COLORS.get(kind, (90, 90, 90))
    pdf.set_fill_color(*color)
    pdf.set_draw_color(*color)
    pdf.set_line_width(0.1)
    if kind == "action":
        pdf.circle(x, y, r * 0.8, style="F")
    elif kind == "work_order":
        pdf.polygon([(x, y - r), (x + r, y + r * 0.8), (x - r, y + r * 0.8)], style="F")
    elif kind == "change":
        pdf.rect(x - r * 0.8, y - r * 0.8, r * 1.6, r * 1.6, style="F")
    else:
        pdf.polygon([(x, y - r * 1.1), (x + r, y), (x, y + r * 1.1), (x - r, y)], style="F")


# --- bar and trend charts for the monthly report ---------------------------------------------

@dataclass(frozen=True)
class Bar:
    """One bar: its label, its value (None: no data) and colour."""

    label: str
    value: float | None
    color: RGB
    text: str = ""


def nice_max(value: float, divisions: int = 4) -> float:
    """A round axis maximum at or above `value` whose `divisions` ticks are round numbers too."""
    if value <= 0:
        return float(divisions)
    raw = value / divisions
    exponent = math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        step = factor * 10 ** exponent
        if step >= raw and (step >= 1 or factor != 2.5):
            return float(max(step, 1) * divisions)
    return float(10 ** (exponent + 1) * divisions)


def _frame(pdf: ReportPdf, x: float, y: float, w: float, h: float, title: str, *,
           legend: bool = False) -> tuple[float, float, float, float]:
    """Border and title; returns the plot area. A legend gets its own line under the title."""
    pdf.set_draw_color(*RULE)
    pdf.set_line_width(0.2)
    pdf.rect(x, y, w, h, style="D")
    pdf.set_font(FAMILY, "B", 7.8)
    pdf.set_text_color(*INK)
    pdf.draw_line(x + 2.5, y + 1, w - 5, pdf.fit_text(title, w - 5), 4.6)
    top = 14.0 if legend else 9.0
    return x + 12, y + top, w - 16, h - top - 11


def _y_axis(pdf: ReportPdf, px: float, py: float, pw: float, ph: float, top: float, *, percent: bool,
            right: bool = False) -> None:
    pdf.set_font(FAMILY, "", 6.2)
    for i in range(5):
        value = top * i / 4
        y = py + ph - ph * i / 4
        if not right:
            pdf.set_draw_color(*GRID)
            pdf.set_line_width(0.15)
            pdf.line(px, y, px + pw, y)
        text = f"{value:.0f}%" if percent else (f"{value:.0f}" if top >= 4 else f"{value:.1f}")
        pdf.set_text_color(*MUTED)
        if right:
            pdf.draw_line(px + pw + 0.8, y - 1.5, 10, text, 3.0, "L")
        else:
            pdf.draw_line(px - 11, y - 1.5, 10.2, text, 3.0, "R")


def bar_chart(pdf: ReportPdf, x: float, y: float, w: float, h: float, title: str, bars: Sequence[Bar], *,
              percent: bool = False, series: Sequence[tuple[str, RGB]] = (),
              groups: Sequence[Sequence[Bar]] = ()) -> None:
    """Vertical bars (or groups of bars, one colour per series) with values over them."""
    with pdf.local_context():
        px, py, pw, ph = _frame(pdf, x, y, w, h, title, legend=bool(series))
        clusters = list(groups) if groups else [[b] for b in bars]
        labels = [group[0].label for group in clusters] if groups else [b.label for b in bars]
        values = [b.value for group in clusters for b in group if b.value is not None]
        top = 100.0 if percent else nice_max(max(values, default=0.0))
        _y_axis(pdf, px, py, pw, ph, top, percent=percent)
        slot = pw / max(len(clusters), 1)
        per = len(clusters[0]) if clusters else 1
        bar_w = min(slot * 0.7 / per, 11)
        for i, group in enumerate(clusters):
            left = px + i * slot + (slot - bar_w * per) / 2
            for j, bar in enumerate(group):
                bx = left + j * bar_w
                if bar.value is None:
                    pdf.set_font(FAMILY, "", 5.8)
                    pdf.set_text_color(*MUTED)
                    pdf.draw_line(bx - 2, py + ph - 3.4, bar_w + 4, "-", 3, "C")
                    continue
                bh = ph * min(bar.value / top, 1.0) if top else 0
                pdf.set_fill_color(*bar.color)
                pdf.rect(bx + 0.25, py + ph - bh, bar_w - 0.5, bh, style="F")
                text = bar.text or (f"{bar.value:.0f}%" if percent else f"{bar.value:,.0f}")
                pdf.set_font(FAMILY, "", 5.8 if per > 1 else 6.4)
                pdf.set_text_color(*INK)
                width = pdf.text_width(text) + 1
                pdf.draw_line(bx + bar_w / 2 - width / 2, py + ph - bh - 3.1, width, text, 3, "C")
        pdf.set_draw_color(*AXIS)
        pdf.set_line_width(0.25)
        pdf.line(px, py + ph, px + pw, py + ph)
        pdf.set_font(FAMILY, "", 6.4)
        pdf.set_text_color(*INK)
        for i, label in enumerate(labels):
            lines = pdf.wrap(label, slot - 1)[:2]
            for k, line in enumerate(lines):
                pdf.draw_line(px + i * slot, py + ph + 1 + k * 2.9, slot, line, 2.9, "C")
        if series:
            _legend(pdf, x + w - 3, y + 5.6, series)


def _legend(pdf: ReportPdf, right: float, y: float, series: Sequence[tuple[str, RGB]], *,
            lines: bool = False) -> None:
    pdf.set_font(FAMILY, "", 6.4)
    x = right
    for name, color in reversed(series):
        width = pdf.text_width(name) + 1
        x -= width
        pdf.set_text_color(*INK)
        pdf.draw_line(x, y, width, name, 4.6)
        x -= 4.2
        pdf.set_fill_color(*color)
        if lines:
            pdf.set_draw_color(*color)
            pdf.set_line_width(0.5)
            pdf.line(x, y + 2.3, x + 3.2, y + 2.3)
        else:
            pdf.rect(x, y + 1.3, 3.2, 2.0, style="F")
        x -= 3


def hbar_chart(pdf: ReportPdf, x: float, y: float, w: float, title: str, bars: Sequence[Bar], *,
               percent: bool = True, row_h: float = 5.2, label_w: float = 34.0) -> float:
    """Horizontal bars, one row per item (for long names); returns the height used."""
    h = 8 + len(bars) * row_h + 7
    with pdf.local_context():
        pdf.set_draw_color(*RULE)
        pdf.set_line_width(0.2)
        pdf.rect(x, y, w, h, style="D")
        pdf.set_font(FAMILY, "B", 7.8)
        pdf.set_text_color(*INK)
        pdf.draw_line(x + 2.5, y + 1, w - 5, title, 4.6)
        px = x + label_w
        pw = w - label_w - 14
        py = y + 8
        values = [b.value for b in bars if b.value is not None]
        top = 100.0 if percent else nice_max(max(values, default=0.0))
        pdf.set_draw_color(*GRID)
        pdf.set_line_width(0.15)
        pdf.set_font(FAMILY, "", 6.0)
        for i in range(5):
            gx = px + pw * i / 4
            pdf.line(gx, py - 0.5, gx, py + len(bars) * row_h)
            pdf.set_text_color(*MUTED)
            label = f"{top * i / 4:.0f}%" if percent else f"{top * i / 4:.0f}"
            pdf.draw_line(gx - 5, py + len(bars) * row_h + 0.6, 10, label, 3, "C")
        for i, bar in enumerate(bars):
            ry = py + i * row_h
            pdf.set_font(FAMILY, "", 6.8)
            pdf.set_text_color(*INK)
            pdf.draw_line(x + 2.5, ry, label_w - 4, pdf.fit_text(bar.label, label_w - 4), row_h)
            if bar.value is None:
                pdf.set_text_color(*MUTED)
                pdf.draw_line(px + 1, ry, 20, "-", row_h)
                continue
            bw = pw * min(bar.value / top, 1.0) if top else 0
            pdf.set_fill_color(*bar.color)
            pdf.rect(px, ry + 1.0, max(bw, 0.4), row_h - 2.0, style="F")
            text = bar.text or (f"{bar.value:.1f}%" if percent else f"{bar.value:,.0f}")
            pdf.set_font(FAMILY, "", 6.4)
            pdf.draw_line(px + bw + 1, ry, 20, text, row_h)
    return h


def trend_chart(pdf: ReportPdf, x: float, y: float, w: float, h: float, title: str, labels: Sequence[str],
                counts: Sequence[int], rates: Sequence[tuple[str, RGB, Sequence[float | None]]],
                count_label: str, count_color: RGB) -> None:
    """Monthly counts as bars (left axis) with on-time rates as lines (right axis, %)."""
    with pdf.local_context():
        px, py, pw, ph = _frame(pdf, x, y, w, h, title, legend=True)
        pw -= 6
        top = nice_max(max(counts, default=0))
        _y_axis(pdf, px, py, pw, ph, top, percent=False)
        _y_axis(pdf, px, py, pw, ph, 100.0, percent=True, right=True)
        slot = pw / max(len(labels), 1)
        bar_w = min(slot * 0.6, 9)
        for i, count in enumerate(counts):
            bh = ph * (count / top) if top else 0
            bx = px + i * slot + (slot - bar_w) / 2
            pdf.set_fill_color(*count_color)
            pdf.rect(bx, py + ph - bh, bar_w, bh, style="F")
            # counts sit at the foot of their bars, clear of the rate lines drawn across the top
            pdf.set_font(FAMILY, "B", 5.8)
            pdf.set_text_color(*INK)
            pdf.draw_line(bx - 2, py + ph - 3.3, bar_w + 4, f"{count:,}", 3, "C")
        for _name, color, values in rates:
            pdf.set_draw_color(*color)
            pdf.set_fill_color(*color)
            pdf.set_line_width(0.45)
            previous = None
            for i, value in enumerate(values):
                if value is None:
                    previous = None
                    continue
                point = (px + i * slot + slot / 2, py + ph - ph * min(value, 100.0) / 100)
                if previous:
                    pdf.line(previous[0], previous[1], point[0], point[1])
                pdf.circle(point[0], point[1], 0.65, style="F")
                previous = point
        pdf.set_draw_color(*AXIS)
        pdf.set_line_width(0.25)
        pdf.line(px, py + ph, px + pw, py + ph)
        pdf.set_font(FAMILY, "", 6.2)
        pdf.set_text_color(*INK)
        for i, label in enumerate(labels):
            top_line, _, second = label.partition("\n")
            pdf.draw_line(px + i * slot, py + ph + 1, slot, top_line, 2.9, "C")
            if second:
                pdf.set_text_color(*MUTED)
                pdf.draw_line(px + i * slot, py + ph + 3.8, slot, second, 2.9, "C")
                pdf.set_text_color(*INK)
        series = [(count_label, count_color)] + [(name, color) for name, color, _ in rates]
        _legend(pdf, x + w - 3, y + 5.6, series[:1])
        offset = pdf.text_width(count_label) + 12
        _legend(pdf, x + w - 3 - offset, y + 5.6, series[1:], lines=True)
