"""Run one piece of database work off the GUI thread; progress and the outcome by signal.

The work is a plain function that takes a `progress(done, total)` callback. It runs in a
Python thread; the signals cross back to the GUI thread queued, so slots run there. A Vault
may be used from the worker: its engine gives each thread a connection of its own.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from coordinator.storage.errors import VaultError

log = logging.getLogger(__name__)

Work = Callable[[Callable[[int, int], None]], Any]


def error_message(err: BaseException) -> str:
    """What to show for an error: a VaultError's own words, never a traceback or a value."""
    if isinstance(err, VaultError):
        return err.user_message()
    if isinstance(err, OSError) and err.strerror:
        return QCoreApplication.translate(
            "worker", "The file could not be read or written: {reason}."
        ).format(reason=err.strerror)
    return QCoreApplication.translate("worker", "Something unexpected went wrong ({kind}).").format(
        kind=type(err).__name__
    )


class BackgroundTask(QObject):
    """One run at a time. Parent it to the dialog that shows it."""

    progress = Signal(int, int)
    #: The work's return value.
    succeeded = Signal(object)
    #: The exception the work raised (show it with error_message()).
    failed = Signal(object)
    #: After succeeded or failed.
    finished = Signal()
    #: From the worker thread: (it succeeded, its value); handled in the GUI thread.
    _outcome = Signal(bool, object)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._thread: threading.Thread | None = None
        self._running = False
        self._outcome.connect(self._finish)

    @property
    def running(self) -> bool:
        return self._running

    def start(self, work: Work, name: str = "background-task") -> None:
        if self._running:
            raise RuntimeError("already running")
        self._running = True
        self._thread = threading.Thread(target=self._run, args=(work,), name=name, daemon=True)
        self._thread.start()

    def wait(self, timeout: float | None = None) -> None:
        """Block until the thread ends (shutdown only; the outcome still arrives by signal)."""
        if self._thread is not None:
            self._thread.join(timeout)

    def _run(self, work: Work) -> None:
        try:
            result = work(self._report)
        except BaseException as err:  # reported to the GUI thread, never raised in this one
            if not isinstance(err, VaultError | OSError):
                log.error("background task failed: %s", type(err).__name__)
            outcome = (False, err)
        else:
            outcome = (True, result)
        with contextlib.suppress(RuntimeError):  # the dialog went away meanwhile
            self._outcome.emit(*outcome)

    def _report(self, done: int, total: int) -> None:
        with contextlib.suppress(RuntimeError):
            self.progress.emit(int(done), int(total))

    def _finish(self, ok: bool, value: Any) -> None:
        self._running = False
        (self.succeeded if ok else self.failed).emit(value)
        self.finished.emit()
