"""The automatic backup made when Coordinator closes, into the folder chosen in Settings."""

from __future__ import annotations

from PySide6.QtCore import Qt

from coordinator.services import backups
from coordinator.storage.vault import open_vault
from tests.ui.helpers import PASSPHRASE, is_unlocked, type_and_unlock


def set_automatic(db_path, folder, keep: int = 10, on_close: bool = True) -> None:
    with open_vault(db_path, PASSPHRASE) as vault:
        backups.set_automatic(vault, folder=str(folder), keep=keep, on_close=on_close)


def close_and_wait(qtbot, window) -> None:
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=20_000)


def test_closing_backs_up_into_the_folder_and_keeps_only_the_newest(
    qtbot, make_window, keystore, db_path, tmp_path
):
    folder = tmp_path / "backups"
    set_automatic(db_path, folder, keep=2)

    for _ in range(3):
        window = make_window(db_path, keystore)
        type_and_unlock(qtbot, window)
        window.quit_action.trigger()
        dialog = window.safekeeping.closing_dialog
        assert dialog.label.text() == "Backing up before closing…"
        qtbot.waitUntil(lambda w=window: not w.isVisible(), timeout=20_000)
        assert window.controller.vault is None

    kept = sorted(folder.iterdir())
    assert len(kept) == 2
    assert all(p.name.startswith("coordinator-backup-") for p in kept)
    for copy in kept:
        open_vault(copy, PASSPHRASE, lock=False).close()  # each one a real, whole backup
    with open_vault(db_path, PASSPHRASE, lock=False) as vault:
        assert backups.status(vault).last_good is not None


def test_no_backup_when_it_is_switched_off(qtbot, make_window, keystore, db_path, tmp_path):
    folder = tmp_path / "backups"
    set_automatic(db_path, folder, on_close=False)
    window = make_window(db_path, keystore)
    type_and_unlock(qtbot, window)

    window.close()

    assert not window.isVisible()  # at once
    assert not folder.exists()


def test_a_failed_backup_lets_the_user_stay_or_close_anyway(
    qtbot, make_window, keystore, db_path, tmp_path
):
    not_a_folder = tmp_path / "a file"
    not_a_folder.write_text("in the way")
    set_automatic(db_path, not_a_folder)
    window = make_window(db_path, keystore)
    type_and_unlock(qtbot, window)

    window.close()
    dialog = window.safekeeping.closing_dialog
    qtbot.waitUntil(lambda: dialog.buttons.isVisible(), timeout=20_000)
    assert "could not be made" in dialog.label.text()
    assert dialog.error.isVisible()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert window.isVisible() and is_unlocked(window)  # nothing lost: still open

    window.close()
    dialog = window.safekeeping.closing_dialog
    qtbot.waitUntil(lambda: dialog.buttons.isVisible(), timeout=20_000)
    qtbot.mouseClick(dialog.close_anyway, Qt.MouseButton.LeftButton)
    assert not window.isVisible()
    assert window.controller.vault is None


def test_closing_waits_while_a_backup_is_running(qtbot, make_window, keystore, db_path, tmp_path):
    window = make_window(db_path, keystore)
    type_and_unlock(qtbot, window)
    window.backup_action.trigger()
    dialog = window.safekeeping.dialog
    dialog.file_edit.setText(str(tmp_path / "b.db"))
    with qtbot.waitSignal(dialog.task.finished, timeout=20_000):
        dialog.start()
        window.close()
        assert window.isVisible()
    window.close()
    assert not window.isVisible()


def test_settings_saved_when_quitting_are_in_the_backup_made_on_closing(
    qtbot, make_window, keystore, db_path, tmp_path
):
    from coordinator.services import preferences
    from tests.ui.helpers import click_when_shown, go_to

    folder = tmp_path / "backups"
    set_automatic(db_path, folder)
    window = make_window(db_path, keystore)
    type_and_unlock(qtbot, window)
    go_to(window, "Settings")
    window.workspace.page("settings").section("security").auto_lock.setValue(17)
    go_to(window, "Mothers")

    click_when_shown(lambda: window.question, "Save")
    window.quit_action.trigger()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=20_000)

    [backup] = list(folder.iterdir())
    with open_vault(backup, PASSPHRASE, lock=False) as copy:
        assert preferences.auto_lock_minutes(copy) == 17  # saved first, then backed up
