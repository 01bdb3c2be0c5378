"""Safeguarding concerns: raised, escalated, resolved. An unresolved one flags the record."""

from __future__ import annotations

from coordinator.services.records.mother_form import SafeguardingItem
from coordinator.ui.forms.mother_form.common import tr
from coordinator.ui.kit.form_parts.rows import RowField, RowsSection


class SafeguardingSection(RowsSection):
    attr = "safeguarding_concerns"
    item_type = SafeguardingItem
    columns = 3
    specs = [
        RowField("raised_on", tr("Raised on *"), "date"),
        RowField("raised_by", tr("Raised by")),
        RowField("escalated_to", tr("Escalated to")),
        RowField("note", tr("Concern"), "long", span=3),
        RowField("escalated_on", tr("Escalated on"), "date"),
        RowField("resolved_on", tr("Resolved on"), "date"),
        RowField("resolution_note", tr("How it was resolved")),
    ]

    def __init__(self) -> None:
        self.add_text = tr("Add a safeguarding concern")
        self.none_text = tr("No safeguarding concerns recorded.")
        super().__init__(
            tr("Safeguarding"),
            tr("A concern with no resolved date flags her record in the list."),
        )
