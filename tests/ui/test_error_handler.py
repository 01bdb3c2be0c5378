"""An error nobody caught becomes a plain message; a vanished drive also locks."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from coordinator.storage.errors import DatabaseGone, DiskFull
from coordinator.ui.shell.error_handler import ErrorHandler
from tests.ui.helpers import is_unlocked, type_and_unlock


def _handler(window, monkeypatch):
    opened = []
    monkeypatch.setattr(QMessageBox, "open", lambda box: opened.append(box.text()))
    return ErrorHandler(window, window.lock), opened


def test_disk_full_is_shown_in_plain_words_and_the_window_stays_open(
    qtbot, make_window, keystore, db_path, monkeypatch
):
    window = make_window(db_path, keystore)
    type_and_unlock(qtbot, window)
    handler, opened = _handler(window, monkeypatch)
    handler.handle(DiskFull, DiskFull(db_path), None)
    qtbot.waitUntil(lambda: bool(opened))
    assert opened[0] == DiskFull(db_path).user_message()
    assert is_unlocked(window)


def test_database_gone_locks_the_window(qtbot, make_window, keystore, db_path, monkeypatch):
    window = make_window(db_path, keystore)
    type_and_unlock(qtbot, window)
    handler, opened = _handler(window, monkeypatch)
    handler.handle(DatabaseGone, DatabaseGone(db_path), None)
    qtbot.waitUntil(lambda: bool(opened))
    assert not window.controller.is_open


def test_an_unexpected_error_never_shows_its_text(
    qtbot, make_window, keystore, db_path, monkeypatch
):
    window = make_window(db_path, keystore)
    handler, opened = _handler(window, monkeypatch)
    err = ValueError("Amara Okafor, 12 Elm Road")
    handler.handle(ValueError, err, None)
    qtbot.waitUntil(lambda: bool(opened))
    assert "ValueError" in opened[0]
    assert "Amara" not in opened[0]
