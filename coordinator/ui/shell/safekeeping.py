"""The window's backups, restore and passphrase change: which dialog, and what follows it.

Also the automatic backup when the window closes: if a folder is set and backing up on
closing is on, the close waits for a verified backup; after an error the user chooses to
close anyway or to stay. Nothing closes while a backup or restore is running.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QMessageBox

from coordinator import APP_NAME
from coordinator.services import backups
from coordinator.services.backups import BackupStatus
from coordinator.ui.dialogs.backup_dialog import BackupDialog
from coordinator.ui.dialogs.passphrase_dialog import PassphraseDialog
from coordinator.ui.dialogs.restore_dialog import RestoreDialog
from coordinator.ui.shell.closing_backup import ClosingBackupDialog

if TYPE_CHECKING:
    from coordinator.ui.shell.main_window import MainWindow

log = logging.getLogger(__name__)


class Safekeeping(QObject):
    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.controller = window.controller
        self.dialog: QDialog | None = None
        self.closing_dialog: ClosingBackupDialog | None = None
        self._may_close = False

    def status(self) -> BackupStatus | None:
        """The backup status, or None while locked or when the database cannot be read."""
        vault = self.controller.vault
        if vault is None:
            return None
        try:
            return backups.status(vault)
        except Exception as err:  # a drive pulled out: closing and locking must still work
            log.warning("backup status unavailable: %s", type(err).__name__)
            return None

    def _show(self, dialog: QDialog) -> QDialog:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.open()
        return dialog

    # -- the File menu and the pages ---------------------------------------------------------

    def back_up_now(self) -> None:
        vault = self.controller.vault
        if vault is None or self.window.busy():
            return
        self._show(BackupDialog(vault, self.window))

    def restore(self) -> None:
        if self.controller.path is None or self.window.busy():
            return
        self._show(RestoreDialog(self.controller, self.window.lock, self.window))

    def change_passphrase(self) -> None:
        if self.controller.vault is None or self.window.busy():
            return
        dialog = PassphraseDialog(self.controller, self.window)
        dialog.changed.connect(self.window.adopt_vault)
        dialog.closed_by_failure.connect(lambda: self.window.lock(keep=dialog))
        self._show(dialog)

    # -- closing -----------------------------------------------------------------------------

    def ready_to_close(self, before: Callable[[], bool] = lambda: True) -> bool:
        """Whether the window may close now; else the close waits (or was cancelled).

        `before()` runs once before the backup made on closing (the window's unsaved
        settings); False cancels the close."""
        if self.closing_dialog is not None and self.closing_dialog.isVisible():
            return False  # backing up before closing
        if self.window.busy():
            box = QMessageBox(
                QMessageBox.Icon.Information,
                APP_NAME,
                self.tr("A backup or restore is running. Close Coordinator when it has finished."),
                parent=self.window,
            )
            box.open()
            return False
        if self._may_close:
            self._may_close = False
            return True
        if not before():
            return False
        status = self.status()
        if status is None or not status.folder or not status.on_close:
            return True
        self._back_up_then_close()
        return False

    def _back_up_then_close(self) -> None:
        if self.closing_dialog is not None:
            self.closing_dialog.deleteLater()
        dialog = ClosingBackupDialog(self.controller.vault, self.window)
        dialog.accepted.connect(self._close_now)
        self.closing_dialog = dialog
        dialog.start()

    def _close_now(self) -> None:
        self._may_close = True
        self.window.close()
