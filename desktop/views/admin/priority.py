"""Priority matrix editor: urgency × impact → grade, the levels and grades themselves, and what a
pending grid would change, all saved at once by one workflow call."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import BeaconError
from desktop.views.cell_colors import CellColorsDelegate, text_color
from desktop.views.session import ClientSession
from desktop.workflow.admin import policy as ap


class LevelTable(QGroupBox):
    """A list of levels (or grades) with Korean and English names, edited in place."""

    def __init__(self, title: str, objname: str, *, colors: bool, movable: bool, parent: QWidget) -> None:
        super().__init__(title, parent)
        self.setObjectName(objname)
        self.colors = colors
        self.items: list[ap.LevelDraft] | list[ap.GradeDraft] = []
        self.on_edit: Callable[[], None] = lambda: None
        self.table = QTableWidget(0, 3 if colors else 2, self)
        self.table.setObjectName(f"{objname}_table")
        headers = [self.tr("Korean"), self.tr("English")] + ([self.tr("Colour")] if colors else [])
        self.table.setHorizontalHeaderLabels(headers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        if colors:
            self.table.setItemDelegate(CellColorsDelegate(self.table))
            self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
            self.table.setColumnWidth(2, 100)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.itemChanged.connect(self._item_changed)
        self.add_button = QPushButton(self.tr("Add"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.up_button = QPushButton(self.tr("Up"), self)
        self.down_button = QPushButton(self.tr("Down"), self)
        buttons = QHBoxLayout()
        for b, name in ((self.add_button, "add"), (self.remove_button, "remove"), (self.up_button, "up"),
                        (self.down_button, "down")):
            b.setObjectName(f"{objname}_{name}")
            buttons.addWidget(b)
        self.up_button.setVisible(movable)
        self.down_button.setVisible(movable)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self._filling = False

    def fill(self, items: list[ap.LevelDraft] | list[ap.GradeDraft], selected: int = -1) -> None:
        self.items = items
        self._filling = True
        self.table.setRowCount(len(items))
        for row, item in enumerate(items):
            values = [item.name, item.name_en] + ([item.color] if self.colors else [])
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                if self.colors:
                    color = items[row].color  # type: ignore[union-attr]
                    if QColor(color).isValid():
                        cell.setBackground(QBrush(QColor(color)))
                        cell.setForeground(QBrush(QColor(text_color(color))))
                self.table.setItem(row, column, cell)
        self._filling = False
        if 0 <= selected < len(items):
            self.table.selectRow(selected)

    def current_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _item_changed(self, cell: QTableWidgetItem) -> None:
        if self._filling:
            return
        item = self.items[cell.row()]
        attr = ("name", "name_en", "color")[cell.column()]
        setattr(item, attr, cell.text().strip())
        self.on_edit()


class PriorityMatrixEditor(QWidget):
    """The priority matrix as an administrator reshapes it: a grid of grades, levels, a preview, one Save."""

    def __init__(self, session: ClientSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.grid = QTableWidget(self)
        self.grid.setObjectName("matrix_grid")
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        grid_box = QGroupBox(self.tr("Priority matrix: urgency (rows) × impact (columns) → grade"), self)
        grid_layout = QVBoxLayout(grid_box)
        grid_layout.addWidget(self.grid)

        self.urgency_table = LevelTable(self.tr("Urgency levels (most urgent first)"), "urgency_levels",
                                        colors=False, movable=True, parent=self)
        self.impact_table = LevelTable(self.tr("Impact levels (widest first)"), "impact_levels", colors=False,
                                       movable=True, parent=self)
        self.grade_table = LevelTable(self.tr("Grades (most severe first)"), "grades", colors=True, movable=False,
                                      parent=self)
        for kind, table in (("urgency", self.urgency_table), ("impact", self.impact_table),
                            ("grade", self.grade_table)):
            table.on_edit = self._changed
            table.add_button.clicked.connect(lambda _=False, k=kind: self.add_level(k))
            table.remove_button.clicked.connect(lambda _=False, k=kind: self.remove_level(k))
            table.up_button.clicked.connect(lambda _=False, k=kind: self.move_level(k, -1))
            table.down_button.clicked.connect(lambda _=False, k=kind: self.move_level(k, 1))
        levels = QHBoxLayout()
        levels.addWidget(self.urgency_table, 2)
        levels.addWidget(self.impact_table, 2)
        levels.addWidget(self.grade_table, 3)

        self.preview = QLabel(self)
        self.preview.setObjectName("impact_preview")
        self.preview.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.revert_button = QPushButton(self.tr("Revert"), self)
        self.revert_button.setObjectName("revert")
        self.revert_button.clicked.connect(self.reload)
        self.save_button = QPushButton(self.tr("Save matrix"), self)
        self.save_button.setObjectName("save")
        self.save_button.clicked.connect(self.save)
        actions = QHBoxLayout()
        actions.addWidget(self.message, 1)
        actions.addWidget(self.revert_button)
        actions.addWidget(self.save_button)

        top = QHBoxLayout()
        top.addWidget(grid_box, 3)
        preview_box = QGroupBox(self.tr("Before saving"), self)
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.addWidget(self.preview)
        preview_layout.addStretch(1)
        top.addWidget(preview_box, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addLayout(levels, 1)
        layout.addLayout(actions)
        self.reload()

    def title(self) -> str:
        return self.tr("Priority matrix")

    # --- state ------------------------------------------------------------------------

    def refresh(self) -> None:
        """Cases changed somewhere (or F5): recount the open incidents; edits in progress are kept."""
        if self.has_unsaved_edits():
            self.counts = ap.open_incidents_by_cell()
            self._update_preview()
        else:
            self.reload()

    def has_unsaved_edits(self) -> bool:
        d, s = self.draft(), self.stored
        return (d.urgencies, d.impacts, d.grades, d.cells) != (s.urgencies, s.impacts, s.grades, s.cells)

    def reload(self) -> None:
        """Load the stored matrix and the open incidents' cells, dropping unsaved edits (Revert)."""
        self.stored = ap.read_matrix()
        self.counts = ap.open_incidents_by_cell()
        self._load(ap.read_matrix())
        self._say("")

    def _load(self, matrix: ap.MatrixDraft) -> None:
        self.fingerprint = matrix.fingerprint
        self.urgencies, self.impacts, self.grades = matrix.urgencies, matrix.impacts, matrix.grades
        u_by_key = {ap.level_key(u, n): u for n, u in enumerate(self.urgencies)}
        i_by_key = {ap.level_key(i, n): i for n, i in enumerate(self.impacts)}
        g_by_key = {ap.grade_key(g, n): g for n, g in enumerate(self.grades)}
        # cells keyed by the level objects themselves, so adding or moving levels never loses one
        self.cells: dict[tuple[int, int], ap.GradeDraft] = {
            (id(u_by_key[u]), id(i_by_key[i])): g_by_key[g] for (u, i), g in matrix.cells.items()
            if u in u_by_key and i in i_by_key and g in g_by_key}
        self._rebuild()

    def draft(self) -> ap.MatrixDraft:
        """The matrix as it stands on screen, in the workflow's terms."""
        g_keys = {id(g): ap.grade_key(g, n) for n, g in enumerate(self.grades)}
        cells = {}
        for ui, u in enumerate(self.urgencies):
            for ii, i in enumerate(self.impacts):
                grade = self.cells.get((id(u), id(i)))
                if grade is not None and id(grade) in g_keys:
                    cells[(ap.level_key(u, ui), ap.level_key(i, ii))] = g_keys[id(grade)]
        return ap.MatrixDraft(list(self.urgencies), list(self.impacts), list(self.grades), cells, self.fingerprint)

    def _label(self, item: ap.LevelDraft | ap.GradeDraft) -> str:
        return self.session.pick(item.name, item.name_en) or self.tr("(no name)")

    def _rebuild(self) -> None:
        self.grid.clear()
        self.grid.setRowCount(len(self.urgencies))
        self.grid.setColumnCount(len(self.impacts))
        self.grid.setHorizontalHeaderLabels([self._label(i) for i in self.impacts])
        self.grid.setVerticalHeaderLabels([self._label(u) for u in self.urgencies])
        for r, u in enumerate(self.urgencies):
            self.grid.setRowHeight(r, 40)
            for c, i in enumerate(self.impacts):
                combo = QComboBox(self.grid)
                combo.setObjectName(f"cell_{r}_{c}")
                for n, g in enumerate(self.grades):
                    combo.addItem(self._label(g), n)
                grade = self.cells.get((id(u), id(i)))
                combo.setCurrentIndex(next((n for n, g in enumerate(self.grades) if g is grade), -1))
                self._paint(combo)
                combo.currentIndexChanged.connect(lambda n, uu=u, ii=i, cb=combo: self._cell_changed(uu, ii, cb, n))
                self.grid.setCellWidget(r, c, combo)
        self.urgency_table.fill(self.urgencies, self.urgency_table.current_row())
        self.impact_table.fill(self.impacts, self.impact_table.current_row())
        self.grade_table.fill(self.grades, self.grade_table.current_row())
        self._update_preview()

    def _paint(self, combo: QComboBox) -> None:
        n = combo.currentData()
        if n is None:
            combo.setStyleSheet("QComboBox { border: 2px dashed #c62828; }")
            return
        color = self.grades[n].color if QColor(self.grades[n].color).isValid() else "#888888"
        combo.setStyleSheet(f"QComboBox {{ background-color: {color}; color: {text_color(color)}; "
                            "font-weight: bold; }")

    def _cell_changed(self, urgency: ap.LevelDraft, impact: ap.LevelDraft, combo: QComboBox, n: int) -> None:
        if n < 0:
            return
        self.cells[(id(urgency), id(impact))] = self.grades[n]
        self._paint(combo)
        self._update_preview()

    def _changed(self) -> None:
        """A name or colour was edited in place: relabel the grid."""
        self._rebuild()

    # --- levels -------------------------------------------------------------------------

    def _list(self, kind: str) -> list:
        return {"urgency": self.urgencies, "impact": self.impacts, "grade": self.grades}[kind]

    def _table(self, kind: str) -> LevelTable:
        return {"urgency": self.urgency_table, "impact": self.impact_table, "grade": self.grade_table}[kind]

    def add_level(self, kind: str) -> None:
        """A new level at the end (least urgent / narrowest / least severe); rename it in place."""
        items = self._list(kind)
        n = len(items) + 1
        if kind == "grade":
            items.append(ap.GradeDraft(f"{n}등급", f"Grade {n}", "#607d8b"))
        else:
            fallback = self.grades[-1] if self.grades else None
            new = ap.LevelDraft(f"새 수준 {n}", f"New level {n}")
            items.append(new)
            if fallback is not None:
                pairs = [(new, other) for other in self.impacts] if kind == "urgency" else \
                    [(other, new) for other in self.urgencies]
                for u, i in pairs:
                    self.cells[(id(u), id(i))] = fallback
        self._rebuild()
        self._table(kind).table.selectRow(len(items) - 1)
        self._say(self.tr("Added. Type its Korean and English names in the list; save to keep it."))

    def remove_level(self, kind: str) -> None:
        """Drop the selected level, unless something uses it (asked of the workflow at once)."""
        items = self._list(kind)
        row = self._table(kind).current_row()
        if row < 0:
            self._say(self.tr("Select a row to remove first."), error=True)
            return
        item = items[row]
        stored = item.level if kind == "grade" else item.code
        try:
            if stored:
                ap.check_removable(kind, str(stored), {"ko": item.name, "en": item.name_en})
        except BeaconError as exc:
            self._say(exc.message(self.session.language), error=True)
            return
        if kind == "grade" and any(g is item for g in self.cells.values()):
            self._say(self.tr("Grade '%1' is still chosen in the matrix; pick another grade in those cells first.")
                      .replace("%1", self._label(item)), error=True)
            return
        if len(items) == 1:
            self._say(self.tr("At least one must remain."), error=True)
            return
        items.pop(row)
        self._rebuild()
        self._say(self.tr("Removed from the draft; save to make it final."))

    def move_level(self, kind: str, step: int) -> None:
        items = self._list(kind)
        row = self._table(kind).current_row()
        target = row + step
        if row < 0 or not 0 <= target < len(items):
            return
        items[row], items[target] = items[target], items[row]
        self._rebuild()
        self._table(kind).table.selectRow(target)

    # --- preview and save ----------------------------------------------------------------------

    def _update_preview(self) -> None:
        impact = ap.matrix_impact(self.stored, self.draft(), self.counts)
        lang = self.session.language
        lines = [self.tr("Open incidents now: %1").replace("%1", str(impact.open_incidents)),
                 self.tr("Would get a different grade if registered under this matrix: %1")
                 .replace("%1", str(impact.changed))]
        for s in impact.shifts:
            count = self.tr("%1 incident(s)").replace("%1", str(s.count))
            lines.append(f"  • {s.urgency[lang]} × {s.impact[lang]}: {s.old[lang]} → {s.new[lang]} ({count})")
        lines.append("")
        lines.append(self.tr("Saving changes the grade of incidents registered from then on; open incidents keep "
                             "theirs (a handler can regrade one with a reason)."))
        self.preview.setText("\n".join(lines))

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #e53935; font-weight: bold;" if error else "")

    def save(self) -> bool:
        """Save the whole matrix in one transaction; refusals are shown and nothing is saved."""
        try:
            saved = ap.save_matrix(actor_id=self.session.actor.id, draft=self.draft())
        except BeaconError as exc:
            self._say(exc.message(self.session.language), error=True)
            return False
        self.stored = ap.read_matrix()
        self.counts = ap.open_incidents_by_cell()
        self._load(saved)
        self._say(self.tr("Saved. New incidents are graded with this matrix."))
        return True
