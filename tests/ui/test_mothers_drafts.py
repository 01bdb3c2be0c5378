"""Nothing typed into a mother form is lost to a lock: Ctrl+L keeps it as a draft and the
form opens again, filled in, after unlocking."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from coordinator.services import drafts
from coordinator.services.records.mothers import load_mother
from coordinator.storage.vault import open_vault
from tests.ui.form_filling import click, field, message, new_form_after_unlocking
from tests.ui.helpers import PASSPHRASE, go_to, is_unlocked, type_and_unlock
from tests.ui.mothers_data import add_mother


def ctrl_l(qtbot, widget) -> None:
    widget.raise_()
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)
    qtbot.keyClick(widget, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)


def test_a_new_referral_typed_before_ctrl_l_is_offered_back(qtbot, make_window, keystore, db_path):
    window = make_window(db_path, keystore)
    dialog = new_form_after_unlocking(qtbot, window, "Mothers")
    assert dialog is window.workspace.page("mothers").dialog
    qtbot.keyClicks(field(dialog, "full_name"), "Nadia Novak")
    qtbot.keyClicks(field(dialog, "postcode"), "LE1")  # not valid yet: kept all the same
    field(dialog, "no_letters_home").setChecked(True)

    ctrl_l(qtbot, dialog)  # from inside the form
    assert window.workspace is None
    assert not dialog.isVisible()
    type_and_unlock(qtbot, window)

    assert is_unlocked(window)
    page = window.workspace.page("mothers")
    assert window.workspace.current_page() is page
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.restored_note.isVisible()
    assert dialog.restored_note.text().startswith("Restored unsaved changes from before the lock")
    assert field(dialog, "full_name").text() == "Nadia Novak"
    assert field(dialog, "postcode").text() == "LE1"
    assert field(dialog, "no_letters_home").isChecked()
    assert message(dialog, "postcode").text().startswith("Not a UK postcode")
    assert not dialog.save_button.isEnabled()
    assert drafts.pending(window.controller.vault) == []  # applied, so deleted
    assert page.count_label.text() == "0 mothers"  # not saved until she says so
    dialog.reject()


def test_an_edit_kept_at_lock_reopens_that_record(qtbot, make_window, keystore, db_path):
    with open_vault(db_path, PASSPHRASE) as vault:
        mother_id = add_mother(vault, "Olga Orr", town="Leicester")
    window = make_window(db_path, keystore)
    type_and_unlock(qtbot, window)
    go_to(window, "Mothers")
    page = window.workspace.page("mothers")
    page.open_record(mother_id)
    town = field(page.dialog, "town")
    town.clear()
    qtbot.keyClicks(town, "Oadby")

    window.lock()
    type_and_unlock(qtbot, window)

    dialog = window.workspace.page("mothers").dialog
    assert dialog.mother_id == mother_id
    assert field(dialog, "town").text() == "Oadby"
    assert dialog.title.text() == "Olga Orr"
    with qtbot.waitSignal(dialog.finished):
        click(qtbot, dialog.save_button)
    assert load_mother(window.controller.vault, mother_id).town == "Oadby"
