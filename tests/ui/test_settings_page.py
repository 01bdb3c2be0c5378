"""Settings: a list of sections, each saving its own values through the services, kept
across a lock; unsaved edits in any section kept as the page's draft."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from coordinator.services import backups, drafts, preferences
from coordinator.services.changes import Kind
from coordinator.ui.kit.operations import operations
from coordinator.ui.pages.settings import SettingsPage
from coordinator.ui.pages.settings.section import section_specs
from tests.ui.helpers import go_to, is_unlocked, type_and_unlock


def settings_page(qtbot, window) -> SettingsPage:
    go_to(window, "Settings")
    return window.workspace.page("settings")


def shown_page(qtbot, vault) -> SettingsPage:
    page = SettingsPage(vault)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    with qtbot.waitExposed(page):
        page.show()
    return page


def ctrl_l(qtbot, window) -> None:
    if QApplication.activeWindow() is not window:
        with qtbot.waitActive(window):
            window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)


def list_texts(page: SettingsPage) -> list[str]:
    return [page.list.item(row).text() for row in range(page.list.count())]


def test_the_sections_are_listed_in_order_and_the_first_is_shown(qtbot, vault):
    page = shown_page(qtbot, vault)
    assert page.title.text() == "Settings"
    assert list_texts(page) == [
        "Security",
        "Backups",
        "Records",
        "Volunteers",
        "Ending checklists",
        "Letters",
    ]
    assert [spec.key for spec in section_specs()] == [
        "security",
        "backups",
        "records",
        "volunteers",
        "checklists",
        "letters",
    ]
    security = page.current_section()
    assert security.title.text() == "Security" and security.auto_lock.isVisible()
    assert page.built_sections() == [security]  # the others are built when first shown


def test_the_keyboard_goes_from_section_to_section(qtbot, vault):
    page = shown_page(qtbot, vault)
    page.list.setFocus()
    qtbot.keyClick(page.list, Qt.Key.Key_Down)
    assert page.current_section() is page.section("backups")
    assert page.section("backups").folder.isVisible()

    field = page.section("backups").folder
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert page.current_section() is page.section("records")
    qtbot.keyClick(
        page.section("records").audit_button, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier
    )
    qtbot.keyClick(
        page.section("backups").keep, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier
    )
    assert page.current_section() is page.section("security")
    assert page.list.currentItem().text() == "Security"


def test_settings_show_the_defaults_and_save_is_enabled_only_when_changed(
    qtbot, make_window, keystore, db_path
):
    window = make_window(db_path, keystore)
    type_and_unlock(qtbot, window)
    page = settings_page(qtbot, window)
    security, backups_section = page.section("security"), page.show_section("backups")

    assert security.auto_lock.value() == 10 and security.auto_lock.suffix() == " minutes"
    assert backups_section.keep.value() == 10 and backups_section.keep.suffix() == " backups"
    assert backups_section.folder.text() == "" and backups_section.on_close.isChecked()
    assert backups_section.backup_line.text() == "None yet"
    assert not backups_section.save_button.isEnabled()
    assert "off until a folder is chosen" in backups_section.folder_message.text()

    security.auto_lock.setValue(1)
    assert security.auto_lock.suffix() == " minute"
    assert security.save_button.isEnabled() and security.discard_button.isEnabled()
    assert not backups_section.save_button.isEnabled()  # each section saves its own
    security.auto_lock.setValue(10)
    assert not security.save_button.isEnabled()

    backups_section.folder.setText("relative/folder")
    assert "full path" in backups_section.folder_message.text()
    assert not backups_section.save_button.isEnabled()
    assert backups_section.discard_button.isEnabled()


def test_saved_settings_survive_lock_and_unlock(qtbot, make_window, keystore, db_path, tmp_path):
    window = make_window(db_path, keystore)
    type_and_unlock(qtbot, window)
    page = settings_page(qtbot, window)
    folder = tmp_path / "backups"
    folder.mkdir()
    changed: list[frozenset] = []
    operations().changed.connect(changed.append)

    security = page.section("security")
    security.auto_lock.setValue(25)
    qtbot.mouseClick(security.save_button, Qt.MouseButton.LeftButton)
    assert security.message.text() == "Saved."
    assert changed[-1] == {Kind.SETTING}
    backups_section = page.show_section("backups")
    qtbot.keyClicks(backups_section.folder, str(folder))
    backups_section.keep.setValue(3)
    backups_section.on_close.click()
    qtbot.keyClick(backups_section.folder, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    assert backups_section.message.text() == "Saved."
    assert changed[-1] == {Kind.SETTING, Kind.BACKUP}
    assert not backups_section.save_button.isEnabled()
    assert window.idle_lock.interval_ms == 25 * window.idle_lock.ms_per_minute
    vault = window.controller.vault
    assert preferences.auto_lock_minutes(vault) == 25
    status = backups.status(vault)
    assert (status.folder, status.keep, status.on_close) == (str(folder), 3, False)
    assert not page.has_unsaved()

    ctrl_l(qtbot, window)
    type_and_unlock(qtbot, window)

    page = window.workspace.page("settings")
    assert window.workspace.current_title() == "Settings"
    assert page.section("security").auto_lock.value() == 25
    backups_section = page.section("backups")
    assert (backups_section.folder.text(), backups_section.keep.value()) == (str(folder), 3)
    assert not backups_section.on_close.isChecked()
    assert not backups_section.restored_note.isVisible()  # nothing unsaved to restore


def test_unsaved_changes_are_marked_in_the_list_and_kept_when_switching(qtbot, vault):
    page = shown_page(qtbot, vault)
    assert not page.has_unsaved()
    page.section("security").auto_lock.setValue(5)
    page.show_section("backups").keep.setValue(4)

    assert list_texts(page) == [
        "Security  •",
        "Backups  •",
        "Records",
        "Volunteers",
        "Ending checklists",
        "Letters",
    ]
    assert page.list.item(0).toolTip() == "Security: unsaved changes"
    assert page.has_unsaved() and page.unsaved_titles() == ["Security", "Backups"]
    page.show_section("security")
    assert page.current_section().auto_lock.value() == 5  # still there

    qtbot.mouseClick(page.section("security").discard_button, Qt.MouseButton.LeftButton)
    assert page.section("security").auto_lock.value() == 10
    assert list_texts(page) == [
        "Security",
        "Backups  •",
        "Records",
        "Volunteers",
        "Ending checklists",
        "Letters",
    ]
    assert page.unsaved_titles() == ["Backups"]


def test_a_save_that_fails_says_so_and_keeps_the_edit(qtbot, vault, monkeypatch):
    page = shown_page(qtbot, vault)
    security = page.section("security")
    security.auto_lock.setValue(30)

    def full_disk(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(preferences, "set_auto_lock_minutes", full_disk)
    qtbot.mouseClick(security.save_button, Qt.MouseButton.LeftButton)

    assert "No space left on device" in security.message.text()
    assert security.message.text().endswith("Nothing was saved.")
    assert security.auto_lock.value() == 30 and security.save_button.isEnabled()
    assert page.has_unsaved()


def test_unsaved_settings_are_offered_back_after_ctrl_l(qtbot, make_window, keystore, db_path):
    window = make_window(db_path, keystore)
    type_and_unlock(qtbot, window)
    page = settings_page(qtbot, window)
    page.section("security").auto_lock.setValue(7)
    qtbot.keyClicks(page.show_section("backups").folder, "/media/usb/backups")
    go_to(window, "Volunteers")  # the draft is found wherever the user was

    ctrl_l(qtbot, window)
    assert window.workspace is None
    type_and_unlock(qtbot, window)

    assert is_unlocked(window)
    page = window.workspace.page("settings")
    assert window.workspace.current_page() is page
    security, backups_section = page.section("security"), page.section("backups")
    assert page.current_section() is security  # the first section that was restored
    for section in (security, backups_section):
        assert section.restored_note.text().startswith("Restored unsaved changes from before")
        assert section.save_button.isEnabled()
    assert security.restored_note.isVisible()
    assert security.auto_lock.value() == 7
    assert backups_section.folder.text() == "/media/usb/backups"
    assert list_texts(page) == [
        "Security  •",
        "Backups  •",
        "Records",
        "Volunteers",
        "Ending checklists",
        "Letters",
    ]
    vault = window.controller.vault
    assert drafts.pending(vault) == []  # applied, so deleted
    assert preferences.auto_lock_minutes(vault) == 10  # not saved until the user says so

    qtbot.mouseClick(security.discard_button, Qt.MouseButton.LeftButton)
    assert security.auto_lock.value() == 10
    assert not security.restored_note.isVisible()
    assert backups_section.folder.text() == "/media/usb/backups"  # only that section's


def test_a_draft_kept_by_the_previous_version_is_offered_back(qtbot, vault):
    # Before Settings had sections its draft was one flat set of values.
    drafts.save(
        vault,
        "settings",
        None,
        {
            "auto_lock_minutes": 15,
            "backup_folder": "/media/usb",
            "backup_keep": 10,
            "backup_on_close": True,
        },
    )
    page = shown_page(qtbot, vault)
    [pending] = drafts.pending(vault)
    page.apply_draft(drafts.load(vault, pending.id))

    assert page.section("security").auto_lock.value() == 15
    assert page.section("backups").folder.text() == "/media/usb"
    assert page.unsaved_titles() == ["Security", "Backups"]


def test_the_draft_holds_only_the_sections_with_unsaved_changes(qtbot, vault):
    page = shown_page(qtbot, vault)
    assert page.draft_state() is None
    page.show_section("backups").keep.setValue(12)
    assert page.draft_state() == {
        "backups": {"backup_folder": "", "backup_keep": 12, "backup_on_close": True}
    }


def test_unlocking_returns_to_the_page_the_user_was_on(qtbot, make_window, keystore, db_path):
    window = make_window(db_path, keystore)
    type_and_unlock(qtbot, window)
    go_to(window, "Services")

    ctrl_l(qtbot, window)
    type_and_unlock(qtbot, window)

    assert window.workspace.current_title() == "Services"
    assert window.workspace.current_page().title.text() == "Local services"


def test_the_dbs_renewal_policy_is_three_years_and_saves(qtbot, vault):
    page = shown_page(qtbot, vault)
    section = page.show_section("volunteers")
    assert section.renewal.value() == 3 and section.renewal.suffix() == " years after issue"
    section.renewal.setValue(1)
    assert section.renewal.suffix() == " year after issue"
    assert section.save_button.isEnabled()
    section.save_button.click()
    assert preferences.dbs_renewal_years(vault) == 1
    assert not section.save_button.isEnabled()
