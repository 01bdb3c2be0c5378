"""Consents: what she agreed to, when and how it was recorded, review and withdrawal."""

from __future__ import annotations

from coordinator.services.records.labels import CONSENT_KIND_LABELS, CONSENT_METHOD_LABELS
from coordinator.services.records.mother_form import ConsentItem
from coordinator.ui.forms.mother_form.common import tr
from coordinator.ui.kit.form_parts.rows import RowField, RowsSection


class ConsentSection(RowsSection):
    attr = "consents"
    item_type = ConsentItem
    columns = 4
    specs = [
        RowField("kind", tr("Consent to"), "choice", CONSENT_KIND_LABELS, span=2),
        RowField("given", tr("Given"), "check"),
        RowField("how", tr("How recorded"), "choice", CONSENT_METHOD_LABELS),
        RowField("given_on", tr("Given on"), "date"),
        RowField("review_on", tr("Review on"), "date"),
        RowField("withdrawn_on", tr("Withdrawn on"), "date"),
        RowField("recorded_by", tr("Recorded by")),
        RowField("share_with", tr("Share with (named services)"), span=4),
    ]

    def __init__(self) -> None:
        self.add_text = tr("Add consent")
        self.none_text = tr("No consent recorded yet.")
        super().__init__(tr("Consent"))
