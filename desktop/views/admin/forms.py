"""The pieces every admin form is built from, so the forms look and behave alike.

A form is a heading, labelled inputs (`labelled_form`), a row of buttons and a message line
under them; its fields scroll while the buttons and the message stay in view (`form_panel`).
Labels arrive translated by the screen (`self.tr(...)`): each screen keeps its own translation
context and lupdate still finds its texts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from PySide6.QtCore import Qt
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
