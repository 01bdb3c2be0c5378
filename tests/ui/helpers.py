"""Shared steps for the UI tests: what a user does, spelled once."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import Qt

from tests.conftest import PASSPHRASE

STRONG = "copper lantern meadow violin 1987"
WEAK = "password1"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def type_and_unlock(qtbot, window, passphrase: str = PASSPHRASE) -> None:
    page = window.unlock_page
    assert window.stack.currentWidget() is page
    page.passphrase.clear()
    qtbot.keyClicks(page.passphrase, passphrase)
    qtbot.mouseClick(page.unlock_button, Qt.MouseButton.LeftButton)


__all__ = ["PASSPHRASE", "STRONG", "WEAK", "is_unlocked", "sha256", "type_and_unlock"]


def is_unlocked(window) -> bool:
    return window.workspace is not None and window.stack.currentWidget() is window.workspace
