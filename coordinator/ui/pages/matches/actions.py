"""The lifecycle actions on a match, each a small dialog that asks what it needs (a date, a
reason, whether to close her record), says what will happen, and runs the service as an
operation. What the service refuses (she is at capacity) is said in the dialog."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from coordinator.services import matching
from coordinator.services.matching import MATCHING_CHANGES, MatchRefused
from coordinator.storage.vault import Vault
from coordinator.ui.kit.form_parts.fields import DateEdit
from coordinator.ui.kit.operations import error_message
from coordinator.ui.kit.task_dialog import TaskDialog
from coordinator.ui.kit.widgets import MessageLabel, heading, note
from coordinator.ui.translations import translate

#: What an action changes: the match, the mother's stage, the volunteer's load, alerts.
CHANGES = MATCHING_CHANGES


@dataclass(frozen=True)
class ActionSpec:
    key: str
    button: str
    title: str
    explanation: str
    date_label: str | None
    reasons: tuple[str, ...] | None
    closes_record: bool = False


def specs() -> dict[str, ActionSpec]:
    """The actions, by the key the service allows them by."""
    t = translate
    return {
        "accept": ActionSpec(
            "accept",
            t("MatchActions", "Accept"),
            t("MatchActions", "Accept this match"),
            t(
                "MatchActions",
                "Both have agreed: the match becomes active from the start date and her "
                "stage becomes Matched.",
            ),
            t("MatchActions", "Start date *"),
            None,
        ),
        "decline": ActionSpec(
            "decline",
            t("MatchActions", "Decline"),
            t("MatchActions", "Decline this proposal"),
            t("MatchActions", "The proposal is closed with its reason; she goes back to waiting."),
            None,
            (
                t("MatchActions", "The mother declined"),
                t("MatchActions", "The volunteer declined"),
                t("MatchActions", "Not a good fit after the introduction"),
                t("MatchActions", "Her circumstances changed"),
                t("MatchActions", "Could not be contacted"),
            ),
        ),
        "pause": ActionSpec(
            "pause",
            t("MatchActions", "Pause"),
            t("MatchActions", "Pause this match"),
            t("MatchActions", "Visits stop for now; the match stays hers and can be resumed."),
            t("MatchActions", "Paused from *"),
            (
                t("MatchActions", "Volunteer unwell or away"),
                t("MatchActions", "Mother in hospital"),
                t("MatchActions", "Mother away for a while"),
            ),
        ),
        "resume": ActionSpec(
            "resume",
            t("MatchActions", "Resume"),
            t("MatchActions", "Resume this match"),
            t("MatchActions", "Visits start again: the match is active."),
            t("MatchActions", "Resumed on *"),
            None,
        ),
        "end": ActionSpec(
            "end",
            t("MatchActions", "End"),
            t("MatchActions", "End this match"),
            t(
                "MatchActions",
                "Support ends on this date. She goes back to waiting for another volunteer, "
                "or her record is closed if you tick the box.",
            ),
            t("MatchActions", "Ended on *"),
            (
                t("MatchActions", "Support completed as planned"),
                t("MatchActions", "The mother asked to end"),
                t("MatchActions", "The volunteer could not continue"),
                t("MatchActions", "The mother moved away"),
                t("MatchActions", "Lost contact"),
            ),
            closes_record=True,
        ),
    }


def work_for(
    vault: Vault, match_id: int, key: str, on: date, reason: str, closes: bool, today: date
) -> Callable[[Any], None]:
    """The service call of an action, ready to run as an operation."""
    if key == "accept":
        return lambda _p: matching.accept(vault, match_id, start_date=on, today=today)
    if key == "decline":
        return lambda _p: matching.decline(vault, match_id, reason=reason, today=today)
    if key == "pause":
        return lambda _p: matching.pause(vault, match_id, reason=reason, on=on, today=today)
    if key == "resume":
        return lambda _p: matching.resume(vault, match_id, on=on, today=today)
    return lambda _p: matching.end(
        vault, match_id, on=on, reason=reason, mother_closes=closes, today=today
    )


class ActionDialog(TaskDialog):
    #: The action was done (the match's id).
    done_action = Signal(int)

    def __init__(
        self,
        vault: Vault,
        match_id: int,
        spec: ActionSpec,
        who: str,
        *,
        today: date,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.vault, self.match_id, self.spec, self.today = vault, match_id, spec, today
        self.task = self.new_task(CHANGES)
        self.task.succeeded.connect(self._done)
        self.task.failed.connect(self._refused)
        self.setWindowTitle(spec.title)
        form = QFormLayout()
        self.day = DateEdit()
        self.day.set_value(today)
        if spec.date_label:
            form.addRow(spec.date_label, self.day)
            self.day.setAccessibleName(spec.date_label.rstrip(" *"))
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.reason.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.reason.setMinimumContentsLength(36)
        self.reason.setAccessibleName(translate("MatchActions", "Reason"))
        if spec.reasons is not None:
            self.reason.addItem("")
            self.reason.addItems(list(spec.reasons))
            self.reason.lineEdit().setPlaceholderText(
                translate("MatchActions", "Choose or type the reason")
            )
            form.addRow(translate("MatchActions", "Reason *"), self.reason)
        self.closes = QCheckBox(translate("MatchActions", "Close her record (no further support)"))
        if spec.closes_record:
            form.addRow("", self.closes)
        self.message = MessageLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.confirm = buttons.addButton(spec.button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.confirm.setDefault(True)
        buttons.accepted.connect(self.run)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(spec.title, 2))
        layout.addWidget(note(who))
        layout.addWidget(note(spec.explanation))
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    def problem(self) -> str:
        if self.spec.date_label:
            value = self.day.value()
            if not isinstance(value, date):
                return translate("MatchActions", "Type the date as dd/mm/yyyy.")
        if self.spec.reasons is not None and not self.reason.currentText().strip():
            return translate("MatchActions", "Say why: choose a reason or type one.")
        return ""

    def run(self) -> None:
        if self.task.running:
            return
        problem = self.problem()
        if problem:
            self.message.show_message(problem)
            return
        on = self.day.value() if isinstance(self.day.value(), date) else self.today
        work = work_for(
            self.vault,
            self.match_id,
            self.spec.key,
            on,
            self.reason.currentText().strip(),
            self.closes.isChecked(),
            self.today,
        )
        self.confirm.setEnabled(False)
        self.message.show_message(translate("MatchActions", "Saving…"), "info")
        self.task.start(work, name=f"match-{self.spec.key}")

    def _done(self, _value: object) -> None:
        self.done_action.emit(self.match_id)
        self.accept()

    def _refused(self, err: BaseException) -> None:
        self.confirm.setEnabled(True)
        if isinstance(err, MatchRefused):
            self.message.show_message(err.message or str(err))
        else:
            self.message.show_message(error_message(err))


__all__ = ["ActionDialog", "ActionSpec", "specs"]
