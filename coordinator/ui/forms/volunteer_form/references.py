"""References (who, requested, received, satisfactory) and the date her ID was seen."""

from __future__ import annotations

from typing import Any

from coordinator.services.records.volunteer_form import ReferenceItem
from coordinator.ui.kit.form_parts.fields import DateEdit, Section
from coordinator.ui.kit.form_parts.rows import RowField, RowsSection
from coordinator.ui.translations import translate


class ReferencesSection(RowsSection):
    attr = "references"
    item_type = ReferenceItem
    columns = 4

    def __init__(self) -> None:
        self.specs = [
            RowField("referee_name", translate("VolunteerForm", "Referee *")),
            RowField("referee_relationship", translate("VolunteerForm", "Relationship")),
            RowField("requested_on", translate("VolunteerForm", "Requested on"), "date"),
            RowField("received_on", translate("VolunteerForm", "Received on"), "date"),
            RowField(
                "satisfactory",
                translate("VolunteerForm", "Satisfactory"),
                "choice",
                {True: translate("VolunteerForm", "Yes"), False: translate("VolunteerForm", "No")},
            ),
            RowField("notes", translate("VolunteerForm", "Notes"), span=3),
        ]
        self.add_text = translate("VolunteerForm", "Add a reference")
        self.none_text = translate("VolunteerForm", "No reference recorded yet.")
        super().__init__(translate("VolunteerForm", "References and ID"))
        self.add("id_seen_on", translate("VolunteerForm", "ID seen on"), DateEdit())

    # The ID date is a plain field beside the rows.
    def read(self, form: Any) -> None:
        super().read(form)
        Section.read(self, form)

    def show_form(self, form: Any) -> None:
        super().show_form(form)
        Section.show_form(self, form)

    def message_for(self, key: str) -> Any:
        return super().message_for(key) or Section.message_for(self, key)

    def widget_for(self, key: str) -> Any:
        return super().widget_for(key) or Section.widget_for(self, key)

    def all_messages(self) -> dict[str, Any]:
        return {**super().all_messages(), **Section.all_messages(self)}
