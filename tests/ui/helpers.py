"""Shared steps for the UI tests: what a user does, spelled once."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from tests.conftest import PASSPHRASE

STRONG = "copper lantern meadow violin 1987"
WEAK = "password1"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def type_and_unlock(qtbot, window, passphrase: str = PASSPHRASE) -> None:
    page = window.unlock_page
    assert window.stack.currentWidget() is page
    # A try with the passphrase remembered on this PC may have begun first (its timer fires
    # when the page shows); the typed passphrase goes in once that has ended.
    qtbot.waitUntil(lambda: not page.working, timeout=10_000)
    page.passphrase.clear()
    qtbot.keyClicks(page.passphrase, passphrase)
    qtbot.mouseClick(page.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.working, timeout=10_000)  # opened, or refused


def settle(qtbot, timeout: int = 10_000) -> None:
    """Wait until the work the last action started (unlocking, a backup, ...) has ended."""
    from coordinator.ui.kit.operations import operations

    qtbot.waitUntil(lambda: not operations().running(), timeout=timeout)


__all__ = [
    "PASSPHRASE",
    "STRONG",
    "WEAK",
    "click_when_shown",
    "go_to",
    "is_unlocked",
    "settle",
    "sha256",
    "type_and_unlock",
]


def is_unlocked(window) -> bool:
    return window.workspace is not None and window.stack.currentWidget() is window.workspace


def go_to(window, title: str) -> None:
    """Click a section in the workspace's navigation."""
    workspace = window.workspace
    workspace.show_section(workspace.section_titles().index(title))


def click_when_shown(box_getter, text: str) -> None:
    """Click the button labelled `text` in a modal box as soon as it is shown (exec'd)."""
    from PySide6.QtCore import QTimer

    def click() -> None:
        box = box_getter()
        if box is None or not box.isVisible():
            QTimer.singleShot(10, click)
            return
        [button] = [b for b in box.buttons() if b.text().replace("&", "") == text]
        button.click()

    QTimer.singleShot(0, click)


def open_settings_dialog(qtbot, vault, button_name: str, dialog_type: type) -> Any:
    """Show Settings > Records, click one of its buttons, and return the dialog."""
    from coordinator.ui.pages.settings import SettingsPage

    settings = SettingsPage(vault)
    qtbot.addWidget(settings)
    with qtbot.waitExposed(settings):
        settings.show()
    records = settings.show_section("records")
    qtbot.mouseClick(getattr(records, button_name), Qt.MouseButton.LeftButton)
    dialog = records.dialog
    assert isinstance(dialog, dialog_type)
    qtbot.waitExposed(dialog)
    return dialog


def place(widget, top) -> tuple[int, int]:
    """Where `widget` is within `top` (to check that controls stay put)."""
    from PySide6.QtCore import QPoint

    point = widget.mapTo(top, QPoint(0, 0))
    return point.x(), point.y()
