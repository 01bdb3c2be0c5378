"""Where and when she can help: areas, how far she travels, the week's free times, and how
many women she supports at once."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtWidgets import QLineEdit, QSpinBox, QWidget

from coordinator.services.records.volunteer_rules import MAX_MATCHES
from coordinator.ui.kit.form_parts.availability import AvailabilityGrid
from coordinator.ui.kit.form_parts.fields import Section
from coordinator.ui.translations import translate

_SEPARATORS = re.compile(r"[,;\n]")


def number_text(value: Any) -> str:
    """5.0 -> '5', 2.5 -> '2.5', None -> ''."""
    if value is None or value == "":
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class AvailabilitySection(Section):
    def __init__(self) -> None:
        super().__init__(translate("VolunteerForm", "Where and when"))
        self.areas = self.add(
            "areas", translate("VolunteerForm", "Areas"), QLineEdit(), store=False
        )
        self.areas.setPlaceholderText(
            translate("VolunteerForm", "Towns or postcode districts, separated by commas")
        )
        self.radius = self.add(
            "travel_radius_km",
            translate("VolunteerForm", "Travels up to (km)"),
            QLineEdit(),
            store=False,
        )
        self.radius.setMaximumWidth(80)
        self.grid = self.add(
            "availability",
            translate("VolunteerForm", "Usually free"),
            AvailabilityGrid(),
            store=False,
        )
        self.max_matches = self.add(
            "max_matches", translate("VolunteerForm", "Most women at once"), QSpinBox()
        )
        self.max_matches.setRange(1, MAX_MATCHES)
        self.max_matches.setMaximumWidth(80)

    def read(self, form: Any) -> None:
        super().read(form)
        form.areas = [a.strip() for a in _SEPARATORS.split(self.areas.text()) if a.strip()]
        typed = self.radius.text().strip()
        try:
            form.travel_radius_km = float(typed) if typed else None
        except ValueError:
            form.travel_radius_km = typed  # the service says what is wrong with it
        form.availability = self.grid.slots()

    def show_form(self, form: Any) -> None:
        super().show_form(form)
        for widget in (self.areas, self.radius, self.grid):
            widget.blockSignals(True)
        self.areas.setText(", ".join(form.areas))
        self.radius.setText(number_text(form.travel_radius_km))
        self.grid.set_slots(form.availability)
        for widget in (self.areas, self.radius, self.grid):
            widget.blockSignals(False)

    def widget_for(self, key: str) -> QWidget | None:
        own = {"areas": self.areas, "travel_radius_km": self.radius, "availability": self.grid}
        return own.get(key) or super().widget_for(key)
