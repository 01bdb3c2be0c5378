"""The volunteer form: each validation message under its field with Save disabled until
fixed, saving new and edited records into the list, the DBS due date in red or amber, the
availability grid, the unsaved-changes prompt, deleting, and drafts across a lock."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from coordinator.models import PartOfDay, VolunteerStatus
from coordinator.services.records.volunteers import load_volunteer
from coordinator.ui.kit.form_parts.fields import uk_date
from coordinator.ui.kit.widgets import ERROR_COLOUR, WARNING_COLOUR
from coordinator.ui.pages.volunteers_page import VolunteersPage
from tests.people import add_project
from tests.ui.form_filling import (
    TODAY,
    WRONG_CONTACT_DETAILS,
    check_a_wrong_value,
    check_cancel_keeps_the_change,
    check_save_from_the_prompt,
    check_the_message_waits_for_a_pause,
    click,
    click_new,
    days,
    delete_from_its_form,
    enter,
    field,
    message,
    new_form,
    new_form_after_unlocking,
    open_with_a_new_town,
    refused_delete,
    save_and_close,
    shown,
    under_its_field,
    will_answer,
)
from tests.ui.helpers import type_and_unlock
from tests.ui.volunteers_data import add_volunteers, row_of, shown_names


@pytest.fixture
def page(qtbot, vault):
    page = VolunteersPage(vault, today=TODAY)
    page.resize(1100, 700)
    return shown(qtbot, page, add_volunteers(vault))


@pytest.fixture
def dialog(qtbot, page):
    return click_new(qtbot, page)


@pytest.mark.parametrize(
    ("key", "bad", "expected", "good"),
    [
        *WRONG_CONTACT_DETAILS,
        ("phone", "call me", "Not a phone number", "0116 496 0123"),
        ("date_of_birth", "31/02/1980", "That day does not exist", "28 Feb 1980"),
        ("date_of_birth", uk_date(days(-365 * 10)), "That makes her 9", "1/1/1970"),
    ],
)
def test_a_wrong_value_shows_its_message_under_the_field_and_blocks_save(
    qtbot, dialog, key, bad, expected, good
):
    enter(qtbot, dialog, "full_name", "Rachel Okafor")
    check_a_wrong_value(qtbot, dialog, key, bad, expected, good)


def test_the_name_is_required(qtbot, dialog):
    assert not dialog.save_button.isEnabled()  # nothing typed yet: nothing to save
    enter(qtbot, dialog, "full_name", "R")
    enter(qtbot, dialog, "full_name", "")
    shown = message(dialog, "full_name")
    assert shown.isVisible() and shown.text() == "Her full name is needed."
    assert under_its_field(dialog, "full_name")
    assert not dialog.save_button.isEnabled()
    enter(qtbot, dialog, "full_name", "Rachel Okafor")
    assert not shown.isVisible() and dialog.save_button.isEnabled()


def test_the_status_is_always_one_of_the_five(qtbot, dialog):
    status = field(dialog, "status")
    shown = [status.itemText(i) for i in range(status.count())]
    assert shown == ["Applicant", "In training", "Active", "Paused", "Left"]  # no empty choice
    assert status.currentText() == "Applicant"


def test_the_message_appears_when_typing_pauses_without_leaving(qtbot, dialog):
    check_the_message_waits_for_a_pause(qtbot, dialog)


def add_dbs_check(qtbot, dialog, issued: str, due: str) -> int:
    click(qtbot, dialog.dbs.add_button)
    row = len(dialog.dbs.editors) - 1
    qtbot.waitUntil(dialog.dbs.editors[row].isVisible)  # shown on the next turn of the loop
    check_type = field(dialog, f"dbs_checks[{row}].check_type")
    check_type.setCurrentIndex(check_type.findText("Enhanced"))
    enter(qtbot, dialog, f"dbs_checks[{row}].issue_date", issued)
    enter(qtbot, dialog, f"dbs_checks[{row}].next_check_due", due)
    return row


def test_the_dbs_next_check_must_fall_due_after_the_issue_date(qtbot, dialog):
    enter(qtbot, dialog, "full_name", "Rachel Okafor")
    add_dbs_check(qtbot, dialog, "01/02/2026", "01/01/2026")
    key = "dbs_checks[0].next_check_due"
    shown = message(dialog, key)
    assert shown.isVisible()
    assert shown.text() == "The next check must fall due after the issue date."
    assert under_its_field(dialog, key)
    assert not dialog.save_button.isEnabled()

    enter(qtbot, dialog, key, "01/02/2029")
    assert not shown.isVisible() and dialog.save_button.isEnabled()


def test_a_dbs_check_needs_its_type_and_issue_date(qtbot, dialog):
    enter(qtbot, dialog, "full_name", "Rachel Okafor")
    click(qtbot, dialog.dbs.add_button)
    qtbot.waitUntil(dialog.dbs.editors[0].isVisible)
    enter(qtbot, dialog, "dbs_checks[0].certificate_number", "001234567890")
    click(qtbot, dialog.show_problems)
    assert message(dialog, "dbs_checks[0].check_type").text() == "The type of check is needed."
    assert message(dialog, "dbs_checks[0].issue_date").text() == "The issue date is needed."
    assert not dialog.save_button.isEnabled()


def test_a_new_volunteer_is_saved_and_shown_selected_in_the_list(qtbot, page, dialog, vault):
    enter(qtbot, dialog, "full_name", "Rachel Okafor")
    enter(qtbot, dialog, "postcode", "le2 1hl")
    enter(qtbot, dialog, "phone", "07700900456")
    save_and_close(qtbot, dialog)
    assert page.dialog is None
    assert "Rachel Okafor" in shown_names(page)
    saved = page.selected_id()
    assert shown_names(page)[page.table.currentIndex().row()] == "Rachel Okafor"
    form = load_volunteer(vault, saved)
    assert (form.postcode, form.phone, form.status) == (
        "LE2 1HL",
        "07700 900456",
        VolunteerStatus.APPLICANT,
    )


def test_an_edit_is_saved_and_the_list_shows_it(qtbot, page, vault):
    page.table.selectRow(row_of(page, "Bea Brown"))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    dialog = page.dialog
    assert field(dialog, "full_name").text() == "Bea Brown"
    field(dialog, "status").setCurrentIndex(field(dialog, "status").findText("Paused"))
    enter(qtbot, dialog, "status_note", "Moving house")
    enter(qtbot, dialog, "email", "bea@example.org")
    save_and_close(qtbot, dialog)

    row = row_of(page, "Bea Brown")
    assert page.model.data(page.model.index(row, 2)) == "Paused"
    page.open_record(page.people["Bea"])
    again = page.dialog
    assert field(again, "email").text() == "bea@example.org"
    history = again.status_section.history.text()
    assert "Active from" in history and "Paused from" in history and "Moving house" in history


def test_an_overdue_dbs_check_is_red_in_the_list_and_the_form(qtbot, page):
    model = page.model
    ann, bea = row_of(page, "Ann Abbott"), row_of(page, "Bea Brown")
    overdue = model.index(ann, 3)
    assert model.data(overdue) == f"{days(-5):%-d %b %Y} (overdue)"
    assert model.data(overdue, Qt.ItemDataRole.ForegroundRole).name() == ERROR_COLOUR
    soon = model.index(bea, 3)
    assert model.data(soon, Qt.ItemDataRole.ForegroundRole).name() == WARNING_COLOUR

    page.open_record(page.people["Ann"])
    dialog = page.dialog
    due_field = field(dialog, "dbs_checks[0].next_check_due")
    assert ERROR_COLOUR in due_field.styleSheet()
    [label] = dialog.dbs.due_labels.values()
    assert label.isVisible() and label.text().startswith("Next check overdue since")

    enter(qtbot, dialog, "dbs_checks[0].next_check_due", uk_date(days(30)))
    assert WARNING_COLOUR in due_field.styleSheet()
    assert label.text().startswith("Next check due on")
    enter(qtbot, dialog, "dbs_checks[0].next_check_due", uk_date(days(400)))
    assert due_field.styleSheet() == "" and not label.isVisible()


def test_the_availability_grid_is_saved(qtbot, page, dialog, vault):
    enter(qtbot, dialog, "full_name", "Rachel Okafor")
    grid = dialog.where.grid
    click(qtbot, grid.boxes[(0, PartOfDay.MORNING)])
    click(qtbot, grid.boxes[(4, PartOfDay.EVENING)])
    dialog.where.max_matches.setValue(3)
    enter(qtbot, dialog, "areas", "Leicester, LE2; Oadby")
    save_and_close(qtbot, dialog)
    saved = page.selected_id()
    form = load_volunteer(vault, saved)
    assert form.availability == {(0, PartOfDay.MORNING), (4, PartOfDay.EVENING)}
    assert form.max_matches == 3 and form.areas == ["Leicester", "LE2", "Oadby"]

    page.open_record(saved)
    boxes = page.dialog.where.grid.boxes
    assert boxes[(0, PartOfDay.MORNING)].isChecked() and boxes[(4, PartOfDay.EVENING)].isChecked()
    assert sum(box.isChecked() for box in boxes.values()) == 2


def test_closing_with_unsaved_changes_asks_and_cancel_keeps_them(qtbot, page):
    dialog = open_with_a_new_town(qtbot, page, page.people["Bea"])
    check_cancel_keeps_the_change(dialog, lambda: qtbot.keyClick(dialog, Qt.Key.Key_Escape))

    will_answer(dialog, "Discard")
    with qtbot.waitSignal(dialog.finished):
        click(qtbot, dialog.close_button)
    assert load_volunteer(page.vault, page.people["Bea"]).town == ""


def test_save_from_the_prompt_saves(qtbot, page):
    check_save_from_the_prompt(qtbot, page, page.people["Bea"], load_volunteer)


def test_delete_is_refused_for_a_matched_volunteer(qtbot, page, vault):
    assert refused_delete(qtbot, page, page.people["Dee"]) == (
        "This volunteer has 1 match, so her record cannot be deleted: "
        "set her status to Left instead."
    )
    assert load_volunteer(vault, page.people["Dee"]).full_name == "Dee Dunn"


def test_delete_after_confirming_removes_her_from_the_list(qtbot, page):
    assert "cannot be undone" in delete_from_its_form(qtbot, page, page.people["Bea"])
    assert "Bea Brown" not in shown_names(page)
    assert page.message.text() == "The volunteer's record was deleted."


def test_an_open_form_is_kept_as_a_draft_across_a_lock(qtbot, make_window, keystore, db_path):
    window = make_window(db_path, keystore)
    dialog = new_form_after_unlocking(qtbot, window, "Volunteers")
    assert dialog is window.workspace.page("volunteers").dialog
    enter(qtbot, dialog, "full_name", "Nadia Draftwell")
    enter(qtbot, dialog, "postcode", "LE1")

    window.lock()
    assert window.workspace is None
    type_and_unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.workspace is not None)
    restored = window.workspace.page("volunteers").dialog
    assert restored is not None
    assert field(restored, "full_name").text() == "Nadia Draftwell"
    assert message(restored, "postcode").text().startswith("Not a UK postcode")
    assert "Restored unsaved changes" in restored.restored_note.text()
    assert window.workspace.current_title() == "Volunteers"


def test_a_new_volunteer_starts_in_the_only_running_project(qtbot, vault):
    from coordinator.ui.forms.volunteer_form import VolunteerFormDialog

    only = add_project(vault, "Bumps")
    dialog = new_form(qtbot, VolunteerFormDialog, vault)
    assert field(dialog, "project_ids").checked_ids() == [only]
    assert not dialog.is_changed()
