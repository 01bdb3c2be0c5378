"""The shared checks as the coordinator meets them in the forms: next to the field, a
warning that still lets her save, choices that are not hers to make, and the DBS policy."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from coordinator.services import preferences
from coordinator.services.records.mothers import load_mother
from coordinator.ui.forms.mother_form import MotherDialog
from coordinator.ui.forms.volunteer_form import VolunteerFormDialog
from coordinator.ui.kit.form_parts.fields import uk_date
from coordinator.ui.kit.widgets import WARNING_COLOUR
from tests.people import add_mother, add_project
from tests.ui.form_filling import click, enter, field, message
from tests.ui.test_volunteers_form import add_dbs_check

TODAY = date(2026, 11, 26)


def shown_form(qtbot, form_class, vault):
    dialog = form_class(vault, None, today=TODAY)
    qtbot.addWidget(dialog, before_close_func=lambda d: d.reject())
    with qtbot.waitExposed(dialog):
        dialog.show()
    return dialog


def test_a_due_date_and_weeks_that_disagree_warn_but_save(qtbot, vault):
    dialog = shown_form(qtbot, MotherDialog, vault)
    enter(qtbot, dialog, "full_name", "Sam Smith")
    enter(qtbot, dialog, "referral_received_on", uk_date(TODAY))
    enter(qtbot, dialog, "edd", uk_date(TODAY + timedelta(weeks=28)))
    enter(qtbot, dialog, "weeks_pregnant_at_referral", "30")
    warning = message(dialog, "weeks_pregnant_at_referral")
    assert warning.isVisible() and "about 12 weeks" in warning.text()
    assert WARNING_COLOUR in warning.styleSheet()
    assert dialog.save_button.isEnabled()
    enter(qtbot, dialog, "weeks_pregnant_at_referral", "12")
    assert not warning.isVisible()


def test_without_projects_the_form_says_none_is_needed(qtbot, vault):
    dialog = shown_form(qtbot, MotherDialog, vault)
    texts = " ".join(label.text() for label in dialog.findChildren(type(dialog.summary)))
    assert "No projects yet, so none is needed" in texts
    enter(qtbot, dialog, "full_name", "Sam Smith")
    assert dialog.save_button.isEnabled(), dialog.errors


def test_with_two_projects_a_new_referral_needs_one(qtbot, vault):
    add_project(vault, "Bumps")
    add_project(vault, "Doulas")
    dialog = shown_form(qtbot, MotherDialog, vault)
    enter(qtbot, dialog, "full_name", "Sam Smith")
    click(qtbot, dialog.show_problems)
    assert "project she is referred to is needed" in message(dialog, "project_id").text()
    assert not dialog.save_button.isEnabled()
    box = field(dialog, "project_id")
    box.setCurrentIndex(box.findText("Doulas"))
    assert dialog.save_button.isEnabled()


def test_matched_is_shown_but_cannot_be_chosen_by_hand(qtbot, vault):
    dialog = shown_form(qtbot, MotherDialog, vault)
    stage = field(dialog, "stage")
    matched = stage.findText("Matched")
    assert matched >= 0
    assert not stage.model().item(matched).isEnabled()
    assert stage.model().item(stage.findText("Waiting for a match")).isEnabled()


def test_a_matched_mother_keeps_matched_selectable(qtbot, vault):

    mother_id = add_mother(
        vault,
        TODAY,
        "Cara Clark",
        stage=__import__("coordinator.models", fromlist=["MotherStage"]).MotherStage.MATCHED,
    )
    dialog = MotherDialog(vault, mother_id, today=TODAY)
    qtbot.addWidget(dialog, before_close_func=lambda d: d.reject())
    stage = field(dialog, "stage")
    assert stage.currentText() == "Matched"
    assert stage.model().item(stage.currentIndex()).isEnabled()
    assert load_mother(vault, mother_id).stage == "matched"


@pytest.fixture
def volunteer_form(qtbot, vault):
    dialog = shown_form(qtbot, VolunteerFormDialog, vault)
    enter(qtbot, dialog, "full_name", "Rachel Okafor")
    return dialog


def test_an_empty_next_check_shows_the_date_the_policy_gives(qtbot, vault):
    preferences.set_dbs_renewal_years(vault, 2)
    dialog = shown_form(qtbot, VolunteerFormDialog, vault)
    enter(qtbot, dialog, "full_name", "Rachel Okafor")
    add_dbs_check(qtbot, dialog, "10/03/2025", "")
    due = field(dialog, "dbs_checks[0].next_check_due")
    assert due.text() == "" and due.placeholderText() == "10/03/2027"
    assert "renewal policy" in due.toolTip()


def test_a_short_certificate_number_is_explained_next_to_it(qtbot, volunteer_form):
    add_dbs_check(qtbot, volunteer_form, "10/03/2025", "")
    enter(qtbot, volunteer_form, "dbs_checks[0].certificate_number", "12345")
    shown = message(volunteer_form, "dbs_checks[0].certificate_number")
    assert shown.isVisible() and "12 digits" in shown.text()
    assert not volunteer_form.save_button.isEnabled()
