"""Reports from the desktop: made on the thread pool, then opened in the system's PDF viewer
(which previews and prints) — or in Beacon's own preview when the desk has none — or saved where
the user chooses."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop.errors import BeaconError
from desktop.views.dialogs import show_error
from desktop.views.session import ClientSession


class _Signals(QObject):
    sig_done = Signal(bytes)
    sig_failed = Signal(object)


class _MakeReport(QRunnable):
    def __init__(self, make: Callable[[], bytes]) -> None:
        super().__init__()
        self.make = make
        self.signals = _Signals()

    def run(self) -> None:
        from desktop.workflow.sla.background import release_connection

        try:
            self.signals.sig_done.emit(self.make())
        except BeaconError as exc:
            self.signals.sig_failed.emit(exc)
        finally:
            release_connection()


class ReportRunner(QObject):
    """Makes one report off the UI thread; `sig_ready(path)` when the PDF is on disk."""

    sig_ready = Signal(str)

    def __init__(self, session: ClientSession, parent: QWidget) -> None:
        super().__init__(parent)
        self.session = session
        self.parent_widget = parent
        self._jobs: list[_MakeReport] = []

    def incident_or_problem(self, kind: str, number: str, *, save: bool = False) -> None:
        from desktop.reports import report_service

        make = report_service.incident_report_pdf if kind == "incident" else report_service.problem_report_pdf
        self._start(lambda: make(number, lang=self.session.language, time_zone=self.session.time_zone),
                    f"{number}.pdf", save)

    def monthly(self, month: str, *, save: bool = False) -> None:
        from desktop.reports import report_service

        self._start(lambda: report_service.sla_report_pdf(month, lang=self.session.language,
                                                          time_zone=self.session.time_zone),
                    f"SLA-{month}.pdf", save)

    @property
    def running(self) -> int:
        """Reports still being made."""
        return len(self._jobs)

    def _start(self, make: Callable[[], bytes], name: str, save: bool) -> None:
        job = _MakeReport(make)
        job.signals.sig_done.connect(lambda data: (self._finished(job), self._done(data, name, save)))
        job.signals.sig_failed.connect(lambda exc: (self._finished(job),
                                                    show_error(self.parent_widget, exc, self.session.language)))
        self._jobs.append(job)
        self.parent_widget.setCursor(Qt.CursorShape.BusyCursor)  # busy, yet the window still answers
        QThreadPool.globalInstance().start(job)

    def _finished(self, job: _MakeReport) -> None:
        if job in self._jobs:
            self._jobs.remove(job)
        if not self._jobs:
            self.parent_widget.unsetCursor()

    def _done(self, data: bytes, name: str, save: bool) -> None:
        if save:
            target, _ = QFileDialog.getSaveFileName(self.parent_widget, self.tr("Save report"), name, "PDF (*.pdf)")
            if not target:
                return
            path = Path(target)
        else:
            path = Path(tempfile.mkdtemp(prefix="beacon-report-")) / name
        path.write_bytes(data)
        self.sig_ready.emit(str(path))
        if not save:
            self.show(path)

    def show(self, path: Path) -> None:
        """Open the report in the desk's PDF viewer; without one, in Beacon's own preview (with Print);
        when neither works, say so and where the file is."""
        if open_in_viewer(path):
            return
        try:
            from desktop.views.pdf_preview import PdfPreviewDialog

            preview = PdfPreviewDialog(path, self.parent_widget)
        except (ImportError, OSError, ValueError) as exc:
            QMessageBox.warning(self.parent_widget, self.tr("Report"), self.tr(
                "The report could not be opened: no PDF viewer is set up on this computer and Beacon could "
                "not show it ({reason}). It is saved as {path}.").format(reason=exc, path=path))
            return
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        preview.show()


def open_in_viewer(path: Path) -> bool:
    """Hand the file to the desk's PDF viewer; False when none is registered (tests replace this)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
