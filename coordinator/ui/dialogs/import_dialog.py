"""Import from a spreadsheet: choose what and which file, check the columns, say what the
values not in her lists are, import, and see which rows need fixing.

Reading the file (the preview), finding the unknown values and the import all run in a
worker thread; the import shows progress and can be cancelled until it saves (then nothing
is saved). Afterwards the rows not imported are listed with their row numbers and reasons,
and can be saved as a CSV report.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from coordinator.services import changes, importing
from coordinator.services.changes import Kind
from coordinator.services.importing.contacts import import_contacts
from coordinator.storage.vault import Vault
from coordinator.ui import settings as ui_settings
from coordinator.ui.dialogs.import_columns import ColumnsPage
from coordinator.ui.dialogs.import_contacts import ContactsCheck
from coordinator.ui.dialogs.import_result import ImportResult
from coordinator.ui.dialogs.import_values import ValuesPage
from coordinator.ui.kit.operations import Task, error_message
from coordinator.ui.kit.widgets import WARNING_COLOUR, MessageLabel, heading, note


class ImportDialog(QDialog):
    #: Records were imported (the kind: "mothers", "volunteers", "services", "contacts").
    imported = Signal(str)

    def __init__(self, vault: Vault, kind: str = "mothers", parent: QWidget | None = None):
        super().__init__(parent)
        self._vault = vault
        self._preview: importing.Preview | None = None
        self._cancel = threading.Event()
        #: The file the preview shows.
        self._read_path = ""
        self.report: importing.ImportReport | None = None
        self.preview_task = Task(self)
        self.import_task = Task(self)
        #: Finds the values not in her lists before importing.
        self.values_task = Task(self)
        self.setWindowTitle(self.tr("Import from a spreadsheet"))

        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Kind of records to import"))
        for name, label in (
            ("mothers", self.tr("Mothers")),
            ("volunteers", self.tr("Volunteers")),
            ("services", self.tr("Local services")),
            ("contacts", self.tr("Contacts (a spreadsheet of visits)")),
        ):
            self.kind.addItem(label, name)
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        self.file = QLineEdit()
        self.file.setPlaceholderText(self.tr("A .csv or .xlsx file"))
        self.file.setAccessibleName(self.tr("Spreadsheet to import"))
        self.browse_button = QPushButton(self.tr("&Browse…"))
        self.file_message = MessageLabel()

        self.start_note = note()
        self.columns_page = ColumnsPage()
        page = self.columns_page
        self.summary, self.table, self.notes = page.summary, page.table, page.notes
        self.unmapped, self.missing, self.change_note = (
            page.unmapped,
            page.missing,
            page.change_note,
        )
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Import progress"))
        self.progress.hide()

        self.reminder = note(
            self.tr(
                "The spreadsheet itself is not encrypted. Once its rows are in Coordinator, "
                "you can delete it from this PC (and from any USB stick or email)."
            ),
            WARNING_COLOUR,
        )
        self.message = MessageLabel()
        self.import_button = QPushButton(self.tr("&Import"))
        self.import_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAutoDefault(False)
        self.back_button = QPushButton(self.tr("&Back"))
        self.back_button.setAutoDefault(False)
        self.browse_button.setAutoDefault(False)

        self._lay_out()
        self._explain_kind()
        self.kind.currentIndexChanged.connect(self._explain_kind)
        self.kind.currentIndexChanged.connect(self.read_file)
        self.file.returnPressed.connect(self.read_file)
        self.file.editingFinished.connect(self._file_edited)
        self.browse_button.clicked.connect(self.browse)
        self.table.mapping_changed.connect(self._mapping_changed)
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button.clicked.connect(self._cancel_clicked)
        self.preview_task.succeeded.connect(self._previewed)
        self.preview_task.failed.connect(self._preview_failed)
        self.import_task.progress.connect(self._progress)
        self.import_task.succeeded.connect(self._imported)
        self.import_task.failed.connect(self._import_failed)
        self.values_task.succeeded.connect(self._values_found)
        self.values_task.failed.connect(self._import_failed)
        self.back_button.clicked.connect(lambda: self._show_step(1))
        self._show_step(0)

    def _lay_out(self) -> None:
        chooser = QGridLayout()
        chooser.setHorizontalSpacing(8)
        what = QLabel(self.tr("&Records"))
        what.setBuddy(self.kind)
        chooser.addWidget(what, 0, 0)
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.kind)
        kind_row.addStretch(1)
        chooser.addLayout(kind_row, 0, 1, 1, 2)
        where = QLabel(self.tr("&File"))
        where.setBuddy(self.file)
        chooser.addWidget(where, 1, 0)
        chooser.addWidget(self.file, 1, 1)
        chooser.addWidget(self.browse_button, 1, 2)
        chooser.addWidget(self.file_message, 2, 1, 1, 2)
        chooser.setColumnStretch(1, 1)

        start = QWidget()
        column = QVBoxLayout(start)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.start_note)
        column.addStretch(1)

        self.steps = QStackedWidget()
        self.result = ImportResult()
        self.values_page = ValuesPage()
        #: Contacts: the trial run's report instead of the columns and values steps.
        self.contacts_check = ContactsCheck()
        pages = (start, self.columns_page, self.values_page, self.result, self.contacts_check)
        for page in pages:
            self.steps.addWidget(page)

        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.cancel_button)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(heading(self.tr("Import from a spreadsheet"), 2))
        layout.addLayout(chooser)
        layout.addWidget(self.steps, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.reminder)
        layout.addLayout(buttons)
        self.resize(940, 640)

    # -- choosing ----------------------------------------------------------------------------

    def _explain_kind(self) -> None:
        self.start_note.setText(
            self.tr(
                "Choose the volunteers' spreadsheet of visits (CSV or .xlsx): each row needs "
                "a date and the mother and the volunteer, by reference or by name. You see "
                "which rows would be added, and which need fixing, before anything is saved."
            )
            if self.kind_name() == "contacts"
            else self.tr(
                "Choose a CSV or Excel (.xlsx) file. Coordinator finds the row with the column "
                "names, even under a title, and suggests what each column is. You can change "
                "that here before anything is saved."
            )
        )

    def kind_name(self) -> str:
        return str(self.kind.currentData())

    def path(self) -> Path | None:
        text = self.file.text().strip().strip('"')
        return Path(text).expanduser() if text else None

    def browse(self) -> None:
        start = self.path().parent if self.path() else ui_settings.spreadsheet_folder()
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Spreadsheet to import"),
            str(start),
            self.tr("Spreadsheets (*.csv *.xlsx *.xlsm);;All files (*)"),
        )
        if chosen:
            ui_settings.remember_spreadsheet_folder(Path(chosen))
            self.file.setText(chosen)
            self.read_file()

    def _file_edited(self) -> None:
        if self._preview is None or str(self.path()) != self._read_path:
            self.read_file()

    def read_file(self) -> None:
        """Read the chosen file's header and first rows (in the background)."""
        path = self.path()
        if path is None or self._busy():
            return
        self._read_path = str(path)
        self.file_message.show_message(self.tr("Reading the file…"), "info")
        self.message.clear_message()
        self.import_button.setEnabled(False)
        kind, vault = self.kind_name(), self._vault
        if kind == "contacts":  # a trial run that saves nothing says what importing would do
            self.preview_task.start(
                lambda _progress: import_contacts(vault, path, dry_run=True), "import-preview"
            )
            return
        self.preview_task.start(
            lambda _progress: importing.preview(path, kind, vault=vault), "import-preview"
        )

    def _previewed(self, preview: importing.Preview | importing.ImportReport) -> None:
        if preview.kind != self.kind_name() or self._read_path != str(self.path()):
            self.read_file()  # changed while it was being read
            return
        self.file_message.clear_message()
        if isinstance(preview, importing.ImportReport):
            self._preview = None
            self.contacts_check.show_report(preview, self.path())
            self._show_step(4)
            self.import_button.setEnabled(preview.imported > 0)
            return
        self._preview = preview
        self.columns_page.show_preview(preview)
        self._show_step(1)
        self._mapping_changed()

    def _preview_failed(self, err: BaseException) -> None:
        self._preview = None
        text = str(err) if isinstance(err, importing.ImportFileError) else error_message(err)
        self.file_message.show_message(text)
        self._show_step(0)

    def _mapping_changed(self) -> None:
        ready = self.columns_page.refresh()
        self.import_button.setEnabled(ready and bool(self._preview))

    def missing_fields(self) -> list[str]:
        """Headers of the needed fields no column gives."""
        return self.columns_page.missing_fields()

    # -- importing ---------------------------------------------------------------------------

    def _busy(self) -> bool:
        return self.preview_task.running or self.import_task.running or self.values_task.running

    def start_import(self) -> None:
        """From the columns step: look for values not in her lists first (and ask about
        them, if any); from the values step: import with her answers."""
        path = self.path()
        step = self.steps.currentIndex()
        if step == 4:  # contacts, checked by a trial run
            if path is not None and str(path) == self._read_path and not self._busy():
                self._import_contacts(path)
            return
        if (
            path is None
            or self._preview is None
            or self.missing_fields()
            or self._busy()
            or str(path) != self._read_path
            or step not in (1, 2)
        ):
            return
        if step == 2:
            self._run_import(path, self.values_page.choices())
            return
        kind, mapping, vault = self.kind_name(), self.table.mapping(), self._vault
        self._set_running(True)
        self.values_task.start(
            lambda _progress: importing.unknown_values(vault, kind, path, mapping), "import-values"
        )

    def _values_found(self, found: list[importing.UnknownColumn]) -> None:
        self._set_running(False)
        path = self.path()
        if path is None:
            return
        if not found:
            self._run_import(path, None)
            return
        self.values_page.show_unknown(found)
        self._show_step(2)

    def _run_import(self, path: Path, values: dict[str, dict[str, str]] | None) -> None:
        kind, mapping = self.kind_name(), self.table.mapping()
        self._cancel.clear()
        self._set_running(True)
        self.progress.setRange(0, 0)
        self.progress.setFormat(self.tr("Checking rows…"))
        self.progress.show()
        vault, cancelled = self._vault, self._cancel.is_set
        self.import_task.start(
            lambda progress: importing.import_file(
                vault,
                kind,
                path,
                mapping=mapping,
                values=values,
                add_new_terms=values is not None,
                progress=progress,
                cancelled=cancelled,
            ),
            "import",
            changes={changes.of_list(kind), Kind.VOCABULARY},
        )

    def _import_contacts(self, path: Path) -> None:
        """One transaction, quick: it runs to the end once started."""
        self._set_running(True)
        self.cancel_button.setEnabled(False)
        vault = self._vault
        self.import_task.start(
            lambda _progress: import_contacts(vault, path), "import", changes={Kind.CONTACT}
        )

    def _set_running(self, running: bool) -> None:
        for widget in (
            self.kind,
            self.file,
            self.browse_button,
            self.table,
            self.values_page,
            self.back_button,
            self.import_button,
        ):
            widget.setEnabled(not running)
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText(self.tr("Cancel"))

    def _progress(self, done: int, total: int) -> None:
        if total <= 0:
            return
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        if done >= total - 1:
            self.progress.setFormat(self.tr("Saving…"))
            self.cancel_button.setEnabled(False)  # the save is one transaction: let it finish
        else:
            self.progress.setFormat(
                self.tr("Checking row {done} of {total}").format(
                    done=f"{done:,}", total=f"{total - 1:,}"
                )
            )

    def _imported(self, report: importing.ImportReport) -> None:
        self.progress.hide()
        self._set_running(False)
        self.report = report
        self.result.show_report(report, self.path())
        self.import_button.hide()
        self.cancel_button.setText(self.tr("Close"))
        self._show_step(3)
        self.imported.emit(report.kind)

    def _import_failed(self, err: BaseException) -> None:
        self.progress.hide()
        self._set_running(False)
        if isinstance(err, importing.ImportCancelled):
            self.message.show_message(self.tr("Import cancelled: nothing was saved."), "warning")
        elif isinstance(err, importing.ImportFileError):
            self.message.show_message(str(err))
        else:
            self.message.show_message(error_message(err) + " " + self.tr("Nothing was imported."))
        self._mapping_changed()

    # -- steps and closing -------------------------------------------------------------------

    def _show_step(self, step: int) -> None:
        self.steps.setCurrentIndex(step)
        self.import_button.setVisible(step != 3)
        self.back_button.setVisible(step == 2)
        if step != 3:
            self.cancel_button.setText(self.tr("Cancel"))
        if step == 0:
            self.import_button.setEnabled(False)

    def _cancel_clicked(self) -> None:
        if self.import_task.running:
            self._cancel.set()
            self.cancel_button.setEnabled(False)
            self.cancel_button.setText(self.tr("Cancelling…"))
        else:
            self.reject()

    def reject(self) -> None:
        if self.import_task.running:  # cancel it; the dialog closes once it has stopped
            self._cancel.set()
            self.import_task.finished.connect(super().reject)
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        if self.import_task.running:
            self._cancel.set()
            event.ignore()
            return
        super().closeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if event.key() == Qt.Key.Key_Escape and self.import_task.running:
            self._cancel_clicked()
            return
        super().keyPressEvent(event)
