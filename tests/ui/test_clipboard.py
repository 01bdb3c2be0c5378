"""Clipboard hygiene: what the app copied is cleared after a while, and on quit."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QClipboard, QGuiApplication

from coordinator.ui.shell.clipboard import ClipboardGuard
from tests.ui.helpers import click_when_shown, go_to, type_and_unlock

Mode = QClipboard.Mode


@pytest.fixture
def clipboard():
    board = QGuiApplication.clipboard()
    board.clear()
    yield board
    board.clear()


def copy_from_a_field(qtbot, window, text: str) -> None:
    """What a user does: select text in a field of the app and copy it."""
    go_to(window, "Settings")
    field = window.workspace.page("settings").show_section("backups").folder
    field.setText(text)
    field.selectAll()
    field.copy()


def test_copied_text_is_cleared_after_the_interval(
    qtbot, make_window, keystore, db_path, clipboard
):
    window = make_window(db_path, keystore)
    type_and_unlock(qtbot, window)
    window.clipboard_guard.set_interval(100)

    copy_from_a_field(qtbot, window, "Flat 2, 14 Orchard Road")
    assert clipboard.text() == "Flat 2, 14 Orchard Road"

    qtbot.waitUntil(lambda: clipboard.text() == "", timeout=3_000)


def test_copied_text_is_cleared_on_quit(qtbot, make_window, keystore, db_path, clipboard):
    window = make_window(db_path, keystore)
    type_and_unlock(qtbot, window)
    copy_from_a_field(qtbot, window, "07700 900123")
    assert window.clipboard_guard.timers[Mode.Clipboard].interval() == 60_000

    click_when_shown(lambda: window.question, "Discard")  # the folder typed is not kept
    window.quit_action.trigger()

    qtbot.waitUntil(lambda: not window.isVisible())
    assert clipboard.text() == ""


def test_text_another_program_put_there_is_left_alone(qtbot, clipboard):
    ours = {"now": True}
    guard = ClipboardGuard(clipboard, interval_ms=50, owns=lambda _mode: ours["now"])
    clipboard.setText("copied in Coordinator")
    assert guard.timers[Mode.Clipboard].isActive()

    ours["now"] = False  # another program copies something
    clipboard.setText("copied in another program")
    assert not guard.timers[Mode.Clipboard].isActive()

    guard.clear_if_ours()
    assert clipboard.text() == "copied in another program"


def test_nothing_is_cleared_once_the_text_has_changed(qtbot, clipboard):
    guard = ClipboardGuard(clipboard, interval_ms=60_000, owns=lambda _mode: True)
    clipboard.setText("first")
    guard._changed = lambda _mode: None  # a change the guard did not see (e.g. X11 race)
    clipboard.setText("second")

    guard.clear_if_ours(Mode.Clipboard)

    assert clipboard.text() == "second"
