"""Import incidents from another ITSM: pick a file, map its columns, check it, then import it.

The screen only lays out and reports; `desktop.workflow.integrations.importer` reads, validates, plans and
writes. The check (a dry run) and the import run on Qt's thread pool with their own database
connection, so the window stays responsive; the import reports progress through a signal.
"""

from __future__ import annotations

import logging
from copy import deepcopy
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import BeaconError
from desktop.views.admin.forms import MessageLine, fit_columns
from desktop.views.session import ClientSession
from desktop.workflow.integrations import importer
from desktop.workflow.integrations.importer import ImportReport, Mapping

log = logging.getLogger(__name__)
ZONES = ("Asia/Seoul", "UTC", "Asia/Tokyo", "Asia/Singapore", "Europe/London", "America/New_York")


class _Signals(QObject):
    sig_progress = Signal(int, int)
    sig_done = Signal(object)
    sig_failed = Signal(str)


class _RunImport(QRunnable):
    """The check or the import on a pool thread; reports through signals and never touches a widget."""

    def __init__(self, *, actor_id: int, data: bytes, mapping: Mapping, encoding: str, time_zone: str,
                 dry_run: bool, file_name: str, language: str) -> None:
        super().__init__()
        self.args = {"actor_id": actor_id, "data": data, "mapping": mapping, "encoding": encoding,
                     "time_zone": time_zone, "dry_run": dry_run, "file_name": file_name}
        self.language = language
        self.signals = _Signals()

    def run(self) -> None:
        from desktop.workflow.sla.background import release_connection

        try:
            report = importer.run_import(progress=lambda done, total: self.signals.sig_progress.emit(done, total),
                                         **self.args)
            self.signals.sig_done.emit(report)
        except BeaconError as exc:
            self.signals.sig_failed.emit(exc.message(self.language))
        except Exception as exc:  # shown on the screen, never raised into Qt's thread pool
            log.exception("incident import failed")
            self.signals.sig_failed.emit(str(exc))
        finally:
            release_connection()


class ImportScreen(QWidget):
    """Administration → Import incidents: file, format, encoding, time zone, column mapping, check, import."""

    sig_finished = Signal(object)  # the ImportReport of a check or an import, once shown

    def __init__(self, session: ClientSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.data: bytes | None = None
        self.path = ""
        self.base: Mapping = importer.builtin_mapping("servicenow")
        self.report: ImportReport | None = None
        self._job: _RunImport | None = None
        self._checked_key: tuple[object, ...] | None = None

        self.file = QLineEdit(self)
        self.file.setObjectName("import_file")
        self.file.setReadOnly(True)
        self.file.setPlaceholderText(self.tr("Choose a CSV export…"))
        choose = QPushButton(self.tr("Choose file…"), self)
        choose.setObjectName("import_choose")
        choose.clicked.connect(self.choose_file)
        self.format = QComboBox(self)
        self.format.setObjectName("import_format")
        self.format.addItem(self.tr("ServiceNow"), "servicenow")
        self.format.addItem(self.tr("Generic CSV (mapping file)"), "generic")
        self.encoding = QComboBox(self)
        self.encoding.setObjectName("import_encoding")
        for code, text in (("auto", self.tr("Detect (UTF-8, else CP949)")), ("utf-8", "UTF-8"),
                           ("cp949", "CP949 / EUC-KR")):
            self.encoding.addItem(text, code)
        self.zone = QComboBox(self)
        self.zone.setObjectName("import_zone")
        self.zone.setEditable(True)
        self.zone.addItems(ZONES)
        self.null_markers = QLineEdit(self)
        self.null_markers.setObjectName("import_null_markers")
        self.null_markers.setPlaceholderText(self.tr("e.g. ?  (separate several with commas)"))
        self.null_markers.setAccessibleName(self.tr("Texts that mean an empty cell"))
        self.unknown: dict[str, QComboBox] = {}
        load = QPushButton(self.tr("Load mapping…"), self)
        load.setObjectName("import_load_mapping")
        load.clicked.connect(self.load_mapping)
        save = QPushButton(self.tr("Save mapping…"), self)
        save.setObjectName("import_save_mapping")
        save.clicked.connect(self.save_mapping)

        source_box = QGroupBox(self.tr("Source"), self)
        form = QFormLayout(source_box)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file, 1)
        file_row.addWidget(choose)
        form.addRow(self.tr("File"), file_row)
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.tr("Encoding"), self.encoding)
        form.addRow(self.tr("Time zone of the file's times"), self.zone)
        form.addRow(self.tr("Empty-cell markers"), self.null_markers)
        for kind, label in (("application", self.tr("Unknown applications")), ("user", self.tr("Unknown users")),
                            ("group", self.tr("Unknown groups"))):
            combo = QComboBox(self)
            combo.setObjectName(f"import_unknown_{kind}")
            combo.addItem(self.tr("Create"), "create")
            combo.addItem(self.tr("Reject the row"), "reject")
            self.unknown[kind] = combo
            form.addRow(label, combo)
        mapping_buttons = QHBoxLayout()
        mapping_buttons.addWidget(load)
        mapping_buttons.addWidget(save)
        mapping_buttons.addStretch(1)
        form.addRow(mapping_buttons)

        self.columns = QTableWidget(0, 3, self)
        self.columns.setObjectName("import_columns")
        self.columns.setHorizontalHeaderLabels([self.tr("File column"), self.tr("Beacon field"),
                                                self.tr("First value")])
        self.columns.verticalHeader().setVisible(False)
        self.columns.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.columns.horizontalHeader().setStretchLastSection(True)
        columns_box = QGroupBox(self.tr("Column mapping"), self)
        QVBoxLayout(columns_box).addWidget(self.columns)

        self.check_button = QPushButton(self.tr("Check (dry run)"), self)
        self.check_button.setObjectName("import_check")
        self.check_button.clicked.connect(self.check)
        self.import_button = QPushButton(self.tr("Import"), self)
        self.import_button.setObjectName("import_run")
        self.import_button.clicked.connect(self.run_import)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("import_progress")
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.message = MessageLine(self)
        self.message.setObjectName("import_message")
        self.summary = QLabel(self)
        self.summary.setObjectName("import_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.issues = QTableWidget(0, 4, self)
        self.issues.setObjectName("import_issues")
        self.issues.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Column"), self.tr("Value"),
                                               self.tr("Reason")])
        self.issues.verticalHeader().setVisible(False)
        self.issues.horizontalHeader().setStretchLastSection(True)
        self.issues.setWordWrap(True)  # a reason is a sentence: wrap it rather than cut it
        self.unknowns = QTableWidget(0, 4, self)
        self.unknowns.setObjectName("import_unknowns")
        self.unknowns.setHorizontalHeaderLabels([self.tr("Kind"), self.tr("Value"), self.tr("What happens"),
                                                 self.tr("Rows")])
        self.unknowns.verticalHeader().setVisible(False)
        self.unknowns.horizontalHeader().setStretchLastSection(True)
        issues_box = QGroupBox(self.tr("Bad rows"), self)
        QVBoxLayout(issues_box).addWidget(self.issues)
        unknowns_box = QGroupBox(self.tr("Unknown applications, users and groups"), self)
        QVBoxLayout(unknowns_box).addWidget(self.unknowns)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(source_box)
        left_layout.addWidget(columns_box, 1)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        actions = QHBoxLayout()
        actions.addWidget(self.check_button)
        actions.addWidget(self.import_button)
        actions.addWidget(self.progress, 1)
        right_layout.addLayout(actions)
        right_layout.addWidget(self.message)
        right_layout.addWidget(self.summary)
        right_layout.addWidget(issues_box, 3)
        right_layout.addWidget(unknowns_box, 2)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.format.currentIndexChanged.connect(self._format_changed)
        self.encoding.currentIndexChanged.connect(self._reread)
        self.zone.currentTextChanged.connect(self._clear_results)
        self.null_markers.textChanged.connect(self._clear_results)
        for combo in self.unknown.values():
            combo.currentIndexChanged.connect(self._clear_results)
        self._apply_mapping(self.base)
        self._update_buttons()

    def title(self) -> str:
        return self.tr("Import incidents")

    # --- file and mapping ----------------------------------------------------------------------

    @staticmethod
    def ask_open_path(parent: QWidget) -> str:
        path, _ = QFileDialog.getOpenFileName(parent, QCoreApplication.translate("ImportScreen", "Import incidents"),
                                              "", QCoreApplication.translate("ImportScreen", "CSV files (*.csv)"))
        return path

    @staticmethod
    def ask_mapping_path(parent: QWidget, save: bool) -> str:
        title = QCoreApplication.translate("ImportScreen", "Import mapping")
        kinds = QCoreApplication.translate("ImportScreen", "Mapping files (*.toml)")
        if save:
            return QFileDialog.getSaveFileName(parent, title, "mapping.toml", kinds)[0]
        return QFileDialog.getOpenFileName(parent, title, "", kinds)[0]

    def choose_file(self) -> None:
        path = self.ask_open_path(self)
        if not path:
            return
        try:
            self.data = Path(path).read_bytes()
        except OSError as exc:
            self.message.error(BeaconError("import.bad_mapping", key=path, reason=str(exc.strerror or exc)),
                               self.session.language)
            return
        self.path = path
        self.file.setText(path)
        self._reread()

    def _reread(self) -> None:
        """Read the file's header (and first row) and show each column with the field it feeds."""
        self._clear_results()
        if self.data is None:
            return
        try:
            source = importer.read_file(self.data, self.encoding.currentData(), limit=1)
            rows = importer.count_rows(self.data, source.encoding)
        except BeaconError as exc:
            self.message.error(exc, self.session.language)
            self.columns.setRowCount(0)
            self._update_buttons()
            return
        first = source.rows[0][1] if source.rows else []
        self._fill_columns(source.header, first)
        self.message.done(self.tr("{0}: {1} rows, {2} columns, read as {3}.").format(
            Path(self.path).name, rows, len(source.header), source.encoding.upper()))
        self._update_buttons()

    def _fill_columns(self, header: list[str], first: list[str]) -> None:
        self.columns.setRowCount(len(header))
        for row, column in enumerate(header):
            item = QTableWidgetItem(column)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.columns.setItem(row, 0, item)
            combo = QComboBox(self.columns)
            combo.setObjectName(f"field_{row}")
            combo.addItem(self.tr("(not imported)"), "")
            for name, label in importer.FIELDS.items():
                combo.addItem(self.session.pick(label["ko"], label["en"]), name)
            wanted = self.base.columns.get(column, "")
            if not wanted and column in importer.FIELDS:  # a generic file named like Beacon's fields
                wanted = column
            combo.setCurrentIndex(max(0, combo.findData(wanted)))
            combo.currentIndexChanged.connect(self._clear_results)
            self.columns.setCellWidget(row, 1, combo)
            sample = QTableWidgetItem(first[row] if row < len(first) else "")
            sample.setFlags(sample.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.columns.setItem(row, 2, sample)
        self.columns.resizeColumnToContents(0)

    def _format_changed(self) -> None:
        if self.format.currentData() == "servicenow":
            self._apply_mapping(importer.builtin_mapping("servicenow"))
        else:
            generic = Mapping(source="generic", label=self.tr("Generic CSV"))
            generic.unknown = {k: "reject" for k in importer.UNKNOWN_KINDS}
            self._apply_mapping(generic)
        self._reread()

    def _apply_mapping(self, mapping: Mapping) -> None:
        self.base = mapping
        self.encoding.setCurrentIndex(max(0, self.encoding.findData(mapping.encoding)))
        self.zone.setCurrentText(mapping.time_zone)
        self.null_markers.setText(", ".join(mapping.null_markers))
        for kind, combo in self.unknown.items():
            rule = mapping.unknown.get(kind, "reject")
            if combo.findData(rule) < 0:  # a mapping file's "map:CODE" is offered as it stands
                combo.addItem(self.tr("Map to {0}").format(rule[4:]), rule)
            combo.setCurrentIndex(combo.findData(rule))

    def current_mapping(self) -> Mapping:
        """The mapping as the screen shows it: the format's or loaded file's, with the table's columns."""
        mapping = deepcopy(self.base)
        columns = {}
        for row in range(self.columns.rowCount()):
            combo = self.columns.cellWidget(row, 1)
            if isinstance(combo, QComboBox) and combo.currentData():
                columns[self.columns.item(row, 0).text()] = str(combo.currentData())
        if self.columns.rowCount():
            mapping.columns = columns
        mapping.encoding = str(self.encoding.currentData())
        mapping.time_zone = self.zone.currentText().strip() or "Asia/Seoul"
        mapping.null_markers = [x.strip() for x in self.null_markers.text().split(",") if x.strip()]
        mapping.unknown = {kind: str(combo.currentData()) for kind, combo in self.unknown.items()}
        return mapping

    def load_mapping(self) -> None:
        path = self.ask_mapping_path(self, False)
        if not path:
            return
        try:
            mapping = importer.read_mapping_file(Path(path))
        except BeaconError as exc:
            self.message.error(exc, self.session.language)
            return
        self.format.blockSignals(True)
        self.format.setCurrentIndex(self.format.findData("servicenow" if mapping.source == "servicenow"
                                                         else "generic"))
        self.format.blockSignals(False)
        self._apply_mapping(mapping)
        self._reread()
        self.message.done(self.tr("Mapping loaded: {0}").format(Path(path).name))

    def save_mapping(self) -> None:
        path = self.ask_mapping_path(self, True)
        if not path:
            return
        try:
            Path(path).write_text(importer.mapping_to_toml(self.current_mapping()), encoding="utf-8")
        except OSError as exc:
            self.message.error(BeaconError("import.bad_mapping", key=path, reason=str(exc.strerror or exc)),
                               self.session.language)
            return
        self.message.done(self.tr("Mapping saved: {0}").format(Path(path).name))

    # --- check and import ----------------------------------------------------------------------

    def check(self) -> None:
        self._start(dry_run=True)

    def run_import(self) -> None:
        self._start(dry_run=False)

    def _start(self, *, dry_run: bool) -> None:
        if self.data is None or self._job is not None:
            return
        self._clear_results()
        mapping = self.current_mapping()
        job = _RunImport(actor_id=self.session.actor.id, data=self.data, mapping=mapping,
                         encoding=mapping.encoding, time_zone=mapping.time_zone, dry_run=dry_run,
                         file_name=Path(self.path).name, language=self.session.language)
        job.signals.sig_progress.connect(self._progress)
        job.signals.sig_done.connect(self._done)
        job.signals.sig_failed.connect(self._failed)
        self._job = job
        self.progress.setRange(0, 0)  # busy until the first figure arrives
        self.message.done(self.tr("Checking…") if dry_run else self.tr("Importing…"))
        self._update_buttons()
        QThreadPool.globalInstance().start(job)

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)

    def _failed(self, text: str) -> None:
        self._job = None
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.message.setStyleSheet("color: #e53935; font-weight: bold;")
        self.message.setText(text)
        self._update_buttons()

    def _done(self, report: ImportReport) -> None:
        self._job = None
        self.report = report
        self.progress.setRange(0, 1)
        self.progress.setValue(1 if report.applied else 0)
        lang = self.session.language
        self.issues.setRowCount(len(report.issues))
        for row, issue in enumerate(report.issues):
            for column, text in enumerate((str(issue.row), issue.column, issue.value,
                                           issue.reason.get(lang) or issue.reason["ko"])):
                item = QTableWidgetItem(text)
                item.setToolTip(issue.message(lang))  # the reason in full, with row and column
                self.issues.setItem(row, column, item)
        kinds = {"application": self.tr("Application"), "user": self.tr("User"), "group": self.tr("Group")}
        actions = {"create": self.tr("Created as {0}"), "map": self.tr("Mapped to {0}"), "reject": self.tr("Rejected")}
        self.unknowns.setRowCount(len(report.unknowns))
        for row, unknown in enumerate(report.unknowns):
            for column, text in enumerate((kinds[unknown.kind], unknown.value,
                                           actions[unknown.action].format(unknown.target), str(unknown.rows))):
                self.unknowns.setItem(row, column, QTableWidgetItem(text))
        fit_columns(self.issues)
        fit_columns(self.unknowns)
        self.issues.setColumnWidth(3, 200)  # the stretching last column takes the rest; rows grow to the text
        self.issues.resizeRowsToContents()
        figures = self.tr("{0} rows, {1} incidents in the file: {2} new, {3} imported before (skipped); {4} events, "
                          "{5} SLA pauses, {6} links.").format(
            f"{report.rows:,}", f"{report.incidents:,}", f"{report.new:,}", f"{report.skipped:,}",
            f"{report.events:,}", f"{report.pauses:,}", f"{report.links:,}")
        if report.issues:
            self.message.error(BeaconError("import.rejected", count=len(report.issues)), lang)
            figures = self.tr("{0} rows checked.").format(f"{report.rows:,}")
        elif report.applied:
            first = report.numbers[0] if report.numbers else ("", "")
            self.message.done(self.tr("Imported {0} incidents in {1:.1f} s (e.g. {2} → {3}). No notices were sent.")
                              .format(f"{report.new:,}", report.seconds, *first))
        elif report.new == 0:
            self.message.done(self.tr("Nothing new to import: every incident in the file was imported before."))
        else:
            self.message.done(self.tr("Check passed: nothing is saved yet. Import to save all of it at once."))
            self._checked_key = self._key()
        notes = [f"• {issue}" for issue in (w.get(lang) or w["ko"] for w in report.warnings)]
        self.summary.setText("\n".join([figures, *notes]))
        self._update_buttons()
        self.sig_finished.emit(report)

    def _key(self) -> tuple[object, ...]:
        return (self.data, repr(self.current_mapping()))

    def _clear_results(self) -> None:
        if self._job is not None:
            return
        self.report = None
        self._checked_key = None
        self.issues.setRowCount(0)
        self.unknowns.setRowCount(0)
        self.summary.setText("")
        self._update_buttons()

    def _update_buttons(self) -> None:
        idle = self._job is None
        self.check_button.setEnabled(idle and self.data is not None)
        # Import only after a clean check of exactly what is on screen
        self.import_button.setEnabled(idle and self._checked_key is not None and self._checked_key == self._key())
