"""Her letters, as a read-only section of her form: when, which letter, to whom, and what
it held (a summary's sections) and who made it. Letters… makes a new one; the list follows."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from coordinator.services import letters as L
from coordinator.storage.vault import Vault
from coordinator.ui.kit.form_parts.fields import Section
from coordinator.ui.kit.operations import error_message
from coordinator.ui.kit.widgets import fit_rows, note, read_only_rows
from coordinator.ui.translations import translate, word

ROWS_SHOWN = 6


class LettersSection(Section):
    def __init__(self, vault: Vault) -> None:
        super().__init__(translate("MotherLetters", "Letters"))
        self.vault = vault
        self.rows: list[L.LetterRow] = []
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [
                translate("MotherLetters", "Date"),
                translate("MotherLetters", "Letter"),
                translate("MotherLetters", "To"),
                translate("MotherLetters", "Held, and made by"),
            ]
        )
        read_only_rows(self.table, translate("MotherLetters", "Her letters"))
        header = self.table.horizontalHeader()
        for column in (0, 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for column in (2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.none_label = note()
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.none_label)
        column.addWidget(self.table)
        self.form_layout.addRow(body)

    def show_form(self, form: Any) -> None:
        super().show_form(form)
        from coordinator.letters import uk_date

        self.rows, text = [], ""
        if form.id is None:
            text = translate("MotherLetters", "Her letters are listed here once she is saved.")
        else:
            try:
                self.rows = L.letters_for_mother(self.vault, form.id)
            except Exception as err:  # noqa: BLE001 (a storage fault is shown, not raised)
                text = error_message(err)
            else:
                if not self.rows:
                    text = translate("MotherLetters", "No letters yet: make one with Letters….")
        self.none_label.setText(text)
        self.none_label.setVisible(bool(text))
        self.table.setRowCount(len(self.rows))
        for number, row in enumerate(self.rows):
            held = ", ".join(word(L.SECTION_LABELS[s]) for s in row.sections)
            if row.made_by:
                by = translate("MotherLetters", "made by {who}").format(who=row.made_by)
                held = f"{held} · {by}" if held else by
            cells = [uk_date(row.sent_on) if row.sent_on else "", word(row.label), row.to, held]
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setToolTip("\n".join(t for t in (value, row.note) if t))  # cut short
                self.table.setItem(number, column, item)
        fit_rows(self.table, len(self.rows), ROWS_SHOWN)
