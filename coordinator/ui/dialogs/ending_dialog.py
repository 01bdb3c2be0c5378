"""End this match…: how it ended, its checklist, what she goes on to, and where her record
goes next. Saving ends the match through the matching engine and then lists the letters
that should follow."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from coordinator.models import EndingType
from coordinator.services import endings
from coordinator.services.changes import Kind
from coordinator.services.endings import INITIATOR_LABELS, REASON_LABELS, EndingInvalid
from coordinator.services.matching import MatchRefused
from coordinator.storage.vault import Vault
from coordinator.ui.dialogs.contact_services import ServicePicker
from coordinator.ui.kit.form_parts.fields import DateEdit
from coordinator.ui.kit.operations import error_message
from coordinator.ui.kit.task_dialog import TaskDialog
from coordinator.ui.kit.widgets import MessageLabel, heading, note
from coordinator.ui.translations import translate, word

CHANGES = frozenset({Kind.MATCH, Kind.MOTHER, Kind.VOLUNTEER, Kind.ENDING, Kind.ALERT})


class ChecklistRow:
    """One item: done (with the date), and a note (the reason, when required and not done)."""

    def __init__(self, answer: endings.ChecklistAnswer, ended_on: date):
        self.answer, self.ended_on = answer, ended_on
        text = answer.text + (" *" if answer.required else "")
        self.done = QCheckBox(text)
        self.done.setChecked(answer.done)
        self.on = DateEdit()
        self.on.setAccessibleName(answer.text)
        self.on.set_value(answer.done_on or (ended_on if answer.done else None))
        self.note = QLineEdit(answer.note)
        self.note.setAccessibleName(answer.text)
        self.done.toggled.connect(self._toggled)
        self._toggled(answer.done)

    def _toggled(self, done: bool) -> None:
        self.note.setPlaceholderText(
            translate("EndingDialog", "Note")
            if done or not self.answer.required
            else translate("EndingDialog", "Not done: write why (this is recorded)")
        )
        if done and not self.on.text():
            self.on.set_value(self.ended_on)

    def read(self) -> endings.ChecklistAnswer | str:
        on = self.on.value()
        if isinstance(on, str):
            return translate("EndingDialog", "Type the dates as dd/mm/yyyy.")
        return endings.ChecklistAnswer(
            self.answer.text,
            self.answer.required,
            self.answer.item_id,
            self.done.isChecked(),
            on if self.done.isChecked() else None,
            self.note.text(),
        )


class EndingDialog(TaskDialog):
    #: The match ended (its id, the letters that should follow).
    ended = Signal(int, tuple)

    def __init__(
        self, vault: Vault, match_id: int, who: str, *, today: date, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.vault, self.match_id, self.today = vault, match_id, today
        self.task = self.new_task(CHANGES)
        self.task.succeeded.connect(self._done)
        self.task.failed.connect(self._refused)
        self.setWindowTitle(self.tr("End this match"))
        self.planned = QRadioButton(self.tr("&Planned"))
        self.unplanned = QRadioButton(self.tr("&Unplanned"))
        kinds = QButtonGroup(self)
        kinds.addButton(self.planned)
        kinds.addButton(self.unplanned)
        self.planned.setChecked(True)
        self.planned.toggled.connect(self._kind_changed)
        self.initiated = QComboBox()
        self.initiated.setAccessibleName(self.tr("Initiated by"))
        self.initiated.addItem(self.tr("Not recorded"), None)
        for key, label in INITIATOR_LABELS.items():
            self.initiated.addItem(word(label), key.value)
        self.initiated.setMaximumWidth(320)
        self.reason = QComboBox()
        self.reason.setMaximumWidth(320)
        self.reason.setAccessibleName(self.tr("Reason"))
        for key, label in REASON_LABELS.items():
            self.reason.addItem(word(label), key.value)
        self.reason_note = QLineEdit()
        self.reason_note.setAccessibleName(self.tr("About the reason"))
        self.ended_on = DateEdit()
        self.ended_on.setAccessibleName(self.tr("End date"))
        self.ended_on.set_value(today)
        self.checklist = QGridLayout()
        self.checklist.setColumnStretch(2, 1)
        self.rows: list[ChecklistRow] = []
        self.onward = ServicePicker(vault)
        self.onward.said.connect(lambda text, kind: self.message.show_message(text, kind))
        self.door_open = QCheckBox(self.tr("She knows she can come back or be re-referred"))
        self.door_open.setChecked(True)
        self.feedback = QLineEdit()
        self.feedback.setAccessibleName(self.tr("Her feedback"))
        self.score = QSpinBox()
        self.score.setRange(-1, 10)
        self.score.setSpecialValueText(self.tr("Not scored"))
        self.score.setValue(-1)
        self.score.setAccessibleName(self.tr("Outcome score"))
        self.score.setMaximumWidth(160)  # a number from 0 to 10, not a line of text
        self.closes = QRadioButton(self.tr("Close her record (support has ended)"))
        self.waits = QRadioButton(self.tr("She waits for a new volunteer"))
        after = QButtonGroup(self)
        after.addButton(self.closes)
        after.addButton(self.waits)
        self.closes.setChecked(True)

        kind_row = QHBoxLayout()
        kind_row.addWidget(self.planned)
        kind_row.addWidget(self.unplanned)
        kind_row.addStretch(1)
        top = QFormLayout()
        top.addRow(self.tr("Ending"), kind_row)
        top.addRow(self.tr("&Initiated by"), self.initiated)
        top.addRow(self.tr("&Reason"), self.reason)
        top.addRow(self.tr("About the reason"), self.reason_note)
        top.addRow(self.tr("&End date *"), self.ended_on)
        bottom = QFormLayout()
        bottom.addRow(self.tr("Onward services"), self.onward)
        bottom.addRow("", self.door_open)
        bottom.addRow(self.tr("Her &feedback"), self.feedback)
        bottom.addRow(self.tr("&Outcome score (0–10)"), self.score)
        bottom.addRow(self.tr("Afterwards"), self.closes)
        bottom.addRow("", self.waits)
        body = QWidget()
        column = QVBoxLayout(body)
        column.addLayout(top)
        column.addWidget(heading(self.tr("Checklist"), 3))
        self.checklist_note = note()
        column.addWidget(self.checklist_note)
        column.addLayout(self.checklist)
        column.addLayout(bottom)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.message = MessageLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.confirm = buttons.addButton(
            self.tr("End the match"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self.run)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("End this match"), 2))
        layout.addWidget(note(who))
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumSize(860, 660)  # fits a 1366×768 screen with the checklist in view
        self.letters: tuple[str, ...] = ()
        self._kind_changed()

    def kind(self) -> EndingType:
        return EndingType.PLANNED if self.planned.isChecked() else EndingType.UNPLANNED

    def _kind_changed(self, *_args: object) -> None:
        try:
            plan = endings.start_ending(self.vault, self.match_id, self.kind(), today=self.today)
        except Exception as err:  # noqa: BLE001 (gone meanwhile: said, never raised)
            self.message.show_message(error_message(err))
            return
        self.reason.setCurrentIndex(max(0, self.reason.findData(plan.reason.value)))
        while self.checklist.count():
            item = self.checklist.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.rows = [ChecklistRow(answer, self.today) for answer in plan.answers]
        for number, row in enumerate(self.rows):
            self.checklist.addWidget(row.done, number, 0)
            self.checklist.addWidget(row.on, number, 1)
            self.checklist.addWidget(row.note, number, 2)
        self.checklist_note.setText(
            self.tr("Items marked * are required: tick them, or write why they were not done.")
            if self.rows
            else self.tr("No checklist is set for this kind of ending (Settings, Checklists).")
        )

    def plan(self) -> endings.EndingPlan | str:
        ended_on = self.ended_on.value()
        if not isinstance(ended_on, date):
            return self.tr("Type the end date as dd/mm/yyyy.")
        answers = []
        for row in self.rows:
            answer = row.read()
            if isinstance(answer, str):
                return answer
            answers.append(answer)
        initiated = self.initiated.currentData()
        return endings.EndingPlan(
            self.match_id,
            ended_on,
            self.kind(),
            endings.EndingReason(self.reason.currentData()),
            endings.EndingInitiator(initiated) if initiated else None,
            self.reason_note.text(),
            answers,
            tuple(self.onward.chosen),
            self.door_open.isChecked(),
            self.feedback.text(),
            None if self.score.value() < 0 else self.score.value(),
            self.closes.isChecked(),
        )

    def run(self) -> None:
        if self.task.running:
            return
        plan = self.plan()
        if isinstance(plan, str):
            self.message.show_message(plan)
            return
        problems = endings.check(plan, today=self.today)
        if problems:
            self._said(problems)
            return
        self.confirm.setEnabled(False)
        self.message.show_message(self.tr("Saving…"), "info")
        vault, today = self.vault, self.today
        self.task.start(lambda _p: endings.end_match(vault, plan, today=today), name="ending")

    def _said(self, problems: dict[str, str]) -> None:
        self.message.show_message(" ".join(problems.values()))
        for key in problems:
            if key.startswith("item:"):
                row = self.rows[int(key.split(":")[1])]
                row.note.setFocus()
                break

    def _done(self, result: endings.EndingDone) -> None:
        self.letters = result.letters
        self.ended.emit(self.match_id, result.letters)
        self.accept()

    def _refused(self, err: BaseException) -> None:
        self.confirm.setEnabled(True)
        if isinstance(err, EndingInvalid):
            self._said(err.problems)
        elif isinstance(err, MatchRefused):
            self.message.show_message(err.message or str(err))
        else:
            self.message.show_message(error_message(err))
