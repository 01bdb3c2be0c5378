"""The mother form: each validation message under its field with Save disabled until fixed,
derived weeks pregnant, saving new and edited records into the list, the unsaved-changes
prompt, and deleting (refused while she has a match)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from coordinator.models import PartOfDay
from coordinator.services.records.mothers import load_mother
from coordinator.ui.forms.mother_form import MotherDialog
from coordinator.ui.kit.form_parts.fields import uk_date
from coordinator.ui.pages.mothers_page import MothersPage
from tests.people import add_project
from tests.ui.form_filling import (
    WRONG_CONTACT_DETAILS,
    check_a_wrong_value,
    check_cancel_keeps_the_change,
    check_save_from_the_prompt,
    check_the_message_waits_for_a_pause,
    click,
    click_new,
    delete_from_its_form,
    enter,
    escape_and_answer,
    field,
    message,
    new_form,
    open_with_a_new_town,
    save_and_close,
    shown,
    will_answer,
)
from tests.ui.mothers_data import TODAY, add_people, days, shown_names


@pytest.fixture
def dialog(qtbot, vault):
    dialog = new_form(qtbot, MotherDialog, vault)
    with qtbot.waitExposed(dialog):
        dialog.show()
    return dialog


@pytest.fixture
def page(qtbot, vault):
    return shown(qtbot, MothersPage(vault), add_people(vault))


@pytest.mark.parametrize(
    ("key", "bad", "expected", "good"),
    [
        *WRONG_CONTACT_DETAILS,
        ("referrer_phone", "12ab", "Not a phone number", "07700 900124"),
        ("edd", uk_date(days(400)), "more than 10 months ahead", uk_date(days(100))),
        ("edd", uk_date(days(-800)), "more than 2 years ago", uk_date(days(-10))),
        ("baby_dob", uk_date(days(1)), "cannot be in the future", uk_date(days(-1))),
        ("date_of_birth", "31/02/1999", "That day does not exist", "28 Feb 1999"),
        ("referral_received_on", "yesterday", "Not a date", "1-1-26"),
        ("weeks_pregnant_at_referral", "50", "between 0 and 45", "20"),
    ],
)
def test_a_wrong_value_shows_its_message_under_the_field_and_blocks_save(
    qtbot, dialog, key, bad, expected, good
):
    enter(qtbot, dialog, "full_name", "Sam Smith")
    check_a_wrong_value(qtbot, dialog, key, bad, expected, good)


def test_the_message_appears_when_typing_pauses_without_leaving(qtbot, dialog):
    check_the_message_waits_for_a_pause(qtbot, dialog)


def test_a_date_is_tidied_to_uk_form_when_leaving_it(qtbot, dialog):
    enter(qtbot, dialog, "edd", f"{days(30).day} {days(30):%b %y}")
    assert field(dialog, "edd").text() == uk_date(days(30))


def test_name_and_referral_date_are_required(qtbot, dialog):
    assert not dialog.save_button.isEnabled()  # a blank form cannot be saved
    assert "Her full name is needed" in dialog.status.text()
    name = field(dialog, "full_name")
    qtbot.keyClicks(name, "S")
    qtbot.keyClick(name, Qt.Key.Key_Backspace)
    qtbot.keyClick(name, Qt.Key.Key_Return)
    assert message(dialog, "full_name").text() == "Her full name is needed."
    enter(qtbot, dialog, "full_name", "Sam")
    assert not message(dialog, "full_name").isVisible()
    assert field(dialog, "referral_received_on").text() == uk_date(TODAY)  # today, given
    enter(qtbot, dialog, "referral_received_on", "")
    assert message(dialog, "referral_received_on").text() == (
        "The date the referral was received is needed."
    )
    assert not dialog.save_button.isEnabled()


def test_closing_the_record_asks_for_a_reason(qtbot, dialog):
    enter(qtbot, dialog, "full_name", "Sam Smith")
    reason = field(dialog, "closure_reason")
    assert not reason.isVisible()  # only for a closed record
    stage = field(dialog, "stage")
    stage.setCurrentIndex(stage.findText("Closed"))
    assert reason.isVisible()
    assert message(dialog, "closure_reason").text() == "A reason for closing is needed."
    assert not dialog.save_button.isEnabled()
    reason.setCurrentIndex(reason.findText("Moved away"))
    assert not message(dialog, "closure_reason").isVisible()
    assert dialog.save_button.isEnabled()


def test_a_professionals_phone_is_checked_in_its_row(qtbot, dialog):
    enter(qtbot, dialog, "full_name", "Sam Smith")
    section = next(s for s in dialog.sections if getattr(s, "attr", "") == "professionals")
    click(qtbot, section.add_button)
    enter(qtbot, dialog, "professionals[0].role", "Social worker")
    enter(qtbot, dialog, "professionals[0].phone", "999")
    assert message(dialog, "professionals[0].phone").isVisible()
    assert not dialog.save_button.isEnabled()
    enter(qtbot, dialog, "professionals[0].phone", "07700 900125")
    assert dialog.save_button.isEnabled()


def test_weeks_pregnant_and_the_babys_age_show_as_dates_are_typed(qtbot, dialog):
    derived = dialog.pregnancy.derived
    qtbot.keyClicks(field(dialog, "edd"), uk_date(days(280 - 7 * 24)))
    assert derived.text().endswith("(24 weeks)")
    enter(qtbot, dialog, "edd", "")
    qtbot.keyClicks(field(dialog, "weeks_pregnant_at_referral"), "12")
    assert derived.text().startswith("due about ") and "12 weeks" in derived.text()
    qtbot.keyClicks(field(dialog, "baby_dob"), uk_date(days(-21)))
    assert derived.text() == "baby 3 weeks"


def test_a_new_referral_is_saved_and_shown_selected_in_the_list(qtbot, page, vault):
    dialog = click_new(qtbot, page)
    assert dialog.windowTitle() == "Mother"
    enter(qtbot, dialog, "full_name", "Beth Bloggs")
    enter(qtbot, dialog, "postcode", "le2 8aa")
    needs = field(dialog, "need_ids")
    needs.item(0).setCheckState(Qt.CheckState.Checked)
    grid = field(dialog, "availability")
    grid.boxes[(0, PartOfDay.MORNING)].setChecked(True)
    save_and_close(qtbot, dialog)
    assert page.dialog is None
    assert "Beth Bloggs" in shown_names(page)
    saved = page.selected_id()
    assert page.model.row_data(page.table.currentIndex().row()).name == "Beth Bloggs"
    form = load_mother(vault, saved)
    assert form.postcode == "LE2 8AA" and len(form.need_ids) == 1 and len(form.availability) == 1


def test_an_edit_is_saved_and_the_list_shows_it(qtbot, page, vault):
    page.open_record(page.people["B"])
    dialog = page.dialog
    assert dialog.windowTitle() == "Mother"  # as for a new referral
    assert not dialog.save_button.isEnabled()  # nothing changed yet
    enter(qtbot, dialog, "preferred_name", "Bee")
    assert dialog.title.text() == "Bella Brown (Bee)"
    save_and_close(qtbot, dialog)
    assert "Bella Brown (Bee)" in shown_names(page)
    assert page.selected_id() == page.people["B"]
    assert load_mother(vault, page.people["B"]).preferred_name == "Bee"


@pytest.mark.parametrize("how", ["escape", "close button"])
def test_closing_with_unsaved_changes_asks_and_cancel_keeps_them(qtbot, page, how):
    dialog = open_with_a_new_town(qtbot, page, page.people["A"])
    if how == "escape":
        check_cancel_keeps_the_change(dialog, lambda: qtbot.keyClick(dialog, Qt.Key.Key_Escape))
    else:
        check_cancel_keeps_the_change(dialog, lambda: click(qtbot, dialog.close_button))


def test_discard_closes_without_saving(qtbot, page, vault):
    dialog = open_with_a_new_town(qtbot, page, page.people["A"])
    escape_and_answer(qtbot, dialog, "Discard")
    assert load_mother(vault, page.people["A"]).town == "Leicester"


def test_save_from_the_prompt_saves(qtbot, page):
    check_save_from_the_prompt(qtbot, page, page.people["A"], load_mother)


def test_closing_an_unchanged_record_does_not_ask(qtbot, page):
    page.open_record(page.people["A"])
    dialog = page.dialog
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert getattr(dialog, "question", None) is None


def test_delete_is_refused_for_a_mother_with_a_match_before_asking_naming_her(qtbot, page, vault):
    page.open_record(page.people["C"])
    dialog = page.dialog
    click(qtbot, dialog.delete_button)
    assert getattr(dialog, "question", None) is None  # never asked "cannot be undone"
    assert dialog.isVisible() and dialog.message.isVisible()
    assert dialog.message.text().startswith("Cara Clark has 1 match with volunteers")
    assert "close it instead" in dialog.message.text()
    assert load_mother(vault, page.people["C"]).full_name == "Cara Clark"


def test_delete_after_confirming_removes_her_from_the_list(qtbot, page):
    assert delete_from_its_form(qtbot, page, page.people["A"]) == (
        "Delete this record and everything recorded about her (consents, "
        "safeguarding, professionals)? This cannot be undone."
    )
    assert "Alice Archer" not in shown_names(page)
    assert page.message.text() == "The record was deleted."


def test_delete_answered_cancel_keeps_her(qtbot, page, vault):
    page.open_record(page.people["A"])
    will_answer(page.dialog, "Cancel")
    click(qtbot, page.dialog.delete_button)
    assert page.dialog.isVisible()
    assert "Alice Archer" in shown_names(page)
    assert load_mother(vault, page.people["A"]).full_name == "Alice Archer"


def test_a_new_referral_starts_in_the_only_running_project(qtbot, vault):
    only = add_project(vault, "Bumps")
    dialog = new_form(qtbot, MotherDialog, vault)
    assert field(dialog, "project_id").currentData() == only
    assert not dialog.is_changed()  # nothing the user typed: closing asks nothing

    add_project(vault, "Acorns")  # with two, she chooses
    second = new_form(qtbot, MotherDialog, vault)
    assert field(second, "project_id").currentData() is None


def offered(checklist) -> list[str]:
    return [
        checklist.item(i).text()
        for i in range(checklist.count())
        if not checklist.item(i).isHidden()
    ]


def test_other_languages_do_not_offer_the_main_language_again(qtbot, dialog):
    main, others = field(dialog, "language_id"), field(dialog, "other_language_ids")
    main.setCurrentIndex(main.findText("Polish"))
    assert "Polish" not in offered(others) and "English" in offered(others)
    main.setCurrentIndex(main.findText("English"))
    assert "Polish" in offered(others) and "English" not in offered(others)


def test_a_record_holding_its_main_language_among_the_others_still_shows_it(qtbot, dialog):
    main, others = field(dialog, "language_id"), field(dialog, "other_language_ids")
    polish = main.itemData(main.findText("Polish"))
    others.set_checked([polish])  # from before the rule: nothing held is hidden
    main.setCurrentIndex(main.findText("Polish"))
    assert "Polish" in offered(others)
    assert others.checked_ids() == [polish]


def test_a_due_date_adds_its_summary_without_moving_the_form(qtbot, dialog):
    from tests.ui.helpers import place

    name = field(dialog, "full_name")
    before = place(name, dialog)
    enter(qtbot, dialog, "edd", uk_date(days(100)))
    assert dialog.summary.text().startswith("due ")
    assert place(name, dialog) == before
