"""Table models for the case lists: pages loaded on demand with keyset pagination, off the UI thread.

The model keeps the rows it has and the cursor after the last one; the view asks
for more (`canFetchMore`/`fetchMore`) as the user scrolls, so a list of a million
incidents opens with one page read. Each page is read on the thread pool and
handed back with a signal; a page that arrives for an older filter or sort is
dropped. Clicking a header sorts on the server (keyset on the sorted column).
"""

from __future__ import annotations

import time
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
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor

from desktop.errors import BeaconError
from desktop.views.session import ClientSession
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
    count_incidents,
    list_cases,
    list_incidents,
)
from desktop.workflow.engine.process import state_label

PAGE = 200
BIG_PAGE = 5000  # a programmatic jump far down the list reads this many rows at a time
Index = QModelIndex | QPersistentModelIndex
Loader = Callable[[Cursor | None, int], tuple[list[Any], Cursor | None]]


def _utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class _PageSignals(QObject):
    sig_page = Signal(int, object, object)  # generation, rows, next cursor
    sig_failed = Signal(int, object)  # generation, error


class _LoadPage(QRunnable):
    """Reads one page on a pool thread and hands it back to the model's thread."""

    def __init__(self, generation: int, load: Loader, after: Cursor | None, limit: int) -> None:
        super().__init__()
        self.generation, self.load, self.after, self.limit = generation, load, after, limit
        self.signals = _PageSignals()

    def run(self) -> None:
        from desktop.workflow.sla.background import release_connection

        try:
            try:
                rows, cursor = self.load(self.after, self.limit)
            except Exception as exc:  # a lost server or a bad filter reaches the page as a message
                self.signals.sig_failed.emit(self.generation, exc)
            else:
                self.signals.sig_page.emit(self.generation, rows, cursor)
        except RuntimeError:
            pass  # the list was closed (and its signals deleted) while the page was being read
        finally:
            release_connection()


class _PagedModel(QAbstractTableModel):
    """Rows appended page by page; subclasses name their columns, how a page is read and how a cell is shown."""

    COLUMNS: tuple[str, ...] = ()
    SORT_KEYS: ClassVar[dict[str, str]] = {}  # column → sort key of the list query
    DEFAULT_SORT = Sort("registered_at", True)

    sig_loading = Signal(bool)
    sig_failed = Signal(str)
    sig_loaded = Signal()  # a page arrived (first or further)
    sig_total = Signal()  # the count of matching rows arrived (`total`)

    def __init__(self, session: ClientSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.rows: list[Any] = []
        self.filters: Any = None  # the list query's filter (a frozen dataclass with `case_ids`), set by subclasses
        self.order = self.DEFAULT_SORT
        self.loaded_at: float | None = None  # perf_counter when the first page of the current list arrived
        self.error = ""  # why the last page could not be read, in the user's language
        self._cursor: Cursor | None = None
        self._exhausted = False
        self._generation = 0
        self._jobs: dict[int, _LoadPage] = {}
        self._pending: _LoadPage | None = None
        self.total: int | None = None  # how many rows the filters match, once counted (lists that count)

    # --- what subclasses say -------------------------------------------------------------

    def headers(self) -> list[str]:
        """Column names in the user's language, shared with the list export."""
        return [column_label(column, self.session.language) for column in self.COLUMNS]

    def list_page(self, filters: Any, after: Cursor | None, limit: int) -> tuple[list[Any], Cursor | None]:
        """One page of the list query in the current order: its rows and the cursor after them."""
        raise NotImplementedError

    def count_rows(self, filters: Any) -> int | None:
        """How many rows the filters match (None: this list does not count)."""
        return None

    def display(self, row: Any, column: str) -> str:
        """The text of one cell; plain attributes by default, a name in English where the row has one."""
        value = getattr(row, column)
        if self.session.language == "en" and getattr(row, f"{column}_en", ""):
            return str(getattr(row, f"{column}_en"))
        if column == "state":
            return state_label(self.kind_of(row), value, self.session.language)
        if isinstance(value, datetime):
            return local_text(value, self.session.time_zone)
        return str(value)

    def kind_of(self, row: Any) -> str:
        raise NotImplementedError

    def decoration(self, row: Any, column: str, role: int) -> Any:
        return None

    # --- loading -------------------------------------------------------------------------

    @property
    def loading(self) -> bool:
        return self._pending is not None

    def set_filters(self, filters: Any) -> None:
        self.filters = filters
        self.reload()

    def load_page(self, after: Cursor | None, limit: int) -> tuple[list[Any], Cursor | None]:
        return self.list_page(self.filters, after, limit)

    def reload(self) -> None:
        """Drop what is loaded and read the first page again (filters or sort changed)."""
        self._generation += 1
        self.beginResetModel()
        self.rows, self._cursor, self._exhausted = [], None, False
        self.endResetModel()
        self.loaded_at = None
        self.error = ""
        self._pending = None
        self.total = None
        self._start(None)
        self._count()

    def _count(self) -> None:
        """Count the matching rows on the pool too: the footer says "200 / 1,534" once it knows."""
        if type(self).count_rows is _PagedModel.count_rows:
            return
        filters = self.filters
        job = _LoadPage(self._generation, lambda _after, _limit: ([self.count_rows(filters)], None), None, 0)
        job.signals.sig_page.connect(self._total_arrived)
        self._jobs[id(job)] = job
        job.signals.sig_page.connect(lambda *_: self._jobs.pop(id(job), None))
        job.signals.sig_failed.connect(lambda *_: self._jobs.pop(id(job), None))
        QThreadPool.globalInstance().start(job)

    def _total_arrived(self, generation: int, rows: list[Any], _cursor: Cursor | None) -> None:
        if generation == self._generation and rows:
            self.total = rows[0]
            self.sig_total.emit()

    def _start(self, after: Cursor | None, limit: int = PAGE) -> None:
        job = _LoadPage(self._generation, self.load_page, after, limit)
        job.signals.sig_page.connect(self._page_arrived)
        job.signals.sig_failed.connect(self._page_failed)
        self._jobs[id(job)] = job
        job.signals.sig_page.connect(lambda *_: self._jobs.pop(id(job), None))
        job.signals.sig_failed.connect(lambda *_: self._jobs.pop(id(job), None))
        self._pending = job
        self.sig_loading.emit(True)
        QThreadPool.globalInstance().start(job)

    def _page_arrived(self, generation: int, rows: list[Any], cursor: Cursor | None) -> None:
        if generation != self._generation:
            return  # an older filter's page
        self._pending = None
        self._cursor = cursor
        self._exhausted = cursor is None
        if rows:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(rows) - 1)
            self.rows.extend(rows)
            self.endInsertRows()
        if self.loaded_at is None:
            self.loaded_at = time.perf_counter()
        self.sig_loading.emit(False)
        self.sig_loaded.emit()

    def _page_failed(self, generation: int, error: object) -> None:
        if generation != self._generation:
            return
        self._pending = None
        self._exhausted = True
        self.sig_loading.emit(False)
        self.error = error.message(self.session.language) if isinstance(error, BeaconError) else str(error)
        self.sig_failed.emit(self.error)

    def wait_until_loaded(self, timeout_ms: int = 30_000) -> bool:
        """Run the event loop until no page is on its way (start-up smoke test, benchmarks, tests)."""
        if self.loading:
            loop = QEventLoop()
            self.sig_loaded.connect(loop.quit)
            self.sig_failed.connect(loop.quit)
            QTimer.singleShot(timeout_ms, loop.quit)
            loop.exec()
            self.sig_loaded.disconnect(loop.quit)
            self.sig_failed.disconnect(loop.quit)
        return not self.loading

    def fetch_all_to(self, rows: int, timeout_ms: int = 120_000, chunk: int = BIG_PAGE) -> int:
        """Load until `rows` are held or the list ends, in reads of up to `chunk` rows (PAGE is what a user
        scrolling down causes; a jump far down reads bigger pages); returns the rows held."""
        while len(self.rows) < rows and not self._exhausted:
            if not self.loading:
                self._start(self._cursor, min(chunk, max(PAGE, rows - len(self.rows))))
            if not self.wait_until_loaded(timeout_ms):
                break
        return len(self.rows)

    # --- Qt model --------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self.COLUMNS)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and not self._exhausted and not self.loading

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid() or self._exhausted or self.loading:
            return
        self._start(self._cursor)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            headers = self.headers()
            return headers[section] if 0 <= section < len(headers) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
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
        return self.rows[row]

    # --- live refresh ----------------------------------------------------------------------

    def holds(self, case_id: int) -> bool:
        return any(r.case_id == case_id for r in self.rows)

    def refresh_rows(self, case_ids: set[int]) -> None:
        """Read again the held rows of these cases: changed ones update in place, ones the filter no longer
        matches leave the list. Runs on the UI thread: it reads at most the rows already on screen."""
        held = [i for i, r in enumerate(self.rows) if r.case_id in case_ids]
        if not held:
            return
        fresh = {r.case_id: r for r in self.load_rows(tuple(self.rows[i].case_id for i in held))}
        for i in reversed(held):
            row = self.rows[i]
            if row.case_id in fresh:
                self.rows[i] = fresh[row.case_id]
                self.dataChanged.emit(self.index(i, 0), self.index(i, len(self.COLUMNS) - 1))
            else:
                self.beginRemoveRows(QModelIndex(), i, i)
                del self.rows[i]
                self.endRemoveRows()

    def load_rows(self, case_ids: tuple[int, ...]) -> list[Any]:
        """These cases' rows as the list's filter and order show them now (the ones it still matches)."""
        rows, _cursor = self.list_page(replace(self.filters, case_ids=case_ids), None, len(case_ids))
        return rows


class IncidentTableModel(_PagedModel):
    """The incident list: number, grade badge, title, application, state, assignee, SLA, registered."""

    COLUMNS = INCIDENT_COLUMNS
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

    def count_rows(self, filters: Any) -> int | None:
        return count_incidents(actor_id=self.session.actor.id, filters=filters)

    def kind_of(self, row: Any) -> str:
        return "incident"

    def tick(self) -> None:
        """A new 'now' for the SLA column; repaints only that column."""
        self.now = _utcnow()
        if self.rows:
            self.dataChanged.emit(self.index(0, self.SLA_COLUMN), self.index(len(self.rows) - 1, self.SLA_COLUMN),
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


class CaseTableModel(_PagedModel):
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

    def kind_of(self, row: Any) -> str:
        return self.kind
