"""Unlocking: typed and remembered passphrases, and every way it can be refused."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from coordinator.storage.errors import AlreadyOpen, NewerSchema, StaleRememberedKey, WrongPassphrase
from coordinator.storage.keystore import LOCKED, NOT_AVAILABLE
from coordinator.storage.vault import open_vault
from tests.ui.helpers import PASSPHRASE, is_unlocked, settle, sha256, type_and_unlock


def test_an_existing_database_opens_on_the_unlock_page(make_window, keystore, db_path):
    window = make_window(db_path, keystore)

    page = window.unlock_page
    assert window.stack.currentWidget() is page
    assert page.file_name.text() == db_path.name
    assert page.passphrase.text() == ""
    assert not page.error.isVisible()
    assert page.remember.isVisible()
    assert window.state_label.text() == "Locked"
    assert str(db_path) in window.path_label.text()


def test_wrong_passphrase_shows_message_and_leaves_file_unchanged(
    qtbot, make_window, keystore, db_path
):
    before = sha256(db_path)
    window = make_window(db_path, keystore)

    type_and_unlock(qtbot, window, "not the passphrase")

    page = window.unlock_page
    assert page.error.isVisible()
    assert page.error.text() == WrongPassphrase(db_path).user_message()
    assert page.passphrase.selectedText() == "not the passphrase"  # ready to retype
    assert window.stack.currentWidget() is page
    assert window.workspace is None
    assert not page.progress.isVisible()
    assert sha256(db_path) == before


def test_right_passphrase_unlocks_and_shows_the_workspace(qtbot, make_window, keystore, db_path):
    window = make_window(db_path, keystore)

    type_and_unlock(qtbot, window)

    assert is_unlocked(window)
    assert window.workspace.isVisible()
    assert window.workspace.current_title() == "Today"
    assert window.state_label.text() == "Unlocked"
    assert window.unlock_page.passphrase.text() == ""
    assert keystore.recall(db_path) is None


def test_enter_in_the_passphrase_field_unlocks(qtbot, make_window, keystore, db_path):
    window = make_window(db_path, keystore)
    qtbot.keyClicks(window.unlock_page.passphrase, PASSPHRASE)
    qtbot.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    settle(qtbot)
    assert is_unlocked(window)


def test_unlocking_with_remember_ticked_keeps_the_passphrase(qtbot, make_window, keystore, db_path):
    window = make_window(db_path, keystore)
    window.unlock_page.remember.click()
    type_and_unlock(qtbot, window)
    assert keystore.recall(db_path) == PASSPHRASE


def test_remembered_key_is_used_automatically(qtbot, make_window, keystore, db_path):
    keystore.remember(db_path, PASSPHRASE)

    window = make_window(db_path, keystore)

    qtbot.waitUntil(lambda: is_unlocked(window))
    assert window.state_label.text() == "Unlocked"


def test_stale_remembered_key_says_so_not_wrong_passphrase(qtbot, make_window, keystore, db_path):
    keystore.remember(db_path, "an old passphrase that was changed")
    before = sha256(db_path)

    window = make_window(db_path, keystore)

    error = window.unlock_page.error
    qtbot.waitUntil(error.isVisible)
    assert error.text() == StaleRememberedKey(db_path).user_message()
    assert error.text() != WrongPassphrase(db_path).user_message()
    assert window.workspace is None
    assert sha256(db_path) == before

    # Typing the current passphrase with 'remember' ticked replaces the stale one.
    assert window.unlock_page.remember.isChecked()
    type_and_unlock(qtbot, window)
    assert is_unlocked(window)
    assert keystore.recall(db_path) == PASSPHRASE


def test_locked_keyring_gets_its_own_message(qtbot, make_window, keystore, memory_keyring, db_path):
    keystore.remember(db_path, PASSPHRASE)
    memory_keyring.locked = True

    window = make_window(db_path, keystore)

    error = window.unlock_page.error
    qtbot.waitUntil(error.isVisible)
    assert error.text() == LOCKED
    assert error.text() != WrongPassphrase(db_path).user_message()
    type_and_unlock(qtbot, window)
    assert is_unlocked(window)


def test_without_a_keyring_there_is_no_remember_checkbox_and_a_reason(
    make_window, no_keystore, db_path
):
    page = make_window(db_path, no_keystore).unlock_page
    assert not page.remember.isVisible()
    assert page.no_keyring.isVisible()
    assert page.no_keyring.text() == NOT_AVAILABLE


def test_a_second_window_on_the_same_database_is_told_it_is_already_open(
    qtbot, make_window, keystore, db_path
):
    first = make_window(db_path, keystore)
    type_and_unlock(qtbot, first)
    assert is_unlocked(first)

    second = make_window(db_path, keystore)
    type_and_unlock(qtbot, second)

    assert second.workspace is None
    assert second.unlock_page.error.text() == AlreadyOpen(db_path).user_message()


def test_newer_schema_shows_a_dialog_and_the_message(
    qtbot, make_window, keystore, db_path, monkeypatch
):
    from sqlalchemy import text

    vault = open_vault(db_path, PASSPHRASE)
    with vault.engine.begin() as con:
        con.execute(text("UPDATE alembic_version SET version_num='ffffffffffff'"))
    vault.close()
    shown: list[tuple[str, str]] = []

    def record(_parent, title, message, *args, **kwargs):
        shown.append((title, message))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "critical", record)
    window = make_window(db_path, keystore)

    type_and_unlock(qtbot, window)

    expected = NewerSchema(db_path).user_message()
    assert shown == [("A newer version of Coordinator is needed", expected)]
    assert window.unlock_page.error.text() == expected
    assert window.workspace is None


def test_wrong_passphrase_message_stays_when_nothing_is_remembered(
    qtbot, make_window, no_keystore, db_path
):
    """The automatic try of a remembered key must not wipe the message of a typed attempt."""
    window = make_window(db_path, no_keystore)
    page = window.unlock_page
    qtbot.keyClicks(page.passphrase, "not the passphrase")
    qtbot.mouseClick(page.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.wait(page._auto_try.interval() + 100)
    assert page.error.isVisible()
    assert "does not open" in page.error.text()
