"""Export a list from the GUI: ask where, write the file on the thread pool, show progress, Cancel and the result.

The rows and their formatting come from `desktop.workflow.integrations.export` — the same function the
`beacon export` command runs — so this module only asks for a file name and reports back.
"""

from __future__ import annotations

import threading
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QStandardPaths, QThreadPool, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from desktop.errors import BeaconError
from desktop.views.session import ClientSession
from desktop.workflow.integrations.export import (
    ExportCancelled,
    ExportResult,
    ExportSpec,
    default_file_name,
    export_list,
)


class _ExportSignals(QObject):
    sig_progress = Signal(int)  # rows written so far
    sig_done = Signal(object)  # ExportResult
    sig_failed = Signal(object)  # the exception
    sig_cancelled = Signal()


class _ExportJob(QRunnable):
    """Writes the whole list on a pool thread (its own database connection); never touches a widget."""

    def __init__(self, session: ClientSession, spec: ExportSpec, path: Path, fmt: str) -> None:
        super().__init__()
        self.session, self.spec, self.path, self.fmt = session, spec, path, fmt
        self.cancel = threading.Event()
        self.signals = _ExportSignals()

    def run(self) -> None:
        from desktop.workflow.sla.background import release_connection

        try:
            try:
                result = export_list(actor_id=self.session.actor.id, spec=self.spec, path=self.path, fmt=self.fmt,
                                     language=self.session.language, time_zone=self.session.time_zone,
                                     progress=self.signals.sig_progress.emit, cancel=self.cancel)
            except ExportCancelled:
                self.signals.sig_cancelled.emit()
            except Exception as exc:  # a lost server or a locked file reaches the user as a message
                self.signals.sig_failed.emit(exc)
            else:
                self.signals.sig_done.emit(result)
        except RuntimeError:
            pass  # the list was closed (and its signals deleted) while the file was being written
        finally:
            release_connection()


class ExportBar(QWidget):
    """A strip under a list: while exporting, the rows written and Cancel; then the result and Open folder."""

    sig_running = Signal(bool)
    sig_finished = Signal(object)  # ExportResult, or None when cancelled or failed

    _last_folder = ""  # where the last export went, for the next save dialog

    def __init__(self, session: ClientSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("export_bar")
        self.session = session
        self.job: _ExportJob | None = None
        self.result: ExportResult | None = None
        self.message = QLabel(self)
        self.message.setObjectName("export_message")
        self.message.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)  # the total is not counted first: that would cost a second full read
        self.progress.setMaximumWidth(160)
        self.progress.setMaximumHeight(10)
        self.progress.setTextVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setObjectName("export_cancel")
        self.cancel_button.clicked.connect(self.cancel)
        self.open_button = QPushButton(self.tr("Open folder"), self)
        self.open_button.setObjectName("export_open_folder")
        self.open_button.clicked.connect(self.open_folder)
        self.close_button = QPushButton("✕", self)
        self.close_button.setObjectName("export_dismiss")
        self.close_button.setToolTip(self.tr("Hide this message"))
        self.close_button.setFlat(True)
        self.close_button.clicked.connect(self.hide)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.message, 1)
        row.addWidget(self.progress)
        row.addWidget(self.cancel_button)
        row.addWidget(self.open_button)
        row.addWidget(self.close_button)
        self.hide()

    @staticmethod
    def ask_path(parent: QWidget, suggested: str) -> tuple[str, str] | None:
        """Where to save and as what ("csv" or "xlsx"); None when the user cancels (a modal dialog: patched in
        tests)."""
        title = QCoreApplication.translate("ExportBar", "Export list")
        excel = QCoreApplication.translate("ExportBar", "Excel workbook (*.xlsx)")
        text = QCoreApplication.translate("ExportBar", "CSV, UTF-8 (*.csv)")
        path, chosen = QFileDialog.getSaveFileName(parent, title, suggested, f"{excel};;{text}")
        if not path:
            return None
        suffix = Path(path).suffix.lower().lstrip(".")
        if suffix in ("csv", "xlsx"):
            return path, suffix
        fmt = "csv" if chosen == text else "xlsx"
        return f"{path}.{fmt}", fmt

    @property
    def running(self) -> bool:
        return self.job is not None

    def start(self, spec: ExportSpec) -> bool:
        """Ask for a file, then export the list into it in the background; False when the user cancelled."""
        if self.running:
            return False
        folder = ExportBar._last_folder or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        today = datetime.now(ZoneInfo(self.session.time_zone)).date()
        answer = self.ask_path(self.window(), str(Path(folder) / default_file_name(spec.kind, "xlsx", today)))
        if answer is None:
            return False
        path, fmt = Path(answer[0]), answer[1]
        ExportBar._last_folder = str(path.parent)
        self.result = None
        self.job = _ExportJob(self.session, spec, path, fmt)
        self.job.signals.sig_progress.connect(self._progress)
        self.job.signals.sig_done.connect(self._done)
        self.job.signals.sig_failed.connect(self._failed)
        self.job.signals.sig_cancelled.connect(self._cancelled)
        self._show(self.tr("Exporting to {0}…").format(path.name), busy=True)
        self.sig_running.emit(True)
        QThreadPool.globalInstance().start(self.job)
        return True

    def cancel(self) -> None:
        """Stop after the page being written; the file is not created."""
        if self.job is not None:
            self.job.cancel.set()
            self.cancel_button.setEnabled(False)
            self.message.setText(self.tr("Cancelling…"))

    def open_folder(self) -> None:
        if self.result is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.result.path.resolve().parent)))

    def _show(self, text: str, *, busy: bool = False, error: bool = False, done: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #d32f2f; font-weight: bold;" if error else "")
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.cancel_button.setEnabled(busy)
        self.open_button.setVisible(done)
        self.close_button.setVisible(not busy)
        self.show()

    def rows(self, count: int) -> str:
        """'1 row' / '1,200 rows' ('1행' / '1,200행')."""
        return self.tr("1 row") if count == 1 else self.tr("{0} rows").format(f"{count:,}")

    def _progress(self, rows: int) -> None:
        if self.job is not None and not self.job.cancel.is_set():
            self.message.setText(self.tr("Exporting to {0}… {1} written").format(self.job.path.name,
                                                                                 self.rows(rows)))

    def _finish(self) -> None:
        self.job = None
        self.sig_running.emit(False)

    def _done(self, result: ExportResult) -> None:
        self.result = result
        self._finish()
        self._show(self.tr("Exported {0} to {1}").format(self.rows(result.rows), str(result.path)), done=True)
        self.sig_finished.emit(result)

    def _failed(self, error: object) -> None:
        self._finish()
        text = error.message(self.session.language) if isinstance(error, BeaconError) else str(error)
        self._show(self.tr("Could not export the list: {0}").format(text), error=True)
        self.sig_finished.emit(None)

    def _cancelled(self) -> None:
        self._finish()
        self._show(self.tr("Export cancelled; no file was written."))
        self.sig_finished.emit(None)

    def wait(self, timeout_ms: int = 60_000) -> bool:
        """Run the event loop until the export ends (tests, smoke checks); True when it has."""
        from PySide6.QtCore import QEventLoop, QTimer

        if self.running:
            loop = QEventLoop()
            self.sig_finished.connect(loop.quit)
            QTimer.singleShot(timeout_ms, loop.quit)
            loop.exec()
            self.sig_finished.disconnect(loop.quit)
        return not self.running
