"""Status (applicant, in training, active, paused, left), its history (read-only), her
supervisor, and the leaving date and reason once she has left."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLineEdit

from coordinator.models import VolunteerStatus
from coordinator.services.records.labels import VOLUNTEER_STATUS_LABELS
from coordinator.ui.forms.volunteer_form.common import long_date
from coordinator.ui.kit.form_parts.fields import ChoiceBox, DateEdit, Section
from coordinator.ui.kit.widgets import note
from coordinator.ui.translations import translate, word


def history_text(form: Any) -> str:
    """One line per change, oldest first: 'Active from 3 Jan 2026: finished training'."""
    lines = []
    for change in form.status_history:
        line = translate("VolunteerForm", "{status} from {day}").format(
            status=word(VOLUNTEER_STATUS_LABELS[VolunteerStatus(change.to_status)]),
            day=long_date(change.changed_on),
        )
        lines.append(f"{line}: {change.note}" if change.note else line)
    return "\n".join(lines) or translate("VolunteerForm", "Not saved yet.")


class StatusSection(Section):
    def __init__(self) -> None:
        super().__init__(translate("VolunteerForm", "Status"))
        self.status = self.add(
            "status",
            translate("VolunteerForm", "Status *"),
            ChoiceBox(VOLUNTEER_STATUS_LABELS, None),
        )
        self.status.setMaximumWidth(220)
        self.status_note = self.add(
            "status_note", translate("VolunteerForm", "Note for the history"), QLineEdit()
        )
        self.status_note.setPlaceholderText(
            translate("VolunteerForm", "Why the status changed, e.g. finished training")
        )
        self.history = note()
        self.history.setWordWrap(False)  # one short line per change
        self.history.setAccessibleName(translate("VolunteerForm", "Status history"))
        self.add("status_history", translate("VolunteerForm", "History"), self.history, store=False)
        self.add("supervisor_name", translate("VolunteerForm", "Supervisor"), QLineEdit())
        self.add("left_on", translate("VolunteerForm", "Left on"), DateEdit())
        self.add("leaving_reason", translate("VolunteerForm", "Why she left"), QLineEdit())
        self._saved_status: str | None = None

    def show_form(self, form: Any) -> None:
        super().show_form(form)
        history = form.status_history
        self._saved_status = VolunteerStatus(history[-1].to_status).value if history else None
        self.history.setText(history_text(form))

    def update_derived(self, form: Any) -> None:
        status = VolunteerStatus(form.status).value if form.status else None
        self.set_row_visible("status_note", status != self._saved_status)
        leaving = status == VolunteerStatus.LEFT.value or bool(form.left_on or form.leaving_reason)
        for key in ("left_on", "leaving_reason"):
            self.set_row_visible(key, leaving)
