"""Ending a match on the Matches page offers its ending letter: the planned or unplanned
wording by how it ended, opened in the Letters dialog and recorded against the ending."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from coordinator.models import Ending, LetterSent
from coordinator.services.letters import LetterKind, letters_for_mother, save_letterhead
from coordinator.ui.dialogs.ending_dialog import EndingDialog
from coordinator.ui.letters.after_ending import LettersAfterEnding
from coordinator.ui.letters.letters_dialog import LettersDialog
from tests.letters.pdftext import pdf_text
from tests.letters.samples import letterhead
from tests.ui.matching_data import click, matches_page_showing, with_active_match


@pytest.fixture
def people(vault):
    save_letterhead(vault, letterhead(with_logo=False))
    return with_active_match(vault)


@pytest.fixture
def page(qtbot, vault, people):
    return matches_page_showing(qtbot, vault, people["match"])


def end_the_match(qtbot, page, *, unplanned: bool) -> LettersAfterEnding:
    click(qtbot, page.detail.buttons["end"])
    dialog = page.detail.dialog
    assert isinstance(dialog, EndingDialog)
    if unplanned:
        click(qtbot, dialog.unplanned)
    for row in dialog.rows:
        row.done.click()
    click(qtbot, dialog.confirm)
    qtbot.waitUntil(lambda: page.detail.dialog is None)
    offer = page.detail.letters_offer
    assert isinstance(offer, LettersAfterEnding) and offer.isVisible()
    return offer


@pytest.mark.parametrize(
    ("unplanned", "kind", "words"),
    [
        (False, LetterKind.ENDING_PLANNED, "You can always come back to us"),
        (True, LetterKind.ENDING_UNPLANNED, "tried to reach you"),
    ],
)
def test_the_ending_letter_is_offered_in_the_wording_the_ending_calls_for(
    qtbot, page, vault, people, unplanned, kind, words
):
    offer = end_the_match(qtbot, page, unplanned=unplanned)
    assert offer.ending_kind == kind
    assert "Letters to send" in offer.windowTitle()
    click(qtbot, offer.ending_button)
    letters = offer.letters_dialog
    assert isinstance(letters, LettersDialog) and letters.isVisible()
    assert not offer.isVisible()
    assert letters.chosen_kind() == kind
    preview = letters.make()
    assert preview is not None and words in pdf_text(preview._pdf)
    preview.close()
    (row,) = letters_for_mother(vault, people["Mia"])
    assert row.kind == kind.value
    with vault.session() as s:  # recorded against the ending it follows
        ending_id = s.scalar(select(Ending.id).where(Ending.match_id == people["match"]))
        assert s.get(LetterSent, row.letter_id).ending_id == ending_id is not None
    letters.close()


def test_other_letters_open_on_the_referral_summary_and_later_makes_nothing(
    qtbot, page, vault, people
):
    offer = end_the_match(qtbot, page, unplanned=False)
    click(qtbot, offer.other_button)
    assert offer.letters_dialog.chosen_kind() == LetterKind.REFERRAL_SUMMARY
    offer.letters_dialog.close()
    assert letters_for_mother(vault, people["Mia"]) == []
