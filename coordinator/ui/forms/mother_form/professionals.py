"""Other professionals involved with her (social worker, perinatal team...)."""

from __future__ import annotations

from coordinator.services.records.mother_form import ProfessionalItem
from coordinator.ui.kit.form_parts.rows import RowField, RowsSection
from coordinator.ui.translations import translate


class ProfessionalsSection(RowsSection):
    attr = "professionals"
    item_type = ProfessionalItem
    columns = 3
    specs = [
        RowField("role", translate("MotherForm", "Role *")),
        RowField("name", translate("MotherForm", "Name")),
        RowField("organisation", translate("MotherForm", "Organisation")),
        RowField("phone", translate("MotherForm", "Phone")),
        RowField("email", translate("MotherForm", "Email")),
        RowField("notes", translate("MotherForm", "Notes")),
    ]

    def __init__(self) -> None:
        self.add_text = translate("MotherForm", "Add a professional")
        self.none_text = translate("MotherForm", "No other professionals recorded.")
        super().__init__(translate("MotherForm", "Other professionals"))
