"""Where the rest of the app opens letters from: Letters… on a mother (her list or form),
today's introduction letters (the Mothers page), and What we offer… on a project."""

from __future__ import annotations

import getpass
from datetime import date

from PySide6.QtWidgets import QWidget

from coordinator.letters import Batch, introductions_accepted_on, offer_for_project
from coordinator.services import letters as L
from coordinator.services.changes import Kind
from coordinator.storage.vault import Vault
from coordinator.ui.kit.operations import Operation, operations
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


def introductions_for_today(
    parent: QWidget, vault: Vault, report: MessageLabel, *, today: date | None = None
) -> Operation | None:
    """Introduction letters for every match accepted today, in one PDF (one print job),
    made off the GUI thread; the preview opens when they are ready. Mothers who asked for
    no letters home are left out and named by reference, with the reason."""
    day = today or date.today()
    made_by = getpass.getuser()
    problem = L.letterhead_problem(vault)
    if problem:
        report.show_message(problem)
        return None
    report.show_message(translate("Letters", "Making today's introduction letters…"), "info")
    op = operations().run(
        lambda _progress: introductions_accepted_on(vault, day, made_by=made_by, today=day),
        parent=parent,
        name="introduction_letters",
        changes={Kind.LETTER},
    )

    def done(batch: Batch) -> None:
        left = "; ".join(f"{ref}: {why}" for ref, why in batch.left_out)
        if batch.pdf is None:
            text = translate("Letters", "No match was accepted today, so there is no letter.")
            if left:
                text = translate("Letters", "No letter could be posted. {left}").format(left=left)
            report.show_message(text, "info")
            return
        text = translate("Letters", "{count} introduction letters made.").format(
            count=len(batch.made)
        )
        if left:
            text += " " + translate("Letters", "Left out: {left}").format(left=left)
        report.show_message(text, "success" if not left else "warning")
        title = translate("Letters", "Introduction letters")
        preview = LetterPreview(batch.pdf, title, f"introductions-{day.isoformat()}.pdf", parent)
        preview.finished.connect(preview.deleteLater)
        preview.open()
        op.setProperty("preview", preview)

    op.succeeded.connect(done)
    return op
