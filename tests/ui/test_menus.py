"""The menus and keys: File, Edit, View, Help; Ctrl+N and Ctrl+F on the list shown; quitting
with unsaved settings asks first."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from shiboken6 import isValid

from coordinator.licences import POSTCODE_ATTRIBUTION
from coordinator.services import preferences
from tests.ui.helpers import click_when_shown, go_to, type_and_unlock


def press(qtbot, window, key, modifiers=Qt.KeyboardModifier.ControlModifier) -> None:
    if QApplication.activeWindow() is not window:
        with qtbot.waitActive(window):
            window.activateWindow()
    qtbot.keyClick(window, key, modifiers)


def menu_items(window) -> dict[str, list[tuple[str, str]]]:
    """Each menu's items: (text without mnemonics, shortcut as shown)."""
    found = {}
    for menu_action in window.menuBar().actions():
        items = [
            (a.text().replace("&", ""), a.shortcut().toString())
            for a in menu_action.menu().actions()
            if not a.isSeparator()
        ]
        found[menu_action.text().replace("&", "")] = items
    return found


def test_the_menus_list_every_action_with_its_shortcut(qtbot, make_window, keystore, db_path):
    window = make_window(db_path, keystore)
    menus = menu_items(window)
    assert list(menus) == ["File", "Edit", "View", "Help"]
    assert ("New database…", "Ctrl+Shift+N") in menus["File"]
    assert ("Open database…", "Ctrl+O") in menus["File"]
    assert ("Back up now…", "Ctrl+B") in menus["File"]
    assert ("Lock", "Ctrl+L") in menus["File"]
    assert menus["Edit"] == [("New record…", "Ctrl+N"), ("Find…", "Ctrl+F")]
    assert menus["View"][:3] == [
        ("Today", "Ctrl+1"),
        ("Mothers", "Ctrl+2"),
        ("Volunteers", "Ctrl+3"),
    ]
    assert menus["Help"] == [("About Coordinator…", "")]
    assert not window.lock_action.isEnabled()  # locked: nothing to lock


def test_ctrl_n_makes_a_new_record_on_the_list_shown_and_only_there(
    qtbot, make_window, keystore, db_path
):
    window = make_window(db_path, keystore)
    type_and_unlock(qtbot, window)
    assert not window.new_record_action.isEnabled()  # Today has no records to add

    press(qtbot, window, Qt.Key.Key_3)  # Volunteers
    assert window.section_actions[2].isChecked()
    assert window.new_record_action.isEnabled()
    press(qtbot, window, Qt.Key.Key_N)
    page = window.workspace.page("volunteers")
    assert page.dialog is not None and page.dialog.record_id is None
    page.dialog.reject()


def test_ctrl_f_puts_the_cursor_in_the_search_box(qtbot, make_window, keystore, db_path):
    window = make_window(db_path, keystore)
    type_and_unlock(qtbot, window)
    go_to(window, "Mothers")
    page = window.workspace.page("mothers")
    page.table.setFocus()
    press(qtbot, window, Qt.Key.Key_F)
    assert page.search.hasFocus()
    assert "Ctrl+F" in page.search.toolTip()


def test_the_keyboard_in_the_sections_list_can_be_seen(qtbot, make_window, keystore, db_path):
    window = make_window(db_path, keystore)
    type_and_unlock(qtbot, window)
    navigation = window.workspace.navigation
    window.workspace.current_page().setFocus()
    elsewhere = navigation.grab().toImage()
    navigation.setFocus(Qt.FocusReason.TabFocusReason)
    assert navigation.hasFocus()
    assert navigation.grab().toImage() != elsewhere  # the chosen section is framed


def test_about_shows_the_version_the_licences_and_the_postcode_attribution(
    qtbot, make_window, keystore, db_path
):
    from coordinator import __version__
    from coordinator.ui.dialogs.about_dialog import AboutDialog

    window = make_window(db_path, keystore)
    window.about_action.trigger()
    [dialog] = [d for d in window.findChildren(AboutDialog) if d.isVisible()]
    assert dialog.version.text() == f"Version {__version__}"
    assert dialog.attribution.text() == POSTCODE_ATTRIBUTION
    assert "Crown copyright" in POSTCODE_ATTRIBUTION and "Open Government Licence" in (
        POSTCODE_ATTRIBUTION
    )
    table = dialog.components.toPlainText()
    assert "SQLCipher" in table and "LGPL-3.0" in table
    dialog.reject()


def test_quitting_with_unsaved_settings_asks_and_saves_them(qtbot, make_window, keystore, db_path):
    window = make_window(db_path, keystore)
    type_and_unlock(qtbot, window)
    go_to(window, "Settings")
    page = window.workspace.page("settings")
    vault = window.controller.vault
    page.section("security").auto_lock.setValue(17)
    go_to(window, "Mothers")

    click_when_shown(lambda: window.question, "Save")
    window.quit_action.trigger()

    assert "Some settings were changed and not saved" in window.question.text()
    qtbot.waitUntil(lambda: not window.isVisible())
    from coordinator.storage.vault import open_vault
    from tests.conftest import PASSPHRASE

    with open_vault(db_path, PASSPHRASE) as reopened:
        assert preferences.auto_lock_minutes(reopened) == 17
    assert vault is not None


def test_keep_editing_leaves_the_window_open_on_the_settings(qtbot, make_window, keystore, db_path):
    window = make_window(db_path, keystore)
    type_and_unlock(qtbot, window)
    go_to(window, "Settings")
    window.workspace.page("settings").section("security").auto_lock.setValue(17)
    go_to(window, "Today")

    click_when_shown(lambda: window.question, "Keep editing")
    window.quit_action.trigger()
    qtbot.waitUntil(
        lambda: window.question is not None and not isValid(window.question)
    )  # answered

    assert window.isVisible()
    assert window.workspace.current_title() == "Settings"
    window.workspace.page("settings").discard_unsaved()
