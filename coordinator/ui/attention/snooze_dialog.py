"""Snooze an alert: until when, and a note saying why it can wait (kept and audited). It
comes back when the snooze runs out, or sooner if what it says changes."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from coordinator.services import attention
from coordinator.services.attention import Alert
from coordinator.services.changes import Kind
from coordinator.storage.vault import Vault
from coordinator.ui.kit.form_parts.fields import DateEdit
from coordinator.ui.kit.operations import error_message
from coordinator.ui.kit.task_dialog import TaskDialog
from coordinator.ui.kit.widgets import MessageLabel, heading, note

#: The lengths offered (days).
LENGTHS = (1, 3, 7, 14, 28)


class SnoozeDialog(TaskDialog):
    snoozed = Signal()

    def __init__(self, vault: Vault, alert: Alert, *, today: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.vault, self.alert, self.today = vault, alert, today
        self.task = self.new_task({Kind.ALERT})
        self.task.succeeded.connect(self._done)
        self.task.failed.connect(lambda err: self.message.show_message(error_message(err)))
        self.setWindowTitle(self.tr("Snooze"))
        self.length = QComboBox()
        self.length.setAccessibleName(self.tr("For how long"))
        for days in LENGTHS:
            self.length.addItem(self.tr("%n day(s)", "", days), days)
        self.length.addItem(self.tr("Until a date…"), None)
        self.length.setCurrentIndex(LENGTHS.index(7))
        self.until = DateEdit()
        self.until.setAccessibleName(self.tr("Until"))
        self.until.set_value(today + timedelta(days=7))
        self.length.currentIndexChanged.connect(self._length_chosen)
        self.note = QLineEdit()
        self.note.setAccessibleName(self.tr("Why it can wait"))
        self.note.setPlaceholderText(self.tr("e.g. social worker visiting on Friday"))
        self.note.setMinimumWidth(340)
        form = QFormLayout()
        form.addRow(self.tr("For"), self.length)
        form.addRow(self.tr("Until"), self.until)
        form.addRow(self.tr("Why it can wait *"), self.note)
        self.message = MessageLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.confirm = buttons.addButton(self.tr("&Snooze"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.confirm.setDefault(True)
        buttons.accepted.connect(self.run)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Snooze this alert"), 2))
        who = f"{alert.who} {alert.name}" if alert.who else alert.name
        layout.addWidget(note(f"{who}: {alert.what}"))
        layout.addWidget(
            note(self.tr("It comes back on the day you choose, or sooner if it changes."))
        )
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.note.setFocus()

    def _length_chosen(self) -> None:
        days = self.length.currentData()
        if days is not None:
            self.until.set_value(self.today + timedelta(days=days))
        else:
            self.until.setFocus()

    def problem(self) -> str:
        until = self.until.value()
        if not isinstance(until, date):
            return self.tr("Type the date as dd/mm/yyyy.")
        if until <= self.today:
            return self.tr("Choose a day after today.")
        if not self.note.text().strip():
            return self.tr("Say in a few words why this can wait.")
        return ""

    def run(self) -> None:
        if self.task.running:
            return
        problem = self.problem()
        if problem:
            self.message.show_message(problem)
            return
        until, text = self.until.value(), self.note.text()
        self.task.start(
            lambda _p: attention.snooze(
                self.vault, self.alert, until=until, note=text, today=self.today
            ),
            name="alert-snooze",
        )

    def _done(self, _value: object) -> None:
        self.snoozed.emit()
        self.accept()
