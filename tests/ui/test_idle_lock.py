"""Auto-lock: after the idle time, when the app is suspended; activity restarts the count."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QElapsedTimer, QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit

from coordinator.services import preferences
from coordinator.ui.shell.idle_lock import IdleLock
from tests.ui.helpers import go_to, is_unlocked, type_and_unlock

#: One "minute" of idle time lasts this many ms in these tests.
FAST_MINUTE_MS = 20


@pytest.fixture
def fast_minutes(monkeypatch):
    monkeypatch.setattr(IdleLock, "ms_per_minute", FAST_MINUTE_MS)


def test_the_window_locks_after_the_idle_time_and_keeps_unsaved_edits(
    qtbot, make_window, keystore, db_path, fast_minutes
):
    window = make_window(db_path, keystore)
    type_and_unlock(qtbot, window)
    assert window.idle_lock.interval_ms == 10 * FAST_MINUTE_MS  # the default, 10 minutes
    go_to(window, "Settings")
    window.workspace.page("settings").section("backups").keep.setValue(2)

    qtbot.waitUntil(lambda: not window.controller.is_open, timeout=5_000)

    assert window.workspace is None
    assert window.stack.currentWidget() is window.unlock_page
    assert window.statusBar().currentMessage() == "Locked after 10 minutes without use."
    type_and_unlock(qtbot, window)
    page = window.workspace.page("settings")
    assert window.workspace.current_page() is page
    backups = page.section("backups")
    assert page.current_section() is backups
    assert backups.keep.value() == 2 and backups.restored_note.isVisible()


def test_the_idle_time_comes_from_settings(qtbot, make_window, keystore, db_path, vault):
    preferences.set_auto_lock_minutes(vault, 3)
    vault.close()
    window = make_window(db_path, keystore)
    type_and_unlock(qtbot, window)
    assert window.idle_lock.interval_ms == 3 * IdleLock.ms_per_minute
    assert window.idle_lock.timer.isActive()


def test_key_and_mouse_activity_restart_the_idle_timer(qtbot, make_window, keystore, db_path):
    window = make_window(db_path, keystore)
    type_and_unlock(qtbot, window)
    timer = window.idle_lock.timer
    full = window.idle_lock.interval_ms

    def restarted_by(act) -> None:
        """After `act`, the timer has at least its full time less what `act` took: so it
        was started again during it (unrestarted, it would show 150 ms less still), however
        slowly the page it opens is built."""
        qtbot.waitUntil(lambda: timer.remainingTime() < full - 150)
        took = QElapsedTimer()
        took.start()
        act()
        qtbot.waitUntil(lambda: timer.remainingTime() >= full - took.elapsed() - 20)

    restarted_by(lambda: qtbot.keyClick(window.workspace.navigation, Qt.Key.Key_Down))

    def move() -> None:
        qtbot.mouseMove(window.workspace.navigation, QPoint(20, 20))
        qtbot.mouseMove(window.workspace.navigation, QPoint(40, 60))

    restarted_by(move)  # the moves arrive queued: waited for
    assert is_unlocked(window)


def test_activity_after_sleeping_past_the_idle_time_locks_at_once(qtbot):
    # The timer does not count time asleep; the wall clock does.
    now = [1_000_000.0]
    idle_lock = IdleLock(clock=lambda: now[0])
    idle_lock.set_minutes(10)
    field = QLineEdit()
    qtbot.addWidget(field)
    idle_lock.start()

    now[0] += 9 * 60  # awake, busy: a key press restarts the count
    qtbot.keyClick(field, Qt.Key.Key_A)
    now[0] += 9 * 60
    with qtbot.assertNotEmitted(idle_lock.lock_requested, wait=50):
        qtbot.keyClick(field, Qt.Key.Key_B)
    assert idle_lock.timer.isActive()

    now[0] += 11 * 60  # the lid closed, then opened: the first key press locks
    with qtbot.waitSignal(idle_lock.lock_requested) as locked:
        qtbot.keyClick(field, Qt.Key.Key_C)
    assert locked.args == ["idle"]
    assert not idle_lock.timer.isActive()
    idle_lock.stop()
    idle_lock.deleteLater()


def test_the_window_locks_when_the_app_is_suspended(qtbot, make_window, keystore, db_path):
    window = make_window(db_path, keystore)
    type_and_unlock(qtbot, window)

    QGuiApplication.instance().applicationStateChanged.emit(
        Qt.ApplicationState.ApplicationSuspended
    )

    qtbot.waitUntil(lambda: not window.controller.is_open)
    assert "went to sleep" in window.statusBar().currentMessage()


def test_a_running_backup_puts_the_idle_lock_off(
    qtbot, make_window, keystore, db_path, tmp_path, fast_minutes
):
    window = make_window(db_path, keystore)
    type_and_unlock(qtbot, window)
    window.backup_action.trigger()
    dialog = window.safekeeping.dialog
    dialog.file_edit.setText(str(tmp_path / "b.db"))
    with qtbot.waitSignal(dialog.task.finished, timeout=20_000):
        dialog.start()
        window.lock_by_itself("idle")  # as if the timer fired now
        assert window.controller.is_open
    assert (tmp_path / "b.db").exists()
    qtbot.waitUntil(lambda: not window.controller.is_open, timeout=5_000)  # then it locks
    assert not dialog.isVisible()  # and closes the dialog


def test_lock_asked_for_during_a_backup_waits_for_it_then_locks(
    qtbot, make_window, keystore, db_path, tmp_path, held_runner
):
    window = make_window(db_path, keystore)
    held_runner.only = {"backup"}
    type_and_unlock(qtbot, window)
    window.backup_action.trigger()
    dialog = window.safekeeping.dialog
    dialog.file_edit.setText(str(tmp_path / "b.db"))
    dialog.start()
    assert held_runner.names == ["backup"]
    window.lock_action.trigger()  # Ctrl+L while the backup is writing
    assert window.controller.is_open  # the database stays open under the backup
    assert "lock when" in window.statusBar().currentMessage()
    held_runner.release()
    qtbot.waitUntil(lambda: not window.controller.is_open, timeout=5_000)
    assert (tmp_path / "b.db").exists()
    assert window.stack.currentWidget() is window.unlock_page
