"""The preview window: the pages of a letter made in memory, zoom and paging, Print (the
system's print dialog) and Save as PDF… (only to a file she chooses, after the same warning
the exports give). No temporary file ever holds the letter."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QTimer
from PySide6.QtGui import QKeySequence, QPageLayout, QPageSize, QPixmap, QShortcut
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from coordinator.services.exporting import ExportError, write_atomically
from coordinator.ui.kit.operations import error_message
from coordinator.ui.kit.widgets import MessageLabel
from coordinator.ui.letters.rendering import PdfPages, print_pages

#: Zoom choices: a share of the page's real size; WHOLE_PAGE and FIT_WIDTH follow the window.
WHOLE_PAGE, FIT_WIDTH = -1.0, 0.0
ZOOMS = (WHOLE_PAGE, FIT_WIDTH, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
SCREEN_DPI = 96
PREVIEW_SIZE = (900, 720)


class LetterPreview(QDialog):
    def __init__(
        self, pdf: bytes, title: str, file_name: str = "letter.pdf", parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("letterPreview")
        self._pdf = pdf
        self._pages = PdfPages(pdf)
        self._file_name = file_name
        self.page = 0
        self.zoom = WHOLE_PAGE

        self.canvas = QLabel()
        self.canvas.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.canvas.setAccessibleName(self.tr("Page of the letter"))
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.canvas)
        self.scroll.setWidgetResizable(True)
        self.scroll.setStyleSheet("QScrollArea { background: #8a9096; }")
        self.canvas.setStyleSheet("background: #8a9096;")

        self.previous_button = QPushButton(self.tr("◀ Previous"))
        self.next_button = QPushButton(self.tr("Next ▶"))
        self.page_label = QLabel()
        self.zoom_box = QComboBox()
        self.zoom_box.setAccessibleName(self.tr("Zoom"))
        for zoom in ZOOMS:
            names = {WHOLE_PAGE: self.tr("Whole page"), FIT_WIDTH: self.tr("Fit width")}
            self.zoom_box.addItem(names.get(zoom, f"{zoom:.0%}"), zoom)
        self.print_button = QPushButton(self.tr("&Print…"))
        self.save_button = QPushButton(self.tr("&Save as PDF…"))
        self.close_button = QPushButton(self.tr("Close"))
        self.print_button.setDefault(True)
        self.message = MessageLabel()

        bar = QHBoxLayout()
        for widget in (self.previous_button, self.page_label, self.next_button):
            bar.addWidget(widget)
        bar.addSpacing(16)
        bar.addWidget(QLabel(self.tr("Zoom")))
        bar.addWidget(self.zoom_box)
        bar.addStretch(1)
        for widget in (self.save_button, self.print_button, self.close_button):
            bar.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.message)

        self.previous_button.clicked.connect(lambda: self.show_page(self.page - 1))
        self.next_button.clicked.connect(lambda: self.show_page(self.page + 1))
        self.zoom_box.currentIndexChanged.connect(self._zoom_chosen)
        self.print_button.clicked.connect(self.print_dialog)
        self.save_button.clicked.connect(self.save_dialog)
        self.close_button.clicked.connect(self.close)
        for keys, step in ((QKeySequence.StandardKey.MoveToNextPage, 1), ("Ctrl+PgDown", 1)):
            QShortcut(QKeySequence(keys), self, lambda step=step: self.show_page(self.page + step))
        for keys in (QKeySequence.StandardKey.MoveToPreviousPage, "Ctrl+PgUp"):
            QShortcut(QKeySequence(keys), self, lambda: self.show_page(self.page - 1))
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_dialog)
        QShortcut(QKeySequence.StandardKey.ZoomIn, self, lambda: self._step_zoom(1))
        QShortcut(QKeySequence.StandardKey.ZoomOut, self, lambda: self._step_zoom(-1))
        self.resize(*PREVIEW_SIZE)
        self.show_page(0)

    # -- pages -------------------------------------------------------------------------------

    def page_count(self) -> int:
        return len(self._pages)

    def show_page(self, index: int) -> None:
        if not 0 <= index < self.page_count():
            return
        self.page = index
        self.page_label.setText(
            self.tr("Page {page} of {pages}").format(page=index + 1, pages=self.page_count())
        )
        self.previous_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < self.page_count() - 1)
        self._draw()

    def page_dpi(self) -> float:
        if self.zoom > 0:
            return SCREEN_DPI * self.zoom
        width_points, height_points = self._pages.size_points(self.page)
        viewport = self.scroll.viewport()
        across = max(200, viewport.width() - 24) / width_points * 72
        if self.zoom == FIT_WIDTH:
            return across
        return min(across, max(200, viewport.height() - 24) / height_points * 72)

    def _draw(self) -> None:
        ratio = self.devicePixelRatioF() or 1.0
        image = self._pages.image(self.page, self.page_dpi() * ratio)
        image.setDevicePixelRatio(ratio)  # sharp on a 125 % or 150 % screen
        self.canvas.setPixmap(QPixmap.fromImage(image))

    def _zoom_chosen(self, _index: int) -> None:
        self.zoom = float(self.zoom_box.currentData())
        self._draw()

    def _step_zoom(self, step: int) -> None:
        index = min(max(self.zoom_box.currentIndex() + step, 2), self.zoom_box.count() - 1)
        self.zoom_box.setCurrentIndex(index)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if self.zoom <= 0 and self._pages is not None:
            # The scroll area takes its new size after this event: fit the page to it then.
            QTimer.singleShot(0, self._fit_again)

    def _fit_again(self) -> None:
        if self.zoom <= 0 and self._pages is not None:
            self._draw()

    # -- print -------------------------------------------------------------------------------

    @staticmethod
    def new_printer() -> QPrinter:
        """The default printer, set to A4 portrait (the letters are UK A4; a printer left on
        US Letter would shrink them); the print dialog can still change it."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setPageOrientation(QPageLayout.Orientation.Portrait)
        return printer

    def print_dialog(self) -> None:
        printer = self.new_printer()
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, self.page_count())
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        # "Print to file" writes an unencrypted PDF like Save as PDF…: the same warning first.
        to_file = printer.outputFormat() == QPrinter.OutputFormat.PdfFormat
        if to_file and not self.confirm_unencrypted():
            return
        pages = None
        if printer.printRange() == QPrinter.PrintRange.PageRange:
            pages = range(printer.fromPage() - 1, printer.toPage())
        elif printer.printRange() == QPrinter.PrintRange.CurrentPage:
            pages = [self.page]
        self.print_to(printer, pages)

    def print_to(self, printer: QPrinter, pages=None) -> bool:
        try:
            sent = print_pages(self._pdf, printer, pages)
        except Exception as err:  # a printer gone offline: say so, never a traceback
            self.message.show_message(self.tr("Not printed. ") + error_message(err))
            return False
        self.message.show_message(self.tr("Sent %n page(s) to the printer.", "", sent), "success")
        return True

    # -- save --------------------------------------------------------------------------------

    def confirm_unencrypted(self) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("The PDF will not be encrypted"),
            self.tr(
                "The PDF will NOT be encrypted: anyone who can open it can read the personal "
                "details in this letter.\n\nSave it only on this PC or an encrypted drive, "
                "never email it, and delete it when you no longer need it."
            ),
            parent=self,
        )
        box.setObjectName("unencrypted_warning")
        save = box.addButton(self.tr("&Save"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is save

    def choose_path(self) -> Path | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the letter as a PDF"),
            str(Path(folder) / self._file_name),
            self.tr("PDF (*.pdf)"),
        )
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf")

    def save_dialog(self) -> None:
        if not self.confirm_unencrypted():
            return
        path = self.choose_path()
        if path is not None:
            self.save_to(path)

    def save_to(self, path: Path) -> bool:
        try:
            written = write_atomically(path, lambda fh: fh.write(self._pdf))
        except ExportError as err:
            self.message.show_message(self.tr("Not saved. ") + str(err))
            return False
        self.message.show_message(
            self.tr(
                "Saved to {path}. That file is not encrypted: delete it when it has been sent."
            ).format(path=written),
            "success",
        )
        return True

    # -- closing -----------------------------------------------------------------------------

    def done(self, result: int) -> None:
        self._release()
        super().done(result)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self._release()
        super().closeEvent(event)

    def _release(self) -> None:
        """Let go of the letter: PDFium's copy, the image shown and the bytes."""
        if self._pages is not None:
            self.canvas.clear()
            self._pages.close()
            self._pages = None
            self._pdf = b""
