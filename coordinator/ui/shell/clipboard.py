"""Clipboard hygiene: text the app put on the clipboard is cleared after 60 s, and on quit.

Only if it is still ours and unchanged: a later copy from another program is never touched.
On X11 the mouse selection is a second clipboard and is treated the same way. What was
copied is not kept, only a hash of it, to tell whether it has changed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QClipboard, QGuiApplication

CLEAR_AFTER_MS = 60_000
#: Platforms whose clipboard lives inside this process: whatever is on it is ours.
IN_PROCESS_PLATFORMS = ("offscreen", "minimal")

Mode = QClipboard.Mode


def _digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()


class ClipboardGuard(QObject):
    def __init__(
        self,
        clipboard: QClipboard | None = None,
        interval_ms: int = CLEAR_AFTER_MS,
        owns: Callable[[Mode], bool] | None = None,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.clipboard = clipboard or QGuiApplication.clipboard()
        self._owns = owns or self._platform_owns
        self.modes = [Mode.Clipboard]
        if self.clipboard.supportsSelection():
            self.modes.append(Mode.Selection)
        #: mode -> hash of the text we put there
        self._ours: dict[Mode, bytes] = {}
        self.timers: dict[Mode, QTimer] = {}
        for mode in self.modes:
            timer = QTimer(self)
            timer.setSingleShot(True)
            timer.setInterval(interval_ms)
            timer.timeout.connect(partial(self.clear_if_ours, mode))
            self.timers[mode] = timer
        # Bound methods, not lambdas: Qt disconnects them when this guard is deleted.
        self.clipboard.dataChanged.connect(self._clipboard_changed)
        self.clipboard.selectionChanged.connect(self._selection_changed)
        app = QGuiApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.clear_if_ours)

    def set_interval(self, ms: int) -> None:
        for timer in self.timers.values():
            timer.setInterval(ms)

    def _platform_owns(self, mode: Mode) -> bool:
        if QGuiApplication.platformName() in IN_PROCESS_PLATFORMS:
            return True
        if mode == Mode.Selection:
            return self.clipboard.ownsSelection()
        return self.clipboard.ownsClipboard()

    def _clipboard_changed(self) -> None:
        self._changed(Mode.Clipboard)

    def _selection_changed(self) -> None:
        self._changed(Mode.Selection)

    def _changed(self, mode: Mode) -> None:
        if mode not in self.timers:
            return
        text = self.clipboard.text(mode)
        if text and self._owns(mode):
            self._ours[mode] = _digest(text)
            self.timers[mode].start()
        else:
            self._ours.pop(mode, None)
            self.timers[mode].stop()

    def clear_if_ours(self, mode: Mode | None = None) -> None:
        """Clear what the app copied, if it is still there; every mode when None (quitting)."""
        for each in [mode] if mode is not None else self.modes:
            self.timers[each].stop()
            ours = self._ours.pop(each, None)
            if ours is None or not self._owns(each):
                continue
            if _digest(self.clipboard.text(each)) == ours:
                self.clipboard.clear(each)
