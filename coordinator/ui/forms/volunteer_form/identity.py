"""Identity and contact: name, date of birth, gender, address, phone and email."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit

from coordinator.services.records.labels import GENDER_LABELS
from coordinator.ui.kit.form_parts.fields import ChoiceBox, DateEdit, Section
from coordinator.ui.translations import translate


class IdentitySection(Section):
    def __init__(self) -> None:
        super().__init__(translate("VolunteerForm", "Identity and contact"))
        self.full_name = self.add(
            "full_name", translate("VolunteerForm", "Full name *"), QLineEdit()
        )
        self.add("preferred_name", translate("VolunteerForm", "Preferred name"), QLineEdit())
        self.add("date_of_birth", translate("VolunteerForm", "Date of birth"), DateEdit())
        self.add("gender", translate("VolunteerForm", "Gender"), ChoiceBox(GENDER_LABELS))
        self.add("address_line1", translate("VolunteerForm", "Address"), QLineEdit())
        self.add("address_line2", translate("VolunteerForm", "Address line 2"), QLineEdit())
        self.add("town", translate("VolunteerForm", "Town"), QLineEdit())
        self.postcode = self.add("postcode", translate("VolunteerForm", "Postcode"), QLineEdit())
        self.postcode.setMaximumWidth(140)
        self.phone = self.add("phone", translate("VolunteerForm", "Phone"), QLineEdit())
        self.phone.setMaximumWidth(220)
        self.email = self.add("email", translate("VolunteerForm", "Email"), QLineEdit())
