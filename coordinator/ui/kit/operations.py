"""Operations: database work run off the GUI thread, and the news of what it changed.

    op = operations().run(
        lambda progress: importing.import_file(vault, kind, path, progress=progress),
        parent=self, name="import", changes={Kind.MOTHER},
    )
    op.succeeded.connect(...)

- The work is a plain function taking `progress(done, total)`. It runs on a worker (a Python
  thread; in tests a synchronous runner, as Picard's fake thread pool). Its outcome comes back
  to the GUI thread by signal, always through the event loop (so a caller connects after
  `run()` returns): `succeeded(value)` or `failed(error)`, then `finished()`.
- Cancel: `op.cancel()` makes the work's next progress report raise `Cancelled` in the worker,
  so any service that reports progress can be stopped between steps (its transaction rolls
  back). A cancelled operation ends with `cancelled()`, never `failed`.
- Errors: unless the caller connects its own handling (`show_errors=False`), a failure is
  shown in the plain-message style: the error's own words, never a traceback.
- What changed: on success `operations().changed` carries the kinds of record the work
  changed (a frozenset of services.changes.Kind). Edits made on the GUI thread say so with
  `operations().notify(kinds)`. Pages follow those kinds (`follow_changes`) and reload: at
  once when shown, else the next time they are.
- Busy: `operations().busy` counts running operations; the window consults it before
  locking or quitting. Work that may simply be abandoned (the page check after unlocking,
  whose result is dropped once the database is locked) runs with `holds=False`.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable, Iterable
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from coordinator.services.changes import Cancelled, Kind
from coordinator.storage.errors import VaultError

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
#: How often the end of work whose owner was deleted is looked for (ms).
ORPHAN_CHECK_MS = 50
Work = Callable[[Progress], Any]


def error_message(err: BaseException) -> str:
    """What to show for an error: a VaultError's own words, never a traceback or a value."""
    if isinstance(err, VaultError):
        return err.user_message()
    if isinstance(err, OSError) and err.strerror:
        return QCoreApplication.translate(
            "operations", "The file could not be read or written: {reason}."
        ).format(reason=err.strerror)
    return QCoreApplication.translate(
        "operations", "Something unexpected went wrong ({kind})."
    ).format(kind=type(err).__name__)


class Runner(Protocol):
    """Where work runs: `start(job, name)` calls job() somewhere, once."""

    def start(self, job: Callable[[], None], name: str) -> None: ...


class ThreadRunner:
    """Each job in a daemon thread of its own (a Vault gives each thread its connection)."""

    def start(self, job: Callable[[], None], name: str) -> None:
        threading.Thread(target=job, name=name, daemon=True).start()


class SyncRunner:
    """Runs each job at once, on the calling thread: tests see the outcome immediately."""

    def start(self, job: Callable[[], None], name: str) -> None:
        job()


class Operation(QObject):
    progress = Signal(int, int)
    #: The work's return value.
    succeeded = Signal(object)
    #: The exception the work raised (shown with error_message() unless show_errors=False).
    failed = Signal(object)
    #: The user cancelled; nothing the work did was kept.
    cancelled = Signal()
    #: After succeeded, failed or cancelled.
    finished = Signal()
    #: From the worker: (how it ended: "ok" | "failed" | "cancelled", its value).
    _outcome = Signal(str, object)

    def __init__(self, name: str, changes: frozenset[Kind], parent: QObject | None = None):
        super().__init__(parent)
        self.setObjectName(name)
        self.changes = changes
        self.running = False
        #: Called as it ends, before its signals: the count of running work is right by then.
        self.on_end: Callable[[Operation], None] | None = None
        self._cancel = threading.Event()
        self._done = threading.Event()
        # Queued even when the runner is synchronous: the outcome always arrives from the
        # event loop, after the caller has connected to the operation it was given.
        self._outcome.connect(self._finish, Qt.ConnectionType.QueuedConnection)

    def cancel(self) -> None:
        """Ask the work to stop at its next progress report."""
        self._cancel.set()

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the work has ended (shutdown and tests only); whether it has."""
        return self._done.wait(timeout)

    def _run(self, work: Work) -> None:
        try:
            value = work(self._report)
        except Cancelled:
            outcome: tuple[str, Any] = ("cancelled", None)
        except BaseException as err:  # reported to the GUI thread, never raised in this one
            if not isinstance(err, VaultError | OSError):
                log.error("operation %s failed: %s", self.objectName(), type(err).__name__)
            outcome = ("failed", err)
        else:
            outcome = ("ok", value)
        self._done.set()
        with contextlib.suppress(RuntimeError):  # its parent went away meanwhile
            self._outcome.emit(*outcome)

    def _report(self, done: int, total: int) -> None:
        if self._cancel.is_set():
            raise Cancelled()
        with contextlib.suppress(RuntimeError):
            self.progress.emit(int(done), int(total))

    def _finish(self, how: str, value: Any) -> None:
        self.running = False
        if self.on_end is not None:
            self.on_end(self)
        if how == "ok":
            self.succeeded.emit(value)
        elif how == "cancelled":
            self.cancelled.emit()
        else:
            self.failed.emit(value)
        self.finished.emit()


class Operations(QObject):
    """The app's operations: one per application, so every window and page sees the same."""

    #: frozenset[Kind]: what was changed, by an operation or by notify().
    changed = Signal(object)
    #: The number of running operations changed (now the argument).
    busy_changed = Signal(int)

    def __init__(self, runner: Runner | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.runner: Runner = runner or ThreadRunner()
        self._running: set[Operation] = set()
        self._holding: set[Operation] = set()

    @property
    def busy(self) -> int:
        """How many operations the window must wait for before it locks or closes."""
        return len(self._holding)

    def running(self) -> list[Operation]:
        return sorted(self._running, key=lambda op: op.objectName())

    def run(
        self,
        work: Work,
        *,
        parent: QObject,
        name: str,
        changes: Iterable[Kind] = (),
        show_errors: bool = True,
        holds: bool = True,
    ) -> Operation:
        """Start `work`; the Operation's signals say how it goes. `parent` owns it (a dialog
        or page); its name names the worker thread and the logs, never anything personal."""
        op = Operation(name, frozenset(changes), parent)
        op.running = True
        self._running.add(op)
        if holds:
            self._holding.add(op)
            self.busy_changed.emit(self.busy)
        op.on_end = self._ended
        # Its owner (a page) may be deleted first, when the window locks: then no outcome
        # arrives, and it is forgotten here once its work has ended.
        op.destroyed.connect(lambda *_: self._orphaned(op))
        op.succeeded.connect(lambda _value: self.notify(op.changes))
        if show_errors:
            op.failed.connect(lambda err: show_error(parent, err))
        self.runner.start(lambda: op._run(work), name)
        return op

    def notify(self, changes: Iterable[Kind]) -> None:
        """Tell every page that these kinds of record changed."""
        kinds = frozenset(changes)
        if kinds:
            self.changed.emit(kinds)

    def _ended(self, op: Operation) -> None:
        self._running.discard(op)
        if op in self._holding:
            self._holding.discard(op)
            self.busy_changed.emit(self.busy)

    def _orphaned(self, op: Operation) -> None:
        """`op` was deleted with its owner; what it holds is let go once its work ends."""
        self._running.discard(op)
        if op not in self._holding:
            return
        if op._done.is_set():
            self._ended(op)
        else:  # still using the database: the window waits for it, then goes on
            QTimer.singleShot(ORPHAN_CHECK_MS, lambda: self._orphaned_ended(op))

    def _orphaned_ended(self, op: Operation) -> None:
        if op._done.is_set():
            self._ended(op)
        else:
            QTimer.singleShot(ORPHAN_CHECK_MS, lambda: self._orphaned_ended(op))


def show_error(parent: QObject, err: BaseException) -> None:
    """The plain message for a failed operation, in front of its window."""
    widget = parent if isinstance(parent, QWidget) else None
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("operations", "That could not be done"),
        error_message(err),
        parent=widget,
    )
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()


_instance: Operations | None = None


def operations() -> Operations:
    """The application's Operations (made on first use)."""
    global _instance
    if _instance is None:
        _instance = Operations(parent=QCoreApplication.instance())
    return _instance


def use_runner(runner: Runner) -> Operations:
    """A fresh Operations with this runner (tests: SyncRunner or one they control)."""
    global _instance
    _instance = Operations(runner, parent=QCoreApplication.instance())
    return _instance


class ChangeFollower(QObject):
    """Reloads a page when the kinds it shows change: at once while it is shown, else the
    next time it is shown. It starts stale, so the page loads the first time it is shown."""

    def __init__(self, page: QWidget, kinds: Iterable[Kind], reload: Callable[[], None]):
        super().__init__(page)
        self.page = page
        self.kinds = frozenset(kinds)
        self.reload = reload
        self.stale = True
        operations().changed.connect(self._changed)
        page.installEventFilter(self)

    def _changed(self, kinds: frozenset[Kind]) -> None:
        if not self.kinds & kinds:
            return
        if self.page.isVisible():
            self.stale = False
            self.reload()
        else:
            self.stale = True

    def catch_up(self) -> None:
        """Reload now if a change is waiting (the page is about to show what it holds)."""
        if self.stale:
            self.stale = False
            self.reload()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        # Only the app showing the page counts, not the window coming back from the taskbar.
        if event.type() == QEvent.Type.Show and not event.spontaneous() and self.stale:
            self.stale = False
            self.reload()
        return False


def follow_changes(
    page: QWidget, kinds: Iterable[Kind], reload: Callable[[], None]
) -> ChangeFollower:
    return ChangeFollower(page, kinds, reload)


class Task(QObject):
    """A dialog's or page's handle on one kind of operation it runs, one run at a time, with
    the signals of the run in progress (so they can be connected once)."""

    progress = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    finished = Signal()

    def __init__(self, parent: QObject, changes: Iterable[Kind] = (), *, holds: bool = True):
        super().__init__(parent)
        self.changes = frozenset(changes)
        self.holds = holds
        self.op: Operation | None = None

    @property
    def running(self) -> bool:
        return self.op is not None and self.op.running

    def start(
        self, work: Work, name: str = "task", changes: Iterable[Kind] | None = None
    ) -> Operation:
        """Run `work`; `changes` (else the Task's own) say what it changes."""
        if self.running:
            raise RuntimeError("already running")
        kinds = self.changes if changes is None else frozenset(changes)
        op = operations().run(
            work, parent=self, name=name, changes=kinds, show_errors=False, holds=self.holds
        )
        self.op = op
        op.progress.connect(self.progress)
        op.succeeded.connect(self.succeeded)
        op.failed.connect(self.failed)
        op.cancelled.connect(self.cancelled)
        op.finished.connect(self.finished)
        return op

    def cancel(self) -> None:
        if self.op is not None:
            self.op.cancel()

    def wait(self, timeout: float | None = None) -> bool:
        return self.op is None or self.op.wait(timeout)
