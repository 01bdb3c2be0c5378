"""Matching preferences: what she would like to share with a volunteer, the volunteer's
gender, when she is available, and anything to avoid."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QLineEdit

from coordinator.services.records.labels import GENDER_PREFERENCE_LABELS
from coordinator.ui.kit.form_parts.availability import AvailabilityGrid
from coordinator.ui.kit.form_parts.fields import CheckList, ChoiceBox, Section, plain_text
from coordinator.ui.translations import translate


class PreferencesSection(Section):
    def __init__(self, experiences: list[tuple[int, str]], labels: dict[int, str]) -> None:
        super().__init__(translate("MotherForm", "Matching preferences"))
        self.add(
            "prefers_shared_language",
            "",
            QCheckBox(translate("MotherForm", "Would like someone who speaks her language")),
        )
        self.add(
            "wanted_experience_ids",
            translate("MotherForm", "Someone who shares"),
            CheckList(experiences, labels, rows=6),
        )
        self.add(
            "culture_faith_preference", translate("MotherForm", "Culture or faith"), QLineEdit()
        )
        self.add(
            "preferred_volunteer_gender",
            translate("MotherForm", "Volunteer's gender"),
            ChoiceBox(GENDER_PREFERENCE_LABELS, empty=None),
        )
        self.grid = AvailabilityGrid()
        self.add("availability", translate("MotherForm", "Available"), self.grid, store=False)
        self.add("matching_exclusions", translate("MotherForm", "Avoid"), plain_text(2))

    def widget_for(self, key: str) -> Any:
        return self.grid if key == "availability" else super().widget_for(key)

    def read(self, form: Any) -> None:
        super().read(form)
        form.availability = self.grid.slots()

    def show_form(self, form: Any) -> None:
        super().show_form(form)
        self.grid.set_slots(form.availability)
