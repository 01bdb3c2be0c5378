"""Settings: saved through the services, kept across a lock; unsaved edits kept as a draft."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from coordinator.services import backups, drafts, preferences
from tests.ui.helpers import go_to, is_unlocked, type_and_unlock


def settings_page(qtbot, window):
    go_to(window, "Settings")
    return window.workspace.page("settings")


def ctrl_l(qtbot, window) -> None:
    if QApplication.activeWindow() is not window:
        with qtbot.waitActive(window):
            window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)


def test_settings_show_the_defaults_and_save_is_enabled_only_when_changed(
    qtbot, make_window, keystore, db_path
):
    window = make_window(db_path, keystore)
    type_and_unlock(qtbot, window)
    page = settings_page(qtbot, window)

    assert page.title.text() == "Settings"
    assert page.auto_lock.value() == 10 and page.keep.value() == 10
    assert page.folder.text() == "" and page.on_close.isChecked()
    assert page.backup_line.text() == "None yet"
    assert not page.save_button.isEnabled()
    assert "off until a folder is chosen" in page.folder_message.text()

    page.auto_lock.setValue(12)
    assert page.save_button.isEnabled() and page.discard_button.isEnabled()
    page.auto_lock.setValue(10)
    assert not page.save_button.isEnabled()

    page.folder.setText("relative/folder")
    assert "full path" in page.folder_message.text()
    assert not page.save_button.isEnabled()


def test_saved_settings_survive_lock_and_unlock(qtbot, make_window, keystore, db_path, tmp_path):
    window = make_window(db_path, keystore)
    type_and_unlock(qtbot, window)
    page = settings_page(qtbot, window)
    folder = tmp_path / "backups"
    folder.mkdir()

    page.auto_lock.setValue(25)
    qtbot.keyClicks(page.folder, str(folder))
    page.keep.setValue(3)
    page.on_close.click()
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)

    assert page.message.text() == "Saved."
    assert not page.save_button.isEnabled()
    assert window.idle_lock.interval_ms == 25 * window.idle_lock.ms_per_minute
    vault = window.controller.vault
    assert preferences.auto_lock_minutes(vault) == 25
    status = backups.status(vault)
    assert (status.folder, status.keep, status.on_close) == (str(folder), 3, False)

    ctrl_l(qtbot, window)
    type_and_unlock(qtbot, window)

    page = window.workspace.page("settings")
    assert window.workspace.current_title() == "Settings"
    assert (page.auto_lock.value(), page.folder.text(), page.keep.value()) == (25, str(folder), 3)
    assert not page.on_close.isChecked()
    assert not page.restored_note.isVisible()  # nothing unsaved to restore


def test_unsaved_settings_are_offered_back_after_ctrl_l(qtbot, make_window, keystore, db_path):
    window = make_window(db_path, keystore)
    type_and_unlock(qtbot, window)
    page = settings_page(qtbot, window)
    page.auto_lock.setValue(7)
    qtbot.keyClicks(page.folder, "/media/usb/backups")
    go_to(window, "Volunteers")  # the draft is found wherever the user was

    ctrl_l(qtbot, window)
    assert window.workspace is None
    type_and_unlock(qtbot, window)

    assert is_unlocked(window)
    page = window.workspace.page("settings")
    assert window.workspace.current_page() is page
    assert page.restored_note.isVisible()
    assert page.restored_note.text().startswith("Restored unsaved changes from before the lock")
    assert (page.auto_lock.value(), page.folder.text()) == (7, "/media/usb/backups")
    assert page.save_button.isEnabled()
    vault = window.controller.vault
    assert drafts.pending(vault) == []  # applied, so deleted
    assert preferences.auto_lock_minutes(vault) == 10  # not saved until the user says so

    qtbot.mouseClick(page.discard_button, Qt.MouseButton.LeftButton)
    assert page.auto_lock.value() == 10 and page.folder.text() == ""
    assert not page.restored_note.isVisible()


def test_unlocking_returns_to_the_page_the_user_was_on(qtbot, make_window, keystore, db_path):
    window = make_window(db_path, keystore)
    type_and_unlock(qtbot, window)
    go_to(window, "Reports")

    ctrl_l(qtbot, window)
    type_and_unlock(qtbot, window)

    assert window.workspace.current_title() == "Reports"
    assert window.workspace.current_page().title.text() == "Reports"
