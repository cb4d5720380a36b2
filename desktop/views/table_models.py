"""Table models for the case lists: a list you can jump through, read by position off the UI thread.

The model knows how many rows the filters match (counted on the thread pool as the first page
arrives; a free-text filter first shows a marked estimate) and holds only rows near where the user
looked: windows of `WINDOW` rows, at most `MAX_WINDOWS` of them (the least recently shown go first).
A row not held yet shows a placeholder and asks for its window; the window is read by position
(`workflow.cases.positions`), from the nearest anchor — the sort key of every thousandth row, found
in one pass after the count — so dragging the scroll bar to the middle of a million incidents, or
pressing End, reads the rows in view and nothing between. Clicking a header sorts on the server.
Anything read for an older filter or sort is dropped.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QEventLoop,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRunnable,
    Qt,
    QThread,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor

from desktop.errors import BeaconError
from desktop.views.session import ClientSession
from desktop.workflow.cases import positions
from desktop.workflow.cases.list_format import (
    CASE_COLUMNS,
    INCIDENT_COLUMNS,
    case_columns,
    column_label,
    due_text,
    is_overdue,
    local_text,
    sla_text,
)
from desktop.workflow.cases.queries import (
    CaseFilter,
    Cursor,
    IncidentFilter,
    Sort,
    list_cases,
    list_incidents,
)
from desktop.workflow.engine.process import state_label

PAGE = 200  # the first rows of a list, read with the keyset walk as the list opens
WINDOW = 100  # rows read at a time at a position
MAX_WINDOWS = 300  # windows held at most (30,000 rows): memory stays flat at any position
PLACEHOLDER = "…"  # what a row not read yet shows until its window arrives
IN_VIEW, BEHIND, LAST = 10, 0, -10  # rows a person waits for (the shared pool); the count, the seek keys (behind)
Index = QModelIndex | QPersistentModelIndex


_R = Qt.ItemDataRole
_ROLES = frozenset(value for role in (_R.DisplayRole, _R.UserRole, _R.ToolTipRole, _R.BackgroundRole, _R.ForegroundRole)
                   for value in (role, role.value))
_GREY = QColor("#8a8f98")


_background: QThreadPool | None = None


def background_pool() -> QThreadPool:
    """One low-priority thread for counts and seek keys (a scan of a million index entries can take a second),
    so the pool's threads stay free for the rows a person is waiting for, however many lists are counting."""
    global _background
    if _background is None:
        _background = QThreadPool()
        _background.setMaxThreadCount(1)
        _background.setThreadPriority(QThread.Priority.LowPriority)
    return _background


def _utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class _JobSignals(QObject):
    sig_done = Signal(int, object)  # generation, result
    sig_failed = Signal(int, object)  # generation, error


class _Job(QRunnable):
    """Runs one read on a pool thread and hands its result back to the model's thread."""

    def __init__(self, generation: int, work: Callable[[_JobSignals], Any]) -> None:
        super().__init__()
        self.generation, self.work = generation, work
        self.signals = _JobSignals()

    def run(self) -> None:
        from desktop.workflow.sla.background import release_connection

        try:
            try:
                result = self.work(self.signals)
            except Exception as exc:  # a lost server or a bad filter reaches the list as a message
                self.signals.sig_failed.emit(self.generation, exc)
            else:
                self.signals.sig_done.emit(self.generation, result)
        except RuntimeError:
            pass  # the list was closed (and its signals deleted) while the rows were being read
        finally:
            release_connection()


class _CensusSignals(_JobSignals):
    sig_census = Signal(int, object, object)  # generation, plan, census (an estimate first, then exact)


class _ListModel(QAbstractTableModel):
    """A case list read by position; subclasses name their columns, their kind and how a cell is shown."""

    COLUMNS: tuple[str, ...] = ()
    SORT_KEYS: ClassVar[dict[str, str]] = {}  # column → sort key of the list query
    DEFAULT_SORT = Sort("registered_at", True)
    kind = ""  # incident | problem | change | work_order

    sig_loading = Signal(bool)
    sig_failed = Signal(str)
    sig_loaded = Signal()  # the first page arrived
    sig_total = Signal()  # the count of matching rows arrived or changed (`total`, `estimated`)
    sig_window = Signal(int, int)  # rows [first, last] arrived at a position

    def __init__(self, session: ClientSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.filters: Any = None  # the list query's filter (a frozen dataclass with `case_ids`), set by subclasses
        self.order = self.DEFAULT_SORT
        self.loaded_at: float | None = None  # perf_counter when the first page of the current list arrived
        self.error = ""  # why the last read failed, in the user's language
        self.total: int | None = None  # how many rows the filters match, once counted
        self.estimated = False  # `total` is an estimate from a sample; the exact count is on its way
        self.fetches = 0  # reads at a position so far (tests and benchmarks count them)
        self.rows_fetched = 0  # rows those reads returned
        self._rows: dict[int, Any] = {}  # position → row, for the windows held
        self._windows: OrderedDict[int, None] = OrderedDict()  # windows held, least recently shown first
        self._wanted: OrderedDict[int, None] = OrderedDict()  # windows a paint asked for, newest last
        self._reading: int | None = None  # the first window being read
        self._span = 1  # and how many windows that read covers
        self._count = 0  # rowCount
        self._plan: positions.ListPlan | None = None
        self._census: positions.Census | None = None
        self._anchors: list[positions.Anchor] = []
        self._first_pending = False
        self._generation = 0
        self._jobs: dict[int, _Job] = {}
        self._pump_timer = QTimer(self)
        self._pump_timer.setSingleShot(True)
        self._pump_timer.setInterval(0)
        self._pump_timer.timeout.connect(self._pump)

    # --- what subclasses say -------------------------------------------------------------

    def headers(self) -> list[str]:
        """Column names in the user's language, shared with the list export."""
        return [column_label(column, self.session.language) for column in self.COLUMNS]

    def list_page(self, filters: Any, after: Cursor | None, limit: int) -> tuple[list[Any], Cursor | None]:
        """One page of the list query in the current order: its rows and the cursor after them."""
        raise NotImplementedError

    def display(self, row: Any, column: str) -> str:
        """The text of one cell; plain attributes by default, a name in English where the row has one."""
        value = getattr(row, column)
        if self.session.language == "en" and getattr(row, f"{column}_en", ""):
            return str(getattr(row, f"{column}_en"))
        if column == "state":
            return state_label(self.kind, value, self.session.language)
        if isinstance(value, datetime):
            return local_text(value, self.session.time_zone)
        return str(value)

    def decoration(self, row: Any, column: str, role: int) -> Any:
        return None

    # --- loading -------------------------------------------------------------------------

    @property
    def loading(self) -> bool:
        """The first page of the current list is on its way."""
        return self._first_pending

    @property
    def anchored(self) -> bool:
        """The seek keys of the current list are in: a jump anywhere reads fewer than 1,000 index entries."""
        return bool(self._anchors) or (self._census is not None and self._census.total <= positions.ANCHOR_EVERY)

    @property
    def counting(self) -> bool:
        """The exact count is on its way (`total` is None or an estimate)."""
        return self.total is None or self.estimated

    def set_filters(self, filters: Any) -> None:
        self.filters = filters
        self.reload()

    def reload(self) -> None:
        """Drop what is held and read the list again (filters or sort changed): its first page, its count, then
        its anchors."""
        self._generation += 1
        self.beginResetModel()
        self._rows, self._windows, self._wanted = {}, OrderedDict(), OrderedDict()
        self._count, self._reading = 0, None
        self._plan, self._census, self._anchors = None, None, []
        self.endResetModel()
        self.loaded_at = None
        self.error = ""
        self.total, self.estimated = None, False
        self._first_pending = True
        self.sig_loading.emit(True)
        filters, order = self.filters, self.order
        self._start(lambda _s: self.list_page(filters, None, PAGE)[0], self._first_arrived)
        self._start_census(filters, order)

    def _start(self, work: Callable[[_JobSignals], Any], done: Callable[[int, Any], None],
               signals: _JobSignals | None = None, priority: int = IN_VIEW) -> _Job:
        job = _Job(self._generation, work)
        if signals is not None:
            job.signals = signals
        job.signals.sig_done.connect(done)
        job.signals.sig_failed.connect(self._failed)
        self._jobs[id(job)] = job
        job.signals.sig_done.connect(lambda *_: self._jobs.pop(id(job), None))
        job.signals.sig_failed.connect(lambda *_: self._jobs.pop(id(job), None))
        (QThreadPool.globalInstance() if priority == IN_VIEW else background_pool()).start(job, priority)
        return job

    def _start_census(self, filters: Any, order: Sort) -> None:
        """Count (an estimate first where counting is slow) on the pool, behind any read of rows in view."""
        generation, actor, kind = self._generation, self.session.actor.id, self.kind
        signals = _CensusSignals()
        signals.sig_census.connect(self._census_arrived)

        def work(_s: _JobSignals) -> None:
            p = positions.plan(actor_id=actor, kind=kind, filters=filters, sort=order)
            guess = positions.estimate(p)
            if guess is not None:
                signals.sig_census.emit(generation, p, guess)
            signals.sig_census.emit(generation, p, positions.census(p))

        self._start(work, lambda *_: None, signals, BEHIND)

    def _start_anchors(self, plan: positions.ListPlan, census: positions.Census) -> None:
        """Find the seek keys, last of all: a read of rows in view goes first whenever a thread is free."""
        generation = self._generation
        self._start(lambda _s: positions.anchors(plan, census, still_wanted=lambda: generation == self._generation),
                    self._anchors_arrived, priority=LAST)

    def _first_arrived(self, generation: int, rows: list[Any]) -> None:
        if generation != self._generation:
            return  # an older filter's page
        self._first_pending = False
        if self._census is None:  # before the count: the rows there are
            self.beginInsertRows(QModelIndex(), 0, len(rows) - 1) if rows else None
            self._store(0, rows)
            self._count = len(rows)
            self.endInsertRows() if rows else None
        else:
            self._store(0, rows[: self._count])
            if rows:
                self._changed(0, min(len(rows), self._count) - 1)
        if self.loaded_at is None:
            self.loaded_at = time.perf_counter()
        self.sig_loading.emit(False)
        self.sig_loaded.emit()

    def _census_arrived(self, generation: int, plan: positions.ListPlan, census: positions.Census) -> None:
        if generation != self._generation:
            return
        self._plan, self._census = plan, census
        self.total, self.estimated = census.total, census.estimated
        self._resize(census.total)
        if not census.estimated and census.total > positions.ANCHOR_EVERY:
            self._start_anchors(plan, census)
        if not census.estimated and self._wanted:  # rows asked for while only an estimate was known
            self._pump_timer.start()
        self.sig_total.emit()

    def _anchors_arrived(self, generation: int, anchors: list[positions.Anchor]) -> None:
        if generation == self._generation:
            self._anchors = anchors

    def _resize(self, count: int) -> None:
        """Make the list `count` rows long; rows beyond the ones held show placeholders until read."""
        if count > self._count:
            self.beginInsertRows(QModelIndex(), self._count, count - 1)
            self._count = count
            self.endInsertRows()
        elif count < self._count:
            self.beginRemoveRows(QModelIndex(), count, self._count - 1)
            for position in [p for p in self._rows if p >= count]:
                del self._rows[position]
            self._count = count
            self.endRemoveRows()

    def _failed(self, generation: int, error: object) -> None:
        if generation != self._generation:
            return
        if self._first_pending:
            self._first_pending = False
            self.sig_loading.emit(False)
        self._reading = None
        self.error = error.message(self.session.language) if isinstance(error, BeaconError) else str(error)
        self.sig_failed.emit(self.error)

    # --- windows at a position -------------------------------------------------------------

    def _store(self, first: int, rows: list[Any]) -> None:
        for offset, row in enumerate(rows):
            self._rows[first + offset] = row
        for window in range(first // WINDOW, (first + max(1, len(rows)) - 1) // WINDOW + 1):
            self._windows[window] = None
            self._windows.move_to_end(window)
        while len(self._windows) > MAX_WINDOWS:
            old, _ = self._windows.popitem(last=False)
            for position in range(old * WINDOW, (old + 1) * WINDOW):
                self._rows.pop(position, None)

    def _want(self, position: int) -> None:
        window = position // WINDOW
        reading = self._reading is not None and self._reading <= window < self._reading + self._span
        if reading or self._census is None:
            return  # on its way, or the list is not counted yet (then every row there is, is held)
        self._wanted[window] = None
        self._wanted.move_to_end(window)
        if not self._pump_timer.isActive():
            self._pump_timer.start()

    def prefetch(self, first: int, last: int) -> None:
        """The view is about to show rows first..last (its scroll bar moved): start reading them now, while it
        paints their placeholders, rather than after that paint asks for them."""
        for position in range(max(0, first), min(last, self._count - 1) + 1, WINDOW):
            if position not in self._rows:
                self._want(position)
        if self._count and last < self._count and min(last, self._count - 1) not in self._rows:
            self._want(min(last, self._count - 1))
        if self._wanted and self._reading is None:
            self._pump_timer.stop()
            self._pump()

    def _pump(self) -> None:
        """Read the window the latest paint asked for; ones asked for by earlier paints (scrolled past while a
        read ran) are forgotten: a paint after this read asks again for what is still in view."""
        if self._reading is not None or not self._wanted or self._plan is None or self._census is None:
            return
        if self._census.estimated:
            return  # positions need the exact count of each segment: the placeholders wait for it
        window, _ = self._wanted.popitem(last=True)
        if window + 1 in self._wanted or window - 1 in self._wanted:  # the view straddles two windows: one read
            window = min(window, window + 1 if window + 1 in self._wanted else window - 1)
            span = 2
        else:
            span = 1
        self._wanted.clear()
        self._reading, self._span = window, span
        plan, census, anchors = self._plan, self._census, list(self._anchors)
        first = window * WINDOW
        limit = min(span * WINDOW, self._count - first)
        self.fetches += 1
        self._start(lambda _s: (first, positions.rows_at(plan, census, first, limit, anchors)), self._window_arrived)

    def _window_arrived(self, generation: int, result: tuple[int, list[Any]]) -> None:
        if generation != self._generation:
            return
        first, rows = result
        self._reading = None
        self.rows_fetched += len(rows)
        rows = rows[: max(0, self._count - first)]
        self._store(first, rows)
        if rows:
            self._changed(first, first + len(rows) - 1)
            self.sig_window.emit(first, first + len(rows) - 1)
        if self._wanted:
            self._pump_timer.start()

    def _changed(self, first: int, last: int) -> None:
        self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.COLUMNS) - 1))

    def wait_until_loaded(self, timeout_ms: int = 30_000) -> bool:
        """Run the event loop until the first page is in (start-up smoke test, benchmarks, tests)."""
        return self.wait_until(lambda: not self.loading, timeout_ms)

    def wait_until_counted(self, timeout_ms: int = 60_000) -> bool:
        """Run the event loop until the exact count is in."""
        return self.wait_until(lambda: self.total is not None and not self.estimated, timeout_ms)

    def wait_for_rows(self, first: int, last: int, timeout_ms: int = 30_000) -> bool:
        """Run the event loop until rows first..last are held (asking for them as a paint would)."""
        def held() -> bool:
            missing = [p for p in range(first, min(last, self._count - 1) + 1) if p not in self._rows]
            for position in missing[:1]:
                self._want(position)
            return not missing and self._census is not None
        return self.wait_until(held, timeout_ms)

    def wait_until(self, done: Callable[[], bool], timeout_ms: int = 30_000) -> bool:
        """Run the event loop until `done()` (benchmarks, tests); False when the time ran out or a read failed."""
        deadline = time.perf_counter() + timeout_ms / 1000
        while not done() and time.perf_counter() < deadline and not self.error:
            loop = QEventLoop()
            QTimer.singleShot(2, loop.quit)
            loop.exec()
        return done()

    # --- Qt model --------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            headers = self.headers()
            return headers[section] if 0 <= section < len(headers) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES:  # a painted cell asks for ten roles; the lists answer five (cheap at every repaint)
            return None
        if not index.isValid() or index.row() >= self._count:
            return None
        row = self._rows.get(index.row())
        column = self.COLUMNS[index.column()]
        if row is None:
            self._want(index.row())
            if column not in ("number", "title"):
                return None  # the other cells stay empty (a delegate that paints in colour would show "None")
            if role == Qt.ItemDataRole.DisplayRole:
                return PLACEHOLDER
            return _GREY if role == Qt.ItemDataRole.ForegroundRole else None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, column)
        if role == Qt.ItemDataRole.UserRole:
            return row.case_id
        if role == Qt.ItemDataRole.ToolTipRole and column == "title":
            return row.title
        return self.decoration(row, column, role)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Header click: order the whole list on the server by that column."""
        key = self.SORT_KEYS.get(self.COLUMNS[column]) if 0 <= column < len(self.COLUMNS) else None
        if key is None:
            return
        wanted = Sort(key, order == Qt.SortOrder.DescendingOrder)
        if wanted != self.order:
            self.order = wanted
            self.reload()

    def sort_column(self) -> int:
        """The column the current order sorts on (for the header's indicator)."""
        for column, key in self.SORT_KEYS.items():
            if key == self.order.key:
                return self.COLUMNS.index(column)
        return -1

    def row_at(self, row: int) -> Any:
        """The row at a position, or None while it is not read yet (a placeholder)."""
        return self._rows.get(row)

    @property
    def rows(self) -> list[Any]:
        """The rows held now, in list order: the whole list while it fits in the first page, else the windows
        read so far (row_at(position) says which row sits where)."""
        return [self._rows[p] for p in sorted(self._rows)]

    def held_rows(self) -> int:
        """How many rows the model holds now (bounded by MAX_WINDOWS × WINDOW)."""
        return len(self._rows)

    # --- live refresh ----------------------------------------------------------------------

    def holds(self, case_id: int) -> bool:
        return any(r.case_id == case_id for r in self._rows.values())

    def refresh_rows(self, case_ids: set[int]) -> None:
        """Read again the held rows of these cases: changed ones update in place, ones the filter no longer
        matches leave the list. Runs on the UI thread: it reads at most the rows already held."""
        held = sorted(p for p, r in self._rows.items() if r.case_id in case_ids)
        if not held:
            return
        fresh = {r.case_id: r for r in self.load_rows(tuple(self._rows[p].case_id for p in held))}
        for position in reversed(held):
            row = self._rows[position]
            if row.case_id in fresh:
                self._rows[position] = fresh[row.case_id]
                self._changed(position, position)
            else:
                self._remove(position)

    def _remove(self, position: int) -> None:
        """One row left the list: the rows and anchors after it move up one place."""
        self.beginRemoveRows(QModelIndex(), position, position)
        self._rows = {(p - 1 if p > position else p): r for p, r in self._rows.items() if p != position}
        self._anchors = [replace(a, position=a.position - 1) if a.position > position else a
                         for a in self._anchors if a.position != position]
        if self._census is not None:
            self._census = self._shrunk(self._census, position)
            self.total = self._census.total
        self._count -= 1
        self.endRemoveRows()
        self.sig_total.emit()

    @staticmethod
    def _shrunk(census: positions.Census, position: int) -> positions.Census:
        counts, start = list(census.counts), 0
        for i, size in enumerate(counts):
            if position < start + size:
                counts[i] -= 1
                break
            start += size
        return replace(census, counts=tuple(counts))

    def load_rows(self, case_ids: tuple[int, ...]) -> list[Any]:
        """These cases' rows as the list's filter and order show them now (the ones it still matches)."""
        rows, _cursor = self.list_page(replace(self.filters, case_ids=case_ids), None, len(case_ids))
        return rows


class IncidentTableModel(_ListModel):
    """The incident list: number, grade badge, title, application, state, assignee, SLA, registered."""

    COLUMNS = INCIDENT_COLUMNS
    kind = "incident"
    SORT_KEYS: ClassVar[dict[str, str]] = {**{c: c for c in COLUMNS}, "sla": "sla_due"}
    GRADE_COLUMN = 1
    SLA_COLUMN = 6

    def __init__(self, session: ClientSession, parent: QObject | None = None) -> None:
        super().__init__(session, parent)
        self.filters = IncidentFilter()
        self.now = _utcnow()
        self._clock = QTimer(self)  # the SLA column counts down without asking the database
        self._clock.setInterval(30_000)
        self._clock.timeout.connect(self.tick)
        self._clock.start()

    def list_page(self, filters: Any, after: Cursor | None, limit: int) -> tuple[list[Any], Cursor | None]:
        page = list_incidents(actor_id=self.session.actor.id, filters=filters, after=after, limit=limit,
                              sort=self.order)
        return page.rows, page.next_cursor

    def tick(self) -> None:
        """A new 'now' for the SLA column; repaints only that column (the rows in view)."""
        self.now = _utcnow()
        if self._count:
            self.dataChanged.emit(self.index(0, self.SLA_COLUMN), self.index(self._count - 1, self.SLA_COLUMN),
                                  [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole])

    def sla_text(self, row: Any) -> str:
        return sla_text(row, self.now, self.session.language)

    def display(self, row: Any, column: str) -> str:
        if column == "grade":
            return str(row.grade)
        if column == "sla":
            return self.sla_text(row)
        return super().display(row, column)

    def decoration(self, row: Any, column: str, role: int) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and column == "grade":
            return QColor(row.grade_color)
        if role == Qt.ItemDataRole.ForegroundRole and column == "sla":
            if row.sla_state == "missed" or (row.sla_state == "running" and row.sla_due_at < self.now):
                return QColor("#d32f2f")
            if row.sla_state == "running" and row.sla_warned:
                return QColor("#ef6c00")
            if row.sla_state == "not_applicable":
                return QColor("#8a8f98")
        if role == Qt.ItemDataRole.ToolTipRole and column == "sla" and row.sla_due_at is not None:
            return self.tr("Due {0}").format(local_text(row.sla_due_at, self.session.time_zone))
        return None


class CaseTableModel(_ListModel):
    """Problems (with grade and application), changes (with the case they came from) or work orders (with
    their parent case and due time, overdue ones in red): number, title, state, assignee, opened."""

    COLUMNS = CASE_COLUMNS
    SORT_KEYS: ClassVar[dict[str, str]] = {c: c for c in COLUMNS}  # the added columns are shown, not sorted on
    DEFAULT_SORT = Sort("opened_at", True)

    def __init__(self, session: ClientSession, kind: str, parent: QObject | None = None) -> None:
        super().__init__(session, parent)
        self.kind = kind
        self.COLUMNS = case_columns(kind)
        self.filters = CaseFilter()

    def display(self, row: Any, column: str) -> str:
        if column == "grade":
            return "" if row.grade is None else str(row.grade)
        if column == "due_at":
            return due_text(row, _utcnow(), self.session.language, self.session.time_zone)
        return super().display(row, column)

    def decoration(self, row: Any, column: str, role: int) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and column == "grade" and row.grade_color:
            return QColor(row.grade_color)
        if role == Qt.ItemDataRole.ForegroundRole and column == "due_at" and is_overdue(row, _utcnow(), self.kind):
            return QColor("#d32f2f")
        return None

    def list_page(self, filters: Any, after: Cursor | None, limit: int) -> tuple[list[Any], Cursor | None]:
        page = list_cases(actor_id=self.session.actor.id, kind=self.kind, filters=filters, after=after,
                          limit=limit, sort=self.order)
        return page.rows, page.next_cursor

