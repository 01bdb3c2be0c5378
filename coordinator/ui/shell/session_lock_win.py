"""Windows only: tell the app when the user locks the session (Win+L, lid, screen saver).

WTSRegisterSessionNotification asks Windows to send the window WM_WTSSESSION_CHANGE; a
native event filter passes WTS_SESSION_LOCK on. Untested outside Windows.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from ctypes import wintypes

from PySide6.QtCore import QAbstractNativeEventFilter, QCoreApplication, QTimer

WM_WTSSESSION_CHANGE = 0x02B1
WTS_SESSION_LOCK = 0x7
NOTIFY_FOR_THIS_SESSION = 0


class SessionLockFilter(QAbstractNativeEventFilter):
    def __init__(self, on_lock: Callable[[], None]):
        super().__init__()
        self._on_lock = on_lock

    def nativeEventFilter(self, event_type, message):  # noqa: N802 (Qt's name)
        if bytes(event_type) == b"windows_generic_MSG":
            msg = wintypes.MSG.from_address(int(message))
            if msg.message == WM_WTSSESSION_CHANGE and msg.wParam == WTS_SESSION_LOCK:
                QTimer.singleShot(0, self._on_lock)
        return False, 0


def watch_session_lock(window, on_lock: Callable[[], None]) -> SessionLockFilter | None:
    try:
        hwnd = wintypes.HWND(int(window.winId()))
        if not ctypes.windll.wtsapi32.WTSRegisterSessionNotification(hwnd, NOTIFY_FOR_THIS_SESSION):
            return None
    except (AttributeError, OSError):
        return None
    native_filter = SessionLockFilter(on_lock)
    QCoreApplication.instance().installNativeEventFilter(native_filter)
    return native_filter
