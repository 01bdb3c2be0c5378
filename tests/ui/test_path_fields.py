"""Every path box in the app checks what is typed as it is typed and never raises: "E:",
"E:\\", "/", "", a very long path, a NUL byte, a drive that is not there all give words
beside the box, and the main action stays off until the path can be used."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coordinator.ui.dialogs.backup_dialog import BackupDialog
from coordinator.ui.pages.settings import SettingsPage
from tests.ui.helpers import type_and_unlock
from tests.unit.test_typed_paths import AWKWARD

TYPED = st.one_of(
    st.sampled_from(AWKWARD),
    st.text(max_size=120),
    st.lists(st.sampled_from(["/", "\\", "E:", "..", ".", "~", "\x00", "a", "é", " "])).map(
        "".join
    ),
)
FUZZ = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def backup_dialog(qtbot, vault):
    dialog = BackupDialog(vault)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


@FUZZ
@given(text=TYPED)
def test_the_backup_file_box_never_raises(backup_dialog, text):
    backup_dialog.file_edit.setText(text)
    if backup_dialog.start_button.isEnabled():
        assert backup_dialog.target() is not None
    else:
        assert backup_dialog.file_message.text().strip()


@pytest.mark.parametrize("text", ["E:", "E:\\", "/", "", "a" * 5000, "/tmp/a\x00b.db", "Q:\\b.db"])
def test_awkward_backup_paths_are_explained(backup_dialog, qtbot, text):
    backup_dialog.file_edit.clear()
    if text.isprintable():
        qtbot.keyClicks(backup_dialog.file_edit, text)  # character by character, as typed
    else:
        backup_dialog.file_edit.insert(text)  # as pasted (a NUL cannot be typed)
    assert not backup_dialog.start_button.isEnabled()
    assert backup_dialog.file_message.text()
    assert "wrong" not in backup_dialog.file_message.text()


def test_typing_the_path_of_a_usb_stick_one_key_at_a_time(backup_dialog, qtbot, tmp_path):
    stick = tmp_path / "media" / "usb"
    stick.mkdir(parents=True)
    backup_dialog.file_edit.clear()
    qtbot.keyClicks(backup_dialog.file_edit, f"{stick}/backup.db")
    assert backup_dialog.start_button.isEnabled()
    assert backup_dialog.target() == stick / "backup.db"


def test_the_message_keeps_its_room_so_the_buttons_stay_put(backup_dialog, qtbot, tmp_path):
    backup_dialog.file_edit.setText(str(tmp_path / "b.db"))
    qtbot.wait(10)
    where = backup_dialog.own_passphrase.mapTo(backup_dialog, backup_dialog.own_passphrase.pos())
    backup_dialog.file_edit.setText(str(tmp_path / "no such folder" / "b.db"))
    qtbot.wait(10)
    assert backup_dialog.file_message.text()
    moved = backup_dialog.own_passphrase.mapTo(backup_dialog, backup_dialog.own_passphrase.pos())
    assert moved == where


@pytest.fixture
def restore_dialog(qtbot, make_window, keystore, db_path):
    window = make_window(db_path, keystore)
    type_and_unlock(qtbot, window)
    window.restore_action.trigger()
    dialog = window.safekeeping.dialog
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.passphrase, "anything")
    return dialog


@FUZZ
@given(text=TYPED)
def test_the_restore_file_box_never_raises(restore_dialog, text):
    restore_dialog.file_edit.setText(text)
    assert not restore_dialog.start_button.isEnabled()  # none of these is a backup there
    if text.strip():
        assert restore_dialog.file_message.text().strip()


def test_the_database_itself_is_not_offered_as_its_own_backup(restore_dialog, db_path):
    restore_dialog.file_edit.setText(str(db_path))
    assert not restore_dialog.start_button.isEnabled()
    assert "database itself" in restore_dialog.file_message.text()


@pytest.fixture
def backups_section(qtbot, vault):
    page = SettingsPage(vault)
    qtbot.addWidget(page)
    page.show()
    return page.show_section("backups")


@FUZZ
@given(text=TYPED)
def test_the_backup_folder_box_never_raises(backups_section, text):
    backups_section.folder.setText(text)
    if text.strip() and not backups_section.save_button.isEnabled():
        assert backups_section.folder_message.text().strip()


def test_a_file_is_not_taken_for_the_backup_folder(backups_section, tmp_path):
    (tmp_path / "notes.txt").write_text("x")
    backups_section.folder.setText(str(tmp_path / "notes.txt"))
    assert "not a folder" in backups_section.folder_message.text()
    assert not backups_section.save_button.isEnabled()
