"""The import dialog's columns step: where the column names were found, the first rows with
an "Import as" choice and a "Read as" line over each column, and what the choices mean
(columns not imported, needed fields no column gives, the notes about the file)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from coordinator.services import importing
from coordinator.ui.dialogs.import_mapping import MappingTable
from coordinator.ui.kit.widgets import MessageLabel, note

#: Columns that stand in for the full name.
NAME_PARTS = {"first_name", "last_name"}


class ColumnsPage(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = MappingTable()
        self.unmapped = note()
        self.missing = MessageLabel()
        self.notes = note()
        self.change_note = MessageLabel()
        self._choices: list[importing.FieldChoice] = []
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        column.addWidget(self.summary)
        column.addWidget(self.table, 1)
        column.addWidget(self.change_note)
        column.addWidget(self.unmapped)
        column.addWidget(self.missing)
        column.addWidget(self.notes)

    def show_preview(self, preview: importing.Preview) -> None:
        self._choices = importing.field_choices(preview.kind)
        self.summary.setText(self.table.summary(preview))
        self.table.show_preview(preview, self._choices)
        self.change_note.clear_message()
        notes = [n for n in preview.notes if "is not imported" not in n]
        self.notes.setText("\n".join(notes))
        self.notes.setVisible(bool(notes))

    def refresh(self) -> bool:
        """Say what the current choices mean; whether the import can start with them."""
        if self.table.last_note:
            self.change_note.show_message(self.table.last_note, "info")
        mapping = self.table.mapping()
        ignored = [header for header, field in mapping.items() if not field]
        self.unmapped.setText(
            self.tr("Not imported: {columns}.").format(columns=", ".join(f"“{h}”" for h in ignored))
            if ignored
            else self.tr("Every column will be imported.")
        )
        missing = self.missing_fields()
        if missing:
            self.missing.show_message(
                self.tr("Choose the column that gives the {fields}: it is needed.").format(
                    fields=self.tr(" and the ").join(f.lower() for f in missing)
                )
            )
        else:
            self.missing.clear_message()
        return not missing

    def missing_fields(self) -> list[str]:
        """Headers of the needed fields no column gives."""
        given = {field for field in self.table.mapping().values() if field}
        if given & NAME_PARTS:
            given.add("full_name")
        return [c.header for c in self._choices if c.required and c.name not in given]
