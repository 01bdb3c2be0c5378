"""Other professionals involved with her (social worker, perinatal team...)."""

from __future__ import annotations

from coordinator.services.records.mother_form import ProfessionalItem
from coordinator.ui.forms.mother_form.common import tr
from coordinator.ui.kit.form_parts.rows import RowField, RowsSection


class ProfessionalsSection(RowsSection):
    attr = "professionals"
    item_type = ProfessionalItem
    columns = 3
    specs = [
        RowField("role", tr("Role *")),
        RowField("name", tr("Name")),
        RowField("organisation", tr("Organisation")),
        RowField("phone", tr("Phone")),
        RowField("email", tr("Email")),
        RowField("notes", tr("Notes")),
    ]

    def __init__(self) -> None:
        self.add_text = tr("Add a professional")
        self.none_text = tr("No other professionals recorded.")
        super().__init__(tr("Other professionals"))
