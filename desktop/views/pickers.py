"""Pickers that choose a case to link to instead of typing its number: a problem for an incident (an open
problem or a known error, or a new one registered from the incident) and a parent (major) incident."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.views.dialog_kit import ScrollBody, fit_to_screen, name_inputs
from desktop.views.dialogs import dialog_buttons
from desktop.views.session import ClientSession
from desktop.workflow.cases.pickers import CaseChoice, parent_choices, problem_choices

CASE_ID = Qt.ItemDataRole.UserRole
CREATE_NEW = -1  # the "register a new problem" row


@dataclass(frozen=True)
class ProblemPick:
    """What the problem picker returns: an existing problem's id, or the title and description of a new one."""

    problem_id: int | None = None
    title: str = ""
    description: str = ""


class _CasePicker(QDialog):
    """A search box over a table of cases; Enter, a double-click or the OK button takes the selected row.

    Its own words are translated under "_CasePicker" explicitly: `self.tr` would look them up under the
    subclass's name.
    """

    def __init__(self, session: ClientSession, parent: QWidget | None, *, title: str, prompt: str,
                 headers: list[str], ok_text: str, ok_hint: str) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(title)
        body = QWidget(self)
        self.prompt = QLabel(prompt, body)
        self.prompt.setWordWrap(True)
        self.search = QLineEdit(body)
        self.search.setObjectName("picker_search")
        self.search.setClearButtonEnabled(True)
        self.table = QTableWidget(0, len(headers), body)
        self.table.setObjectName("picker_table")
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumSize(640, 220)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move within it
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemDoubleClicked.connect(lambda _item: self._take())
        self.form = QFormLayout()
        self.form.addRow(QCoreApplication.translate("_CasePicker", "&Search"), self.search)
        self.count = QLabel(body)
        self.count.setObjectName("picker_count")
        layout = QVBoxLayout(body)
        layout.addWidget(self.prompt)
        layout.addLayout(self.form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        self.body_layout = layout
        self.buttons = dialog_buttons(self, ok_text, ok_hint)
        self.buttons.accepted.disconnect(self.accept)
        self.buttons.accepted.connect(self._take)
        self.ok = self.buttons.button(self.buttons.StandardButton.Ok)
        outer = QVBoxLayout(self)
        outer.addWidget(ScrollBody(body, self), 1)
        outer.addWidget(self.buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _text: self._timer.start())

    def finish(self) -> None:
        """Called by a subclass once its widgets are in: names, first load, size."""
        name_inputs(self.form)
        self.table.setAccessibleName(self.windowTitle())
        self.reload()
        fit_to_screen(self, width=max(760, self.sizeHint().width()))

    def choices(self, text: str) -> list[CaseChoice]:
        raise NotImplementedError

    def row_values(self, choice: CaseChoice) -> list[str]:
        raise NotImplementedError

    def reload(self) -> None:
        """Search again with what is typed; the first match is selected, so Enter takes it."""
        found = self.choices(self.search.text())
        self.table.blockSignals(True)  # no selection news while rows are half built
        self.table.setRowCount(0)
        self.add_fixed_rows()
        fixed = self.table.rowCount()
        for choice in found:
            self._add_row(self.row_values(choice), choice.case_id, choice.grade_color)
        self._fit_columns()
        self.count.setText(QCoreApplication.translate("_CasePicker", "Matches: {0}").format(len(found)))
        self.table.blockSignals(False)
        if found and self.search.text().strip():
            self.table.selectRow(fixed)
        self._selection_changed()

    def _fit_columns(self) -> None:
        """Contents wide, but none wider than 260 px but the title, which takes the rest; headers whole (the
        theme shows them in capitals)."""
        self.table.resizeColumnsToContents()
        metrics = self.table.horizontalHeader().fontMetrics()
        for column in range(self.table.columnCount()):
            header = self.table.horizontalHeaderItem(column)
            wanted = int(metrics.horizontalAdvance(header.text().upper()) * 1.3) + 28 if header else 0
            self.table.setColumnWidth(column, max(min(self.table.columnWidth(column), 260), wanted))
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

    def add_fixed_rows(self) -> None:
        """Rows that are always offered before the matches (none here)."""

    def _add_row(self, values: list[str], case_id: int, color: str = "", *, bold: bool = False) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setData(CASE_ID, case_id)
            item.setToolTip(value)
            if bold:
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
            self.table.setItem(row, column, item)
        if color:
            badge = self.table.item(row, 2)
            badge.setBackground(QColor(color))
            badge.setForeground(QColor("white"))

    def chosen(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        item = self.table.item(rows[0].row(), 0) if rows else None
        value = item.data(CASE_ID) if item is not None else None
        return int(value) if value is not None else None

    def _selection_changed(self) -> None:
        self.ok.setEnabled(self.chosen() is not None)

    def _take(self) -> None:
        if self.chosen() is not None:
            self.accept()


class ProblemPickerDialog(_CasePicker):
    """문제 연결: an open problem or a known error (searched by number, title, root cause), or a new problem."""

    def __init__(self, session: ClientSession, incident_title: str = "", parent: QWidget | None = None, *,
                 description: str = "") -> None:
        super().__init__(session, parent, title=self.tr("Link a problem"),
                         prompt=self.tr("Pick the problem this incident belongs to — open problems and known "
                                        "errors are listed — or register a new one."),
                         headers=[self.tr("Number"), self.tr("Title"), self.tr("State"), self.tr("Known error"),
                                  self.tr("Root cause")],
                         ok_text=self.tr("&Link"), ok_hint="Link")
        self.search.setPlaceholderText(self.tr("Number, title or root cause"))
        self.new_box = QGroupBox(self.tr("New problem"), self)
        self.new_box.setObjectName("new_problem")
        self.new_title = QLineEdit(incident_title, self.new_box)
        self.new_title.setObjectName("new_problem_title")
        self.new_description = QPlainTextEdit(description, self.new_box)
        self.new_description.setObjectName("new_problem_description")
        self.new_description.setFixedHeight(70)
        new_form = QFormLayout(self.new_box)
        new_form.addRow(self.tr("T&itle *"), self.new_title)
        new_form.addRow(self.tr("D&escription *"), self.new_description)
        name_inputs(new_form)
        self.body_layout.addWidget(self.new_box)
        self.new_title.textChanged.connect(lambda _t: self._selection_changed())
        self.new_description.textChanged.connect(self._selection_changed)
        self.finish()

    def choices(self, text: str) -> list[CaseChoice]:
        return problem_choices(actor_id=self.session.actor.id, text=text)

    def add_fixed_rows(self) -> None:
        self._add_row([self.tr("＋ New"), self.tr("Register a new problem from this incident"), "", "", ""],
                      CREATE_NEW, bold=True)

    def row_values(self, choice: CaseChoice) -> list[str]:
        return [choice.number, choice.title, self.session.pick(choice.state_label["ko"], choice.state_label["en"]),
                self.tr("Known error") if choice.known_error else "", choice.root_cause]

    def _selection_changed(self) -> None:
        creating = self.chosen() == CREATE_NEW
        if hasattr(self, "new_box"):
            self.new_box.setVisible(creating)
            self.ok.setText(self.tr("&Register and link") if creating else self.tr("&Link"))
            complete = bool(self.new_title.text().strip() and self.new_description.toPlainText().strip())
            self.ok.setEnabled(self.chosen() is not None and (not creating or complete))  # both are required
        else:
            super()._selection_changed()

    def pick(self) -> ProblemPick | None:
        chosen = self.chosen()
        if chosen is None:
            return None
        if chosen == CREATE_NEW:
            return ProblemPick(None, self.new_title.text().strip(), self.new_description.toPlainText().strip())
        return ProblemPick(chosen)

    @classmethod
    def ask(cls, session: ClientSession, incident_title: str = "", parent: QWidget | None = None, *,
            description: str = "") -> ProblemPick | None:
        dialog = cls(session, incident_title, parent, description=description)
        return dialog.pick() if dialog.exec() == QDialog.DialogCode.Accepted else None


class ParentPickerDialog(_CasePicker):
    """상위 장애 지정: an open incident that is not itself a child, the most severe first."""

    def __init__(self, session: ClientSession, case_id: int, parent: QWidget | None = None) -> None:
        self.case_id = case_id
        super().__init__(session, parent, title=self.tr("Set the parent incident"),
                         prompt=self.tr("Pick the major incident this one is part of. Resolving the parent "
                                        "resolves its children."),
                         headers=[self.tr("Number"), self.tr("Title"), self.tr("Grade"), self.tr("State")],
                         ok_text=self.tr("Set as &parent"), ok_hint="Parent")
        self.search.setPlaceholderText(self.tr("Number or title"))
        self.finish()

    def choices(self, text: str) -> list[CaseChoice]:
        return parent_choices(actor_id=self.session.actor.id, case_id=self.case_id, text=text)

    def row_values(self, choice: CaseChoice) -> list[str]:
        return [choice.number, choice.title, self.session.pick(choice.grade, choice.grade_en),
                self.session.pick(choice.state_label["ko"], choice.state_label["en"])]

    @classmethod
    def ask(cls, session: ClientSession, case_id: int, parent: QWidget | None = None) -> int | None:
        dialog = cls(session, case_id, parent)
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
