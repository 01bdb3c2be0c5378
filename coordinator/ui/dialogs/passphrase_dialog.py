"""Settings > Change passphrase…: prove the current passphrase, choose a new one, re-key.

services.backups.change_passphrase builds a re-keyed, verified copy and swaps it in (in a
worker thread); it returns the reopened Vault, which the window adopts. A passphrase
remembered on this PC is replaced by the new one, or the user is told it could not be.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from coordinator.services import backups
from coordinator.storage.errors import WrongPassphrase
from coordinator.storage.vault import Vault
from coordinator.ui.kit.new_passphrase import NewPassphraseFields, password_field
from coordinator.ui.kit.operations import error_message
from coordinator.ui.kit.task_dialog import TaskDialog
from coordinator.ui.kit.widgets import MessageLabel, heading, note
from coordinator.ui.shell.controller import Controller, passphrase_opens

DIALOG_WIDTH = 480


class PassphraseDialog(TaskDialog):
    #: The passphrase was changed; the argument is the reopened Vault to adopt.
    changed = Signal(object)
    #: The change failed after the database was closed: the window must lock.
    closed_by_failure = Signal()

    def __init__(self, controller: Controller, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(self.tr("Change passphrase"))
        self.setModal(True)
        self.setMinimumWidth(DIALOG_WIDTH)
        self.task = self.new_task()

        self.title = heading(self.tr("Change the passphrase"), level=2)
        self.current = password_field(self.tr("Current passphrase"))
        self.fields = NewPassphraseFields(self.tr("&New passphrase"))
        self.backups_note = note(
            self.tr(
                "Backups made before the change still open with the old passphrase only. "
                "Nothing can recover a forgotten passphrase: write the new one down and keep "
                "it somewhere safe."
            )
        )
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.result = MessageLabel()
        self.keyring_note = MessageLabel()

        self.buttons = QDialogButtonBox()
        self.change_button = self.buttons.addButton(
            self.tr("Change pass&phrase"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.change_button.setDefault(True)

        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addWidget(self.title)
        self.form = QWidget()
        form = QVBoxLayout(self.form)
        form.setContentsMargins(0, 0, 0, 0)
        form.setSpacing(6)
        current_label = QLabel(self.tr("&Current passphrase"))
        current_label.setBuddy(self.current)
        form.addWidget(current_label)
        form.addWidget(self.current)
        form.addSpacing(8)
        form.addWidget(self.fields)
        layout.addWidget(self.form)
        layout.addSpacing(4)
        layout.addWidget(self.backups_note)
        layout.addWidget(self.progress)
        layout.addWidget(self.result)
        layout.addWidget(self.keyring_note)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        self.current.textChanged.connect(self._validate)
        self.fields.changed.connect(self._validate)
        self.change_button.clicked.connect(self.start)
        self.close_button.clicked.connect(self.reject)
        self.task.succeeded.connect(self._changed)
        self.task.failed.connect(self._failed)
        self._validate()

    def _validate(self) -> bool:
        same = bool(self.current.text()) and self.fields.text() == self.current.text()
        if same:
            self.result.show_message(self.tr("The new passphrase is the same as the current one."))
        elif self.result.text() == self.tr("The new passphrase is the same as the current one."):
            self.result.clear_message()
        valid = bool(self.current.text()) and self.fields.is_valid() and not same
        self.change_button.setEnabled(valid and not self.task.running)
        return valid

    def start(self) -> None:
        vault = self.controller.vault
        if self.task.running or vault is None or not self._validate():
            return
        current, new = self.current.text(), self.fields.text()
        controller = self.controller
        self._set_running(True)
        self.result.clear_message()

        def work(_progress) -> Vault:
            if not passphrase_opens(vault.path, current):
                raise WrongPassphrase(vault.path)
            controller.wait_for_page_checks()  # they read the file: let them end before the swap
            return backups.change_passphrase(vault, new)

        self._vault = vault
        self.task.start(work, "change-passphrase")

    def _set_running(self, running: bool) -> None:
        self.progress.setVisible(running)
        for widget in (self.current, self.fields, self.close_button):
            widget.setEnabled(not running)
        self.change_button.setEnabled(False)

    def _changed(self, reopened: Vault) -> None:
        self._set_running(False)
        new = self.fields.text()
        self.changed.emit(reopened)
        problem = self.controller.update_remembered(new)
        self.current.clear()
        self.fields.clear()
        self.form.hide()
        self.change_button.hide()
        self.close_button.setText(self.tr("Close"))
        self.close_button.setDefault(True)
        self.result.show_message(
            self.tr("The passphrase is changed. Use the new one from now on."), "success"
        )
        if problem:
            self.keyring_note.show_message(problem, "warning")

    def _failed(self, err: BaseException) -> None:
        self._set_running(False)
        if isinstance(err, WrongPassphrase):
            self.result.show_message(
                self.tr(
                    "That is not the current passphrase, so nothing was changed. Check Caps "
                    "Lock and the keyboard language, then try again."
                )
            )
            self.current.setFocus()
            self.current.selectAll()
        else:
            self.result.show_message(
                error_message(err) + " " + self.tr("The passphrase was not changed.")
            )
        if self._vault.lock is None:  # closed part-way: the window must not go on using it
            self.closed_by_failure.emit()
        self._validate()

    def closing(self) -> None:
        self.current.clear()
        self.fields.clear()
