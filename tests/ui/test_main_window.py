"""The main window: locking, the title, the status bar, the workspace's sections."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from coordinator.ui.shell.workspace import Workspace
from tests.ui.helpers import PASSPHRASE, click_when_shown, is_unlocked, settle, type_and_unlock


def press(qtbot, window, key, modifier=Qt.KeyboardModifier.ControlModifier) -> None:
    if QApplication.activeWindow() is not window:
        with qtbot.waitActive(window):
            window.activateWindow()
    qtbot.keyClick(window, key, modifier)


def test_ctrl_l_locks_and_removes_the_workspace(qtbot, make_window, keystore, db_path):
    window = make_window(db_path, keystore)
    type_and_unlock(qtbot, window)
    assert is_unlocked(window)

    press(qtbot, window, Qt.Key.Key_L)

    qtbot.waitUntil(lambda: window.findChildren(Workspace) == [])
    assert window.workspace is None
    assert window.stack.currentWidget() is window.unlock_page
    assert window.unlock_page.passphrase.text() == ""
    assert window.state_label.text() == "Locked"
    assert not window.lock_action.isEnabled()
    assert window.controller.vault is None


def test_after_locking_the_database_can_be_opened_elsewhere(qtbot, make_window, keystore, db_path):
    from coordinator.storage.vault import open_vault

    window = make_window(db_path, keystore)
    type_and_unlock(qtbot, window)
    window.lock_action.trigger()

    open_vault(db_path, PASSPHRASE).close()  # the one-instance lock was released


def test_lock_does_not_reopen_with_the_remembered_key(qtbot, make_window, keystore, db_path):
    keystore.remember(db_path, PASSPHRASE)
    window = make_window(db_path, keystore)
    qtbot.waitUntil(lambda: is_unlocked(window))

    window.lock_action.trigger()
    qtbot.wait(50)

    page = window.unlock_page
    assert window.stack.currentWidget() is page
    assert page.remembered_button.isVisible()
    qtbot.mouseClick(page.remembered_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert is_unlocked(window)


def test_title_shows_only_the_file_name_and_status_bar_the_path(
    qtbot, make_window, keystore, db_path
):
    window = make_window(db_path, keystore)
    assert window.windowTitle() == f"Coordinator — {db_path.name}"
    assert window.path_label.text() == f"Database: {db_path}"
    type_and_unlock(qtbot, window)
    assert window.windowTitle() == f"Coordinator — {db_path.name}"


def test_sections_and_their_shortcuts(qtbot, make_window, keystore, db_path):
    window = make_window(db_path, keystore)
    type_and_unlock(qtbot, window)
    workspace = window.workspace
    assert workspace.section_titles() == [
        "Today",
        "Mothers",
        "Volunteers",
        "Matches",
        "Services",
        "Settings",
    ]  # no section for what is not built yet

    press(qtbot, window, Qt.Key.Key_4)
    assert workspace.current_title() == "Matches"
    page = workspace.current_page()
    assert page.title.text() == "Matches"
    assert page.new_button.text() == "Find a volunteer…"

    press(qtbot, window, Qt.Key.Key_6)
    assert workspace.current_title() == "Settings"

    press(qtbot, window, Qt.Key.Key_1)
    assert workspace.current_page() is workspace.page("today")


def test_every_button_on_the_lists_that_opens_a_dialog_says_so_with_an_ellipsis(
    qtbot, make_window, keystore, db_path
):
    from PySide6.QtWidgets import QPushButton

    window = make_window(db_path, keystore)
    type_and_unlock(qtbot, window)
    for name in ("mothers", "volunteers", "matches", "services"):
        page = window.workspace.page(name)
        assert page.new_button.text().endswith("…"), name
        for button in page.findChildren(QPushButton):
            if "Import" in button.text() or "Export" in button.text():
                assert button.text().endswith("…"), (name, button.text())


def test_closing_the_window_closes_the_database(qtbot, make_window, keystore, db_path):
    from coordinator.storage.vault import open_vault

    window = make_window(db_path, keystore)
    type_and_unlock(qtbot, window)
    window.close()

    assert window.controller.vault is None
    open_vault(db_path, PASSPHRASE).close()


def test_the_last_opened_database_is_remembered_in_settings(
    qtbot, make_window, keystore, db_path, ui_settings
):
    from coordinator.ui.app import starting_path

    window = make_window(db_path, keystore)
    type_and_unlock(qtbot, window)

    assert starting_path(ui_settings) == db_path
    window.close()
    assert not ui_settings.value("window/geometry").isEmpty()
    for key in ui_settings.allKeys():
        assert PASSPHRASE not in str(ui_settings.value(key))


def test_file_new_shows_the_create_page_for_the_chosen_file_and_closes_the_open_one(
    qtbot, make_window, keystore, db_path, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QFileDialog

    from coordinator.storage.vault import open_vault

    window = make_window(db_path, keystore)
    type_and_unlock(qtbot, window)
    chosen = tmp_path / "second"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(chosen), ""))

    click_when_shown(lambda: window.files.question, "Close it and go on")
    window.new_action.trigger()

    assert window.stack.currentWidget() is window.create_page
    assert window.create_page.path_label.toolTip() == str(chosen.with_suffix(".db"))
    assert window.windowTitle() == "Coordinator — second.db"
    assert window.state_label.text() == "Locked"
    qtbot.waitUntil(lambda: window.findChildren(Workspace) == [])
    open_vault(db_path, PASSPHRASE).close()  # the first database was closed


def test_file_new_asks_before_closing_the_open_database_and_cancel_keeps_it(
    qtbot, make_window, keystore, db_path, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QFileDialog

    window = make_window(db_path, keystore)
    type_and_unlock(qtbot, window)
    chosen = tmp_path / "second.db"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(chosen), ""))

    click_when_shown(lambda: window.files.question, "Cancel")
    window.new_action.trigger()

    assert "coordinator.db will be closed" in window.files.question.text()
    assert is_unlocked(window) and not chosen.exists()


def test_opening_a_spreadsheet_as_a_database_says_so_and_offers_its_import(
    qtbot, make_window, keystore, db_path, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QFileDialog

    sheet = tmp_path / "referrals.csv"
    sheet.write_text("Name,Postcode\nAmina Yusuf,LS6 1AA\n")
    window = make_window(db_path, keystore)
    type_and_unlock(qtbot, window)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(sheet), ""))

    click_when_shown(lambda: window.files.question, "Import it…")
    window.open_action.trigger()

    assert "referrals.csv is a spreadsheet, not a Coordinator database" in (
        window.files.question.text()
    )
    assert is_unlocked(window)  # the database stays open
    dialog = window.workspace.page("mothers").import_dialog
    assert dialog is not None and dialog.file.text() == str(sheet)
    dialog.reject()


def test_file_new_refuses_an_existing_file(qtbot, make_window, keystore, db_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    window = make_window(db_path, keystore)
    warned: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(db_path), ""))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warned.append(text))

    window.new_action.trigger()

    assert len(warned) == 1 and "already exists" in warned[0]
    assert window.stack.currentWidget() is window.unlock_page


def test_open_another_database_from_the_unlock_page(
    qtbot, make_window, keystore, db_path, tmp_path, monkeypatch
):
    import shutil

    from PySide6.QtWidgets import QFileDialog

    other = tmp_path / "other.db"
    shutil.copyfile(db_path, other)
    window = make_window(tmp_path / "missing.db", keystore)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other), ""))

    qtbot.mouseClick(window.create_page.open_link, Qt.MouseButton.LeftButton)

    assert window.stack.currentWidget() is window.unlock_page
    assert window.unlock_page.file_name.text() == "other.db"
    type_and_unlock(qtbot, window)
    assert is_unlocked(window)


def test_unlocking_checks_every_page_in_the_background(qtbot, make_window, keystore, db_path):
    window = make_window(db_path, keystore)
    with qtbot.waitSignal(window.controller.checked, timeout=10_000):
        type_and_unlock(qtbot, window)
    assert is_unlocked(window)
    assert "every page is sound" in window.statusBar().currentMessage()


def test_damage_found_after_unlocking_locks_and_says_so(
    qtbot, make_window, keystore, db_path, monkeypatch
):
    from coordinator.models import AuditAction
    from coordinator.services import audit
    from coordinator.storage.vault import open_vault

    shown = []
    monkeypatch.setattr(QMessageBox, "open", lambda box: shown.append(box.text()))
    # Fill pages that unlocking and the Today page never read (the audit trail), then
    # damage the last one: only the whole-file page check in the background can find it.
    with open_vault(db_path, PASSPHRASE) as vault, vault.transaction() as session:
        for n in range(300):
            audit.record(session, AuditAction.UPDATE, summary=f"filler {n} " + "x" * 200)
    data = bytearray(db_path.read_bytes())
    last_page = len(data) // 4096 - 1
    data[last_page * 4096 + 200 : last_page * 4096 + 216] = b"\xff" * 16
    db_path.write_bytes(bytes(data))

    window = make_window(db_path, keystore)
    type_and_unlock(qtbot, window)
    qtbot.waitUntil(lambda: not window.controller.is_open, timeout=10_000)
    assert window.stack.currentWidget() is window.unlock_page
    assert "damaged" in window.unlock_page.error.text()
    assert shown and "Restore your most recent backup" in shown[0]


def test_first_run_window_fits_a_small_laptop_screen_and_is_roomy_on_a_large_one():
    from PySide6.QtCore import QSize

    from coordinator.ui.shell.main_window import MINIMUM_SIZE, first_run_size

    laptop = first_run_size(QSize(1366, 728))  # 1366x768 less a 40-pixel taskbar
    assert laptop.width() <= 1366 and laptop.height() <= 728
    assert laptop.width() >= 1300  # every Mothers column shows without scrolling sideways
    large = first_run_size(QSize(2560, 1400))
    assert (large.width(), large.height()) == (1360, 860)
    tiny = first_run_size(QSize(640, 480))
    assert (tiny.width(), tiny.height()) == MINIMUM_SIZE
