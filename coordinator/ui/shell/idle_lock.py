"""When to lock by itself: after N idle minutes, when the app is suspended, when the
Windows session locks.

An event filter on the whole application restarts the idle timer on any key press or mouse
press, move or wheel, in any window of the app. QTimer does not count time the computer
spends asleep, so activity that comes after more wall-clock time than the idle limit locks
too (a laptop lid closed with the database open, then opened). The window does the locking.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication

ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class IdleLock(QObject):
    #: Time to lock; the argument says why: "idle", "suspended" or "session".
    lock_requested = Signal(str)

    #: Milliseconds in a "minute": tests shorten it.
    ms_per_minute = 60_000

    def __init__(self, parent: QObject | None = None, clock: Callable[[], float] = time.time):
        """`clock`: the wall clock in seconds (tests pass one they move on)."""
        super().__init__(parent)
        self._clock = clock
        self._minutes = 10
        self._armed = False
        self._last_activity = clock()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        # Coarse timers round long intervals; a precise one restarts exactly on activity.
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(lambda: self._request("idle"))
        app = QCoreApplication.instance()
        app.installEventFilter(self)
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._state_changed)
        self._session_filter = None

    @property
    def interval_ms(self) -> int:
        return self._minutes * self.ms_per_minute

    def set_minutes(self, minutes: int) -> None:
        self._minutes = max(1, int(minutes))
        self.timer.setInterval(self.interval_ms)
        if self._armed:
            self.timer.start()

    def start(self) -> None:
        """Count idle time from now (the database has just opened)."""
        self._armed = True
        self._last_activity = self._clock()
        self.timer.start(self.interval_ms)

    def stop(self) -> None:
        self._armed = False
        self.timer.stop()

    def watch_session(self, window) -> None:
        """On Windows, lock when the user locks the session (Win+L). Elsewhere nothing."""
        if sys.platform == "win32" and self._session_filter is None:
            from coordinator.ui.shell.session_lock_win import watch_session_lock

            self._session_filter = watch_session_lock(window, lambda: self._request("session"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if self._armed and event.type() in ACTIVITY:
            now = self._clock()
            if (now - self._last_activity) * 1000 >= self.interval_ms:
                self._request("idle")  # the computer slept through the idle limit
            else:
                self._last_activity = now
                self.timer.start(self.interval_ms)
        return False

    def _state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationSuspended:
            self._request("suspended")

    def _request(self, why: str) -> None:
        if not self._armed:
            return
        self._armed = False
        self.timer.stop()
        # Locking deletes widgets: never inside the event being delivered.
        QTimer.singleShot(0, self, lambda: self.lock_requested.emit(why))
