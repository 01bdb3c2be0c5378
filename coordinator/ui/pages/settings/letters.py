"""Settings > Letters: the letterhead and signature printed on every letter, the logo, each
letter's wording, and a live preview of the letter chosen in the wording editor."""

from __future__ import annotations

import base64
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QWidget

from coordinator.letters import Letterhead
from coordinator.letters.samples import sample_pdf
from coordinator.services import letters as L
from coordinator.services.changes import Kind
from coordinator.storage.vault import Vault
from coordinator.ui.letters.logo_picker import LogoPicker
from coordinator.ui.letters.rendering import PdfPages
from coordinator.ui.letters.wording_editor import WordingEditor
from coordinator.ui.pages.settings.section import Note, SectionSpec, SettingsSection
from coordinator.ui.translations import word

PREVIEW_DPI = 44
PREVIEW_DELAY_MS = 250
TEXT_FIELDS = (
    "charity_name",
    "charity_number",
    "phone",
    "email",
    "website",
    "signatory_name",
    "signatory_role",
    "footer",
)


def _encoded(data: bytes | None) -> str | None:
    return base64.b64encode(data).decode("ascii") if data else None


def title() -> str:
    return QCoreApplication.translate("SettingsPage", "Letters")


class LettersSection(SettingsSection):
    editable = True

    def __init__(self, vault: Vault, parent: QWidget | None = None, *, today: date | None = None):
        super().__init__(vault, title(), parent=parent)
        self.today = today or date.today()
        self.explain(
            self.tr(
                "What every letter carries: your letterhead and signature, and the wording of "
                "each letter. They are kept in the encrypted database."
            )
        )
        labels = {
            "charity_name": self.tr("Charity &name"),
            "charity_number": self.tr("Registered charity &number"),
            "phone": self.tr("&Phone"),
            "email": self.tr("&Email"),
            "website": self.tr("&Website"),
            "signatory_name": self.tr("Letters &signed by"),
            "signatory_role": self.tr("Their &role"),
            "footer": self.tr("&Footer"),
        }
        self.fields: dict[str, QLineEdit] = {}
        for key in TEXT_FIELDS[:5]:
            self._line(key, labels[key])
        self.address = QPlainTextEdit()
        self.address.setAccessibleName(self.tr("Postal address"))
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(78)
        self.add_row(
            self.tr("Postal &address"),
            self.address,
            buddy=self.address,
            explanation=self.tr("One line each, as it should print."),
        )
        self.logo = LogoPicker()
        self.add_row(
            self.tr("Logo"),
            self.logo,
            key="logo",
            explanation=self.tr("A PNG or SVG image, printed at the top left."),
        )
        for key in TEXT_FIELDS[5:]:
            self._line(key, labels[key])
        self.wording = WordingEditor()
        self.add_row(self.tr("Wording"), self.wording, key="wording")
        self.preview = QLabel()
        self.preview.setObjectName("letterPreviewImage")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignLeft)
        self.preview.setAccessibleName(self.tr("Preview of the letter"))
        self.add_row(self.tr("Preview"), self.preview)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PREVIEW_DELAY_MS)
        self.timer.timeout.connect(self.draw_preview)

        self.address.textChanged.connect(self.edited)
        self.logo.changed.connect(self.edited)
        self.logo.refused.connect(lambda why: self.message_for("logo").show_message(why))
        self.wording.changed.connect(self.edited)
        self.load()
        self.draw_preview()

    def _line(self, key: str, label: str) -> None:
        field = QLineEdit()
        field.setAccessibleName(label.replace("&", ""))
        field.textChanged.connect(self.edited)
        self.fields[key] = field
        self.add_row(label, field, buddy=field)

    # -- values ------------------------------------------------------------------------------

    def stored(self) -> dict[str, Any]:
        head = L.load_letterhead(self.vault)
        values: dict[str, Any] = {key: getattr(head, key) for key in TEXT_FIELDS}
        values["address"] = "\n".join(head.address)
        svg = L.load_logo_svg(self.vault)
        values["logo"] = {
            "png": _encoded(head.logo_png),
            "svg": _encoded(svg if head.logo_png else None),
        }
        values["wording"] = {k.value: L.load_wording(self.vault, k) for k in L.WORDED}
        return values

    def values(self) -> dict[str, Any]:
        values: dict[str, Any] = {key: field.text() for key, field in self.fields.items()}
        values["address"] = self.address.toPlainText()
        values["logo"] = self.logo.value()
        values["wording"] = dict(self.wording.texts)
        return values

    def show_values(self, values: dict[str, Any]) -> None:
        for key, field in self.fields.items():
            if key in values:
                field.setText(str(values[key] or ""))
        if "address" in values:
            self.address.setPlainText(str(values["address"] or ""))
        if "logo" in values:
            self.logo.show_value(dict(values["logo"] or {}))
        if "wording" in values:
            self.wording.show_texts(dict(values["wording"] or {}))

    def check(self, values: dict[str, Any]) -> dict[str, Note]:
        for kind in L.WORDED:
            text = (values.get("wording") or {}).get(kind.value, "")
            try:
                L.check_wording(kind, text)
            except L.WordingRefused as refused:
                label = word(L.LETTER_LABELS[kind])
                return {"wording": Note(f"{label}: {refused}")}
        return {}

    def write(self, values: dict[str, Any], stored: dict[str, Any]) -> frozenset[Kind]:
        L.save_letterhead(self.vault, self.letterhead(values), logo_svg=self.logo.svg)
        for kind in L.WORDED:
            text = values["wording"].get(kind.value)
            if text != stored["wording"].get(kind.value):
                L.save_wording(self.vault, kind, text)
        return frozenset({Kind.SETTING})

    @staticmethod
    def letterhead(values: dict[str, Any]) -> Letterhead:
        lines = tuple(line.strip() for line in values["address"].splitlines() if line.strip())
        png = (values.get("logo") or {}).get("png")
        return Letterhead(
            address=lines,
            logo_png=base64.b64decode(png) if png else None,
            **{key: str(values[key]).strip() for key in TEXT_FIELDS},
        )

    # -- preview -----------------------------------------------------------------------------

    def edited(self) -> None:
        super().edited()
        if hasattr(self, "timer"):
            self.timer.start()

    def draw_preview(self) -> None:
        """The letter chosen in the wording editor, as it would print (its first page)."""
        values = self.values()
        kind = self.wording.current_kind()
        wording = values["wording"].get(kind.value, "")
        try:
            L.check_wording(kind, wording)
        except L.WordingRefused:
            return  # the message beside the wording says why; keep the last good preview
        pdf = sample_pdf(kind, wording, self.letterhead(values), self.today)
        pages = PdfPages(pdf)
        try:
            image = pages.image(0, PREVIEW_DPI * self.devicePixelRatioF())
        finally:
            pages.close()
        image.setDevicePixelRatio(self.devicePixelRatioF())
        self.preview.setPixmap(QPixmap.fromImage(image))
        self.preview.setFixedSize(image.deviceIndependentSize().toSize())
        self.preview.setStyleSheet("border: 1px solid #c9d3d6;")


SECTION = SectionSpec("letters", 50, title, LettersSection)
