"""The pages of the main window: case lists with filters and bulk actions, inbox, dashboard."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.views.dialogs import TransitionDialog
from desktop.views.session import ClientSession
from desktop.views.table_models import CaseTableModel, IncidentTableModel, local_text
from desktop.workflow import case_service
from desktop.workflow import session as session_service
from desktop.workflow.detail import ActionInfo, FieldInfo
from desktop.workflow.inbox import inbox, mark_read, unread_count
from desktop.workflow.kpi import incident_kpis
from desktop.workflow.process import definition
from desktop.workflow.queries import CaseFilter, IncidentFilter


def _utcnow() -> datetime:
    """Now as naive UTC, the form stored times take."""
    return datetime.now(UTC).replace(tzinfo=None)


class GradeBadgeDelegate(QStyledItemDelegate):
    """Paints the grade as a coloured, rounded badge."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        color = index.data(Qt.ItemDataRole.BackgroundRole)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not isinstance(color, QColor):
            super().paint(painter, option, index)
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = option.rect.adjusted(6, 4, -6, -4)
        painter.setBrush(color)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawRoundedRect(rect, 8, 8)
        painter.setPen(QColor("white"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(text))
        painter.restore()


class IncidentListPage(QWidget):
    """Incidents with filters, multi-select and bulk assign / regrade / close."""

    sig_open_case = Signal(int)

    def __init__(self, session: ClientSession, *, mine: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.mine = mine
        self.model = IncidentTableModel(session, self)
        self.view = QTableView(self)
        self.view.setObjectName("incident_table")
        self.view.setModel(self.model)
        self.view.setItemDelegateForColumn(IncidentTableModel.GRADE_COLUMN, GradeBadgeDelegate(self.view))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.view.doubleClicked.connect(lambda index: self.sig_open_case.emit(self.model.row_at(index.row()).case_id))
        self.state = QComboBox(self)
        self.state.setObjectName("filter_state")
        self.state.addItem(self.tr("All states"), ())
        process = definition("incident")
        self.state.addItem(self.tr("Open"), tuple(process.open_states()))
        for name, state in process.states.items():
            self.state.addItem(session.pick(state.label["ko"], state.label["en"]), (name,))
        self.grade = QComboBox(self)
        self.grade.setObjectName("filter_grade")
        self.grade.addItem(self.tr("All grades"), ())
        for choice in session_service.grades():
            self.grade.addItem(choice.label(session.language), (choice.value,))
        self.application = QComboBox(self)
        self.application.setObjectName("filter_application")
        self.application.addItem(self.tr("All applications"), ())
        for choice in session_service.applications():
            self.application.addItem(choice.label(session.language), (choice.value,))
        self.period = QComboBox(self)
        self.period.setObjectName("filter_period")
        for label, days in ((self.tr("Any time"), 0), (self.tr("Last 7 days"), 7), (self.tr("Last 30 days"), 30),
                            (self.tr("Last 365 days"), 365)):
            self.period.addItem(label, days)
        self.text = QLineEdit(self)
        self.text.setObjectName("filter_text")
        self.text.setPlaceholderText(self.tr("Search title and description"))
        self.text.returnPressed.connect(self.apply_filters)
        for combo in (self.state, self.grade, self.application, self.period):
            combo.currentIndexChanged.connect(self.apply_filters)
        filters = QHBoxLayout()
        for widget in (self.state, self.grade, self.application, self.period, self.text):
            filters.addWidget(widget)
        bulk = QHBoxLayout()
        self.count = QLabel(self)
        self.count.setObjectName("count")
        bulk.addWidget(self.count, 1)
        for name, label in (("assign", self.tr("Assign…")), ("regrade", self.tr("Regrade…")),
                            ("close", self.tr("Close…"))):
            button = QPushButton(label, self)
            button.setObjectName(f"bulk_{name}")
            button.clicked.connect(lambda _=False, n=name: self.bulk(n))
            bulk.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addLayout(bulk)
        if mine:
            self.state.setCurrentIndex(1)
        self.apply_filters()

    def current_filters(self) -> IncidentFilter:
        days = self.period.currentData() or 0
        since = _utcnow() - timedelta(days=days) if days else None
        return IncidentFilter(states=self.state.currentData() or (), grades=self.grade.currentData() or (),
                              application_ids=self.application.currentData() or (),
                              assignee_id=self.session.actor.id if self.mine else None,
                              text=self.text.text().strip(), registered_from=since)

    def apply_filters(self) -> None:
        self.model.set_filters(self.current_filters())
        self.view.resizeColumnsToContents()
        self.view.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.count.setText(self.tr("{0} shown (more load as you scroll)").format(self.model.rowCount()))

    def refresh(self) -> None:
        self.model.reload()

    def selected_case_ids(self) -> list[int]:
        return [self.model.row_at(index.row()).case_id for index in self.view.selectionModel().selectedRows()]

    def bulk(self, name: str) -> None:
        """Assign, regrade or close the selected incidents; show each one's result."""
        ids = self.selected_case_ids()
        if not ids:
            return
        pick = self.session.pick
        forms = {
            "assign": ActionInfo("assign", "담당자 지정", "Assign", (FieldInfo("assignee", "user", "담당자", "Assignee",
                                                                               True),)),
            "regrade": ActionInfo("regrade", "등급 변경", "Regrade", (
                FieldInfo("grade", "grade", "등급", "Grade", True),
                FieldInfo("grade_reason", "longtext", "변경 사유", "Reason", True))),
            "close": ActionInfo("close", "일괄 종결", "Close", tuple(
                FieldInfo(n, "longtext", ko, en, True) for n, ko, en in (
                    ("resolution", "조치 결과 요약", "Resolution"), ("cause", "장애 원인", "Cause"),
                    ("result", "처리 결과", "Result"), ("follow_up_plan", "향후 조치 계획", "Follow-up plan"),
                    ("recurrence_prevention", "재발 방지 대책", "Recurrence prevention")))),
        }
        values = TransitionDialog.ask(self.session, forms[name], self)
        if values is None:
            return
        actor = self.session.actor.id
        if name == "assign":
            results = case_service.bulk_assign(actor_id=actor, case_ids=ids, assignee_id=values["assignee"])
        elif name == "regrade":
            results = case_service.bulk_regrade(actor_id=actor, case_ids=ids, grade=values["grade"],
                                                reason=values.get("grade_reason", ""))
        else:
            results = case_service.bulk_close(actor_id=actor, case_ids=ids, **values)
        lines = [f"{r.number}: {pick('완료', 'done') if r.ok else r.message}" for r in results]
        QMessageBox.information(self, self.tr("Bulk action"), "\n".join(lines))
        self.refresh()


class CaseListPage(QWidget):
    """Problems, changes or work orders with a state filter and a search box."""

    sig_open_case = Signal(int)

    def __init__(self, session: ClientSession, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.kind = kind
        self.model = CaseTableModel(session, kind, self)
        self.view = QTableView(self)
        self.view.setObjectName(f"{kind}_table")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.view.doubleClicked.connect(lambda index: self.sig_open_case.emit(self.model.row_at(index.row()).case_id))
        self.state = QComboBox(self)
        self.state.addItem(self.tr("All states"), ())
        process = definition(kind)
        self.state.addItem(self.tr("Open"), tuple(process.open_states()))
        for name, state in process.states.items():
            self.state.addItem(session.pick(state.label["ko"], state.label["en"]), (name,))
        self.text = QLineEdit(self)
        self.text.setPlaceholderText(self.tr("Search titles"))
        self.text.returnPressed.connect(self.apply_filters)
        self.state.currentIndexChanged.connect(self.apply_filters)
        top = QHBoxLayout()
        top.addWidget(self.state)
        top.addWidget(self.text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        self.apply_filters()

    def apply_filters(self) -> None:
        self.model.set_filters(CaseFilter(states=self.state.currentData() or (), text=self.text.text().strip()))
        self.view.resizeColumnsToContents()
        self.view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

    def refresh(self) -> None:
        self.model.reload()


class InboxPage(QWidget):
    """In-app notices, newest first; double-click opens the case and marks the notice read."""

    sig_open_case = Signal(int)
    sig_unread = Signal(int)

    def __init__(self, session: ClientSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.list = QListWidget(self)
        self.list.setObjectName("inbox")
        self.list.itemDoubleClicked.connect(self._open)
        read_all = QPushButton(self.tr("Mark all read"), self)
        read_all.clicked.connect(self.mark_all_read)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(read_all)
        self.refresh()

    def refresh(self) -> None:
        from desktop.workflow.notices import KIND_LABELS

        self.list.clear()
        for item in inbox(user_id=self.session.actor.id):
            label = KIND_LABELS.get(item.kind, {"ko": item.kind, "en": item.kind})
            text = (f"{'' if item.read else '● '}{local_text(item.created_at, self.session.time_zone)}  "
                    f"{self.session.pick(label['ko'], label['en'])}  {item.number}  {item.title}")
            entry = QListWidgetItem(text, self.list)
            entry.setData(Qt.ItemDataRole.UserRole, (item.id, item.case_id))
            if not item.read:
                font = entry.font()
                font.setBold(True)
                entry.setFont(font)
        self.sig_unread.emit(unread_count(user_id=self.session.actor.id))

    def _open(self, entry: QListWidgetItem) -> None:
        notice_id, case_id = entry.data(Qt.ItemDataRole.UserRole)
        mark_read(user_id=self.session.actor.id, ids=[notice_id])
        self.refresh()
        if case_id:
            self.sig_open_case.emit(case_id)

    def mark_all_read(self) -> None:
        mark_read(user_id=self.session.actor.id)
        self.refresh()


class DashboardPage(QWidget):
    """This month's on-time rates by grade and the open incidents, as figures a manager reads."""

    def __init__(self, session: ClientSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.title = QLabel(self)
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("kpi_table")
        self.table.setHorizontalHeaderLabels([self.tr("Grade"), self.tr("Incidents"), self.tr("On-time response"),
                                              self.tr("On-time resolution"), self.tr("Median to resolve"),
                                              self.tr("Open at month end")])
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        from desktop.views.reports import ReportRunner

        self.reports = ReportRunner(session, self)
        report = QPushButton(self.tr("Last month's SLA report (PDF)"), self)
        report.setObjectName("monthly_report")
        report.clicked.connect(self.monthly_report)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addWidget(report)
        self.refresh()

    def monthly_report(self) -> None:
        """The monthly SLA report of the last full month."""
        first = _utcnow().replace(day=1)
        last_month = (first - timedelta(days=1)).strftime("%Y-%m")
        self.reports.monthly(last_month)

    def refresh(self) -> None:
        from desktop.workflow.durations import format_minutes

        now = _utcnow()
        start = now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
        end = (start + timedelta(days=32)).replace(day=1)
        heading = self.tr("SLA this month ({0})").format(f"{start:%Y-%m}")
        self.title.setText(f"<h2>{heading}</h2>")
        rows = incident_kpis(start=start, end=end, group_by="grade")
        self.table.setRowCount(0)

        def pct(value: float | None) -> str:
            return "-" if value is None else f"{value * 100:.1f}%"

        for row in rows:
            r = self.table.rowCount()
            self.table.insertRow(r)
            median = row.median_resolve_minutes
            values = [row.label, str(row.count), pct(row.response_rate), pct(row.resolution_rate),
                      "-" if median is None else format_minutes(int(median), self.session.language),
                      str(row.backlog)]
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
