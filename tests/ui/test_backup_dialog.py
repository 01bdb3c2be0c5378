"""File > Back up now…: a verified encrypted copy, made in the background, and the status shown."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from coordinator.services import backups
from coordinator.storage.backup import BackupFailed
from coordinator.storage.errors import WrongPassphrase
from coordinator.storage.vault import open_vault
from coordinator.ui.kit.widgets import WARNING_COLOUR
from tests.ui.helpers import PASSPHRASE, STRONG, type_and_unlock


def open_backup_dialog(qtbot, window):
    window.backup_action.trigger()
    dialog = window.safekeeping.dialog
    qtbot.waitExposed(dialog)
    return dialog


def back_up(qtbot, dialog) -> None:
    with qtbot.waitSignal(dialog.task.finished, timeout=20_000):
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)


def test_the_default_file_is_dated_and_named_after_the_database(
    qtbot, make_window, keystore, db_path
):
    window = make_window(db_path, keystore)
    type_and_unlock(qtbot, window)
    dialog = open_backup_dialog(qtbot, window)

    target = dialog.target()
    assert target.name.startswith("coordinator-backup-20") and target.suffix == ".db"
    assert target.parent.is_dir()
    assert not dialog.fields.isVisible()
    assert "encrypted" in dialog.explanation.text()


def test_a_backup_with_its_own_passphrase_opens_with_that_passphrase_only(
    qtbot, make_window, keystore, db_path, tmp_path
):
    window = make_window(db_path, keystore)
    type_and_unlock(qtbot, window)
    dialog = open_backup_dialog(qtbot, window)
    target = tmp_path / "usb" / "offsite.db"
    target.parent.mkdir()
    dialog.file_edit.setText(str(target))

    dialog.own_passphrase.click()
    assert dialog.fields.isVisible()
    qtbot.keyClicks(dialog.fields.passphrase, STRONG)
    assert not dialog.start_button.isEnabled()  # typed once only
    qtbot.keyClicks(dialog.fields.confirm, STRONG)
    assert dialog.start_button.isEnabled()
    back_up(qtbot, dialog)

    assert dialog.result.isVisible()
    assert "verified" in dialog.result.text() and str(target) in dialog.result.text()
    assert dialog.close_button.text() == "Close"
    assert dialog.fields.passphrase.text() == ""  # not kept once used
    with open_vault(target, STRONG, lock=False):
        pass
    try:
        open_vault(target, PASSPHRASE, lock=False).close()
        raise AssertionError("the backup opened with the database's passphrase")
    except WrongPassphrase:
        pass


def test_a_weak_backup_passphrase_must_be_acknowledged(qtbot, make_window, keystore, db_path):
    window = make_window(db_path, keystore)
    type_and_unlock(qtbot, window)
    dialog = open_backup_dialog(qtbot, window)
    dialog.own_passphrase.click()
    qtbot.keyClicks(dialog.fields.passphrase, "password1")
    qtbot.keyClicks(dialog.fields.confirm, "password1")

    assert dialog.fields.weak_warning.isVisible()
    assert not dialog.start_button.isEnabled()
    dialog.fields.weak_ok.click()
    assert dialog.start_button.isEnabled()


def test_the_status_bar_turns_from_no_backup_yet_to_the_date(
    qtbot, make_window, keystore, db_path, tmp_path
):
    window = make_window(db_path, keystore)
    type_and_unlock(qtbot, window)
    label = window.backup_label
    assert label.isVisible()
    assert label.text() == "No backup yet"
    assert WARNING_COLOUR in label.styleSheet()
    assert "every record would be lost" in label.toolTip()

    dialog = open_backup_dialog(qtbot, window)
    dialog.file_edit.setText(str(tmp_path / "copy.db"))
    back_up(qtbot, dialog)

    last = backups.status(window.controller.vault).last_good
    assert label.text() == f"Last backup: {last.day} {last:%b %Y %H:%M}"
    assert WARNING_COLOUR not in label.styleSheet()
    assert label.toolTip() == ""
    with open_vault(tmp_path / "copy.db", PASSPHRASE, lock=False):
        pass

    window.lock_action.trigger()
    assert not label.isVisible()  # nothing from inside the database while locked


def test_today_warns_when_no_backup_was_made_and_its_button_opens_the_dialog(
    qtbot, make_window, keystore, db_path, tmp_path
):
    window = make_window(db_path, keystore)
    type_and_unlock(qtbot, window)
    today = window.workspace.page("today")
    assert today.backup_line.text() == "No backup yet"
    assert today.backup_advice.isVisible() and today.backup_button.isVisible()

    qtbot.mouseClick(today.backup_button, Qt.MouseButton.LeftButton)
    dialog = window.safekeeping.dialog
    assert dialog.isVisible()
    dialog.file_edit.setText(str(tmp_path / "copy.db"))
    back_up(qtbot, dialog)

    assert today.backup_line.text().startswith("Last backup: ")
    assert not today.backup_advice.isVisible() and not today.backup_button.isVisible()


def test_a_running_backup_cannot_be_cancelled_and_cancel_works_before_it_starts(
    qtbot, make_window, keystore, db_path, tmp_path
):
    window = make_window(db_path, keystore)
    type_and_unlock(qtbot, window)
    dialog = open_backup_dialog(qtbot, window)
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()

    dialog = open_backup_dialog(qtbot, window)
    dialog.file_edit.setText(str(tmp_path / "copy.db"))
    with qtbot.waitSignal(dialog.task.finished, timeout=20_000):
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
        assert dialog.running_note.isVisible()
        assert "runs to the end" in dialog.running_note.text()
        assert not dialog.close_button.isEnabled()
        dialog.reject()  # Escape or the title bar's close button
        assert dialog.isVisible()
    assert (tmp_path / "copy.db").exists()
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_a_failed_backup_shows_its_message(
    qtbot, make_window, keystore, db_path, tmp_path, monkeypatch
):
    def fail(vault, target, **_kwargs):
        raise BackupFailed(target)

    monkeypatch.setattr(backups, "back_up", fail)
    window = make_window(db_path, keystore)
    type_and_unlock(qtbot, window)
    dialog = open_backup_dialog(qtbot, window)
    dialog.file_edit.setText(str(tmp_path / "copy.db"))
    back_up(qtbot, dialog)

    assert dialog.result.text() == BackupFailed(tmp_path / "copy.db").user_message()
    assert dialog.start_button.isEnabled()  # try again, perhaps elsewhere
    assert window.backup_label.text() == "No backup yet"


def test_a_missing_folder_or_the_database_itself_is_refused_before_starting(
    qtbot, make_window, keystore, db_path, tmp_path
):
    window = make_window(db_path, keystore)
    type_and_unlock(qtbot, window)
    dialog = open_backup_dialog(qtbot, window)

    dialog.file_edit.setText(str(tmp_path / "unplugged" / "b.db"))
    assert "cannot be found" in dialog.file_message.text()
    assert not dialog.start_button.isEnabled()

    dialog.file_edit.setText(str(db_path))
    assert "database itself" in dialog.file_message.text()
    assert not dialog.start_button.isEnabled()


def test_unfinished_backups_left_in_the_folder_are_removed_and_the_dialog_says_so(
    qtbot, vault, tmp_path
):
    import subprocess
    import sys

    from coordinator.ui.dialogs.backup_dialog import BackupDialog

    ended = subprocess.Popen([sys.executable, "-c", "pass"])
    ended.wait()
    leftover = tmp_path / f".b.db.partial-{ended.pid}"
    leftover.write_bytes(b"\x01" * 4096)
    dialog = BackupDialog(vault)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.file_edit.setText(str(tmp_path / "b.db"))
    back_up(qtbot, dialog)
    assert not leftover.exists()
    assert "1 unfinished backup file left in that folder by an interrupted backup was removed" in (
        dialog.result.text()
    )


def test_enter_in_the_file_box_starts_the_backup_not_the_file_chooser(
    qtbot, vault, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QFileDialog

    from coordinator.ui.dialogs.backup_dialog import BackupDialog

    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: pytest.fail("the chooser opened")
    )
    dialog = BackupDialog(vault)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.file_edit.setText(str(tmp_path / "enter.db"))
    dialog.file_edit.setFocus()
    with qtbot.waitSignal(dialog.task.finished, timeout=20_000):
        qtbot.keyClick(dialog.file_edit, Qt.Key.Key_Return)
    assert (tmp_path / "enter.db").exists()
