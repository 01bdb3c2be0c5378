"""Mothers: the list (search, filters, sort by any column) and the form for one record.

The list is a RecordListPage over services.listing (mother_ids / mother_rows); FormListPage
adds what the record pages share: the form (a MotherDialog, one at a time), the list
reloaded and the saved record selected after a save, Import… and Export…, and the open
form's unsaved values handed to the workspace as a draft on locking (one mother form at a
time, so the draft key is the form alone and the record's id travels inside the values).
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QKeySequence, QPainter, QPixmap, QShortcut
from PySide6.QtWidgets import QComboBox, QLineEdit, QMenu, QPushButton, QWidget

from coordinator.models import MotherStage
from coordinator.services import vocabularies
from coordinator.services.changes import Kind
from coordinator.services.listing import (
    ALL_STAGES,
    OPEN_STAGES,
    WAITING_STAGES,
    MotherFilter,
    MotherRow,
    mother_ids,
    mother_rows,
)
from coordinator.services.records.labels import STAGE_LABELS
from coordinator.storage.vault import Vault
from coordinator.ui.forms.mother_form import MotherDialog
from coordinator.ui.kit.counts import shown_number
from coordinator.ui.kit.form_list_page import FormListPage
from coordinator.ui.kit.record_list import Column
from coordinator.ui.kit.widgets import (
    ERROR_COLOUR,
    OptionalNumberBox,
    fill_choices,
    keep_room_when_hidden,
    lend_lock_action,
    link_button,
)
from coordinator.ui.pages import PageSpec
from coordinator.ui.translations import translate, word
from coordinator.ui.wizards.matching import MatchingWizard


@cache
def marker_icon(flagged: bool) -> QIcon:
    """A small red dot for an open safeguarding concern; else a blank of the same size, so
    the names line up."""
    pixmap = QPixmap(12, 12)
    pixmap.fill(Qt.GlobalColor.transparent)
    if flagged:
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(QColor(ERROR_COLOUR))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(1, 1, 10, 10)
        painter.end()
    return QIcon(pixmap)


def _marker(row: MotherRow) -> QIcon:
    return marker_icon(row.safeguarding)


def _name_tip(row: MotherRow) -> str:
    lines = [row.name]
    if row.safeguarding:
        lines.append(translate("MothersPage", "Open safeguarding concern"))
    if row.no_letters_home and row.has_safe_address:
        lines.append(
            translate("MothersPage", "No letters to her home address: use her safe address")
        )
    elif row.no_letters_home:
        lines.append(translate("MothersPage", "No letters to her home address"))
    return "\n".join(lines)


#: The stage filter's choices: key -> stages. All by default: she must find anyone in a
#: keystroke, closed records too (and a search over all stages is the fastest).
STAGE_CHOICES: dict[str, frozenset[MotherStage]] = {
    "*all": ALL_STAGES,
    "*open": OPEN_STAGES,
    "*waiting": WAITING_STAGES,
    **{stage.value: frozenset({stage}) for stage in STAGE_LABELS},
}


class MothersPage(FormListPage):
    #: Show this match on the Matches page (the workspace does).
    match_requested = Signal(int)
    #: The key of this page's drafts (see Workspace).
    draft_form = "mother"
    draft_record_id: int | None = None
    kind = "mothers"
    shows = frozenset({Kind.MOTHER, Kind.MATCH})

    def __init__(self, vault: Vault, parent: QWidget | None = None):
        columns = [
            Column(
                self.tr("Name"), "name", "name", decoration=_marker, tooltip=_name_tip, width=215
            ),
            Column(self.tr("Ref"), "reference", "reference", width=70),
            Column(self.tr("Stage"), "stage", "stage", width=140, words=True),
            Column(self.tr("Due date or baby's age"), "due_or_age", "due", width=180),
            Column(self.tr("Area"), "area", "area", width=120),
            Column(self.tr("Referrer"), "referrer", "referrer", width=190),
            Column(
                self.tr("Days waiting"),
                "days_waiting",
                "waiting",
                numeric=True,
                width=95,
                descending_first=True,
            ),
            Column(self.tr("Current volunteer"), "volunteer", "volunteer"),
        ]
        super().__init__(
            vault,
            columns,
            lambda ids: mother_rows(vault, ids),
            title=self.tr("Mothers"),
            new_text=self.tr("New referral…"),
            search_placeholder=self.tr("Search name, reference, postcode, phone or referrer"),
            parent=parent,
        )
        self._build_filters()  # the list loads when the page is first shown (FormListPage)
        self.wizard: MatchingWizard | None = None
        self.find_button = QPushButton(self.tr("Find a &volunteer…"))
        self.find_button.setToolTip(
            self.tr("Rank the volunteers who could support the selected mother (Ctrl+M)")
        )
        self.find_button.clicked.connect(self.find_volunteer)
        self.add_title_button(self.find_button)
        find = QShortcut(QKeySequence("Ctrl+M"), self, activated=self.find_volunteer)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable_find())
        self.reloaded.connect(self._enable_find)
        self._enable_find()
        self.letters_button = QPushButton(self.tr("&Letters"))
        letters_menu = QMenu(self.letters_button)
        letters_menu.addAction(self.tr("For the mother chosen…"), self.open_letters)
        letters_menu.addAction(
            self.tr("Introduction letters for matches accepted today…"), self.print_introductions
        )
        self.letters_button.setMenu(letters_menu)
        self.add_title_button(self.letters_button)

    # -- filters -----------------------------------------------------------------------------

    def _build_filters(self) -> None:
        self.stage_filter = QComboBox()
        self.stage_filter.setAccessibleName(self.tr("Stage"))
        self.stage_filter.addItem(self.tr("All stages"), "*all")
        self.stage_filter.addItem(self.tr("Open (not closed)"), "*open")
        self.stage_filter.addItem(self.tr("Not yet matched"), "*waiting")
        for stage, label in STAGE_LABELS.items():
            self.stage_filter.addItem(word(label), stage.value)
        self.project_filter = QComboBox()
        self.project_filter.setAccessibleName(self.tr("Project"))
        self.project_filter.addItem(self.tr("All projects"), None)
        self.need_filter = QComboBox()
        self.need_filter.setAccessibleName(self.tr("Need"))
        self.need_filter.addItem(self.tr("Any need"), None)
        self.refresh_choices()
        for combo in (self.stage_filter, self.project_filter, self.need_filter):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(12)
        self.area_filter = QLineEdit()
        self.area_filter.setPlaceholderText(self.tr("Town or postcode area"))
        self.area_filter.setAccessibleName(self.tr("Area"))
        self.area_filter.setClearButtonEnabled(True)
        self.area_filter.setMinimumWidth(150)
        self.waiting_filter = OptionalNumberBox()
        self.waiting_filter.setAccessibleName(self.tr("Waiting more than this many days"))
        self.waiting_filter.setRange(0, 999)
        self.waiting_filter.setSpecialValueText(self.tr("Any wait"))
        self.waiting_filter.setPrefix(self.tr("Waiting > "))
        self.waiting_filter.setSuffix(self.tr(" day(s)", "", 0))
        self.waiting_filter.setToolTip(self.tr("Only those waiting more than this many days"))
        self.clear_filters = keep_room_when_hidden(link_button(self.tr("Clear filters")))
        self.clear_filters.clicked.connect(self.reset_filters)
        for combo in (self.stage_filter, self.project_filter, self.need_filter):
            combo.currentIndexChanged.connect(self.reload)
            self.filter_bar.addWidget(combo)
        self.area_filter.textChanged.connect(self._search_changed)
        self.waiting_filter.valueChanged.connect(
            lambda days: self.waiting_filter.setSuffix(self.tr(" day(s)", "", days))
        )
        self.waiting_filter.valueChanged.connect(self.reload)
        self.filter_bar.addWidget(self.area_filter)
        self.filter_bar.addWidget(self.waiting_filter)
        self.filter_bar.addWidget(self.clear_filters)
        self.filter_bar.addStretch(1)

    def refresh_choices(self) -> None:
        fill_choices(self.project_filter, vocabularies.project_choices(self.vault))
        fill_choices(self.need_filter, vocabularies.active_terms(self.vault, "need"))

    def mother_filter(self) -> MotherFilter:
        waiting = self.waiting_filter.value()
        return MotherFilter(
            text=self.search.text(),
            stages=STAGE_CHOICES[self.stage_filter.currentData()],
            project_id=self.project_filter.currentData(),
            need_id=self.need_filter.currentData(),
            area=self.area_filter.text().strip() or None,
            waiting_more_than_days=waiting or None,
        )

    def filters_active(self) -> bool:
        return (
            self.stage_filter.currentIndex() != 0
            or self.project_filter.currentIndex() != 0
            or self.need_filter.currentIndex() != 0
            or bool(self.area_filter.text().strip())
            or self.waiting_filter.value() != 0
        )

    def reset_filters(self) -> None:
        widgets = (self.stage_filter, self.project_filter, self.need_filter)
        for widget in (*widgets, self.area_filter, self.waiting_filter):
            widget.blockSignals(True)
        for combo in widgets:
            combo.setCurrentIndex(0)
        self.area_filter.clear()
        self.waiting_filter.setValue(0)
        for widget in (*widgets, self.area_filter, self.waiting_filter):
            widget.blockSignals(False)
        self.reload()

    # -- the list ----------------------------------------------------------------------------

    def fetch_ids(self, text: str, sort: str, descending: bool) -> list[int]:
        return mother_ids(self.vault, self.mother_filter(), sort, descending)

    def reload(self) -> None:
        super().reload()
        self.clear_filters.setVisible(self.filters_active())

    def count_text(self, count: int) -> str:
        return self.tr("%Ln mother(s)", "", count)

    def count_all(self) -> int:
        return len(
            mother_ids(
                self.vault, MotherFilter(stages=STAGE_CHOICES[self.stage_filter.itemData(0)])
            )
        )

    def count_of_text(self, shown: int, total: int) -> str:
        return self.tr("{shown} of %Ln mother(s)", "", total).format(shown=shown_number(shown))

    def empty_text(self, filtered: bool) -> str:
        if filtered:
            return self.tr(
                "No one matches this search and these filters.\n"
                "Check the spelling, or choose Clear filters."
            )
        return self.tr("No referrals yet.\nAdd one with New referral…, or import your spreadsheet.")

    # -- the form (opening, saving, drafts, import and export: FormListPage) ---------------

    def make_dialog(self, record_id: int | None) -> MotherDialog:
        dialog = MotherDialog(self.vault, record_id, self)
        dialog.match_requested.connect(self.match_requested)
        return dialog

    # -- finding her a volunteer -------------------------------------------------------------

    def _enable_find(self) -> None:
        self.find_button.setEnabled(self.selected_id() is not None)

    def find_volunteer(self) -> MatchingWizard | None:
        """The matching wizard for the selected mother."""
        mother_id = self.selected_id()
        if mother_id is None or self.wizard is not None:
            return self.wizard
        wizard = MatchingWizard(self.vault, mother_id, self)
        lend_lock_action(wizard, self)
        wizard.proposed.connect(self._proposed)
        wizard.finished.connect(lambda *_: self._wizard_closed(wizard))
        self.wizard = wizard
        wizard.open()
        return wizard

    def _wizard_closed(self, wizard: MatchingWizard) -> None:
        if self.wizard is wizard:
            self.wizard = None
        wizard.deleteLater()

    def _proposed(self, _match_id: int) -> None:
        self.message.show_message(
            self.tr("Proposed. Accept the match on the Matches page once both agree."), "success"
        )

    def open_letters(self):
        from coordinator.ui.letters.entry import open_letters

        return open_letters(self, self.vault, self.selected_id(), self.message)

    def print_introductions(self):
        from coordinator.ui.letters.entry import introductions_for_today

        return introductions_for_today(self, self.vault, self.message)


PAGE = PageSpec(
    "mothers",
    20,
    lambda: QCoreApplication.translate("Workspace", "Mothers"),
    MothersPage,
    drafts=("mother",),
)
