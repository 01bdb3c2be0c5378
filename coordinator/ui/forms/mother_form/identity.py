"""Identity (name, date of birth, address, phone, email) and safe contact."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLineEdit

from coordinator.services.records.labels import SAFE_CONTACT_LABELS
from coordinator.ui.forms.mother_form.common import tr
from coordinator.ui.kit.form_parts.fields import ChoiceBox, DateEdit, Section, plain_text


class IdentitySection(Section):
    def __init__(self) -> None:
        super().__init__(tr("Identity"))
        self.full_name = self.add("full_name", tr("Full name *"), QLineEdit())
        self.add("preferred_name", tr("Preferred name"), QLineEdit())
        self.add("date_of_birth", tr("Date of birth"), DateEdit())
        self.add("address_line1", tr("Address"), QLineEdit())
        self.add("address_line2", tr("Address line 2"), QLineEdit())
        self.add("town", tr("Town"), QLineEdit())
        postcode = self.add("postcode", tr("Postcode"), QLineEdit())
        postcode.setMaximumWidth(140)
        phone = self.add("phone", tr("Phone"), QLineEdit())
        phone.setMaximumWidth(220)
        self.add("email", tr("Email"), QLineEdit())
        self.full_name.setPlaceholderText(tr("As she would write it"))


class SafeContactSection(Section):
    def __init__(self) -> None:
        super().__init__(tr("Safe contact"))
        self.add(
            "safe_contact_method", tr("Safest way to reach her"), ChoiceBox(SAFE_CONTACT_LABELS)
        )
        times = self.add("safe_contact_times", tr("Safe times"), QLineEdit())
        times.setPlaceholderText(tr("e.g. weekday mornings, not after 5pm"))
        self.add("no_letters_home", "", QCheckBox(tr("No letters to her home address")))
        self.add("no_voicemail", "", QCheckBox(tr("Do not leave voicemail")))
        self.add("safe_contact_notes", tr("Notes"), plain_text(2))
