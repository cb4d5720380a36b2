"""No screen shows a person an internal code (`primary_handler`, `inapp`, `sent`, `team_lead`, ...).

The demo bank (every kind of case, notice, reason and channel) is opened in Korean and in English; every
page of the main window, every administration tab and every tab of a case window of each kind is walked,
and each text a person can read is checked: no cell is a bare code, and no snake_case word shows anywhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTabBar,
    QWidget,
)

from desktop.models import db as dbmod
from desktop.reports.labels import ACTION_KINDS, CHANNELS, CLOCK_STATES, LINK_KINDS, NOTICE_KINDS, NOTICE_STATUS
from desktop.views.i18n import install_language
from desktop.views.main_window import MainWindow
from desktop.views.session import ClientSession
from desktop.workflow.engine.process import definition
from desktop.workflow.engine.roles import ROLES
from desktop.workflow.notify.texts import KIND_LABELS, REASON_LABELS

# columns of identifiers a person typed in (a team's code, a login): data, not Beacon's codes
IDENTIFIER_COLUMNS = {"Code", "코드", "User name", "아이디"}
SNAKE = re.compile(r"(?<![\w./@:-])[a-z]+(?:_[a-z]+)+(?![\w./@-])")  # primary_handler, not a path or a login


def internal_codes() -> set[str]:
    """Every code the data carries that has a label somewhere: states, roles, notice words, kinds."""
    codes = {code for code, *_ in ROLES}
    for catalog in (ACTION_KINDS, CLOCK_STATES, LINK_KINDS, NOTICE_KINDS, NOTICE_STATUS, CHANNELS,
                    KIND_LABELS, REASON_LABELS):
        codes |= set(catalog)
    for kind in ("incident", "problem", "change", "work_order"):
        process = definition(kind)
        codes |= set(process.states) | set(process.transitions)
    return codes


@pytest.fixture(scope="module")
def demo_url(tmp_path_factory) -> Iterator[str]:
    from desktop.setup import open_database

    url = f"sqlite:///{Path(tmp_path_factory.mktemp('codes')) / 'demo.db'}"
    open_database(url, create_with_demo=True, create=True)
    dbmod.close()
    yield url


@pytest.fixture
def demo(demo_url) -> Iterator[str]:
    dbmod.connect(demo_url)
    yield demo_url
    install_language("en")
    dbmod.close()


def readable_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for what a person reads in `root` and its children (item views: the loaded rows)."""
    for widget in [root, *root.findChildren(QWidget)]:
        where = f"{type(widget).__name__}#{widget.objectName()}"
        if isinstance(widget, QLabel):
            yield where, re.sub(r"<[^>]+>", " ", widget.text())
        elif isinstance(widget, QAbstractButton):
            yield where, widget.text()
        elif isinstance(widget, QGroupBox):
            yield where, widget.title()
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                yield where, widget.tabText(i)
        elif isinstance(widget, QComboBox):
            for i in range(widget.count()):
                yield where, widget.itemText(i)
        elif isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView) and widget.model():
            model = widget.model()
            columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(QModelIndex())
            shown = []
            for column in range(columns if not isinstance(model, QAbstractListModel) else 0):
                header = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
                yield where, header
                if header not in IDENTIFIER_COLUMNS:
                    shown.append(column)
            if isinstance(model, QAbstractListModel):
                shown = [0]
            for row in range(min(model.rowCount(QModelIndex()), 60)):
                for column in shown:
                    value = model.data(model.index(row, column, QModelIndex()))
                    if isinstance(value, str):
                        yield where, value


def raw_codes(root: QWidget, codes: set[str]) -> list[tuple[str, str]]:
    found = []
    for where, text in readable_texts(root):
        words = {text.strip()} | set(SNAKE.findall(text))
        if words & codes or SNAKE.search(text):
            found.append((where, text))
    return found


def visit(window: MainWindow, app: QApplication) -> Iterator[QWidget]:
    """Every page of the window (each administration tab too), as a person clicks through them."""
    for row, key in enumerate(window.pages):
        window.nav.setCurrentRow(row)
        app.processEvents()
        page = window.pages[key]
        if hasattr(page, "model") and hasattr(page.model, "wait_until_loaded"):
            assert page.model.wait_until_loaded()
        if key == "admin":
            for i in range(page.tabs.count()):
                page.tabs.setCurrentIndex(i)
                app.processEvents()
                yield page.tabs.widget(i)
        yield page


@pytest.mark.parametrize("language", ["ko", "en"])
def test_no_screen_shows_an_internal_code(qtbot, qapp, demo, language):
    from desktop.workflow.cases.queries import CaseFilter, IncidentFilter, list_cases, list_incidents
    from desktop.workflow.common.session import authenticate

    assert install_language(language)
    actor = authenticate("admin", "beacon")
    window = MainWindow(ClientSession(actor=actor, database_url=demo, language=language), background=False)
    qtbot.addWidget(window)
    window.show()
    codes = internal_codes()
    found: list[tuple[str, str]] = []
    for page in visit(window, qapp):
        found += raw_codes(page, codes)
    # a case window of each kind, every tab: closed and open incidents (deliveries of every reason),
    # a problem, a change, a work order
    cases = [r.case_id for r in list_incidents(actor_id=actor.id, filters=IncidentFilter(states=("closed",)),
                                               limit=2).rows]
    cases += [r.case_id for r in list_incidents(actor_id=actor.id, filters=IncidentFilter(states=("accepted",)),
                                                limit=1).rows]
    for kind in ("problem", "change", "work_order"):
        cases += [r.case_id for r in list_cases(actor_id=actor.id, kind=kind, filters=CaseFilter(), limit=1).rows]
    assert len(cases) == 6
    for case_id in cases:
        view = window.open_case(case_id)
        for i in range(view.tabs.count()):
            view.tabs.setCurrentIndex(i)
            qapp.processEvents()
            found += [(f"{view.detail.number} {view.tabs.tabText(i)}: {where}", text)
                      for where, text in raw_codes(view.tabs.widget(i), codes)]
        found += raw_codes(view.header, codes) + raw_codes(view.stages, codes)
        view.close()
    report = "\n".join(f"{where}: {text}" for where, text in sorted(set(found)))
    print(report)
    assert report == ""
    window.close()


def test_the_scan_notices_a_raw_code(qtbot, qapp, demo):
    """The scan itself: a propagation tab as it was (codes as they are stored) is caught."""
    from desktop.views.case_view import CaseView

    view = CaseView.__new__(CaseView)  # only the table helper is needed
    QWidget.__init__(view)
    qtbot.addWidget(view)
    table = CaseView._table(view, ["Recipient", "Why", "Notice", "Channel", "Status"])
    CaseView._append(view, table, ["최지훈", "primary_handler", "assigned", "inapp", "sent"])
    assert {text for _where, text in raw_codes(table, internal_codes())} == {"primary_handler", "assigned",
                                                                              "inapp", "sent"}
