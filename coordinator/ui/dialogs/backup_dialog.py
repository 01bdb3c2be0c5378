"""File > Back up now…: an encrypted, verified copy of the database in a file the user chooses.

The copy is made in a worker thread (services.backups.back_up), with a progress bar fed by
its progress callback. Cancel works until the backup starts; a started backup runs to the end.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coordinator.services import backups
from coordinator.services.changes import Kind
from coordinator.services.typed_paths import PathProblem, TypedPath, file_path
from coordinator.storage.backup import CopyResult
from coordinator.storage.vault import Vault
from coordinator.ui import settings as ui_settings
from coordinator.ui.kit.new_passphrase import NewPassphraseFields
from coordinator.ui.kit.operations import error_message
from coordinator.ui.kit.task_dialog import TaskDialog
from coordinator.ui.kit.widgets import MessageLabel, heading, note
from coordinator.ui.translations import word

DIALOG_WIDTH = 520


def default_backup_path(vault: Vault, folder: str | None, today: date | None = None) -> Path:
    """'<db stem>-backup-YYYY-MM-DD.db' in the automatic-backup folder, else Documents."""
    start = Path(folder) if folder else ui_settings.documents_folder()
    day = today or date.today()
    return start / f"{vault.path.stem}-backup-{day:%Y-%m-%d}.db"


class BackupDialog(TaskDialog):
    #: A verified backup was made; the argument is its CopyResult.
    backed_up = Signal(object)

    def __init__(self, vault: Vault, parent: QWidget | None = None):
        super().__init__(parent)
        self._vault = vault
        self.setWindowTitle(self.tr("Back up now"))
        self.setModal(True)
        self.setMinimumWidth(DIALOG_WIDTH)
        self.task = self.new_task({Kind.BACKUP})

        self.title = heading(self.tr("Back up the database"), level=2)
        self.explanation = note(
            self.tr(
                "The backup is a copy of the whole database, encrypted just like the database "
                "itself. Coordinator checks the copy, page by page and record by record, "
                "before keeping it. Keep backups somewhere other than this PC."
            )
        )
        self.file_edit = QLineEdit()
        self.file_edit.setAccessibleName(self.tr("Backup file"))
        self.choose_button = QPushButton(self.tr("C&hoose…"))
        self.choose_button.setAutoDefault(False)  # Enter starts the main action, never this
        self.file_message = MessageLabel(reserve_lines=3)

        self.own_passphrase = QCheckBox(self.tr("Give this backup its own passphrase"))
        self.own_note = note(
            self.tr(
                "For a copy kept away from the office, for example on a USB stick. Without "
                "it, the backup opens with this database's passphrase. Nothing can recover a "
                "forgotten passphrase: write it down and keep it safe."
            )
        )
        self.fields = NewPassphraseFields(self.tr("The backup's &passphrase"))
        self.fields.hide()

        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Backup progress"))
        self.progress.hide()
        self.running_note = note(
            self.tr("A backup that has started runs to the end; it takes a moment.")
        )
        self.running_note.hide()
        self.result = MessageLabel()

        self.buttons = QDialogButtonBox()
        self.start_button = self.buttons.addButton(
            self.tr("Back &up"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.start_button.setDefault(True)

        self._lay_out()
        self.file_edit.setText(str(default_backup_path(vault, backups.status(vault).folder)))
        self.file_edit.textChanged.connect(self._validate)
        self.choose_button.clicked.connect(self.choose_file)
        self.own_passphrase.toggled.connect(self._own_passphrase_toggled)
        self.fields.changed.connect(self._validate)
        self.start_button.clicked.connect(self.start)
        self.close_button.clicked.connect(self.reject)
        self.task.progress.connect(self._progress)
        self.task.succeeded.connect(self._succeeded)
        self.task.failed.connect(self._failed)
        self._validate()

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addWidget(self.title)
        layout.addWidget(self.explanation)
        layout.addSpacing(4)
        file_label = QLabel(self.tr("Save the backup &as"))
        file_label.setBuddy(self.file_edit)
        layout.addWidget(file_label)
        row = QHBoxLayout()
        row.addWidget(self.file_edit, 1)
        row.addWidget(self.choose_button)
        layout.addLayout(row)
        layout.addWidget(self.file_message)
        layout.addSpacing(4)
        layout.addWidget(self.own_passphrase)
        layout.addWidget(self.own_note)
        layout.addWidget(self.fields)
        layout.addSpacing(4)
        layout.addWidget(self.progress)
        layout.addWidget(self.running_note)
        layout.addWidget(self.result)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    # -- choosing ----------------------------------------------------------------------------

    def typed(self) -> TypedPath:
        """What the file box says, read without ever raising (see services.typed_paths)."""
        return file_path(self.file_edit.text(), default_suffix=".db")

    def target(self) -> Path | None:
        typed = self.typed()
        return typed.path if typed.ok else None

    def choose_file(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the backup as"),
            self.file_edit.text(),
            self.tr("Coordinator backup (*.db)"),
        )
        if chosen:
            self.file_edit.setText(chosen)

    def _own_passphrase_toggled(self, on: bool) -> None:
        self.fields.setVisible(on)
        if on:
            self.fields.passphrase.setFocus()
        else:
            self.fields.clear()
        self.adjustSize()
        self._validate()

    def _validate(self) -> bool:
        typed = self.typed()
        problem, warning = None, None
        if typed.problem is PathProblem.EMPTY:
            problem = self.tr("Choose where to save the backup.")
        elif typed.problem is PathProblem.NOT_FULL:
            problem = self.tr("Give the full path of the backup file (or use Choose…).")
        elif typed.problem is not None:
            problem = typed.message(word)
        elif typed.path == self._vault.path:
            problem = self.tr("That is the database itself. Choose a different file.")
        elif typed.exists:
            warning = self.tr("A file with this name is there already; the backup will replace it.")
        if problem:
            self.file_message.show_message(problem)
        elif warning:
            self.file_message.show_message(warning, "warning")
        else:
            self.file_message.clear_message()
        passphrase_ok = not self.own_passphrase.isChecked() or self.fields.is_valid()
        valid = problem is None and passphrase_ok
        self.start_button.setEnabled(valid and not self.task.running)
        return valid

    # -- running -----------------------------------------------------------------------------

    def start(self) -> None:
        if self.task.running or not self._validate():
            return
        target = self.target()
        assert target is not None
        passphrase = self.fields.text() if self.own_passphrase.isChecked() else None
        vault = self._vault
        for widget in (self.file_edit, self.choose_button, self.own_passphrase, self.fields):
            widget.setEnabled(False)
        self.start_button.setEnabled(False)
        self.close_button.setEnabled(False)
        self.result.clear_message()
        self.progress.setRange(0, 0)  # busy until the first page count arrives
        self.progress.show()
        self.running_note.show()
        self.task.start(
            lambda progress: backups.back_up(
                vault, target, passphrase=passphrase, progress=progress
            ),
            name="backup",
        )

    def _progress(self, done: int, total: int) -> None:
        if total <= 0 or done >= total:
            self.progress.setRange(0, 0)  # copied; now the copy is being checked
            self.progress.setFormat(self.tr("Checking the copy…"))
        else:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _finished(self) -> None:
        self.progress.hide()
        self.running_note.hide()
        self.close_button.setEnabled(True)
        self.close_button.setText(self.tr("Close"))
        self.fields.clear()

    def _succeeded(self, result: CopyResult) -> None:
        self._finished()
        self.start_button.hide()
        self.close_button.setDefault(True)
        self.close_button.setFocus()
        size = QLocale().formattedDataSize(result.size)
        text = self.tr("Backup saved and verified ({size}):\n{path}").format(
            size=size, path=result.path
        )
        if result.cleaned:
            text += "\n" + self.tr(
                "%n unfinished backup file(s) left in that folder by an interrupted backup "
                "were removed ({size} freed).",
                "",
                len(result.cleaned.files),
            ).format(size=QLocale().formattedDataSize(result.cleaned.bytes))
        self.result.show_message(text, "success")
        self.backed_up.emit(result)

    def _failed(self, err: BaseException) -> None:
        self._finished()
        for widget in (self.file_edit, self.choose_button, self.own_passphrase, self.fields):
            widget.setEnabled(True)
        self.result.show_message(error_message(err))
        self._validate()

    # -- closing -----------------------------------------------------------------------------

    def closing(self) -> None:
        self.fields.clear()  # a started backup runs to the end first; the note says so
