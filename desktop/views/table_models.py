"""Table models for the case lists: pages loaded on demand with keyset pagination.

The model keeps the rows it has and the cursor after the last one; the view asks
for more (`canFetchMore`/`fetchMore`) as the user scrolls, so a list of a million
incidents opens with one page read.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from desktop.views.session import ClientSession
from desktop.workflow.queries import (
    CaseFilter,
    Cursor,
    IncidentFilter,
    list_cases,
    list_incidents,
    state_label,
)

PAGE = 200
Index = QModelIndex | QPersistentModelIndex


def local_text(moment: datetime | None, zone: str) -> str:
    """A stored naive-UTC time as the user's local 'YYYY-MM-DD HH:MM'."""
    if not moment:
        return ""
    return moment.replace(tzinfo=UTC).astimezone(ZoneInfo(zone)).strftime("%Y-%m-%d %H:%M")


class _PagedModel(QAbstractTableModel):
    """Rows appended page by page; subclasses say how to load a page and show a cell."""

    def __init__(self, session: ClientSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.rows: list[Any] = []
        self._cursor: Cursor | None = None
        self._exhausted = False

    def headers(self) -> list[str]:
        raise NotImplementedError

    def load_page(self, after: Cursor | None) -> tuple[list[Any], Cursor | None]:
        raise NotImplementedError

    def reload(self) -> None:
        """Drop what is loaded and read the first page again (filters changed, or a change arrived)."""
        self.beginResetModel()
        self.rows, self._cursor, self._exhausted = [], None, False
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self.headers())

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid() or self._exhausted:
            return
        rows, cursor = self.load_page(self._cursor)
        self._cursor = cursor
        self._exhausted = cursor is None
        if rows:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(rows) - 1)
            self.rows.extend(rows)
            self.endInsertRows()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            headers = self.headers()
            return headers[section] if 0 <= section < len(headers) else None
        return None

    def row_at(self, row: int) -> Any:
        return self.rows[row]


class IncidentTableModel(_PagedModel):
    """The incident list: number, grade badge, title, application, state, assignee, registered."""

    COLUMNS = ("number", "grade", "title", "application", "state", "assignee", "registered_at")
    GRADE_COLUMN = 1

    def __init__(self, session: ClientSession, parent: QObject | None = None) -> None:
        super().__init__(session, parent)
        self.filters = IncidentFilter()

    def headers(self) -> list[str]:
        return [self.tr("Number"), self.tr("Grade"), self.tr("Title"), self.tr("Application"), self.tr("State"),
                self.tr("Assignee"), self.tr("Registered")]

    def set_filters(self, filters: IncidentFilter) -> None:
        self.filters = filters
        self.reload()

    def load_page(self, after: Cursor | None) -> tuple[list[Any], Cursor | None]:
        page = list_incidents(actor_id=self.session.actor.id, filters=self.filters, after=after, limit=PAGE)
        return page.rows, page.next_cursor

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "grade":
                return str(row.grade)
            if column == "state":
                return state_label("incident", row.state, self.session.language)
            if column == "registered_at":
                return local_text(row.registered_at, self.session.time_zone)
            return str(getattr(row, column))
        if role == Qt.ItemDataRole.UserRole:
            return row.case_id
        if role == Qt.ItemDataRole.BackgroundRole and column == "grade":
            return QColor(row.grade_color)
        if role == Qt.ItemDataRole.ToolTipRole and column == "title":
            return row.title
        return None


class CaseTableModel(_PagedModel):
    """Problems, changes or work orders: number, title, state, assignee, opened."""

    COLUMNS = ("number", "title", "state", "assignee", "opened_at")

    def __init__(self, session: ClientSession, kind: str, parent: QObject | None = None) -> None:
        super().__init__(session, parent)
        self.kind = kind
        self.filters = CaseFilter()

    def headers(self) -> list[str]:
        return [self.tr("Number"), self.tr("Title"), self.tr("State"), self.tr("Assignee"), self.tr("Opened")]

    def set_filters(self, filters: CaseFilter) -> None:
        self.filters = filters
        self.reload()

    def load_page(self, after: Cursor | None) -> tuple[list[Any], Cursor | None]:
        page = list_cases(actor_id=self.session.actor.id, kind=self.kind, filters=self.filters, after=after,
                          limit=PAGE)
        return page.rows, page.next_cursor

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "state":
                return state_label(self.kind, row.state, self.session.language)
            if column == "opened_at":
                return local_text(row.opened_at, self.session.time_zone)
            return str(getattr(row, column))
        if role == Qt.ItemDataRole.UserRole:
            return row.case_id
        return None
