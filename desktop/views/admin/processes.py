"""Processes: see each process drawn, edit its definition with validation, keep every version.

The diagram shows the version picked in the list (the one in force at first) or, after
Validate, the edit being made. Save stores the edit as a new version that new cases start
on; cases already open keep the version they started with. Refusals (a broken file, a state
open cases are in, someone else saved first) are shown under the editor in the user's
language, with the offending line marked; nothing is saved.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import BeaconError
from desktop.views.admin.process_designer import ProcessDesigner
from desktop.views.admin.process_drawing import (
    ERROR_COLOR,
    OK_COLOR,
    ProcessDiagram,  # noqa: F401  (where callers found it before)
)
from desktop.views.admin.process_tools import ProcessTools
from desktop.views.session import ClientSession
from desktop.views.table_models import local_text
from desktop.workflow.admin import processes as service
from desktop.workflow.engine.process import ProcessDef, known_role_codes


class ProcessEditor(QWidget):
    """The Processes tab: pick a process, see it drawn, edit and validate its definition, manage versions."""

    def __init__(self, session: ClientSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.kind = service.processes()[0]
        self.base_id: int | None = None  # the version in force when the text was loaded
        self.loaded_text = ""
        self.versions: list[service.VersionInfo] = []
        self._sized = False

        self.picker = QComboBox(objectName="process_picker")
        for kind in service.processes():
            label = service.process_label(kind)
            self.picker.addItem(session.pick(label["ko"], label["en"]), kind)
        self.in_force = QLabel(objectName="process_in_force")
        head = QHBoxLayout()
        head.addWidget(QLabel(self.tr("Process")))
        head.addWidget(self.picker)
        head.addSpacing(16)
        head.addWidget(self.in_force, 1)

        self.diagram_title = QLabel(objectName="diagram_title")
        # the diagram editor (process_designer.py); it and the TOML editor below edit one definition
        self.designer = ProcessDesigner(session.language)
        self.diagram = self.designer.diagram
        legend = QLabel(self.tr("● start   double border: final state   dashed: SLA clocks paused   "
                                "↻ stays in the state"))
        legend.setObjectName("diagram_legend")
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.diagram_title)
        top_layout.addWidget(self.designer, 1)
        top_layout.addWidget(legend)

        self.editor = QPlainTextEdit(objectName="process_text")
        self.editor.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.validate_button = QPushButton(self.tr("Validate"), objectName="validate")
        self.save_button = QPushButton(self.tr("Save as new version"), objectName="save")
        self.revert_button = QPushButton(self.tr("Discard changes"), objectName="revert")
        self.message = QLabel(objectName="process_message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QHBoxLayout()
        for button in (self.validate_button, self.save_button, self.revert_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        edit = QWidget()
        edit_layout = QVBoxLayout(edit)
        edit_layout.setContentsMargins(0, 0, 0, 0)
        edit_layout.addWidget(QLabel(self.tr("Definition (TOML)")))
        edit_layout.addWidget(self.editor, 1)
        edit_layout.addLayout(buttons)
        edit_layout.addWidget(self.message)

        self.table = QTableWidget(0, 6, objectName="process_versions")
        self.table.setHorizontalHeaderLabels([self.tr("Version"), self.tr("In force"), self.tr("Open cases"),
                                              self.tr("All cases"), self.tr("Saved at"), self.tr("Saved by")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.activate_button = QPushButton(self.tr("Put this version in force"), objectName="activate")
        self.copy_button = QPushButton(self.tr("Edit from this version"), objectName="copy_version")
        versions = QWidget()
        versions_layout = QVBoxLayout(versions)
        versions_layout.setContentsMargins(0, 0, 0, 0)
        versions_layout.addWidget(QLabel(self.tr("Versions (open cases keep the version they started with)")))
        versions_layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(self.copy_button)
        row.addWidget(self.activate_button)
        row.addStretch(1)
        versions_layout.addLayout(row)

        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.addWidget(edit)
        bottom.addWidget(versions)
        bottom.setStretchFactor(0, 3)
        bottom.setStretchFactor(1, 2)
        split = self.split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        # dry run, comparison, export/import and shipped upgrades (process_tools.py)
        self.tools = ProcessTools(session, kind=lambda: self.kind, text=self.editor.toPlainText,
                                  selected_version=lambda: (v.id if (v := self.selected_version()) else None),
                                  reload=self._reload_after_tool, say=lambda text, ok: self._say(text, ok=ok))
        layout_ = QVBoxLayout(self)
        layout_.addLayout(head)
        layout_.addWidget(self.tools)
        layout_.addWidget(split, 1)

        self.designer.attach_text(self.editor)
        self.designer.sig_changed.connect(self._draft_changed)
        self.picker.currentIndexChanged.connect(self._picked)
        self.validate_button.clicked.connect(self.validate)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        self.activate_button.clicked.connect(self.activate)
        self.copy_button.clicked.connect(self.copy_version)
        self.table.itemSelectionChanged.connect(self._version_selected)
        self.load(self.kind)

    def title(self) -> str:
        return self.tr("Processes")

    # --- questions a person answers (tests replace these) --------------------------------------

    @classmethod
    def ask_discard(cls, parent: QWidget) -> bool:
        """True when the user agrees to drop unsaved edits."""
        answer = QMessageBox.question(parent, QCoreApplication.translate("ProcessEditor", "Processes"),
                                      QCoreApplication.translate(
                                          "ProcessEditor", "Your edits to this process are not saved. Discard them?"))
        return answer == QMessageBox.StandardButton.Yes

    @classmethod
    def ask_activate(cls, parent: QWidget, version: int) -> bool:
        """True when the user confirms putting an older version back in force."""
        answer = QMessageBox.question(
            parent, QCoreApplication.translate("ProcessEditor", "Processes"),
            QCoreApplication.translate("ProcessEditor", "Put version %1 in force? New cases will start on it; "
                                       "open cases keep their version.").replace("%1", str(version)))
        return answer == QMessageBox.StandardButton.Yes

    # --- loading -------------------------------------------------------------------------------

    def modified(self) -> bool:
        return self.editor.toPlainText() != self.loaded_text

    def refresh(self) -> None:
        if not self.modified():
            self.load(self.kind)

    def _picked(self) -> None:
        kind = self.picker.currentData()
        if kind == self.kind:
            return
        if self.modified() and not self.ask_discard(self):
            self.picker.blockSignals(True)
            self.picker.setCurrentIndex(self.picker.findData(self.kind))
            self.picker.blockSignals(False)
            return
        self.load(kind)

    def load(self, kind: str) -> None:
        """Show the version in force of `kind`: its text, its diagram and every version."""
        self.kind = kind
        self.base_id, version, text = service.active_source(actor_id=self.session.actor.id, kind=kind)
        self.loaded_text = text
        self.editor.setPlainText(text)
        self._mark_line(None)
        self._say("", ok=True)
        self._load_versions()
        self.loaded_caption = self.tr("Version %1 (in force)").replace("%1", str(version))
        self._start_designer(text)

    def _load_versions(self) -> None:
        self.versions = service.versions(actor_id=self.session.actor.id, kind=self.kind)
        zone = self.session.time_zone
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.versions))
        for r, v in enumerate(self.versions):
            cells = [f"v{v.version}", self.tr("in force") if v.is_active else "", str(v.open_cases), str(v.cases),
                     local_text(v.loaded_at, zone), v.loaded_by or self.tr("(shipped)")]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c in (2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if v.is_active:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(r, c, item)
        self.table.blockSignals(False)
        header = self.table.horizontalHeader()
        font = QFont(header.font())
        font.setBold(True)
        metrics = QFontMetricsF(font)
        for c in range(self.table.columnCount()):  # the theme shows headers in bold capitals: room for them
            text = self.table.horizontalHeaderItem(c).text().upper()
            wide = math.ceil(metrics.horizontalAdvance(text) * 1.2) + 40
            header.resizeSection(c, max(self.table.sizeHintForColumn(c), wide))
        active = next((v for v in self.versions if v.is_active), None)
        self.in_force.setText(self.tr("Version in force: v%1 — %2 open case(s) on it")
                              .replace("%1", str(active.version) if active else "-")
                              .replace("%2", str(active.open_cases) if active else "0"))
        self._update_buttons()

    def _start_designer(self, text: str) -> None:
        """Edit `text` on the diagram from scratch (after loading, saving or copying a version)."""
        labels = {name: dict(s.label) for name, s in service.version_definition(self.base_id).states.items()}
        self.designer.start(self.kind, text, known_roles=known_role_codes(),
                            in_use=service.open_cases_by_state(actor_id=self.session.actor.id, kind=self.kind),
                            in_use_labels=labels)
        self._size_once()

    def _size_once(self) -> None:
        if not self._sized:  # the diagram whole when there is room; the editor and versions below
            self.split.setSizes([self.diagram.height() + 150, 230])
            self._sized = True

    def _draft_changed(self) -> None:
        """The definition changed on the diagram or in the text: caption and Save follow, Save only when valid."""
        if not self.designer.previewing:
            self.diagram_title.setText(self.tr("Your edit (not saved yet)") if self.modified()
                                       else getattr(self, "loaded_caption", ""))
        self.save_button.setEnabled(self.designer.valid and self.modified())

    def _draw(self, process: ProcessDef, caption: str) -> None:
        """Show a stored version on the diagram, read-only (the edit comes back with “Back to your edit”)."""
        self.designer.show_version(process)
        self.diagram_title.setText(caption)
        self._size_once()

    def selected_version(self) -> service.VersionInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.versions[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        chosen = self.selected_version()
        self.activate_button.setEnabled(chosen is not None and not chosen.is_active)
        self.copy_button.setEnabled(chosen is not None)

    def _version_selected(self) -> None:
        self._update_buttons()
        chosen = self.selected_version()
        if chosen is not None:
            caption = self.tr("Version %1").replace("%1", str(chosen.version))
            if chosen.is_active:
                caption = self.tr("Version %1 (in force)").replace("%1", str(chosen.version))
            self._draw(service.version_definition(chosen.id), caption)

    # --- editing -------------------------------------------------------------------------------

    def _say(self, text: str, *, ok: bool) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {OK_COLOR if ok else ERROR_COLOR};")

    def _mark_line(self, line: int | None) -> None:
        if line is None:
            self.editor.setExtraSelections([])
            return
        block = self.editor.document().findBlockByNumber(line - 1)
        cursor = QTextCursor(block)
        look = QTextCharFormat()  # built apart and assigned whole: ExtraSelection's members are plain copies
        look.setBackground(QColor(ERROR_COLOR).lighter(170))
        look.setForeground(QColor("#000000"))
        look.setProperty(QTextFormat.Property.FullWidthSelection, True)
        mark = QTextEdit.ExtraSelection()
        mark.format = look
        mark.cursor = cursor
        self.editor.setExtraSelections([mark])
        self.editor.setTextCursor(cursor)
        self.editor.centerCursor()

    def _problem(self, error: BeaconError, line: int | None) -> None:
        text = error.message(self.session.language)
        if line is not None:
            text = self.tr("Line %1: %2").replace("%1", str(line)).replace("%2", text)
        self._say(text, ok=False)
        self._mark_line(line)

    def _difference_text(self, diff: service.Difference | None) -> str:
        if diff is None:
            return ""
        parts = []
        for names, label in ((diff.added_states, self.tr("states added")),
                             (diff.removed_states, self.tr("states removed")),
                             (diff.added_transitions, self.tr("transitions added")),
                             (diff.removed_transitions, self.tr("transitions removed")),
                             (diff.changed_transitions, self.tr("transitions changed"))):
            if names:
                parts.append(f"{label}: {', '.join(names)}")
        return "; ".join(parts) if parts else self.tr("no change to states or transitions")

    def validate(self) -> bool:
        """Check the text as Save would; show the problem (with its line) or the edit's diagram."""
        self.designer.sync_from_text()
        self.designer.show_draft()
        checked = service.validate_definition(kind=self.kind, text=self.editor.toPlainText())
        if checked.process is not None:
            self.diagram_title.setText(self.tr("Your edit (not saved yet)"))
        if checked.error is not None:
            self._problem(checked.error, checked.line)
            return False
        self._mark_line(None)
        self._say(self.tr("The definition is valid (%1).").replace("%1", self._difference_text(checked.difference)),
                  ok=True)
        return True

    def save(self) -> None:
        """Store the edit as a new version in force; nothing is saved when anything is wrong."""
        if not self.validate():
            return
        try:
            saved = service.save_version(actor_id=self.session.actor.id, kind=self.kind,
                                         text=self.editor.toPlainText(), base_id=self.base_id)
        except BeaconError as exc:
            self._problem(exc, None)
            return
        self.load(self.kind)
        self._say(self.tr("Saved as version %1: new cases start on it; open cases keep their version.")
                  .replace("%1", str(saved.version)), ok=True)

    def _reload_after_tool(self, kind: str) -> None:
        """A tool saved a version of `kind` (import, shipped upgrade): show it unless edits would be lost."""
        if kind == self.kind and (not self.modified() or self.ask_discard(self)):
            self.load(kind)

    def revert(self) -> None:
        if not self.modified() or self.ask_discard(self):
            self.load(self.kind)

    def copy_version(self) -> None:
        """Put an older version's text in the editor, to save it again with changes."""
        chosen = self.selected_version()
        if chosen is None or (self.modified() and not self.ask_discard(self)):
            return
        self.editor.setPlainText(service.version_source(actor_id=self.session.actor.id, process_id=chosen.id))
        self.designer.sync_from_text()
        self._say(self.tr("Editing a copy of version %1; Save stores it as a new version.")
                  .replace("%1", str(chosen.version)), ok=True)

    def activate(self) -> None:
        chosen = self.selected_version()
        if chosen is None or chosen.is_active or not self.ask_activate(self, chosen.version):
            return
        if self.modified() and not self.ask_discard(self):
            return
        try:
            service.activate_version(actor_id=self.session.actor.id, process_id=chosen.id, base_id=self.base_id)
        except BeaconError as exc:
            self._problem(exc, None)
            return
        self.load(self.kind)
        self._say(self.tr("Version %1 is in force again: new cases start on it.").replace("%1", str(chosen.version)),
                  ok=True)
