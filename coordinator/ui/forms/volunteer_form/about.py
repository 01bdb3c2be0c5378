"""What she shares with the women she supports: languages, lived experience, and faith or
culture (only if she chose to tell us)."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit

from coordinator.ui.kit.form_parts.fields import CheckList, Section
from coordinator.ui.translations import translate


class AboutSection(Section):
    def __init__(
        self,
        languages: list[tuple[int, str]],
        language_labels: dict[int, str],
        experiences: list[tuple[int, str]],
        experience_labels: dict[int, str],
    ) -> None:
        super().__init__(translate("VolunteerForm", "Languages and experience"))
        self.languages = self.add(
            "language_ids",
            translate("VolunteerForm", "Languages"),
            CheckList(languages, language_labels, rows=6),
        )
        self.experiences = self.add(
            "experience_ids",
            translate("VolunteerForm", "Lived experience"),
            CheckList(experiences, experience_labels, rows=6),
        )
        self.faith = self.add(
            "faith_culture", translate("VolunteerForm", "Faith or culture"), QLineEdit()
        )
        self.faith.setPlaceholderText(
            translate("VolunteerForm", "Optional: only if they chose to tell us")
        )
