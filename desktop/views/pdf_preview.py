"""A report shown inside Beacon when the desk has no PDF viewer: its pages, Print and Save.

Qt's own PDF module is not in PySide6-Essentials (nor in the bundle), so the pages are drawn with
pypdfium2 (PDFium), at screen resolution for the preview and at the printer's for printing.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

SCREEN_DPI = 96
PRINT_DPI_CAP = 300  # enough for text on paper; a 1200-dpi driver would ask for 200 MB pages otherwise


def page_images(path: Path, dpi: float) -> list[QImage]:
    """Every page of the PDF at `dpi`, as images (raises ValueError when the file is not a readable PDF)."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        raise ValueError(str(exc)) from exc
    images = []
    try:
        for index in range(len(document)):
            page = document[index]
            bitmap = page.render(scale=dpi / 72, rev_byteorder=True, prefer_bgrx=True,
                                 fill_color=(255, 255, 255, 255))
            image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGBX8888)
            images.append(image.copy())  # the copy owns its pixels once PDFium's bitmap goes
            bitmap.close()
            page.close()
    finally:
        document.close()
    return images


class PdfPreviewDialog(QDialog):
    """The report's pages one under the other, with Print… and Save as…."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.setWindowTitle(self.tr("Report preview — {name}").format(name=self.path.name))
        self.pages = page_images(self.path, SCREEN_DPI)
        column = QWidget(self)
        pages = QVBoxLayout(column)
        pages.setSpacing(12)
        for number, image in enumerate(self.pages, start=1):
            label = QLabel(column)
            label.setObjectName(f"page_{number}")
            label.setPixmap(QPixmap.fromImage(image))
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            label.setAccessibleName(self.tr("Page {number}").format(number=number))
            pages.addWidget(label)
        scroll = QScrollArea(self)
        scroll.setWidget(column)
        scroll.setWidgetResizable(True)
        scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        note = QLabel(self.tr("No PDF viewer is set up on this computer, so Beacon shows the report itself "
                              "({count} pages).").format(count=len(self.pages)), self)
        note.setObjectName("preview_note")
        note.setWordWrap(True)
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.print_button.setObjectName("print")
        self.print_button.clicked.connect(self.print_report)
        save = QPushButton(self.tr("Save as…"), self)
        save.setObjectName("save")
        save.clicked.connect(self.save_as)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(note, 1)
        row.addWidget(self.print_button)
        row.addWidget(save)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(scroll, 1)
        width = (self.pages[0].width() if self.pages else 800) + 60
        self.resize(min(width, 1000), 700)  # inside a 1366×768 screen

    def print_report(self) -> bool:
        """Qt's print dialog, then every page drawn at the printer's resolution (capped)."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.path.stem)
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return False
        return self.print_to(printer)

    def print_to(self, printer: QPrinter) -> bool:
        """Draw the report on `printer`, one PDF page per sheet, scaled to fit."""
        dpi = min(printer.resolution(), PRINT_DPI_CAP)
        painter = QPainter()
        if not painter.begin(printer):
            return False
        try:
            for index, image in enumerate(page_images(self.path, dpi)):
                if index:
                    printer.newPage()
                area = painter.viewport()
                size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(area.x(), area.y(), image.scaled(size, Qt.AspectRatioMode.KeepAspectRatio,
                                                                   Qt.TransformationMode.SmoothTransformation))
        finally:
            painter.end()
        return True

    def save_as(self) -> None:
        target, _ = QFileDialog.getSaveFileName(self, self.tr("Save report"), self.path.name, "PDF (*.pdf)")
        if target:
            shutil.copyfile(self.path, target)
