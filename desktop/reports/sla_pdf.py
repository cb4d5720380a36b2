"""The monthly SLA report as PDF: summary tiles, breakdowns, worst overruns, 12-month trend."""

from __future__ import annotations

from datetime import UTC, timedelta
from zoneinfo import ZoneInfo

from desktop.i18n import pick
from desktop.reports.charts import Bar, bar_chart, hbar_chart, trend_chart
from desktop.reports.labels import month_label, short_month_label, tr
from desktop.reports.layout import (
    FAMILY,
    GREEN,
    INK,
    LABEL_FILL,
    MUTED,
    NAVY,
    RED,
    RULE,
    Cell,
    CellValue,
    Col,
    SectionWriter,
    hex_rgb,
    new_report,
    pdf_bytes,
    pick_text,
    readable_on,
)
from desktop.reports.sla_data import GroupRow, SlaMonthReport
from desktop.workflow.engine.process import state_label
from desktop.workflow.sla.durations import format_minutes
from desktop.workflow.sla.kpi import KpiRow

RESPONSE_COLOR = (74, 128, 198)
RESOLUTION_COLOR = (0, 150, 136)
COUNT_COLOR = (171, 187, 207)


def render_sla_report(data: SlaMonthReport, *, lang: str, zone: ZoneInfo) -> bytes:
    """The finished PDF of a monthly SLA report."""
    month = month_label(data.year, data.month, lang)
    interim = ""
    if data.end > data.generated_at:  # the month is still running: its figures will change
        printed = data.generated_at.replace(tzinfo=UTC).astimezone(zone)
        interim = tr("interim_month", lang, month=month, at=f"{printed:%Y-%m-%d %H:%M} ({printed.tzname()})")
    pdf = new_report(title_key="sla_report", lang=lang, zone=zone, number=month,
                     organization=data.organization, generated_at=data.generated_at,
                     running_title=_scope_text(data, lang), interim=interim, interim_stamp="approval_blocked_month")
    r = _Monthly(pdf, data, lang)
    pdf.title_block(r.title)
    r.summary(1)
    r.grades_and_states(2)
    r.rates_by_grade(3)
    r.by_application(4)
    r.by_team(5)
    r.breaches(6)
    r.trend(7)
    r.reliability(8)
    return pdf_bytes(pdf)


def _scope_text(data: SlaMonthReport, lang: str) -> str:
    parts = []
    app = f"{pick(data.application, lang)} ({data.application_code})" if data.application else tr("all", lang)
    team = f"{pick(data.team, lang)} ({data.team_code})" if data.team else tr("all", lang)
    parts.append(f"{tr('application', lang)}: {app}")
    parts.append(f"{tr('team', lang)}: {team}")
    return "  ·  ".join(parts)


def _rate(met: int, judged: int) -> float | None:
    return met / judged if judged else None


def _rate_color(rate: float | None) -> tuple[int, int, int] | None:
    """Green from 95 %, red under 80 %, the text's own colour between (and for no rate)."""
    if rate is None:
        return None
    return GREEN if rate >= 0.95 else (RED if rate < 0.8 else None)


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.1f}%"


class _Monthly(SectionWriter[SlaMonthReport]):
    def rate_cell(self, met: int, judged: int) -> Cell:
        rate = _rate(met, judged)
        if rate is None:
            return Cell("-", color=MUTED)
        return Cell(f"{rate * 100:.1f}%  ({self.t('judged_of', met=met, judged=judged)})", color=_rate_color(rate))

    def minutes(self, value: float | None, level: int) -> str:
        if value is None:
            return "-"
        unit = self.data.grade_units.get(level)
        return format_minutes(round(value), self.lang, minutes_per_day=unit.minutes_per_day if unit else 1440)

    # title -------------------------------------------------------------------------------------

    def title(self, top: float, left_w: float) -> float:
        """The month, the scope and the period (beside the approval box)."""
        pdf, data = self.pdf, self.data
        pdf.set_font(FAMILY, "B", 15)
        pdf.set_text_color(*INK)
        heading = f"{month_label(data.year, data.month, self.lang)} SLA"
        pdf.draw_line(pdf.l_margin, top, left_w, heading, 8)
        pdf.set_font(FAMILY, "", 8.2)
        y = top + 9.5
        lines = [
            f"{self.t('scope')}: {_scope_text(data, self.lang)}",
            f"{self.t('period')}: {pdf.when(data.start)} ~ {pdf.when(data.end)} ({pdf.local(data.start).tzname()}, "
            f"{data.time_zone})",
        ]
        pdf.set_text_color(*MUTED)
        for text in lines:
            y = pdf.lines(pdf.l_margin, y, left_w, text, 4.2)
        return y

    # 1. summary tiles --------------------------------------------------------------------------

    def summary(self, number: int) -> None:
        pdf, data, t = self.pdf, self.data, self.t
        pdf.section(number, t("summary"))
        total = data.total
        tiles: list[tuple[str, str, str, tuple[int, int, int] | None]] = []
        count = total.count if total else 0
        tiles.append((t("registered_count"), f"{count:,}",
                      t("cancelled_excluded", n=data.cancelled) if data.cancelled else "", None))
        for key, met, judged in (("response_rate", total.response_met if total else 0,
                                  total.response_judged if total else 0),
                                 ("resolution_rate", total.resolution_met if total else 0,
                                  total.resolution_judged if total else 0)):
            rate = _rate(met, judged)
            tiles.append((t(key), _percent(rate), t("judged_of", met=met, judged=judged), _rate_color(rate)))
        backlog = f"{total.backlog if total else 0:,}"
        if pdf.interim:  # a running month has no end yet: what is open is open now
            tiles.append((t("backlog_now"), backlog, t("backlog_now_sub"), None))
        else:
            last_day = pdf.local(data.end - timedelta(minutes=1)).strftime("%m-%d")
            tiles.append((t("backlog"), backlog, t("backlog_as_of", day=last_day), None))
        tiles.append((t("reopen_rate"), _percent(total.reopen_rate if total else None),
                      t("count_suffix", n=total.reopened) if total else "", None))
        gap = 2.5
        width = (pdf.content_width - gap * (len(tiles) - 1)) / len(tiles)
        height = 20.0
        pdf.ensure_space(height + 2)
        y = pdf.get_y()
        with pdf.local_context():
            for i, (label, value, sub, color) in enumerate(tiles):
                x = pdf.l_margin + i * (width + gap)
                pdf.set_fill_color(*LABEL_FILL)
                pdf.set_draw_color(*RULE)
                pdf.set_line_width(0.2)
                pdf.rect(x, y, width, height, style="DF")
                pdf.set_fill_color(*(color or NAVY))
                pdf.rect(x, y, 1.2, height, style="F")
                pdf.set_font(FAMILY, "", 7.4)
                pdf.set_text_color(*MUTED)
                pdf.draw_line(x + 3, y + 1.2, width - 4, pdf.fit_text(label, width - 4), 4.2)
                pdf.set_font(FAMILY, "B", 15)
                pdf.set_text_color(*(color or INK))
                pdf.draw_line(x + 3, y + 6.0, width - 4, value, 7.5)
                if sub:
                    pdf.set_font(FAMILY, "", 6.6)
                    pdf.set_text_color(*MUTED)
                    pdf.draw_line(x + 3, y + 14.2, width - 4, pdf.fit_text(sub, width - 4), 3.8)
        pdf.set_y(y + height + 2)
        if not count:
            pdf.note(t("no_data"))

    # 2. counts by grade and state ----------------------------------------------------------------

    def grades_and_states(self, number: int) -> None:
        pdf, data, t = self.pdf, self.data, self.t
        pdf.section(number, t("counts_by_grade_state"))
        states = data.states
        grade_w = 30.0
        total_w = 16.0
        state_w = (pdf.content_width - grade_w - total_w) / len(states)
        cols = [Col(t("col_grade"), grade_w)] + [Col(state_label("incident", s, self.lang), state_w, "R")
                                                 for s in states] + [Col(t("total"), total_w, "R")]
        rows: list[list[CellValue]] = []
        for g in data.grades:
            values = [data.counts.get((g.level, s), 0) for s in states]
            color = hex_rgb(g.color)
            row: list[CellValue] = [Cell(pick(g.name, self.lang), bold=True, fill=color, color=readable_on(color))]
            row += [f"{v:,}" if v else "-" for v in values]
            row.append(Cell(f"{sum(values):,}", bold=True))
            rows.append(row)
        column_totals = [sum(data.counts.get((g.level, s), 0) for g in data.grades) for s in states]
        total_row: list[CellValue] = [Cell(t("total"), bold=True, fill=LABEL_FILL)]
        total_row += [Cell(f"{v:,}", bold=True, fill=LABEL_FILL) for v in column_totals]
        total_row.append(Cell(f"{sum(column_totals):,}", bold=True, fill=LABEL_FILL))
        rows.append(total_row)
        pdf.small_table(cols, rows, footnote=t("states_as_of_now_running" if pdf.interim else "states_as_of_now",
                                               at=pdf.when(data.generated_at, zone_name=True)))
        # charts: incidents by grade, on-time rates by grade
        height = 52.0
        pdf.ensure_space(height + 4)
        y = pdf.get_y() + 3
        half = (pdf.content_width - 4) / 2
        count_bars = [Bar(pick(g.name, self.lang), float(sum(data.counts.get((g.level, s), 0) for s in states
                                                             if s != "cancelled")), hex_rgb(g.color))
                      for g in data.grades]
        bar_chart(pdf, pdf.l_margin, y, half, height, t("chart_counts_by_grade"), count_bars)
        by_level = {row.key: row.kpi for row in data.by_grade}
        groups = []
        for g in data.grades:
            kpi = by_level.get(g.level)
            groups.append([
                Bar(pick(g.name, self.lang), None if kpi is None or kpi.response_rate is None
                    else kpi.response_rate * 100, RESPONSE_COLOR),
                Bar(pick(g.name, self.lang), None if kpi is None or kpi.resolution_rate is None
                    else kpi.resolution_rate * 100, RESOLUTION_COLOR),
            ])
        bar_chart(pdf, pdf.l_margin + half + 4, y, half, height, t("chart_rates_by_grade"), [], percent=True,
                  groups=groups, series=[(t("response_rate"), RESPONSE_COLOR),
                                         (t("resolution_rate"), RESOLUTION_COLOR)])
        pdf.set_y(y + height + 2)

    # 3. rates and times by grade -----------------------------------------------------------------

    def rates_by_grade(self, number: int) -> None:
        pdf, data, t = self.pdf, self.data, self.t
        pdf.section(number, t("rates_by_grade"))
        if not data.by_grade:
            pdf.note(t("no_data"))
            return
        rows: list[list[CellValue]] = []
        for row in data.by_grade:
            k = row.kpi
            level = int(row.key)
            unit = data.grade_units.get(level)
            unit_text = (t("unit_business", h=f"{unit.minutes_per_day / 60:g}") if unit and unit.business
                         else t("unit_wall"))
            color = hex_rgb(row.grade.color) if row.grade else LABEL_FILL
            # the grade cell also says how its times are counted (wall clock or business hours)
            rows.append([Cell(f"{pick(row.label, self.lang)}\n{unit_text}", bold=True, fill=color,
                              color=readable_on(color)),
                         f"{k.count:,}", self.rate_cell(k.response_met, k.response_judged),
                         self.rate_cell(k.resolution_met, k.resolution_judged),
                         self.minutes(k.mean_accept_minutes, level), self.minutes(k.median_accept_minutes, level),
                         self.minutes(k.mean_resolve_minutes, level), self.minutes(k.median_resolve_minutes, level)])
        pdf.small_table([Col(f"{t('col_grade')} · {t('col_unit')}", 30), Col(t("col_count"), 12, "R"),
                         Col(t("col_response_rate"), 27, "R"), Col(t("col_resolution_rate"), 27, "R"),
                         Col(t("col_mean_accept"), 19, "R"), Col(t("col_median_accept"), 19, "R"),
                         Col(t("col_mean_resolve"), 23, "R"), Col(t("col_median_resolve"), 23, "R")], rows,
                        size_pt=7.6, footnote=t("rates_note"))

    # 4-5. application and team -------------------------------------------------------------------

    def _group_table(self, groups: list[GroupRow], *, name_title: str) -> None:
        pdf, t = self.pdf, self.t
        rows: list[list[CellValue]] = []
        for g in groups:
            k: KpiRow = g.kpi
            name = pick_text(g.label, self.lang, "") or t("other_team")
            rows.append([name, f"{k.count:,}", self.rate_cell(k.response_met, k.response_judged),
                         self.rate_cell(k.resolution_met, k.resolution_judged), f"{k.backlog:,}",
                         _percent(k.reopen_rate)])
        backlog = t("col_backlog_now" if pdf.interim else "col_backlog")
        pdf.grid([Col(name_title, 52), Col(t("col_count"), 16, "R"), Col(t("col_response_rate"), 38, "R"),
                  Col(t("col_resolution_rate"), 38, "R"), Col(backlog, 16, "R"),
                  Col(t("reopen_rate"), 20, "R")], rows, min_lines_on_page=1)

    def by_application(self, number: int) -> None:
        pdf, data, t = self.pdf, self.data, self.t
        pdf.section(number, t("rates_by_application"))
        if not data.by_application:
            pdf.note(t("no_data"))
            return
        bars = [Bar(pick(g.label, self.lang), None if g.kpi.resolution_rate is None else g.kpi.resolution_rate * 100,
                    RESOLUTION_COLOR if (g.kpi.resolution_rate or 0) >= 0.8 else RED)
                for g in data.by_application]
        height = 8 + len(bars) * 5.2 + 7
        pdf.ensure_space(height + 3)
        used = hbar_chart(pdf, pdf.l_margin, pdf.get_y(), pdf.content_width, t("chart_rates_by_application"), bars,
                          label_w=40)
        pdf.set_y(pdf.get_y() + used + 3)
        self._group_table(data.by_application, name_title=t("col_application"))

    def by_team(self, number: int) -> None:
        pdf, data, t = self.pdf, self.data, self.t
        pdf.section(number, t("rates_by_team"))
        if not data.by_team:
            pdf.note(t("no_data"))
            return
        self._group_table(data.by_team, name_title=t("col_team"))

    # 6. worst overruns -----------------------------------------------------------------------------

    def breaches(self, number: int) -> None:
        pdf, data, t = self.pdf, self.data, self.t
        pdf.section(number, t("worst_breaches", n=len(data.breaches) or 10))
        if not data.breaches:
            pdf.note(t("no_breaches"))
            return
        rows: list[list[CellValue]] = []
        for b in data.breaches:
            per_day = b.minutes_per_day
            rows.append([Cell(b.number, bold=True), b.title,
                         Cell(pick(b.grade.name, self.lang), badge=hex_rgb(b.grade.color)) if b.grade else "-",
                         pick(b.application, self.lang), t(f"clock_{b.clock}_short"),
                         format_minutes(b.target, self.lang, minutes_per_day=per_day),
                         format_minutes(b.elapsed, self.lang, minutes_per_day=per_day),
                         Cell(format_minutes(b.overrun, self.lang, minutes_per_day=per_day), bold=True, color=RED)])
        pdf.grid([Col(t("col_number"), 27), Col(t("col_title"), 24), Col(t("col_grade"), 26, "C"),
                  Col(t("col_application"), 21), Col(t("col_clock"), 17, "C"), Col(t("col_target"), 15, "R"),
                  Col(t("col_actual"), 25, "R"), Col(t("col_overrun"), 25, "R")], rows, size_pt=7.6,
                 footnote=t("breach_note"))

    # 7. trend ----------------------------------------------------------------------------------------

    def trend(self, number: int) -> None:
        pdf, data, t = self.pdf, self.data, self.t
        height = 62.0
        pdf.section(number, t("trend"))
        pdf.ensure_space(height + 4 + 30)  # the chart with the first rows of its table
        labels = []
        previous_year = None
        for p in data.trend:
            label = short_month_label(p.year, p.month, self.lang)
            if p.year != previous_year:
                label += f"\n{p.year}"
            previous_year = p.year
            labels.append(label)
        y = pdf.get_y() + 1
        trend_chart(pdf, pdf.l_margin, y, pdf.content_width, height, t("chart_trend_counts"), labels,
                    [p.count for p in data.trend],
                    [(t("response_rate"), RESPONSE_COLOR,
                      [None if p.response_rate is None else p.response_rate * 100 for p in data.trend]),
                     (t("resolution_rate"), RESOLUTION_COLOR,
                      [None if p.resolution_rate is None else p.resolution_rate * 100 for p in data.trend])],
                    t("col_count"), COUNT_COLOR)
        pdf.set_y(y + height + 3)
        rows: list[list[CellValue]] = []
        for p in data.trend:
            current = (p.year, p.month) == (data.year, data.month)
            rows.append([Cell(month_label(p.year, p.month, self.lang), bold=current,
                              fill=(232, 240, 250) if current else None),
                         Cell(f"{p.count:,}", fill=(232, 240, 250) if current else None),
                         self._fill(self.rate_cell(p.response_met, p.response_judged), current),
                         self._fill(self.rate_cell(p.resolution_met, p.resolution_judged), current)])
        pdf.grid([Col(t("col_month"), 40), Col(t("col_count"), 30, "R"), Col(t("col_response_rate"), 55, "R"),
                  Col(t("col_resolution_rate"), 55, "R")], rows, zebra=False, min_lines_on_page=1)

    # 8. reliability -----------------------------------------------------------------------------------

    def reliability(self, number: int) -> None:
        pdf, data, t = self.pdf, self.data, self.t
        found = data.reliability
        if found is None:  # a report narrowed to one application or team
            return
        pdf.section(number, t("rel_title", start=pdf.when(found.start)[:10],
                              end=pdf.when(found.end - timedelta(seconds=1))[:10]))
        for key, rows in (("rel_by_application", found.applications), ("rel_by_ci", found.cis)):
            pdf.subheading(t(key), note=t("rel_ranked"))
            if not rows:
                pdf.note(t("no_data"))
                continue
            cells: list[list[CellValue]] = []
            for rank, r in enumerate(rows, start=1):
                cells.append([str(rank), Cell(f"{pick_text({'ko': r.name, 'en': r.name_en}, self.lang)}\n{r.code}",
                                              bold=rank <= 3),
                              f"{r.incidents:,}", self._span(r.mttr), format_minutes(r.restore_minutes, self.lang),
                              self._span(r.mtbf), _percent(r.recurrence_rate), _percent(r.problem_coverage)])
            pdf.grid([Col(t("col_no"), 8, "C"), Col(t(key.replace("rel_by_", "rel_col_")), 43),
                      Col(t("col_count"), 13, "R"), Col("MTTR", 24, "R"), Col(t("rel_col_total"), 28, "R"),
                      Col("MTBF", 24, "R"), Col(t("rel_col_recurrence"), 20, "R"),
                      Col(t("rel_col_coverage"), 20, "R")], cells, size_pt=7.6, min_lines_on_page=1)
        pdf.note(t("rel_footnote"))

    def _span(self, minutes: float | None) -> str:
        return "-" if minutes is None else format_minutes(round(minutes), self.lang)

    @staticmethod
    def _fill(cell: Cell, current: bool) -> Cell:
        if not current:
            return cell
        return Cell(cell.text, bold=True, color=cell.color, fill=(232, 240, 250))
