"""Choosing the letterhead's logo: a PNG kept as it is, or an SVG kept with a PNG rendition
(the letters print the PNG; the SVG stays so that it can be rendered again). The image
lives in the encrypted database; the file chosen is only read."""

from __future__ import annotations

import base64
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt, Signal
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from coordinator.services.letters import LogoRefused, check_logo_png
from coordinator.services.letters.letterhead import MAX_LOGO_BYTES

#: An SVG logo is rendered this wide for printing (about 300 dpi across the logo's box).
SVG_RENDER_WIDTH = 600
THUMBNAIL = QSize(160, 70)


def svg_to_png(data: bytes) -> bytes:
    renderer = QSvgRenderer(QByteArray(data))
    if not renderer.isValid():
        raise LogoRefused("That SVG file cannot be read. Choose another, or a PNG.")
    size = renderer.defaultSize()
    if size.isEmpty():
        size = QSize(SVG_RENDER_WIDTH, SVG_RENDER_WIDTH // 2)
    height = max(1, round(SVG_RENDER_WIDTH * size.height() / max(1, size.width())))
    image = QImage(SVG_RENDER_WIDTH, height, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())


def logo_from_file(path: Path) -> tuple[bytes, bytes | None]:
    """(PNG to print, the SVG as chosen or None); LogoRefused with the reason."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise LogoRefused(f"Cannot read {path.name}: {err.strerror or err}.") from None
    if len(data) > MAX_LOGO_BYTES:
        raise LogoRefused("The logo is larger than 2 MB. Choose a smaller image.")
    if path.suffix.lower() == ".svg" or data.lstrip()[:5] in (b"<?xml", b"<svg "):
        return check_logo_png(svg_to_png(data)), data
    return check_logo_png(data), None


class LogoPicker(QWidget):
    changed = Signal()
    #: Why a chosen file cannot be the logo.
    refused = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.png: bytes | None = None
        self.svg: bytes | None = None
        self.thumbnail = QLabel()
        self.thumbnail.setFixedSize(THUMBNAIL)
        self.thumbnail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thumbnail.setStyleSheet("border: 1px solid #d5d9de; background: white;")
        self.choose_button = QPushButton(self.tr("Choose logo…"))
        self.remove_button = QPushButton(self.tr("Remove"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.thumbnail)
        row.addWidget(self.choose_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        self.choose_button.clicked.connect(self.choose)
        self.remove_button.clicked.connect(lambda: self.set_logo(None, None))
        self.set_logo(None, None, announce=False)

    def choose(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the logo"), "", self.tr("Images (*.png *.svg)")
        )
        if chosen:
            self.take_file(Path(chosen))

    def take_file(self, path: Path) -> bool:
        try:
            png, svg = logo_from_file(path)
        except LogoRefused as refused:
            self.refused.emit(str(refused))
            return False
        self.set_logo(png, svg)
        return True

    def set_logo(self, png: bytes | None, svg: bytes | None, *, announce: bool = True) -> None:
        self.png, self.svg = png, svg if png else None
        self.remove_button.setEnabled(png is not None)
        if png is None:
            self.thumbnail.setText(self.tr("No logo"))
        else:
            pixmap = QPixmap()
            pixmap.loadFromData(png)
            self.thumbnail.setPixmap(
                pixmap.scaled(
                    THUMBNAIL - QSize(8, 8),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        if announce:
            self.changed.emit()

    # values as the settings section keeps them (JSON-friendly)
    def value(self) -> dict[str, str | None]:
        encode = lambda data: base64.b64encode(data).decode("ascii") if data else None  # noqa: E731
        return {"png": encode(self.png), "svg": encode(self.svg)}

    def show_value(self, value: dict[str, str | None]) -> None:
        decode = lambda text: base64.b64decode(text) if text else None  # noqa: E731
        self.set_logo(decode(value.get("png")), decode(value.get("svg")), announce=False)
