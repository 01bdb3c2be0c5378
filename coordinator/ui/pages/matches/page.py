"""The Matches page: a lazy list of matches (sorted ids, rows fetched as they show) with
filters by status, project and volunteer and a search; beside it the selected match's
detail with the actions its status allows. "Find a volunteer…" picks a waiting mother and
opens the matching wizard; "Match the waiting list…" reviews a batch for a project."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QPushButton, QSplitter, QWidget

from coordinator.models import MatchStatus
from coordinator.services import vocabularies
from coordinator.services.changes import Kind
from coordinator.services.listing import VolunteerFilter, volunteer_ids, volunteer_rows
from coordinator.services.matching import MatchFilter, match_detail, prepare_ranking
from coordinator.services.records.labels import MATCH_STATUS_LABELS
from coordinator.services.records.list_people import ALL_STATUSES
from coordinator.storage.vault import Vault
from coordinator.ui.kit.export_action import export_list
from coordinator.ui.kit.operations import Task, follow_changes
from coordinator.ui.kit.record_list import Column, RecordListPage
from coordinator.ui.kit.widgets import (
    fill_choices,
    keep_room_when_hidden,
    lend_lock_action,
    link_button,
)
from coordinator.ui.pages.matches.batch import BatchDialog
from coordinator.ui.pages.matches.detail import MatchDetailPane
from coordinator.ui.pages.matches.pick_mother import PickMotherDialog
from coordinator.ui.pages.matches.source import MatchSource
from coordinator.ui.pages.matches.volunteer_choice import VolunteerChoice
from coordinator.ui.translations import translate, word
from coordinator.ui.wizards.matching import MatchingWizard

#: The order a new list starts in: the latest changes first.
FIRST_SORT = "since"


class MatchesPage(RecordListPage):
    #: Open a record at a section (a services.attention.Target), e.g. from the contact log.
    record_requested = Signal(object)

    def __init__(self, vault: Vault, parent: QWidget | None = None, *, today: date | None = None):
        self.today = today or date.today()
        self.source = MatchSource(vault)
        columns = [
            Column(translate("MatchesPage", "Mother"), "mother", "mother", width=220),
            Column(translate("MatchesPage", "Volunteer"), "volunteer", "volunteer", width=220),
            Column(translate("MatchesPage", "Project"), "project", "project", width=190),
            Column(translate("MatchesPage", "Status"), "status_text", "status", width=90),
            Column(
                translate("MatchesPage", "Since"),
                "since_text",
                "since",
                width=105,
                descending_first=True,
            ),
            Column(
                translate("MatchesPage", "Last contact"),
                "last_contact_text",
                "last_contact",
                width=105,
                descending_first=True,
            ),
            Column(translate("MatchesPage", "Planned end"), "planned_end_text", "planned_end"),
        ]
        super().__init__(
            vault,
            columns,
            self.source.rows_for,
            title=translate("MatchesPage", "Matches"),
            new_text=translate("MatchesPage", "Find a volunteer…"),
            search_placeholder=translate(
                "MatchesPage", "Search a name or reference (M0042, V0007)"
            ),
            parent=parent,
        )
        self._sort_first_by(FIRST_SORT, descending=True)
        self.dialog: QWidget | None = None
        self.export_task = None
        self.prepare_task = Task(self)
        self.new_button.setToolTip(
            self.tr("Choose a waiting mother and find her a volunteer (Ctrl+N or Insert)")
        )
        self.batch_button = QPushButton(self.tr("Match the &waiting list…"))
        self.batch_button.setToolTip(
            self.tr("Propose volunteers for every waiting mother of a project (Ctrl+Shift+M)")
        )
        self.batch_button.clicked.connect(self.match_waiting_list)
        self.add_title_button(self.batch_button)
        shortcut = QShortcut(QKeySequence("Ctrl+Shift+M"), self, activated=self.match_waiting_list)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.detail = MatchDetailPane(vault, today=self.today)
        self.detail.changed.connect(self._acted)
        self.detail.contacts.record_requested.connect(self.record_requested)
        self._build_filters()
        self._place_detail()
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())
        self.reloaded.connect(self._show_selected)
        self.follower = follow_changes(
            self,
            {Kind.MATCH, Kind.MOTHER, Kind.VOLUNTEER, Kind.PROJECT, Kind.CONTACT},
            self.refresh,
        )

    def _place_detail(self) -> None:
        """The list above, the selected match below (the list's columns need the width)."""
        body = self.table.parentWidget()  # the list, or the line saying it is empty
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.layout().replaceWidget(body, splitter)
        splitter.addWidget(body)
        splitter.addWidget(self.detail)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([330, 330])
        self.splitter = splitter

    # -- filters -----------------------------------------------------------------------------

    def _build_filters(self) -> None:
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName(self.tr("Status"))
        self.status_filter.addItem(self.tr("All statuses"), None)
        for status, label in MATCH_STATUS_LABELS.items():
            self.status_filter.addItem(word(label), MatchStatus(status).value)
        self.project_filter = QComboBox()
        self.project_filter.setAccessibleName(self.tr("Project"))
        self.project_filter.addItem(self.tr("All projects"), None)
        self.volunteer_filter = VolunteerChoice(self._volunteer_choices)
        self.volunteer_filter.setAccessibleName(self.tr("Volunteer"))
        self.volunteer_filter.addItem(self.tr("Any volunteer"), None)
        for combo in (self.status_filter, self.project_filter, self.volunteer_filter):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(12)
            combo.currentIndexChanged.connect(self.reload)
            self.filter_bar.addWidget(combo)
        self.volunteer_filter.setMinimumContentsLength(18)
        self.clear_filters = keep_room_when_hidden(link_button(self.tr("Clear filters")))
        self.clear_filters.clicked.connect(self.reset_filters)
        self.filter_bar.addWidget(self.clear_filters)
        self.filter_bar.addStretch(1)

    def refresh_choices(self) -> None:
        fill_choices(self.project_filter, vocabularies.project_choices(self.vault))
        self.volunteer_filter.forget()  # read again when next opened

    def _volunteer_choices(self) -> list[tuple[int, str]]:
        everyone = volunteer_ids(self.vault, VolunteerFilter(statuses=ALL_STATUSES), "name", False)
        rows = volunteer_rows(self.vault, everyone, self.today)
        return [
            (row.id, f"{row.name} ({row.reference})" if row.reference else row.name) for row in rows
        ]

    def match_filter(self) -> MatchFilter:
        return MatchFilter(
            status=self.status_filter.currentData(),
            project_id=self.project_filter.currentData(),
            volunteer_id=self.volunteer_filter.currentData(),
            text=self.search.text().strip(),
        )

    def filters_active(self) -> bool:
        return any(
            combo.currentIndex() != 0
            for combo in (self.status_filter, self.project_filter, self.volunteer_filter)
        )

    def reset_filters(self) -> None:
        combos = (self.status_filter, self.project_filter, self.volunteer_filter)
        for combo in combos:
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.reload()

    def show_volunteer(self, volunteer_id: int) -> None:
        """Only this volunteer's matches."""
        self.volunteer_filter.load()
        found = self.volunteer_filter.findData(volunteer_id)
        if found >= 0:
            self.volunteer_filter.setCurrentIndex(found)

    # -- the list ----------------------------------------------------------------------------

    def _sort_first_by(self, key: str, *, descending: bool) -> None:
        """Start sorted by this column (before any ids are read)."""
        self.model.sort_key, self.model.descending = key, descending
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(
            self.model.sort_column(),
            Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder,
        )
        header.blockSignals(False)

    def fetch_ids(self, text: str, sort: str, descending: bool) -> list[int]:
        return self.source.ids(self.match_filter(), sort, descending)

    def reload(self) -> None:
        super().reload()
        self.clear_filters.setVisible(self.filters_active())

    def refresh(self) -> None:
        self.refresh_choices()
        self.reload()

    def count_text(self, count: int) -> str:
        return self.tr("%Ln match(es)", "", count)

    def empty_text(self, filtered: bool) -> str:
        if filtered:
            return self.tr(
                "No match fits this search and these filters.\n"
                "Check the spelling, or choose Clear filters."
            )
        return self.tr(
            "No matches yet.\nFind a volunteer for a waiting mother, or match the waiting list."
        )

    # -- matches by their id ------------------------------------------------------------------

    def selected_match(self) -> int | None:
        """The selected row's match."""
        return self.selected_id()

    def _select_match(self, match_id: int) -> bool:
        return self.select_id(match_id)

    def _show_selected(self) -> None:
        self.detail.show_match(self.selected_match())

    def open_record(self, record_id: int) -> None:
        self.detail.focus_actions()

    def show_match(self, match_id: int) -> bool:
        """Select this match: in the list as it is when it is there, else with her
        reference in the search (and no filters), so the list holds her matches."""
        self.follower.catch_up()
        if self._select_match(match_id):
            return True
        try:
            reference = match_detail(self.vault, match_id).row.mother_ref
        except Exception:  # noqa: BLE001 (gone meanwhile: nothing to show)
            return False
        combos = (self.status_filter, self.project_filter, self.volunteer_filter)
        for combo in (*combos, self.search):
            combo.blockSignals(True)
        for combo in combos:
            combo.setCurrentIndex(0)
        self.search.setText(reference)
        for combo in (*combos, self.search):
            combo.blockSignals(False)
        self.reload()
        return self._select_match(match_id)

    def show_match_section(self, section: str) -> None:
        """Bring a part of the shown match into view ("contacts", "ending")."""
        panel = self.detail.contacts
        if panel.isVisible():
            self.detail.ensureWidgetVisible(panel)
            target = panel.discussed_button if section == "ending" else panel.log_button
            if not target.isVisible() and section == "ending":
                target = self.detail.buttons.get("end", panel.log_button)
            target.setFocus()

    def _acted(self, match_id: int) -> None:
        self.follower.catch_up()
        self._select_match(match_id)

    # -- finding volunteers ------------------------------------------------------------------

    def new_record(self) -> None:
        self.find_volunteer()

    def find_volunteer(self, mother_id: int | None = None) -> QWidget | None:
        """Pick a waiting mother (unless given), then the matching wizard for her."""
        if self.dialog is not None:
            self.dialog.raise_()
            return self.dialog
        if mother_id is None:
            self._prepare_ranking()
            picker = PickMotherDialog(self.vault, self)
            picker.chosen.connect(self.find_volunteer)
            return self._open(picker)
        wizard = MatchingWizard(self.vault, mother_id, self, today=self.today)
        wizard.proposed.connect(self.show_match)
        return self._open(wizard)

    def _prepare_ranking(self) -> None:
        """While she chooses the mother, the volunteers are read in the background if a
        change since the last ranking needs it: the wizard then opens on them at once."""
        if self.prepare_task.running:
            return
        vault, today = self.vault, self.today
        self.prepare_task.start(lambda _progress: prepare_ranking(vault, today), "prepare")

    def match_waiting_list(self) -> QWidget | None:
        if self.dialog is not None:
            self.dialog.raise_()
            return self.dialog
        dialog = BatchDialog(self.vault, self, today=self.today)
        dialog.saved.connect(lambda ids: ids and self.show_match(ids[0]))
        return self._open(dialog)

    def _open(self, dialog: QWidget) -> QWidget:
        lend_lock_action(dialog, self)
        self.dialog = dialog
        dialog.finished.connect(lambda *_: self._closed(dialog))
        dialog.open()
        return dialog

    def _closed(self, dialog: QWidget) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def export_records(self) -> None:
        self.export_task = export_list(self, self.vault, "matches", self.ids(), self.message)
