"""PDF pages drawn from memory (PDFium, through pypdfium2): for the preview and for printing.

The letter's bytes go straight from ReportLab to PDFium and from there to a QImage or the
printer: no file is written on the way. QtPdf (PySide6-Addons) would do the same, but
pulls in a 130–170 MB wheel for one viewer; pypdfium2 is a 3 MB wheel, renders a page in
a few milliseconds, and is the same renderer the layout tests use.
"""

from __future__ import annotations

from collections.abc import Iterable

import pypdfium2
from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrinter

POINTS_PER_INCH = 72
#: Printing renders each page as an image at the printer's resolution, capped here so that
#: a 1200 dpi printer does not need 500 MB per page.
MAX_PRINT_DPI = 300


class PdfPages:
    """A PDF held in memory, page by page. Close it when done (it frees PDFium's copy)."""

    def __init__(self, pdf: bytes):
        self._document = pypdfium2.PdfDocument(pdf)

    def __len__(self) -> int:
        return len(self._document)

    def size_points(self, index: int) -> tuple[float, float]:
        return tuple(self._document[index].get_size())  # type: ignore[return-value]

    def image(self, index: int, dpi: float) -> QImage:
        """Page `index` (from 0) on white, at `dpi` dots per inch."""
        page = self._document[index]
        bitmap = page.render(
            scale=dpi / POINTS_PER_INCH,
            fill_color=(255, 255, 255, 255),
            prefer_bgrx=True,
            may_draw_forms=False,
        )
        try:
            image = QImage(
                bitmap.buffer,
                bitmap.width,
                bitmap.height,
                bitmap.stride,
                QImage.Format.Format_RGB32,
            )
            return image.copy()  # detached from PDFium's buffer, which is freed below
        finally:
            bitmap.close()
            page.close()

    def close(self) -> None:
        self._document.close()


def print_pages(pdf: bytes, printer: QPrinter, pages: Iterable[int] | None = None) -> int:
    """Print these pages (from 0; all when None) of the PDF on `printer`, each drawn as an
    image over the whole sheet; the number of pages sent. The resolution is read once the
    painter has begun, since some Windows drivers change it then."""
    document = PdfPages(pdf)
    painter = QPainter()
    try:
        wanted = list(range(len(document))) if pages is None else list(pages)
        if not wanted:
            return 0
        printer.setFullPage(True)
        if not painter.begin(printer):
            raise OSError("The printer could not be started.")
        dpi = min(printer.resolution(), MAX_PRINT_DPI)
        for number, index in enumerate(wanted):
            if number:
                printer.newPage()
            target = printer.pageLayout().fullRectPixels(printer.resolution())
            image = document.image(index, dpi)
            width, height = document.size_points(index)
            box = QSizeF(width, height).scaled(
                QSizeF(target.size()), Qt.AspectRatioMode.KeepAspectRatio
            )
            painter.drawImage(QRectF(target.topLeft(), box), image)
        return len(wanted)
    finally:
        if painter.isActive():
            painter.end()
        document.close()
