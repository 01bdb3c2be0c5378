"""A mother's or a volunteer's matches, as a read-only section of her form: who with, the
project, the status and since when; Open shows the match on the Matches page, and a mother
not yet matched can have a volunteer found for her from here."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coordinator.services.matching import MatchRow, matches_for_person
from coordinator.storage.vault import Vault
from coordinator.ui.kit.form_parts.fields import Section
from coordinator.ui.kit.operations import error_message
from coordinator.ui.kit.widgets import fit_rows, note, read_only_rows
from coordinator.ui.translations import translate
from coordinator.ui.wizards.matching.common import long_date, person, status_word

ROWS_SHOWN = 5


class MatchesSection(Section):
    #: Show this match on the Matches page (its id).
    open_match = Signal(int)
    #: Find a volunteer for this mother (the mother form only).
    find_volunteer = Signal()

    def __init__(self, vault: Vault, side: str) -> None:
        """`side`: "mother" (the other person is the volunteer) or "volunteer"."""
        super().__init__(translate("PersonMatches", "Matches"))
        self.vault, self.side = vault, side
        self.rows: list[MatchRow] = []
        self.table = QTableWidget(0, 4)
        other = (
            translate("PersonMatches", "Volunteer")
            if side == "mother"
            else translate("PersonMatches", "Mother")
        )
        self.table.setHorizontalHeaderLabels(
            [
                other,
                translate("PersonMatches", "Project"),
                translate("PersonMatches", "Status"),
                translate("PersonMatches", "Since"),
            ]
        )
        read_only_rows(self.table, translate("PersonMatches", "Her matches"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.none_label = note()
        self.open_button = QPushButton(translate("PersonMatches", "Open on the Matches page"))
        self.open_button.setAutoDefault(False)
        self.find_button = QPushButton(translate("PersonMatches", "Find a volunteer…"))
        self.find_button.setAutoDefault(False)
        self.find_button.setVisible(side == "mother")
        self.find_button.setToolTip(
            translate("PersonMatches", "Rank the volunteers who could support her")
        )
        self.log_button = QPushButton(translate("PersonMatches", "Log contacts…"))
        self.log_button.setAutoDefault(False)
        self.log_button.setToolTip(
            translate("PersonMatches", "Log visits and calls for this match")
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.log_button)
        buttons.addWidget(self.find_button)
        buttons.addStretch(1)
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.none_label)
        column.addWidget(self.table)
        column.addLayout(buttons)
        self.form_layout.addRow(body)
        self.open_button.clicked.connect(self._open_chosen)
        self.log_button.clicked.connect(self.log_contacts)
        self.table.cellDoubleClicked.connect(lambda row, _column: self._open_chosen())
        self.table.itemSelectionChanged.connect(self._enable)
        self.find_button.clicked.connect(self.find_volunteer)

    def show_form(self, form: Any) -> None:
        super().show_form(form)
        self.rows = []
        text = ""
        if form.id is None:
            text = translate("PersonMatches", "Her matches are listed here once she is saved.")
        else:
            try:
                if self.side == "mother":
                    self.rows = matches_for_person(self.vault, mother_id=form.id)
                else:
                    self.rows = matches_for_person(self.vault, volunteer_id=form.id)
            except Exception as err:  # noqa: BLE001 (a storage fault is shown, not raised)
                text = error_message(err)
            else:
                if not self.rows:
                    text = translate("PersonMatches", "No matches yet.")
        self.none_label.setText(text)
        self.none_label.setVisible(bool(text))
        self.table.setRowCount(len(self.rows))
        for number, row in enumerate(self.rows):
            other = (
                person(row.volunteer_name, row.volunteer_ref)
                if self.side == "mother"
                else person(row.mother_name, row.mother_ref)
            )
            cells = [other, row.project or "", status_word(row.status), long_date(row.since)]
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, row.match_id)
                self.table.setItem(number, column, item)
        fit_rows(self.table, len(self.rows), ROWS_SHOWN)
        if self.rows:
            self.table.selectRow(0)
        self.find_button.setEnabled(form.id is not None and not self._current())
        self._enable()

    def _current(self) -> bool:
        return any(row.status in ("proposed", "active", "paused") for row in self.rows)

    def _enable(self) -> None:
        self.open_button.setEnabled(self.chosen() is not None)
        chosen = self.table.selectionModel().selectedRows()
        live = bool(chosen) and self.rows[chosen[0].row()].status in ("active", "paused")
        self.log_button.setEnabled(live)

    def log_contacts(self) -> QWidget | None:
        """The contact log for the chosen match, over the form."""
        from coordinator.ui.dialogs.contact_dialog import ContactDialog

        chosen = self.chosen()
        if chosen is None:
            return None
        dialog = ContactDialog(self.vault, chosen, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.contact_dialog = dialog
        return dialog

    def chosen(self) -> int | None:
        selected = self.table.selectionModel().selectedRows()
        if not selected or not self.rows:
            return None
        return self.rows[selected[0].row()].match_id

    def _open_chosen(self) -> None:
        chosen = self.chosen()
        if chosen is not None:
            self.open_match.emit(chosen)


def attach_matches(dialog: Any, section: MatchesSection, today: Any) -> None:
    """Wire a form's Matches section: Open closes the form (asking first about unsaved
    changes) and then asks for the match on the Matches page (`dialog.match_requested`);
    Find a volunteer… opens the matching wizard over the form and lists the proposal."""

    def open_match(match_id: int) -> None:
        if dialog.close():
            dialog.match_requested.emit(match_id)

    def find_volunteer() -> None:
        from coordinator.ui.wizards.matching import MatchingWizard

        if dialog.record_id is None:
            return
        wizard = MatchingWizard(dialog.vault, dialog.record_id, dialog, today=today)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.proposed.connect(lambda _match_id: section.show_form(dialog.form))
        dialog.wizard = wizard
        wizard.open()

    section.open_match.connect(open_match)
    section.find_volunteer.connect(find_volunteer)
