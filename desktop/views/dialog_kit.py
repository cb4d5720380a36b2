"""What every dialog shares: opening inside the available screen, a body that scrolls, accessible names,
and keyboard mnemonics.

A dialog builds its body (form, tables) into a `ScrollBody`, keeps its buttons outside it, and calls
`fit_to_screen(self)` once it is built: the dialog then opens at its natural size where the screen allows,
and no taller or wider than the screen's available geometry (the screen less panels and docks) where it
does not — the body scrolls, the buttons stay in view. `name_inputs(form)` gives every input of a form
layout the accessible name of its label, so a screen reader reads the form.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QFormLayout,
    QFrame,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QStyle,
    QWidget,
)

# Room left for the window manager's frame (title bar and borders), which a dialog does not have before it is
# shown: a dialog sized to the whole available height would push its buttons under the bottom panel.
FRAME_ALLOWANCE = QSize(16, 40)


def available_geometry(widget: QWidget) -> QRect:
    """The available geometry (without panels) of the screen the widget (or its parent) is on."""
    anchor = widget.parentWidget() or widget
    screen = anchor.screen() if anchor is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_to_screen(dialog: QWidget, *, width: int | None = None, height: int | None = None) -> QSize:
    """Size `dialog` to its content (or `width`/`height` when given) but never beyond the available screen.

    Returns the size set. The content that does not fit scrolls inside a `ScrollBody`; a dialog with no
    scrolling body keeps its layout's minimum size, so build tall content into one.
    """
    dialog.ensurePolished()  # the theme's style sheet (qt-material) changes the sizes: measure after it
    room = available_geometry(dialog).size() - FRAME_ALLOWANCE
    hint = dialog.sizeHint()
    wanted = QSize(width or hint.width(), height or hint.height())
    size = wanted.boundedTo(room).expandedTo(dialog.minimumSizeHint().boundedTo(room))
    dialog.setMaximumSize(QSize(16777215, 16777215))
    dialog.resize(size)
    frame = available_geometry(dialog)
    if dialog.isVisible():  # placed already: keep it inside the screen too
        geometry = dialog.frameGeometry()
        x = min(max(geometry.x(), frame.x()), frame.right() - geometry.width())
        y = min(max(geometry.y(), frame.y()), frame.bottom() - geometry.height())
        dialog.move(x, y)
    return size


class ScrollBody(QScrollArea):
    """A frameless scroll area that asks for its content's full size (QScrollArea caps its wish at 24 lines),
    so `fit_to_screen` opens a short form whole and lets only a tall one scroll."""

    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dialog_body")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from input to input, not to the frame
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setWidget(content)

    def sizeHint(self) -> QSize:
        content = self.widget()
        if content is None:
            return super().sizeHint()
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return content.sizeHint() + QSize(bar + 2 * self.frameWidth(), 2 * self.frameWidth())

    def minimumSizeHint(self) -> QSize:
        content = self.widget()
        width = content.minimumSizeHint().width() if content is not None else 0
        return QSize(min(width, 480), 120)


def plain_label(text: str) -> str:
    """A label's text as a screen reader should say it: no mnemonic marker, no required-field star."""
    text = re.sub(r"\(&\w\)", "", text).replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text.replace("*", "").strip().rstrip(":").strip()


def name_inputs(form: QFormLayout) -> None:
    """Give each input of a form the accessible name of its label (unless it has one), and let long-text
    inputs pass Tab on, so the form is read aloud and walked with the keyboard."""
    for row in range(form.rowCount()):
        label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
        if label is None or field is None or not isinstance(label.widget(), QLabel):
            continue
        name = plain_label(label.widget().text())
        widgets = [field.widget()] if field.widget() is not None else _layout_widgets(field.layout())
        for widget in widgets:
            if widget is None or isinstance(widget, QLabel | QAbstractButton):
                continue
            if not widget.accessibleName():
                widget.setAccessibleName(name)
            if isinstance(widget, QPlainTextEdit):
                widget.setTabChangesFocus(True)
            break  # the first input of a row is the one the label names


def _layout_widgets(layout: object) -> list[QWidget]:
    if layout is None:
        return []
    out = []
    for i in range(layout.count()):  # type: ignore[attr-defined]
        item = layout.itemAt(i)  # type: ignore[attr-defined]
        if item.widget() is not None:
            out.append(item.widget())
    return out


def with_mnemonic(text: str, taken: set[str], hint: str = "") -> str:
    """`text` with a keyboard mnemonic on a letter not yet `taken` (which is updated).

    A label with Latin letters gets `&` before its first free letter; one without (Korean) gets the
    Windows/Korean convention "접수(&A)", the letter taken from `hint` (the English label) or A–Z.
    """
    if "&" in text.replace("&&", ""):
        return text
    for i, char in enumerate(text):
        if char.isascii() and char.isalpha() and char.lower() not in taken:
            taken.add(char.lower())
            return text[:i] + "&" + text[i:]
    for char in [c for c in hint if c.isascii() and c.isalpha()] + list("abcdefghijklmnopqrstuvwxyz"):
        if char.lower() not in taken:
            taken.add(char.lower())
            return f"{text}(&{char.upper()})"
    return text
