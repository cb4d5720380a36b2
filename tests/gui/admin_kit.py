"""What the Administration screens' tests share: a bank on a client's own SQLite file (the screens open
their own connection to it, as a desk does) and a click on a named button."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from desktop.models import db as dbmod
from desktop.models import ensure_schema
from desktop.workflow.admin.defaults import seed_defaults
from tests.bank import Bank, make_bank


def client_bank(tmp_path: Path, file: str = "client.db", *,
                prepare: Callable[[Bank], None] | None = None) -> Iterator[Bank]:
    """For a fixture: `yield from client_bank(tmp_path)` — a fresh file with the defaults and the test bank."""
    url = f"sqlite:///{tmp_path / file}"
    dbmod.close()
    dbmod.connect(url)
    ensure_schema()
    seed_defaults()
    bank = make_bank()
    if prepare is not None:
        prepare(bank)
    bank.url = url
    yield bank
    dbmod.close()


def click(qtbot, widget: QWidget, name: str) -> None:
    """Click the enabled button (or any widget) named `name` inside `widget`, as a person would."""
    button = widget.findChild(QWidget, name)
    assert button is not None and button.isEnabled(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
