"""The CI-to-owner matrix editor (CI별 담당자 매트릭스): CIs × roles, several people per cell, in order.

Every edit (a person added, removed or moved, a row copied, a CSV imported) is pending until
Save, which hands all of them to the workflow in one transaction; Undo takes back the last edit
before that. The preview shows, for the selected row's application, who would get an incident
registered now if the pending edits were saved (the engine's own assignment code answers it).
"""

from __future__ import annotations

import html
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import BeaconError
from desktop.i18n import pick
from desktop.views import dialogs
from desktop.views.dialog_kit import fit_to_screen
from desktop.views.session import ClientSession
from desktop.workflow.admin import matrix as admin_matrix
from desktop.workflow.admin.matrix import CellEdit, CellUser, MatrixGrid, MatrixRow, RowError
from desktop.workflow.notify.notices import REASON_LABELS

Cell = tuple[int, str]
CI_ROLE = Qt.ItemDataRole.UserRole
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1
FLAG_BRUSH = QBrush(QColor(198, 40, 40, 70))  # reads on light and dark backgrounds alike
PENDING_BRUSH = QBrush(QColor(255, 179, 0, 60))


class UserPicker(QWidget):
    """A search box and a list of active users; typing filters by name, English name, login or team."""

    sig_picked = Signal(int)

    def __init__(self, session: ClientSession, users: dict[int, CellUser], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.search = QLineEdit(self)
        self.search.setObjectName("picker_search")
        self.search.setAccessibleName(self.tr("Find a person by name, login or team"))
        self.search.setPlaceholderText(self.tr("Search people by name or team"))
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        self.list.setObjectName("picker_list")
        self.list.setAccessibleName(self.tr("People"))
        self.list.itemDoubleClicked.connect(lambda item: self.sig_picked.emit(int(item.data(CI_ROLE))))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.list)
        self.search.textChanged.connect(self._filter)
        self.set_users(users)

    def set_users(self, users: dict[int, CellUser]) -> None:
        self.users = users
        self.list.clear()
        for user in users.values():
            item = QListWidgetItem(f"{self.session.pick(user.name, user.name_en)} · "
                                   f"{self.session.pick(user.team, user.team_en) or self.tr('(no team)')}")
            item.setData(CI_ROLE, user.user_id)
            self.list.addItem(item)
        self._filter(self.search.text())

    def _filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for row in range(self.list.count()):
            item = self.list.item(row)
            user = self.users[int(item.data(CI_ROLE))]
            haystack = f"{user.name} {user.name_en} {user.login} {user.team} {user.team_en}".casefold()
            item.setHidden(bool(needle) and needle not in haystack)
        visible = [self.list.item(r) for r in range(self.list.count()) if not self.list.item(r).isHidden()]
        if visible and (self.list.currentItem() is None or self.list.currentItem().isHidden()):
            self.list.setCurrentItem(visible[0])

    def chosen(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None or item.isHidden() else int(item.data(CI_ROLE))


class CopyRowDialog(QDialog):
    """Pick the CIs that should get the same owners as the source row."""

    def __init__(self, session: ClientSession, rows: list[MatrixRow], source: MatrixRow,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Copy owners to other CIs"))
        label = QLabel(self.tr("Click the configuration items that should get the owners of {0} (every role):")
                       .format(session.pick(source.name, source.name_en)), self)
        label.setWordWrap(True)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Filter by code or name"))
        self.list = QListWidget(self)
        self.list.setObjectName("copy_targets")
        self.list.setAccessibleName(self.tr("Configuration items to copy to"))
        self.search.setAccessibleName(self.tr("Filter by code or name"))
        for row in rows:
            if row.ci_id == source.ci_id:
                continue
            item = QListWidgetItem(f"{row.code} · {session.pick(row.name, row.name_en)}")
            item.setData(CI_ROLE, row.ci_id)
            item.setData(SEARCH_ROLE, f"{row.code} {row.name} {row.name_en}".casefold())
            self.list.addItem(item)
        # A click toggles a row: check boxes in lists do not show under the qt-material theme.
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        self.search.textChanged.connect(self._filter)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Copy"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (label, self.search, self.list, buttons):
            layout.addWidget(widget)
        fit_to_screen(self, width=460, height=520)

    def _filter(self, text: str) -> None:
        for r in range(self.list.count()):
            item = self.list.item(r)
            item.setHidden(bool(text) and text.strip().casefold() not in item.data(SEARCH_ROLE))

    def targets(self) -> list[int]:
        return [int(self.list.item(r).data(CI_ROLE)) for r in range(self.list.count())
                if self.list.item(r).isSelected() and not self.list.item(r).isHidden()]

    @classmethod
    def ask(cls, session: ClientSession, rows: list[MatrixRow], source: MatrixRow,
            parent: QWidget | None = None) -> list[int] | None:
        dialog = cls(session, rows, source, parent)
        return dialog.targets() if dialog.exec() == QDialog.DialogCode.Accepted else None


class ImportReportDialog(QDialog):
    """Why an import file was refused: one line per bad row (line, column, value, reason)."""

    def __init__(self, session: ClientSession, path: str, errors: list[RowError], parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import refused"))
        label = QLabel(self.tr("{0}: {1} bad rows. Nothing was imported; fix the file and import it again.")
                       .format(Path(path).name, len(errors)), self)
        label.setWordWrap(True)
        self.table = QTableWidget(len(errors), 4, self)
        self.table.setObjectName("import_errors")
        self.table.setAccessibleName(self.tr("Import refused"))
        self.table.setHorizontalHeaderLabels([self.tr("Line"), self.tr("Column"), self.tr("Value"),
                                              self.tr("Problem")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for r, error in enumerate(errors):
            for c, text in enumerate((str(error.line), error.column, error.value, pick(error.reason,
                                                                                         session.language))):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.resizeColumnsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        fit_to_screen(self, width=760, height=420)

    @classmethod
    def ask(cls, session: ClientSession, path: str, errors: list[RowError], parent: QWidget | None = None) -> None:
        cls(session, path, errors, parent).exec()


class MatrixEditor(QWidget):
    """CIs (grouped by application) × matrix roles; pending edits with undo; one Save."""

    def __init__(self, session: ClientSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.grid: MatrixGrid = MatrixGrid([], [], {})
        self.base: dict[Cell, tuple[int, ...]] = {}
        self.pending: dict[Cell, tuple[int, ...]] = {}
        self.undo_stack: list[list[tuple[Cell, tuple[int, ...], tuple[int, ...]]]] = []
        self.items: dict[int, QTreeWidgetItem] = {}
        self.current_cell: Cell | None = None

        self.search = QLineEdit(self)
        self.search.setObjectName("matrix_search")
        self.search.setPlaceholderText(self.tr("Search CI, code or person"))
        self.search.setClearButtonEnabled(True)
        self.flagged_only = QCheckBox(self.tr("Only flagged"), self)
        self.flagged_only.setObjectName("matrix_flagged_only")
        self.buttons: dict[str, QPushButton] = {}
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.flagged_only)
        for key, text, slot in (("import", self.tr("Import CSV…"), self.import_csv),
                                ("export", self.tr("Export CSV…"), self.export_csv),
                                ("copy", self.tr("Copy row…"), self.copy_row),
                                ("undo", self.tr("Undo"), self.undo),
                                ("reload", self.tr("Discard changes"), self.discard),
                                ("save", self.tr("Save"), self.save)):
            button = QPushButton(text, self)
            button.setObjectName(f"matrix_{key}")
            button.clicked.connect(slot)
            self.buttons[key] = button
            top.addWidget(button)
        QShortcut(QKeySequence.StandardKey.Undo, self, self.undo)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)

        self.tree = QTreeWidget(self)
        self.tree.setObjectName("matrix_grid")
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)

        self.cell_title = QLabel(self.tr("Pick a cell to edit its people."), self)
        self.cell_title.setObjectName("cell_title")
        self.cell_title.setWordWrap(True)
        self.cell_list = QListWidget(self)
        self.cell_list.setObjectName("cell_users")
        self.cell_list.setMaximumHeight(120)
        cell_buttons = QHBoxLayout()
        for key, text, slot in (("up", self.tr("Up"), lambda: self.move_selected(-1)),
                                ("down", self.tr("Down"), lambda: self.move_selected(1)),
                                ("remove", self.tr("Remove"), self.remove_selected)):
            button = QPushButton(text, self)
            button.setObjectName(f"cell_{key}")
            button.clicked.connect(slot)
            self.buttons[f"cell_{key}"] = button
            cell_buttons.addWidget(button)
        self.picker = UserPicker(session, {}, self)
        self.picker.sig_picked.connect(self.add_user)
        add = QPushButton(self.tr("Add to cell"), self)
        add.setObjectName("cell_add")
        add.clicked.connect(lambda: self.picker.chosen() is not None and self.add_user(self.picker.chosen()))
        self.buttons["cell_add"] = add
        cell_box = QGroupBox(self.tr("Cell"), self)
        cell_layout = QVBoxLayout(cell_box)
        cell_layout.addWidget(self.cell_title)
        cell_layout.addWidget(self.cell_list)
        cell_layout.addLayout(cell_buttons)
        cell_layout.addWidget(self.picker, 1)
        cell_layout.addWidget(add)

        self.preview = QLabel(self)
        self.preview.setObjectName("matrix_preview")
        self.preview.setWordWrap(True)
        self.preview.setTextFormat(Qt.TextFormat.RichText)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        preview_box = QGroupBox(self.tr("Who gets an incident on this application"), self)
        QVBoxLayout(preview_box).addWidget(self.preview)

        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(cell_box, 3)
        side_layout.addWidget(preview_box, 2)
        splitter = QSplitter(self)
        splitter.addWidget(self.tree)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)

        self.issues = QLabel(self)
        self.issues.setObjectName("matrix_issues")
        self.issues.setWordWrap(True)
        self.status = QLabel(self)
        self.status.setObjectName("matrix_status")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.issues)
        layout.addWidget(self.status)

        self.search.textChanged.connect(self.apply_filter)
        self.flagged_only.toggled.connect(self.apply_filter)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.load()

    def title(self) -> str:
        return self.tr("Owner matrix")

    # --- state -------------------------------------------------------------------------------

    def load(self) -> None:
        """Read the saved matrix; pending edits and the undo history are dropped."""
        self.grid = admin_matrix.matrix_grid()
        self.base = {(r.ci_id, role): users for r in self.grid.rows for role, users in r.cells.items()}
        self.pending = {}
        self.undo_stack = []
        self.picker.set_users(self.grid.users)
        self._build_tree()
        self._after_change()

    def refresh(self) -> None:
        if not self.pending:
            self.load()

    def cell_users(self, cell: Cell) -> tuple[int, ...]:
        """What the cell holds now, pending edits included."""
        return self.pending.get(cell, self.base.get(cell, ()))

    def pending_edits(self) -> list[CellEdit]:
        return [CellEdit(ci, role, self.base.get((ci, role), ()), users)
                for (ci, role), users in sorted(self.pending.items()) if users != self.base.get((ci, role), ())]

    def rows_now(self) -> list[MatrixRow]:
        return [replace(r, cells={role: self.cell_users((r.ci_id, role)) for role in r.cells}) for r in self.grid.rows]

    def set_cells(self, changes: dict[Cell, tuple[int, ...]]) -> None:
        """One undoable step that gives these cells these people."""
        step = [(cell, self.cell_users(cell), users) for cell, users in changes.items()
                if self.cell_users(cell) != users]
        if not step:
            return
        self.undo_stack.append(step)
        for cell, _old, new in step:
            self._put(cell, new)
        self._after_change({cell[0] for cell, _, _ in step})

    def _put(self, cell: Cell, users: tuple[int, ...]) -> None:
        if users == self.base.get(cell, ()):
            self.pending.pop(cell, None)
        else:
            self.pending[cell] = users

    def undo(self) -> None:
        if not self.undo_stack:
            return
        step = self.undo_stack.pop()
        for cell, old, _new in reversed(step):
            self._put(cell, old)
        self._after_change({cell[0] for cell, _, _ in step})
        self.status.setText(self.tr("Undone."))

    def discard(self) -> None:
        self.load()
        self.status.setText(self.tr("Changes discarded; the saved matrix is shown."))

    def save(self) -> None:
        edits = self.pending_edits()
        if not edits:
            self.status.setText(self.tr("Nothing to save."))
            return
        try:
            result = admin_matrix.apply_matrix_edits(actor_id=self.session.actor.id, edits=edits)
        except BeaconError as exc:
            dialogs.show_error(self, exc, self.session.language)
            return
        self.load()
        self.status.setText(self.tr("Saved: {0} cells ({1} people added, {2} taken out).")
                            .format(result.cells, result.added, result.removed))

    # --- cell editing ------------------------------------------------------------------------

    def select_cell(self, ci_id: int, role: str) -> None:
        """Make one cell current (as a click on it does)."""
        column = 1 + [r.code for r in self.grid.roles].index(role)
        self.tree.setCurrentItem(self.items[ci_id], column)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        item = self.tree.itemFromIndex(current) if current.isValid() else None
        ci = item.data(0, CI_ROLE) if item is not None else None
        if ci is None or current.column() == 0:
            self.current_cell = None
        else:
            self.current_cell = (int(ci), self.grid.roles[current.column() - 1].code)
        self._show_cell()
        self._show_preview()

    def add_user(self, user_id: int | None) -> None:
        if self.current_cell is None or user_id is None:
            return
        users = self.cell_users(self.current_cell)
        if user_id in users:
            self.status.setText(self.tr("{0} is already in this cell.").format(self._name(user_id)))
            return
        self.set_cells({self.current_cell: (*users, user_id)})

    def remove_selected(self) -> None:
        row = self.cell_list.currentRow()
        if self.current_cell is None or row < 0:
            return
        users = list(self.cell_users(self.current_cell))
        del users[row]
        self.set_cells({self.current_cell: tuple(users)})

    def move_selected(self, delta: int) -> None:
        row = self.cell_list.currentRow()
        if self.current_cell is None or row < 0:
            return
        users = list(self.cell_users(self.current_cell))
        target = row + delta
        if not 0 <= target < len(users):
            return
        users[row], users[target] = users[target], users[row]
        self.set_cells({self.current_cell: tuple(users)})
        self.cell_list.setCurrentRow(target)

    # --- copy, import, export ----------------------------------------------------------------

    def copy_row(self) -> None:
        item = self.tree.currentItem()
        ci = item.data(0, CI_ROLE) if item is not None else None
        if ci is None:
            self.status.setText(self.tr("Pick the row to copy first."))
            return
        rows = self.rows_now()
        source = next(r for r in rows if r.ci_id == int(ci))
        targets = CopyRowDialog.ask(self.session, rows, source, self)
        if not targets:
            return
        edits = admin_matrix.copy_row_edits({r.ci_id: r.cells for r in rows}, source.ci_id, targets)
        self.set_cells({(e.ci_id, e.role): e.after for e in edits})
        self.status.setText(self.tr("Copied to {0} CIs; not saved yet.").format(len(targets)))

    @staticmethod
    def ask_open_path(parent: QWidget) -> str:
        path, _ = QFileDialog.getOpenFileName(parent, QCoreApplication.translate("MatrixEditor", "Import owner matrix"),
                                              "", QCoreApplication.translate("MatrixEditor", "CSV files (*.csv)"))
        return path

    @staticmethod
    def ask_save_path(parent: QWidget) -> str:
        path, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("MatrixEditor", "Export owner matrix"),
                                              "owner-matrix.csv",
                                              QCoreApplication.translate("MatrixEditor", "CSV files (*.csv)"))
        return path

    def import_csv(self) -> None:
        path = self.ask_open_path(self)
        if not path:
            return
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            self.status.setText(self.tr("Cannot read {0}: {1}").format(path, exc.strerror or exc))
            return
        parsed = admin_matrix.parse_matrix_csv(data)
        if not parsed.ok:
            self.status.setText(self.tr("{0}: {1} bad rows; nothing imported.").format(Path(path).name,
                                                                                     len(parsed.errors)))
            ImportReportDialog.ask(self.session, path, parsed.errors, self)
            return
        stale = [e for e in parsed.edits if e.before != self.base.get((e.ci_id, e.role), ())]
        if stale:  # someone saved since this screen loaded: the file is checked against their version
            self.status.setText(self.tr("The matrix changed since it was loaded; discard or save, then import again."))
            return
        self.set_cells({(e.ci_id, e.role): e.after for e in parsed.edits})
        self.status.setText(self.tr("{0}: {1} rows read, {2} cells change. Not saved yet: check, then Save.")
                            .format(Path(path).name, parsed.rows, len(parsed.edits)))

    def export_csv(self) -> None:
        path = self.ask_save_path(self)
        if not path:
            return
        try:
            data = admin_matrix.export_matrix_csv(actor_id=self.session.actor.id)
            Path(path).write_bytes(data)
        except BeaconError as exc:
            dialogs.show_error(self, exc, self.session.language)
            return
        except OSError as exc:
            self.status.setText(self.tr("Cannot write {0}: {1}").format(path, exc.strerror or exc))
            return
        note = self.tr(" (the saved matrix; unsaved edits are not in it)") if self.pending else ""
        self.status.setText(self.tr("Exported to {0}.").format(path) + note)

    # --- showing -----------------------------------------------------------------------------

    def _name(self, user_id: int) -> str:
        user = self.grid.users.get(user_id)
        return self.session.pick(user.name, user.name_en) if user else f"#{user_id}"

    def _build_tree(self) -> None:
        # Drop our wrappers before the tree deletes the items, and create each item with its parent
        # so the tree (not Python) owns it: no wrapper outlives or double-frees a deleted item.
        self.items = {}
        self.tree.clear()
        self.tree.setColumnCount(1 + len(self.grid.roles))
        self.tree.setHeaderLabels([self.tr("Configuration item")]
                                  + [self.session.pick(r.name, r.name_en) for r in self.grid.roles])
        loose: QTreeWidgetItem | None = None
        for row in self.grid.rows:
            if row.group_id == row.ci_id:
                item = QTreeWidgetItem(self.tree)
            elif row.group_id is not None:
                item = QTreeWidgetItem(self.items[row.group_id])
            else:
                if loose is None:
                    loose = QTreeWidgetItem(self.tree, [self.tr("Not linked to an application")])
                    loose.setFlags(Qt.ItemFlag.ItemIsEnabled)
                item = QTreeWidgetItem(loose)
            item.setData(0, CI_ROLE, row.ci_id)
            self.items[row.ci_id] = item
            self._paint(row.ci_id)
        self.tree.expandAll()
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.tree.setColumnWidth(0, 260)
        for c in range(1, self.tree.columnCount()):
            self.tree.setColumnWidth(c, 160)
        self.apply_filter()

    def _paint(self, ci_id: int) -> None:
        row = self.grid.row(ci_id)
        item = self.items[ci_id]
        kind = "" if row.kind == "application" else f" [{row.kind}]"
        item.setText(0, f"{self.session.pick(row.name, row.name_en)}{kind}")
        item.setToolTip(0, row.code)
        flagged = {i.role for i in admin_matrix.matrix_issues([replace(row, cells={
            role: self.cell_users((ci_id, role)) for role in row.cells})])}
        for c, role in enumerate(self.grid.roles, start=1):
            users = self.cell_users((ci_id, role.code))
            names = [self._name(u) for u in users]
            item.setText(c, ", ".join(names) if names else ("⚠ " + self.tr("none") if role.code in flagged else ""))
            item.setToolTip(c, "\n".join(f"{i}. {self._name(u)} · {self._team(u)}" for i, u in enumerate(users, 1)))
            font = QFont(item.font(c))
            pending = (ci_id, role.code) in self.pending
            font.setItalic(pending)
            item.setFont(c, font)
            if role.code in flagged:
                item.setBackground(c, FLAG_BRUSH)
            elif pending:
                item.setBackground(c, PENDING_BRUSH)
            else:
                item.setBackground(c, QBrush())

    def _team(self, user_id: int) -> str:
        user = self.grid.users.get(user_id)
        return (self.session.pick(user.team, user.team_en) or self.tr("(no team)")) if user else ""

    def _after_change(self, ci_ids: set[int] | None = None) -> None:
        for ci_id in (ci_ids if ci_ids is not None else []):
            self._paint(ci_id)
        issues = admin_matrix.matrix_issues(self.rows_now())
        if issues:
            self.issues.setText("⚠ " + self.tr("{0} applications have no primary handler: ").format(len(issues))
                                + ", ".join(self._row_name(i.ci_id) for i in issues[:8])
                                + (" …" if len(issues) > 8 else ""))
        else:
            self.issues.setText(self.tr("Every application has a primary handler."))
        count = len(self.pending_edits())
        self.buttons["save"].setEnabled(count > 0)
        self.buttons["undo"].setEnabled(bool(self.undo_stack))
        self.buttons["reload"].setEnabled(count > 0)
        self.buttons["save"].setText(self.tr("Save ({0})").format(count) if count else self.tr("Save"))
        self._show_cell()
        self._show_preview()
        if ci_ids:
            self.apply_filter()

    def _row_name(self, ci_id: int) -> str:
        row = self.grid.row(ci_id)
        return self.session.pick(row.name, row.name_en)

    def apply_filter(self) -> None:
        needle = self.search.text().strip().casefold()
        flagged = {i.ci_id for i in admin_matrix.matrix_issues(self.rows_now())} if self.flagged_only.isChecked() \
            else None
        for row in self.grid.rows:
            people = " ".join(f"{self._name(u)} {self._team(u)}" for users in
                              (self.cell_users((row.ci_id, r.code)) for r in self.grid.roles) for u in users)
            text = f"{row.code} {row.name} {row.name_en} {people}".casefold()
            hidden = (bool(needle) and needle not in text) or (flagged is not None and row.ci_id not in flagged)
            self.items[row.ci_id].setHidden(hidden)
        for i in range(self.tree.topLevelItemCount()):  # a group stays visible while one of its rows is
            top = self.tree.topLevelItem(i)
            if any(not top.child(c).isHidden() for c in range(top.childCount())):
                top.setHidden(False)

    def _show_cell(self) -> None:
        self.cell_list.clear()
        enabled = self.current_cell is not None
        for key in ("cell_up", "cell_down", "cell_remove", "cell_add"):
            self.buttons[key].setEnabled(enabled)
        self.picker.setEnabled(enabled)
        if self.current_cell is None:
            self.cell_title.setText(self.tr("Pick a cell to edit its people."))
            return
        ci_id, role = self.current_cell
        role_label = next(self.session.pick(r.name, r.name_en) for r in self.grid.roles if r.code == role)
        self.cell_title.setText(f"<b>{html.escape(self._row_name(ci_id))}</b> · {html.escape(role_label)}")
        for i, user_id in enumerate(self.cell_users(self.current_cell), 1):
            self.cell_list.addItem(f"{i}. {self._name(user_id)} · {self._team(user_id)}")

    def _application_of_current(self) -> int | None:
        item = self.tree.currentItem()
        ci = item.data(0, CI_ROLE) if item is not None else None
        if ci is None:
            return None
        row = self.grid.row(int(ci))
        return row.group_id

    def _show_preview(self) -> None:
        app_id = self._application_of_current()
        if app_id is None:
            self.preview.setText(self.tr("Pick a row of an application to see who would get its incidents."))
            return
        try:
            result = admin_matrix.preview_assignment(app_id, self.pending_edits(), language=self.session.language)
        except BeaconError as exc:
            self.preview.setText(exc.message(self.session.language))
            return
        lines: list[str] = []
        if result.assignee:
            lines.append(self.tr("Assigned to: {0}").format(result.assignee)
                         + (f" ({result.team})" if result.team else ""))
        elif result.team:
            lines.append(self.tr("Assigned to the team {0}, nobody in person").format(result.team))
        else:
            lines.append(self.tr("Nobody is assigned"))
        if result.told_assigned:
            lines.append(self.tr("Told it is theirs: {0}").format(", ".join(result.told_assigned)))
        lines.extend(f"⚠ {note}" for note in result.notes)
        lines.append(self.tr("Propagation group told:") + ("" if result.recipients else " " + self.tr("nobody")))
        lines.extend(f"  • {name} — {pick(REASON_LABELS.get(why, {'ko': why, 'en': why}), self.session.language)}"
                     for name, why, _channels in result.recipients)
        self.preview.setText(f"<b>{html.escape(self._row_name(app_id))}</b><br>"
                             + "<br>".join(html.escape(line) for line in lines))
