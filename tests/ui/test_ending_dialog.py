"""Ending a match through its checklist on the Matches page: a required item left undone is
refused until a reason is written; then the match ends, she is closed or waits again, and
the letters to send are listed."""

from __future__ import annotations

import pytest

from coordinator.models import MotherStage
from coordinator.services.matching import match_detail
from coordinator.services.records.mothers import load_mother
from coordinator.ui.dialogs.ending_dialog import EndingDialog
from tests.ui.matching_data import click, matches_page_showing, with_active_match


@pytest.fixture
def people(vault):
    return with_active_match(vault)


@pytest.fixture
def page(qtbot, vault, people):
    return matches_page_showing(qtbot, vault, people["match"])


def open_ending(qtbot, page) -> EndingDialog:
    click(qtbot, page.detail.buttons["end"])
    dialog = page.detail.dialog
    assert isinstance(dialog, EndingDialog)
    return dialog


def test_ending_a_match_through_the_checklist(qtbot, page, vault, people):
    dialog = open_ending(qtbot, page)
    texts = [row.answer.text for row in dialog.rows]
    assert texts[0] == "Ending date discussed at the start of the match"
    for row in dialog.rows:
        if row.answer.text != "Referrer told":
            row.done.click()
    click(qtbot, dialog.confirm)
    assert '"Referrer told" is required' in dialog.message.text()
    assert match_detail(vault, people["match"]).row.status == "active"

    told = next(row for row in dialog.rows if row.answer.text == "Referrer told")
    assert dialog.focusWidget() is told.note, dialog.message.text()
    qtbot.keyClicks(told.note, "No referrer: she referred herself")
    qtbot.keyClicks(dialog.feedback, "Sam made such a difference")
    dialog.score.setValue(8)
    click(qtbot, dialog.confirm)
    qtbot.waitUntil(lambda: page.detail.dialog is None)

    assert match_detail(vault, people["match"]).row.status == "ended"
    assert load_mother(vault, people["Mia"]).stage == MotherStage.CLOSED
    assert "Letters to send" in page.detail.message.text()
    assert "Ending letter to the mother" in page.detail.message.text()


def test_unplanned_ending_with_her_waiting_for_another_volunteer(qtbot, page, vault, people):
    dialog = open_ending(qtbot, page)
    click(qtbot, dialog.unplanned)
    assert dialog.rows[0].answer.text == "Attempts to reach her recorded"
    for row in dialog.rows:
        row.done.click()
    dialog.waits.click()  # below the checklist, scrolled out of view
    click(qtbot, dialog.confirm)
    qtbot.waitUntil(lambda: page.detail.dialog is None)
    assert load_mother(vault, people["Mia"]).stage == MotherStage.WAITING
    assert "Closure letter" in page.detail.message.text()
