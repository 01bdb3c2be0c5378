"""Export a list (the records its search and filters show) to a CSV or XLSX file.

    export_list(page, vault, "mothers", page.ids(), page.message)

First a warning that the file will NOT be encrypted (the user must choose Export), then
the file dialog, then services.exporting.export in a background task; the outcome is shown
in `report`. The service writes the file atomically (0600) and the audit event.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from coordinator.services import exporting
from coordinator.storage.vault import Vault
from coordinator.ui import settings as ui_settings
from coordinator.ui.kit.operations import Task, error_message
from coordinator.ui.kit.widgets import MessageLabel
from coordinator.ui.translations import translate


class ExportCounts(QObject):
    """The export's counts in words. (A class only for its tr(): lupdate finds plural
    forms in tr() calls alone.)"""

    def records(self, kind: str, count: int) -> str:
        """'1 mother', '2,310 volunteers', ...: how many records of the list `kind`."""
        if kind == "mothers":
            return self.tr("%Ln mother(s)", "", count)
        if kind == "volunteers":
            return self.tr("%Ln volunteer(s)", "", count)
        if kind == "services":
            return self.tr("%Ln local service(s)", "", count)
        return self.tr("%Ln record(s)", "", count)


def records_text(kind: str, count: int) -> str:
    return ExportCounts().records(kind, count)


def file_filters() -> str:
    """The file dialog's choice of types; the chosen one ends with its pattern."""
    return (
        translate("Export", "CSV (*.csv)") + ";;" + translate("Export", "Excel workbook (*.xlsx)")
    )


def confirm_unencrypted(parent: QWidget, count: int, kind: str) -> bool:
    """The warning every export shows first; True when the user chose Export."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        translate("Export", "The exported file will not be encrypted"),
        translate(
            "Export",
            "The file will NOT be encrypted: anyone who can open it can read the {records} "
            "in it, with their personal details.\n\n"
            "Save it only on this PC or an encrypted drive, never email it, and delete it "
            "when you no longer need it.",
        ).format(records=records_text(kind, count)),
        parent=parent,
    )
    box.setObjectName("unencrypted_warning")
    export = box.addButton(translate("Export", "&Export"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is export


def choose_file(parent: QWidget, kind: str) -> Path | None:
    start = ui_settings.spreadsheet_folder() / f"{kind}.csv"
    chosen, chosen_filter = QFileDialog.getSaveFileName(
        parent,
        translate("Export", "Export to a file"),
        str(start),
        file_filters(),
    )
    if not chosen:
        return None
    path = Path(chosen)
    ui_settings.remember_spreadsheet_folder(path)
    if path.suffix.lower() not in exporting.FORMATS:
        path = path.with_suffix(".xlsx" if chosen_filter.endswith("(*.xlsx)") else ".csv")
    return path


def export_list(
    parent: QWidget, vault: Vault, kind: str, ids: list[int], report: MessageLabel
) -> Task | None:
    """Warn, ask for a file, export `ids` of `kind` in the background; the task, or None."""
    if not ids:
        report.show_message(translate("Export", "There is nothing in this list to export."), "info")
        return None
    if not confirm_unencrypted(parent, len(ids), kind):
        return None
    path = choose_file(parent, kind)
    if path is None:
        return None
    task = Task(parent)
    task.setObjectName("export")
    report.show_message(
        translate("Export", "Exporting {records}…").format(records=records_text(kind, len(ids))),
        "info",
    )

    def done(result: exporting.ExportResult) -> None:
        report.show_message(
            translate(
                "Export",
                "Exported {records} to {path}. That file is not encrypted: delete it "
                "when you no longer need it.",
            ).format(records=records_text(kind, result.count), path=result.path),
            "success",
        )

    def failed(err: BaseException) -> None:
        reason = str(err) if isinstance(err, exporting.ExportError) else error_message(err)
        report.show_message(
            translate("Export", "Nothing was exported. {reason}").format(reason=reason)
        )

    task.succeeded.connect(done)
    task.failed.connect(failed)
    task.finished.connect(task.deleteLater)
    records = list(ids)
    task.start(lambda _progress: exporting.export(vault, kind, path, ids=records), "export")
    return task
