"""Safeguarding concerns: raised, escalated, resolved. An unresolved one flags the record."""

from __future__ import annotations

from coordinator.services.records.mother_form import SafeguardingItem
from coordinator.ui.kit.form_parts.rows import RowField, RowsSection
from coordinator.ui.translations import translate


class SafeguardingSection(RowsSection):
    attr = "safeguarding_concerns"
    item_type = SafeguardingItem
    columns = 3
    specs = [
        RowField("raised_on", translate("MotherForm", "Raised on *"), "date"),
        RowField("raised_by", translate("MotherForm", "Raised by")),
        RowField("escalated_to", translate("MotherForm", "Escalated to")),
        RowField("note", translate("MotherForm", "Concern"), "long", span=3),
        RowField("escalated_on", translate("MotherForm", "Escalated on"), "date"),
        RowField("resolved_on", translate("MotherForm", "Resolved on"), "date"),
        RowField("resolution_note", translate("MotherForm", "How it was resolved")),
    ]

    def __init__(self) -> None:
        self.add_text = translate("MotherForm", "Add a safeguarding concern")
        self.none_text = translate("MotherForm", "No safeguarding concerns recorded.")
        super().__init__(
            translate("MotherForm", "Safeguarding"),
            translate(
                "MotherForm", "A concern with no resolved date flags her record in the list."
            ),
        )
