"""The import dialog's check of a volunteers' spreadsheet of visits, before anything is saved.

Contacts need no column choices (each row's match is found by the mother's and the
volunteer's references or names), so the file is read once as a trial run and this page
says what importing would do: how many contacts would be added, which rows are already
there, and which rows need fixing and why, so she can fix them first or import the rest.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from coordinator.services.importing import ImportReport
from coordinator.ui.dialogs.import_result import ImportResult


class ContactsCheck(ImportResult):
    """The trial run's report: what would be imported, and the rows that would not."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.columns = self.notes  # the columns recognised, under the table

    def show_report(self, report: ImportReport, source: Path | None) -> None:
        super().show_report(report, source)
        self.title.setText(self.summary(report))
        if report.imported == 0 and not report.rejected:
            text = (
                self.tr("Every row is already there: there is nothing new to import.")
                if report.duplicates
                else self.tr("No contacts were found in this file.")
            )
        elif report.rejected and report.imported == 0:
            text = self.tr(
                "These rows would not be imported: fix them in the spreadsheet, then choose "
                "it again."
            )
        elif report.rejected:
            text = self.tr(
                "These rows would not be imported. You can fix them in the spreadsheet "
                "first, or import the other rows now and these once they are fixed: rows "
                "already imported are recognised and not added twice."
            )
        else:
            text = self.tr("Press Import to add these contacts to their matches.")
        self.explanation.setText(text)
        lines = list(report.notes)
        if report.mapping:
            lines.append(self.tr("Columns read: {list}.").format(list=", ".join(report.mapping)))
        if report.unmapped:
            lines.append(
                self.tr("Columns left out: {list}.").format(list=", ".join(report.unmapped))
            )
        self.columns.setText("\n".join(lines))
        self.columns.setVisible(bool(lines))

    def summary(self, report: ImportReport) -> str:
        """'12 contacts to import, 1 duplicate (already there), 2 rows need fixing'."""
        head = (
            self.tr("1 contact to import")
            if report.imported == 1
            else self.tr("{n} contacts to import").format(n=f"{report.imported:,}")
        )
        return f"{head}, {self.duplicates_and_fixing(report)}"
