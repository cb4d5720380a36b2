"""Propagation groups (전파 그룹): per application, who is told about its incidents and by which rule.

Members come from the owner matrix; an administrator adds or removes people by hand (each
change is saved at once, with an event). The preview lists who a sample incident would reach,
for a chosen kind of notice, and on which channels.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import BeaconError
from desktop.i18n import pick
from desktop.views import dialogs
from desktop.views.admin.matrix import UserPicker
from desktop.views.cell_colors import CellColorsDelegate
from desktop.views.dialog_kit import fit_to_screen, name_inputs
from desktop.views.session import ClientSession
from desktop.workflow.admin import matrix as admin_matrix
from desktop.workflow.admin import propagation as admin_propagation
from desktop.workflow.admin.propagation import RULE_LABELS
from desktop.workflow.notify.notices import KIND_LABELS

DATA = Qt.ItemDataRole.UserRole
SEARCH = Qt.ItemDataRole.UserRole + 1
SAMPLE_KINDS = ("registered", "accepted", "regraded", "closed")


class AddMemberDialog(QDialog):
    """Pick a person (search by name or team) and say why they should be told."""

    def __init__(self, session: ClientSession, application: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add to the propagation group of {0}").format(application))
        self.picker = UserPicker(session, admin_matrix.pickable_users(), self)
        self.picker.sig_picked.connect(lambda _user: self.accept())
        self.reason = QLineEdit(self)
        self.reason.setObjectName("member_reason")
        self.reason.setPlaceholderText(self.tr("e.g. branch liaison for this system"))
        form = QFormLayout()
        form.addRow(self.tr("Why"), self.reason)
        name_inputs(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Add"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.picker)
        layout.addLayout(form)
        layout.addWidget(buttons)
        fit_to_screen(self, width=420, height=480)

    @classmethod
    def ask(cls, session: ClientSession, application: str, parent: QWidget | None = None
            ) -> tuple[int, str] | None:
        dialog = cls(session, application, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.picker.chosen() is None:
            return None
        return int(dialog.picker.chosen()), dialog.reason.text().strip()


class ReasonDialog(QDialog):
    """Why someone is taken out of a group (kept with the change)."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Remove {0} from the group").format(name))
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("e.g. on leave until March"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Remove"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QFormLayout(self)
        layout.addRow(self.tr("Why"), self.reason)
        layout.addRow(buttons)
        name_inputs(layout)
        fit_to_screen(self)

    @classmethod
    def ask(cls, name: str, parent: QWidget | None = None) -> str | None:
        dialog = cls(name, parent)
        return dialog.reason.text().strip() if dialog.exec() == QDialog.DialogCode.Accepted else None


class PropagationEditor(QWidget):
    """Applications on the left; the chosen one's group, hand changes and a notice preview on the right."""

    def __init__(self, session: ClientSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.members: list[admin_propagation.GroupMember] = []
        self.search = QLineEdit(self)
        self.search.setObjectName("prop_search")
        self.search.setPlaceholderText(self.tr("Search applications"))
        self.search.setClearButtonEnabled(True)
        self.apps = QListWidget(self)
        self.apps.setObjectName("prop_apps")
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.apps)

        self.heading = QLabel(self)
        self.heading.setObjectName("prop_heading")
        self.heading.setWordWrap(True)
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("prop_members")
        self.table.setItemDelegate(CellColorsDelegate(self.table))  # left-out members in grey, struck out
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Team"), self.tr("Rule"), self.tr("Note")])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for key, text, slot in (("add", self.tr("Add person…"), self.add_member),
                                ("remove", self.tr("Remove from group…"), self.remove_member),
                                ("restore", self.tr("Put back"), self.restore_member)):
            button = QPushButton(text, self)
            button.setObjectName(f"prop_{key}")
            button.clicked.connect(slot)
            self.buttons[key] = button
            row.addWidget(button)
        row.addStretch(1)
        members_box = QGroupBox(self.tr("Members"), self)
        members_layout = QVBoxLayout(members_box)
        members_layout.addWidget(self.heading)
        members_layout.addWidget(self.table)
        members_layout.addLayout(row)

        self.kind = QComboBox(self)
        self.kind.setObjectName("prop_kind")
        for kind in SAMPLE_KINDS:
            self.kind.addItem(pick(KIND_LABELS[kind], session.language), kind)
        self.preview = QTableWidget(0, 3, self)
        self.preview.setObjectName("prop_preview")
        self.preview.setHorizontalHeaderLabels([self.tr("Who"), self.tr("Why"), self.tr("Channels")])
        self.preview.verticalHeader().setVisible(False)
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        preview_box = QGroupBox(self.tr("Preview: who a sample incident would reach"), self)
        preview_layout = QVBoxLayout(preview_box)
        kind_row = QHBoxLayout()
        kind_row.addWidget(QLabel(self.tr("Notice"), self))
        kind_row.addWidget(self.kind, 1)
        preview_layout.addLayout(kind_row)
        preview_layout.addWidget(self.preview)
        self.status = QLabel(self)
        self.status.setObjectName("prop_status")
        self.status.setWordWrap(True)

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(members_box, 3)
        right_layout.addWidget(preview_box, 2)
        right_layout.addWidget(self.status)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        QVBoxLayout(self).addWidget(splitter)

        self.search.textChanged.connect(self._filter)
        self.apps.currentItemChanged.connect(lambda *_: self.show_group())
        self.table.itemSelectionChanged.connect(self._enable)
        self.kind.currentIndexChanged.connect(lambda *_: self._show_preview())
        self.refresh()

    def title(self) -> str:
        return self.tr("Propagation groups")

    def refresh(self) -> None:
        current = self.application_id()
        self.apps.blockSignals(True)
        self.apps.clear()
        for choice in admin_propagation.group_applications():
            item = QListWidgetItem(choice.label(self.session.language))
            item.setData(DATA, choice.value)
            item.setData(SEARCH, f"{choice.name} {choice.name_en}".casefold())
            self.apps.addItem(item)
            if choice.value == current:
                self.apps.setCurrentItem(item)
        self.apps.blockSignals(False)
        if self.apps.currentItem() is None and self.apps.count():
            self.apps.setCurrentRow(0)
        self._filter(self.search.text())
        self.show_group()

    def select_application(self, application_id: int) -> None:
        for r in range(self.apps.count()):
            if self.apps.item(r).data(DATA) == application_id:
                self.apps.setCurrentRow(r)
                return

    def application_id(self) -> int | None:
        item = self.apps.currentItem()
        return None if item is None else int(item.data(DATA))

    def _filter(self, text: str) -> None:
        for r in range(self.apps.count()):
            item = self.apps.item(r)
            item.setHidden(bool(text) and text.strip().casefold() not in item.data(SEARCH))

    def show_group(self) -> None:
        app_id = self.application_id()
        self.members = admin_propagation.group_members(app_id) if app_id is not None else []
        name = self.apps.currentItem().text() if app_id is not None else ""
        told = sum(m.told for m in self.members)
        heading = (self.tr("{0}: 1 person is told; grey rows were taken out by hand.") if told == 1 else
                   self.tr("{0}: {1} people are told; grey rows were taken out by hand."))
        self.heading.setText(heading.format(name, told))
        self.table.setRowCount(len(self.members))
        for r, m in enumerate(self.members):
            cells = (self.session.pick(m.name, m.name_en), self.session.pick(m.team, m.team_en),
                     m.rule_label(self.session.language), m.note)
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(DATA, m.user_id)
                if not m.told:
                    font = QFont(item.font())
                    font.setStrikeOut(True)
                    item.setFont(font)
                    item.setForeground(Qt.GlobalColor.gray)
                self.table.setItem(r, c, item)
        self.table.setColumnWidth(0, 160)
        self.table.setColumnWidth(1, 180)
        self.table.setColumnWidth(3, 220)
        self._enable()
        self._show_preview()

    def selected(self) -> admin_propagation.GroupMember | None:
        rows = {i.row() for i in self.table.selectedIndexes()}
        return self.members[rows.pop()] if len(rows) == 1 else None

    def select_member(self, user_id: int) -> None:
        for r, m in enumerate(self.members):
            if m.user_id == user_id:
                self.table.selectRow(r)
                return

    def _enable(self) -> None:
        member = self.selected()
        self.buttons["add"].setEnabled(self.application_id() is not None)
        self.buttons["remove"].setEnabled(member is not None and member.told)
        self.buttons["restore"].setEnabled(member is not None and not member.told)

    def _run(self, change, done: str) -> None:
        try:
            change()
        except BeaconError as exc:
            dialogs.show_error(self, exc, self.session.language)
            return
        self.show_group()
        self.status.setText(done)

    def add_member(self) -> None:
        app_id = self.application_id()
        if app_id is None:
            return
        answer = AddMemberDialog.ask(self.session, self.apps.currentItem().text(), self)
        if answer is None:
            return
        user_id, reason = answer
        self._run(lambda: admin_propagation.add_member(actor_id=self.session.actor.id, application_id=app_id,
                                                       user_id=user_id, reason=reason),
                  self.tr("Added; saved."))

    def remove_member(self) -> None:
        member, app_id = self.selected(), self.application_id()
        if member is None or app_id is None or not member.told:
            return
        reason = ReasonDialog.ask(self.session.pick(member.name, member.name_en), self)
        if reason is None:
            return
        self._run(lambda: admin_propagation.remove_member(actor_id=self.session.actor.id, application_id=app_id,
                                                          user_id=member.user_id, reason=reason),
                  self.tr("Removed; saved."))

    def restore_member(self) -> None:
        member, app_id = self.selected(), self.application_id()
        if member is None or app_id is None or member.told:
            return
        self._run(lambda: admin_propagation.add_member(actor_id=self.session.actor.id, application_id=app_id,
                                                       user_id=member.user_id),
                  self.tr("Put back; saved."))

    def _show_preview(self) -> None:
        app_id = self.application_id()
        recipients = admin_propagation.notice_preview(app_id, self.kind.currentData(), self.session.language) \
            if app_id is not None else []
        channel_names = {"inapp": self.tr("In-app"), "email": self.tr("E-mail"), "webhook": self.tr("Webhook")}
        self.preview.setRowCount(len(recipients))
        for r, rec in enumerate(recipients):
            why = pick(RULE_LABELS.get(rec.rule, {"ko": rec.rule, "en": rec.rule}), self.session.language)
            for c, text in enumerate((rec.name, why, ", ".join(channel_names.get(ch, ch) for ch in rec.channels))):
                self.preview.setItem(r, c, QTableWidgetItem(text))
        self.preview.setColumnWidth(0, 200)
        self.preview.setColumnWidth(2, 220)
