"""Propose: the dates, the ground rules and the coordinator's own words, then a proposed
match saved with every criterion's points as shown. A hard check failing (she filled up
meanwhile, her DBS lapsed) is said with its reasons and nothing is saved."""

from __future__ import annotations

import getpass
from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from coordinator.services.changes import Kind
from coordinator.services.matching import (
    Candidate,
    HardCheckFailed,
    MatchingRules,
    ProposalDetails,
    propose,
)
from coordinator.services.records.labels import VISIT_FREQUENCY_LABELS
from coordinator.storage.vault import Vault
from coordinator.ui.kit.form_parts.fields import ChoiceBox, DateEdit, plain_text
from coordinator.ui.kit.operations import error_message
from coordinator.ui.kit.task_dialog import TaskDialog
from coordinator.ui.kit.widgets import MessageLabel, heading, note

#: Who decided, as typed last in this session (the app has no user accounts).
_last_decided_by: str = ""


def default_decided_by() -> str:
    if _last_decided_by:
        return _last_decided_by
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 (no login name on this system: she types one)
        return ""


class ProposeDialog(TaskDialog):
    #: The new match's id.
    proposed = Signal(int)

    def __init__(
        self,
        vault: Vault,
        mother_id: int,
        mother_name: str,
        candidate: Candidate,
        rules: MatchingRules,
        defaults: ProposalDetails,
        *,
        today: date,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.vault, self.mother_id, self.candidate = vault, mother_id, candidate
        self.rules, self.today = rules, today
        self.task = self.new_task({Kind.MATCH, Kind.MOTHER, Kind.VOLUNTEER})
        self.task.succeeded.connect(self._saved)
        self.task.failed.connect(self._refused)
        self.setWindowTitle(self.tr("Propose a match"))
        self.title = heading(
            self.tr("Propose {volunteer} for {mother}").format(
                volunteer=candidate.name, mother=mother_name
            ),
            2,
        )
        self.proposed_on = DateEdit()
        self.introduction = DateEdit()
        self.planned_end = DateEdit()
        self.frequency = ChoiceBox(VISIT_FREQUENCY_LABELS)
        self.numbers = QCheckBox(self.tr("They may give each other their own phone numbers"))
        self.rationale = plain_text(4)
        self.rationale.setPlaceholderText(
            self.tr("In your own words: why this volunteer for her (kept with the match)")
        )
        self.decided_by = QLineEdit(default_decided_by())
        self.decided_by.setMaximumWidth(260)
        self.show_details(defaults)
        form = QFormLayout()
        form.addRow(self.tr("Proposed on *"), self.proposed_on)
        form.addRow(self.tr("Introduction visit"), self.introduction)
        form.addRow(self.tr("Planned end"), self.planned_end)
        form.addRow(self.tr("Visits"), self.frequency)
        form.addRow("", self.numbers)
        form.addRow(self.tr("Why this match"), self.rationale)
        form.addRow(self.tr("Decided by *"), self.decided_by)
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if label is not None and label.widget() is not None and field is not None:
                label.widget().setBuddy(field.widget())
                field.widget().setAccessibleName(label.widget().text().rstrip(" *"))
        self.message = MessageLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.propose_button = buttons.addButton(
            self.tr("Propose"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.propose_button.setToolTip(self.tr("Save the proposed match (Ctrl+Enter)"))
        self.propose_button.setDefault(True)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(
            note(self.tr("Saved as a proposal: accept it on the Matches page once both agree."))
        )
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self.rationale.setFocus()  # her own words are what she types first

    def show_details(self, details: ProposalDetails) -> None:
        self.proposed_on.set_value(details.proposed_on)
        self.introduction.set_value(details.introduction_visit_on)
        self.planned_end.set_value(details.planned_end_date)
        self.frequency.set_value(details.visit_frequency)
        self.numbers.setChecked(details.personal_numbers_shared)
        self.rationale.setPlainText(details.rationale)

    def details(self) -> ProposalDetails | str:
        """What is typed, or what to correct first."""
        dates: dict[str, date | None] = {}
        boxes = {
            "proposed": (self.proposed_on, self.tr("Proposed on")),
            "introduction": (self.introduction, self.tr("Introduction visit")),
            "end": (self.planned_end, self.tr("Planned end")),
        }
        for key, (box, label) in boxes.items():
            value = box.value()
            if isinstance(value, str):
                return self.tr("{field}: type a date as dd/mm/yyyy.").format(field=label)
            dates[key] = value
        if dates["proposed"] is None:
            return self.tr("Say when the match is proposed (Proposed on).")
        if not self.decided_by.text().strip():
            return self.tr("Say who decided (Decided by).")
        return ProposalDetails(
            proposed_on=dates["proposed"],
            introduction_visit_on=dates["introduction"],
            planned_end_date=dates["end"],
            visit_frequency=self.frequency.value(),
            personal_numbers_shared=self.numbers.isChecked(),
            rationale=self.rationale.toPlainText().strip(),
        )

    def save(self) -> None:
        if self.task.running:
            return
        details = self.details()
        if isinstance(details, str):
            self.message.show_message(details)
            return
        global _last_decided_by
        _last_decided_by = decided_by = self.decided_by.text().strip()
        self.message.show_message(self.tr("Saving…"), "info")
        self.propose_button.setEnabled(False)
        vault, mother_id, volunteer_id = self.vault, self.mother_id, self.candidate.volunteer_id
        rules, today = self.rules, self.today
        self.task.start(
            lambda _progress: propose(
                vault,
                mother_id,
                volunteer_id,
                details,
                today=today,
                decided_by=decided_by,
                rules=rules,
            ),
            name="propose-match",
        )

    def _saved(self, match_id: Any) -> None:
        self.proposed.emit(int(match_id))
        self.accept()

    def _refused(self, err: BaseException) -> None:
        self.propose_button.setEnabled(True)
        if isinstance(err, HardCheckFailed):
            reasons = "\n".join(f"• {reason}" for reason in err.reasons)
            self.message.show_message(
                self.tr("Not saved: this volunteer cannot be proposed now.") + "\n" + reasons
            )
        else:
            self.message.show_message(error_message(err) + " " + self.tr("Nothing was saved."))
