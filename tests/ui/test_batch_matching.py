"""Match the waiting list: planned off the GUI thread (and stoppable), reviewed proposal by
proposal with each explanation, some unticked, the rest saved as proposals in one go."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from coordinator.models import MotherStage
from coordinator.services.matching import matches_for_person
from coordinator.ui.pages.matches import MatchesPage
from coordinator.ui.pages.matches.batch import BatchDialog
from tests.people import add_mother
from tests.ui.matching_data import TODAY, add_people, click, days


@pytest.fixture
def people(vault):
    people = add_people(vault)
    people["Nia"] = add_mother(
        vault,
        TODAY,
        "Nia Noor",
        stage=MotherStage.WAITING,
        postcode="LE2 0QS",
        project_id=people["project"],
        referral_received_on=days(-10),
    )
    return people


@pytest.fixture
def dialog(qtbot, vault, people):
    dialog = BatchDialog(vault, today=TODAY)
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    dialog.project.setCurrentIndex(dialog.project.findText("Bumps"))
    return dialog


def planned(qtbot, dialog) -> None:
    click(qtbot, dialog.plan_button)
    qtbot.waitUntil(lambda: dialog.plan is not None)


def test_the_plan_says_how_many_were_matched_and_explains_each(qtbot, dialog, people):
    assert not dialog.save_button.isEnabled()
    planned(qtbot, dialog)
    assert dialog.table.rowCount() == 2
    assert dialog.summary.text().startswith("2 of 2 waiting mothers matched; average score")
    mothers = {dialog.table.item(r, 0).text().split(" (")[0] for r in range(2)}
    assert mothers == {"Mia Moss", "Nia Noor"}
    assert all(dialog.table.item(r, 0).checkState() == Qt.CheckState.Checked for r in range(2))
    dialog.table.setCurrentCell(1, 0)
    assert dialog.breakdown.rows[-1][0] == "Score"
    assert dialog.breakdown_title.text().startswith("Why ")
    assert dialog.save_button.text().replace("&", "") == "Save 2 proposals"


def test_unticked_proposals_are_not_saved(qtbot, dialog, vault, people):
    planned(qtbot, dialog)
    dialog.set_ticked(people["Nia"], False)
    assert dialog.save_button.text().replace("&", "") == "Save 1 proposal"
    saved = []
    dialog.saved.connect(saved.append)
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: bool(saved))
    assert len(saved[0]) == 1
    assert len(matches_for_person(vault, mother_id=people["Mia"])) == 1
    assert matches_for_person(vault, mother_id=people["Nia"]) == []


def test_the_plan_can_be_stopped(qtbot, dialog, held_runner, vault, people):
    click(qtbot, dialog.plan_button)
    assert dialog.cancel_button.isVisible() and not dialog.plan_button.isEnabled()
    dialog.reject()  # closing waits for the work
    assert dialog.isVisible()
    click(qtbot, dialog.cancel_button)
    held_runner.release()
    qtbot.waitUntil(lambda: "Stopped" in dialog.message.text())
    assert dialog.plan is None and dialog.plan_button.isEnabled()


def test_who_could_not_be_matched_is_said_with_why(qtbot, vault, people):
    add_mother(
        vault,
        TODAY,
        "Ola Otto",
        stage=MotherStage.WAITING,
        postcode="LE1 6TH",
        project_id=people["project"],
        preferred_volunteer_gender="male",
        referral_received_on=days(-5),
    )
    dialog = BatchDialog(vault, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.project.setCurrentIndex(dialog.project.findText("Bumps"))
    planned(qtbot, dialog)
    assert "Ola Otto" in dialog.unmatched.text()
    assert dialog.summary.text().startswith("2 of 3 waiting mothers matched")


def test_the_matches_page_opens_it_and_shows_what_was_saved(qtbot, vault, people):
    page = MatchesPage(vault, today=TODAY)
    qtbot.addWidget(page)
    with qtbot.waitExposed(page):
        page.show()
    click(qtbot, page.batch_button)
    dialog = page.dialog
    assert isinstance(dialog, BatchDialog)
    dialog.project.setCurrentIndex(dialog.project.findText("Bumps"))
    planned(qtbot, dialog)
    saved_ids: list[int] = []
    dialog.saved.connect(saved_ids.extend)
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: page.dialog is None)
    assert page.model.rowCount() == 2
    assert page.selected_match() in saved_ids
