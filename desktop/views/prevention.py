"""Incident prevention in the window: the "Problem candidates" page and the early-warning banner of the lists.

The page runs the detector (`desktop.workflow.prevention.candidates.detect`) on the thread pool with a
progress bar, lists each group with its evidence (why it is suggested, the incidents and their dates,
the words they share, their downtime) and offers Create problem and Dismiss (with a reason). The banner
shows the early warnings nobody handled yet and offers to make one incident the parent of the others.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import BeaconError
from desktop.views.session import ClientSession
from desktop.workflow.prevention import candidates, early_warning
from desktop.workflow.prevention.candidates import CandidateGroup, DetectorRun
from desktop.workflow.sla.durations import format_minutes

log = logging.getLogger(__name__)
WARNING_REFRESH_MS = 60_000


class _Signals(QObject):
    sig_progress = Signal(int, int)
    sig_done = Signal(object)
    sig_failed = Signal(str)


class _Job(QRunnable):
    """Runs one workflow call on a pool thread; reports through signals (never touches a widget)."""

    def __init__(self, call: Callable[[Callable[[int, int], None]], Any], language: str) -> None:
        super().__init__()
        self.call = call
        self.language = language
        self.signals = _Signals()

    def run(self) -> None:
        from desktop.workflow.sla.background import release_connection

        try:
            self.signals.sig_done.emit(self.call(self.signals.sig_progress.emit))
        except BeaconError as exc:
            self.signals.sig_failed.emit(exc.message(self.language))
        except Exception as exc:  # reported on the page, never raised into Qt's thread pool
            log.exception("prevention job failed")
            self.signals.sig_failed.emit(str(exc))
        finally:
            release_connection()


def _local(session: ClientSession, moment: datetime, fmt: str = "%Y-%m-%d %H:%M") -> str:
    return moment.replace(tzinfo=UTC).astimezone(ZoneInfo(session.time_zone)).strftime(fmt)


class DismissDialog(QDialog):
    """Asks why a candidate group is no problem (the reason is kept with who and when)."""

    def __init__(self, group_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Dismiss problem candidate"))
        layout = QVBoxLayout(self)
        about = QLabel(group_text, self)
        about.setWordWrap(True)
        layout.addWidget(about)
        layout.addWidget(QLabel(self.tr("Why is this no problem? It stays dismissed until another incident "
                                        "joins the group."), self))
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("dismiss_reason")
        self.reason.setAccessibleName(self.tr("Reason for dismissing"))
        self.reason.setTabChangesFocus(True)
        layout.addWidget(self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Dismiss"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(460, 240)

    @classmethod
    def ask(cls, group_text: str, parent: QWidget | None = None) -> str | None:
        """The reason typed, or None when the person cancelled."""
        dialog = cls(group_text, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.reason.toPlainText()


class CandidatesPage(QWidget):
    """문제 후보: recurring incidents with no problem yet, each group with its evidence and two actions."""

    sig_open_case = Signal(int)
    sig_cases_changed = Signal(object)
    sig_loaded = Signal(object)  # the DetectorRun just shown

    def __init__(self, session: ClientSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.run: DetectorRun | None = None
        self._job: _Job | None = None
        self._stale = True
        heading = QLabel(self.tr("Problem candidates"), self)
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        heading.setFont(font)
        self.summary = QLabel(self)
        self.summary.setObjectName("candidates_summary")
        self.summary.setWordWrap(True)
        self.refresh_button = QPushButton(self.tr("Look again"), self)
        self.refresh_button.setObjectName("candidates_refresh")
        self.refresh_button.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addWidget(self.summary, 1)
        top.addWidget(self.refresh_button)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("candidates_progress")
        self.progress.setMaximumHeight(14)
        self.progress.setFormat(self.tr("Reading incidents… %p%"))
        self.progress.hide()
        self.groups = QTableWidget(0, 5, self)
        self.groups.setObjectName("candidate_groups")
        self.groups.setHorizontalHeaderLabels([self.tr("Application"), self.tr("Incidents"), self.tr("Period"),
                                               self.tr("Total downtime"), self.tr("Common words")])
        self.groups.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.groups.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.groups.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.groups.verticalHeader().setVisible(False)
        self.groups.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.groups.setAccessibleName(self.tr("Problem candidates"))
        self.groups.itemSelectionChanged.connect(self._show_selected)
        self.why = QLabel(self)
        self.why.setObjectName("candidate_why")
        self.why.setWordWrap(True)
        self.why.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.before = QLabel(self)
        self.before.setObjectName("candidate_dismissed_before")
        self.before.setWordWrap(True)
        self.before.hide()
        self.incidents = QTableWidget(0, 5, self)
        self.incidents.setObjectName("candidate_incidents")
        self.incidents.setHorizontalHeaderLabels([self.tr("Number"), self.tr("Registered"), self.tr("Title"),
                                                  self.tr("State"), self.tr("Downtime")])
        self.incidents.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.incidents.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.incidents.verticalHeader().setVisible(False)
        self.incidents.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.incidents.setAccessibleName(self.tr("The group's incidents"))
        self.incidents.cellDoubleClicked.connect(self._open_incident)
        self.create_button = QPushButton(self.tr("Create problem"), self)
        self.create_button.setObjectName("candidate_create_problem")
        self.create_button.setToolTip(self.tr("Register a problem for these incidents, link them to it and give it "
                                              "to the problem manager"))
        self.create_button.clicked.connect(self.create_problem)
        self.dismiss_button = QPushButton(self.tr("Dismiss…"), self)
        self.dismiss_button.setObjectName("candidate_dismiss")
        self.dismiss_button.clicked.connect(self.dismiss)
        self.result = QLabel(self)
        self.result.setObjectName("candidate_result")
        self.result.setWordWrap(True)
        actions = QHBoxLayout()
        actions.addWidget(self.result, 1)
        actions.addWidget(self.dismiss_button)
        actions.addWidget(self.create_button)
        detail = QWidget(self)
        column = QVBoxLayout(detail)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.why)
        column.addWidget(self.before)
        column.addWidget(self.incidents, 1)
        column.addLayout(actions)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.groups)
        split.addWidget(detail)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.progress)
        layout.addWidget(split, 1)
        self._enable_actions()

    # --- loading ----------------------------------------------------------------------------

    @property
    def loading(self) -> bool:
        return self._job is not None

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def changes_arrived(self, _case_ids: object = None) -> None:
        """Cases changed: the detector reads every incident of the period, so it runs again when the page is
        next shown or asked to (Look again), not on every change while it is open."""
        self._stale = True

    def refresh(self) -> None:
        """Run the detector on the thread pool; the progress bar counts the applications read."""
        if self._job is not None:
            return
        self._stale = False
        job = _Job(lambda progress: candidates.detect(progress=progress), self.session.language)
        job.signals.sig_progress.connect(self._progress)
        job.signals.sig_done.connect(self._loaded)
        job.signals.sig_failed.connect(self._failed)
        self._job = job
        self.progress.setRange(0, 0)
        self.progress.show()
        self.refresh_button.setEnabled(False)
        self.summary.setText(self.tr("Looking for incidents that recur…"))
        QThreadPool.globalInstance().start(job)

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _finish(self) -> None:
        self._job = None
        self.progress.hide()
        self.refresh_button.setEnabled(True)

    def _failed(self, message: str) -> None:
        self._finish()
        self.summary.setText(self.tr("Could not look for candidates: {0}").format(message))

    def _loaded(self, run: DetectorRun) -> None:
        self._finish()
        self.show_run(run)
        self.sig_loaded.emit(run)

    def show_run(self, run: DetectorRun) -> None:
        self.run = run
        lang = self.session.language
        text = self.tr("{0} groups in the last {1} days ({2} or more similar incidents within {3} days, "
                       "{4} incidents read)").format(len(run.groups), run.lookback_days, run.min_incidents,
                                                     run.window_days, run.scanned)
        if run.hidden:
            text += " · " + self.tr("{0} dismissed").format(run.hidden)
        self.summary.setText(text)
        self.groups.setRowCount(len(run.groups))
        for row, group in enumerate(run.groups):
            period = (f"{_local(self.session, group.first_at, '%Y-%m-%d')} ~ "
                      f"{_local(self.session, group.last_at, '%m-%d')}")
            cells = (group.application_name(lang), str(len(group.incidents)), period,
                     format_minutes(group.total_downtime_minutes, lang), group.words_text(lang))
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if column == 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.groups.setItem(row, column, item)
        self.groups.resizeColumnsToContents()
        self.groups.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        if run.groups:
            self.groups.selectRow(0)
        else:
            self.why.setText(self.tr("No incidents recur without a problem."))
            self.incidents.setRowCount(0)
            self.before.hide()
        self._enable_actions()

    # --- the selected group --------------------------------------------------------------------

    def selected_group(self) -> CandidateGroup | None:
        rows = self.groups.selectionModel().selectedRows() if self.groups.selectionModel() else []
        if not rows or self.run is None or rows[0].row() >= len(self.run.groups):
            return None
        return self.run.groups[rows[0].row()]

    def _enable_actions(self) -> None:
        chosen = self.selected_group() is not None
        self.create_button.setEnabled(chosen)
        self.dismiss_button.setEnabled(chosen)

    def _show_selected(self) -> None:
        group = self.selected_group()
        self._enable_actions()
        if group is None or self.run is None:
            return
        lang = self.session.language
        self.why.setText(self.tr("Why: {0}").format(group.why(lang, window_days=self.run.window_days,
                                                               min_incidents=self.run.min_incidents)))
        if group.previously_dismissed is not None:
            d = group.previously_dismissed
            who = d.by_en if lang == "en" and d.by_en else d.by
            self.before.setText(self.tr("Dismissed before by {0} on {1} ({2}); a new incident joined it since.")
                                .format(who, _local(self.session, d.at), d.reason))
            self.before.show()
        else:
            self.before.hide()
        self.incidents.setRowCount(len(group.incidents))
        for row, incident in enumerate(group.incidents):
            downtime = (format_minutes(incident.downtime_minutes, lang) if incident.downtime_minutes is not None
                        else self.tr("not restored"))
            for column, value in enumerate((incident.number, _local(self.session, incident.registered_at),
                                            incident.title, self._state(incident.state), downtime)):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, incident.case_id)
                self.incidents.setItem(row, column, item)
        self.incidents.resizeColumnsToContents()
        self.incidents.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

    def _state(self, state: str) -> str:
        from desktop.workflow.engine.process import state_label

        return state_label("incident", state, self.session.language)

    def _open_incident(self, row: int, _column: int) -> None:
        item = self.incidents.item(row, 0)
        if item is not None:
            self.sig_open_case.emit(int(item.data(Qt.ItemDataRole.UserRole)))

    def _group_text(self, group: CandidateGroup) -> str:
        return self.tr("{0}: {1} incidents ({2})").format(group.application_name(self.session.language),
                                                          len(group.incidents),
                                                          group.words_text(self.session.language))

    # --- actions --------------------------------------------------------------------------------

    def create_problem(self) -> None:
        """Register the problem, link the incidents and assign the problem manager: one transaction."""
        group = self.selected_group()
        if group is None:
            return
        try:
            made = candidates.create_problem_from_group(actor_id=self.session.actor.id, case_ids=list(group.case_ids),
                                                        language=self.session.language)
        except BeaconError as exc:
            QMessageBox.warning(self, self.tr("Create problem"), exc.message(self.session.language))
            return
        text = self.tr("{0} registered; {1} incidents linked.").format(made.number, len(made.linked))
        if made.skipped:
            text += " " + self.tr("Not linked: {0}").format(
                "; ".join(s.get(self.session.language) or s["ko"] for s in made.skipped))
        self.result.setText(text)
        self.sig_cases_changed.emit({made.problem_id, *group.case_ids})
        self.sig_open_case.emit(made.problem_id)
        self.refresh()

    def dismiss(self) -> None:
        group = self.selected_group()
        if group is None:
            return
        reason = DismissDialog.ask(self._group_text(group), self)
        if reason is None:
            return
        try:
            candidates.dismiss_group(actor_id=self.session.actor.id, case_ids=list(group.case_ids), reason=reason,
                                     key=group.key)
        except BeaconError as exc:
            QMessageBox.warning(self, self.tr("Dismiss…"), exc.message(self.session.language))
            return
        self.result.setText(self.tr("Dismissed: {0}").format(self._group_text(group)))
        self.refresh()


class EarlyWarningBanner(QFrame):
    """Above the incident lists: incidents bursting on one application; make one the parent of the others."""

    sig_open_case = Signal(int)
    sig_cases_changed = Signal(object)
    sig_loaded = Signal(object)  # the warnings just shown

    def __init__(self, session: ClientSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("early_warning_banner")
        dark = session.theme == "dark"
        self.setStyleSheet(
            "QFrame#early_warning_banner { background: %s; border: 1px solid %s; border-radius: 4px; }"
            "QFrame#early_warning_banner QLabel { color: %s; }"
            % (("#4a1c1c", "#c62828", "#ffdad6") if dark else ("#fdecea", "#e57373", "#611a15")))
        self.warnings: list[early_warning.ActiveWarning] = []
        self._job: _Job | None = None
        self.text = QLabel(self)
        self.text.setObjectName("early_warning_text")
        self.text.setWordWrap(True)
        self.parent_choice = QComboBox(self)
        self.parent_choice.setObjectName("early_warning_parent")
        self.parent_choice.setAccessibleName(self.tr("Incident to make the parent"))
        self.parent_choice.setMinimumWidth(220)
        self.make_parent_button = QPushButton(self.tr("Make parent of the others"), self)
        self.make_parent_button.setObjectName("early_warning_make_parent")
        self.make_parent_button.clicked.connect(self.make_parent)
        self.dismiss_button = QPushButton(self.tr("Dismiss"), self)
        self.dismiss_button.setObjectName("early_warning_dismiss")
        self.dismiss_button.clicked.connect(self.dismiss)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        row.addWidget(self.text, 1)
        row.addWidget(self.parent_choice)
        row.addWidget(self.make_parent_button)
        row.addWidget(self.dismiss_button)
        self.hide()
        self._timer = QTimer(self)
        self._timer.setInterval(WARNING_REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        if not session.actor.is_customer_only:
            self._timer.start()

    def refresh(self) -> None:
        """Read the open warnings on the thread pool (a customer has none)."""
        if self.session.actor.is_customer_only or self._job is not None:
            return
        actor_id = self.session.actor.id
        job = _Job(lambda _progress: early_warning.active_warnings(actor_id=actor_id), self.session.language)
        job.signals.sig_done.connect(self._loaded)
        job.signals.sig_failed.connect(self._failed)
        self._job = job
        QThreadPool.globalInstance().start(job)

    def _failed(self, message: str) -> None:
        self._job = None
        log.warning("early warnings not read: %s", message)

    def _loaded(self, warnings: list[early_warning.ActiveWarning]) -> None:
        self._job = None
        self.show_warnings(warnings)
        self.sig_loaded.emit(warnings)

    def show_warnings(self, warnings: list[early_warning.ActiveWarning]) -> None:
        self.warnings = warnings
        if not warnings:
            self.hide()
            return
        lang = self.session.language
        current = warnings[0]
        numbers = ", ".join(i.number for i in current.incidents[:6])
        if len(current.incidents) > 6:
            numbers += " …"
        text = "⚠ " + (current.note.get(lang) or current.note["ko"])
        start = current.incidents[0].registered_at if current.incidents else current.raised_at
        text += self.tr(" (since {0}: {1})").format(_local(self.session, start, "%H:%M"), numbers)
        if len(warnings) > 1:
            text += " · " + self.tr("{0} more warnings").format(len(warnings) - 1)
        self.text.setText(text)
        self.parent_choice.clear()
        for incident in current.incidents:
            if incident.parent_id is None:
                self.parent_choice.addItem(f"{incident.number} {incident.title}"[:60], incident.case_id)
        self.make_parent_button.setEnabled(self.parent_choice.count() > 1)
        self.show()

    def make_parent(self) -> None:
        if not self.warnings or self.parent_choice.currentIndex() < 0:
            return
        warning = self.warnings[0]
        parent_id = int(self.parent_choice.currentData())
        try:
            done = early_warning.make_parent(actor_id=self.session.actor.id, warning_id=warning.id,
                                             parent_id=parent_id)
        except BeaconError as exc:
            QMessageBox.warning(self, self.tr("Make parent of the others"), exc.message(self.session.language))
            return
        if done.skipped:
            QMessageBox.information(self, self.tr("Make parent of the others"), self.tr(
                "{0} is now the parent of {1} incidents. Left as they were:\n{2}").format(
                done.parent_number, len(done.children), "\n".join(f"{n}: {why}" for n, why in done.skipped)))
        self.sig_cases_changed.emit({i.case_id for i in warning.incidents})
        self.refresh()

    def dismiss(self) -> None:
        if not self.warnings:
            return
        try:
            early_warning.dismiss_warning(actor_id=self.session.actor.id, warning_id=self.warnings[0].id)
        except BeaconError as exc:
            QMessageBox.warning(self, self.tr("Dismiss"), exc.message(self.session.language))
            return
        self.refresh()
