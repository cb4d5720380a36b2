"""The dashboard's reliability card: the least reliable applications and CIs over 12 months (MTTR, MTBF,
recurrence, problem coverage), read on the thread pool apart from the other figures so they never wait for it.
A click on a row emits `sig_show_incidents(IncidentFilter, caption)` for exactly the incidents it counts."""

from __future__ import annotations

import logging
import time
from typing import Any

from PySide6.QtCore import Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.views.background import PageLoad
from desktop.views.session import ClientSession
from desktop.workflow.prevention.reliability import Reliability, ReliabilityReport
from desktop.workflow.sla.durations import format_minutes

log = logging.getLogger(__name__)

TOP = 8  # the least reliable of each kind; the monthly report lists them all
RELOAD_AFTER_S = 300  # twelve months move slowly: a periodic refresh reads them again at most this often




def _percent(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.0f}%"


class ReliabilityCard(QWidget):
    """Two ranked tables, applications and CIs; loads on its own worker."""

    sig_show_incidents = Signal(object, str)
    sig_loaded = Signal(object)

    def __init__(self, session: ClientSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.data: ReliabilityReport | None = None
        self._generation = 0
        self._running: PageLoad | None = None
        self._loaded_at = 0.0
        self.status = QLabel(self.tr("Loading…"), self)
        self.status.setObjectName("reliability_status")
        self.status.setWordWrap(True)
        self.applications = self._table("reliability_applications", self.tr("Application"))
        self.cis = self._table("reliability_cis", self.tr("CI"))
        self.footnote = QLabel(self.tr(
            "MTTR: occurrence to restoration (resolved, else closed), mean of the restored incidents. "
            "MTBF: the window's time less the downtime (any incident open), per incident. Recurrence: repeats an "
            "incident of the same application with the same title in the 30 days before. Coverage: linked to a "
            "problem. A CI counts the incidents of every application that runs on or depends on it. Click a row "
            "to list its incidents."), self)
        self.footnote.setWordWrap(True)
        self.footnote.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status)
        layout.addWidget(self.applications)
        layout.addWidget(self.cis)
        layout.addWidget(self.footnote)

    def _table(self, name: str, first: str) -> QTableWidget:
        table = QTableWidget(0, 7, self)
        table.setObjectName(name)
        table.setHorizontalHeaderLabels([first, self.tr("Incidents"), self.tr("MTTR"), self.tr("Total to restore"),
                                         self.tr("MTBF"), self.tr("Recurrence"), self.tr("Problem coverage")])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.setAccessibleName(first)
        table.cellClicked.connect(lambda row, _c, t=table: self._clicked(t, row))
        return table

    @property
    def loading(self) -> bool:
        return self._running is not None

    def refresh(self, *, force: bool = False) -> None:
        """Read the figures on the thread pool, unless a load runs or they are fresh (a periodic refresh)."""
        if self._running is not None or (not force and time.monotonic() - self._loaded_at < RELOAD_AFTER_S
                                         and self.data is not None):
            return
        self._generation += 1
        job = PageLoad(self._generation, self.session, _load_reliability, "reliability")
        job.signals.sig_done.connect(self._loaded)
        job.signals.sig_failed.connect(self._failed)
        self._running = job
        if self.data is None:
            self.status.setText(self.tr("Loading…"))
        QThreadPool.globalInstance().start(job)

    def _loaded(self, generation: int, data: ReliabilityReport) -> None:
        self._running = None
        if generation != self._generation:
            return
        self._loaded_at = time.monotonic()
        self.show_report(data)
        self.sig_loaded.emit(data)

    def _failed(self, generation: int, message: str) -> None:
        self._running = None
        if generation == self._generation:
            self.status.setText(self.tr("Could not load reliability: {0}").format(message))

    def show_report(self, data: ReliabilityReport) -> None:
        """Fill both tables, least reliable first (on the UI thread)."""
        self.data = data
        zone = self.session.time_zone
        from desktop.views.table_models import local_text

        self.status.setText(self.tr("{0} – {1}: {2} applications and {3} CIs had incidents; the least reliable "
                                    "first (lowest MTBF)").format(local_text(data.start, zone)[:10],
                                                                 local_text(data.end, zone)[:10],
                                                                 len(data.applications), len(data.cis)))
        for table, rows in ((self.applications, data.applications), (self.cis, data.cis)):
            self._fill(table, rows[:TOP])

    def _fill(self, table: QTableWidget, rows: list[Reliability]) -> None:
        lang = self.session.language
        table.setRowCount(0)
        for r in rows:
            n = table.rowCount()
            table.insertRow(n)
            name = f"{r.label(lang)} ({r.code})"
            values = [name, f"{r.incidents:,}", self._minutes(r.mttr), format_minutes(r.restore_minutes, lang),
                      self._minutes(r.mtbf), _percent(r.recurrence_rate), _percent(r.problem_coverage)]
            tip = self.tr("{0}: {1} incidents, {2} restored, {3} down in the window\nClick to list them").format(
                name, r.incidents, r.restored, format_minutes(r.downtime_minutes, lang))
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, r)
                item.setToolTip(tip)
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(n, c, item)
        table.resizeColumnsToContents()
        header = table.horizontalHeader()
        for column in range(1, 7):
            header.resizeSection(column, max(header.sectionSize(column), header.sectionSizeHint(column) + 24))
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        height = sum(table.rowHeight(r) for r in range(table.rowCount())) + header.height() + 2 * table.frameWidth()
        table.setMinimumHeight(max(80, height + 4))
        table.setMaximumHeight(max(80, height + 4))

    def _minutes(self, value: float | None) -> str:
        return "–" if value is None else format_minutes(round(value), self.session.language)

    def _clicked(self, table: QTableWidget, row: int) -> None:
        item = table.item(row, 0)
        r = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if isinstance(r, Reliability):
            caption = self.tr("{0}: incidents of the last 12 months").format(r.label(self.session.language))
            self.sig_show_incidents.emit(r.filter, caption)


def _load_reliability(**kwargs: Any) -> Any:
    """Imported on the pool thread, so the page opens without importing the service."""
    from desktop.workflow.prevention.reliability import load_reliability

    return load_reliability(**kwargs)

