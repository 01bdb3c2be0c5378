"""File > Restore from a backup…: replace the database with a checked backup of it.

The current passphrase is asked for and proved first (the restored database opens with
it). Then the window locks, services.backups.restore runs in a worker thread (it checks the
backup before touching anything, keeps the current file as a dated copy, swaps), and the
database opens again. On any error the database is untouched and is opened again as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLocale, QObject
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coordinator.services import backups
from coordinator.services.backup_facts import BackupFacts, describe_backup
from coordinator.services.changes import Kind
from coordinator.services.typed_paths import PathProblem, TypedPath, file_path
from coordinator.storage.backup import BackupHasOtherPassphrase
from coordinator.storage.errors import WrongPassphrase
from coordinator.storage.swap import RestoreResult
from coordinator.ui.kit.new_passphrase import password_field
from coordinator.ui.kit.operations import error_message
from coordinator.ui.kit.task_dialog import TaskDialog
from coordinator.ui.kit.widgets import MessageLabel, breakable_path, heading, note
from coordinator.ui.shell.controller import Controller, passphrase_opens
from coordinator.ui.translations import word

DIALOG_WIDTH = 520


class BackupCounts(QObject):
    """The words for what a backup holds (a QObject, so that lupdate collects its counts)."""

    def text(self, counts: dict[Kind, int]) -> str:
        """'12 mothers, 4 volunteers, 3 matches and 9 local services'."""
        n = counts.get
        parts = [
            self.tr("%Ln mother(s)", "", n(Kind.MOTHER, 0)),
            self.tr("%Ln volunteer(s)", "", n(Kind.VOLUNTEER, 0)),
            self.tr("%Ln match(es)", "", n(Kind.MATCH, 0)),
            self.tr("%Ln local service(s)", "", n(Kind.SERVICE, 0)),
        ]
        return self.tr("{first} and {last}").format(first=", ".join(parts[:-1]), last=parts[-1])


def counts_text(counts: dict[Kind, int]) -> str:
    return BackupCounts().text(counts)


class RestoreDialog(TaskDialog):
    def __init__(
        self,
        controller: Controller,
        lock_window: Callable[[QDialog], None],
        parent: QWidget | None = None,
    ):
        """lock_window(keep) locks the window (drafts kept) and leaves `keep` open."""
        super().__init__(parent)
        self.controller = controller
        self._lock_window = lock_window
        self._was_open = False
        self._passphrase = ""
        self.setWindowTitle(self.tr("Restore from a backup"))
        self.setModal(True)
        self.setMinimumWidth(DIALOG_WIDTH)
        #: The question asked before restoring, while it is shown.
        self.confirm_box: QMessageBox | None = None
        self.inspect_task = self.new_task()
        self.check_task = self.new_task()
        self.restore_task = self.new_task()

        self.title = heading(self.tr("Restore from a backup"), level=2)
        self.explanation = note(
            self.tr(
                "Restoring replaces everything in this database with what the backup holds. "
                "The backup is checked first; if anything is wrong with it, nothing changes. "
                "The database as it is now is kept as a dated copy beside it, so nothing is "
                "lost. Coordinator locks while it restores, then opens again."
            )
        )
        self.file_edit = QLineEdit()
        self.file_edit.setAccessibleName(self.tr("Backup file"))
        self.choose_button = QPushButton(self.tr("C&hoose…"))
        self.choose_button.setAutoDefault(False)  # Enter starts the main action, never this
        self.file_message = MessageLabel(reserve_lines=3)
        self.passphrase = password_field(self.tr("Current passphrase"))
        self.passphrase_note = note(self.tr("The restored database will open with it."))
        self.backup_note = MessageLabel()
        self.backup_label = QLabel(self.tr("The &backup's own passphrase"))
        self.backup_passphrase = password_field(self.tr("The backup's own passphrase"))
        self.backup_label.setBuddy(self.backup_passphrase)
        for widget in (self.backup_label, self.backup_passphrase):
            widget.hide()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.status = MessageLabel()
        self.result = MessageLabel()

        self.buttons = QDialogButtonBox()
        self.start_button = self.buttons.addButton(
            self.tr("&Restore…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.start_button.setDefault(True)
        self._lay_out()

        for field in (self.file_edit, self.passphrase, self.backup_passphrase):
            field.textChanged.connect(self._validate)
        self.choose_button.clicked.connect(self.choose_file)
        self.start_button.clicked.connect(self.start)
        self.close_button.clicked.connect(self.reject)
        self.inspect_task.succeeded.connect(self._inspected)
        self.inspect_task.failed.connect(self._failed)
        self.check_task.succeeded.connect(self._checked)
        self.check_task.failed.connect(self._failed)
        self.restore_task.succeeded.connect(self._restored)
        self.restore_task.failed.connect(self._failed)
        self._validate()

    def _lay_out(self) -> None:
        self.form = QWidget()
        form = QVBoxLayout(self.form)
        form.setContentsMargins(0, 4, 0, 4)
        form.setSpacing(8)
        file_label = QLabel(self.tr("Backup &file"))
        file_label.setBuddy(self.file_edit)
        form.addWidget(file_label)
        row = QHBoxLayout()
        row.addWidget(self.file_edit, 1)
        row.addWidget(self.choose_button)
        form.addLayout(row)
        form.addWidget(self.file_message)
        label = QLabel(self.tr("This database's current &passphrase"))
        label.setBuddy(self.passphrase)
        form.addWidget(label)
        form.addWidget(self.passphrase)
        form.addWidget(self.passphrase_note)
        form.addWidget(self.backup_note)
        form.addWidget(self.backup_label)
        form.addWidget(self.backup_passphrase)
        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addWidget(self.title)
        layout.addWidget(self.explanation)
        layout.addWidget(self.form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.result)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    @property
    def running(self) -> bool:
        return self.working

    def typed(self) -> TypedPath:
        """What the file box says, read without ever raising (see services.typed_paths)."""
        return file_path(self.file_edit.text(), must_exist=True)

    def backup_file(self) -> Path | None:
        typed = self.typed()
        return typed.path if typed.ok else None

    def choose_file(self) -> None:
        start = str(self.controller.path.parent) if self.controller.path else ""
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the backup to restore"),
            start,
            self.tr("Coordinator backup (*.db);;All files (*)"),
        )
        if chosen:
            self.file_edit.setText(chosen)

    def _show_file_problem(self, typed: TypedPath) -> None:
        if typed.problem is PathProblem.NOT_FULL:
            message = self.tr("Give the full path of the backup file (or use Choose…).")
        elif typed.problem not in (None, PathProblem.EMPTY):
            message = typed.message(word)
        elif typed.ok and typed.path == self.controller.path:
            message = self.tr("That is the database itself. Choose one of its backups.")
        else:
            message = ""
        self.file_message.show_message(message)

    def _validate(self) -> bool:
        typed = self.typed()
        self._show_file_problem(typed)
        needs_backup_key = self.backup_passphrase.isVisibleTo(self)
        valid = (
            typed.ok
            and typed.path != self.controller.path
            and bool(self.passphrase.text())
            and (not needs_backup_key or bool(self.backup_passphrase.text()))
            and self.controller.path is not None
        )
        self.start_button.setEnabled(valid and not self.running)
        return valid

    def confirm(self, facts: BackupFacts) -> bool:
        """Ask, showing what the backup holds and when it was made; Cancel is the default."""
        live = self.controller.path
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Restore from a backup"),
            self.tr(
                "Replace everything in {database} with the backup {backup}, made on {when}?"
            ).format(
                database=live.name if live else "",
                backup=facts.path.name,
                when=QLocale().toString(facts.written_at, QLocale.FormatType.LongFormat),
            ),
            parent=self,
        )
        box.setInformativeText(
            self.tr("The backup holds: {counts}.").format(counts=counts_text(facts.counts))
            + "\n\n"
            + self.tr(
                "The database as it is now is kept as a dated copy in {folder}. Coordinator "
                "locks, restores, and opens the database again."
            ).format(folder=breakable_path(live.parent) if live else "")
        )
        restore = box.addButton(self.tr("&Restore"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        self.confirm_box = box
        box.exec()
        self.confirm_box = None
        return box.clickedButton() is restore

    # -- running -----------------------------------------------------------------------------

    def start(self) -> None:
        """Prove the current passphrase, read what the backup holds, ask, then restore."""
        backup = self.backup_file()
        if self.running or not self._validate() or backup is None:
            return
        live, passphrase = self.controller.path, self.passphrase.text()
        self._busy(self.tr("Checking the passphrase…"))
        self.check_task.start(lambda _progress: passphrase_opens(live, passphrase), "restore-check")

    def _checked(self, opens: bool) -> None:
        if not opens:
            self._idle()
            self.result.show_message(
                self.tr(
                    "That is not this database's current passphrase. Nothing was changed. "
                    "Check Caps Lock and the keyboard language, then try again."
                )
            )
            self.passphrase.setFocus()
            self.passphrase.selectAll()
            return
        backup = self.backup_file()
        other = self.backup_passphrase.text() if self.backup_passphrase.isVisibleTo(self) else ""
        key = other or self.passphrase.text()
        self._busy(self.tr("Reading the backup…"))
        self.inspect_task.start(
            lambda _progress: describe_backup(backup, key, own_passphrase=bool(other)),
            "restore-inspect",
        )

    def _inspected(self, facts: BackupFacts) -> None:
        self._idle()
        if not self.confirm(facts) or not self.isVisible():
            return  # declined, or the window locked meanwhile
        live, backup, passphrase = self.controller.path, self.backup_file(), self.passphrase.text()
        other = self.backup_passphrase.text() if self.backup_passphrase.isVisibleTo(self) else None
        self._passphrase = passphrase  # to open the database again, whatever happens
        self._was_open = self.controller.is_open
        if self._was_open:
            self._lock_window(self)
        self._busy(self.tr("Checking the backup and restoring…"))
        controller = self.controller

        def work(_progress):
            controller.wait_for_page_checks()  # they read the file: let them end before the swap
            return backups.restore(live, backup, passphrase, backup_passphrase=other or None)

        self.restore_task.start(work, "restore")

    def _restored(self, result: RestoreResult) -> None:
        self._idle()
        self.form.hide()
        self.start_button.hide()
        self.close_button.setText(self.tr("Close"))
        lines = [self.tr("Restored from {backup}.").format(backup=self.backup_file())]
        if result.previous_copy is not None:
            lines.append(
                self.tr("The database as it was before is kept at:\n{path}").format(
                    path=result.previous_copy
                )
            )
        self.result.show_message("\n".join(lines), "success")
        self._reopen()
        self._forget_passphrases()

    def _failed(self, err: BaseException) -> None:
        self._idle()
        if self._was_open:
            self._reopen()  # the database is as it was: open it again
        if isinstance(err, BackupHasOtherPassphrase):
            self.backup_note.show_message(
                self.tr(
                    "This backup does not open with this database's passphrase, so nothing "
                    "was changed. If it was given a passphrase of its own, type that below "
                    "and choose Restore again. If it was not, the file is damaged or is not "
                    "a Coordinator backup."
                ),
                "warning",
            )
            for widget in (self.backup_label, self.backup_passphrase):
                widget.show()
            self.backup_passphrase.setFocus()
        elif isinstance(err, WrongPassphrase) and self.backup_passphrase.isVisibleTo(self):
            self.result.show_message(
                self.tr(
                    "That passphrase does not open the backup either, so nothing was changed. "
                    "Check Caps Lock and try again, or choose another backup."
                )
            )
            self.backup_passphrase.setFocus()
            self.backup_passphrase.selectAll()
        else:
            self.result.show_message(
                error_message(err) + " " + self.tr("Your database was not changed.")
            )
        self._validate()

    def _reopen(self) -> None:
        passphrase, self._passphrase = self._passphrase, ""
        self._was_open = False
        op = self.controller.reopen(passphrase)
        op.failed.connect(lambda err: self.status.show_message(error_message(err)))

    def _busy(self, text: str) -> None:
        self.result.clear_message()
        self.backup_note.clear_message()
        for widget in (self.file_edit, self.choose_button, self.passphrase, self.backup_passphrase):
            widget.setEnabled(False)
        self.start_button.setEnabled(False)
        self.close_button.setEnabled(False)
        self.progress.show()
        self.status.show_message(text, "info")

    def _idle(self) -> None:
        self.progress.hide()
        self.status.clear_message()
        for widget in (self.file_edit, self.choose_button, self.passphrase, self.backup_passphrase):
            widget.setEnabled(True)
        self.close_button.setEnabled(True)

    def _forget_passphrases(self) -> None:
        self.passphrase.clear()
        self.backup_passphrase.clear()

    def closing(self) -> None:
        self._forget_passphrases()  # a started restore runs to the end first
