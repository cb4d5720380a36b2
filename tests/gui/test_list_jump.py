"""A list you can jump through: dragging the scroll bar of 100,000 incidents to the middle or pressing Ctrl+End
shows the rows there, read by position, without reading the rows between; sorting and filtering keep the
positions right; the footer says how many there are."""

from __future__ import annotations

import time
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QStyle, QStyleOptionSlider

from desktop.views import table_models
from desktop.views.i18n import install_language
from desktop.views.pages import CaseListPage, IncidentListPage, _select_data
from desktop.views.session import ClientSession
from desktop.views.table_models import PAGE, PLACEHOLDER, WINDOW, IncidentTableModel
from desktop.workflow.cases import positions
from desktop.workflow.cases.queries import IncidentFilter, Sort
from desktop.workflow.common.actors import load_actor
from tests.bank import make_bank
from tests.bulk import STATES, many_incidents, number

START = datetime(2020, 1, 1)


@pytest.fixture
def bank(db):
    bank = make_bank()
    bank.url = db
    return bank


def session_of(bank, persona: str, language: str = "en") -> ClientSession:
    install_language(language)
    return ClientSession(actor=load_actor(bank.id(persona)), database_url=bank.url, language=language)


def fill(bank, n: int) -> None:
    many_incidents(n, reporter_id=bank.id("customer"), application_id=bank.app.id, start=START)


def numbers_in_view(page) -> list[str]:
    """The numbers the table shows from its top edge to its bottom edge (waits until none is a placeholder)."""
    view, model = page.view, page.model
    column = model.COLUMNS.index("number")
    top = view.rowAt(0)
    bottom = view.rowAt(view.viewport().height() - 1)
    bottom = model.rowCount() - 1 if bottom < 0 else bottom
    return [model.data(model.index(r, column)) for r in range(top, bottom + 1)]


def wait_for_view(qtbot, page) -> list[str]:
    qtbot.waitUntil(lambda: PLACEHOLDER not in numbers_in_view(page), timeout=30_000)
    return numbers_in_view(page)


def drag_scroll_bar(qtbot, page, share: float) -> None:
    """Press on the scroll bar's handle, move it to `share` of the groove and let go, as a person does."""
    bar = page.view.verticalScrollBar()
    option = QStyleOptionSlider()
    bar.initStyleOption(option)
    style = bar.style()
    handle = style.subControlRect(QStyle.ComplexControl.CC_ScrollBar, option, QStyle.SubControl.SC_ScrollBarSlider,
                                  bar)
    groove = style.subControlRect(QStyle.ComplexControl.CC_ScrollBar, option, QStyle.SubControl.SC_ScrollBarGroove,
                                  bar)
    start = handle.center()
    travel = groove.height() - handle.height()
    target = QPoint(start.x(), groove.top() + handle.height() // 2 + round(travel * share))
    qtbot.mousePress(bar, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 6):  # a few moves, not a jump: the list sees the handle pass over the rows between
        qtbot.mouseMove(bar, QPoint(start.x(), start.y() + (target.y() - start.y()) * step // 5))
    qtbot.mouseRelease(bar, Qt.MouseButton.LeftButton, pos=target)


def click_row(qtbot, page, nth: int) -> None:
    """Click the nth row from the top of the table."""
    view = page.view
    y = view.rowViewportPosition(view.rowAt(0) + nth) + view.rowHeight(0) // 2
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(20, y))


@pytest.mark.slow
def test_dragging_the_scroll_bar_of_100k_incidents_shows_the_rows_there_without_reading_those_between(qtbot, bank):
    n = 100_000
    fill(bank, n)
    page = IncidentListPage(session_of(bank, "handler"))
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    model = page.model
    assert model.wait_until_counted()
    qtbot.waitUntil(lambda: page.count.text() == "100,000 in this list")
    assert model.rowCount() == n
    qtbot.waitUntil(lambda: model.anchored, timeout=30_000)  # the seek keys arrive after the count
    first = wait_for_view(qtbot, page)
    assert first[0] == number(n)  # newest first

    fetches, fetched = model.fetches, model.rows_fetched
    drag_scroll_bar(qtbot, page, 0.5)
    top = page.view.rowAt(0)
    assert abs(top - n // 2) < n // 50, top  # the handle went to the middle
    shown = wait_for_view(qtbot, page)
    assert shown == [number(n - r) for r in range(top, top + len(shown))]  # the rows there, by number
    # what was read: the window or two in view, never the 50,000 rows the handle passed over
    assert model.rows_fetched - fetched <= 6 * WINDOW and model.fetches - fetches <= 6
    assert model.held_rows() <= PAGE + 6 * WINDOW

    click_row(qtbot, page, 3)  # the person picks a row there …
    assert page.selected_case_ids() and page.view.currentIndex().row() == top + 3
    fetches, fetched = model.fetches, model.rows_fetched
    started = time.perf_counter()
    qtbot.keyClick(page.view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    shown = wait_for_view(qtbot, page)
    took = time.perf_counter() - started
    assert shown[-1] == number(1) and shown[0] == number(len(shown))  # the oldest incident is the last row
    assert model.rows_fetched - fetched <= 2 * WINDOW
    assert took < 5  # (a loose bound for a loaded test machine; the benchmark measures it)
    assert page.view.currentIndex().row() == n - 1 and model.row_at(n - 1).number == number(1)


def expected_order(n: int, key, descending: bool, keep=lambda i: True) -> list[int]:
    ordered = sorted((i for i in range(1, n + 1) if keep(i)), key=key)
    return ordered[::-1] if descending else ordered


def grade_of(i: int) -> int:
    return 1 + i % 4


@pytest.mark.parametrize("descending", [False, True])
def test_sorted_by_grade_a_jump_lands_on_the_rows_of_that_position(qtbot, bank, descending):
    n = 12_000  # more than one anchor per grade
    fill(bank, n)
    model = IncidentTableModel(session_of(bank, "handler"))
    model.order = Sort("grade", descending)
    model.reload()
    assert model.wait_until_counted() and model.total == n
    qtbot.waitUntil(lambda: model.anchored, timeout=30_000)
    # grades run 1, 2, 3, 4 (or back); within one, oldest first (or newest first) — the list's own order
    order = expected_order(n, lambda i: (grade_of(i), i), descending)
    for position in (n // 2 + 37, 3001, n - 5):
        fetched = model.rows_fetched
        assert model.wait_for_rows(position, position + 3)
        assert [model.row_at(p).number for p in range(position, position + 4) if p < n] == \
            [number(i) for i in order[position:position + 4]]
        assert model.rows_fetched - fetched <= WINDOW
    assert model.row_at(n - 1).grade == (1 if descending else 4)


def test_filtered_by_state_and_sorted_by_number_the_end_and_middle_are_right(qtbot, bank):
    n = 9_000
    fill(bank, n)
    page = IncidentListPage(session_of(bank, "handler", "ko"))
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    page.model.order = Sort("number", False)
    assert _select_data(page.state, ("in_progress",))  # loads with the filter and the sort
    model = page.model
    assert model.wait_until_counted()
    kept = expected_order(n, lambda i: i, False, lambda i: STATES[i % 3] == "in_progress")
    assert model.total == len(kept) == n // 3
    qtbot.waitUntil(lambda: page.count.text() == f"이 목록 {len(kept):,}건")
    drag_scroll_bar(qtbot, page, 0.5)
    top = page.view.rowAt(0)
    shown = wait_for_view(qtbot, page)
    assert shown == [number(i) for i in kept[top:top + len(shown)]]
    click_row(qtbot, page, 0)
    qtbot.keyClick(page.view, Qt.Key.Key_End)
    shown = wait_for_view(qtbot, page)
    assert shown[-1] == number(kept[-1])
    # the same list through the query module: a position means the same row the view shows
    p = positions.plan(actor_id=bank.id("handler"), kind="incident",
                       filters=IncidentFilter(states=("in_progress",)), sort=Sort("number", False))
    counts = positions.census(p)
    assert [r.number for r in positions.rows_at(p, counts, top, 3)] == [number(i) for i in kept[top:top + 3]]


def test_a_text_filter_on_a_big_list_shows_an_estimate_marked_about_then_the_count(qtbot, bank):
    n = positions.SAMPLE + 5_000
    fill(bank, n)
    p = positions.plan(actor_id=bank.id("handler"), kind="incident", filters=IncidentFilter(text="대량 01"),
                       sort=Sort())
    guess, exact = positions.estimate(p), positions.census(p)
    assert guess is not None and guess.estimated and not exact.estimated
    assert exact.total == 10_000  # "대량 010000" … "대량 019999"
    assert abs(guess.total - exact.total) <= exact.total  # a figure of the right size, said to be one
    page = IncidentListPage(session_of(bank, "handler", "ko"))
    qtbot.addWidget(page)
    said = []
    page.model.sig_total.connect(lambda: said.append(page.count.text()))
    page.text.setText("대량 01")
    page.apply_filters()
    assert page.model.wait_until_counted()
    qtbot.waitUntil(lambda: page.count.text() == "이 목록 10,000건")
    assert said[0].startswith("이 목록 약 ") and said[0].endswith("건 (세는 중…)")  # the estimate came first


def test_memory_stays_bounded_when_every_part_of_the_list_is_visited(qtbot, bank, monkeypatch):
    monkeypatch.setattr(table_models, "MAX_WINDOWS", 20)  # the bound the model keeps, made small to reach fast
    n = 5_000
    fill(bank, n)
    model = IncidentTableModel(session_of(bank, "handler"))
    model.reload()
    assert model.wait_until_counted()
    for position in range(0, n, WINDOW):  # every window once, as a long session of jumps would
        assert model.wait_for_rows(position, position)
        assert model.held_rows() <= 20 * WINDOW
    assert model.row_at(n - 1).number == number(1) and model.row_at(0) is None  # the first ones went first


def test_work_orders_list_jumps_through_the_shared_model(qtbot, bank):
    from desktop.models import Case, WorkOrder

    n = 3_000
    fill(bank, 1)
    parent = Case.select(Case.id).scalar()
    rows = [{"kind": "work_order", "number": f"WO-2020-{i:06d}", "created_at": START} for i in range(1, n + 1)]
    Case.insert_many(rows).execute()
    ids = [cid for (cid,) in Case.select(Case.id).where(Case.kind == "work_order").order_by(Case.id).tuples()]
    WorkOrder.insert_many([{"case": cid, "parent": parent, "title": f"작업 {k:06d}", "state": "issued",
                            "issued_by": bank.id("handler"), "issued_at": START + timedelta(minutes=k)}
                           for k, cid in enumerate(ids, start=1)]).execute()
    page = CaseListPage(session_of(bank, "handler"), "work_order")
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    assert page.model.wait_until_counted() and page.model.total == n
    qtbot.waitUntil(lambda: page.count.text() == "3,000 in this list")
    click_row(qtbot, page, 0)
    qtbot.keyClick(page.view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    shown = wait_for_view(qtbot, page)
    assert shown[-1] == "WO-2020-000001"  # newest first: the first issued is last
