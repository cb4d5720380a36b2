"""The pages of the main window: case lists with filters, saved filters and bulk actions, inbox (the dashboard
is in dashboard.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QProgressBar,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import BeaconError
from desktop.views.bulk import BulkDialog
from desktop.views.dialogs import show_error
from desktop.views.export import ExportBar
from desktop.views.session import ClientSession
from desktop.views.table_models import CaseTableModel, IncidentTableModel, local_text
from desktop.workflow.cases import case_service
from desktop.workflow.cases.detail import ActionInfo, FieldInfo
from desktop.workflow.cases.queries import CaseFilter, IncidentFilter, Sort
from desktop.workflow.cases.saved_filters import delete_filter, save_filter, saved_filters
from desktop.workflow.common import session as session_service
from desktop.workflow.engine.process import known_states, open_states, state_def
from desktop.workflow.integrations.export import ExportSpec
from desktop.workflow.notify.inbox import inbox, mark_read, unread_count


def _utcnow() -> datetime:
    """Now as naive UTC, the form stored times take."""
    return datetime.now(UTC).replace(tzinfo=None)


class GradeBadgeDelegate(QStyledItemDelegate):
    """Paints the grade as a coloured, rounded badge."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        color = index.data(Qt.ItemDataRole.BackgroundRole)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not isinstance(color, QColor):
            super().paint(painter, option, index)
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = option.rect.adjusted(6, 4, -6, -4)
        painter.setBrush(color)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawRoundedRect(rect, 8, 8)
        painter.setPen(QColor("white"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(text))
        painter.restore()


def _shrinkable(combo: QComboBox) -> None:
    """A filter combo that gives up width in a narrow window instead of squeezing the search box."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(7)
    # but never below its first entry ("전체 업무시스템", "All applications"), shown whole with the arrow
    if combo.count():
        combo.setMinimumWidth(combo.fontMetrics().horizontalAdvance(combo.itemText(0)) + 60)


def _select_data(combo: QComboBox, value: object) -> bool:
    """Make the item whose data equals `value` current; False when there is none."""
    for i in range(combo.count()):
        if combo.itemData(i) == value:
            combo.setCurrentIndex(i)
            return True
    return False


class SavedFilterBar(QWidget):
    """A user's named filters for one list: pick one to apply it, save the current one, delete one."""

    def __init__(self, session: ClientSession, list_key: str, current: Callable[[], dict[str, Any]],
                 apply: Callable[[dict[str, Any]], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.list_key, self._current, self._apply = session, list_key, current, apply
        self.combo = QComboBox(self)
        self.combo.setObjectName("saved_filters")
        self.combo.setMinimumWidth(180)
        self.combo.activated.connect(self._picked)
        save = QPushButton(self.tr("Save filter…"), self)
        save.setObjectName("save_filter")
        save.clicked.connect(self.save)
        self.delete = QPushButton(self.tr("Delete"), self)
        self.delete.setObjectName("delete_filter")
        self.delete.clicked.connect(self.remove)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("Saved filters"), self))
        row.addWidget(self.combo)
        row.addWidget(save)
        row.addWidget(self.delete)
        row.addStretch(1)
        self.reload()

    def reload(self, select: str = "") -> None:
        self.combo.clear()
        self.combo.addItem(self.tr("(choose)"), None)
        for saved in saved_filters(user_id=self.session.actor.id, list_key=self.list_key):
            self.combo.addItem(saved.name, saved.definition)
        if select:
            self.combo.setCurrentIndex(max(0, self.combo.findText(select)))
        self.delete.setEnabled(self.combo.count() > 1)

    def _picked(self, index: int) -> None:
        definition = self.combo.itemData(index)
        if definition is not None:
            self._apply(definition)

    @staticmethod
    def ask_name(parent: QWidget, suggestion: str) -> str | None:
        """The name to save under (patched in tests: a modal dialog)."""
        name, ok = QInputDialog.getText(parent, QCoreApplication.translate("SavedFilterBar", "Save filter"),
                                        QCoreApplication.translate("SavedFilterBar", "Name of this filter:"),
                                        text=suggestion)
        return name if ok else None

    def save(self) -> bool:
        current = self.combo.currentText() if self.combo.currentIndex() > 0 else ""
        name = self.ask_name(self, current)
        if name is None:
            return False
        try:
            saved = save_filter(user_id=self.session.actor.id, list_key=self.list_key, name=name,
                                definition=self._current())
        except BeaconError as exc:
            show_error(self, exc, self.session.language)
            return False
        self.reload(select=saved.name)
        return True

    def remove(self) -> None:
        if self.combo.currentIndex() > 0:
            delete_filter(user_id=self.session.actor.id, list_key=self.list_key, name=self.combo.currentText())
            self.reload()


class _ListView(QTableView):
    """A case list's table: whole rows are selected, so Home and End go to the first and last row of the whole
    list (as Ctrl+Home and Ctrl+End do), not to the first and last column of the row."""

    def moveCursor(self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier) -> QModelIndex:
        if action in (QAbstractItemView.CursorAction.MoveHome, QAbstractItemView.CursorAction.MoveEnd):
            modifiers |= Qt.KeyboardModifier.ControlModifier
        return super().moveCursor(action, modifiers)


class _ListPage(QWidget):
    """What the case lists share: the table, server-side sorting, a busy bar, saved filters, live refresh."""

    sig_open_case = Signal(int)
    sig_cases_changed = Signal(object)  # set of case ids this page changed (bulk actions)

    def __init__(self, session: ClientSession, model: Any, object_name: str, stretch_column: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = model
        self.stretch_column = stretch_column
        self.view = _ListView(self)
        self.view.setObjectName(object_name)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        header.setSortIndicator(self.model.sort_column(), Qt.SortOrder.DescendingOrder)
        self.view.setSortingEnabled(True)  # the model sorts on the server; the indicator shows which way
        # double-click or Enter opens the case
        self.view.activated.connect(self._activated)
        self.view.verticalScrollBar().valueChanged.connect(self._scrolled)
        # a million rows of one height: the header need not measure them, the scroll bar counts rows
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        # columns are sized by the rows in view, not by the 1,000 rows Qt reads by default (0.9 s on open)
        self.view.horizontalHeader().setResizeContentsPrecision(0)
        self.busy = QProgressBar(self)
        self.busy.setObjectName("busy")
        self.busy.setRange(0, 0)  # indeterminate: a page is on its way
        self.busy.setMaximumHeight(6)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.count = QLabel(self)
        self.count.setObjectName("count")
        # said inside the empty table, so an empty page reads as "nothing here", not as "still loading"
        self.empty = QLabel(self.view.viewport())
        self.empty.setObjectName("empty_state")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setEnabled(False)
        self.empty.hide()
        self.view.viewport().installEventFilter(self)
        self.stale = QPushButton(self.tr("Other users changed the list — refresh"), self)
        self.stale.setObjectName("stale")
        self.stale.hide()
        self.stale.clicked.connect(self.refresh)
        self.model.sig_loading.connect(self.busy.setVisible)
        self.model.sig_loaded.connect(self._loaded)
        self.model.sig_total.connect(self._loaded)
        self.model.sig_failed.connect(self._failed)
        self._sized = False
        # Export: every row the filters match, in the list's order, with the columns shown
        self.export_bar = ExportBar(session, self)
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.export_button.setObjectName("export")
        self.export_button.setToolTip(self.tr("Save every row of this list, as filtered and sorted, to Excel or CSV"))
        self.export_button.clicked.connect(self.export_list)
        self.export_bar.sig_running.connect(lambda running: self.export_button.setEnabled(not running))
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)

    def _scrolled(self, top: int) -> None:
        """The list moved (a drag, End, a wheel): ask for the rows coming into view before they are painted."""
        rows = self.view.viewport().height() // max(1, self.view.verticalHeader().defaultSectionSize()) + 1
        self.model.prefetch(top, top + rows)

    def _activated(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row())
        if row is not None:  # a placeholder (its window still on its way) opens nothing
            self.sig_open_case.emit(row.case_id)

    def _loaded(self) -> None:
        if not self._sized and self.model.row_at(0) is not None:  # size columns by rows, not placeholders
            self.view.resizeColumnsToContents()
            self.view.horizontalHeader().setSectionResizeMode(self.stretch_column, QHeaderView.ResizeMode.Stretch)
            self._sized = True
        total = self.model.total
        if total is None:  # the first page is in, the count is on its way
            self.count.setText(self.tr("{0} shown, counting…").format(f"{self.model.rowCount():,}"))
        elif self.model.estimated:  # a free-text filter on a big list: a figure from a sample until counted
            self.count.setText(self.tr("about {0} in this list (counting…)").format(f"{total:,}"))
        else:
            self.count.setText(self.tr("{0} in this list").format(f"{total:,}"))
        self.empty.setText(self.empty_text())
        self.empty.setVisible(self.model.rowCount() == 0 and not self.model.loading)
        self._place_empty()

    def empty_text(self) -> str:
        """What an empty list says (the lists below name what they hold)."""
        return self.tr("Nothing matches these filters.")

    def _place_empty(self) -> None:
        self.empty.setGeometry(self.view.viewport().rect().adjusted(24, 24, -24, -24))

    def eventFilter(self, watched: Any, event: Any) -> bool:
        if watched is self.view.viewport() and event.type() == event.Type.Resize:
            self._place_empty()
        return super().eventFilter(watched, event)

    def _failed(self, message: str) -> None:
        self.count.setText(self.tr("Could not load the list: {0}").format(message))

    def refresh(self) -> None:
        self.stale.hide()
        self.model.reload()
        banner = getattr(self, "warning_banner", None)
        if banner is not None:
            banner.refresh()

    def changes_arrived(self, case_ids: set[int]) -> None:
        """Another client (or window) changed cases: update the rows held; reload only when nobody is reading."""
        unknown = {i for i in case_ids if not self.model.holds(i)}
        self.model.refresh_rows(case_ids - unknown)
        banner = getattr(self, "warning_banner", None)
        if banner is not None and unknown:  # a new incident may have raised (or joined) a burst
            banner.refresh()
        if not unknown:
            return
        if self.model.loading:  # a reload begun after the change is on its way and will show it
            return
        at_top = self.view.verticalScrollBar().value() == 0
        if at_top and not self.view.selectionModel().hasSelection():
            self.refresh()
        else:
            self.stale.show()

    def sort_definition(self) -> dict[str, Any]:
        return {"sort": self.model.order.key, "descending": self.model.order.descending}

    def shown_columns(self) -> tuple[str, ...]:
        """The list's columns left to right as the header shows them, hidden ones left out."""
        header = self.view.horizontalHeader()
        logical = [header.logicalIndex(visual) for visual in range(header.count())]
        return tuple(self.model.COLUMNS[i] for i in logical if not header.isSectionHidden(i))

    def export_spec(self) -> ExportSpec:
        raise NotImplementedError

    def export_list(self) -> bool:
        """Ask for a file and write the whole list into it in the background (False when the user cancelled)."""
        return self.export_bar.start(self.export_spec())

    def context_menu(self) -> QMenu:
        """What a right-click on the list offers."""
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        export = menu.addAction(self.tr("Export this list…"))
        export.setObjectName("export_list")
        export.setEnabled(not self.export_bar.running)
        export.triggered.connect(self.export_list)
        return menu

    def _context_menu(self, position: Any) -> None:
        self.context_menu().popup(self.view.viewport().mapToGlobal(position))

    def apply_sort(self, definition: dict[str, Any]) -> None:
        """Take a saved sort (or the list's default) without loading; the caller loads once."""
        order = self.model.DEFAULT_SORT
        if definition.get("sort") in self.model.SORT_KEYS.values():
            order = Sort(definition["sort"], bool(definition.get("descending", True)))
        self.model.order = order
        header = self.view.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(self.model.sort_column(), Qt.SortOrder.DescendingOrder if order.descending
                                else Qt.SortOrder.AscendingOrder)
        header.blockSignals(False)
        header.viewport().update()

    def selected_case_ids(self) -> list[int]:
        rows = (self.model.row_at(index.row()) for index in self.view.selectionModel().selectedRows())
        return [row.case_id for row in rows if row is not None]  # placeholders are not cases yet

    def _assignee_combo(self) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName("filter_assignee")
        combo.addItem(self.tr("Anyone"), None)
        combo.addItem(self.tr("Me"), "me")
        combo.addItem(self.tr("Unassigned"), "unassigned")
        for choice in session_service.users():
            team = f" · {choice.extra}" if choice.extra else ""
            combo.addItem(choice.label(self.session.language) + team, choice.value)
        combo.setEditable(True)  # type part of a name to find a person among hundreds
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        combo.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        return combo

    def _period_combo(self) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName("filter_period")
        for label, days in ((self.tr("Any time"), 0), (self.tr("Last 7 days"), 7), (self.tr("Last 30 days"), 30),
                            (self.tr("Last 365 days"), 365)):
            combo.addItem(label, days)
        return combo

    def _state_combo(self, kind: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName("filter_state")
        combo.addItem(self.tr("All states"), ())
        combo.addItem(self.tr("Open"), tuple(open_states(kind)))
        for name in known_states(kind):  # older versions' states too: cases running on them may be in one
            state = state_def(kind, name)
            label = state.label if state is not None else {"ko": name, "en": name}
            combo.addItem(self.session.pick(label["ko"], label["en"]), (name,))
        return combo

    def _assignee_filter(self, combo: QComboBox) -> dict[str, Any]:
        value = combo.currentData()
        if value == "me":
            return {"assignee_id": self.session.actor.id}
        if value == "unassigned":
            return {"unassigned": True}
        return {"assignee_id": value} if isinstance(value, int) else {}


class SlaDelegate(QStyledItemDelegate):
    """The SLA column in the model's colour (red when breached, orange when warned), bold when it is not black:
    a style sheet would otherwise paint every cell in the theme's text colour."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        color = index.data(Qt.ItemDataRole.ForegroundRole)
        if not isinstance(color, QColor):
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        painter.save()
        font = option.font
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(color)
        painter.drawText(option.rect.adjusted(6, 0, -6, 0), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                         str(index.data(Qt.ItemDataRole.DisplayRole)))
        painter.restore()


class IncidentListPage(_ListPage):
    """Incidents with filters, saved filters, sorting, a live SLA column, multi-select and bulk actions."""

    def __init__(self, session: ClientSession, *, mine: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(session, IncidentTableModel(session), "incident_table", 2, parent)
        self.model.setParent(self)
        self.mine = mine
        self.pinned: dict[str, Any] = {}  # filter parts a figure on the dashboard set that no combo can show
        self.view.setItemDelegateForColumn(IncidentTableModel.GRADE_COLUMN, GradeBadgeDelegate(self.view))
        self.view.setItemDelegateForColumn(IncidentTableModel.SLA_COLUMN, SlaDelegate(self.view))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.state = self._state_combo("incident")
        self.grade = QComboBox(self)
        self.grade.setObjectName("filter_grade")
        self.grade.addItem(self.tr("All grades"), ())
        for choice in session_service.grades():
            self.grade.addItem(choice.label(session.language), (choice.value,))
        self.application = QComboBox(self)
        self.application.setObjectName("filter_application")
        self.application.addItem(self.tr("All applications"), ())
        for choice in session_service.applications():
            self.application.addItem(choice.label(session.language), (choice.value,))
        self.assignee = self._assignee_combo()
        self.period = self._period_combo()
        self.text = QLineEdit(self)
        self.text.setObjectName("filter_text")
        self.text.setPlaceholderText(self.tr("Search title and description"))
        self.text.returnPressed.connect(self.apply_filters)
        self.chip = QPushButton(self)
        self.chip.setObjectName("pinned_filter")
        self.chip.setToolTip(self.tr("Click to remove this filter"))
        self.chip.hide()
        self.chip.clicked.connect(self.clear_pinned)
        filters = QHBoxLayout()
        for widget in (self.state, self.grade, self.application, self.assignee, self.period):
            _shrinkable(widget)
            filters.addWidget(widget)
        self.text.setMinimumWidth(160)  # the search box keeps room to type in a narrow window
        filters.addWidget(self.text, 1)
        filters.addWidget(self.chip)
        self.saved = SavedFilterBar(session, "my_work" if mine else "incidents", self.filter_definition,
                                    self.apply_definition, self)
        bulk = QHBoxLayout()
        bulk.addWidget(self.count, 1)
        bulk.addWidget(self.stale)
        self.bulk_buttons: list[QPushButton] = []
        for name, label in (("assign", self.tr("Assign…")), ("regrade", self.tr("Regrade…")),
                            ("close", self.tr("Close…"))):
            button = QPushButton(label, self)
            button.setObjectName(f"bulk_{name}")
            button.clicked.connect(lambda _=False, n=name: self.bulk(n))
            # a customer never assigns, regrades or closes: no buttons that could only ever refuse them
            button.setVisible(not session.actor.is_customer_only)
            bulk.addWidget(button)
            self.bulk_buttons.append(button)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.model.modelReset.connect(self._selection_changed)
        self._selection_changed()
        bulk.addWidget(self.export_button)
        # incidents bursting on one application: told once, shown here until someone handles it
        from desktop.views.prevention import EarlyWarningBanner

        self.warning_banner = EarlyWarningBanner(session, self)
        self.warning_banner.sig_open_case.connect(self.sig_open_case)
        self.warning_banner.sig_cases_changed.connect(self.sig_cases_changed)
        self.warning_banner.sig_cases_changed.connect(lambda _ids: self.refresh())
        layout = QVBoxLayout(self)
        layout.addWidget(self.warning_banner)
        layout.addLayout(filters)
        layout.addWidget(self.saved)
        layout.addWidget(self.busy)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.export_bar)
        layout.addLayout(bulk)
        if mine:
            self.state.setCurrentIndex(1)
            _select_data(self.assignee, "me")
        for combo in (self.state, self.grade, self.application, self.assignee, self.period):
            combo.currentIndexChanged.connect(self.apply_filters)
        self.apply_filters()

    def empty_text(self) -> str:
        if self.mine and self.state.currentIndex() == 1 and self.assignee.currentData() == "me":
            return self.tr("Nothing is assigned to you. Incidents you accept or are given appear here; "
                           "'Incidents' lists everyone's.")
        return super().empty_text()

    def current_filters(self) -> IncidentFilter:
        days = self.period.currentData() or 0
        since = _utcnow() - timedelta(days=days) if days else None
        values: dict[str, Any] = {"states": self.state.currentData() or (), "grades": self.grade.currentData() or (),
                                  "application_ids": self.application.currentData() or (),
                                  "text": self.text.text().strip(), "registered_from": since,
                                  **self._assignee_filter(self.assignee)}
        values.update(self.pinned)
        return IncidentFilter(**values)

    def apply_filters(self) -> None:
        self.stale.hide()
        self.model.set_filters(self.current_filters())

    def export_spec(self) -> ExportSpec:
        return ExportSpec(kind="incident", filters=self.model.filters, sort=self.model.order,
                          columns=self.shown_columns(), list_name="my_work" if self.mine else "incident")

    def filter_definition(self) -> dict[str, Any]:
        """The filter as saved: what the widgets show and the sort, by value (not by position)."""
        return {"states": list(self.state.currentData() or ()), "grades": list(self.grade.currentData() or ()),
                "application_ids": list(self.application.currentData() or ()),
                "assignee": self.assignee.currentData(), "period_days": self.period.currentData() or 0,
                "text": self.text.text().strip(), **self.sort_definition()}

    def apply_definition(self, saved: dict[str, Any]) -> None:
        """Show a saved filter: set each widget, then load once."""
        combos = (self.state, self.grade, self.application, self.assignee, self.period)
        for combo in combos:
            combo.blockSignals(True)
        _select_data(self.state, tuple(saved.get("states", ()))) or self.state.setCurrentIndex(0)
        _select_data(self.grade, tuple(saved.get("grades", ()))) or self.grade.setCurrentIndex(0)
        _select_data(self.application, tuple(saved.get("application_ids", ()))) or \
            self.application.setCurrentIndex(0)
        _select_data(self.assignee, saved.get("assignee")) or self.assignee.setCurrentIndex(0)
        _select_data(self.period, saved.get("period_days", 0)) or self.period.setCurrentIndex(0)
        self.text.setText(saved.get("text", ""))
        for combo in combos:
            combo.blockSignals(False)
        self.pinned = {}
        self.chip.hide()
        self.apply_sort(saved)
        self.apply_filters()

    def show_filter(self, wanted: IncidentFilter, caption: str = "") -> None:
        """Show the incidents a dashboard figure stands for: combos where they can say it, a removable chip
        for the rest (a month, several grades at once)."""
        combos = (self.state, self.grade, self.application, self.assignee, self.period)
        for combo in combos:
            combo.blockSignals(True)
        pinned: dict[str, Any] = {}
        for combo, key in ((self.state, "states"), (self.grade, "grades"), (self.application, "application_ids")):
            value = tuple(getattr(wanted, key))
            if not _select_data(combo, value):
                combo.setCurrentIndex(0)
                pinned[key] = value
        if wanted.assignee_id is not None:
            _select_data(self.assignee, wanted.assignee_id) or pinned.setdefault("assignee_id", wanted.assignee_id)
        else:
            self.assignee.setCurrentIndex(2 if wanted.unassigned else 0)
        self.period.setCurrentIndex(0)
        for key in ("registered_from", "registered_to"):
            if getattr(wanted, key) is not None:
                pinned[key] = getattr(wanted, key)
        self.text.setText(wanted.text)
        for combo in combos:
            combo.blockSignals(False)
        self.pinned = pinned
        self.chip.setText(f"{caption or self.tr('Dashboard filter')}  ✕")
        self.chip.setVisible(bool(pinned))
        self.apply_filters()

    def clear_pinned(self) -> None:
        self.pinned = {}
        self.chip.hide()
        self.apply_filters()

    def bulk(self, name: str) -> None:
        """Assign, regrade or close the selected incidents; show each one's result."""
        ids = self.selected_case_ids()
        if not ids:
            return
        forms = {
            "assign": ActionInfo("assign", "담당자 지정", "Assign", (FieldInfo("assignee", "user", "담당자", "Assignee",
                                                                               True),)),
            "regrade": ActionInfo("regrade", "등급 변경", "Regrade", (
                FieldInfo("grade", "grade", "등급", "Grade", True),
                FieldInfo("grade_reason", "longtext", "변경 사유", "Reason", True))),
            "close": ActionInfo("close", "일괄 종결", "Close", tuple(
                FieldInfo(n, "longtext", ko, en, True) for n, ko, en in (
                    ("resolution", "조치 결과 요약", "Resolution"), ("cause", "장애 원인", "Cause"),
                    ("result", "처리 결과", "Result"), ("follow_up_plan", "향후 조치 계획", "Follow-up plan"),
                    ("recurrence_prevention", "재발 방지 대책", "Recurrence prevention")))),
        }
        actor = self.session.actor.id

        def run(values: dict[str, Any], able: list[int]) -> list[case_service.BulkResult]:
            if name == "assign":
                return case_service.bulk_assign(actor_id=actor, case_ids=able, assignee_id=values["assignee"])
            if name == "regrade":
                return case_service.bulk_regrade(actor_id=actor, case_ids=able, grade=values["grade"],
                                                 reason=values.get("grade_reason", ""))
            return case_service.bulk_close(actor_id=actor, case_ids=able, **values)

        checks = case_service.bulk_check(actor_id=actor, case_ids=ids, step=name)
        if not BulkDialog.ask(self.session, forms[name], checks, run, self):
            return
        self.model.refresh_rows(set(ids))
        self.sig_cases_changed.emit(set(ids))

    def _selection_changed(self) -> None:
        """Bulk buttons only with something selected (they used to look enabled and do nothing)."""
        count = len(self.view.selectionModel().selectedRows())
        for button in self.bulk_buttons:
            button.setEnabled(count > 0)
            button.setToolTip("" if count else self.tr("Select incidents in the list first"))


class CaseListPage(_ListPage):
    """Problems, changes or work orders: state, assignee and period filters, search, saved filters, sorting."""

    def __init__(self, session: ClientSession, kind: str, parent: QWidget | None = None) -> None:
        model = CaseTableModel(session, kind)
        super().__init__(session, model, f"{kind}_table", model.COLUMNS.index("title"), parent)
        self.model.setParent(self)
        self.kind = kind
        self.state = self._state_combo(kind)
        self.assignee = self._assignee_combo()
        self.period = self._period_combo()
        self.text = QLineEdit(self)
        self.text.setObjectName("filter_text")
        self.text.setPlaceholderText(self.tr("Search titles"))
        self.text.returnPressed.connect(self.apply_filters)
        top = QHBoxLayout()
        for widget in (self.state, self.assignee, self.period):
            _shrinkable(widget)
            top.addWidget(widget)
        self.text.setMinimumWidth(160)
        top.addWidget(self.text, 1)
        self.saved = SavedFilterBar(session, {"problem": "problems", "change": "changes"}.get(kind, "work_orders"),
                                    self.filter_definition, self.apply_definition, self)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.stale)
        bottom.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.saved)
        layout.addWidget(self.busy)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.export_bar)
        layout.addLayout(bottom)
        for combo in (self.state, self.assignee, self.period):
            combo.currentIndexChanged.connect(self.apply_filters)
        self.apply_filters()

    def apply_filters(self) -> None:
        self.stale.hide()
        days = self.period.currentData() or 0
        self.model.set_filters(CaseFilter(states=self.state.currentData() or (), text=self.text.text().strip(),
                                          opened_from=_utcnow() - timedelta(days=days) if days else None,
                                          **self._assignee_filter(self.assignee)))

    def export_spec(self) -> ExportSpec:
        return ExportSpec(kind=self.kind, filters=self.model.filters, sort=self.model.order,
                          columns=self.shown_columns())

    def filter_definition(self) -> dict[str, Any]:
        return {"states": list(self.state.currentData() or ()), "assignee": self.assignee.currentData(),
                "period_days": self.period.currentData() or 0, "text": self.text.text().strip(),
                **self.sort_definition()}

    def apply_definition(self, saved: dict[str, Any]) -> None:
        for combo in (self.state, self.assignee, self.period):
            combo.blockSignals(True)
        _select_data(self.state, tuple(saved.get("states", ()))) or self.state.setCurrentIndex(0)
        _select_data(self.assignee, saved.get("assignee")) or self.assignee.setCurrentIndex(0)
        _select_data(self.period, saved.get("period_days", 0)) or self.period.setCurrentIndex(0)
        self.text.setText(saved.get("text", ""))
        for combo in (self.state, self.assignee, self.period):
            combo.blockSignals(False)
        self.apply_sort(saved)
        self.apply_filters()


class InboxPage(QWidget):
    """In-app notices, newest first; double-click opens the case and marks the notice read."""

    sig_open_case = Signal(int)
    sig_unread = Signal(int)
    sig_new_notices = Signal(list)  # unread notices that were not there at the last look, newest first

    def __init__(self, session: ClientSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._seen: set[int] | None = None  # notice ids already shown; None before the first look
        self.list = QListWidget(self)
        self.list.setObjectName("inbox")
        self.list.itemDoubleClicked.connect(self._open)
        read_all = QPushButton(self.tr("Mark all read"), self)
        read_all.clicked.connect(self.mark_all_read)
        self.empty = QLabel(self.tr("No notices yet. When a case you are told about is registered, accepted, "
                                    "regraded or closed, the notice appears here."), self)
        self.empty.setObjectName("empty_state")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty, 1)
        layout.addWidget(read_all)
        self.refresh()

    def refresh(self) -> None:
        from desktop.workflow.notify.notices import KIND_LABELS

        self.list.clear()
        items = inbox(user_id=self.session.actor.id)
        fresh = [item for item in items if not item.read and self._seen is not None and item.id not in self._seen]
        self._seen = {item.id for item in items}
        for item in items:
            label = KIND_LABELS.get(item.kind, {"ko": item.kind, "en": item.kind})
            # a person wrote it (the database says who): their name comes before the title, which is their text
            sender = self.tr("From {0}").format(item.sender) + " · " if item.sender else ""
            text = (f"{'' if item.read else '● '}{local_text(item.created_at, self.session.time_zone)}  "
                    f"{self.session.pick(label['ko'], label['en'])}  {item.number}  {sender}{item.title}")
            entry = QListWidgetItem(text, self.list)
            entry.setData(Qt.ItemDataRole.UserRole, (item.id, item.case_id))
            if not item.read:
                font = entry.font()
                font.setBold(True)
                entry.setFont(font)
        self.list.setVisible(bool(items))
        self.empty.setVisible(not items)
        self.sig_unread.emit(unread_count(user_id=self.session.actor.id))
        if fresh:
            self.sig_new_notices.emit(fresh)

    def _open(self, entry: QListWidgetItem) -> None:
        notice_id, case_id = entry.data(Qt.ItemDataRole.UserRole)
        mark_read(user_id=self.session.actor.id, ids=[notice_id])
        self.refresh()
        if case_id:
            self.sig_open_case.emit(case_id)

    def mark_all_read(self) -> None:
        mark_read(user_id=self.session.actor.id)
        self.refresh()
