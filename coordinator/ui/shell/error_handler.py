"""The last line of defence: an error nobody caught becomes a calm message, not a crash.

Storage faults (disk full, read-only, the drive gone) carry their own plain message; a drive
or file that went away also locks the window, since nothing more can be saved there. Any
other error shows a short apology naming only the error's type: its text may hold a record.
"""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from coordinator.storage.errors import DatabaseGone, FolderGone, VaultError

log = logging.getLogger(__name__)


class ErrorHandler(QObject):
    """Installed as sys.excepthook while the window lives; reports on the GUI thread."""

    #: (title, message, lock the window?)
    report = Signal(str, str, bool)

    def __init__(self, window: QWidget, lock) -> None:
        super().__init__(window)
        self._window = window
        self._lock = lock
        self._previous = sys.excepthook
        self.report.connect(self._show)

    def install(self) -> None:
        sys.excepthook = self.handle

    def uninstall(self) -> None:
        if sys.excepthook == self.handle:
            sys.excepthook = self._previous

    def handle(
        self, kind: type[BaseException], err: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._previous(kind, err, tb)
            return
        frames = "".join(traceback.format_tb(tb)) if tb else ""
        log.error("unhandled %s\n%s", kind.__name__, frames)  # frames only: no message text
        if isinstance(err, VaultError):
            gone = isinstance(err, DatabaseGone | FolderGone)
            self.report.emit(self.tr("Coordinator could not save"), err.user_message(), gone)
        else:
            self.report.emit(
                self.tr("Something went wrong"),
                self.tr(
                    "Coordinator met an unexpected problem ({kind}) and did not finish what "
                    "you asked. Your saved records are safe. If it happens again, note what "
                    "you were doing."
                ).format(kind=kind.__name__),
                False,
            )

    def _show(self, title: str, message: str, lock: bool) -> None:
        if lock:
            self._lock()
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, parent=self._window)
        box.open()
