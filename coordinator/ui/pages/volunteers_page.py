"""Volunteers: the list (search, filters, sort by any column) and the form for one volunteer.

The list is a RecordListPage over services.listing (volunteer_ids / volunteer_rows); a DBS
check past its due date shows in red, one due within 60 days in amber. The form is a
VolunteerFormDialog; while it is open its unsaved values go to the workspace as a draft on
locking (the draft key is the form alone; the record's id travels inside the values).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QCheckBox, QComboBox, QPushButton, QWidget

from coordinator.models import VolunteerStatus
from coordinator.services import vocabularies
from coordinator.services.changes import Kind
from coordinator.services.listing import (
    VolunteerFilter,
    VolunteerRow,
    volunteer_ids,
    volunteer_rows,
)
from coordinator.services.records.labels import VOLUNTEER_STATUS_LABELS
from coordinator.services.records.list_people import ALL_STATUSES
from coordinator.storage.vault import Vault
from coordinator.ui.forms.volunteer_form import VolunteerFormDialog
from coordinator.ui.kit.counts import shown_number
from coordinator.ui.kit.form_list_page import FormListPage
from coordinator.ui.kit.record_list import Column
from coordinator.ui.kit.widgets import (
    ERROR_COLOUR,
    WARNING_COLOUR,
    fill_choices,
    keep_room_when_hidden,
    lend_lock_action,
    link_button,
)
from coordinator.ui.pages import PageSpec
from coordinator.ui.translations import translate, word


class ListRow:
    """A VolunteerRow with the DBS date as shown: '3 Jan 2026 (overdue)'."""

    def __init__(self, row: VolunteerRow):
        self.row = row
        self.id = row.id
        due = row.dbs_due
        text = QLocale().toString(due, "d MMM yyyy") if due else ""
        if row.dbs_overdue:
            text = translate("VolunteersPage", "{day} (overdue)").format(day=text)
        self.dbs_due_text = text

    def __getattr__(self, name: str) -> Any:
        return getattr(self.row, name)


def _due_colour(row: ListRow) -> QColor | None:
    if row.dbs_overdue:
        return QColor(ERROR_COLOUR)
    if row.dbs_due_soon:
        return QColor(WARNING_COLOUR)
    return None


def _due_tip(row: ListRow) -> str | None:
    if row.dbs_due is None:
        return translate("VolunteersPage", "No DBS check recorded")
    if row.dbs_overdue:
        return translate("VolunteersPage", "The next DBS check was due on {day}").format(
            day=row.dbs_due_text
        )
    if row.dbs_due_soon:
        return translate("VolunteersPage", "The next DBS check is due within 60 days")
    return None


#: The status filter's choices: key -> statuses (the first is the default).
STATUS_CHOICES: dict[str, frozenset[VolunteerStatus]] = {
    "current": ALL_STATUSES - {VolunteerStatus.LEFT},
    "all": ALL_STATUSES,
    **{status.value: frozenset({status}) for status in VOLUNTEER_STATUS_LABELS},
}


class VolunteersPage(FormListPage):
    #: Show this match on the Matches page (the workspace does).
    match_requested = Signal(int)
    #: The key of this page's drafts (see Workspace).
    draft_form = "volunteer"
    kind = "volunteers"
    shows = frozenset({Kind.VOLUNTEER, Kind.MATCH})

    def __init__(self, vault: Vault, parent: QWidget | None = None, *, today: date | None = None):
        columns = [
            Column(translate("VolunteersPage", "Name"), "name", "name", width=230),
            Column(translate("VolunteersPage", "Ref"), "reference", "reference", width=70),
            Column(
                translate("VolunteersPage", "Status"), "status", "status", width=110, words=True
            ),
            Column(
                translate("VolunteersPage", "DBS due"),
                "dbs_due_text",
                "dbs_due",
                foreground=_due_colour,
                tooltip=_due_tip,
                width=160,
            ),
            Column(translate("VolunteersPage", "Languages"), "languages", "languages", width=200),
            Column(translate("VolunteersPage", "Areas"), "areas", "areas", width=200),
            Column(translate("VolunteersPage", "Matches"), "matches", "matches"),
        ]
        super().__init__(
            vault,
            columns,
            lambda ids: [ListRow(r) for r in volunteer_rows(vault, ids, self.today)],
            title=translate("VolunteersPage", "Volunteers"),
            new_text=translate("VolunteersPage", "New volunteer…"),
            search_placeholder=translate("VolunteersPage", "Search name, phone, postcode or area"),
            parent=parent,
        )
        self.today = today or date.today()
        self.import_button.setToolTip(self.tr("Add volunteers from a spreadsheet"))
        self.supervision_button = QPushButton(self.tr("Supervision…"))
        self.supervision_button.setToolTip(self.tr("The selected volunteer's supervision notes"))
        self.supervision_button.clicked.connect(lambda: self.open_supervision())
        self.add_title_button(self.supervision_button)
        self._build_filters()  # the list loads when the page is first shown (FormListPage)

    def open_supervision(self, volunteer_id: int | None = None) -> QWidget | None:
        """The volunteer's supervision notes (the selected one's, unless given)."""
        from coordinator.ui.dialogs.supervision_dialog import SupervisionDialog

        volunteer_id = volunteer_id or self.selected_id()
        if volunteer_id is None:
            self.message.show_message(self.tr("Choose a volunteer in the list first."), "info")
            return None
        dialog = SupervisionDialog(self.vault, volunteer_id, today=self.today, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        lend_lock_action(dialog, self)
        dialog.open()
        self.supervision_dialog = dialog
        return dialog

    # -- filters -----------------------------------------------------------------------------

    def _build_filters(self) -> None:
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName(self.tr("Status"))
        self.status_filter.addItem(self.tr("Current (not left)"), "current")
        self.status_filter.addItem(self.tr("All statuses"), "all")
        for status, label in VOLUNTEER_STATUS_LABELS.items():
            self.status_filter.addItem(word(label), status.value)
        self.project_filter = QComboBox()
        self.project_filter.setAccessibleName(self.tr("Project"))
        self.project_filter.addItem(self.tr("All projects"), None)
        self.language_filter = QComboBox()
        self.language_filter.setAccessibleName(self.tr("Language"))
        self.language_filter.addItem(self.tr("Any language"), None)
        self.refresh_choices()
        self.overdue_filter = QCheckBox(self.tr("DBS overdue"))
        self.overdue_filter.setToolTip(
            self.tr("Only volunteers whose next DBS check date has passed")
        )
        self.clear_filters = keep_room_when_hidden(link_button(self.tr("Clear filters")))
        self.clear_filters.clicked.connect(self.reset_filters)
        for combo in (self.status_filter, self.project_filter, self.language_filter):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(12)
            combo.currentIndexChanged.connect(self.reload)
            self.filter_bar.addWidget(combo)
        self.overdue_filter.toggled.connect(self.reload)
        self.filter_bar.addWidget(self.overdue_filter)
        self.filter_bar.addWidget(self.clear_filters)
        self.filter_bar.addStretch(1)

    def refresh_choices(self) -> None:
        fill_choices(self.project_filter, vocabularies.project_choices(self.vault))
        fill_choices(self.language_filter, vocabularies.active_terms(self.vault, "language"))

    def volunteer_filter(self) -> VolunteerFilter:
        return VolunteerFilter(
            text=self.search.text(),
            statuses=STATUS_CHOICES[self.status_filter.currentData()],
            project_id=self.project_filter.currentData(),
            language_id=self.language_filter.currentData(),
            dbs_overdue_only=self.overdue_filter.isChecked(),
        )

    def filters_active(self) -> bool:
        return (
            self.status_filter.currentIndex() != 0
            or self.project_filter.currentIndex() != 0
            or self.language_filter.currentIndex() != 0
            or self.overdue_filter.isChecked()
        )

    def reset_filters(self) -> None:
        widgets = (self.status_filter, self.project_filter, self.language_filter)
        for widget in (*widgets, self.overdue_filter):
            widget.blockSignals(True)
        for combo in widgets:
            combo.setCurrentIndex(0)
        self.overdue_filter.setChecked(False)
        for widget in (*widgets, self.overdue_filter):
            widget.blockSignals(False)
        self.reload()

    # -- the list ----------------------------------------------------------------------------

    def fetch_ids(self, text: str, sort: str, descending: bool) -> list[int]:
        return volunteer_ids(self.vault, self.volunteer_filter(), sort, descending, self.today)

    def reload(self) -> None:
        super().reload()
        self.clear_filters.setVisible(self.filters_active())

    def count_text(self, count: int) -> str:
        return self.tr("%Ln volunteer(s)", "", count)

    def count_all(self) -> int:
        return len(
            volunteer_ids(
                self.vault,
                VolunteerFilter(statuses=STATUS_CHOICES[self.status_filter.itemData(0)]),
                today=self.today,
            )
        )

    def count_of_text(self, shown: int, total: int) -> str:
        return self.tr("{shown} of %Ln volunteer(s)", "", total).format(shown=shown_number(shown))

    def empty_text(self, filtered: bool) -> str:
        if filtered:
            return self.tr(
                "No one matches this search and these filters.\n"
                "Check the spelling, or choose Clear filters."
            )
        return self.tr(
            "No volunteers yet.\nAdd one with New volunteer…, or import your spreadsheet."
        )

    # -- the form ----------------------------------------------------------------------------

    def make_dialog(self, record_id: int | None) -> VolunteerFormDialog:
        dialog = VolunteerFormDialog(self.vault, record_id, self, today=self.today)
        dialog.match_requested.connect(self.match_requested)
        return dialog

    def gone_text(self) -> str:
        return self.tr("That volunteer is no longer in the database.")

    def not_listed_text(self) -> str:
        return self.tr("Saved. She is not in the list with this search and these filters.")

    def deleted_text(self) -> str:
        return self.tr("The volunteer's record was deleted.")


PAGE = PageSpec(
    "volunteers",
    30,
    lambda: QCoreApplication.translate("Workspace", "Volunteers"),
    VolunteersPage,
    drafts=("volunteer",),
)
