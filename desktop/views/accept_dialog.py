"""접수 (accept): who will be told, and why, with people added or removed for this incident only.

The words for notice reasons, kinds, channels and delivery states are the reports' catalogs
(`desktop.reports.labels`), so the case window and the printed report say the same thing;
`notice_texts` is what the case window's propagation tab reads too.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import pick
from desktop.reports.labels import CHANNELS, NOTICE_KINDS, NOTICE_REASONS, NOTICE_STATUS, from_catalog
from desktop.views.dialog_kit import fit_to_screen
from desktop.views.dialogs import FieldForm, dialog_buttons
from desktop.views.session import ClientSession
from desktop.workflow.cases.detail import ActionInfo
from desktop.workflow.common import session as session_service
from desktop.workflow.notify.propagation import Recipient, role_labels, told_of


class NoticeTexts:
    """Internal notice codes (reasons, kinds, channels, delivery states) as a person reads them."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.roles = role_labels()

    def reason(self, code: str) -> str:
        if code in self.roles:  # a matrix role, named as the organisation named it
            return pick(self.roles[code], self.language)
        return from_catalog(NOTICE_REASONS, code, self.language) if code else ""

    def kind(self, code: str) -> str:
        return from_catalog(NOTICE_KINDS, code, self.language)

    def channel(self, code: str) -> str:
        return from_catalog(CHANNELS, code, self.language)

    def channels(self, codes: tuple[str, ...]) -> str:
        return ", ".join(self.channel(code) for code in codes)

    def status(self, code: str) -> str:
        return from_catalog(NOTICE_STATUS, code, self.language)


def notice_texts(language: str) -> NoticeTexts:
    """The notice words in `language` (role names read once)."""
    return NoticeTexts(language)


class AcceptDialog(QDialog):
    """The accept step's fields (note, "assign to me"), the current assignee (kept unless taken over), and
    who will be told of the acceptance, where people can be added or taken out for this incident only."""

    def __init__(self, session: ClientSession, action: ActionInfo, case_id: int, assignee: str,
                 parent: QWidget | None = None, initial: dict[str, Any] | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.case_id = case_id
        self.texts = notice_texts(session.language)
        initial = dict(initial or {})
        self.pending: dict[int, str] = {u: "add" for u in initial.pop("add_people", ())}
        self.pending.update({u: "remove" for u in initial.pop("remove_people", ())})
        self.setWindowTitle(session.pick(action.ko, action.en))
        self.form = FieldForm(session, action.fields, self, initial)
        note = self.form.inputs.get("note")
        if note is not None:  # a line or two; the room goes to the people below
            note.setMaximumHeight(80)
        take = self.form.inputs.get("assign_to_me")
        self.assignee = QLabel(self)
        self.assignee.setObjectName("assignee_note")
        self.assignee.setWordWrap(True)
        if assignee:
            self.assignee.setText(self.tr("Assignee: {name}. The case stays theirs unless you tick "
                                          "'Assign to me'.").format(name=assignee) if take is not None
                                  else self.tr("Assignee: {name}.").format(name=assignee))
        else:
            self.assignee.setText(self.tr("Nobody is assigned: the case becomes yours."))
        box = QGroupBox(self.tr("Who will be told (this incident only)"), self)
        self.table = QTableWidget(0, 3, box)
        self.table.setObjectName("recipients")
        self.table.setHorizontalHeaderLabels([self.tr("Person"), self.tr("Why"), self.tr("Channel")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setAccessibleName(self.tr("Who will be told"))
        self.table.setMinimumHeight(210)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.person = QComboBox(box)
        self.person.setObjectName("add_person")
        self.person.setAccessibleName(self.tr("Person to add"))
        for choice in session_service.users():
            self.person.addItem(choice.label(session.language), choice.value)
        self.add_button = QPushButton(self.tr("Add"), box)
        self.add_button.setObjectName("add_recipient")
        self.add_button.clicked.connect(self.add_person)
        self.remove_button = QPushButton(self.tr("Remove"), box)
        self.remove_button.setObjectName("remove_recipient")
        self.remove_button.clicked.connect(self.remove_selected)
        self.remove_button.setEnabled(False)
        self.changes = QLabel(box)
        self.changes.setObjectName("changes")
        self.changes.setWordWrap(True)
        self.changes.setEnabled(False)
        controls = QHBoxLayout()
        controls.addWidget(self.person, 1)
        controls.addWidget(self.add_button)
        controls.addWidget(self.remove_button)
        inner = QVBoxLayout(box)
        inner.addWidget(self.table, 1)
        inner.addLayout(controls)
        inner.addWidget(self.changes)
        # the house's buttons: the step's name as the default button, Ctrl+Enter confirms from the note
        buttons = dialog_buttons(self, session.pick(action.ko, action.en), action.en)
        layout = QVBoxLayout(self)
        layout.addWidget(self.assignee)
        layout.addWidget(self.form)
        layout.addWidget(box, 1)
        layout.addWidget(buttons)
        self.recipients: list[Recipient] = []
        self.reload()
        fit_to_screen(self, width=640)  # inside a 1366×768 screen

    def reload(self) -> None:
        """Read who would be told with the changes made here so far."""
        self.recipients = told_of(self.case_id, "accepted", actor_id=self.session.actor.id, pending=self.pending)
        self.table.setRowCount(len(self.recipients))
        for row, r in enumerate(self.recipients):
            why = self.texts.reason(r.reason)
            if self.pending.get(r.user_id) == "add":
                why = self.tr("{reason} — for this incident").format(reason=why)
            for column, text in enumerate((self.session.pick(r.name, r.name_en), why, self.texts.channels(r.channels))):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, r.user_id)
                self.table.setItem(row, column, item)
        removed = [u for u, mode in self.pending.items() if mode == "remove"]
        names = {self.person.itemData(i): self.person.itemText(i) for i in range(self.person.count())}
        self.changes.setText(self.tr("Not told this time: {names}").format(
            names=", ".join(names.get(u, str(u)) for u in removed)) if removed else "")
        self.changes.setVisible(bool(removed))
        self._selection_changed()

    def _selection_changed(self) -> None:
        recipient = self.selected()
        # the reporter hears of the acceptance as the reporter, not as a member of the group
        self.remove_button.setEnabled(recipient is not None and recipient.reason != "reporter")

    def selected(self) -> Recipient | None:
        rows = self.table.selectionModel().selectedRows()
        return self.recipients[rows[0].row()] if rows else None

    def add_person(self) -> None:
        """Tell the person chosen in the list about this incident (or take back their removal)."""
        user_id = self.person.currentData()
        if user_id is None or user_id == self.session.actor.id:
            return
        if self.pending.get(user_id) == "remove":
            del self.pending[user_id]
        elif all(r.user_id != user_id for r in self.recipients):
            self.pending[user_id] = "add"
        self.reload()

    def remove_selected(self) -> None:
        """Leave the selected person out of this incident's notices (the application's group is unchanged)."""
        recipient = self.selected()
        if recipient is None or recipient.reason == "reporter":
            return
        if self.pending.get(recipient.user_id) == "add":
            del self.pending[recipient.user_id]
        else:
            self.pending[recipient.user_id] = "remove"
        self.reload()

    def values(self) -> dict[str, Any]:
        """The step's fields plus `add_people` and `remove_people` (user ids)."""
        out = self.form.values()
        out["add_people"] = tuple(u for u, mode in self.pending.items() if mode == "add")
        out["remove_people"] = tuple(u for u, mode in self.pending.items() if mode == "remove")
        return out

    @classmethod
    def ask(cls, session: ClientSession, action: ActionInfo, case_id: int, assignee: str,
            parent: QWidget | None = None, initial: dict[str, Any] | None = None) -> dict[str, Any] | None:
        dialog = cls(session, action, case_id, assignee, parent, initial)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None
