"""Edit a process on its diagram: states and transitions added, changed and removed, with undo, checked live.

The editing itself is `workflow.admin.process_edit` (plain Python); this widget draws the draft,
turns clicks and drags into its edits, keeps them on a `QUndoStack` (Ctrl+Z / Ctrl+Shift+Z), marks
each problem on the state or arrow it is about, and keeps the TOML text beside it in step: an edit
on the diagram rewrites the text, an edit of the text redraws the diagram as soon as it reads.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence, QPainter, QPainterPath, QPen, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop.errors import BeaconError
from desktop.views.admin.process_drawing import ERROR_COLOR, OK_COLOR, FittingScroll, ProcessDiagram
from desktop.workflow.admin import process_edit as edit
from desktop.workflow.admin.process_edit import Draft, Problem
from desktop.workflow.engine.process import STAY, ProcessDef, ProcessDefinitionError

SELECT_COLOR = "#1e88e5"
DRAG_START = 6  # pixels the mouse moves before a press on a state becomes drawing a transition


@dataclass(frozen=True)
class Snapshot:
    """What one step of the undo stack restores: the draft and the TOML text it had."""

    draft: Draft
    text: str


class _Edit(QUndoCommand):
    def __init__(self, designer: ProcessDesigner, before: Snapshot, after: Snapshot, text: str) -> None:
        super().__init__(text)
        self.designer, self.before, self.after = designer, before, after

    def redo(self) -> None:
        self.designer._apply(self.after)

    def undo(self) -> None:
        self.designer._apply(self.before)


class EditableDiagram(ProcessDiagram):
    """The diagram a person edits: click to select a state or an arrow, drag from one state to another to connect."""

    sig_selected = Signal(str, str)  # "state" | "transition" | "", name
    sig_connect = Signal(str, str)  # source state, target state

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editable = True
        self.selected: tuple[str, str] = ("", "")
        self.marks: dict[tuple[str, str], str] = {}
        self.connect_from: str | None = None  # "Connect" mode: the next state clicked is the target
        self._press: tuple[str, QPointF] | None = None
        self._drag_to: QPointF | None = None
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a click gives it the keys (Ctrl+Z, Delete)

    # --- hit testing (in diagram coordinates) ---------------------------------------------------

    def _at(self, pos: QPointF) -> QPointF:
        return QPointF(pos.x() / self.scale, pos.y() / self.scale)

    def state_at(self, pos: QPointF) -> str | None:
        if self.diagram is None:
            return None
        p = self._at(pos)
        for name, box in self.diagram.boxes.items():
            r = box.rect
            if r.x <= p.x() <= r.right and r.y <= p.y() <= r.bottom:
                return name
        return None

    def transition_at(self, pos: QPointF) -> str | None:
        """The transition whose label, arrow, or line inside a box (it stays in the state) is under `pos`."""
        if self.diagram is None or self.process is None:
            return None
        p = self._at(pos)
        for arrow in self.diagram.arrows:
            r = arrow.label_rect
            if r.x <= p.x() <= r.right and r.y <= p.y() <= r.bottom:
                return arrow.transition
        for arrow in self.diagram.arrows:
            (x0, y0), (x1, y1), (x2, y2), (x3, y3) = arrow.points
            for i in range(21):
                t = i / 20
                u = 1 - t
                x = u**3 * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t**3 * x3
                y = u**3 * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t**3 * y3
                if math.hypot(x - p.x(), y - p.y()) < 6:
                    return arrow.transition
        state = self.state_at(pos)
        if state is not None:
            box = self.diagram.boxes[state]
            line = int((p.y() - box.rect.y - 6) // self.diagram.line_height) - 1
            stays = [t.name for t in self.process.transitions.values() if state in t.sources
                     and t.target_from(state) == state]
            if 0 <= line < len(stays):
                return stays[line]
        return None

    def center_of(self, kind: str, name: str) -> QPointF | None:
        """Where a state or a transition's label is drawn, in widget coordinates (for tests and tooltips)."""
        if self.diagram is None:
            return None
        if kind == "state" and name in self.diagram.boxes:
            x, y = self.diagram.boxes[name].rect.center
            return QPointF(x * self.scale, (self.diagram.boxes[name].rect.y + 12) * self.scale)
        for arrow in self.diagram.arrows:
            if arrow.transition == name:
                x, y = arrow.label_rect.center
                return QPointF(x * self.scale, y * self.scale)
        return None

    # --- mouse ----------------------------------------------------------------------------------

    def mousePressEvent(self, event: object) -> None:
        pos = event.position()  # type: ignore[attr-defined]
        if not self.editable or event.button() != Qt.MouseButton.LeftButton:  # type: ignore[attr-defined]
            return
        state = self.state_at(pos)
        if self.connect_from is not None:
            source, self.connect_from = self.connect_from, None
            self.setCursor(Qt.CursorShape.ArrowCursor)
            if state is not None:
                self.sig_connect.emit(source, state)
            return
        transition = self.transition_at(pos)
        if transition is not None and (state is None or transition in self._stays_of(state)):
            self.sig_selected.emit("transition", transition)
            return
        if state is not None:
            self._press = (state, pos)
            self.sig_selected.emit("state", state)
            return
        self.sig_selected.emit("", "")

    def _stays_of(self, state: str) -> set[str]:
        assert self.process is not None
        return {t.name for t in self.process.transitions.values() if state in t.sources
                and t.target_from(state) == state}

    def mouseMoveEvent(self, event: object) -> None:
        pos = event.position()  # type: ignore[attr-defined]
        if self._press is not None and (pos - self._press[1]).manhattanLength() >= DRAG_START:
            self._drag_to = pos
            self.update()
        state, transition = self.state_at(pos), self.transition_at(pos)
        mark = self.marks.get(("transition", transition or "")) or self.marks.get(("state", state or ""))
        self.setToolTip(mark or "")

    def mouseReleaseEvent(self, event: object) -> None:
        pos = event.position()  # type: ignore[attr-defined]
        press, drag = self._press, self._drag_to
        self._press = self._drag_to = None
        self.update()
        if press is None or drag is None:
            return
        target = self.state_at(pos)
        if target is not None:
            self.sig_connect.emit(press[0], target)

    # --- painting -------------------------------------------------------------------------------

    def paintEvent(self, event: object) -> None:
        super().paintEvent(event)
        if self.diagram is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.scale(self.scale, self.scale)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        error = QColor(ERROR_COLOR)
        for arrow in self.diagram.arrows:
            marked = ("transition", arrow.transition) in self.marks
            chosen = self.selected == ("transition", arrow.transition)
            if not (marked or chosen):
                continue
            color = QColor(SELECT_COLOR) if chosen else error
            (x0, y0), (x1, y1), (x2, y2), (x3, y3) = arrow.points
            path = QPainterPath(QPointF(x0, y0))
            path.cubicTo(QPointF(x1, y1), QPointF(x2, y2), QPointF(x3, y3))
            painter.setPen(QPen(color, 3.0 if chosen else 2.4, Qt.PenStyle.SolidLine if chosen
                                else Qt.PenStyle.DashLine))
            painter.drawPath(path)
            r = arrow.label_rect
            painter.drawRoundedRect(QRectF(r.x - 2, r.y - 1, r.w + 4, r.h + 2), 3, 3)
        for name, box in self.diagram.boxes.items():
            r = QRectF(box.rect.x, box.rect.y, box.rect.w, box.rect.h)
            if ("state", name) in self.marks:
                painter.setPen(QPen(error, 2.6))
                painter.drawRoundedRect(r.adjusted(-4, -4, 4, 4), 8, 8)
                painter.setBrush(error)
                badge = QRectF(r.right() - 6, r.y() - 10, 16, 16)
                painter.drawEllipse(badge)
                painter.setPen(QColor("#ffffff"))
                painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, "!")
                painter.setBrush(Qt.BrushStyle.NoBrush)
            if self.selected == ("state", name):
                painter.setPen(QPen(QColor(SELECT_COLOR), 3.0))
                painter.drawRoundedRect(r.adjusted(-2, -2, 2, 2), 7, 7)
            if self.editable:  # the handle a transition is drawn from
                painter.setPen(QPen(QColor(SELECT_COLOR), 1.4))
                painter.drawEllipse(QPointF(r.right(), r.center().y()), 4, 4)
        if self._press is not None and self._drag_to is not None:
            box = self.diagram.boxes[self._press[0]].rect
            painter.setPen(QPen(QColor(SELECT_COLOR), 2.0, Qt.PenStyle.DashLine))
            painter.drawLine(QLineF(QPointF(*box.center), self._at(self._drag_to)))
        painter.end()


class ProcessDesigner(QWidget):
    """The diagram editor: toolbar, editable diagram, the selected item's properties, and the live problems."""

    sig_changed = Signal()  # the draft changed (by any edit, undo or redo); see `valid`

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.kind = ""
        self.snapshot: Snapshot | None = None
        self.problems: list[Problem] = []
        self.read_error: str = ""
        self.known_roles: set[str] = set()
        self.in_use: dict[str, list[str]] = {}
        self.in_use_labels: dict[str, dict[str, str]] = {}
        self.text_edit: QPlainTextEdit | None = None
        self.stored_states: set[str] = set()  # codes of the version being edited: they keep their codes
        self.stored_transitions: set[str] = set()
        self._writing_text = False
        self._filling = False
        self._checks_key: tuple = ()
        self.previewing = False
        self.stack = QUndoStack(self)

        # whole-diagram tools above the inspector; the selected item's own buttons are on its page
        self.add_state_button = QPushButton(self.tr("Add state"), objectName="add_state")
        self.undo_button = QPushButton(self.tr("Undo"), objectName="undo")
        self.redo_button = QPushButton(self.tr("Redo"), objectName="redo")
        self.back_button = QPushButton(self.tr("Back to your edit"), objectName="back_to_edit")
        self.back_button.hide()
        self.undo_button.setToolTip("Ctrl+Z")
        self.redo_button.setToolTip("Ctrl+Shift+Z")
        tools = QHBoxLayout()
        for button in (self.add_state_button, self.undo_button, self.redo_button, self.back_button):
            tools.addWidget(button)
        tools.addStretch(1)
        self.connect_button = QPushButton(self.tr("Draw transition from here"), objectName="connect")
        self.remove_state_button = QPushButton(self.tr("Remove state"), objectName="remove_state")
        self.remove_transition_button = QPushButton(self.tr("Remove transition"), objectName="remove_transition")

        self.diagram = EditableDiagram()
        self.diagram.setObjectName("process_diagram")
        self.scroll = FittingScroll()
        self.scroll.setWidget(self.diagram)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.problem_list = QListWidget(objectName="process_problems")
        self.problem_list.setMaximumHeight(58)
        self.problem_list.setAccessibleName(self.tr("Problems"))

        self.inspector = QStackedWidget(objectName="inspector")
        self.inspector.setFixedWidth(340)
        self.inspector.addWidget(self._nothing_page())
        self.inspector.addWidget(self._state_page())
        self.inspector.addWidget(self._transition_page())

        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.scroll, 1)
        left.addWidget(self.problem_list)
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.addLayout(tools)
        right.addWidget(self.inspector, 1)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addLayout(left, 1)
        row.addLayout(right)

        undo = self.stack.createUndoAction(self, self.tr("Undo"))
        undo.setShortcut(QKeySequence("Ctrl+Z"))
        redo = self.stack.createRedoAction(self, self.tr("Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for action in (undo, redo):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self.undo_button.clicked.connect(self.stack.undo)
        self.redo_button.clicked.connect(self.stack.redo)
        self.stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.add_state_button.clicked.connect(self.add_state)
        self.connect_button.clicked.connect(self.start_connect)
        self.remove_state_button.clicked.connect(self.remove_selected)
        self.remove_transition_button.clicked.connect(self.remove_selected)
        remove = QAction(self)
        remove.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        remove.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        remove.triggered.connect(self.remove_selected)
        self.diagram.addAction(remove)
        self.back_button.clicked.connect(self.show_draft)
        self.diagram.sig_selected.connect(self.select)
        self.diagram.sig_connect.connect(self.connect_states)
        self.problem_list.itemClicked.connect(self._problem_clicked)
        self._text_timer = QTimer(self, singleShot=True, interval=350)
        self._text_timer.timeout.connect(self.sync_from_text)
        self._update_tools()

    # --- pages of the inspector ------------------------------------------------------------------

    def _nothing_page(self) -> QWidget:
        page = QLabel(self.tr("Click a state or an arrow to see and change it.\n\nAdd state makes a new state; "
                              "drag from a state's edge (or use “Draw transition from here”) to another state to "
                              "draw a transition."))
        page.setWordWrap(True)
        page.setAlignment(Qt.AlignmentFlag.AlignTop)
        return page

    def _state_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.state_title = QLabel(objectName="state_title")
        self.state_ko = QLineEdit(objectName="state_ko")
        self.state_en = QLineEdit(objectName="state_en")
        self.state_stage = QSpinBox(objectName="state_stage")
        self.state_stage.setRange(0, 20)
        self.state_stage.setSpecialValueText(self.tr("none"))
        self.state_final = QCheckBox(self.tr("Final: a case ends here"), objectName="state_final")
        self.state_pauses = QCheckBox(self.tr("Pauses SLA clocks"), objectName="state_pauses")
        form.addRow(self.state_title)
        form.addRow(self.tr("Name (Korean)"), self.state_ko)
        form.addRow(self.tr("Name (English)"), self.state_en)
        form.addRow(self.tr("Stage (column)"), self.state_stage)
        form.addRow(self.state_final)
        form.addRow(self.state_pauses)
        buttons = QHBoxLayout()
        buttons.addWidget(self.connect_button)
        buttons.addWidget(self.remove_state_button)
        form.addRow(buttons)
        self.state_ko.setAccessibleName(self.tr("Name (Korean)"))
        self.state_en.setAccessibleName(self.tr("Name (English)"))
        self.state_stage.setAccessibleName(self.tr("Stage (column)"))
        for line in (self.state_ko, self.state_en):
            line.editingFinished.connect(self._rename_state)
        self.state_stage.valueChanged.connect(self._state_flags)
        self.state_final.toggled.connect(self._state_flags)
        self.state_pauses.toggled.connect(self._state_flags)
        return page

    def _transition_page(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        self.transition_title = QLabel(objectName="transition_title")
        self.transition_title.setWordWrap(True)
        form = QFormLayout()
        self.transition_ko = QLineEdit(objectName="transition_ko")
        self.transition_en = QLineEdit(objectName="transition_en")
        self.transition_ko.setAccessibleName(self.tr("Label (Korean)"))
        self.transition_en.setAccessibleName(self.tr("Label (English)"))
        form.addRow(self.tr("Label (Korean)"), self.transition_ko)
        form.addRow(self.tr("Label (English)"), self.transition_en)
        for line in (self.transition_ko, self.transition_en):
            line.editingFinished.connect(self._relabel_transition)
        # checkboxes, filled per transition: code → box
        self.role_boxes: dict[str, QCheckBox] = {}
        self.required_boxes: dict[str, QCheckBox] = {}
        self.optional_boxes: dict[str, QCheckBox] = {}
        self.stamp_boxes: dict[str, QCheckBox] = {}
        self.clear_boxes: dict[str, QCheckBox] = {}
        self.effect_boxes: dict[str, QCheckBox] = {}
        self.roles_grid, roles = self._scrolled("transition_roles")
        self.fields_grid, fields = self._scrolled("transition_fields")
        self.effects_grid, effects = self._scrolled("transition_effects")
        self.transition_tabs = QTabWidget(objectName="transition_tabs")
        self.transition_tabs.addTab(roles, self.tr("Who may fire"))
        self.transition_tabs.addTab(fields, self.tr("Fields"))
        self.transition_tabs.addTab(effects, self.tr("Times && effects"))
        box.addWidget(self.transition_title)
        box.addLayout(form)
        box.addWidget(self.transition_tabs, 1)
        box.addWidget(self.remove_transition_button, 0, Qt.AlignmentFlag.AlignLeft)
        return page

    def _scrolled(self, name: str) -> tuple[QGridLayout, QScrollArea]:
        inner = QWidget()
        grid = QGridLayout(inner)
        grid.setContentsMargins(4, 4, 4, 4)
        grid.setVerticalSpacing(0)
        scroll = QScrollArea(objectName=name)
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        return grid, scroll

    # --- loading ---------------------------------------------------------------------------------

    def attach_text(self, text_edit: QPlainTextEdit) -> None:
        """The TOML editor that shows the same definition: kept in step both ways."""
        self.text_edit = text_edit
        text_edit.textChanged.connect(self._text_changed)

    def start(self, kind: str, text: str, *, known_roles: set[str], in_use: dict[str, list[str]],
              in_use_labels: dict[str, dict[str, str]]) -> None:
        """Edit `text` (a stored version's TOML) afresh: the undo stack is emptied."""
        self.kind, self.known_roles, self.in_use, self.in_use_labels = kind, known_roles, in_use, in_use_labels
        self.stack.clear()
        draft = edit.read_draft(text, file=f"{kind}.toml")
        self.stored_states, self.stored_transitions = set(draft.states), set(draft.transitions)
        self._apply(Snapshot(draft, text), write_text=False)
        self.select("", "")
        self._update_tools()

    def show_version(self, process: ProcessDef) -> None:
        """Show a stored version, read-only, until `show_draft`."""
        self.previewing = True
        self.diagram.editable = False
        self.diagram.marks = {}
        self.diagram.selected = ("", "")
        self.diagram.set_process(process, self.language)
        self.inspector.setCurrentIndex(0)
        self._update_tools()

    def show_draft(self) -> None:
        self.previewing = False
        self.diagram.editable = True
        if self.snapshot is not None:
            self._redraw()
        self._update_tools()

    # --- the one way the draft changes ------------------------------------------------------------

    @property
    def draft(self) -> Draft:
        assert self.snapshot is not None
        return self.snapshot.draft

    @property
    def valid(self) -> bool:
        return self.snapshot is not None and not self.problems and not self.read_error

    def push(self, draft: Draft, what: str) -> None:
        """Record an edit made on the diagram as one undoable step; the TOML text is rewritten."""
        assert self.snapshot is not None
        if draft == self.snapshot.draft:
            return
        self.stack.push(_Edit(self, self.snapshot, Snapshot(draft, draft.to_toml()), what))

    def _apply(self, snapshot: Snapshot, *, write_text: bool = True) -> None:
        self.snapshot = snapshot
        self.read_error = ""
        if write_text and self.text_edit is not None and self.text_edit.toPlainText() != snapshot.text:
            self._writing_text = True
            self.text_edit.setPlainText(snapshot.text)
            self._writing_text = False
            self._text_timer.stop()
        self.problems = edit.check(snapshot.draft, known_roles=self.known_roles, in_use=self.in_use,
                                   in_use_labels=self.in_use_labels)
        self.previewing = False
        self.diagram.editable = True
        self._redraw()
        kind, name = self.diagram.selected
        if (kind == "state" and name not in snapshot.draft.states) or \
                (kind == "transition" and name not in snapshot.draft.transitions):
            self.select("", "")
        else:
            self.select(kind, name)
        self._update_tools()
        self.sig_changed.emit()

    def _redraw(self) -> None:
        self.diagram.marks = {(p.where, p.name): p.message(self.language) for p in self.problems
                              if p.where in ("state", "transition")}
        drawable = self.draft.as_process()
        initials = [s for s in drawable.states.values() if s.initial]
        creating = [t for t in drawable.transitions.values() if t.creates]
        if len(initials) == 1 and len(creating) == 1 and creating[0].target == initials[0].name:
            self.diagram.set_process(drawable, self.language)  # else: the last drawing stays, the list says why
        self.diagram.update()
        self.problem_list.clear()
        messages = [self.read_error] if self.read_error else [p.message(self.language) for p in self.problems]
        for problem, message in zip([None] * len(messages) if self.read_error else self.problems, messages,
                                    strict=True):
            item = QListWidgetItem("⚠ " + message)
            item.setForeground(QColor(ERROR_COLOR))
            if problem is not None:
                item.setData(Qt.ItemDataRole.UserRole, (problem.where, problem.name))
            self.problem_list.addItem(item)
        if not messages:
            item = QListWidgetItem("✓ " + self.tr("No problems: this definition can be saved."))
            item.setForeground(QColor(OK_COLOR))
            self.problem_list.addItem(item)

    def _problem_clicked(self, item: QListWidgetItem) -> None:
        where = item.data(Qt.ItemDataRole.UserRole)
        if where:
            self.select(*where)

    # --- the TOML side ---------------------------------------------------------------------------

    def _text_changed(self) -> None:
        if not self._writing_text:
            self._text_timer.start()

    def sync_from_text(self) -> None:
        """Read the TOML editor's text now; when it reads, it becomes the draft (one undoable step)."""
        self._text_timer.stop()
        if self.text_edit is None or self.snapshot is None:
            return
        text = self.text_edit.toPlainText()
        if text == self.snapshot.text:
            if self.read_error:  # back to the text the draft came from: its own problems again
                self._apply(self.snapshot, write_text=False)
            return
        try:
            draft = edit.read_draft(text, file=f"{self.kind}.toml")
        except ProcessDefinitionError as exc:
            self.read_error = exc.message(self.language)
            self.problems = []
            self._redraw()
            self._update_tools()
            self.sig_changed.emit()
            return
        command = _Edit(self, self.snapshot, Snapshot(draft, text), self.tr("Edit the TOML text"))
        self._writing_text = True  # the text is already there
        try:
            self.stack.push(command)
        finally:
            self._writing_text = False

    # --- selection and the inspector -------------------------------------------------------------

    def select(self, kind: str, name: str) -> None:
        self.diagram.selected = (kind, name)
        self.diagram.update()
        if self.snapshot is None or not kind:
            self.inspector.setCurrentIndex(0)
        elif kind == "state" and name in self.draft.states:
            self._fill_state(name)
            self.inspector.setCurrentIndex(1)
        elif kind == "transition" and name in self.draft.transitions:
            self._fill_transition(name)
            self.inspector.setCurrentIndex(2)
        self._update_tools()

    def _pick(self, label: dict[str, str]) -> str:
        return label.get(self.language) or label["ko"]

    def _fill_state(self, name: str) -> None:
        state = self.draft.states[name]
        widgets = (self.state_ko, self.state_en, self.state_stage, self.state_final, self.state_pauses)
        for w in widgets:
            w.blockSignals(True)
        self.state_title.setText(self.tr("State “%1”").replace("%1", self._pick(state.label)))
        self.state_ko.setText(state.label["ko"])
        self.state_en.setText(state.label["en"])
        self.state_stage.setValue(state.stage or 0)
        self.state_final.setChecked(state.final)
        self.state_pauses.setChecked(state.pauses_sla)
        for w in widgets:
            w.blockSignals(False)

    def _box(self, text: str, on: bool, tip: str = "") -> QCheckBox:
        box = QCheckBox(text)
        box.setMinimumHeight(max(26, box.sizeHint().height()))  # the theme's indicator, whole, in a long list
        box.setChecked(on)
        box.setAccessibleName(text)
        if tip:
            box.setToolTip(tip)
        box.toggled.connect(self._transition_lists)
        return box

    @staticmethod
    def _clear(grid: QGridLayout) -> None:
        while grid.count():
            item = grid.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()  # gone at once, not when the deferred delete comes
                item.widget().deleteLater()

    def _fill_checks(self, t: object) -> None:
        """The transition's checkboxes: built when the choices change, else only ticked, so a box being
        clicked is never replaced under the mouse."""

        def extra(choices: list[tuple[str, dict[str, str]]], *named: tuple[str, ...]) -> list[tuple[str, dict]]:
            known = {code for code, _ in choices}  # codes the text names that the engine does not know: shown too
            return choices + [(c, {"ko": c, "en": c}) for n in named for c in dict.fromkeys(n) if c not in known]

        roles = extra(edit.role_choices(self.known_roles), t.roles)  # type: ignore[attr-defined]
        fields = extra(edit.field_choices(self.kind), t.required, t.optional)  # type: ignore[attr-defined]
        stamps = extra(edit.stamp_choices(self.kind), t.stamp, t.clear)  # type: ignore[attr-defined]
        effects = extra(edit.effect_choices(), t.effects)  # type: ignore[attr-defined]
        key = tuple(tuple(code for code, _ in group) for group in (roles, fields, stamps, effects))
        if key != self._checks_key:
            self._build_checks(roles, fields, stamps, effects)
            self._checks_key = key
        for boxes, on in ((self.role_boxes, t.roles), (self.required_boxes, t.required),  # type: ignore[attr-defined]
                          (self.optional_boxes, t.optional), (self.stamp_boxes, t.stamp),  # type: ignore[attr-defined]
                          (self.clear_boxes, t.clear), (self.effect_boxes, t.effects)):  # type: ignore[attr-defined]
            for code, box in boxes.items():
                box.setChecked(code in on)

    def _build_checks(self, roles: list, fields: list, stamps: list, effects: list) -> None:
        for grid in (self.roles_grid, self.fields_grid, self.effects_grid):
            self._clear(grid)
        for boxes in (self.role_boxes, self.required_boxes, self.optional_boxes, self.stamp_boxes, self.clear_boxes,
                      self.effect_boxes):
            boxes.clear()
        for r, (code, label) in enumerate(roles):
            self.role_boxes[code] = self._box(self._pick(label), False, code)
            self.roles_grid.addWidget(self.role_boxes[code], r, 0)
        self.roles_grid.setRowStretch(self.roles_grid.rowCount(), 1)
        self.fields_grid.addWidget(QLabel(self.tr("Required")), 0, 0)
        self.fields_grid.addWidget(QLabel(self.tr("Optional")), 0, 1)
        for r, (code, label) in enumerate(fields, start=1):
            name = self._pick(label)
            self.required_boxes[code] = self._box(name, False, code)
            self.optional_boxes[code] = self._box("", False, code)
            self.optional_boxes[code].setAccessibleName(self.tr("%1 (optional)").replace("%1", name))
            self.fields_grid.addWidget(self.required_boxes[code], r, 0)
            self.fields_grid.addWidget(self.optional_boxes[code], r, 1)
        self.fields_grid.setRowStretch(self.fields_grid.rowCount(), 1)
        row = 0
        self.effects_grid.addWidget(QLabel(self.tr("Stamp the time")), row, 0)
        self.effects_grid.addWidget(QLabel(self.tr("Clear")), row, 1)
        for code, label in stamps:
            row += 1
            name = self._pick(label)
            self.stamp_boxes[code] = self._box(name, False, code)
            self.clear_boxes[code] = self._box("", False, code)
            self.clear_boxes[code].setAccessibleName(self.tr("Clear %1").replace("%1", name))
            self.effects_grid.addWidget(self.stamp_boxes[code], row, 0)
            self.effects_grid.addWidget(self.clear_boxes[code], row, 1)
        row += 1
        self.effects_grid.addWidget(QLabel(self.tr("Effects")), row, 0, 1, 2)
        for code, label in effects:
            row += 1
            self.effect_boxes[code] = self._box(self._pick(label), False, code)
            self.effects_grid.addWidget(self.effect_boxes[code], row, 0, 1, 2)
        self.effects_grid.setRowStretch(row + 1, 1)

    def _fill_transition(self, name: str) -> None:
        t = self.draft.transitions[name]
        states = self.draft.states
        sources = ", ".join(self._pick(states[s].label) if s in states else s for s in t.sources) or "●"
        target = (self.tr("(stays)") if t.target == STAY
                  else self._pick(states[t.target].label) if t.target in states else t.target)
        self.transition_title.setText(self.tr("Transition “%1”: %2 → %3").replace("%1", self._pick(t.label))
                                      .replace("%2", sources).replace("%3", target))
        for w in (self.transition_ko, self.transition_en):
            w.blockSignals(True)
        self.transition_ko.setText(t.label["ko"])
        self.transition_en.setText(t.label["en"])
        for w in (self.transition_ko, self.transition_en):
            w.blockSignals(False)
        self._filling = True
        try:
            self._fill_checks(t)
        finally:
            self._filling = False

    def _update_tools(self) -> None:
        editing = self.snapshot is not None and not self.previewing
        kind, name = self.diagram.selected
        for w in (self.add_state_button, self.undo_button, self.redo_button, self.inspector):
            w.setEnabled(editing)
        self.back_button.setVisible(self.previewing)
        if editing:
            self.remove_state_button.setEnabled(kind == "state" and name in self.draft.states
                                                and not self.draft.states[name].initial)
            self.remove_transition_button.setEnabled(kind == "transition" and name in self.draft.transitions
                                                     and not self.draft.transitions[name].creates)
            self.undo_button.setEnabled(self.stack.canUndo())
            self.redo_button.setEnabled(self.stack.canRedo())

    # --- edits -------------------------------------------------------------------------------------

    def _try(self, make: object, what: str) -> str | None:
        """Run one edit; a refused one is shown in the problems list and changes nothing."""
        try:
            result = make()  # type: ignore[operator]
        except BeaconError as exc:
            self.problem_list.insertItem(0, "⚠ " + exc.message(self.language))
            self.problem_list.item(0).setForeground(QColor(ERROR_COLOR))
            return None
        draft, name = result if isinstance(result, tuple) else (result, None)
        self.push(draft, what)
        return name

    def add_state(self) -> str | None:
        """A new state, named “New state”, in the selected state's stage; selected so it can be renamed."""
        kind, selected = self.diagram.selected
        stage = self.draft.states[selected].stage if kind == "state" and selected in self.draft.states else None
        label = edit.new_state_label(len(self.draft.states) + 1)
        name = self._try(lambda: self.draft.add_state(ko=label["ko"], en=label["en"], stage=stage),
                         self.tr("Add a state"))
        if name is not None:
            self.select("state", name)
            self.state_ko.setFocus()
            self.state_ko.selectAll()
        return name

    def start_connect(self) -> None:
        kind, name = self.diagram.selected
        if kind == "state":
            self.diagram.connect_from = name
            self.diagram.setCursor(Qt.CursorShape.CrossCursor)

    def connect_states(self, source: str, target: str) -> str | None:
        """Draw a transition from `source` to `target`; it is selected so its label and roles can be set."""
        label = edit.new_transition_label(self.draft.states[target].label)
        name = self._try(lambda: self.draft.add_transition(source, target, ko=label["ko"], en=label["en"]),
                         self.tr("Draw a transition"))
        if name is not None:
            self.select("transition", name)
            self.transition_ko.setFocus()
            self.transition_ko.selectAll()
        return name

    def remove_selected(self) -> None:
        kind, name = self.diagram.selected
        if kind == "state":
            self._try(lambda: self.draft.remove_state(name), self.tr("Remove a state"))
        elif kind == "transition":
            self._try(lambda: self.draft.remove_transition(name), self.tr("Remove a transition"))

    def _rekeyed(self, kind: str, name: str, draft: Draft) -> tuple[Draft, str]:
        """A state or transition added in this edit takes its code from its English name (see `renamed_key`)."""
        stored = self.stored_states if kind == "state" else self.stored_transitions
        return (draft, name) if name in stored else draft.renamed_key(name)

    def _rename_state(self) -> None:
        if not self._alive():
            return
        kind, name = self.diagram.selected
        if kind == "state" and name in self.draft.states:
            new = self._try(lambda: self._rekeyed(kind, name, self.draft.rename_state(
                name, ko=self.state_ko.text(), en=self.state_en.text())), self.tr("Rename a state"))
            if new is not None:
                self.select(kind, new)

    def _state_flags(self) -> None:
        if not self._alive():
            return
        kind, name = self.diagram.selected
        if kind == "state" and name in self.draft.states:
            stage = self.state_stage.value() or None
            self._try(lambda: self.draft.set_state(name, stage=stage, final=self.state_final.isChecked(),
                                                   pauses_sla=self.state_pauses.isChecked()),
                      self.tr("Change a state"))

    def _relabel_transition(self) -> None:
        if not self._alive():
            return
        kind, name = self.diagram.selected
        if kind == "transition" and name in self.draft.transitions:
            new = self._try(lambda: self._rekeyed(kind, name, self.draft.set_transition(
                name, ko=self.transition_ko.text(), en=self.transition_en.text())), self.tr("Rename a transition"))
            if new is not None:
                self.select(kind, new)

    def _alive(self) -> bool:
        """False while the window is being torn down: a field losing the focus then must not edit."""
        return isValid(self) and isValid(self.inspector) and isValid(self.remove_state_button)

    @staticmethod
    def _codes(boxes: dict[str, QCheckBox]) -> list[str]:
        return [code for code, box in boxes.items() if box.isChecked()]

    def _transition_lists(self, *_: object) -> None:
        if not self._alive():
            return
        kind, name = self.diagram.selected
        if self._filling or kind != "transition" or name not in self.draft.transitions:
            return
        self._try(lambda: self.draft.set_transition(
            name, roles=self._codes(self.role_boxes), effects=self._codes(self.effect_boxes),
            required=self._codes(self.required_boxes), optional=self._codes(self.optional_boxes),
            stamp=self._codes(self.stamp_boxes), clear=self._codes(self.clear_boxes)),
            self.tr("Change a transition"))
