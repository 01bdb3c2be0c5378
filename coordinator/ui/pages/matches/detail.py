"""The selected match: who, the status and its dates, the actions its status allows
(accept, decline, pause, resume, end; the others stay in place, disabled), the rationale and
the scores as they were saved, the weights used, and the status history."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from coordinator.services.matching import MatchDetail, match_detail
from coordinator.storage.vault import Vault
from coordinator.ui.dialogs.ending_dialog import EndingDialog
from coordinator.ui.kit.operations import error_message
from coordinator.ui.kit.widgets import QUIET_COLOUR, MessageLabel, heading, lend_lock_action, note
from coordinator.ui.letters.after_ending import offer_letters_after_ending
from coordinator.ui.pages.matches.actions import ActionDialog, specs
from coordinator.ui.relationship.contacts_panel import ContactsPanel
from coordinator.ui.wizards.matching.common import (
    Breakdown,
    criterion_name,
    long_date,
    person,
    status_word,
)

ACTIONS = ("accept", "decline", "pause", "resume", "end")
SHORTCUTS = {
    "accept": "Ctrl+Shift+A",
    "decline": "Ctrl+Shift+D",
    "pause": "Ctrl+Shift+P",
    "resume": "Ctrl+Shift+R",
    "end": "Ctrl+Shift+E",
}


class MatchDetailPane(QScrollArea):
    #: An action changed this match (its id).
    changed = Signal(int)

    def __init__(self, vault: Vault, parent: QWidget | None = None, *, today: date):
        super().__init__(parent)
        self.vault, self.today = vault, today
        self.match_id: int | None = None
        self.detail: MatchDetail | None = None
        self.dialog: ActionDialog | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMinimumHeight(180)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        self.setWidget(body)
        self.title = heading("", 2)
        self.status = note()
        self.facts = QGridLayout()
        self.facts.setHorizontalSpacing(12)
        self.facts.setColumnStretch(1, 1)
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for key in ACTIONS:
            spec = specs()[key]
            button = QPushButton(spec.button + "…")
            button.setToolTip(f"{spec.title} ({SHORTCUTS[key]})")
            button.setShortcut(SHORTCUTS[key])
            button.setAutoDefault(False)
            button.clicked.connect(lambda _checked=False, k=key: self.act(k))
            row.addWidget(button)
            self.buttons[key] = button
        row.addStretch(1)
        self.message = MessageLabel()
        self.rationale_title = heading(self.tr("Why this match"), 2)
        self.rationale = note()
        self.rationale.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.scores = Breakdown()
        self.weights = note()
        self.history_title = heading(self.tr("History"), 2)
        self.history = note()
        self.empty = note(self.tr("Choose a match in the list to see it here."))
        self.contacts = ContactsPanel(vault, today=today)
        self.contacts.changed.connect(self.changed)
        # Two columns: the match and what can be done on the left, why it was made right.
        left, right = QVBoxLayout(), QVBoxLayout()
        for column in (left, right):
            column.setSpacing(8)
        left.addLayout(row)  # first, so the buttons stay put whatever the match shows
        left.addWidget(self.message)
        for widget in (self.empty, self.title, self.status):
            left.addWidget(widget)
        left.addLayout(self.facts)
        left.addWidget(self.history_title)
        left.addWidget(self.history)
        left.addStretch(1)
        right.addWidget(self.contacts)
        for widget in (self.rationale_title, self.rationale, self.scores, self.weights):
            right.addWidget(widget)
        right.addStretch(1)
        layout = QHBoxLayout(body)
        layout.setContentsMargins(0, 8, 8, 8)
        layout.setSpacing(24)
        layout.addLayout(left, 1)
        layout.addLayout(right, 1)
        self.show_match(None)

    # -- showing -----------------------------------------------------------------------------

    def show_match(self, match_id: int | None) -> None:
        self.match_id = match_id
        self.detail = None
        if match_id is not None:
            try:
                self.detail = match_detail(self.vault, match_id)
            except Exception as err:  # noqa: BLE001 (gone meanwhile, or a storage fault)
                self.message.show_message(error_message(err))
        shown = self.detail is not None
        for widget in (
            self.title,
            self.status,
            self.rationale_title,
            self.rationale,
            self.scores,
            self.weights,
            self.history_title,
            self.history,
        ):
            widget.setVisible(shown)
        self.empty.setVisible(not shown)
        for key, button in self.buttons.items():
            button.setEnabled(shown and key in self.detail.allowed_actions)
            button.setVisible(shown)  # no match chosen: only the line saying so
        self._clear_facts()
        self.contacts.show_match(
            match_id if shown else None, self.detail.row.planned_end if shown else None
        )
        if self.detail is not None:
            self.message.clear_message()
            self._fill(self.detail)

    def _clear_facts(self) -> None:
        while self.facts.count():
            item = self.facts.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()  # at once: deleting waits for the event loop
                item.widget().deleteLater()

    def _fill(self, detail: MatchDetail) -> None:
        row = detail.row
        self.title.setText(
            self.tr("{mother} with {volunteer}").format(
                mother=person(row.mother_name, row.mother_ref),
                volunteer=person(row.volunteer_name, row.volunteer_ref),
            )
        )
        self.status.setText(
            " · ".join(part for part in (status_word(row.status), row.project or "") if part)
        )
        facts = [
            (self.tr("Proposed on"), long_date(detail.proposed_on)),
            (self.tr("Started"), long_date(detail.start_date)),
            (self.tr("Paused on"), long_date(detail.paused_on)),
            (self.tr("Ended on"), long_date(detail.ended_on)),
            (self.tr("Planned end"), long_date(row.planned_end)),
            (self.tr("Last contact"), long_date(row.last_contact)),
            (self.tr("Decided by"), detail.decided_by or ""),
        ]
        self.fact_texts = {label: value for label, value in facts if value}
        for number, (label, value) in enumerate(self.fact_texts.items()):
            caption = QLabel(label)
            caption.setStyleSheet(f"color: {QUIET_COLOUR};")
            shown = QLabel(value)
            shown.setTextFormat(Qt.TextFormat.PlainText)
            self.facts.addWidget(caption, number, 0)
            self.facts.addWidget(shown, number, 1)
        self.rationale.setText(detail.rationale or self.tr("No words were recorded."))
        self.scores.show_contributions(detail.scores)
        weights = ", ".join(
            f"{criterion_name(key)} {weight}" for key, weight in detail.weights_used.items()
        )
        self.weights.setText(
            self.tr("Weights used: {weights}").format(weights=weights) if weights else ""
        )
        self.weights.setVisible(bool(weights))
        lines = []
        for on, before, after, text in detail.history:
            change = (
                self.tr("{before} → {after}").format(
                    before=status_word(before), after=status_word(after)
                )
                if before
                else status_word(after)
            )
            line = f"{long_date(on)}: {change}"
            lines.append(f"{line} ({text})" if text else line)
        self.history.setText("\n".join(lines) or self.tr("No changes recorded."))

    # -- acting ------------------------------------------------------------------------------

    def focus_actions(self) -> None:
        for key in ACTIONS:
            if self.buttons[key].isEnabled():
                self.buttons[key].setFocus(Qt.FocusReason.OtherFocusReason)
                return

    def act(self, key: str) -> ActionDialog | None:
        if self.detail is None or key not in self.detail.allowed_actions or self.dialog:
            return None
        row = self.detail.row
        who = self.tr("{mother} with {volunteer}").format(
            mother=person(row.mother_name, row.mother_ref),
            volunteer=person(row.volunteer_name, row.volunteer_ref),
        )
        if key == "end":  # the ending workflow: its checklist, then the engine's end()
            dialog = EndingDialog(self.vault, row.match_id, who, today=self.today, parent=self)
            dialog.ended.connect(self._ended)
        else:
            dialog = ActionDialog(
                self.vault, row.match_id, specs()[key], who, today=self.today, parent=self
            )
            dialog.done_action.connect(self._acted)
        lend_lock_action(dialog, self)
        dialog.finished.connect(lambda *_: self._closed(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _closed(self, dialog: ActionDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _ended(self, match_id: int, letters: tuple[str, ...]) -> None:
        self._acted(match_id)
        lines = "".join(f"\n• {letter}" for letter in letters)
        self.message.show_message(
            self.tr("The match has ended. Letters to send:") + lines, "success"
        )
        self.letters_offer = offer_letters_after_ending(
            self, self.vault, match_id, letters, today=self.today
        )

    def _acted(self, match_id: int) -> None:
        self.show_match(match_id)
        self.changed.emit(match_id)
