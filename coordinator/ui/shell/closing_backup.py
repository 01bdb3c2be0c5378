"""The automatic backup made when Coordinator closes: a small modal progress dialog.

Accepted when the backup is made (or the user chooses to close without it after an error);
rejected when the user cancels closing after an error. The window closes only if accepted.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from coordinator.services import backups
from coordinator.services.changes import Kind
from coordinator.storage.vault import Vault
from coordinator.ui.kit.operations import error_message
from coordinator.ui.kit.task_dialog import TaskDialog
from coordinator.ui.kit.widgets import MessageLabel


class ClosingBackupDialog(TaskDialog):
    def __init__(self, vault: Vault, parent: QWidget | None = None):
        super().__init__(parent)
        self._vault = vault
        self.setWindowTitle(self.tr("Backing up"))
        self.setModal(True)
        self.setMinimumWidth(420)
        self.task = self.new_task({Kind.BACKUP})
        self.result = None

        self.label = QLabel(self.tr("Backing up before closing…"))
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.error = MessageLabel()
        self.buttons = QDialogButtonBox()
        self.close_anyway = self.buttons.addButton(
            self.tr("Close &anyway"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setDefault(True)
        self.buttons.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.progress)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        self.close_anyway.clicked.connect(self.accept)
        self.cancel_button.clicked.connect(self._cancel)
        self.task.succeeded.connect(self._succeeded)
        self.task.failed.connect(self._failed)

    def start(self) -> None:
        vault = self._vault
        self.open()
        self.task.start(lambda _progress: backups.back_up_automatically(vault), "closing-backup")

    def _succeeded(self, result) -> None:
        self.result = result
        self.accept()

    def _failed(self, err: BaseException) -> None:
        self.progress.hide()
        self.label.setText(self.tr("The automatic backup could not be made."))
        self.error.show_message(
            error_message(err)
            + "\n\n"
            + self.tr(
                "Your database itself is safe. Cancel to stay in Coordinator (you can back up "
                "with File > Back up now…), or close without a backup."
            )
        )
        self.buttons.show()
        self.cancel_button.setFocus()

    def _cancel(self) -> None:
        super().reject()
