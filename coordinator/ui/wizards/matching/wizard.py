"""The matching wizard for one mother: the run (off the GUI thread), her summary, the
ranked candidates with the selected one's breakdown, who cannot support her, comparison,
this run's weights, and Propose….

    wizard = MatchingWizard(vault, mother_id, parent, today=today)
    wizard.proposed.connect(...)     # the new match's id, after Propose… saved it
    wizard.open()
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coordinator.services.matching import (
    Candidate,
    MatchingRules,
    Suggestion,
    load_rules,
    proposal_defaults,
    suggest,
)
from coordinator.storage.vault import Vault
from coordinator.ui.kit.operations import error_message
from coordinator.ui.kit.task_dialog import TaskDialog
from coordinator.ui.kit.widgets import QUIET_COLOUR, MessageLabel, heading, note, read_only_rows
from coordinator.ui.wizards.matching.chosen import ChosenPanel
from coordinator.ui.wizards.matching.common import (
    ScoreBarDelegate,
    criterion_name,
)
from coordinator.ui.wizards.matching.compare import CompareDialog
from coordinator.ui.wizards.matching.excluded import ExcludedPanel
from coordinator.ui.wizards.matching.models import COMPARE_LIMIT, CandidateModel
from coordinator.ui.wizards.matching.propose import ProposeDialog
from coordinator.ui.wizards.matching.summary import SummaryPanel
from coordinator.ui.wizards.matching.weights import WeightsDialog

DIALOG_SIZE = (1240, 680)


class MatchingWizard(TaskDialog):
    #: A match was proposed (its id).
    proposed = Signal(int)

    def __init__(
        self,
        vault: Vault,
        mother_id: int,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
        allow_rematch: bool = False,
    ):
        super().__init__(parent)
        self.vault, self.mother_id = vault, mother_id
        self.today = today or date.today()
        self.allow_rematch = allow_rematch
        self.suggestion: Suggestion | None = None
        #: The weights of this run (None: the project's own).
        self.rules: MatchingRules | None = None
        self.project_rules: MatchingRules | None = None
        self.dialog: QDialog | None = None
        self.run_task = self.new_task()
        self.run_task.succeeded.connect(self._shown)
        self.run_task.failed.connect(self._failed)
        self.setWindowTitle(self.tr("Find a volunteer"))
        self._build()
        self.resize(*DIALOG_SIZE)
        self.run()

    # -- layout ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.title = heading(self.tr("Find a volunteer"))
        self.summary = SummaryPanel()
        self.message = MessageLabel()
        self.model = CandidateModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        read_only_rows(self.table, self.tr("Volunteers who can support her, best first"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setItemDelegateForColumn(3, ScoreBarDelegate(self.table))
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        for column, width in enumerate((34, 64, 200, 150, 76, 70)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.count = note()
        self.empty = note()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()

        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.count)
        column.addWidget(self.table, 1)
        column.addWidget(self.empty, 1)

        self.chosen_panel = ChosenPanel()
        self.breakdown = self.chosen_panel.breakdown

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.chosen_panel)
        self.splitter.setSizes([620, 580])
        self.splitter.setChildrenCollapsible(False)
        self.excluded = ExcludedPanel()

        self.weights_button = QPushButton(self.tr("&Weights for this run…"))
        self.weights_button.setToolTip(self.tr("Change the weights and run again (Ctrl+W)"))
        self.compare_button = QPushButton()
        self.compare_button.setToolTip(
            self.tr("Side by side: the ticked volunteers, or the first three (Ctrl+K)")
        )
        self.rematch = QCheckBox(self.tr("Include volunteers she has had before"))
        self.rematch.setToolTip(
            self.tr("A re-match: her earlier volunteers are ranked too, not left out")
        )
        self.rematch.setChecked(self.allow_rematch)
        self.rematch.toggled.connect(self._rematch_toggled)
        self.weights_note = QLabel()
        self.weights_note.setStyleSheet(f"color: {QUIET_COLOUR};")
        self.weights_note.setWordWrap(True)
        self.close_button = QPushButton(self.tr("Close"))
        self.propose_button = QPushButton(self.tr("&Propose…"))
        self.propose_button.setToolTip(self.tr("Propose the selected volunteer (Ctrl+P)"))
        for button in (self.weights_button, self.compare_button, self.close_button):
            button.setAutoDefault(False)
        self.propose_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.weights_button)
        buttons.addWidget(self.compare_button)
        buttons.addWidget(self.rematch)
        buttons.addWidget(self.weights_note, 1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.propose_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.message)
        layout.addWidget(self.splitter, 3)
        layout.addWidget(self.excluded, 0)
        self.main_layout = layout
        self.excluded.opened.connect(self._excluded_opened)
        layout.addLayout(buttons)

        self.weights_button.clicked.connect(self.change_weights)
        self.compare_button.clicked.connect(self.compare)
        self.close_button.clicked.connect(self.reject)
        self.propose_button.clicked.connect(self.propose_chosen)
        self.table.doubleClicked.connect(lambda _index: self.propose_chosen())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_chosen())
        self.model.compare_changed.connect(self._compare_text)
        QShortcut(QKeySequence("Ctrl+W"), self, activated=self.change_weights)
        QShortcut(QKeySequence("Ctrl+K"), self, activated=self.compare)
        QShortcut(QKeySequence("Ctrl+P"), self, activated=self.propose_chosen)
        tick = QShortcut(QKeySequence("Space"), self.table, activated=self.toggle_compare)
        tick.setContext(Qt.ShortcutContext.WidgetShortcut)
        self._compare_text([])
        self._enable()

    def _excluded_opened(self, on: bool) -> None:
        """Open, the excluded list takes a share of the height; closed, only its line."""
        self.main_layout.setStretchFactor(self.excluded, 2 if on else 0)

    def event(self, event: QEvent) -> bool:
        # A big dialog she sizes herself: not fitted to its content (FittingDialog's way).
        return QDialog.event(self, event)

    # -- the run -----------------------------------------------------------------------------

    def run(self) -> None:
        """Suggest again with this run's weights (off the GUI thread)."""
        if self.run_task.running:
            return
        self.message.show_message(self.tr("Looking for volunteers…"), "info")
        self._enable()
        vault, mother_id, today = self.vault, self.mother_id, self.today
        rules, rematch = self.rules, self.allow_rematch
        self.run_task.start(
            lambda _progress: suggest(
                vault, mother_id, today=today, rules=rules, allow_rematch=rematch
            ),
            name="suggest",
        )

    def _shown(self, suggestion: Suggestion) -> None:
        chosen = self.chosen()
        self.suggestion = suggestion
        if self.project_rules is None:
            self.project_rules = suggestion.rules
        mother = suggestion.mother
        self.title.setText(self.tr("Find a volunteer for {name}").format(name=mother.name))
        self.summary.show_mother(mother)
        self.message.clear_message()
        self.model.set_candidates(suggestion.candidates)
        self.excluded.show_suggestion(suggestion)
        total = len(suggestion.candidates)
        self.count.setText(self.tr("%n volunteer(s) can support her, best first.", "", total))
        self.empty.setText(
            self.tr(
                "No volunteer can support her now.\nWhy not, for each volunteer, is listed "
                "below: a check she fails, such as her travel radius or a DBS check."
            )
        )
        self.count.setVisible(bool(total))
        self.table.setVisible(bool(total))
        self.empty.setVisible(not total)
        self.chosen_panel.setVisible(bool(total))  # nobody to explain
        if total and not self.excluded.toggle.isChecked():
            self.excluded.set_open(False)
        elif not total:
            self.excluded.set_open(True)
        self.chosen_panel.tie_rule.setText(self.tr("Ties: {rule}").format(rule=suggestion.tie_rule))
        self.select(chosen.volunteer_id if chosen else None)
        self._weights_text()
        self._enable()
        if total:
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _failed(self, err: BaseException) -> None:
        self.message.show_message(error_message(err))
        self._enable()

    # -- choosing ----------------------------------------------------------------------------

    def chosen(self) -> Candidate | None:
        index = self.table.currentIndex()
        return self.model.candidate(index.row()) if index.isValid() else None

    def select(self, volunteer_id: int | None) -> None:
        """Select this candidate (else the first)."""
        row = self.model.row_of(volunteer_id) if volunteer_id is not None else -1
        if row < 0 and self.model.rowCount():
            row = 0
        if row >= 0:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 2),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.table.scrollTo(self.model.index(row, 0))
        self._show_chosen()

    def _show_chosen(self) -> None:
        chosen = self.chosen()
        rank = self.table.currentIndex().row() + 1 if chosen else 0
        self.chosen_panel.show_candidate(chosen, rank)
        self._enable()

    def _enable(self) -> None:
        running = self.run_task.running
        has = self.model.rowCount() > 0
        self.propose_button.setEnabled(not running and self.chosen() is not None)
        self.compare_button.setEnabled(not running and self.model.rowCount() > 1)
        self.weights_button.setEnabled(not running and self.suggestion is not None)
        self.table.setEnabled(not running or has)

    def _compare_text(self, ticked: list[int]) -> None:
        if ticked:
            text = self.tr("&Compare %n ticked…", "", len(ticked))
        else:
            text = self.tr("&Compare the first three…")
        self.compare_button.setText(text)

    def toggle_compare(self) -> None:
        """Space on a candidate ticks (or unticks) her for comparison."""
        chosen = self.chosen()
        if chosen is not None:
            on = chosen.volunteer_id not in self.model.compared
            self.model.set_compared(chosen.volunteer_id, on, self.table.currentIndex().row())

    def _weights_text(self) -> None:
        """Which weights this run changed, beside the project's."""
        if self.rules is None or self.project_rules is None:
            self.weights_note.setText("")
            return
        changed = []
        for criterion, rule in self.rules.criteria.items():
            before = self.project_rules.criteria.get(criterion)
            if before is None or before != rule:
                changed.append(
                    self.tr("{criterion} {weight} (project {before})").format(
                        criterion=criterion_name(criterion),
                        weight=rule.weight,
                        before=before.weight if before else 0,
                    )
                )
        self.weights_note.setText(
            self.tr("This run: {changes}").format(changes=", ".join(changed))
            if changed
            else self.tr("This run uses the project's weights.")
        )

    # -- actions -----------------------------------------------------------------------------

    def compare(self) -> CompareDialog | None:
        ticked = self.model.compared_candidates()
        chosen = ticked or self.model.candidates[:COMPARE_LIMIT]
        if len(chosen) < 1 or not self.compare_button.isEnabled():
            return None
        dialog = CompareDialog(chosen, self)
        self._show_dialog(dialog)
        return dialog

    def change_weights(self) -> WeightsDialog | None:
        if self.suggestion is None or self.run_task.running:
            return None
        dialog = WeightsDialog(self.suggestion.rules, self._project_rules(), self)
        dialog.accepted.connect(lambda: self._rerun(dialog.rules()))
        self._show_dialog(dialog)
        return dialog

    def _project_rules(self) -> MatchingRules:
        project_id = self.suggestion.mother.project_id if self.suggestion else None
        if project_id is not None:
            try:
                return load_rules(self.vault, project_id)
            except Exception:  # noqa: BLE001 (fall back to what this run started from)
                pass
        return self.project_rules or self.suggestion.rules

    def _rematch_toggled(self, on: bool) -> None:
        self.allow_rematch = on
        self.run()

    def _rerun(self, rules: MatchingRules) -> None:
        self.rules = rules
        self.run()

    def propose_chosen(self) -> ProposeDialog | None:
        chosen = self.chosen()
        if chosen is None or self.suggestion is None or self.run_task.running:
            return None
        try:
            defaults = proposal_defaults(
                self.vault, self.mother_id, chosen.volunteer_id, today=self.today
            )
        except Exception as err:  # noqa: BLE001 (a storage fault is shown, not raised)
            self.message.show_message(error_message(err))
            return None
        dialog = ProposeDialog(
            self.vault,
            self.mother_id,
            self.suggestion.mother.name,
            chosen,
            self.suggestion.rules,
            defaults,
            today=self.today,
            parent=self,
        )
        dialog.proposed.connect(self._proposed)
        self._show_dialog(dialog)
        return dialog

    def _proposed(self, match_id: int) -> None:
        self.proposed.emit(match_id)
        self.accept()

    def _show_dialog(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.finished.connect(lambda *_: setattr(self, "dialog", None))
        dialog.open()
