"""Settings > Change passphrase…: the old one stops working, the new one opens every record."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from coordinator.models import LocalService
from coordinator.services.changes import Kind
from coordinator.services.status import record_counts
from coordinator.storage.errors import WrongPassphrase
from coordinator.storage.vault import open_vault
from tests.ui.helpers import PASSPHRASE, STRONG, go_to, is_unlocked, settle, type_and_unlock

NEW = "harbour thistle copper evening 31"


def open_dialog(qtbot, window):
    go_to(window, "Settings")
    security = window.workspace.page("settings").show_section("security")
    qtbot.mouseClick(security.passphrase_button, Qt.MouseButton.LeftButton)
    dialog = window.safekeeping.dialog
    qtbot.waitExposed(dialog)
    return dialog


def change(qtbot, dialog, current: str, new: str) -> None:
    qtbot.keyClicks(dialog.current, current)
    qtbot.keyClicks(dialog.fields.passphrase, new)
    qtbot.keyClicks(dialog.fields.confirm, new)
    with qtbot.waitSignal(dialog.task.finished, timeout=20_000):
        qtbot.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)


def test_after_the_change_the_old_passphrase_fails_and_the_new_one_opens(
    qtbot, make_window, keystore, db_path
):
    keystore.remember(db_path, PASSPHRASE)
    window = make_window(db_path, keystore)
    qtbot.waitUntil(lambda: is_unlocked(window))
    with window.controller.vault.transaction() as session:
        session.add(LocalService(name="Leicester Baby Bank"))
    dialog = open_dialog(qtbot, window)
    backups = window.workspace.page("settings").section("backups")
    backups.keep.setValue(4)  # an unsaved edit behind the dialog

    change(qtbot, dialog, PASSPHRASE, NEW)

    assert dialog.result.text() == "The passphrase is changed. Use the new one from now on."
    assert not dialog.keyring_note.isVisible()
    assert keystore.recall(db_path) == NEW  # the remembered key follows
    assert is_unlocked(window)
    assert window.workspace.current_title() == "Settings"  # the same page, its edit kept
    assert window.workspace.page("settings").section("backups").keep.value() == 4
    assert record_counts(window.controller.vault)[Kind.SERVICE] == 1
    dialog.close_button.click()

    window.lock_action.trigger()
    with pytest.raises(WrongPassphrase):
        open_vault(db_path, PASSPHRASE, lock=False)
    with open_vault(db_path, NEW, lock=False) as vault:
        assert record_counts(vault)[Kind.SERVICE] == 1


def test_a_wrong_current_passphrase_changes_nothing(qtbot, make_window, keystore, db_path):
    window = make_window(db_path, keystore)
    type_and_unlock(qtbot, window)
    dialog = open_dialog(qtbot, window)

    change(qtbot, dialog, "not the passphrase", NEW)

    assert "not the current passphrase" in dialog.result.text()
    assert dialog.current.selectedText() == "not the passphrase"
    assert dialog.change_button.isVisible()
    dialog.reject()
    window.lock_action.trigger()
    open_vault(db_path, PASSPHRASE, lock=False).close()


def test_a_keyring_that_cannot_be_updated_is_said_so(
    qtbot, make_window, keystore, memory_keyring, db_path
):
    keystore.remember(db_path, PASSPHRASE)
    window = make_window(db_path, keystore)
    qtbot.waitUntil(lambda: is_unlocked(window))
    dialog = open_dialog(qtbot, window)
    memory_keyring.locked = True

    change(qtbot, dialog, PASSPHRASE, NEW)

    assert dialog.result.text().startswith("The passphrase is changed")
    assert dialog.keyring_note.isVisible()
    assert "could not be updated" in dialog.keyring_note.text()
    memory_keyring.locked = False
    assert keystore.recall(db_path) == PASSPHRASE  # stale; unlocking will say so


def test_the_new_passphrase_is_checked_like_a_new_database(qtbot, make_window, keystore, db_path):
    window = make_window(db_path, keystore)
    type_and_unlock(qtbot, window)
    dialog = open_dialog(qtbot, window)
    qtbot.keyClicks(dialog.current, PASSPHRASE)

    qtbot.keyClicks(dialog.fields.passphrase, PASSPHRASE)
    qtbot.keyClicks(dialog.fields.confirm, PASSPHRASE)
    assert "same as the current one" in dialog.result.text()
    assert not dialog.change_button.isEnabled()

    dialog.fields.clear()
    qtbot.keyClicks(dialog.fields.passphrase, "password1")
    qtbot.keyClicks(dialog.fields.confirm, "password1")
    assert dialog.fields.weak_ok.isVisible()
    assert not dialog.change_button.isEnabled()
    dialog.fields.weak_ok.click()
    assert dialog.change_button.isEnabled()

    dialog.fields.clear()
    qtbot.keyClicks(dialog.fields.passphrase, STRONG)
    qtbot.keyClicks(dialog.fields.confirm, STRONG + "x")
    assert dialog.fields.mismatch.isVisible()
    assert not dialog.change_button.isEnabled()


def test_after_the_change_the_new_file_is_checked_and_the_status_bar_says_so(
    qtbot, make_window, keystore, db_path
):
    window = make_window(db_path, keystore)
    type_and_unlock(qtbot, window)
    settle(qtbot)
    dialog = open_dialog(qtbot, window)
    with qtbot.waitSignal(window.controller.checked, timeout=20_000):
        change(qtbot, dialog, PASSPHRASE, NEW)
    settle(qtbot)
    assert window.statusBar().currentMessage() == "Database checked: every page is sound."
