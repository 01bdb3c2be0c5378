"""First run: the create page checks the passphrase, then creates an encrypted database."""

from __future__ import annotations

from PySide6.QtCore import Qt

from coordinator.services.changes import Kind
from coordinator.storage.keystore import NOT_AVAILABLE
from tests.ui.helpers import STRONG, WEAK, is_unlocked, place, settle


def fill(qtbot, page, passphrase: str, again: str) -> None:
    qtbot.keyClicks(page.passphrase, passphrase)
    qtbot.keyClicks(page.confirm, again)


def test_first_run_on_a_missing_path_shows_the_create_page(make_window, keystore, tmp_path):
    path = tmp_path / "new.db"
    window = make_window(path, keystore)

    page = window.create_page
    assert window.stack.currentWidget() is page
    assert page.title.text() == "Create your encrypted database"
    assert str(path) in page.path_label.toolTip()
    assert not page.create_button.isEnabled()
    assert window.state_label.text() == "Locked"
    assert not window.lock_action.isEnabled()
    assert not path.exists()


def test_mismatched_passphrases_show_a_message_and_keep_create_disabled(
    qtbot, make_window, keystore, tmp_path
):
    page = make_window(tmp_path / "new.db", keystore).create_page

    fill(qtbot, page, STRONG, STRONG + "x")

    assert page.mismatch.isVisible()
    assert page.mismatch.text() == "The two passphrases are not the same."
    assert not page.create_button.isEnabled()

    qtbot.keyClick(page.confirm, Qt.Key.Key_Backspace)
    assert not page.mismatch.isVisible()
    assert page.create_button.isEnabled()


def test_strength_meter_follows_typing(qtbot, make_window, keystore, tmp_path):
    page = make_window(tmp_path / "new.db", keystore).create_page

    qtbot.keyClicks(page.passphrase, WEAK)
    weak_score = page.meter.bar.value()
    assert page.meter.verdict.text() in ("Very weak", "Weak")
    assert page.meter.advice.isVisible()

    page.passphrase.clear()
    qtbot.keyClicks(page.passphrase, STRONG)
    assert page.meter.bar.value() > weak_score
    assert page.meter.verdict.text() in ("Strong", "Very strong")


def test_weak_passphrase_requires_ticking_the_acknowledgement(
    qtbot, make_window, keystore, tmp_path
):
    page = make_window(tmp_path / "new.db", keystore).create_page

    fill(qtbot, page, WEAK, WEAK)

    assert page.weak_warning.isVisible()
    assert page.weak_ok.isVisible()
    assert page.weak_ok.text() == "I understand this passphrase is weak"
    assert not page.create_button.isEnabled()

    page.weak_ok.click()
    assert page.create_button.isEnabled()

    # Changing the passphrase asks for the acknowledgement again.
    qtbot.keyClicks(page.passphrase, "2")
    assert not page.weak_ok.isChecked()
    assert not page.create_button.isEnabled()


def test_strong_passphrase_needs_no_acknowledgement(qtbot, make_window, keystore, tmp_path):
    page = make_window(tmp_path / "new.db", keystore).create_page
    fill(qtbot, page, STRONG, STRONG)
    assert not page.weak_ok.isVisible()
    assert page.create_button.isEnabled()


def test_creating_a_database_shows_the_workspace_with_todays_counts(
    qtbot, make_window, keystore, tmp_path
):
    path = tmp_path / "charity.db"
    window = make_window(path, keystore)
    page = window.create_page
    fill(qtbot, page, STRONG, STRONG)

    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    settle(qtbot)

    assert is_unlocked(window)
    today = window.workspace.page("today")
    assert today.isVisible()
    assert today.count_labels, "the Today page shows record counts"
    assert today.count_labels[Kind.MOTHER].text() == "0"
    assert window.state_label.text() == "Unlocked"
    assert window.lock_action.isEnabled()
    assert window.windowTitle() == "Coordinator — charity.db"
    assert path.exists()
    assert not path.read_bytes().startswith(b"SQLite format 3")
    assert page.passphrase.text() == "" and page.confirm.text() == ""
    assert keystore.recall(path) is None  # not asked to remember


def test_remember_on_create_keeps_the_passphrase_in_the_keyring(
    qtbot, make_window, keystore, tmp_path
):
    path = tmp_path / "charity.db"
    page = make_window(path, keystore).create_page
    assert page.remember.isVisible()
    fill(qtbot, page, STRONG, STRONG)
    page.remember.click()

    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)

    assert keystore.recall(path) == STRONG


def test_remember_checkbox_is_hidden_without_a_keyring_and_the_reason_is_shown(
    make_window, no_keystore, tmp_path
):
    page = make_window(tmp_path / "new.db", no_keystore).create_page

    assert not page.remember.isVisible()
    assert page.no_keyring.isVisible()
    assert page.no_keyring.text() == NOT_AVAILABLE


def test_recovery_warning_is_shown(make_window, keystore, tmp_path):
    page = make_window(tmp_path / "new.db", keystore).create_page
    assert page.recovery_note.isVisible()
    assert "Nothing can recover a forgotten passphrase" in page.recovery_note.text()


def test_the_fields_stay_put_while_she_types(qtbot, make_window, keystore, tmp_path):
    """The meter's advice, the weak warning and the mismatch message appear below the
    fields, and the page does not re-centre around them."""
    window = make_window(tmp_path / "new.db", keystore)
    page = window.create_page
    where = [place(page.passphrase, window), place(page.confirm, window)]
    qtbot.keyClicks(page.passphrase, WEAK)
    assert page.fields.weak_ok.isVisible()
    assert [place(page.passphrase, window), place(page.confirm, window)] == where
    qtbot.keyClicks(page.confirm, WEAK + "x")
    assert page.fields.mismatch.isVisible()
    assert [place(page.passphrase, window), place(page.confirm, window)] == where
