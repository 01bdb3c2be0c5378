"""File > New database… and Open database…: choosing another database file.

Opening closes the database that is open first, so the window asks (its unsaved forms are
kept as drafts and offered back when it is opened again). A spreadsheet chosen by mistake
is called that, and its import offered instead.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

from coordinator.services.file_kinds import is_importable, is_spreadsheet
from coordinator.storage.errors import DatabaseExists

if TYPE_CHECKING:
    from coordinator.ui.shell.main_window import MainWindow


class DatabaseFiles(QObject):
    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        #: The question shown last (tests answer it).
        self.question: QMessageBox | None = None

    def _start_folder(self) -> Path:
        path = self.window.controller.path
        return path.parent if path else Path.home()

    def new_database(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("New database"),
            str(self._start_folder() / "coordinator.db"),
            self.tr("Coordinator database (*.db)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if not chosen:
            return
        path = Path(chosen)
        if not path.suffix:
            path = path.with_suffix(".db")
        if path.exists():
            QMessageBox.warning(
                self.window, self.tr("File already exists"), DatabaseExists(path).user_message()
            )
            return
        if self.may_close_open_database(path):
            self.window.show_create(path)

    def open_database(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Open database"),
            str(self._start_folder()),
            self.tr("Coordinator database (*.db);;All files (*)"),
        )
        if chosen:
            self.open_path(Path(chosen))

    def open_path(self, path: Path) -> None:
        """Open `path` as a database, unless it is a spreadsheet or the user keeps the open one."""
        if is_spreadsheet(path):
            self._offer_import(path)
            return
        if self.may_close_open_database(path):
            self.window.show_unlock(path)

    def may_close_open_database(self, other: Path) -> bool:
        """Whether the database open now may be closed to work on `other` (asked)."""
        controller = self.window.controller
        if not controller.is_open or controller.path == other.absolute():
            return True
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Close this database?"),
            self.tr(
                "{current} will be closed and locked first. Unsaved changes in open forms are "
                "kept, and offered back when you open it again."
            ).format(current=controller.path.name),
            parent=self.window,
        )
        close = box.addButton(self.tr("&Close it and go on"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        self.question = box
        box.exec()
        return box.clickedButton() is close

    def _offer_import(self, path: Path) -> None:
        unlocked = self.window.controller.is_open and self.window.workspace is not None
        text = self.tr(
            "{name} is a spreadsheet, not a Coordinator database. Coordinator can bring its "
            "rows in as records: use File > Import from a spreadsheet…"
        ).format(name=path.name)
        if not unlocked:
            text += " " + self.tr("Unlock your database first.")
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("That is a spreadsheet"), text)
        box.setParent(self.window, box.windowFlags())
        importing = None
        if unlocked and is_importable(path):
            importing = box.addButton(self.tr("&Import it…"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        self.question = box
        box.exec()
        if importing is not None and box.clickedButton() is importing:
            dialog = self.window.import_spreadsheet()
            if dialog is not None:
                dialog.file.setText(str(path))
                dialog.read_file()
