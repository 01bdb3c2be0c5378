"""What she shares with the women she supports: languages, lived experience, and faith or
culture (only if she chose to tell us)."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit

from coordinator.ui.forms.volunteer_form.common import tr
from coordinator.ui.kit.form_parts.fields import CheckList, Section


class AboutSection(Section):
    def __init__(
        self,
        languages: list[tuple[int, str]],
        language_labels: dict[int, str],
        experiences: list[tuple[int, str]],
        experience_labels: dict[int, str],
    ) -> None:
        super().__init__(tr("Languages and experience"))
        self.languages = self.add(
            "language_ids", tr("Languages"), CheckList(languages, language_labels, rows=6)
        )
        self.experiences = self.add(
            "experience_ids",
            tr("Lived experience"),
            CheckList(experiences, experience_labels, rows=6),
        )
        self.faith = self.add("faith_culture", tr("Faith or culture"), QLineEdit())
        self.faith.setPlaceholderText(tr("Optional: only if she chose to tell us"))
