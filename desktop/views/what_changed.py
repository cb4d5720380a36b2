"""The case window's "What changed?" tab: changes and work orders completed before the incident, each with
why it is listed, and the handler's suspected cause (marked or cleared through the prevention service)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import BeaconError
from desktop.views.cell_colors import CellColorsDelegate
from desktop.views.dialogs import show_error
from desktop.views.session import ClientSession
from desktop.views.table_models import local_text
from desktop.workflow.engine.process import state_label
from desktop.workflow.prevention.changes import (
    WhatChanged,
    mark_suspected_cause,
    may_mark_suspected,
    what_changed,
)

SUSPECTED = "#c62828"


class WhatChangedPanel(QWidget):
    """Lists what changed before the incident; Mark/Clear set its suspected cause. Emits `sig_changed` after."""

    sig_changed = Signal()
    sig_open_case = Signal(int)

    def __init__(self, session: ClientSession, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.case_id = case_id
        self.data: WhatChanged | None = None
        self.summary = QLabel(self)
        self.summary.setObjectName("what_changed_summary")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("what_changed_table")
        self.table.setHorizontalHeaderLabels([self.tr("Completed"), self.tr("Number"), self.tr("Kind"),
                                              self.tr("Title"), self.tr("State"), self.tr("Why it is listed")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("What changed before this incident"))
        self.table.setItemDelegate(CellColorsDelegate(self.table))  # the suspected cause in red under the theme
        self.table.itemDoubleClicked.connect(self._open)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.mark = QPushButton(self.tr("Mark as suspected cause"), self)
        self.mark.setObjectName("mark_suspected")
        self.mark.clicked.connect(self.mark_selected)
        self.clear = QPushButton(self.tr("Clear suspected cause"), self)
        self.clear.setObjectName("clear_suspected")
        self.clear.clicked.connect(lambda: self.set_suspected(None))
        self.note = QLabel(self.tr("Changes count when they were put in, work orders when they were finished. "
                                   "Double-click a row to open it."), self)
        self.note.setEnabled(False)
        self.note.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.mark)
        buttons.addWidget(self.clear)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.note)
        self.refresh()

    def refresh(self) -> None:
        """Read the list again (a few indexed queries: quick enough for the window's own refresh)."""
        actor = self.session.actor.id
        self.data = d = what_changed(actor_id=actor, case_id=self.case_id)
        self.allowed = may_mark_suspected(actor_id=actor, case_id=self.case_id)
        lang, zone = self.session.language, self.session.time_zone
        when = local_text(d.moment, zone)
        if not d.items:
            text = (self.tr("Nothing was completed on this application or its related CIs in the {0} days before "
                            "it was registered ({1}; no occurrence time given).") if d.from_registration else
                    self.tr("Nothing was completed on this application or its related CIs in the {0} days before "
                            "it occurred ({1}).")).format(d.days, when)
        else:
            text = (self.tr("{0} completed on this application or its related CIs in the {1} days before it was "
                            "registered ({2}; no occurrence time given), newest first.") if d.from_registration
                    else self.tr("{0} completed on this application or its related CIs in the {1} days before it "
                                 "occurred ({2}), newest first.")).format(len(d.items), d.days, when)
        if d.suspected is not None:
            text += " " + self.tr("Suspected cause: {0}.").format(d.suspected.number)
        self.summary.setText(text)
        kinds = {"change": self.tr("Change"), "work_order": self.tr("Work order")}
        self.table.setRowCount(0)
        for item in d.items:
            row = self.table.rowCount()
            self.table.insertRow(row)
            values = [local_text(item.completed_at, zone), item.number, kinds[item.kind], item.title,
                      state_label(item.kind, item.state, lang), item.reason(lang)]
            if item.suspected:
                values[5] = self.tr("Suspected cause") + " · " + values[5]
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setData(Qt.ItemDataRole.UserRole, item.case_id)
                if column == 5:
                    cell.setToolTip(item.reason(lang))
                if item.suspected:
                    font = QFont(cell.font())
                    font.setBold(True)
                    cell.setFont(font)
                    if column in (1, 5):
                        cell.setForeground(QColor(SUSPECTED))
                self.table.setItem(row, column, cell)
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for column in range(5):  # room for the theme's bold upper-case headers
            header.resizeSection(column, max(header.sectionSize(column), header.sectionSizeHint(column) + 24))
        self.table.setColumnWidth(3, min(self.table.columnWidth(3), 220))
        self.mark.setVisible(self.allowed and bool(d.items))
        self.clear.setVisible(self.allowed and d.suspected is not None)
        self._selection_changed()

    def _selected(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return int(self.table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole))

    def _selection_changed(self) -> None:
        chosen = self._selected()
        current = self.data.suspected.case_id if self.data and self.data.suspected else None
        self.mark.setEnabled(chosen is not None and chosen != current)

    def mark_selected(self) -> bool:
        """Mark the selected row as the incident's suspected cause."""
        chosen = self._selected()
        return chosen is not None and self.set_suspected(chosen)

    def set_suspected(self, cause_id: int | None) -> bool:
        try:
            mark_suspected_cause(actor_id=self.session.actor.id, incident_id=self.case_id, cause_id=cause_id)
        except BeaconError as exc:
            show_error(self, exc, self.session.language)
            return False
        self.refresh()
        self.sig_changed.emit()
        return True

    def _open(self, item: QTableWidgetItem) -> None:
        case_id = item.data(Qt.ItemDataRole.UserRole)
        if case_id is not None:
            self.sig_open_case.emit(int(case_id))
