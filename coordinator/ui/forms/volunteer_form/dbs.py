"""DBS checks: type, certificate number, issue date, update service, next check due.

The next check date is red once it has passed and amber within DBS_DUE_SOON_DAYS, with the
same words at the top of the check ("Next check overdue") for anyone who cannot see colour.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtWidgets import QBoxLayout, QLabel

from coordinator.services.records.labels import DBS_TYPE_LABELS
from coordinator.services.records.list_people import DBS_DUE_SOON_DAYS
from coordinator.services.records.volunteer_form import DbsItem
from coordinator.services.records.volunteer_rules import next_dbs_check
from coordinator.ui.forms.volunteer_form.common import long_date
from coordinator.ui.kit.form_parts.fields import uk_date
from coordinator.ui.kit.form_parts.rows import RowEditor, RowField, RowsSection
from coordinator.ui.kit.widgets import ERROR_COLOUR, WARNING_COLOUR
from coordinator.ui.translations import translate


def due_state(due: Any, today: date) -> str:
    """'overdue', 'soon' or '' for a next-check date (a date, typed text or None)."""
    if not isinstance(due, date):
        return ""
    if due < today:
        return "overdue"
    if due <= today + timedelta(days=DBS_DUE_SOON_DAYS):
        return "soon"
    return ""


class DbsSection(RowsSection):
    attr = "dbs_checks"
    item_type = DbsItem
    columns = 4
    specs = [
        RowField(
            "check_type", translate("VolunteerForm", "Type of check *"), "choice", DBS_TYPE_LABELS
        ),
        RowField("certificate_number", translate("VolunteerForm", "Certificate number")),
        RowField("issue_date", translate("VolunteerForm", "Issue date *"), "date"),
        RowField("next_check_due", translate("VolunteerForm", "Next check due"), "date"),
        RowField("update_service", translate("VolunteerForm", "On the update service"), "check"),
        RowField("checked_by", translate("VolunteerForm", "Checked by")),
        RowField("notes", translate("VolunteerForm", "Notes"), span=2),
    ]

    def __init__(self, today: date | None = None, renewal_years: int | None = None) -> None:
        self.today = today or date.today()
        #: The charity's DBS renewal policy: an empty next check date is filled from it.
        self.renewal_years = renewal_years
        self.add_text = translate("VolunteerForm", "Add a DBS check")
        self.none_text = translate("VolunteerForm", "No DBS check recorded yet.")
        super().__init__(translate("VolunteerForm", "DBS checks"))
        #: The words over each check about its due date (by editor).
        self.due_labels: dict[RowEditor, QLabel] = {}

    def _label_for(self, editor: RowEditor) -> QLabel:
        label = self.due_labels.get(editor)
        if label is None:
            label = QLabel()
            layout = editor.layout()
            assert isinstance(layout, QBoxLayout)
            layout.insertWidget(0, label)  # above the check's fields
            self.due_labels[editor] = label
        return label

    def _show_policy_date(self, editor: RowEditor, item: DbsItem) -> None:
        """An empty next check date shows (greyed) the one saving will give it."""
        field = editor.widgets["next_check_due"]
        issued = item.issue_date
        if self.renewal_years and isinstance(issued, date) and not item.next_check_due:
            due = next_dbs_check(issued, self.renewal_years)
            field.setPlaceholderText(uk_date(due))
            field.setToolTip(
                translate(
                    "VolunteerForm",
                    "Filled in on saving, from the DBS renewal policy in Settings > Volunteers.",
                )
            )
        else:
            field.setPlaceholderText(translate("RecordForm", "dd/mm/yyyy"))
            field.setToolTip("")

    def update_derived(self, form: Any) -> None:
        self.due_labels = {e: lbl for e, lbl in self.due_labels.items() if e in self.editors}
        for editor, item in zip(self.editors, form.dbs_checks, strict=False):
            self._show_policy_date(editor, item)
            due = item.next_check_due
            state = due_state(due, self.today)
            label = self._label_for(editor)
            field = editor.widgets["next_check_due"]
            if state == "overdue":
                colour = ERROR_COLOUR
                label.setText(
                    translate("VolunteerForm", "Next check overdue since {day}").format(
                        day=long_date(due)
                    )
                )
            elif state == "soon":
                colour = WARNING_COLOUR
                label.setText(
                    translate("VolunteerForm", "Next check due on {day}").format(day=long_date(due))
                )
            else:
                colour = ""
                label.clear()
            style = f"color: {colour}; font-weight: bold;" if colour else ""
            label.setStyleSheet(style)
            field.setStyleSheet(f"QLineEdit {{ {style} }}" if style else "")
            field.setProperty("due", state)
            label.setVisible(bool(state))
