"""The bulk dialog: assign, regrade or close many incidents at once, saying how many and which.

Titled with the count; every selected case is listed with its state and whether it can take the step
(a cancelled incident cannot be closed), and only those that can are changed; the outcome of each shows
in the same list afterwards.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import BeaconError
from desktop.views.cell_colors import CellColorsDelegate
from desktop.views.dialog_kit import ScrollBody, fit_to_screen
from desktop.views.dialogs import FieldForm, dialog_buttons
from desktop.views.session import ClientSession
from desktop.workflow.cases.case_service import BulkCheck, BulkResult
from desktop.workflow.cases.detail import ActionInfo
from desktop.workflow.cases.queries import outside_team

BAD = "#c62828"
GOOD = "#2e7d32"


class BulkDialog(QDialog):
    """One bulk step over the selected incidents; `run(values, case_ids)` does it for those that can."""

    def __init__(self, session: ClientSession, action: ActionInfo, checks: list[BulkCheck],
                 run: Callable[[dict[str, Any], list[int]], list[BulkResult]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.action = action
        self.checks = checks
        self.run = run
        self.results: list[BulkResult] = []
        name = session.pick(action.ko, action.en)
        able = [c for c in checks if c.ok]
        count = len(checks)
        self.setWindowTitle(self.tr("{0} — 1 incident").format(name) if count == 1 else
                            self.tr("{0} — {1} incidents").format(name, count))
        body = QWidget(self)
        self.summary = QLabel(body)
        self.summary.setObjectName("bulk_summary")
        self.summary.setWordWrap(True)
        blocked = count - len(able)
        text = self.tr("{0} of {1} selected can take this step.").format(len(able), count)
        if blocked:
            text += " " + self.tr("{0} cannot (marked ✕) and will be left as they are.").format(blocked)
        self.summary.setText(text)
        self.table = QTableWidget(count, 4, body)
        self.table.setObjectName("bulk_cases")
        self.table.setAccessibleName(self.tr("Selected incidents"))
        self.table.setHorizontalHeaderLabels([self.tr("Number"), self.tr("Title"), self.tr("State"),
                                              self.tr("Can it?")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setTabKeyNavigation(False)
        self.table.setItemDelegate(CellColorsDelegate(self.table))  # "✕" on red: the theme would hide it
        for row, check in enumerate(checks):
            verdict = self.tr("✓ yes") if check.ok else "✕ " + (
                check.reason.message(session.language) if check.reason else "")
            for column, value in enumerate((check.number, check.title, session.pick(check.state["ko"],
                                                                                      check.state["en"]), verdict)):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                if not check.ok:  # flagged by colour and by the ✕, which a screen reader says too
                    item.setForeground(QColor("white"))
                    item.setBackground(QColor(BAD))
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(1, min(self.table.columnWidth(1), 240))
        self.table.horizontalHeader().setStretchLastSection(True)
        rows_shown = min(max(count, 2), 8)  # up to eight rows before the list scrolls
        self.table.setMinimumHeight(self.table.horizontalHeader().sizeHint().height()
                                    + rows_shown * self.table.verticalHeader().defaultSectionSize() + 4)
        self.table.setMinimumWidth(720)
        self.form = FieldForm(session, action.fields, body)
        # bulk assign: say which incidents the chosen person would take from outside their application's team
        self.outside = QLabel(body)
        self.outside.setObjectName("outside_team")
        self.outside.setWordWrap(True)
        self.outside.setStyleSheet("color: #ef6c00;")
        self.outside.hide()
        person = self.form.inputs.get("assignee")
        if action.name == "assign" and isinstance(person, QComboBox):
            person.currentIndexChanged.connect(lambda _i: self._check_team(person))
        layout = QVBoxLayout(body)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addWidget(self.form)
        layout.addWidget(self.outside)
        self.error = QLabel("", self)
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {BAD};")
        self.error.hide()
        self.buttons = dialog_buttons(self, self.tr("{0} ({1})").format(name, len(able)), action.en)
        self.buttons.accepted.disconnect(self.accept)
        self.buttons.accepted.connect(self.go)
        self.ok = self.buttons.button(self.buttons.StandardButton.Ok)
        self.ok.setEnabled(bool(able))
        outer = QVBoxLayout(self)
        outer.addWidget(ScrollBody(body, self), 1)
        outer.addWidget(self.error)
        outer.addWidget(self.buttons)
        fit_to_screen(self, width=max(780, self.sizeHint().width()))

    def _check_team(self, person: QComboBox) -> None:
        user_id = person.currentData()
        able = [c.case_id for c in self.checks if c.ok]
        outside = outside_team(case_ids=able, user_id=user_id) if user_id is not None else []
        if outside:
            listed = ", ".join(f"{o.number} ({self.session.pick(o.application, o.application_en)})"
                               for o in outside[:8]) + (" …" if len(outside) > 8 else "")
            self.outside.setText(self.tr("{0} is not in the team of these incidents' applications: {1}. "
                                         "Assign anyway?").format(person.currentText(), listed))
        self.outside.setVisible(bool(outside))

    def go(self) -> None:
        """Check the form, run the step on the cases that can take it, show each one's outcome here."""
        values = self.form.values()
        missing = [{"ko": f.ko, "en": f.en} for f in self.action.fields if f.required and values.get(f.name) in
                   (None, "")]
        if missing:
            self.error.setText(BeaconError("workflow.required", action={"ko": self.action.ko, "en": self.action.en},
                                           fields=missing).message(self.session.language))
            self.error.show()
            return
        self.error.hide()
        self.results = self.run(values, [c.case_id for c in self.checks if c.ok])
        done = {r.case_id: r for r in self.results}
        self.table.horizontalHeaderItem(3).setText(self.tr("Result"))
        for row, check in enumerate(self.checks):
            result = done.get(check.case_id)
            if result is None:
                text, color = self.tr("✕ left as it was"), BAD
            elif result.ok:
                text, color = self.tr("✓ done"), GOOD
            else:
                text, color = "✕ " + result.message, BAD
            item = self.table.item(row, 3)
            item.setText(text)
            item.setToolTip(text)
            item.setForeground(QColor("white"))
            item.setBackground(QColor(color))
        ok = sum(1 for r in self.results if r.ok)
        self.summary.setText(self.tr("Done: {0} changed, {1} not.").format(ok, len(self.checks) - ok))
        self.form.hide()
        self.ok.hide()
        cancel = self.buttons.button(self.buttons.StandardButton.Cancel)
        cancel.setText(self.tr("&Close"))
        cancel.setDefault(True)
        cancel.setFocus()

    @classmethod
    def ask(cls, session: ClientSession, action: ActionInfo, checks: list[BulkCheck],
            run: Callable[[dict[str, Any], list[int]], list[BulkResult]],
            parent: QWidget | None = None) -> list[BulkResult]:
        """The results of the cases changed (empty when cancelled)."""
        dialog = cls(session, action, checks, run, parent)
        dialog.exec()
        return dialog.results
