"""Consents: what she agreed to, when and how it was recorded, review and withdrawal."""

from __future__ import annotations

from coordinator.services.records.labels import CONSENT_KIND_LABELS, CONSENT_METHOD_LABELS
from coordinator.services.records.mother_form import ConsentItem
from coordinator.ui.kit.form_parts.rows import RowField, RowsSection
from coordinator.ui.translations import translate


class ConsentSection(RowsSection):
    attr = "consents"
    item_type = ConsentItem
    columns = 4
    specs = [
        RowField(
            "kind", translate("MotherForm", "Consent to"), "choice", CONSENT_KIND_LABELS, span=2
        ),
        RowField("given", translate("MotherForm", "Given"), "check"),
        RowField("how", translate("MotherForm", "How recorded"), "choice", CONSENT_METHOD_LABELS),
        RowField("given_on", translate("MotherForm", "Given on"), "date"),
        RowField("review_on", translate("MotherForm", "Review on"), "date"),
        RowField("withdrawn_on", translate("MotherForm", "Withdrawn on"), "date"),
        RowField("recorded_by", translate("MotherForm", "Recorded by")),
        RowField("share_with", translate("MotherForm", "Share with (named services)"), span=4),
    ]

    def __init__(self) -> None:
        self.add_text = translate("MotherForm", "Add consent")
        self.none_text = translate("MotherForm", "No consent recorded yet.")
        super().__init__(translate("MotherForm", "Consent"))
