"""Dialogs: sign-in, errors, version conflicts, transition forms, incident registration.

Each offers a `@classmethod ask(...)` so tests can drive or replace it.
"""

from __future__ import annotations

from datetime import UTC, datetime
from itertools import pairwise
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDateTime
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import BeaconError, StaleRecordError
from desktop.views.dialog_kit import ScrollBody, fit_to_screen, name_inputs, with_mnemonic
from desktop.views.session import ClientSession
from desktop.workflow.cases import case_service
from desktop.workflow.cases.detail import ActionInfo, FieldInfo
from desktop.workflow.common import session as session_service
from desktop.workflow.common.actors import Actor
from desktop.workflow.prevention import similar as similar_service
from desktop.workflow.prevention.similar import Choice


def show_error(parent: QWidget | None, error: BeaconError, language: str) -> None:
    """A refusal or failure, in the user's language; nothing was saved."""
    QMessageBox.warning(parent, parent.tr("Beacon ITSM") if parent else "Beacon ITSM", error.message(language))


def dialog_buttons(dialog: QDialog, ok_text: str, hint: str = "") -> QDialogButtonBox:
    """OK (named `ok_text`, the default button, with a mnemonic) and Cancel; Ctrl+Enter confirms too, so a
    dialog whose focus is in a long-text field is confirmed from the keyboard."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(with_mnemonic(ok_text, {"c"}, hint or ok_text))  # C is Cancel's
    ok.setObjectName("ok")
    ok.setDefault(True)
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    cancel.setText(QCoreApplication.translate("dialog_buttons", "&Cancel"))
    cancel.setObjectName("cancel")
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    for keys in ("Ctrl+Return", "Ctrl+Enter"):
        QShortcut(QKeySequence(keys), dialog, activated=buttons.accepted.emit)
    return buttons


class LoginDialog(QDialog):
    """User name and password; the error stays in the dialog so the user can try again."""

    def __init__(self, parent: QWidget | None = None, *, language: str = "ko") -> None:
        super().__init__(parent)
        self.language = language
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Sign in to Beacon ITSM"))
        self.setMinimumWidth(380)  # the title and the demo hint read on a line or two, not in a column
        self.login = QLineEdit(self)
        self.login.setObjectName("login")
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel("", self)
        self.error.setObjectName("error")
        self.error.setStyleSheet("color: #c62828;")
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.login)
        form.addRow(self.tr("Password"), self.password)
        name_inputs(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        buttons.accepted.connect(self.try_sign_in)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if session_service.is_demo_database():  # a newcomer trying Beacon needs the accounts, not a manual
            self.hint = QLabel(self.tr("This is a demo database. Sign in as <b>admin</b> (administrator) or "
                                       "<b>choi.jihoon</b> (handler); every demo password is <b>beacon</b>."), self)
            self.hint.setObjectName("demo_hint")
            self.hint.setWordWrap(True)
            layout.addWidget(self.hint)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def try_sign_in(self) -> None:
        try:
            self.actor = session_service.authenticate(self.login.text(), self.password.text())
        except BeaconError as exc:
            self.error.setText(exc.message(self.language))
            self.password.selectAll()
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None = None, *, language: str = "ko") -> Actor | None:
        dialog = cls(parent, language=language)
        return dialog.actor if dialog.exec() == QDialog.DialogCode.Accepted else None


class ChangePasswordDialog(QDialog):
    """A person sets their own password: the current one, the new one twice; forced after a temporary one."""

    def __init__(self, actor: Actor, parent: QWidget | None = None, *, language: str = "ko",
                 forced: bool = False) -> None:
        super().__init__(parent)
        self.actor = actor
        self.language = language
        self.changed = False
        self.setWindowTitle(self.tr("Change my password"))
        self.current = QLineEdit(self)
        self.new = QLineEdit(self)
        self.again = QLineEdit(self)
        for name, box, label in (("current", self.current, self.tr("Current password")),
                                 ("new", self.new, self.tr("New password")),
                                 ("again", self.again, self.tr("New password again"))):
            box.setObjectName(name)
            box.setEchoMode(QLineEdit.EchoMode.Password)
            box.setAccessibleName(label)
        self.error = QLabel(BeaconError("auth.must_change").message(language) if forced else "", self)
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Current password"), self.current)
        form.addRow(self.tr("New password"), self.new)
        form.addRow(self.tr("New password again"), self.again)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Change"))
        buttons.accepted.connect(self.try_change)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def try_change(self) -> None:
        if self.new.text() != self.again.text():
            self.error.setText(self.tr("The two new passwords differ."))
            return
        try:
            session_service.change_own_password(actor=self.actor, current=self.current.text(), new=self.new.text())
        except BeaconError as exc:
            self.error.setText(exc.message(self.language))
            return
        self.changed = True
        self.accept()

    @classmethod
    def ask(cls, actor: Actor, parent: QWidget | None = None, *, language: str = "ko", forced: bool = False) -> bool:
        """True when the password was changed."""
        dialog = cls(actor, parent, language=language, forced=forced)
        return dialog.exec() == QDialog.DialogCode.Accepted and dialog.changed


class ConflictDialog(QMessageBox):
    """Someone saved the case first: say who and when; reload without losing what was typed."""

    def __init__(self, parent: QWidget | None, error: StaleRecordError, language: str) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Changed by someone else"))
        self.setText(error.message(language))
        self.reload_button = self.addButton(self.tr("Reload the case"), QMessageBox.ButtonRole.AcceptRole)
        self.addButton(self.tr("Keep editing"), QMessageBox.ButtonRole.RejectRole)

    @classmethod
    def ask(cls, parent: QWidget | None, error: StaleRecordError, language: str) -> bool:
        """True when the user wants the case reloaded."""
        dialog = cls(parent, error, language)
        dialog.exec()
        return dialog.clickedButton() is dialog.reload_button


class FollowUpEditor(QWidget):
    """Follow-ups a closer asks for: a problem, a change or an SR to another system, each with a title.

    Only the kinds the incident's type allows are offered; an SR names its target system (the configured
    systems are offered, another name may be typed — the closure refuses an unknown one with a message).
    """

    def __init__(self, session: ClientSession, field: FieldInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.kinds = field.choices
        self.systems = field.systems
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("follow_ups_table")
        self.table.setHorizontalHeaderLabels([self.tr("Kind"), self.tr("Title"), self.tr("Target system")])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 190)  # "타 시스템 SR" / "SR to another system" whole
        self.table.setColumnWidth(2, 180)
        self.table.setMinimumWidth(600)
        self.table.verticalHeader().setVisible(False)
        self.table.setMinimumHeight(96)
        self.add_button = QPushButton(self.tr("Add follow-up"), self)
        self.add_button.setObjectName("add_follow_up")
        self.add_button.clicked.connect(lambda: self.add_row())
        self.add_button.setEnabled(bool(self.kinds))
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.clicked.connect(self.remove_row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        if not self.kinds:
            none = QLabel(self.tr("This incident type allows no follow-ups."), self)
            none.setEnabled(False)
            layout.addWidget(none)

    def add_row(self, kind: str | None = None, title: str = "", system: str = "") -> int:
        """Append a follow-up row (the first allowed kind unless `kind` is given); returns its index."""
        row = self.table.rowCount()
        self.table.insertRow(row)
        kinds = QComboBox(self.table)
        for value, ko, en in self.kinds:
            kinds.addItem(self.session.pick(ko, en), value)
        if kind is not None and kinds.findData(kind) >= 0:
            kinds.setCurrentIndex(kinds.findData(kind))
        self.table.setCellWidget(row, 0, kinds)
        edit = QLineEdit(title, self.table)
        self.table.setCellWidget(row, 1, edit)
        target = QComboBox(self.table)
        target.setEditable(True)
        target.addItems(list(self.systems))
        target.setEditText(system or (self.systems[0] if self.systems else ""))
        self.table.setCellWidget(row, 2, target)
        kinds.currentIndexChanged.connect(lambda _=None, t=target, k=kinds: t.setEnabled(
            k.currentData() == "service_request"))
        target.setEnabled(kinds.currentData() == "service_request")
        return row

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def set_value(self, value: Any) -> None:
        for item in value if isinstance(value, list) else []:
            if isinstance(item, dict):
                self.add_row(item.get("kind"), str(item.get("title") or ""), str(item.get("system") or ""))

    def value(self) -> list[dict[str, str]]:
        """The follow-ups as the closing service takes them; rows left blank are dropped."""
        out = []
        for row in range(self.table.rowCount()):
            kinds = self.table.cellWidget(row, 0)
            title = self.table.cellWidget(row, 1)
            target = self.table.cellWidget(row, 2)
            assert isinstance(kinds, QComboBox) and isinstance(title, QLineEdit) and isinstance(target, QComboBox)
            if not title.text().strip():
                continue
            item = {"kind": kinds.currentData(), "title": title.text().strip()}
            if item["kind"] == "service_request":
                item["system"] = target.currentText().strip()
            out.append(item)
        return out


class FieldForm(QWidget):
    """Inputs for a transition's fields, built from the process definition (required ones marked)."""

    def __init__(self, session: ClientSession, fields: tuple[FieldInfo, ...], parent: QWidget | None = None,
                 initial: dict[str, Any] | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.fields = fields
        self.inputs: dict[str, QWidget] = {}
        self.edited: set[str] = set()  # date-time fields the user changed (or that came with a value)
        form = QFormLayout(self)
        initial = initial or {}
        taken: set[str] = set()
        for f in fields:
            widget = self._input(f, initial.get(f.name))
            widget.setObjectName(f"field_{f.name}")
            self.inputs[f.name] = widget
            label = with_mnemonic(session.pick(f.ko, f.en), taken, f.en) + (" *" if f.required else "")
            form.addRow(label, widget)
        name_inputs(form)
        if isinstance(self.inputs.get("follow_ups"), FollowUpEditor):
            self.inputs["follow_ups"].table.setAccessibleName(session.pick("후속 조치", "Follow-ups"))

    def _input(self, f: FieldInfo, value: Any) -> QWidget:
        if f.name == "follow_ups":
            editor = FollowUpEditor(self.session, f, self)
            editor.set_value(value)
            return editor
        if f.type == "longtext" or f.type == "list":
            edit = QPlainTextEdit(self)
            edit.setMinimumHeight(60)
            edit.setMaximumHeight(120)  # five lines, then it scrolls: the form stays whole on a laptop screen
            if value:
                edit.setPlainText(str(value))
            return edit
        if f.type in ("user", "team", "grade", "urgency", "application", "choice"):
            combo = QComboBox(self)
            choices = {
                "user": session_service.users, "team": session_service.teams, "grade": session_service.grades,
                "urgency": session_service.urgencies, "application": session_service.applications,
            }.get(f.type, session_service.incident_types)
            if not f.required:
                combo.addItem("", None)
            elif f.type == "user":  # a person is chosen on purpose, never the first name of the alphabet
                combo.addItem(self.tr("— choose a person —"), None)
            for choice in choices():
                combo.addItem(choice.label(self.session.language), choice.value)
            if value is not None:
                combo.setCurrentIndex(max(0, combo.findData(value)))
            return combo
        if f.type == "bool":
            return QCheckBox(self)
        if f.type == "datetime":
            # shown and typed in the user's time zone (not the machine's); `value` is naive UTC as stored
            zone = ZoneInfo(self.session.time_zone)
            shown = value.replace(tzinfo=UTC) if isinstance(value, datetime) else datetime.now(UTC)
            local = shown.astimezone(zone).replace(second=0, microsecond=0, tzinfo=None)
            edit = QDateTimeEdit(QDateTime(local), self)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd HH:mm")
            # an optional time left as offered is not given (a due date is not "now"; an action's time is
            # then the moment of saving)
            if isinstance(value, datetime):
                self.edited.add(f.name)
            edit.dateTimeChanged.connect(lambda _=None, name=f.name: self.edited.add(name))
            return edit
        line = QLineEdit(self)
        if value:
            line.setText(str(value))
        return line

    def values(self) -> dict[str, Any]:
        """The entered values, ready for a workflow service (empty optional ones left out)."""
        out: dict[str, Any] = {}
        for f in self.fields:
            widget = self.inputs[f.name]
            value: Any
            if isinstance(widget, FollowUpEditor):
                value = widget.value() or None
            elif isinstance(widget, QPlainTextEdit):
                value = widget.toPlainText()
            elif isinstance(widget, QComboBox):
                value = widget.currentData()
            elif isinstance(widget, QCheckBox):
                value = widget.isChecked() or None
            elif isinstance(widget, QDateTimeEdit):
                if not f.required and f.name not in self.edited:
                    continue
                local = widget.dateTime().toPython().replace(tzinfo=ZoneInfo(self.session.time_zone))
                value = local.astimezone(UTC).replace(tzinfo=None)
            else:
                value = widget.text()
            if value in (None, "") and not f.required:
                continue
            out[f.name] = value
        return out


class TransitionDialog(QDialog):
    """Asks for the fields of one transition; keeps what was typed if the save is refused."""

    def __init__(self, session: ClientSession, action: ActionInfo, parent: QWidget | None = None,
                 initial: dict[str, Any] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(session.pick(action.ko, action.en))
        self.form = FieldForm(session, action.fields, self, initial)
        self.body = ScrollBody(self.form, self)
        self.buttons = dialog_buttons(self, session.pick(action.ko, action.en), action.en)
        note = QLabel(self.tr("Fields marked * are required. Ctrl+Enter confirms."), self)
        note.setStyleSheet("color: #666;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.body, 1)
        layout.addWidget(note)
        layout.addWidget(self.buttons)  # outside the scrolling body: always in view
        fit_to_screen(self, width=max(520, self.sizeHint().width()))
        if self.form.inputs:  # the keyboard starts in the first input
            next(iter(self.form.inputs.values())).setFocus()

    @classmethod
    def ask(cls, session: ClientSession, action: ActionInfo, parent: QWidget | None = None,
            initial: dict[str, Any] | None = None) -> dict[str, Any] | None:
        if not action.fields:
            return {}
        dialog = cls(session, action, parent, initial)
        return dialog.form.values() if dialog.exec() == QDialog.DialogCode.Accepted else None


class RegisterIncidentDialog(QDialog):
    """What a customer fills in: application (impact follows), urgency, and the grade shown before saving.

    Application and urgency start empty and are required: the grade decides who is told and which SLA
    runs, so it must come from the customer's choice, never from a pre-selected entry. Registering checks
    the form with the workflow first and keeps the dialog open, naming what is missing.
    """

    def __init__(self, session: ClientSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Register an incident"))
        body = QWidget(self)
        self.title = QLineEdit(body)
        self.title.setObjectName("title")
        self.title.setPlaceholderText(self.tr("What is wrong, in one line"))
        self.description = QPlainTextEdit(body)
        self.description.setObjectName("description")
        self.description.setPlaceholderText(self.tr("What happened, since when, who is affected"))
        self.description.setMinimumHeight(80)
        self.application = QComboBox(body)
        self.application.setObjectName("application")
        for choice in session_service.applications():
            self.application.addItem(choice.label(session.language), choice.value)
        self.application.setPlaceholderText(self.tr("— choose the application —"))
        self.application.setCurrentIndex(-1)
        self.urgency = QComboBox(body)
        self.urgency.setObjectName("urgency")
        for choice in session_service.urgencies():
            self.urgency.addItem(choice.label(session.language), choice.value)
        self.urgency.setPlaceholderText(self.tr("— how urgent is it for the business? —"))
        self.urgency.setCurrentIndex(-1)
        self.incident_type = QComboBox(body)
        self.incident_type.setObjectName("incident_type")
        for choice in session_service.incident_types():
            self.incident_type.addItem(choice.label(session.language), choice.value)
        # now on the session's clock (Beacon's zone), not the PC's: a desk set to UTC must not offer 10:12
        # for 19:12 KST
        now = datetime.now(ZoneInfo(session.time_zone)).replace(second=0, microsecond=0, tzinfo=None)
        self.occurred_at = QDateTimeEdit(QDateTime(now), body)
        self.occurred_at.setObjectName("occurred_at")
        self.occurred_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.occurred_at.setCalendarPopup(True)
        self.occurred_at.setToolTip(self.tr("When it started, in your time zone ({0}); not after now")
                                    .format(session.time_zone))
        self.impact = QLabel(body)
        self.impact.setObjectName("impact")
        self.grade = QLabel(body)
        self.grade.setObjectName("grade")
        form = QFormLayout(body)
        form.addRow(self.tr("&Title *"), self.title)
        form.addRow(self.tr("A&pplication *"), self.application)
        form.addRow(self.tr("Impact (from the application)"), self.impact)
        form.addRow(self.tr("&Urgency *"), self.urgency)
        form.addRow(self.tr("Grade (urgency × impact)"), self.grade)
        form.addRow(self.tr("Incident t&ype *"), self.incident_type)
        form.addRow(self.tr("&Occurred at"), self.occurred_at)
        form.addRow(self.tr("&Description *"), self.description)
        name_inputs(form)
        self.error = QLabel("", self)
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        self.error.setAccessibleName(self.tr("Why the incident cannot be registered yet"))
        self.buttons = dialog_buttons(self, self.tr("&Register"))
        self.buttons.accepted.disconnect(self.accept)
        self.buttons.accepted.connect(self.try_accept)
        # similar cases as the title and description are typed, each with why; a click chooses what to do
        from desktop.views.similar_panel import SimilarPanel

        self.similar = SimilarPanel(session, mode="register", parent=self)
        self.similar.setMinimumWidth(400)
        may_link = similar_service.may_link_at_registration(actor_id=session.actor.id)
        self.similar.set_actions(known_error=may_link)
        if not may_link:
            self.similar.known_error_hint = self.tr("Linking a problem is not allowed to you while registering: "
                                                    "link it from the incident's Similar tab once it may be")
        self.similar.sig_chosen.connect(self.choose)
        self.choice: Choice | None = None
        self.choice_label = QLabel("", self)
        self.choice_label.setObjectName("choice")
        self.choice_label.setWordWrap(True)
        self.choice_label.setStyleSheet("color: #1565c0; font-weight: bold;")
        self.choice_undo = QPushButton(self.tr("Undo choice"), self)
        self.choice_undo.setObjectName("choice_undo")
        self.choice_undo.clicked.connect(lambda: self.choose(None))
        choice_row = QHBoxLayout()
        choice_row.addWidget(self.choice_label, 1)
        choice_row.addWidget(self.choice_undo)
        self.choose(None)
        columns = QHBoxLayout()
        columns.addWidget(ScrollBody(body, self), 3)
        columns.addWidget(self.similar, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addLayout(choice_row)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.title.textChanged.connect(self.ask_similar)
        self.description.textChanged.connect(self.ask_similar)
        self.application.currentIndexChanged.connect(self.ask_similar)
        self.application.currentIndexChanged.connect(self.update_grade)
        self.urgency.currentIndexChanged.connect(self.update_grade)
        self.update_grade()
        chain = (self.title, self.application, self.urgency, self.incident_type, self.occurred_at, self.description,
                 self.buttons.button(QDialogButtonBox.StandardButton.Ok),
                 self.buttons.button(QDialogButtonBox.StandardButton.Cancel))
        for before, after in pairwise(chain):  # the form's order, not the order of creation
            QWidget.setTabOrder(before, after)
        fit_to_screen(self, width=max(1000, self.sizeHint().width()))
        self.title.setFocus()

    def ask_similar(self) -> None:
        """Look for similar cases once typing pauses (off the UI thread)."""
        self.similar.request(title=self.title.text(), description=self.description.toPlainText(),
                             application_id=self.application.currentData())

    def choose(self, choice: Choice | None) -> None:
        """Keep what was chosen from the suggestions (done with the registration, in its transaction), and say it."""
        self.choice = choice
        self.choice_undo.setVisible(choice is not None)
        if choice is None:
            self.choice_label.setText("")
            self.choice_label.hide()
            return
        text = {"duplicate": self.tr("Will be registered as a duplicate of {0}: cancelled at once and linked to it"),
                "parent": self.tr("Will be registered as a child of {0} (its parent incident)"),
                "known_error": self.tr("Will be linked to problem {0}, its workaround copied into an action")}
        self.choice_label.setText(text[choice.kind].format(choice.number))
        self.choice_label.show()

    def update_grade(self) -> None:
        """Show the impact and the grade the matrix gives, before anything is saved."""
        app, urgency = self.application.currentData(), self.urgency.currentData()
        if app is None or urgency is None:
            self.impact.setText(self.tr("— follows from the application —") if app is None else
                                self._impact_of(app))
            self.grade.setText(self.tr("— follows from the application and the urgency —"))
            self.grade.setStyleSheet("color: #888;")
            return
        preview = session_service.preview_grade(application_id=app, urgency=urgency)
        self.impact.setText(preview.impact.label(self.session.language))
        self.grade.setText(preview.grade.label(self.session.language))
        self.grade.setStyleSheet(f"background: {preview.grade.extra}; color: white; padding: 2px 8px;"
                                 "border-radius: 8px; font-weight: bold;")

    def _impact_of(self, application_id: int) -> str:
        first_urgency = session_service.urgencies()[0].value
        return session_service.preview_grade(application_id=application_id,
                                             urgency=first_urgency).impact.label(self.session.language)

    def values(self) -> dict[str, Any]:
        local = self.occurred_at.dateTime().toPython().replace(tzinfo=ZoneInfo(self.session.time_zone))
        return {"title": self.title.text(), "description": self.description.toPlainText(),
                "application_id": self.application.currentData(), "urgency": self.urgency.currentData(),
                "incident_type": self.incident_type.currentData(),
                "occurred_at": local.astimezone(UTC).replace(tzinfo=None), "time_zone": self.session.time_zone}

    def try_accept(self) -> None:
        """Register only a complete form: otherwise say what is missing (in the user's language) and stay."""
        try:
            case_service.check_registration(**self.values())
        except BeaconError as exc:
            self.error.setText(exc.message(self.session.language))
            for widget, empty in ((self.title, not self.title.text().strip()),
                                  (self.application, self.application.currentIndex() < 0),
                                  (self.urgency, self.urgency.currentIndex() < 0),
                                  (self.description, not self.description.toPlainText().strip())):
                if empty:
                    widget.setFocus()
                    break
            return
        self.accept()

    def fill(self, values: dict[str, Any], error: str = "") -> None:
        """Put back what was typed (after a refused save), with why it was refused."""
        self.title.setText(values.get("title", ""))
        self.description.setPlainText(values.get("description", ""))
        for combo, key in ((self.application, "application_id"), (self.urgency, "urgency"),
                           (self.incident_type, "incident_type")):
            index = combo.findData(values.get(key))
            if index >= 0:
                combo.setCurrentIndex(index)
        if values.get("occurred_at") is not None:
            local = values["occurred_at"].replace(tzinfo=UTC).astimezone(ZoneInfo(self.session.time_zone))
            self.occurred_at.setDateTime(QDateTime(local.replace(tzinfo=None)))
        self.error.setText(error)
        self.choose(values.get("choice"))

    @classmethod
    def ask(cls, session: ClientSession, parent: QWidget | None = None, *, initial: dict[str, Any] | None = None,
            error: str = "") -> dict[str, Any] | None:
        """The form's values and, under "choice", what was chosen from the similar cases (or None)."""
        dialog = cls(session, parent)
        if initial is not None:
            dialog.fill(initial, error)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return {**dialog.values(), "choice": dialog.choice}
