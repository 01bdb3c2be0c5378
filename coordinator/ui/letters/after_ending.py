"""After a match ends: the letters its ending calls for, with the ending letter (planned or
unplanned wording, by how it ended) a click away in the Letters dialog. Opened by the
Matches page once the ending is saved; the letter itself is made, recorded and checked
against the safety rules by the Letters dialog as usual."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from coordinator.services import letters as L
from coordinator.storage.vault import Vault
from coordinator.ui.kit.widgets import heading, note
from coordinator.ui.letters.letters_dialog import LettersDialog
from coordinator.ui.translations import word


class LettersAfterEnding(QDialog):
    def __init__(
        self,
        vault: Vault,
        mother_id: int,
        kind: L.LetterKind,
        letters: tuple[str, ...],
        parent: QWidget | None = None,
        *,
        today: date,
    ):
        super().__init__(parent)
        self.vault, self.mother_id, self.ending_kind, self.today = vault, mother_id, kind, today
        self.letters_dialog: LettersDialog | None = None
        self.setWindowTitle(self.tr("Letters to send"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("The match has ended. Letters to send:"), 2))
        for letter in letters:
            layout.addWidget(note("• " + letter))
        self.ending_button = QPushButton(
            self.tr("Make the {letter}…").format(letter=word(L.LETTER_LABELS[kind]).lower())
        )
        self.other_button = QPushButton(self.tr("Other letters…"))
        self.other_button.setToolTip(
            self.tr("A referral summary for an onward service, or any other letter for her")
        )
        later = QPushButton(self.tr("Later"))
        self.ending_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (later, self.other_button, self.ending_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.ending_button.clicked.connect(lambda: self.open_letters(self.ending_kind))
        self.other_button.clicked.connect(lambda: self.open_letters(L.LetterKind.REFERRAL_SUMMARY))
        later.clicked.connect(self.reject)

    def open_letters(self, kind: L.LetterKind) -> LettersDialog | None:
        """The Letters dialog for her, on this letter; this list closes."""
        try:
            dialog = LettersDialog(
                self.vault, self.mother_id, self.parentWidget(), today=self.today, kind=kind
            )
        except LookupError:
            return None
        dialog.finished.connect(dialog.deleteLater)
        self.letters_dialog = dialog
        self.accept()
        dialog.open()
        return dialog


def offer_letters_after_ending(
    parent: QWidget, vault: Vault, match_id: int, letters: tuple[str, ...], *, today: date
) -> LettersAfterEnding | None:
    found = L.ending_letter_for(vault, match_id)
    if found is None:
        return None
    mother_id, kind = found
    dialog = LettersAfterEnding(vault, mother_id, kind, letters, parent, today=today)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
