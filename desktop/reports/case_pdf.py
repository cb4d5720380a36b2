"""Incident (장애) and problem (문제) reports as PDF, from the assembled report data.

One renderer serves both kinds: the title block with the approval box, the
basic information, handling time and SLA, the time chart, the detailed tables
and the closing texts. Sections a kind does not have are left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from desktop.i18n import pick
from desktop.reports.charts import draw_time_chart
from desktop.reports.data import (
    CaseReport,
    ClockFigures,
    GradeInfo,
    IncidentReport,
    NoticeRow,
    Person,
    ProblemReport,
)
from desktop.reports.labels import (
    ACTION_KINDS,
    CHANNELS,
    CLOCK_STATES,
    LINK_KINDS,
    NOTICE_KINDS,
    NOTICE_REASONS,
    NOTICE_STATUS,
    SR_STATES,
    from_catalog,
    tr,
)
from desktop.reports.layout import (
    AMBER,
    FAMILY,
    GREEN,
    INK,
    MUTED,
    NAVY,
    RED,
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
from desktop.workflow.engine.process import state_label
from desktop.workflow.sla.calendars import wall_minutes
from desktop.workflow.sla.durations import duration_label, format_minutes

# A time '2026-06-01 16:26' and a number 'CHG-2026-000127' fit on one line at the table font size.
TIME_W = 28.5
NUMBER_W = 30.0
VERDICT_COLORS = {"met": GREEN, "missed": RED, "breached": RED, "warning": AMBER}


def render_case_report(data: CaseReport, *, lang: str, zone: ZoneInfo) -> bytes:
    """The finished PDF of an incident or problem report."""
    interim = ""
    if not data.is_final:
        interim = tr("interim_case", lang, state=state_label(data.kind, data.state, lang),
                     at=_local_text(data.generated_at, zone))
    pdf = new_report(title_key=f"{data.kind}_report", lang=lang, zone=zone, number=data.number,
                     organization=data.organization, generated_at=data.generated_at, running_title=data.title,
                     interim=interim)
    r = _Renderer(pdf, data, lang)
    pdf.title_block(r.title)
    r.at_a_glance()
    if isinstance(data, IncidentReport):
        r.incident_basics(data)
        r.sla_section(2, tr("sla", lang))
        r.time_chart(3, ("action", "work_order", "change", "event"))
        r.actions(4)
        r.work_orders(5)
        r.linked(6, tr("linked", lang))
        r.what_changed(data)
        r.incident_closure(7, data)
        r.outside_changes(8)
    elif isinstance(data, ProblemReport):
        r.problem_basics(data)
        r.sla_section(2, tr("elapsed_section", lang))
        r.time_chart(3, ("action", "work_order", "change", "incident", "event"))
        r.problem_analysis(4, data)
        r.problem_incidents(5, data)
        r.actions(6)
        r.work_orders(7)
        r.linked(8, tr("linked_problem", lang))
        r.outside_changes(9)
    return pdf_bytes(pdf)


def _local_text(moment: datetime, zone: ZoneInfo) -> str:
    local = moment.replace(tzinfo=UTC).astimezone(zone)
    return f"{local:%Y-%m-%d %H:%M} ({local.tzname()})"


class _Renderer(SectionWriter[CaseReport]):
    # helpers ---------------------------------------------------------------------------------

    def name(self, value: object) -> str:
        if isinstance(value, Person):
            team = pick_text(value.team, self.lang, "")
            return f"{pick_text(value.name, self.lang)} ({team})" if team else pick_text(value.name, self.lang)
        if isinstance(value, dict):
            return pick_text(value, self.lang)
        return "-"

    def state(self, kind: str, state: str) -> str:
        return state_label(kind, state, self.lang) if state else "-"

    def grade_cell(self, grade: GradeInfo | None) -> Cell:
        if grade is None:
            return Cell("-")
        return Cell(pick(grade.name, self.lang), badge=hex_rgb(grade.color))

    def grade_fill(self, grade: GradeInfo | None, text: str) -> Cell:
        if grade is None:
            return Cell(text)
        color = hex_rgb(grade.color)
        return Cell(text, bold=True, fill=color, color=readable_on(color))

    def minutes(self, value: int, per_day: int = 24 * 60) -> str:
        return format_minutes(value, self.lang, minutes_per_day=per_day)

    # title block -------------------------------------------------------------------------------

    def title(self, top: float, left_w: float) -> float:
        """The case's title, grade, state and application chips, and who registered it (beside the approval box)."""
        pdf, data = self.pdf, self.data
        pdf.set_font(FAMILY, "B", 13.5)
        pdf.set_text_color(*INK)
        y = pdf.lines(pdf.l_margin, top, left_w, data.title, pdf.line_height(13.5) * 0.95) + 1.5
        x = pdf.l_margin
        chips: list[tuple[str, tuple[int, int, int] | None]] = []
        if data.grade is not None:
            chips.append((pick(data.grade.name, self.lang), hex_rgb(data.grade.color)))
        chips.append((self.state(data.kind, data.state), None))
        if data.application:
            chips.append((pick(data.application, self.lang), (236, 239, 243)))
        for text, color in chips:
            x, y = self._chip(x, y, text, color, left_w)
        y += 6.4
        pdf.set_font(FAMILY, "", 7.8)
        pdf.set_text_color(*MUTED)
        meta = (f"{self.t('registered_at')} {pdf.when(data.registered_at)}  ·  {self.t('registered_by')} "
                f"{self.name(data.registered_by)}")
        if data.assignee:
            meta += f"  ·  {self.t('assignee')} {self.name(data.assignee)}"
        return pdf.lines(pdf.l_margin, y, left_w, meta, 3.6)

    def _chip(self, x: float, y: float, text: str, color: tuple[int, int, int] | None,
              limit: float) -> tuple[float, float]:
        pdf = self.pdf
        pdf.set_font(FAMILY, "B", 8.2)
        width = pdf.text_width(text) + 5
        if x + width > pdf.l_margin + limit:
            x, y = pdf.l_margin, y + 6.4
        with pdf.local_context():
            if color is None:
                pdf.set_draw_color(*NAVY)
                pdf.set_line_width(0.35)
                pdf.set_text_color(*NAVY)
                pdf.rect(x, y, width, 5.2, style="D", round_corners=True, corner_radius=1.2)
            else:
                pdf.set_fill_color(*color)
                pdf.set_text_color(*readable_on(color))
                pdf.rect(x, y, width, 5.2, style="F", round_corners=True, corner_radius=1.2)
            pdf.draw_line(x, y, width, text, 5.2, "C")
        return x + width + 2, y

    # at a glance -------------------------------------------------------------------------------

    def at_a_glance(self) -> None:
        """Page 1's one box: grade, the stage times, the elapsed time, and cause and result (or root cause
        and solution) cut to two lines; an open case says what is not there yet."""
        pdf, t, data = self.pdf, self.t, self.data
        grade = self.grade_cell(data.grade)
        end = data.closed_at or (data.timeline.segments[-1].start if data.is_final and data.timeline.segments
                                 else None)
        elapsed = self.minutes(wall_minutes(data.registered_at, end or data.generated_at))
        elapsed_label = t("elapsed_until" if end else "elapsed_now")
        missing = t("not_entered")

        def when(moment: datetime | None) -> CellValue:
            return pdf.when(moment) if moment else Cell(t("not_yet"), color=MUTED)

        figures: list[tuple[str, CellValue]]
        texts: list[tuple[str, str]]
        if isinstance(data, IncidentReport):
            end_key, end_at = ("cancelled_at", data.cancelled_at) if data.cancelled_at else ("closed_at",
                                                                                              data.closed_at)
            figures = [(t("grade"), grade), (t("state"), Cell(self.state(data.kind, data.state), bold=True)),
                       (elapsed_label, elapsed), (t("application"), pick_text(data.application, self.lang)),
                       (t("registered_at"), when(data.registered_at)), (t("accepted_at"), when(data.accepted_at)),
                       (t("resolved_at"), when(data.resolved_at)), (t(end_key), when(end_at))]
            texts = [(t("cause"), data.cause or missing), (t("result"), data.result or missing)]
            if data.cancel_reason:
                texts.append((t("cancel_reason"), data.cancel_reason))
        else:
            assert isinstance(data, ProblemReport)
            figures = [(t("problem_grade"), grade), (t("state"), Cell(self.state(data.kind, data.state), bold=True)),
                       (elapsed_label, elapsed), (t("application"), pick_text(data.application, self.lang)),
                       (t("registered_at"), when(data.registered_at)),
                       (t("known_error"), pdf.when(data.known_error_at) if data.is_known_error else t("no")),
                       (t("linked_incidents"), t("count_suffix", n=len(data.incidents))),
                       (t("problem_closed_at"), when(data.closed_at))]
            texts = [(t("root_cause"), data.root_cause or missing), (t("solution"), data.solution or missing)]
        pdf.summary_box(figures, texts)

    # basic information -------------------------------------------------------------------------

    def incident_basics(self, data: IncidentReport) -> None:
        pdf, t = self.pdf, self.t
        pdf.section(1, t("basic"))
        end_label, end_value = ("cancelled_at", data.cancelled_at) if data.cancelled_at else ("closed_at",
                                                                                               data.closed_at)
        grade_text = pick(data.grade.name, self.lang) if data.grade else "-"
        app = pick_text(data.application, self.lang)
        if data.application_code:
            app = f"{app} ({data.application_code})"
        pairs: list[tuple[str, str | Cell]] = [
            (t("incident_number"), Cell(data.number, bold=True)),
            (t("grade"), self.grade_fill(data.grade, grade_text)),
            (t("application"), app),
            (t("incident_type"), pick(data.incident_type, self.lang)),
            (t("urgency"), pick(data.urgency, self.lang)),
            (t("impact"), pick(data.impact, self.lang)),
            (t("state"), self.state("incident", data.state)),
            (t("reopen_count"), t("times_suffix", n=data.reopen_count)),
            (t("registered_by"), self.name(data.registered_by)),
            (t("registered_at"), pdf.when(data.registered_at)),
            (t("occurred_at"), pdf.when(data.occurred_at)),
            (t("accepted_at"), pdf.when(data.accepted_at)),
            (t("resolved_at"), pdf.when(data.resolved_at)),
            (t(end_label), pdf.when(end_value)),
            (t("assignee"), self.name(data.assignee) if data.assignee else "-"),
            (t("team"), pick_text(data.team, self.lang)),
        ]
        parent = [r.number for r in data.linked if r.relation == "parent"]
        children = [r.number for r in data.linked if r.relation == "child"]
        if parent or children:
            pairs += [(t("parent"), ", ".join(parent) or "-"),
                      (t("children"), ", ".join(children) or "-")]
        pdf.key_values(pairs)
        pdf.text_block(t("description"), data.description)

        # grade and its changes, with the reasons from the regrade events
        initial = pick(data.initial_grade.name, self.lang) if data.initial_grade else "-"
        pdf.subheading(t("grade_history"), note=f"{t('initial_grade')}: {initial}")
        if not data.grade_changes:
            pdf.note(t("no_grade_change", grade=initial))
        else:
            changes: list[list[CellValue]] = [
                [pdf.when(c.at), self.name(c.by), self.grade_cell(c.before), self.grade_cell(c.after),
                 c.reason or "-"] for c in data.grade_changes]
            pdf.grid([Col(t("col_at"), TIME_W, "C"), Col(t("col_changed_by"), 24), Col(t("col_before"), 31, "C"),
                      Col(t("col_after"), 31, "C"), Col(t("col_reason"), 65.5)], changes)
        self.handlers()

        # propagation: the deliveries as the outbox recorded them, never the group as it stands today
        pdf.subheading(t("propagation"), note=t("propagation_recorded"))
        if not data.notices:
            pdf.note(t("no_notices"))
            return
        rows: list[list[CellValue]] = []
        for n in data.notices:
            rows.append([pdf.when(n.created_at), self.name(n.recipient), self._reason(n.reason, n.reason_label),
                         from_catalog(NOTICE_KINDS, n.kind, self.lang), self._channel(n), self._delivery(n)])
        pdf.grid([Col(t("col_told"), TIME_W, "C"), Col(t("col_recipient"), 44), Col(t("col_role"), 24),
                  Col(t("col_notice"), 22), Col(t("col_channel"), 24), Col(t("col_sent"), 37.5)], rows)

    def _channel(self, n: NoticeRow) -> str:
        channel = from_catalog(CHANNELS, n.channel, self.lang)
        return f"{channel}\n{n.target}" if n.channel == "email" and n.target else channel

    def _delivery(self, n: NoticeRow) -> Cell:
        """'sent 11-25 10:05' (and read), or why it is not delivered yet."""
        t, pdf = self.t, self.pdf
        status = from_catalog(NOTICE_STATUS, n.status, self.lang)
        if n.status == "sent" and n.sent_at:
            text = t("sent_ok", at=pdf.when(n.sent_at))
            if n.read_at:
                text += f"\n{t('read_at', at=pdf.when(n.read_at))}"
            return Cell(text)
        if n.attempts:
            status += f" · {t('attempts', n=n.attempts)}"
        return Cell(status, color=RED if n.status in ("failed", "dead") else AMBER)

    def _reason(self, reason: str, label: dict[str, str] | None) -> str:
        if label:
            return pick(label, self.lang)
        return from_catalog(NOTICE_REASONS, reason, self.lang) if reason else "-"

    def handlers(self) -> None:
        pdf, t, data = self.pdf, self.t, self.data
        pdf.subheading(t("handlers"))
        if not data.handlers:
            pdf.note(t("none"))
            return
        process = data.process
        rows = []
        for h in data.handlers:
            transition = process.transitions.get(h.transition)
            via = pick(transition.label, self.lang) if transition else h.transition
            rows.append([pdf.when(h.at), pick_text(h.handler.name, self.lang), pick_text(h.handler.team, self.lang),
                         via, pick_text(h.by, self.lang)])
        pdf.grid([Col(t("col_at"), TIME_W, "C"), Col(t("col_handler"), 34), Col(t("col_team"), 42),
                  Col(t("col_via"), 40), Col(t("col_actor"), 35.5)], rows)

    def problem_basics(self, data: ProblemReport) -> None:
        pdf, t = self.pdf, self.t
        pdf.section(1, t("basic"))
        app = pick_text(data.application, self.lang)
        if data.application_code:
            app = f"{app} ({data.application_code})"
        known = t("known_error_yes", at=pdf.when(data.known_error_at)) if data.is_known_error else t("no")
        pairs: list[tuple[str, str | Cell]] = [
            (t("problem_number"), Cell(data.number, bold=True)),
            (t("problem_grade"), self.grade_fill(data.grade, pick(data.grade.name, self.lang) if data.grade else "-")),
            (t("application"), app),
            (t("state"), self.state("problem", data.state)),
            (t("registered_by"), self.name(data.registered_by)),
            (t("registered_at"), pdf.when(data.registered_at)),
            (t("assignee"), self.name(data.assignee) if data.assignee else "-"),
            (t("team"), pick_text(data.team, self.lang)),
            (t("known_error"), Cell(known, bold=data.is_known_error)),
            (t("verification_count"), t("times_suffix", n=data.verification_count)),
            (t("problem_closed_at"), pdf.when(data.closed_at)),
            (t("linked_incidents"), t("count_suffix", n=len(data.incidents))),
        ]
        pdf.key_values(pairs)
        pdf.text_block(t("problem_description"), data.description)
        self.handlers()

    # handling time and SLA -----------------------------------------------------------------------

    def sla_section(self, number: int, title: str) -> None:
        pdf, t, data = self.pdf, self.t, self.data
        pdf.section(number, title)
        end = data.closed_at or (data.timeline.segments[-1].start if data.is_final and data.timeline.segments
                                 else None)
        stop = end or data.generated_at
        total = wall_minutes(data.registered_at, stop)
        end_text = pdf.when(end) if end else t("until_now")
        pdf.key_values([(t("elapsed_total"), Cell(
            f"{self.minutes(total)}    ({duration_label(business=False, lang=self.lang)}, "
            f"{t('elapsed_total_detail', end=end_text)})", bold=True))], columns=1, label_w=30)
        pdf.set_y(pdf.get_y() + 2)
        if not data.clocks:
            pdf.note(t("no_clocks"))
            return
        rows = [self._clock_row(c) for c in data.clocks]
        pdf.small_table([Col(t("col_clock"), 21), Col(t("col_basis"), 44), Col(t("col_target"), 19, "R"),
                         Col(t("col_actual"), 25, "R"), Col(t("col_paused"), 17, "R"),
                         Col(t("col_margin"), 32, "R"), Col(t("col_verdict"), 22, "C")], rows,
                        footnote=t("paused_note"))

    def _clock_row(self, c: ClockFigures) -> list[str | Cell]:
        t = self.t
        per_day = c.minutes_per_day
        margin = c.target - c.elapsed
        if margin >= 0:
            margin_text = t("margin_left", time=self.minutes(margin, per_day))
        else:
            margin_text = t("margin_over", time=self.minutes(-margin, per_day))
        color = VERDICT_COLORS.get(c.state)
        return [
            Cell(t(f"clock_{c.kind}") if c.kind in ("response", "resolution") else c.kind, bold=True),
            duration_label(business=c.business, minutes_per_day=per_day, lang=self.lang),
            self.minutes(c.target, per_day),
            Cell(self.minutes(c.elapsed, per_day), bold=True),
            self.minutes(c.paused, per_day),
            Cell(margin_text, color=RED if margin < 0 else None),
            Cell(from_catalog(CLOCK_STATES, c.state, self.lang), bold=True, color=color),
        ]

    # time chart ----------------------------------------------------------------------------------

    def time_chart(self, number: int, marker_rows: Sequence[str]) -> None:
        pdf, t, data = self.pdf, self.t, self.data
        pdf.section(number, t("time_chart"))  # drawn with the chart, which asks for its own height
        draw_time_chart(pdf, data.timeline, marker_rows=marker_rows)
        pdf.subheading(t("stage_times"))
        rows: list[list[CellValue]] = []
        stage_names = {s.number: pick(s.label, self.lang) for s in data.timeline.stages}
        segments = data.timeline.segments
        for index, seg in enumerate(segments):
            stage = f"{seg.stage}. {stage_names.get(seg.stage, '')}" if seg.stage else "-"
            point = seg.final and seg.end <= seg.start
            ongoing = index == len(segments) - 1 and not seg.final  # an open case's state runs until printing
            end = "-" if point else (t("until_now") if ongoing else pdf.when(seg.end))
            rows.append([stage, Cell(self.state(data.kind, seg.state), color=MUTED if seg.waiting else None),
                         pdf.when(seg.start), Cell(end, color=MUTED if ongoing else None),
                         t("milestone") if point else self.minutes(seg.minutes)])
        pdf.grid([Col(t("col_stage"), 42), Col(t("col_state"), 40), Col(t("col_start"), 30, "C"),
                  Col(t("col_end"), 30, "C"), Col(t("col_duration"), 38, "R")], rows, min_lines_on_page=1)

    # detail tables -------------------------------------------------------------------------------

    def actions(self, number: int) -> None:
        pdf, t, data = self.pdf, self.t, self.data
        pdf.section(number, f"{t('actions')} ({t('count_suffix', n=len(data.actions))})")
        if not data.actions:
            pdf.note(t("none"))
            return
        rows: list[list[CellValue]] = [
            [str(i), pdf.when(a.at), pick_text(a.actor, self.lang), from_catalog(ACTION_KINDS, a.kind, self.lang),
             a.body, t("minutes_short", n=a.minutes_spent) if a.minutes_spent is not None else "-"]
            for i, a in enumerate(data.actions, start=1)]
        pdf.grid([Col(t("col_no"), 9, "C"), Col(t("col_at"), TIME_W, "C"), Col(t("col_actor"), 24),
                  Col(t("col_kind"), 22, "C"), Col(t("col_body"), 80.5), Col(t("col_minutes"), 16, "R")], rows)

    def work_orders(self, number: int) -> None:
        pdf, t, data = self.pdf, self.t, self.data
        pdf.section(number, t("work_orders"))
        if not data.work_orders:
            pdf.note(t("none"))
            return
        rows: list[list[CellValue]] = []
        for w in data.work_orders:
            parts = [w.title]
            if w.instructions:
                parts.append(f"{t('instructions')}: {w.instructions}")
            if w.result:
                parts.append(f"{t('wo_result')}: {w.result}")
            if w.return_reason:
                parts.append(f"{t('wo_returned')}: {w.return_reason}")
            if w.due_at:
                parts.append(f"{t('due')}: {pdf.when(w.due_at)}")
            state_color = GREEN if w.state == "done" else (RED if w.state == "returned" else None)
            rows.append([Cell(w.number, bold=True), "\n".join(parts),
                         pick_text(w.assignee.name, self.lang) if w.assignee else "-",
                         Cell(self.state("work_order", w.state), color=state_color),
                         pdf.when(w.issued_at), pdf.when(w.finished_at)])
        pdf.grid([Col(t("col_number"), NUMBER_W), Col(t("col_result"), 62), Col(t("assignee"), 24),
                  Col(t("col_state"), 14, "C"), Col(t("col_issued"), 25, "C"), Col(t("col_finished"), 25, "C")],
                 rows)

    def linked(self, number: int, title: str) -> None:
        pdf, t, data = self.pdf, self.t, self.data
        pdf.section(number, title)
        rows: list[list[CellValue]] = []
        for r in data.linked:
            if r.relation in ("parent", "child") or r.kind == "incident":
                continue
            rows.append([from_catalog(LINK_KINDS, r.relation, self.lang), Cell(r.number, bold=True), r.title,
                         self.state(r.kind, r.state), pdf.when(r.opened_at)])
        for r in data.linked:
            if r.kind == "incident":
                rows.append([from_catalog(LINK_KINDS, r.relation, self.lang), Cell(r.number, bold=True), r.title,
                             self.state(r.kind, r.state), pdf.when(r.opened_at)])
        for sr in data.service_requests:
            ref = sr.external_ref or "-"
            rows.append([f"{from_catalog(LINK_KINDS, 'service_request', self.lang)} · {sr.system}", ref, sr.title,
                         from_catalog(SR_STATES, sr.state, self.lang), pdf.when(sr.created_at)])
        if not rows:
            pdf.note(t("none"))
            return
        pdf.grid([Col(t("col_relation"), 30), Col(t("col_number"), NUMBER_W), Col(t("col_title"), 63.5),
                  Col(t("col_state"), 28, "C"), Col(t("col_opened"), TIME_W, "C")], rows)

    def what_changed(self, data: IncidentReport) -> None:
        """Section 6's second part: what was changed on the application or its related CIs just before."""
        pdf, t, found = self.pdf, self.t, data.what_changed
        if found is None:
            return
        pdf.subheading(t("wc_title_registered" if found.from_registration else "wc_title", days=found.days))
        if not found.items:
            pdf.note(t("wc_none"))
            return
        rows: list[list[CellValue]] = []
        for item in found.items:
            kind = t(f"wc_kind_{item.kind}")
            why = item.reason(self.lang)
            if item.suspected:
                why = f"{t('wc_suspected')} · {why}"
            mark = RED if item.suspected else None
            rows.append([pdf.when(item.completed_at), Cell(item.number, bold=True, color=mark),
                         f"{kind}\n{item.title}", self.state(item.kind, item.state),
                         Cell(why, bold=item.suspected, color=mark)])
        pdf.grid([Col(t("wc_col_completed"), TIME_W, "C"), Col(t("col_number"), NUMBER_W), Col(t("col_title"), 50),
                  Col(t("col_state"), 18, "C"), Col(t("wc_col_why"), 53.5)], rows, footnote=t("wc_note"))

    def outside_changes(self, number: int) -> None:
        """Changes the database's audit saw made outside Beacon (PostgreSQL, staff): only when there are any."""
        pdf, t, data = self.pdf, self.t, self.data
        if not data.outside:
            return
        pdf.section(number, f"{t('outside_changes')} ({t('count_suffix', n=len(data.outside))})")
        pdf.note(t("outside_note"))
        rows: list[list[CellValue]] = []
        for change in data.outside:
            login = change.login + (f"\n({change.application})" if change.application else "")
            for index, (name, before, after) in enumerate(change.fields):
                rows.append([pdf.when(change.at) if index == 0 else "", Cell(login if index == 0 else "", bold=True),
                             name, self._outside_value(before, change.operation == "INSERT", "outside_insert"),
                             Cell(self._outside_value(after, change.operation == "DELETE", "outside_delete"),
                                  color=RED)])
        pdf.grid([Col(t("col_at"), TIME_W, "C"), Col(t("col_login"), 31), Col(t("col_field"), 36.5),
                  Col(t("col_before"), 42), Col(t("col_after"), 42)], rows)

    def _outside_value(self, value: str, absent: bool, absent_key: str) -> str:
        if absent:  # an insert has no before, a delete no after
            return f"({self.t(absent_key)})"
        return self.t("value_null") if value == "∅" else (value or "-")

    # closing texts -------------------------------------------------------------------------------

    def incident_closure(self, number: int, data: IncidentReport) -> None:
        pdf, t = self.pdf, self.t
        pdf.section(number, t("closure"))
        for key in ("resolution", "cause", "result", "follow_up_plan", "recurrence_prevention"):
            pdf.text_block(t(key), getattr(data, key))
        if data.cancel_reason:
            pdf.text_block(t("cancel_reason"), data.cancel_reason)

    def problem_analysis(self, number: int, data: ProblemReport) -> None:
        pdf, t = self.pdf, self.t
        pdf.section(number, t("analysis"))
        pdf.text_block(t("root_cause"), data.root_cause)
        workaround = t("workaround")
        if data.is_known_error:
            workaround += f"  ·  {t('known_error')}: {t('known_error_yes', at=pdf.when(data.known_error_at))}"
        pdf.text_block(workaround, data.workaround)
        pdf.text_block(t("solution"), data.solution)
        pdf.text_block(t("verification_result"), data.verification_result)
        if data.cancel_reason:
            pdf.text_block(t("cancel_reason"), data.cancel_reason)

    def problem_incidents(self, number: int, data: ProblemReport) -> None:
        pdf, t = self.pdf, self.t
        pdf.section(number, f"{t('linked_incidents')} ({t('count_suffix', n=len(data.incidents))})")
        if not data.incidents:
            pdf.note(t("none"))
            return
        rows: list[list[CellValue]] = [
            [Cell(r.number, bold=True), r.title, self.grade_cell(r.grade), self.state("incident", r.state),
             pick_text(r.application, self.lang), pdf.when(r.opened_at)] for r in data.incidents]
        pdf.grid([Col(t("col_number"), NUMBER_W), Col(t("col_title"), 45.5), Col(t("col_grade"), 31, "C"),
                  Col(t("col_state"), 19, "C"), Col(t("col_application"), 26), Col(t("col_opened"), TIME_W, "C")],
                 rows)
