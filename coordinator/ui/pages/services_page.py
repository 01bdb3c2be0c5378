"""Local services: the signposting directory (search, category filter, sort by any column)
and the form for one service (ServiceFormDialog). Drafts work as on the Volunteers page.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QCheckBox, QComboBox, QWidget

from coordinator.services import vocabularies
from coordinator.services.changes import Kind
from coordinator.services.listing import ServiceFilter, ServiceRow, service_ids, service_rows
from coordinator.storage.vault import Vault
from coordinator.ui.forms.service_form import ServiceFormDialog
from coordinator.ui.kit.counts import shown_number
from coordinator.ui.kit.form_list_page import FormListPage
from coordinator.ui.kit.record_list import Column
from coordinator.ui.kit.widgets import QUIET_COLOUR, fill_choices
from coordinator.ui.pages import PageSpec
from coordinator.ui.translations import translate


def _inactive_colour(row: ServiceRow) -> QColor | None:
    return None if row.active else QColor(QUIET_COLOUR)


def _name_tip(row: ServiceRow) -> str:
    return (
        row.name
        if row.active
        else translate("ServicesPage", "{name} (no longer running)").format(name=row.name)
    )


class ServicesPage(FormListPage):
    #: The key of this page's drafts (see Workspace).
    draft_form = "local_service"
    kind = "services"
    shows = frozenset({Kind.SERVICE})

    def __init__(self, vault: Vault, parent: QWidget | None = None):
        columns = [
            Column(
                translate("ServicesPage", "Name"),
                "name",
                "name",
                foreground=_inactive_colour,
                tooltip=_name_tip,
                width=300,
            ),
            Column(
                translate("ServicesPage", "Category"),
                "category",
                "category",
                foreground=_inactive_colour,
                width=220,
            ),
            Column(
                translate("ServicesPage", "Area"),
                "area",
                "area",
                foreground=_inactive_colour,
                width=200,
            ),
            Column(
                translate("ServicesPage", "Phone"), "phone", "phone", foreground=_inactive_colour
            ),
        ]
        super().__init__(
            vault,
            columns,
            lambda ids: service_rows(vault, ids),
            title=translate("ServicesPage", "Local services"),
            new_text=translate("ServicesPage", "New service…"),
            search_placeholder=translate("ServicesPage", "Search name, area, eligibility or notes"),
            parent=parent,
        )
        self.import_button.setToolTip(self.tr("Add local services from a spreadsheet"))

        self.category_filter = QComboBox()
        self.category_filter.setAccessibleName(self.tr("Category"))
        self.category_filter.addItem(self.tr("All categories"), None)
        self.refresh_choices()
        self.category_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.category_filter.setMinimumContentsLength(18)
        self.inactive_filter = QCheckBox(self.tr("Include services no longer running"))
        self.category_filter.currentIndexChanged.connect(self.reload)
        self.inactive_filter.toggled.connect(self.reload)
        self.filter_bar.addWidget(self.category_filter)
        self.filter_bar.addWidget(self.inactive_filter)
        self.filter_bar.addStretch(1)  # the list loads when the page is first shown

    # -- the list ----------------------------------------------------------------------------

    def refresh_choices(self) -> None:
        fill_choices(
            self.category_filter, vocabularies.active_terms(self.vault, "service_category")
        )

    def service_filter(self) -> ServiceFilter:
        return ServiceFilter(
            text=self.search.text(),
            category_id=self.category_filter.currentData(),
            include_inactive=self.inactive_filter.isChecked(),
        )

    def fetch_ids(self, text: str, sort: str, descending: bool) -> list[int]:
        return service_ids(self.vault, self.service_filter(), sort, descending)

    def filters_active(self) -> bool:
        return self.category_filter.currentIndex() != 0

    def count_text(self, count: int) -> str:
        return self.tr("%Ln service(s)", "", count)

    def count_all(self) -> int:
        return len(
            service_ids(
                self.vault, ServiceFilter(include_inactive=self.inactive_filter.isChecked())
            )
        )

    def count_of_text(self, shown: int, total: int) -> str:
        return self.tr("{shown} of %Ln service(s)", "", total).format(shown=shown_number(shown))

    def empty_text(self, filtered: bool) -> str:
        if filtered:
            return self.tr(
                "No service matches this search and category.\n"
                "Check the spelling, or choose All categories."
            )
        return self.tr("No local services yet.\nAdd one with New service…, or import your list.")

    # -- the form ----------------------------------------------------------------------------

    def make_dialog(self, record_id: int | None) -> ServiceFormDialog:
        return ServiceFormDialog(self.vault, record_id, self)

    def gone_text(self) -> str:
        return self.tr("That service is no longer in the database.")

    def not_listed_text(self) -> str:
        return self.tr("Saved. It is not in the list with this search and category.")

    def deleted_text(self) -> str:
        return self.tr("The service was deleted.")


PAGE = PageSpec(
    "services",
    50,
    lambda: QCoreApplication.translate("Workspace", "Services"),
    ServicesPage,
    drafts=("local_service",),
)
