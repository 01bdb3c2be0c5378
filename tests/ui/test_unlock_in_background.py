"""Unlocking, creating and upgrading run off the GUI thread, with a line saying what is
happening; the window answers meanwhile."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

from PySide6.QtCore import Qt

from coordinator.storage import migrate
from coordinator.ui.kit.operations import ThreadRunner, use_runner
from tests.ui.helpers import STRONG, is_unlocked, settle

FIXTURES = Path(__file__).parent.parent / "fixtures"
FIXTURE_PASSPHRASE = (FIXTURES / "PASSPHRASE.txt").read_text().strip()


def test_while_unlocking_the_fields_wait_and_a_line_says_so(
    qtbot, make_window, keystore, db_path, held_runner
):
    held_runner.only = {"unlock"}
    window = make_window(db_path, keystore)
    page = window.unlock_page
    qtbot.keyClicks(page.passphrase, "pale-kettle-orbit-fern-42")
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)

    assert held_runner.names == ["unlock"]
    assert page.progress.text() == "Unlocking…"
    assert not page.passphrase.isEnabled() and not page.unlock_button.isEnabled()
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)  # a second Enter starts nothing
    assert held_runner.names == ["unlock"]
    assert not is_unlocked(window)

    held_runner.release()
    settle(qtbot)
    assert is_unlocked(window)
    assert not page.progress.isVisible()


def test_the_key_is_derived_on_a_worker_thread(qtbot, make_window, keystore, db_path, monkeypatch):
    from coordinator.ui.shell import controller as controller_module

    threads: list[bool] = []
    real = controller_module.open_vault

    def watched(*args, **kwargs):
        threads.append(threading.current_thread() is threading.main_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(controller_module, "open_vault", watched)
    use_runner(ThreadRunner())
    window = make_window(db_path, keystore)
    qtbot.keyClicks(window.unlock_page.passphrase, "pale-kettle-orbit-fern-42")
    qtbot.mouseClick(window.unlock_page.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: is_unlocked(window), timeout=10_000)
    settle(qtbot)
    assert threads == [False]


def test_an_upgrade_says_it_keeps_a_copy_then_upgrades(qtbot, make_window, keystore, tmp_path):
    oldest = sorted(FIXTURES.glob("schema-*.db"))[0]
    path = tmp_path / "charity.db"
    shutil.copy(oldest, path)
    window = make_window(path, keystore)
    page = window.unlock_page
    lines: list[str] = []
    page.stage.connect(lambda _stage: lines.append(page.progress.text()))
    qtbot.keyClicks(page.passphrase, FIXTURE_PASSPHRASE)
    qtbot.mouseClick(page.unlock_button, Qt.MouseButton.LeftButton)
    settle(qtbot)

    assert lines == [
        "Keeping a copy of the database before upgrading it to this version…",
        "Upgrading the database to this version of Coordinator…",
    ]
    assert is_unlocked(window)
    assert window.controller.vault.schema_revision() == migrate.head_revision()
    assert list(tmp_path.glob("charity.before-upgrade-*.db"))


def test_creating_a_database_waits_with_a_line_then_opens(
    qtbot, make_window, keystore, tmp_path, held_runner
):
    held_runner.only = {"create"}
    window = make_window(tmp_path / "new.db", keystore)
    page = window.create_page
    qtbot.keyClicks(page.passphrase, STRONG)
    qtbot.keyClicks(page.confirm, STRONG)
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)

    assert page.progress.text() == "Creating the encrypted database…"
    assert not page.create_button.isEnabled()
    held_runner.release()
    settle(qtbot)
    assert is_unlocked(window)
