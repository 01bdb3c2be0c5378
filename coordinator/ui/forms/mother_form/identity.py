"""Identity (name, date of birth, address, phone, email) and safe contact."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLineEdit

from coordinator.services.records.labels import SAFE_CONTACT_LABELS
from coordinator.ui.kit.form_parts.fields import ChoiceBox, DateEdit, Section, plain_text
from coordinator.ui.translations import translate


class IdentitySection(Section):
    def __init__(self) -> None:
        super().__init__(translate("MotherForm", "Identity"))
        self.full_name = self.add("full_name", translate("MotherForm", "Full name *"), QLineEdit())
        self.add("preferred_name", translate("MotherForm", "Preferred name"), QLineEdit())
        self.add("date_of_birth", translate("MotherForm", "Date of birth"), DateEdit())
        self.add("address_line1", translate("MotherForm", "Address"), QLineEdit())
        self.add("address_line2", translate("MotherForm", "Address line 2"), QLineEdit())
        self.add("town", translate("MotherForm", "Town"), QLineEdit())
        postcode = self.add("postcode", translate("MotherForm", "Postcode"), QLineEdit())
        postcode.setMaximumWidth(140)
        phone = self.add("phone", translate("MotherForm", "Phone"), QLineEdit())
        phone.setMaximumWidth(220)
        self.add("email", translate("MotherForm", "Email"), QLineEdit())
        self.full_name.setPlaceholderText(translate("MotherForm", "As she would write it"))


class SafeContactSection(Section):
    def __init__(self) -> None:
        super().__init__(translate("MotherForm", "Safe contact"))
        self.add(
            "safe_contact_method",
            translate("MotherForm", "Safest way to reach her"),
            ChoiceBox(SAFE_CONTACT_LABELS),
        )
        times = self.add("safe_contact_times", translate("MotherForm", "Safe times"), QLineEdit())
        times.setPlaceholderText(translate("MotherForm", "e.g. weekday mornings, not after 5pm"))
        self.add(
            "no_letters_home",
            "",
            QCheckBox(translate("MotherForm", "No letters to her home address")),
        )
        safe = self.add("safe_address", translate("MotherForm", "Safe address"), plain_text(3))
        safe.setPlaceholderText(
            translate("MotherForm", "Where letters may go instead, e.g. c/o a friend or her clinic")
        )
        safe.setToolTip(
            translate(
                "MotherForm",
                "Letters to her can be addressed here when her home may not be written to. "
                "Her name is printed above it.",
            )
        )
        self.add("no_voicemail", "", QCheckBox(translate("MotherForm", "Do not leave voicemail")))
        self.add("safe_contact_notes", translate("MotherForm", "Notes"), plain_text(2))
