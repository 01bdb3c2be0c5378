"""Where the rest of the app opens letters from: Letters… on a mother (her list or form)
and What we offer… on a project."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from coordinator.letters import offer_for_project
from coordinator.services import letters as L
from coordinator.storage.vault import Vault
from coordinator.ui.kit.widgets import MessageLabel
from coordinator.ui.letters.letters_dialog import LettersDialog
from coordinator.ui.letters.preview import LetterPreview
from coordinator.ui.translations import translate


def open_letters(
    parent: QWidget, vault: Vault, mother_id: int | None, report: MessageLabel
) -> LettersDialog | None:
    if mother_id is None:
        report.show_message(translate("Letters", "Choose a mother in the list first."), "info")
        return None
    try:
        dialog = LettersDialog(vault, mother_id, parent)
    except LookupError as gone:
        report.show_message(str(gone))
        return None
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog


def open_offer(
    parent: QWidget, vault: Vault, project_id: int | None, report: MessageLabel
) -> LetterPreview | None:
    if project_id is None:
        return None
    try:
        pdf = offer_for_project(vault, project_id)
    except L.LetterRefused as refused:
        report.show_message(refused.message)
        return None
    title = translate("Letters", "What we offer")
    preview = LetterPreview(pdf, title, "what-we-offer.pdf", parent)
    preview.finished.connect(preview.deleteLater)
    preview.open()
    return preview
