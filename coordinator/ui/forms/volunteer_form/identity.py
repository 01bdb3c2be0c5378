"""Identity and contact: name, date of birth, gender, address, phone and email."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit

from coordinator.services.records.labels import GENDER_LABELS
from coordinator.ui.forms.volunteer_form.common import tr
from coordinator.ui.kit.form_parts.fields import ChoiceBox, DateEdit, Section


class IdentitySection(Section):
    def __init__(self) -> None:
        super().__init__(tr("Identity and contact"))
        self.full_name = self.add("full_name", tr("Full name *"), QLineEdit())
        self.add("preferred_name", tr("Preferred name"), QLineEdit())
        self.add("date_of_birth", tr("Date of birth"), DateEdit())
        self.add("gender", tr("Gender"), ChoiceBox(GENDER_LABELS))
        self.add("address_line1", tr("Address"), QLineEdit())
        self.add("address_line2", tr("Address line 2"), QLineEdit())
        self.add("town", tr("Town"), QLineEdit())
        self.postcode = self.add("postcode", tr("Postcode"), QLineEdit())
        self.postcode.setMaximumWidth(140)
        self.phone = self.add("phone", tr("Phone"), QLineEdit())
        self.phone.setMaximumWidth(220)
        self.email = self.add("email", tr("Email"), QLineEdit())
