"""Match the waiting list: for one project, every waiting mother against every eligible
volunteer, the assignment with the best total score (off the GUI thread, with progress and
cancel); she reviews each proposal with its explanation, unticks any, and saves the rest
as proposed matches in one go. Who could not be matched is listed with why."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coordinator.services import vocabularies
from coordinator.services.changes import Kind
from coordinator.services.matching import BatchPlan, plan_waiting_list, save_plan
from coordinator.storage.vault import Vault
from coordinator.ui.kit.operations import error_message
from coordinator.ui.kit.task_dialog import TaskDialog
from coordinator.ui.kit.widgets import MessageLabel, heading, note, read_only_rows
from coordinator.ui.wizards.matching.common import Breakdown, person, score_text
from coordinator.ui.wizards.matching.propose import default_decided_by


class BatchDialog(TaskDialog):
    #: The proposals saved (their match ids).
    saved = Signal(list)

    def __init__(self, vault: Vault, parent: QWidget | None = None, *, today: date):
        super().__init__(parent)
        self.vault, self.today = vault, today
        self.plan: BatchPlan | None = None
        self.plan_task = self.new_task()
        self.plan_task.progress.connect(self._progress)
        self.plan_task.succeeded.connect(self._planned)
        self.plan_task.failed.connect(self._failed)
        self.plan_task.cancelled.connect(self._cancelled)
        self.save_task = self.new_task({Kind.MATCH, Kind.MOTHER, Kind.VOLUNTEER})
        self.save_task.succeeded.connect(self._saved)
        self.save_task.failed.connect(self._failed)
        self.setWindowTitle(self.tr("Match the waiting list"))
        self.project = QComboBox()
        self.project.setMinimumContentsLength(28)
        self.project.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.project.setAccessibleName(self.tr("Project"))
        self.project.addItem(self.tr("All projects"), None)
        for project_id, name in vocabularies.project_choices(vault):
            self.project.addItem(name, project_id)
        if self.project.count() > 1:
            self.project.setCurrentIndex(1)
        self.plan_button = QPushButton(self.tr("&Plan"))
        self.plan_button.setToolTip(self.tr("Work out the best set of proposals (Ctrl+Enter)"))
        self.plan_button.setShortcut("Ctrl+Return")
        self.cancel_button = QPushButton(self.tr("Stop"))
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.summary = note()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Mother"), self.tr("Volunteer"), self.tr("Score")]
        )
        read_only_rows(self.table, self.tr("Proposals: untick any you do not want"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.breakdown_title = heading("", 2)
        self.breakdown = Breakdown()
        self.unmatched_title = heading(self.tr("Not matched"), 2)
        self.unmatched = note()
        self.unmatched.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(12, 0, 0, 0)
        for widget in (self.breakdown_title, self.breakdown, self.unmatched_title, self.unmatched):
            column.addWidget(widget)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(right)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(scroll)
        splitter.setSizes([620, 480])
        splitter.setChildrenCollapsible(False)
        self.message = MessageLabel()
        self.save_button = QPushButton()
        self.save_button.setToolTip(self.tr("Save the ticked proposals (Ctrl+S)"))
        self.save_button.setShortcut("Ctrl+S")
        self.close_button = QPushButton(self.tr("Close"))
        for button in (self.plan_button, self.cancel_button, self.close_button, self.save_button):
            button.setAutoDefault(False)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Project")))
        top.addWidget(self.project)
        top.addWidget(self.plan_button)
        top.addWidget(self.progress)
        top.addWidget(self.cancel_button)
        top.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Match the waiting list"), 1))
        layout.addWidget(
            note(
                self.tr(
                    "Every waiting mother of the project against every volunteer who can "
                    "support her: the proposals with the best total score, no volunteer past "
                    "her capacity. Untick any you do not want, then save the rest as proposals."
                )
            )
        )
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        self.resize(1180, 700)
        self.plan_button.clicked.connect(self.run_plan)
        self.cancel_button.clicked.connect(self.plan_task.cancel)
        self.close_button.clicked.connect(self.reject)
        self.save_button.clicked.connect(self.save)
        self.project.currentIndexChanged.connect(lambda _i: self._forget_plan())
        self.table.currentCellChanged.connect(lambda row, *_: self._show_row(row))
        self.table.itemChanged.connect(lambda _item: self._enable())
        self._forget_plan()

    def event(self, event: QEvent) -> bool:
        # A big dialog she sizes herself: not fitted to its content (FittingDialog's way).
        return QDialog.event(self, event)

    # -- planning ----------------------------------------------------------------------------

    def run_plan(self) -> None:
        if self.plan_task.running or self.save_task.running:
            return
        self._forget_plan()
        project_id, today, vault = self.project.currentData(), self.today, self.vault
        self.message.show_message(self.tr("Working out the best proposals…"), "info")
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.plan_task.start(
            lambda progress: plan_waiting_list(
                vault, project_id=project_id, today=today, progress=progress
            ),
            name="plan-waiting-list",
        )
        self._enable()

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _done_running(self) -> None:
        self.progress.hide()
        self.cancel_button.hide()

    def _planned(self, plan: BatchPlan) -> None:
        self._done_running()
        self.message.clear_message()
        self.plan = plan
        self.table.blockSignals(True)
        self.table.setRowCount(len(plan.proposals))
        for row, proposal in enumerate(plan.proposals):
            mother = QTableWidgetItem(person(proposal.mother_name, proposal.mother_ref))
            mother.setFlags(mother.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            mother.setCheckState(Qt.CheckState.Checked)
            mother.setData(Qt.ItemDataRole.UserRole, proposal.mother_id)
            volunteer = QTableWidgetItem(person(proposal.volunteer_name, proposal.volunteer_ref))
            score = QTableWidgetItem(score_text(proposal.score))
            score.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for column, item in enumerate((mother, volunteer, score)):
                self.table.setItem(row, column, item)
        self.table.blockSignals(False)
        waiting = len(plan.proposals) + len(plan.unmatched)
        self.summary.setText(
            self.tr(
                "{matched} of {waiting} waiting mothers matched; average score {average}."
            ).format(
                matched=len(plan.proposals),
                waiting=waiting,
                average=score_text(plan.average_score),
            )
        )
        lines = [
            f"{person(name, ref)}: {'; '.join(reasons)}"
            for _id, ref, name, reasons in plan.unmatched
        ]
        self.unmatched.setText("\n".join(lines) or self.tr("Everyone waiting has a proposal."))
        self.unmatched_title.setVisible(True)
        self.unmatched.setVisible(True)
        if plan.proposals:
            self.table.setCurrentCell(0, 0)
        self._show_row(0 if plan.proposals else -1)
        self._enable()

    def _cancelled(self) -> None:
        self._done_running()
        self.message.show_message(self.tr("Stopped. Nothing was proposed."), "info")
        self._enable()

    def _failed(self, err: BaseException) -> None:
        self._done_running()
        self.message.show_message(error_message(err) + " " + self.tr("Nothing was saved."))
        self._enable()

    def _forget_plan(self) -> None:
        self.plan = None
        self.table.setRowCount(0)
        self.summary.setText(self.tr("Choose the project, then Plan."))
        self.breakdown_title.setText("")
        self.breakdown.setVisible(False)
        self.unmatched_title.setVisible(False)
        self.unmatched.setVisible(False)
        self._done_running()
        self._enable()

    def _show_row(self, row: int) -> None:
        if self.plan is None or not 0 <= row < len(self.plan.proposals):
            self.breakdown_title.setText("")
            self.breakdown.setVisible(False)
            return
        proposal = self.plan.proposals[row]
        self.breakdown_title.setText(
            self.tr("Why {volunteer} for {mother}").format(
                volunteer=proposal.volunteer_name, mother=proposal.mother_name
            )
        )
        self.breakdown.setVisible(True)
        self.breakdown.show_contributions(proposal.contributions)

    # -- saving ------------------------------------------------------------------------------

    def ticked(self) -> list[int]:
        """The mothers whose proposals are ticked."""
        found = []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                found.append(int(item.data(Qt.ItemDataRole.UserRole)))
        return found

    def set_ticked(self, mother_id: int, on: bool) -> None:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if int(item.data(Qt.ItemDataRole.UserRole)) == mother_id:
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _enable(self) -> None:
        running = self.plan_task.running or self.save_task.running
        count = len(self.ticked())
        self.save_button.setText(self.tr("&Save %n proposal(s)", "", count))
        self.save_button.setEnabled(not running and self.plan is not None and count > 0)
        self.plan_button.setEnabled(not running)
        self.project.setEnabled(not running)

    def save(self) -> None:
        if self.plan is None or self.save_task.running or not self.ticked():
            return
        plan, chosen, today, vault = self.plan, self.ticked(), self.today, self.vault
        decided_by = default_decided_by()
        self.message.show_message(self.tr("Saving…"), "info")
        self.save_task.start(
            lambda _p: save_plan(vault, plan, chosen, today=today, decided_by=decided_by),
            name="save-plan",
        )
        self._enable()

    def _saved(self, match_ids: list[int]) -> None:
        self.saved.emit(list(match_ids))
        self.accept()
