"""File > Restore from a backup…: checked first, the current file kept, reopened after."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QLocale, Qt, QTimer

from coordinator.models import LocalService
from coordinator.services import backups
from coordinator.services.changes import Kind
from coordinator.services.status import record_counts
from tests.ui.helpers import PASSPHRASE, STRONG, click_when_shown, is_unlocked, settle, sha256
from tests.ui.helpers import type_and_unlock as unlock


@pytest.fixture
def window(qtbot, make_window, keystore, db_path):
    """The app's window, unlocked."""
    window = make_window(db_path, keystore)
    unlock(qtbot, window)
    return window


def backed_up(window, backup, **options):
    """The database backed up to `backup`, then a local service added that the backup has
    not got; the backup."""
    backups.back_up(window.controller.vault, backup, **options)
    with window.controller.vault.transaction() as session:
        session.add(LocalService(name="Norwich Food Bank"))
    return backup


def local_services(window) -> int:
    return record_counts(window.controller.vault)[Kind.SERVICE]


def restore(qtbot, window, backup, passphrase: str = PASSPHRASE, *, confirm: str = "Restore"):
    window.restore_action.trigger()
    dialog = window.safekeeping.dialog
    qtbot.waitExposed(dialog)
    dialog.file_edit.setText(str(backup))
    qtbot.keyClicks(dialog.passphrase, passphrase)
    run(qtbot, dialog, confirm=confirm)
    return dialog


def run(qtbot, dialog, *, confirm: str = "Restore") -> None:
    click_when_shown(lambda: dialog.confirm_box, confirm)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.running, timeout=20_000)
    settle(qtbot)  # opened again


def test_restore_brings_back_the_backup_and_keeps_the_current_database(
    qtbot, window, db_path, tmp_path
):
    backup = backed_up(window, tmp_path / "backup.db")
    assert local_services(window) == 1
    window.workspace.show_section(3)

    dialog = restore(qtbot, window, backup)

    assert "Restored from" in dialog.result.text()
    assert is_unlocked(window), dialog.status.text()  # locked, restored and opened again
    assert window.workspace.current_title() == "Matches"  # on the same page
    assert local_services(window) == 0
    [previous] = db_path.parent.glob("coordinator.before-restore-*.db")
    assert str(previous) in dialog.result.text()
    assert dialog.passphrase.text() == ""
    dialog.close_button.click()
    assert not dialog.isVisible()


def test_declining_the_confirmation_changes_nothing(qtbot, window, db_path, tmp_path):
    backup = backed_up(window, tmp_path / "backup.db")

    dialog = restore(qtbot, window, backup, confirm="Cancel")

    assert "Replace everything" not in dialog.result.text()
    assert local_services(window) == 1
    assert list(db_path.parent.glob("*.before-restore-*")) == []


def test_a_bad_backup_is_refused_and_the_live_database_untouched(qtbot, window, db_path, tmp_path):
    window.lock_action.trigger()
    before = sha256(db_path)
    unlock(qtbot, window)
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(bytes(range(256)) * 64)

    dialog = restore(qtbot, window, garbage)

    # Encrypted or not, garbage cannot be told from a backup under another passphrase.
    assert "nothing was changed" in dialog.backup_note.text()
    assert "damaged or is not a Coordinator backup" in dialog.backup_note.text()
    assert is_unlocked(window)  # opened again, as it was
    qtbot.keyClicks(dialog.backup_passphrase, STRONG)
    run(qtbot, dialog)
    assert "does not open the backup either" in dialog.result.text()
    assert is_unlocked(window)
    assert list(db_path.parent.glob("*.before-restore-*")) == []
    assert sorted(p.name for p in db_path.parent.iterdir() if "restoring" in p.name) == []
    dialog.reject()
    window.close()
    assert sha256(db_path) == before


def test_a_wrong_current_passphrase_is_refused_before_anything_happens(qtbot, window, tmp_path):
    backup = backed_up(window, tmp_path / "backup.db")
    workspace = window.workspace

    dialog = restore(qtbot, window, backup, "not the passphrase")

    assert "not this database's current passphrase" in dialog.result.text()
    assert window.workspace is workspace  # never locked
    assert local_services(window) == 1


def test_a_backup_with_its_own_passphrase_asks_for_it_and_restores(qtbot, window, tmp_path):
    backup = backed_up(window, tmp_path / "usb.db", passphrase=STRONG)

    dialog = restore(qtbot, window, backup)

    assert dialog.backup_passphrase.isVisible()
    assert "passphrase of its own" in dialog.backup_note.text()
    assert dialog.focusWidget() is dialog.backup_passphrase
    assert is_unlocked(window) and local_services(window) == 1  # opened again, unchanged
    assert not dialog.start_button.isEnabled()
    qtbot.keyClicks(dialog.backup_passphrase, STRONG)
    run(qtbot, dialog)

    assert "Restored from" in dialog.result.text()
    # Opened again with the current passphrase: the restored copy was re-keyed to it.
    assert is_unlocked(window) and local_services(window) == 0


def test_the_question_shows_what_the_backup_holds_and_cancel_is_the_default(
    qtbot, window, tmp_path
):
    from PySide6.QtWidgets import QMessageBox

    backup = backed_up(window, tmp_path / "backup.db")
    seen: dict[str, object] = {}

    def look_then_cancel() -> None:
        box = dialog.confirm_box
        if box is None or not box.isVisible():
            QTimer.singleShot(10, look_then_cancel)
            return
        seen["text"], seen["more"] = box.text(), box.informativeText()
        seen["default"] = box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
        qtbot.keyClick(box, Qt.Key.Key_Return)  # Enter answers with the default: Cancel

    window.restore_action.trigger()
    dialog = window.safekeeping.dialog
    qtbot.waitExposed(dialog)
    dialog.file_edit.setText(str(backup))
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    QTimer.singleShot(0, look_then_cancel)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "text" in seen and not dialog.running, timeout=10_000)

    made = QLocale().toString(
        datetime.fromtimestamp(backup.stat().st_mtime), QLocale.FormatType.LongFormat
    )
    assert seen["text"] == (
        f"Replace everything in coordinator.db with the backup backup.db, made on {made}?"
    )
    assert seen["more"].startswith(
        "The backup holds: 0 mothers, 0 volunteers, 0 matches and 0 local services."
    )  # the backup's own counts: the live database has the service added since
    assert seen["default"] is True
    assert is_unlocked(window) and local_services(window) == 1  # cancelled: nothing changed


def test_after_a_restore_the_status_bar_still_knows_the_last_backup(
    qtbot, window, db_path, tmp_path
):
    first = tmp_path / "first.db"
    backups.back_up(window.controller.vault, first)  # its copy has no backup noted yet
    backups.back_up(window.controller.vault, tmp_path / "second.db")
    window.refresh_backup_status()
    assert "No backup" not in window.backup_label.text()

    restore(qtbot, window, first)

    assert is_unlocked(window)
    assert "No backup" not in window.backup_label.text()
    assert backups.status(window.controller.vault).last_good is not None


def test_a_damaged_backup_is_named_in_the_refusal(qtbot, window, db_path, tmp_path):
    backup = backed_up(window, tmp_path / "monday.db")
    data = bytearray(backup.read_bytes())
    data[len(data) // 2 : len(data) // 2 + 32] = b"\x00" * 32
    backup.write_bytes(bytes(data))

    dialog = restore(qtbot, window, backup)

    shown = dialog.result.text() + dialog.backup_note.text()
    assert "monday.db" in shown or "nothing was changed" in shown
    assert ".restoring-" not in shown
    assert list(db_path.parent.glob("*.before-restore-*")) == []


def test_enter_in_the_restore_dialog_asks_rather_than_opening_the_chooser(
    qtbot, window, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *a, **k: pytest.fail("the chooser opened")
    )
    backup = backed_up(window, tmp_path / "backup.db")
    window.restore_action.trigger()
    dialog = window.safekeeping.dialog
    qtbot.waitExposed(dialog)
    dialog.file_edit.setText(str(backup))
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    asked = []
    click_when_shown(
        lambda: dialog.confirm_box and (asked.append(1) or dialog.confirm_box), "Cancel"
    )
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(asked) and not dialog.running, timeout=20_000)
    settle(qtbot)
    assert local_services(window) == 1  # asked, and Cancel changed nothing
