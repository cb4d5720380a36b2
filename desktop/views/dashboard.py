"""The dashboard page: open incidents, cases about to breach, this month's on-time rates and a 12-month trend.

The figures are read on the thread pool (`desktop.workflow.cases.dashboard.load_dashboard`
on the worker's own connection) while the page keeps showing the previous ones
with a busy bar. Loads never overlap: a refresh asked for during a load runs once
after it, and a result is shown only if it answers the newest request.
Every figure is clickable: it emits `sig_show_incidents(IncidentFilter, caption)` for
the list it counts (the caption names it on the list's chip when the combos cannot);
an about-to-breach row emits `sig_open_case(case_id)`.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QLocale, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.views.background import PageLoad
from desktop.views.cell_colors import CellColorsDelegate
from desktop.views.charts import BarChart, BarItem, RateChart, RateItem, TrendChart, TrendItem
from desktop.views.pages import GradeBadgeDelegate
from desktop.views.reliability import ReliabilityCard
from desktop.views.session import ClientSession
from desktop.workflow.cases.dashboard import AT_RISK_LIMIT, DUE_SOON_HOURS, AtRisk, Dashboard, RateRow, TrendMonth
from desktop.workflow.cases.queries import IncidentFilter
from desktop.workflow.sla.durations import format_minutes

log = logging.getLogger(__name__)

BREACHED = "#e53935"
WARNING = "#fb8c00"
TOP_APPLICATIONS = 12  # the busiest; the rest are one click away in the incident list
PERIODIC_REFRESH_MS = 60_000  # remaining times move on even when nobody changes anything




def _card(title: QLabel, body: QWidget, parent: QWidget) -> QFrame:
    frame = QFrame(parent)
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(10, 8, 10, 8)
    layout.addWidget(title)
    layout.addWidget(body, 1)
    return frame


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.1f}%"


class DashboardPage(QWidget):
    """What a manager reads first: open work, what is about to breach, how this month goes, the last year."""

    sig_open_case = Signal(int)
    sig_show_incidents = Signal(object, str)  # IncidentFilter, what it stands for in words
    sig_loaded = Signal(object)  # the Dashboard just shown

    def __init__(self, session: ClientSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.data: Dashboard | None = None
        self._generation = 0
        self._running: PageLoad | None = None
        self._pending = False
        self._stale = False
        self.error = ""

        self.title = QLabel(self)
        self.title.setObjectName("dashboard_title")
        self.busy = QProgressBar(self)
        self.busy.setObjectName("dashboard_busy")
        self.busy.setRange(0, 0)  # indeterminate: moving while the figures load
        self.busy.setFixedWidth(120)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.status = QLabel(self)
        self.status.setObjectName("dashboard_status")
        refresh = QPushButton(self.tr("Refresh"), self)
        refresh.setObjectName("dashboard_refresh")
        refresh.clicked.connect(self.refresh)
        refresh.clicked.connect(lambda: self.reliability.refresh(force=True))
        from desktop.views.reports import ReportRunner

        self.reports = ReportRunner(session, self)
        report = QPushButton(self.tr("Last month's SLA report (PDF)"), self)
        report.setObjectName("monthly_report")
        report.clicked.connect(self.monthly_report)
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addStretch(1)
        header.addWidget(self.busy)
        header.addWidget(self.status)
        header.addWidget(refresh)
        header.addWidget(report)

        content = QWidget(self)
        grid = QGridLayout(content)
        grid.setContentsMargins(0, 0, 6, 0)
        grid.setSpacing(10)
        self.open_title = self._heading(content)
        self.by_grade = BarChart(content)
        self.by_grade.setObjectName("open_by_grade")
        self.state_title = self._heading(content)
        self.by_state = BarChart(content, horizontal=True)
        self.by_state.setObjectName("open_by_state")
        self.risk_title = self._heading(content)
        self.at_risk = QTableWidget(0, 6, content)
        self.at_risk.setObjectName("at_risk")
        self.at_risk.setHorizontalHeaderLabels([self.tr("Number"), self.tr("Grade"), self.tr("Title"),
                                                self.tr("SLA clock"), self.tr("Due"), self.tr("Remaining")])
        self.at_risk.verticalHeader().setVisible(False)
        self.at_risk.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.at_risk.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.at_risk.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.at_risk.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.at_risk.setMinimumHeight(260)
        self.at_risk.setItemDelegateForColumn(1, GradeBadgeDelegate(self.at_risk))
        self.at_risk.setItemDelegateForColumn(5, CellColorsDelegate(self.at_risk, bold_foreground=True))
        self.at_risk.cellClicked.connect(self._open_at_risk)
        self.grade_rates_title = self._heading(content)
        self.grade_rates = RateChart(self.tr("On-time response"), self.tr("On-time resolution"), content)
        self.grade_rates.setObjectName("rates_by_grade")
        self.app_rates_title = self._heading(content)
        self.app_rates = RateChart(self.tr("On-time response"), self.tr("On-time resolution"), content)
        self.app_rates.setObjectName("rates_by_application")
        self.trend_title = self._heading(content)
        self.trend = TrendChart(self.tr("Registered"), self.tr("Closed"), self.tr("On-time resolution"), content)
        self.trend.setObjectName("trend")
        for chart in (self.by_grade, self.by_state, self.grade_rates, self.app_rates, self.trend):
            chart.empty_text = self.tr("No incidents")
            chart.sig_clicked.connect(self._figure_clicked)
        grid.addWidget(_card(self.open_title, self.by_grade, content), 0, 0)
        grid.addWidget(_card(self.state_title, self.by_state, content), 0, 1)
        grid.addWidget(_card(self.risk_title, self.at_risk, content), 1, 0, 1, 2)
        grid.addWidget(_card(self.grade_rates_title, self.grade_rates, content), 2, 0)
        grid.addWidget(_card(self.app_rates_title, self.app_rates, content), 2, 1, 2, 1)
        grid.addWidget(_card(self.trend_title, self.trend, content), 3, 0)
        self.reliability_title = self._heading(content)
        self.reliability = ReliabilityCard(session, content)
        self.reliability.setObjectName("reliability")
        self.reliability.sig_show_incidents.connect(self.sig_show_incidents)
        grid.addWidget(_card(self.reliability_title, self.reliability, content), 4, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self.content = content
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(scroll, 1)

        self._periodic = QTimer(self)
        self._periodic.setInterval(PERIODIC_REFRESH_MS)
        self._periodic.timeout.connect(self._periodic_refresh)
        self._periodic.start()
        self._show_headings()
        self.refresh()

    @staticmethod
    def _heading(parent: QWidget) -> QLabel:
        label = QLabel(parent)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        return label

    # --- loading --------------------------------------------------------------------------

    @property
    def loading(self) -> bool:
        return self._running is not None

    def refresh(self) -> None:
        """Read the figures again on the thread pool; during a load, once more right after it."""
        self._stale = False
        self.reliability.refresh()  # on its own worker, and only when its figures are not fresh
        if self._running is not None:
            self._pending = True
            return
        self._generation += 1
        job = PageLoad(self._generation, self.session, _load_dashboard, "dashboard")
        job.signals.sig_done.connect(self._loaded)
        job.signals.sig_failed.connect(self._failed)
        self._running = job  # keeps the signals object alive until it reports
        self.busy.show()
        self.status.setText(self.tr("Loading…"))
        QThreadPool.globalInstance().start(job)

    def changes_arrived(self, _case_ids: object = None) -> None:
        """Cases changed (here or in another client; the window collects them for a moment): read the figures
        again if the page is shown, else when it is shown next."""
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _periodic_refresh(self) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def _finish(self) -> None:
        self._running = None
        if self._pending:
            self._pending = False
            self.refresh()
        else:
            self.busy.hide()

    def _loaded(self, generation: int, data: Dashboard) -> None:
        if generation == self._generation:  # an older answer never replaces a newer one
            self.error = ""
            self.show_dashboard(data)
        self._finish()
        if generation == self._generation and not self.loading:
            self.sig_loaded.emit(data)

    def _failed(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self.error = message
            self.status.setText(self.tr("Could not load the dashboard: {0}").format(message))
        self._finish()

    def monthly_report(self) -> None:
        """The monthly SLA report of the last full month in the user's time zone."""
        zone = ZoneInfo(self.session.time_zone)
        first = datetime.now(UTC).astimezone(zone).replace(day=1)
        self.reports.monthly((first - timedelta(days=1)).strftime("%Y-%m"))

    # --- drawing ----------------------------------------------------------------------------

    def _local(self, moment: datetime | None, pattern: str = "%m-%d %H:%M") -> str:
        if moment is None:
            return ""
        return moment.replace(tzinfo=UTC).astimezone(ZoneInfo(self.session.time_zone)).strftime(pattern)

    def _show_headings(self) -> None:
        d = self.data
        month = f"{d.year}-{d.month:02d}" if d else ""
        heading = self.tr("Dashboard {0}").format(month).strip()
        self.title.setText(f"<h2>{heading}</h2>")
        self.open_title.setText(self.tr("Open incidents by grade ({0})").format(d.open_total if d else "…"))
        self.state_title.setText(self.tr("Open incidents by state"))
        self.risk_title.setText(self.tr("SLA at risk: past due and due soon"))
        self.grade_rates_title.setText(self.tr("On-time rates this month by grade"))
        shown = min(len(d.rates_by_application), TOP_APPLICATIONS) if d else 0
        if d and len(d.rates_by_application) > shown:
            self.app_rates_title.setText(self.tr("On-time rates this month by application (top {0} of {1})")
                                         .format(shown, len(d.rates_by_application)))
        else:
            self.app_rates_title.setText(self.tr("On-time rates this month by application"))
        self.trend_title.setText(self.tr("12-month trend"))
        self.reliability_title.setText(self.tr("Reliability by application and CI, last 12 months"))

    def show_dashboard(self, data: Dashboard) -> None:
        """Draw the figures of `data` (on the UI thread, after a load)."""
        self.data = data
        lang = self.session.language
        self._show_headings()
        scope = self.tr(" · only incidents you registered") if data.own_only else ""
        self.status.setText(self.tr("Updated {0}").format(self._local(data.generated_at, "%H:%M")) + scope)
        self.by_grade.set_items([
            BarItem(b.label(lang), b.count, b.color, self.tr("{0}: {1} open — click to list them")
                    .format(b.label(lang), b.count), (b.filter, b.label(lang))) for b in data.open_by_grade])
        self.by_state.set_items([
            BarItem(b.label(lang), b.count, "", self.tr("{0}: {1} open — click to list them")
                    .format(b.label(lang), b.count), (b.filter, b.label(lang))) for b in data.open_by_state])
        self.grade_rates.set_items([self._rate_item(r) for r in data.rates_by_grade])
        self.app_rates.set_items([self._rate_item(r) for r in data.rates_by_application[:TOP_APPLICATIONS]])
        self.app_rates.setMinimumHeight(self.app_rates.sizeHint().height())
        self.grade_rates.setMinimumHeight(self.grade_rates.sizeHint().height())
        self.trend.set_items([self._trend_item(m, n == 0) for n, m in enumerate(data.trend)])
        self._fill_at_risk(data)

    def incidents(self, count: int) -> str:
        """'1 incident' / '3 incidents' ('1건' / '3건')."""
        return self.tr("1 incident") if count == 1 else self.tr("{0} incidents").format(count)

    def _rate_item(self, row: RateRow) -> RateItem:
        k = row.kpi
        label = row.label(self.session.language)
        note = self.incidents(k.count)
        tooltip = self.tr("{0}: {1} this month\nOn-time response {2} ({3} of {4})\n"
                          "On-time resolution {5} ({6} of {7})\n"
                          "Open incidents past their target count as missed\nClick to list them").format(
            label, note, _percent(k.response_rate), k.response_met, k.response_judged,
            _percent(k.resolution_rate), k.resolution_met, k.resolution_judged)
        month = f"{self.data.year}-{self.data.month:02d}" if self.data else ""
        caption = self.tr("{0}, registered {1}, not cancelled").format(label, month)
        return RateItem(label, k.response_rate, k.resolution_rate, note, tooltip, (row.filter, caption), row.color)

    def _trend_item(self, m: TrendMonth, first: bool = False) -> TrendItem:
        locale = QLocale(QLocale.Language.Korean if self.session.language == "ko" else QLocale.Language.English)
        label = locale.standaloneMonthName(m.month, QLocale.FormatType.ShortFormat)
        if first or m.month == 1:
            label += f"\n{m.year}"
        tooltip = self.tr("{0}-{1}: {2} registered, {3} closed\nOn-time resolution {4}\nClick to list the month's "
                          "incidents").format(m.year, f"{m.month:02d}", m.registered, m.closed,
                                              _percent(m.resolution_rate))
        caption = self.tr("Registered {0}").format(f"{m.year}-{m.month:02d}")
        return TrendItem(label, m.registered, m.closed, m.resolution_rate, tooltip, (m.filter, caption))

    def _fill_at_risk(self, data: Dashboard) -> None:
        """Two named groups: what is already past due (most overdue first) and what falls due soon or is in
        warning (soonest first), each with its count, so a long overdue list never hides the savable ones."""
        self.at_risk.clearSpans()
        self.at_risk.setRowCount(0)
        soon = len(data.due_soon)
        soon_count = f"{soon}+" if soon >= AT_RISK_LIMIT // 2 else str(soon)
        past = self.tr("Past due: {0}").format(data.breached_clocks)
        if data.breached_clocks > len(data.past_due):
            past += " " + self.tr("(the {0} most overdue shown)").format(len(data.past_due))
        groups = [
            ("past_due", past, data.past_due,
             self.tr("Nothing is past its SLA target")),
            ("due_soon", self.tr("Due soon (within {0} h) or in warning: {1}").format(DUE_SOON_HOURS, soon_count),
             data.due_soon, self.tr("Nothing falls due in the next {0} hours").format(DUE_SOON_HOURS)),
        ]
        for name, heading, rows, empty in groups:
            self._group_row(name, heading, bold=True)
            for r in rows:
                self._at_risk_row(r)
            if not rows:
                self._group_row(f"{name}_empty", empty, bold=False)
        self.at_risk.resizeColumnsToContents()
        header = self.at_risk.horizontalHeader()
        for column in (0, 1, 3, 4, 5):  # room for qt-material's upper-case headers
            header.resizeSection(column, max(header.sectionSize(column), header.sectionSizeHint(column) + 24))
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # both groups in sight without scrolling inside the card (the page itself scrolls)
        rows_h = sum(self.at_risk.rowHeight(r) for r in range(self.at_risk.rowCount()))
        self.at_risk.setMinimumHeight(max(260, rows_h + header.height() + 2 * self.at_risk.frameWidth() + 4))

    def _group_row(self, name: str, text: str, *, bold: bool) -> None:
        n = self.at_risk.rowCount()
        self.at_risk.insertRow(n)
        item = QTableWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole + 1, name)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        if bold:
            font = item.font()
            font.setBold(True)
            item.setFont(font)
        self.at_risk.setItem(n, 0, item)
        self.at_risk.setSpan(n, 0, 1, 6)

    def _at_risk_row(self, r: AtRisk) -> None:
        lang = self.session.language
        clock_names = {"response": self.tr("Response"), "resolution": self.tr("Resolution")}
        n = self.at_risk.rowCount()
        self.at_risk.insertRow(n)
        overdue = r.remaining < 0
        remaining = format_minutes(abs(r.remaining), lang, minutes_per_day=r.minutes_per_day)
        if r.uses_business_time:
            remaining = self.tr("{0} (business)").format(remaining)
        remaining = self.tr("{0} overdue").format(remaining) if overdue else remaining
        values = [r.number, str(r.grade), r.title, clock_names.get(r.clock, r.clock),
                  self._local(r.due_at, "%Y-%m-%d %H:%M"), remaining]
        for c, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setData(Qt.ItemDataRole.UserRole, r.case_id)
            item.setToolTip(self.tr("Click to open {0}").format(r.number))
            if c == 1:  # painted as a badge by GradeBadgeDelegate
                item.setData(Qt.ItemDataRole.BackgroundRole, QColor(r.grade_color))
            if c == 5:
                item.setForeground(QBrush(QColor(BREACHED if r.state == "breached" else WARNING)))
            self.at_risk.setItem(n, c, item)

    # --- clicks -----------------------------------------------------------------------------

    def _figure_clicked(self, payload: object) -> None:
        if isinstance(payload, tuple) and isinstance(payload[0], IncidentFilter):
            self.sig_show_incidents.emit(*payload)

    def _open_at_risk(self, row: int, _column: int) -> None:
        item = self.at_risk.item(row, 0)
        case_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if case_id:
            self.sig_open_case.emit(int(case_id))


def _load_dashboard(**kwargs: Any) -> Any:
    """Imported on the pool thread, so the page opens without importing the service."""
    from desktop.workflow.cases.dashboard import load_dashboard

    return load_dashboard(**kwargs)

