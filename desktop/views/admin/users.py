"""Users and teams: find a user, edit them with their roles and notice channels, disable or
enable them, reset their password; and the teams they belong to.

Every save goes through `desktop.workflow.admin.people`, all of a form in one transaction; a
refusal is shown under the form in the user's language and nothing is saved.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import BeaconError
from desktop.views.admin.cis import RETIRED_GREY
from desktop.views.admin.forms import (
    MessageLine,
    RecordPanel,
    button_row,
    fit_columns,
    form_panel,
    heading,
    labelled_form,
    line_edit,
    push_button,
    search_while_typing,
    table_defaults,
)
from desktop.views.dialog_kit import fit_to_screen
from desktop.views.session import ClientSession
from desktop.views.table_models import local_text
from desktop.workflow.admin import people as admin_people

LANGUAGE_NAMES = (("ko", "한국어"), ("en", "English"))


class ResetPasswordDialog(QDialog):
    """Ask for a new password, or leave it empty to have one generated and shown once."""

    def __init__(self, parent: QWidget | None, login: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reset password of {0}").format(login))
        self.password = QLineEdit(self)
        self.password.setObjectName("new_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("empty: generate one"))
        hint = QLabel(self.tr("At least {0} characters. Leave empty and Beacon makes one up and shows it once.")
                      .format(admin_people.MIN_PASSWORD_LENGTH), self)
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.password)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.password.setAccessibleName(self.tr("New password"))
        fit_to_screen(self)

    @classmethod
    def ask(cls, parent: QWidget | None, login: str) -> tuple[bool, str | None]:
        """(go ahead?, the password typed or None to generate one)."""
        dialog = cls(parent, login)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False, None
        return True, dialog.password.text() or None


class UserEditor(QWidget):
    """Users (with search and an active filter) and teams, as two tabs."""

    def __init__(self, session: ClientSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("people_tabs")
        self.users = UsersPanel(session, self)
        self.teams = TeamsPanel(session, self)
        self.tabs.addTab(self.users, self.tr("Users"))
        self.tabs.addTab(self.teams, self.tr("Teams"))
        self.teams.sig_teams_changed.connect(self.users.reload_teams)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def title(self) -> str:
        return self.tr("Users and teams")

    def refresh(self) -> None:
        self.users.refresh()
        self.teams.refresh()


def _table(parent: QWidget, name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table_defaults(table)
    return table


def _fill(table: QTableWidget, rows: list[tuple[int, bool, tuple[str, ...]]], keep: int | None) -> None:
    """Rows of (id, active, texts): disabled ones greyed, the row of `keep` selected again (quietly)."""
    table.blockSignals(True)
    table.setRowCount(len(rows))
    select = -1
    for r, (row_id, active, values) in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setData(Qt.ItemDataRole.UserRole, row_id)
            if not active:
                item.setForeground(QBrush(RETIRED_GREY))
            table.setItem(r, c, item)
        if row_id == keep:
            select = r
    fit_columns(table)
    if select >= 0:
        table.selectRow(select)
    table.blockSignals(False)


def _picked_id(table: QTableWidget) -> int | None:
    """The id of the row picked in `table`, if one is."""
    row = table.currentRow()
    if row >= 0 and table.item(row, 0) is not None:
        return int(table.item(row, 0).data(Qt.ItemDataRole.UserRole))
    return None


class UsersPanel(RecordPanel):
    """The users table and the form of the selected user."""

    def __init__(self, session: ClientSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.current: admin_people.UserRow | None = None
        self.search = QLineEdit(self)
        self.search.setObjectName("user_search")
        self.search.setPlaceholderText(self.tr("Search name, user name, e-mail or team"))
        self.search.setClearButtonEnabled(True)
        self.active_filter = QComboBox(self)
        self.active_filter.setObjectName("user_active_filter")
        self.active_filter.addItem(self.tr("Active users"), True)
        self.active_filter.addItem(self.tr("Disabled users"), False)
        self.active_filter.addItem(self.tr("All users"), None)
        self.table = _table(self, "user_table", [self.tr("User name"), self.tr("Name"), self.tr("Team"),
                                                 self.tr("Last sign-in"), self.tr("Roles")])
        self.table.itemSelectionChanged.connect(self._picked)
        new = push_button(self, self.tr("New user"), "user_new", self.new_user)
        left = QWidget(self)
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.active_filter)
        lv.addLayout(top)
        lv.addWidget(self.table, 1)
        lv.addWidget(new)
        # form
        self.heading = heading(self, "user_heading")
        self.login = line_edit(self, "user_login")
        self.name = line_edit(self, "user_name")
        self.name_en = line_edit(self, "user_name_en")
        self.email = line_edit(self, "user_email")
        self.phone = line_edit(self, "user_phone")
        self.job_title = line_edit(self, "user_title")
        self.team = QComboBox(self)
        self.team.setObjectName("user_team")
        self.language = QComboBox(self)
        self.language.setObjectName("user_language")
        for code, label in LANGUAGE_NAMES:
            self.language.addItem(label, code)
        self.time_zone = QComboBox(self)
        self.time_zone.setObjectName("user_time_zone")
        self.time_zone.setEditable(True)
        self.time_zone.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.time_zone.addItems(admin_people.time_zones())
        self.time_zone.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.time_zone.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.password = line_edit(self, "user_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("empty: generate one"))
        self.password_label = QLabel(self.tr("Password"), self)
        form = labelled_form([
            (self.tr("User name"), self.login),
            (self.tr("Name (Korean)"), self.name),
            (self.tr("Name (English)"), self.name_en),
            (self.tr("E-mail"), self.email),
            (self.tr("Phone"), self.phone),
            (self.tr("Job title"), self.job_title),
            (self.tr("Team"), self.team),
            (self.tr("Language"), self.language),
            (self.tr("Time zone"), self.time_zone),
            (self.password_label, self.password),
        ])
        # roles
        self.role_boxes: dict[str, QCheckBox] = {}
        roles_box = QGroupBox(self.tr("Roles"), self)
        grid = QGridLayout(roles_box)
        for i, (code, name, name_en) in enumerate(admin_people.global_roles()):
            box = QCheckBox(session.pick(name, name_en), roles_box)
            box.setObjectName(f"role_{code}")
            self.role_boxes[code] = box
            grid.addWidget(box, i // 3, i % 3)
        # channels
        channels_box = QGroupBox(self.tr("Notices (in-app always)"), self)
        cf = QGridLayout(channels_box)
        self.by_email = QCheckBox(self.tr("E-mail"), channels_box)
        self.by_email.setObjectName("channel_email")
        self.email_target = QLineEdit(channels_box)
        self.email_target.setObjectName("channel_email_target")
        self.email_target.setPlaceholderText(self.tr("empty: the user's e-mail"))
        self.by_webhook = QCheckBox(self.tr("Webhook"), channels_box)
        self.by_webhook.setObjectName("channel_webhook")
        self.webhook_target = QLineEdit(channels_box)
        self.webhook_target.setObjectName("channel_webhook_target")
        self.webhook_target.setPlaceholderText("https://…")
        cf.addWidget(self.by_email, 0, 0)
        cf.addWidget(self.email_target, 0, 1)
        cf.addWidget(self.by_webhook, 1, 0)
        cf.addWidget(self.webhook_target, 1, 1)
        # buttons and messages
        self.save_button = push_button(self, self.tr("Save"), "user_save", self.save)
        self.active_button = push_button(self, self.tr("Disable"), "user_active", self.toggle_active)
        self.reset_button = push_button(self, self.tr("Reset password…"), "user_reset_password", self.reset_password)
        buttons = button_row(self.save_button, self.active_button, self.reset_button)
        self.message = MessageLine(self)
        self.message.setObjectName("user_message")
        self.shown_password = QLineEdit(self)
        self.shown_password.setObjectName("shown_password")
        self.shown_password.setReadOnly(True)
        self.shown_password_label = QLabel(self.tr("New password, shown only now — pass it on:"), self)
        shown = QHBoxLayout()
        shown.addWidget(self.shown_password_label)
        shown.addWidget(self.shown_password, 1)
        # the fields scroll; the buttons and what they did stay in view
        right = form_panel(self, [self.heading, form, roles_box, channels_box], [buttons, self.message, shown])
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([560, 500])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.reload_teams()
        self._search_timer = search_while_typing(self, self.search, self.refresh)
        self.active_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.refresh()
        self.new_user()

    def reload_teams(self) -> None:
        keep = self.team.currentData()
        self.team.clear()
        self.team.addItem(self.tr("— none —"), None)
        for team in admin_people.list_teams(include_inactive=False):
            self.team.addItem(self.session.pick(team.name, team.name_en), team.id)
        self.team.setCurrentIndex(max(0, self.team.findData(keep)))

    # --- list ----------------------------------------------------------------------------

    def refresh(self) -> None:
        keep = self.current.id if self.current else None
        rows = admin_people.list_users(text=self.search.text(), active=self.active_filter.currentData())
        role_names = {code: self.session.pick(n, e) for code, n, e in admin_people.global_roles()}
        shown = []
        for row in rows:
            name = self.session.pick(row.name, row.name_en)
            if not row.is_active:
                name = self.tr("{0} (disabled)").format(name)
            shown.append((row.id, row.is_active, (
                row.login, name, self.session.pick(row.team_name, row.team_name_en),
                local_text(row.last_login_at, self.session.time_zone),
                ", ".join(role_names.get(c, c) for c in row.roles))))
        _fill(self.table, shown, keep)

    def _picked(self) -> None:
        user_id = _picked_id(self.table)
        if user_id is not None:
            self.open_user(user_id)

    # --- form ----------------------------------------------------------------------------

    def open_user(self, user_id: int) -> None:
        """Show one user in the form, with roles and channels."""
        found = self.message.attempt(lambda: (admin_people.get_user(user_id), admin_people.channels_of(user_id)),
                                     self.session.language)
        if found is None:
            return
        row, channels = found
        self.current = row
        self.message.clear_message()
        self._hide_password()
        self._load(row, channels)

    def open_record(self, record_id: int) -> None:
        self.open_user(record_id)

    def _load(self, row: admin_people.UserRow | None, channels: admin_people.Channels) -> None:
        self.login.setText(row.login if row else "")
        self.name.setText(row.name if row else "")
        self.name_en.setText(row.name_en if row else "")
        self.email.setText(row.email if row else "")
        self.phone.setText(row.phone if row else "")
        self.job_title.setText(row.title if row else "")
        index = self.team.findData(row.team_id) if row and row.team_id else 0
        if row and row.team_id and index < 0:  # a disabled team still shows what is stored
            self.team.addItem(self.session.pick(row.team_name, row.team_name_en), row.team_id)
            index = self.team.count() - 1
        self.team.setCurrentIndex(index)
        self.language.setCurrentIndex(max(0, self.language.findData(row.language if row else self.session.language)))
        self.time_zone.setCurrentText(row.time_zone if row else self.session.time_zone)
        for code, box in self.role_boxes.items():
            box.setChecked(bool(row and code in row.roles) or (row is None and code == "customer"))
        self.by_email.setChecked(channels.email)
        self.email_target.setText(channels.email_target)
        self.by_webhook.setChecked(channels.webhook)
        self.webhook_target.setText(channels.webhook_target)
        self.password.clear()
        self.password.setVisible(row is None)
        self.password_label.setVisible(row is None)
        if row is None:
            self.heading.setText(self.tr("New user"))
        else:
            state = self.tr("active") if row.is_active else self.tr("disabled")
            self.heading.setText(f"{row.login} — {self.session.pick(row.name, row.name_en)} ({state})")
        self.active_button.setText(self.tr("Disable") if row is None or row.is_active else self.tr("Enable"))
        self.active_button.setEnabled(row is not None)
        self.reset_button.setEnabled(row is not None)

    def _hide_password(self) -> None:
        self.shown_password.clear()
        self.shown_password.setVisible(False)
        self.shown_password_label.setVisible(False)

    def _show_password(self, password: str) -> None:
        self.shown_password.setText(password)
        self.shown_password.setVisible(True)
        self.shown_password_label.setVisible(True)

    def new_user(self) -> None:
        """Empty the form for a new user."""
        self.current = None
        self.table.clearSelection()
        self.message.clear_message()
        self._hide_password()
        self._load(None, admin_people.Channels())
        self.login.setFocus()

    def save(self) -> admin_people.UserRow | None:
        """Save the form, roles and channels in one go; a refusal keeps what was typed."""
        channels = admin_people.Channels(email=self.by_email.isChecked(), email_target=self.email_target.text(),
                                         webhook=self.by_webhook.isChecked(),
                                         webhook_target=self.webhook_target.text())
        roles = tuple(code for code, box in self.role_boxes.items() if box.isChecked())
        saved = self.message.attempt(lambda: admin_people.save_user(
            actor_id=self.session.actor.id, user_id=self.current.id if self.current else None,
            login=self.login.text(), name=self.name.text(), name_en=self.name_en.text(), email=self.email.text(),
            phone=self.phone.text(), title=self.job_title.text(), team_id=self.team.currentData(),
            language=self.language.currentData(), time_zone=self.time_zone.currentText().strip(),
            version=self.current.version if self.current else None,
            password=(self.password.text() or None) if self.current is None else None,
            roles=roles, channels=channels), self.session.language)
        if saved is None:
            return None
        self.show_saved(saved.user)
        self.message.done(self.tr("Saved {0}.").format(saved.user.login))
        if saved.password:
            self._show_password(saved.password)
        return saved.user

    def toggle_active(self) -> None:
        """Disable the user shown (no sign-in, gone from pickers, history kept) or enable them again."""
        if self.current is None:
            return
        row = self.flip_active(admin_people.set_user_active, "user_id")
        if row is None:
            return
        if row.is_active:
            self.message.done(self.tr("{0} can sign in again.").format(row.login))
            return
        text = self.tr("{0} can no longer sign in; their history stays.").format(row.login)
        left = admin_people.open_assignments(row.id)
        if left:
            text += " " + self.tr("{0} open case(s) are still assigned to them: hand them over.").format(left)
        self.message.done(text)

    def reset_password(self) -> None:
        if self.current is None:
            return
        go, password = ResetPasswordDialog.ask(self, self.current.login)
        if not go:
            return
        try:
            generated = admin_people.reset_password(actor_id=self.session.actor.id, user_id=self.current.id,
                                                    new_password=password)
        except BeaconError as exc:
            self.message.error(exc, self.session.language)
            return
        self.current = admin_people.get_user(self.current.id)
        self.message.done(self.tr("Password of {0} reset.").format(self.current.login))
        if generated:
            self._show_password(generated)


class TeamsPanel(RecordPanel):
    """Teams: create, rename, move under a parent, disable when empty."""

    sig_teams_changed = Signal()  # the users' team picker follows

    def __init__(self, session: ClientSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.current: admin_people.TeamRow | None = None
        self.table = _table(self, "team_table", [self.tr("Code"), self.tr("Name"), self.tr("Parent team"),
                                                 self.tr("Active members"), self.tr("Status")])
        self.table.itemSelectionChanged.connect(self._picked)
        self.heading = heading(self, "team_heading", larger=False)
        self.code = line_edit(self, "team_code")
        self.name = line_edit(self, "team_name")
        self.name_en = line_edit(self, "team_name_en")
        self.email = line_edit(self, "team_email")
        self.parent_team = QComboBox(self)
        self.parent_team.setObjectName("team_parent")
        form = labelled_form([
            (self.tr("Code"), self.code),
            (self.tr("Name (Korean)"), self.name),
            (self.tr("Name (English)"), self.name_en),
            (self.tr("E-mail"), self.email),
            (self.tr("Parent team"), self.parent_team),
        ])
        new = push_button(self, self.tr("New team"), "team_new", self.new_team)
        self.save_button = push_button(self, self.tr("Save"), "team_save", self.save)
        self.active_button = push_button(self, self.tr("Disable"), "team_active", self.toggle_active)
        buttons = button_row(self.save_button, self.active_button, new)
        self.message = MessageLine(self)
        self.message.setObjectName("team_message")
        right = QWidget(self)
        fv = QVBoxLayout(right)
        fv.setContentsMargins(0, 0, 0, 0)
        fv.addWidget(self.heading)
        fv.addLayout(form)
        fv.addLayout(buttons)
        fv.addWidget(self.message)
        fv.addStretch(1)
        splitter = QSplitter(self)
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        splitter.setSizes([700, 400])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.refresh()
        self.new_team()

    def refresh(self) -> None:
        keep = self.current.id if self.current else None
        rows = admin_people.list_teams()
        _fill(self.table, [(row.id, row.is_active, (
            row.code, self.session.pick(row.name, row.name_en),
            self.session.pick(row.parent_name, row.parent_name_en), str(row.active_members),
            self.tr("active") if row.is_active else self.tr("disabled"))) for row in rows], keep)
        self._fill_parents()

    def _fill_parents(self) -> None:
        keep = self.parent_team.currentData()
        self.parent_team.clear()
        self.parent_team.addItem(self.tr("— none —"), None)
        for row in admin_people.list_teams(include_inactive=False):
            if self.current is None or row.id != self.current.id:
                self.parent_team.addItem(self.session.pick(row.name, row.name_en), row.id)
        self.parent_team.setCurrentIndex(max(0, self.parent_team.findData(keep)))

    def _picked(self) -> None:
        team_id = _picked_id(self.table)
        if team_id is not None:
            self.open_team(team_id)

    def open_team(self, team_id: int) -> None:
        row = self.message.attempt(lambda: admin_people.get_team(team_id), self.session.language)
        if row is None:
            return
        self.current = row
        self.message.clear_message()
        self._load(row)

    def open_record(self, record_id: int) -> None:
        self.open_team(record_id)

    def _load(self, row: admin_people.TeamRow | None) -> None:
        self._fill_parents()
        self.code.setText(row.code if row else "")
        self.name.setText(row.name if row else "")
        self.name_en.setText(row.name_en if row else "")
        self.email.setText(row.email if row else "")
        index = self.parent_team.findData(row.parent_id) if row and row.parent_id else 0
        if row and row.parent_id and index < 0:
            self.parent_team.addItem(self.session.pick(row.parent_name, row.parent_name_en), row.parent_id)
            index = self.parent_team.count() - 1
        self.parent_team.setCurrentIndex(index)
        self.heading.setText(self.tr("New team") if row is None else f"{row.code} — "
                             f"{self.session.pick(row.name, row.name_en)}")
        self.active_button.setText(self.tr("Disable") if row is None or row.is_active else self.tr("Enable"))
        self.active_button.setEnabled(row is not None)

    def new_team(self) -> None:
        self.current = None
        self.table.clearSelection()
        self.message.clear_message()
        self._load(None)

    def save(self) -> admin_people.TeamRow | None:
        row = self.saved(lambda: admin_people.save_team(
            actor_id=self.session.actor.id, team_id=self.current.id if self.current else None, code=self.code.text(),
            name=self.name.text(), name_en=self.name_en.text(), parent_id=self.parent_team.currentData(),
            email=self.email.text(), version=self.current.version if self.current else None))
        if row is None:
            return None
        self.message.done(self.tr("Saved {0}.").format(row.code))
        self.sig_teams_changed.emit()
        return row

    def toggle_active(self) -> None:
        if self.current is None:
            return
        row = self.flip_active(admin_people.set_team_active, "team_id")
        if row is None:
            return
        self.message.done(self.tr("Team {0} disabled.").format(row.code) if not row.is_active
                          else self.tr("Team {0} enabled.").format(row.code))
        self.sig_teams_changed.emit()
