"""The pieces every admin form is built from, so the forms look and behave alike.

A form is a heading, labelled inputs (`labelled_form`), a row of buttons and a message line
under them; its fields scroll while the buttons and the message stay in view (`form_panel`).
Labels arrive translated by the screen (`self.tr(...)`): each screen keeps its own translation
context and lupdate still finds its texts. The screens that list records beside the form of
one (CIs, users, teams) are `RecordPanel`s: a save, a refusal and a disable or enable are
shown the same way on each.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import BeaconError
from desktop.views.cell_colors import CellColorsDelegate
from desktop.views.session import ClientSession

Result = TypeVar("Result")


class MessageLine(QLabel):
    """What the last save did, or why it was refused, under the form (never a blocking dialog)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def error(self, error: BeaconError, language: str) -> None:
        self.setStyleSheet("color: #e53935; font-weight: bold;")
        self.setText(error.message(language))

    def done(self, text: str) -> None:
        self.setStyleSheet("color: #43a047;")
        self.setText(text)

    def clear_message(self) -> None:
        self.setText("")

    def attempt(self, call: Callable[[], Result], language: str) -> Result | None:
        """What `call` (a service that returns what it read or saved) returns; None, with the refusal
        shown here, when the service says no (nothing was saved)."""
        try:
            return call()
        except BeaconError as exc:
            self.error(exc, language)
            return None


class RecordPanel(QWidget):
    """A list of records beside the form of the one shown (CIs, users, teams), and how a save is shown.

    Subclasses set `session`, `current` (the record shown, None for a new one) and `message`, and
    say how their list is read again (`refresh`) and one record shown (`open_record`).
    """

    session: ClientSession
    current: Any
    message: MessageLine

    def refresh(self) -> None:
        raise NotImplementedError

    def open_record(self, record_id: int) -> None:
        raise NotImplementedError

    def show_saved(self, record: Any) -> None:
        """After a save: the list read again and the saved record shown as it now is."""
        self.current = record
        self.refresh()
        self.open_record(record.id)

    def saved(self, call: Callable[[], Result]) -> Result | None:
        """What the service `call` saved, then shown (`show_saved`); None, with the refusal under the form
        and what was typed kept, when the service says no."""
        record = self.message.attempt(call, self.session.language)
        if record is not None:
            self.show_saved(record)
        return record

    def flip_active(self, set_active: Callable[..., Result], id_name: str) -> Result | None:
        """Disable or enable (retire, return to service) the record shown, through the service
        `set_active`, which takes the record's id as `id_name`."""
        current = self.current
        return self.saved(lambda: set_active(actor_id=self.session.actor.id, **{id_name: current.id},
                                             active=not current.is_active, version=current.version))


def heading(parent: QWidget, name: str, *, larger: bool = True) -> QLabel:
    """The bold line over a form that says what it shows ("New user", "APP-01 — Internet banking")."""
    label = QLabel(parent)
    label.setObjectName(name)
    font = label.font()
    font.setBold(True)
    if larger:
        font.setPointSize(font.pointSize() + 2)
    label.setFont(font)
    return label


def line_edit(parent: QWidget, name: str) -> QLineEdit:
    """An empty one-line input, found by `name` in tests."""
    edit = QLineEdit(parent)
    edit.setObjectName(name)
    return edit


def labelled_form(rows: Sequence[tuple[str | QLabel, QWidget]]) -> QFormLayout:
    """Rows of (label, input), top to bottom: each input is named for assistive technology by its label
    and follows the input above it in the tab order. A QLabel is passed where the screen shows or hides it."""
    form = QFormLayout()
    previous: QWidget | None = None
    for label, field in rows:
        form.addRow(label, field)
        if isinstance(label, QLabel):
            label.setBuddy(field)
        field.setAccessibleName(label.text() if isinstance(label, QLabel) else label)
        if previous is not None:
            QWidget.setTabOrder(previous, field)
        previous = field
    return form


def push_button(parent: QWidget, text: str, name: str, clicked: Callable[[], object]) -> QPushButton:
    """A button that does `clicked`, found by `name` in tests."""
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.clicked.connect(clicked)
    return button


def button_row(*buttons: QWidget) -> QHBoxLayout:
    """Buttons side by side from the left."""
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row


def search_while_typing(parent: QWidget, search: QLineEdit, run: Callable[[], object]) -> QTimer:
    """`run` once typing in `search` pauses (250 ms), not on every keystroke."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(250)
    timer.timeout.connect(run)
    search.textChanged.connect(lambda _text: timer.start())
    return timer


def scrolling(widget: QWidget, parent: QWidget) -> QScrollArea:
    """A form that scrolls instead of being squeezed when the window is small."""
    area = QScrollArea(parent)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(widget)
    return area


def form_panel(parent: QWidget, parts: Sequence[QWidget | QLayout], below: Sequence[QWidget | QLayout]) -> QWidget:
    """`parts` (heading, form, boxes) scroll; `below` (buttons and what they did) stay in view under them."""
    fields = QWidget(parent)
    fv = QVBoxLayout(fields)
    fv.setContentsMargins(0, 0, 0, 0)
    _add(fv, parts)
    fv.addStretch(1)
    panel = QWidget(parent)
    pv = QVBoxLayout(panel)
    pv.setContentsMargins(0, 0, 0, 0)
    pv.addWidget(scrolling(fields, parent), 1)
    _add(pv, below)
    return panel


def _add(layout: QVBoxLayout, items: Sequence[QWidget | QLayout]) -> None:
    for item in items:
        if isinstance(item, QLayout):
            layout.addLayout(item)
        else:
            layout.addWidget(item)


def table_defaults(table: QTableWidget) -> None:
    """A read-only list of whole rows, one picked at a time."""
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.horizontalHeader().setStretchLastSection(True)
    table.setItemDelegate(CellColorsDelegate(table))  # greyed retired rows: the theme would hide the grey


def fit_columns(table: QTableWidget) -> None:
    """Size columns to their contents and to their header, which the theme draws in capitals."""
    header = table.horizontalHeader()
    header.setResizeContentsPrecision(200)  # measure the first rows, not thousands
    table.resizeColumnsToContents()
    metrics = header.fontMetrics()
    for column in range(table.columnCount()):
        item = table.horizontalHeaderItem(column)
        wanted = int(metrics.horizontalAdvance(item.text().upper()) * 1.1) + 30 if item else 0
        if header.sectionSize(column) < wanted:
            header.resizeSection(column, wanted)
