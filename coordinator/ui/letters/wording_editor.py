"""Editing each letter's wording, with the placeholders that letter knows listed beside it.
An unknown placeholder is reported at once (and the section will not save it)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coordinator.services import letters as L
from coordinator.ui.kit.widgets import note
from coordinator.ui.translations import word


class WordingEditor(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.texts: dict[str, str] = {}
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Letter"))
        for kind in L.WORDED:
            self.kind.addItem(word(L.LETTER_LABELS[kind]), kind.value)
        self.restore_button = QPushButton(self.tr("Restore the default wording"))
        self.text = QPlainTextEdit()
        self.text.setAccessibleName(self.tr("Wording"))
        self.text.setMinimumHeight(220)
        self.text.setTabChangesFocus(True)
        self.placeholders = note()
        self.placeholders.setWordWrap(True)
        self.placeholders.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top = QHBoxLayout()
        top.addWidget(self.kind, 1)
        top.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.text)
        layout.addWidget(self.placeholders)
        self.kind.currentIndexChanged.connect(self._kind_chosen)
        self.text.textChanged.connect(self._typed)
        self.restore_button.clicked.connect(self.restore_default)

    def current_kind(self) -> L.LetterKind:
        return L.LetterKind(self.kind.currentData())

    def _kind_chosen(self) -> None:
        kind = self.current_kind()
        self.text.blockSignals(True)
        self.text.setPlainText(self.texts.get(kind.value, ""))
        self.text.blockSignals(False)
        names = " ".join("{" + name + "}" for name in L.PLACEHOLDERS[kind])
        self.placeholders.setText(
            self.tr(
                "A first line “Subject: …” prints in bold; the first paragraph is the greeting "
                "and the last the sign-off. This letter can use: {names}"
            ).replace("{names}", names)
        )
        self.changed.emit()

    def _typed(self) -> None:
        self.texts[self.current_kind().value] = self.text.toPlainText()
        self.changed.emit()

    def restore_default(self) -> None:
        self.text.setPlainText(L.default_wording(self.current_kind()))

    def show_texts(self, texts: dict[str, str]) -> None:
        self.texts = dict(texts)
        self._kind_chosen()
