"""Deliveries that failed for good (dead letters) and the systems service requests go to.

Dead letters: notices (e-mail, webhook) and service requests that failed every attempt, with the
last error; an administrator sends the chosen ones again or discards them. SR target systems: the
list the close dialog offers; a secret header's value is written here and never shown back.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.views.admin.forms import (
    MessageLine,
    button_row,
    fit_columns,
    labelled_form,
    line_edit,
    push_button,
    scrolling,
    table_defaults,
)
from desktop.views.session import ClientSession
from desktop.views.table_models import local_text
from desktop.workflow.notify import outbox_admin
from desktop.workflow.notify.service_requests import METHODS

ID = Qt.ItemDataRole.UserRole


class DeadLetterScreen(QWidget):
    """Every delivery that failed for good, newest first; retry or discard the chosen ones."""

    def __init__(self, session: ClientSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.table = QTableWidget(0, 7, self)
        self.table.setObjectName("dead_letters")
        self.table.setHorizontalHeaderLabels([self.tr("Queued"), self.tr("What"), self.tr("Case"),
                                              self.tr("For"), self.tr("Where to"), self.tr("Attempts"),
                                              self.tr("Why it failed")])
        table_defaults(self.table)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setWordWrap(False)
        self.count = QLabel(self)
        self.count.setObjectName("dead_count")
        self.message = MessageLine(self)
        retry = push_button(self, self.tr("Send again"), "dead_retry", self.retry)
        discard = push_button(self, self.tr("Discard"), "dead_discard", self.discard)
        refresh = push_button(self, self.tr("Refresh"), "dead_refresh", self.refresh)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Notices and service requests that could not be delivered after every "
                                        "attempt. Fix the cause (address, system, mail server), then send them "
                                        "again; or discard them."), self))
        layout.itemAt(0).widget().setWordWrap(True)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        layout.addLayout(button_row(retry, discard, refresh))
        layout.addWidget(self.message)
        self.refresh()

    def title(self) -> str:
        return self.tr("Dead letters")

    def channel_text(self, channel: str) -> str:
        return {"email": self.tr("E-mail"), "webhook": self.tr("Webhook"),
                "sr": self.tr("Service request")}.get(channel, channel)

    def refresh(self) -> None:
        rows = outbox_admin.dead_letters()
        zone = self.session.time_zone
        self.table.setRowCount(0)
        for row in rows:
            at = self.table.rowCount()
            self.table.insertRow(at)
            values = [local_text(row.created_at, zone), self.channel_text(row.channel), row.number or "—",
                      row.recipient, row.target, str(row.attempts), row.last_error.replace("\n", " ")]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                if column == 0:
                    item.setData(ID, row.id)
                self.table.setItem(at, column, item)
        fit_columns(self.table)
        self.count.setText(self.tr("{0} undelivered").format(len(rows)) if rows else self.tr("Nothing undelivered"))

    def chosen(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [int(self.table.item(r, 0).data(ID)) for r in rows]

    def retry(self) -> None:
        ids = self.chosen()
        if not ids:
            self.message.done(self.tr("Choose the rows to send again first"))
            return
        count = self.message.attempt(lambda: outbox_admin.retry_dead_letters(actor_id=self.session.actor.id,
                                                                             ids=ids), self.session.language)
        if count is not None:
            self.refresh()
            self.message.done(self.tr("{0} queued to be sent again").format(count))

    def discard(self) -> None:
        ids = self.chosen()
        if not ids or not self.confirm_discard(len(ids)):
            return
        count = self.message.attempt(lambda: outbox_admin.discard_dead_letters(actor_id=self.session.actor.id,
                                                                               ids=ids), self.session.language)
        if count is not None:
            self.refresh()
            self.message.done(self.tr("{0} discarded; they will not be sent").format(count))

    def confirm_discard(self, count: int) -> bool:
        """Ask before giving up on deliveries (tests replace this)."""
        answer = QMessageBox.question(self, self.tr("Discard"),
                                      self.tr("Discard {0} undelivered items? They will never be sent.").format(count))
        return answer == QMessageBox.StandardButton.Yes


def _pairs(text: str) -> dict[str, str]:
    """`Header: value` lines as a mapping (blank lines skipped)."""
    out = {}
    for line in text.splitlines():
        if line.strip():
            name, _, value = line.partition(":")
            out[name.strip()] = value.strip()
    return out


class SrSystemScreen(QWidget):
    """The systems a closing follow-up may send a service request to: list on the left, the chosen one on the right."""

    def __init__(self, session: ClientSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.rows: dict[str, outbox_admin.SrSystemRow] = {}
        self.editing = ""
        self.list = QListWidget(self)
        self.list.setObjectName("sr_list")
        self.list.currentTextChanged.connect(self.show_system)
        self.name = line_edit(self, "sr_name")
        self.url = line_edit(self, "sr_url")
        self.url.setPlaceholderText("https://itsm.example/api/requests")
        self.method = QComboBox(self)
        self.method.setObjectName("sr_method")
        self.method.addItems(list(METHODS))
        self.headers = QPlainTextEdit(self)
        self.headers.setObjectName("sr_headers")
        self.headers.setPlaceholderText(self.tr("One per line: Header: value"))
        self.headers.setFixedHeight(60)
        self.secrets = QPlainTextEdit(self)
        self.secrets.setObjectName("sr_secrets")
        self.secrets.setPlaceholderText(self.tr("One per line: Header: value — written only, never shown again"))
        self.secrets.setFixedHeight(60)
        self.secret_names = QLabel(self)
        self.secret_names.setObjectName("sr_secret_names")
        self.secret_names.setWordWrap(True)
        self.body = QPlainTextEdit(self)
        self.body.setObjectName("sr_body")
        self.body.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.body.setPlaceholderText('{"title": "${title}", "number": "${number}"}')
        self.body.setFixedHeight(110)
        self.external_id = line_edit(self, "sr_external_id")
        self.external_id.setPlaceholderText("/result/number")
        self.status = line_edit(self, "sr_status")
        self.status.setPlaceholderText("/result/state")
        self.link = line_edit(self, "sr_link")
        self.link.setPlaceholderText("https://itsm.example/requests/${external_id}")
        form = labelled_form([(self.tr("System name"), self.name), (self.tr("URL"), self.url),
                              (self.tr("HTTP method"), self.method), (self.tr("Headers"), self.headers),
                              (self.tr("Secret headers"), self.secrets), (self.tr("Secrets stored"), self.secret_names),
                              (self.tr("Body template (JSON)"), self.body),
                              (self.tr("External ID pointer"), self.external_id),
                              (self.tr("Status pointer"), self.status), (self.tr("Link for people"), self.link)])
        self.message = MessageLine(self)
        self.message.setObjectName("sr_message")
        new = push_button(self, self.tr("New system"), "sr_new", self.new_system)
        save = push_button(self, self.tr("Save"), "sr_save", self.save)
        remove = push_button(self, self.tr("Remove"), "sr_remove", self.remove)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.addLayout(form)
        right_layout.addLayout(button_row(new, save, remove))
        right_layout.addWidget(self.message)
        right_layout.addStretch(1)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.list)
        split.addWidget(scrolling(right, self))
        split.setSizes([260, 900])
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr("Where a closing follow-up sends a service request. ${field} in the URL, headers and "
                              "body is filled from the incident (e.g. ${number}, ${title}, ${closer})."), self)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(split, 1)
        self.refresh()

    def title(self) -> str:
        return self.tr("SR target systems")

    def refresh(self, keep: str = "") -> None:
        self.rows = {row.name: row for row in outbox_admin.sr_systems()}
        self.list.blockSignals(True)
        self.list.clear()
        self.list.addItems(list(self.rows))
        self.list.blockSignals(False)
        wanted = keep or self.editing
        matches = self.list.findItems(wanted, Qt.MatchFlag.MatchExactly) if wanted else []
        if matches:
            self.list.setCurrentItem(matches[0])
            self.show_system(wanted)
        elif self.rows:
            self.list.setCurrentRow(0)
        else:
            self.new_system()

    def show_system(self, name: str) -> None:
        row = self.rows.get(name)
        if row is None:
            return
        self.editing = name
        self.name.setText(row.name)
        self.url.setText(row.url)
        self.method.setCurrentText(row.method)
        self.headers.setPlainText("\n".join(f"{k}: {v}" for k, v in row.headers.items()))
        self.secrets.clear()
        self.secret_names.setText(self.tr("Secret set for: {0} (type a new value to replace it)").format(
            ", ".join(row.secret_headers)) if row.secret_headers else self.tr("No secret headers"))
        self.body.setPlainText(row.body)
        self.external_id.setText(row.external_id)
        self.status.setText(row.status)
        self.link.setText(row.link)
        self.message.clear_message()

    def new_system(self) -> None:
        self.editing = ""
        self.list.clearSelection()
        for widget in (self.name, self.url, self.external_id, self.status, self.link):
            widget.clear()
        for text in (self.headers, self.secrets, self.body):
            text.clear()
        self.method.setCurrentText("POST")
        self.secret_names.setText(self.tr("No secret headers"))
        self.name.setFocus()

    def save(self) -> None:
        row = outbox_admin.SrSystemRow(
            name=self.name.text().strip(), url=self.url.text().strip(), method=self.method.currentText(),
            headers=_pairs(self.headers.toPlainText()), body=self.body.toPlainText(),
            external_id=self.external_id.text(), status=self.status.text(), link=self.link.text())
        secrets = _pairs(self.secrets.toPlainText())
        done = self.message.attempt(lambda: outbox_admin.save_sr_system(
            actor_id=self.session.actor.id, row=row, original_name=self.editing, secrets=secrets) or True,
            self.session.language)
        if done:
            self.editing = row.name
            self.refresh(keep=row.name)
            self.message.done(self.tr("Saved {0}").format(row.name))

    def remove(self) -> None:
        if not self.editing:
            return
        name = self.editing
        done = self.message.attempt(lambda: outbox_admin.remove_sr_system(actor_id=self.session.actor.id,
                                                                          name=name) or True, self.session.language)
        if done:
            self.editing = ""
            self.refresh()
            self.message.done(self.tr("Removed {0}").format(name))


__all__ = ["DeadLetterScreen", "SrSystemScreen"]
