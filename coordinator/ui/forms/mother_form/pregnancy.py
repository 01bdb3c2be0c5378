"""Pregnancy and baby: due date (or weeks), baby's birth date, and who looks after them.

Weeks pregnant or the baby's age is worked out and shown as the dates are typed.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QCheckBox, QLineEdit, QSpinBox

from coordinator.services.records.mothers import mother_pregnancy_text
from coordinator.services.records.pregnancy import estimated_edd, pregnancy_text
from coordinator.ui.kit.form_parts.fields import DateEdit, NumberEdit, Section
from coordinator.ui.kit.widgets import note
from coordinator.ui.translations import translate


class PregnancySection(Section):
    def __init__(self, today: date) -> None:
        super().__init__(translate("MotherForm", "Pregnancy and baby"))
        self.today = today
        self.derived = note()
        self.derived.setObjectName("pregnancy_text")
        self.add("edd", translate("MotherForm", "Due date (EDD)"), DateEdit())
        self.add(
            "edd_is_approximate",
            "",
            QCheckBox(translate("MotherForm", "The due date is approximate")),
        )
        weeks = self.add(
            "weeks_pregnant_at_referral",
            translate("MotherForm", "Weeks pregnant at referral"),
            NumberEdit(),
        )
        weeks.setToolTip(translate("MotherForm", "When the due date is not known"))
        self.add("baby_dob", translate("MotherForm", "Baby's date of birth"), DateEdit())
        self.add_note(translate("MotherForm", "Now"), self.derived)
        self.add("multiple_birth", "", QCheckBox(translate("MotherForm", "Twins or more")))
        children = self.add("other_children", translate("MotherForm", "Other children"), QSpinBox())
        children.setRange(0, 99)
        children.setMaximumWidth(70)
        self.add("midwife_name", translate("MotherForm", "Midwife"), QLineEdit())
        self.add("health_visitor_name", translate("MotherForm", "Health visitor"), QLineEdit())
        self.add("gp_name", translate("MotherForm", "GP"), QLineEdit())
        self.add("gp_practice", translate("MotherForm", "GP practice"), QLineEdit())

    def update_derived(self, form: Any) -> None:
        shown = mother_pregnancy_text(form, self.today)
        if not shown and not isinstance(form.baby_dob, date):
            weeks = form.weeks_pregnant_at_referral
            received = form.referral_received_on
            if isinstance(weeks, int) and isinstance(received, date):
                edd = estimated_edd(received, weeks)
                shown = pregnancy_text(edd, None, self.today, approximate=True)
        self.derived.setText(
            shown
            or translate(
                "MotherForm", "Give a due date, the weeks at referral, or the baby's birth date."
            )
        )
