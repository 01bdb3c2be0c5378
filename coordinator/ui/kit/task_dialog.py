"""A dialog that runs work and cannot be closed from under it.

While any of its Tasks is running, Escape, Cancel and the title bar's close button do
nothing (work that has started runs to its end, or to its cancel); afterwards they close
the dialog as usual. What the dialog does on closing (`closing()`) runs only then.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent

from coordinator.services.changes import Kind
from coordinator.ui.kit.operations import Task
from coordinator.ui.kit.widgets import FittingDialog


class TaskDialog(FittingDialog):
    def new_task(self, changes: Iterable[Kind] = ()) -> Task:
        """A Task of this dialog's: closing waits for it."""
        return Task(self, changes)

    @property
    def working(self) -> bool:
        return any(task.running for task in self.findChildren(Task))

    def closing(self) -> None:
        """Called once the dialog may close, before it does (e.g. forget typed passphrases)."""

    def reject(self) -> None:
        if self.working:
            return
        self.closing()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        if self.working:
            event.ignore()
            return
        super().closeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if self.working and event.key() == Qt.Key.Key_Escape:
            return
        super().keyPressEvent(event)
