"""Processes tab tools beside the editor: dry run, comparison, shipped upgrades, export and import.

Each panel takes a process definition (the edit being made, or what a release ships) and only
reads until the person decides: the dry run walks a sample case without writing anything; the
comparison lists what an edit changes and which open cases stand in a state it removes; a shipped
upgrade is adopted as a new version or ignored; a file is imported exactly as a save in the editor.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import BeaconError
from desktop.views.session import ClientSession
from desktop.workflow.admin import process_files as files
from desktop.workflow.admin import process_trial as trial
from desktop.workflow.admin import processes as service
from desktop.workflow.engine.process import ProcessDef

ERROR_COLOR = "#d32f2f"
OK_COLOR = "#2e7d32"
OFFER_COLOR = "#1565c0"


def _fit(dialog: QDialog, width: int, height: int) -> None:
    """A size that opens inside a 1366×768 screen."""
    dialog.resize(min(width, 1300), min(height, 700))


class DryRunDialog(QDialog):
    """Walk a sample case through a definition that is not saved: pick a step, see what it asks and does."""

    def __init__(self, session: ClientSession, process: ProcessDef, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.process = process
        self.language = session.language
        self.state: str | None = None
        self.trail: list[str] = []
        self.previews: list[trial.StepPreview] = []
        self.setObjectName("dry_run")
        label = service.process_label(process.kind)
        self.setWindowTitle(self.tr("Dry run: %1 (not saved, nothing is written)")
                            .replace("%1", session.pick(label["ko"], label["en"])))
        actor = session.actor.id

        self.new_choice = QRadioButton(self.tr("A new case on"), objectName="sample_new")
        self.case_choice = QRadioButton(self.tr("An open case, from where it stands"), objectName="sample_case")
        group = QButtonGroup(self)
        group.addButton(self.new_choice)
        group.addButton(self.case_choice)
        self.applications = QComboBox(objectName="sample_application")
        self.applications.setAccessibleName(self.tr("Application of the sample case"))
        for choice in trial.sample_applications(actor_id=actor, language=self.language):
            self.applications.addItem(choice.text, choice.id)
        self.cases = QComboBox(objectName="sample_cases")
        self.cases.setAccessibleName(self.tr("Open case to start from"))
        for choice in trial.sample_cases(actor_id=actor, kind=process.kind, process=process):
            self.cases.addItem(choice.text, choice.id)
        if process.kind != "incident":
            self.applications.setEnabled(False)
        self.case_choice.setEnabled(self.cases.count() > 0)
        self.restart_button = QPushButton(self.tr("Start over"), objectName="restart")
        sample = QGridLayout()
        sample.addWidget(self.new_choice, 0, 0)
        sample.addWidget(self.applications, 0, 1)
        sample.addWidget(self.case_choice, 1, 0)
        sample.addWidget(self.cases, 1, 1)
        sample.addWidget(self.restart_button, 0, 2, 2, 1)
        sample.setColumnStretch(1, 1)

        self.where = QLabel(objectName="dry_run_where")
        self.where.setWordWrap(True)
        self.steps = QListWidget(objectName="dry_run_steps")
        self.steps.setAccessibleName(self.tr("Steps offered from here"))
        self.take_button = QPushButton(self.tr("Take this step (in the dry run)"), objectName="take_step")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("Steps offered from here")))
        left_layout.addWidget(self.steps, 1)
        left_layout.addWidget(self.take_button)
        self.detail = QTextBrowser(objectName="dry_run_detail")
        self.detail.setAccessibleName(self.tr("What the step asks and does"))
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        self.trail_label = QLabel(objectName="dry_run_trail")
        self.trail_label.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(sample)
        layout.addWidget(self.where)
        layout.addWidget(split, 1)
        layout.addWidget(self.trail_label)
        layout.addWidget(buttons)
        _fit(self, 1100, 640)

        (self.new_choice if process.kind == "incident" or not self.case_choice.isEnabled()
         else self.case_choice).setChecked(True)
        self.new_choice.toggled.connect(self.restart)
        self.applications.currentIndexChanged.connect(self.restart)
        self.cases.currentIndexChanged.connect(self._case_picked)
        self.restart_button.clicked.connect(self.restart)
        self.steps.currentRowChanged.connect(self._show_step)
        self.steps.itemDoubleClicked.connect(lambda _item: self.take_step())
        self.take_button.clicked.connect(self.take_step)
        self.restart()

    def _case_picked(self) -> None:
        if not self.case_choice.isChecked():
            self.case_choice.setChecked(True)  # toggling restarts
        else:
            self.restart()

    def sample(self) -> trial.Sample:
        actor = self.session.actor.id
        if self.case_choice.isChecked() and self.cases.currentData() is not None:
            return trial.case_sample(actor_id=actor, case_id=self.cases.currentData())
        return trial.new_sample(actor_id=actor, kind=self.process.kind, application_id=self.applications.currentData())

    def restart(self) -> None:
        """Back to the sample's start: before creation, or the open case's state."""
        self._sample = self.sample()
        self.state = trial.start_state(self.process, self._sample)
        self.trail = []
        if self._sample.case_id is not None and self.state is None:
            self.trail.append(self.tr("%1 is in a state this definition does not have; it starts as a new case.")
                              .replace("%1", self._sample.number))
        self._load()

    def _load(self) -> None:
        self.previews = trial.steps(actor_id=self.session.actor.id, process=self.process, sample=self._sample,
                                    state=self.state, language=self.language)
        if self.state is None:
            self.where.setText(self.tr("Before the case exists: its creating step."))
        else:
            final = self.process.states[self.state].final
            text = self.tr("The sample case is in: %1").replace(
                "%1", trial.state_name(self.process, self.state, self.language))
            if final:
                text += " — " + self.tr("a final state")
            self.where.setText(text)
        self.steps.clear()
        for p in self.previews:
            stays = self.state is not None and p.target == self.state
            item = QListWidgetItem(f"{p.label}  ↻" if stays else f"{p.label}  →  {p.target_label}")
            item.setData(Qt.ItemDataRole.UserRole, p.transition)
            self.steps.addItem(item)
        self.take_button.setEnabled(bool(self.previews))
        if self.previews:
            self.steps.setCurrentRow(0)
        else:
            nothing = self.tr("No step leads on from here.")
            self.detail.setHtml(f"<p>{html.escape(nothing)}</p>")
        self.trail_label.setText(self.tr("Path so far: %1").replace("%1", " → ".join(self.trail) or "-"))

    def selected(self) -> trial.StepPreview | None:
        row = self.steps.currentRow()
        return self.previews[row] if 0 <= row < len(self.previews) else None

    def _show_step(self) -> None:
        p = self.selected()
        if p is None:
            return
        esc = html.escape
        none, new_case = esc(self.tr("none")), esc(self.tr("(new case)"))
        required, optional = esc(self.tr("required")), esc(self.tr("optional"))
        heads = {"roles": esc(self.tr("Who may take it")), "fields": esc(self.tr("Fields it asks")),
                 "effects": esc(self.tr("Effects it would run")), "told": esc(self.tr("Who would be told"))}
        parts = [f"<h3>{esc(p.label)}</h3>",
                 f"<p>{esc(p.source_label) or new_case} → <b>{esc(p.target_label)}</b></p>",
                 f"<p><b>{heads['roles']}:</b> {esc(', '.join(p.roles))}</p>",
                 f"<p><b>{heads['fields']}:</b></p>"]
        if p.fields:
            parts.append("<ul>" + "".join(f"<li>{esc(f.label)} — {required if f.required else optional}</li>"
                                          for f in p.fields) + "</ul>")
        else:
            parts.append(f"<p>{none}</p>")
        parts.append(f"<p><b>{heads['effects']}:</b></p>")
        if p.effects:
            parts.append("<ul>" + "".join(f"<li>{esc(e.description)}</li>" for e in p.effects) + "</ul>")
        else:
            parts.append(f"<p>{none}</p>")
        parts.append(f"<p><b>{heads['told']}:</b></p>")
        if p.recipients or p.notes:
            parts.append("<ul>" + "".join(f"<li>{esc(r.name)} — {esc(r.reason)}</li>" for r in p.recipients)
                         + "".join(f"<li><i>{esc(n)}</i></li>" for n in p.notes) + "</ul>")
        else:
            nobody = self.tr("nobody")
            parts.append(f"<p>{esc(nobody)}</p>")
        ink = self.palette().color(QPalette.ColorRole.WindowText).name()  # the theme's text, not its link colour
        self.detail.setHtml(f'<div style="color: {ink}">{"".join(parts)}</div>')

    def take_step(self) -> None:
        """Move the sample case along the selected step — in this dialog only."""
        p = self.selected()
        if p is None:
            return
        self.trail.append(p.label)
        self.state = p.target
        self._load()


class CompareDialog(QDialog):
    """What a definition changes against the version in force, and the open cases it would strand."""

    def __init__(self, session: ClientSession, comparison: trial.Comparison, title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("process_compare")
        self.setWindowTitle(title)
        language = session.language
        self.heading = QLabel(self.tr("Against version %1, in force now. New cases would start on the new "
                                      "version; open cases keep theirs.").replace("%1", str(comparison.base_version)))
        self.heading.setWordWrap(True)
        self.stuck = QLabel(objectName="compare_stuck")
        self.stuck.setWordWrap(True)
        self.stuck.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        stuck = [line.text(language) for line in comparison.stuck_lines()]
        if stuck:
            self.stuck.setText("\n".join(stuck) + "\n" + self.tr("Saving is refused until they move or close."))
            self.stuck.setStyleSheet(f"color: {ERROR_COLOR};")
        else:
            self.stuck.setText(self.tr("No open case is in a state this version removes."))
            self.stuck.setStyleSheet(f"color: {OK_COLOR};")
        self.changes = QListWidget(objectName="compare_changes")
        self.changes.setAccessibleName(self.tr("Changes"))
        self.changes.setWordWrap(True)
        for line in comparison.lines:
            self.changes.addItem(line.text(language))
        if comparison.unchanged:
            self.changes.addItem(self.tr("No change to states, transitions, fields or roles."))
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.stuck)
        layout.addWidget(QLabel(self.tr("What changes")))
        layout.addWidget(self.changes, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        _fit(self, 900, 560)


class ShippedOfferDialog(CompareDialog):
    """A default process a newer Beacon ships: its difference against the version in force; adopt or ignore."""

    ADOPT, IGNORE = 10, 11

    def __init__(self, session: ClientSession, offer: files.ShippedOffer, parent: QWidget | None = None) -> None:
        label = files.label(offer.kind)
        title = QCoreApplication.translate("ShippedOfferDialog", "Newer default process: %1").replace(
            "%1", session.pick(label["ko"], label["en"]))
        super().__init__(session, offer.comparison, title, parent)
        self.offer_heading = QLabel(self.tr(
            "This Beacon release ships a newer default %1 process. Adopting it stores it as a new version (checked "
            "as any save) that new cases start on; ignoring it hides it until a newer release ships one.")
            .replace("%1", session.pick(label["ko"], label["en"])), objectName="offer_heading")
        self.offer_heading.setWordWrap(True)
        self.offer_heading.setStyleSheet("font-weight: bold;")
        self.layout().insertWidget(0, self.offer_heading)
        self.adopt_button = self.buttons.addButton(self.tr("Adopt as a new version"),
                                                   QDialogButtonBox.ButtonRole.ActionRole)
        self.adopt_button.setObjectName("adopt_shipped")
        self.ignore_button = self.buttons.addButton(self.tr("Ignore this release"),
                                                    QDialogButtonBox.ButtonRole.ActionRole)
        self.ignore_button.setObjectName("ignore_shipped")
        self.adopt_button.clicked.connect(lambda: self.done(self.ADOPT))
        self.ignore_button.clicked.connect(lambda: self.done(self.IGNORE))


class ProcessTools(QWidget):
    """The tools bar of the Processes tab: dry run, compare, export, import, and the shipped-upgrade offer.

    It reads the tab through small callables (the process shown, the text being edited, the version in
    force when editing began, the selected version) and tells it to reload or show a message; so it
    sits beside whichever editor the tab has.
    """

    def __init__(self, session: ClientSession, *, kind: Callable[[], str], text: Callable[[], str],
                 selected_version: Callable[[], int | None], reload: Callable[[str], None],
                 say: Callable[[str, bool], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.kind, self.text, self.selected_version = kind, text, selected_version
        self.reload, self.say = reload, say
        self.offers: list[files.ShippedOffer] = []
        self.dry_run_button = QPushButton(self.tr("Dry run…"), objectName="dry_run_button")
        self.dry_run_button.setToolTip(self.tr("Walk a sample case through the edited definition; nothing is saved"))
        self.compare_button = QPushButton(self.tr("Compare with the version in force…"), objectName="compare_button")
        self.export_button = QPushButton(self.tr("Export…"), objectName="export_process")
        self.export_button.setToolTip(self.tr("Save the selected version (or the one in force) as a TOML file"))
        self.import_button = QPushButton(self.tr("Import…"), objectName="import_process")
        self.import_button.setToolTip(self.tr("Save a TOML file as the next version, in force for new cases"))
        self.offer_button = QPushButton(objectName="shipped_offer")
        self.offer_button.setStyleSheet(f"color: {OFFER_COLOR}; font-weight: bold;")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for button in (self.dry_run_button, self.compare_button, self.export_button, self.import_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.offer_button)
        self.dry_run_button.clicked.connect(self.dry_run)
        self.compare_button.clicked.connect(self.compare)
        self.export_button.clicked.connect(self.export)
        self.import_button.clicked.connect(self.import_file)
        self.offer_button.clicked.connect(self.review_offer)
        self.refresh_offers()

    # --- questions a person answers (tests replace these) -----------------------------------------

    @classmethod
    def show_dialog(cls, dialog: QDialog) -> int:
        """Show a panel and return how it was closed."""
        return dialog.exec()

    @classmethod
    def ask_save_path(cls, parent: QWidget, suggested: str) -> str:
        path, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("ProcessTools", "Export process"),
                                              suggested, "TOML (*.toml)")
        return path

    @classmethod
    def ask_open_path(cls, parent: QWidget) -> str:
        path, _ = QFileDialog.getOpenFileName(parent, QCoreApplication.translate("ProcessTools", "Import process"),
                                              "", "TOML (*.toml)")
        return path

    @classmethod
    def ask_import(cls, parent: QWidget, path: str) -> bool:
        answer = QMessageBox.question(
            parent, QCoreApplication.translate("ProcessTools", "Import process"),
            QCoreApplication.translate("ProcessTools", "Save %1 as the next version of its process? New cases will "
                                       "start on it; open cases keep their version.").replace("%1", path))
        return answer == QMessageBox.StandardButton.Yes

    # --- the edited definition ---------------------------------------------------------------------

    def edited(self) -> ProcessDef | None:
        """The edit being made, parsed; None (with the editor's message) when it does not parse."""
        checked = service.validate_definition(kind=self.kind(), text=self.text())
        if checked.process is None and checked.error is not None:
            message = checked.error.message(self.session.language)
            if checked.line is not None:
                message = self.tr("Line %1: %2").replace("%1", str(checked.line)).replace("%2", message)
            self.say(message, False)
        return checked.process

    def dry_run(self) -> None:
        process = self.edited()
        if process is not None:
            self.show_dialog(DryRunDialog(self.session, process, self.window()))

    def compare(self) -> None:
        process = self.edited()
        if process is None:
            return
        comparison = trial.compare_with_active(actor_id=self.session.actor.id, kind=self.kind(), process=process)
        self.show_dialog(CompareDialog(self.session, comparison, self.tr("Your edit against the version in force"),
                                       self.window()))

    # --- files --------------------------------------------------------------------------------------

    def export(self) -> None:
        kind = self.kind()
        process_id = self.selected_version()
        version, _ = files.export_text(actor_id=self.session.actor.id, kind=kind, process_id=process_id)
        path = self.ask_save_path(self, f"{kind}-v{version}.toml")
        if not path:
            return
        try:
            files.export_file(actor_id=self.session.actor.id, kind=kind, path=Path(path), process_id=process_id)
        except OSError as exc:
            self.say(self.tr("Cannot write %1: %2").replace("%1", path).replace("%2", exc.strerror or str(exc)),
                     False)
            return
        self.say(self.tr("Exported version %1 to %2.").replace("%1", str(version)).replace("%2", path), True)

    def import_file(self) -> None:
        path = self.ask_open_path(self)
        if not path or not self.ask_import(self, path):
            return
        text = ""
        try:
            text = files.read_definition_file(Path(path))
            kind, saved = files.import_text(actor_id=self.session.actor.id, text=text, file=path)
        except BeaconError as exc:
            message = exc.message(self.session.language)
            line = files.error_line(text, exc)
            if line is not None:
                message = self.tr("Line %1: %2").replace("%1", str(line)).replace("%2", message)
            self.say(message, False)
            return
        self.reload(kind)
        label = files.label(kind)
        self.say(self.tr("Imported %1 as version %2 of the %3 process: new cases start on it; open cases keep "
                         "their version.").replace("%1", Path(path).name).replace("%2", str(saved.version))
                 .replace("%3", self.session.pick(label["ko"], label["en"])), True)

    # --- shipped upgrades ---------------------------------------------------------------------------

    def refresh_offers(self) -> None:
        self.offers = files.shipped_offers(actor_id=self.session.actor.id)
        if self.offers:
            names = ", ".join(self.session.pick(files.label(o.kind)["ko"], files.label(o.kind)["en"])
                              for o in self.offers)
            self.offer_button.setText(self.tr("New default process shipped: %1 — review…").replace("%1", names))
        self.offer_button.setVisible(bool(self.offers))

    def review_offer(self) -> None:
        """Show the shipped upgrade of the process on screen (else the first one), then adopt or ignore it."""
        if not self.offers:
            return
        offer = next((o for o in self.offers if o.kind == self.kind()), self.offers[0])
        answer = self.show_dialog(ShippedOfferDialog(self.session, offer, self.window()))
        actor = self.session.actor.id
        try:
            if answer == ShippedOfferDialog.ADOPT:
                saved = files.adopt_shipped(actor_id=actor, kind=offer.kind, checksum=offer.checksum,
                                            base_id=offer.comparison.base_id)
                self.reload(offer.kind)
                self.say(self.tr("The shipped process is version %1 now, in force for new cases.")
                         .replace("%1", str(saved.version)), True)
            elif answer == ShippedOfferDialog.IGNORE:
                files.ignore_shipped(actor_id=actor, kind=offer.kind, checksum=offer.checksum)
                self.say(self.tr("Ignored; a newer release will be offered again."), True)
        except BeaconError as exc:
            self.say(exc.message(self.session.language), False)
        self.refresh_offers()
