"""Her main language, other languages, and whether she needs an interpreter."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox

from coordinator.ui.kit.form_parts.fields import CheckList, Section, TermBox
from coordinator.ui.translations import translate


class LanguageSection(Section):
    def __init__(self, terms: list[tuple[int, str]], labels: dict[int, str]) -> None:
        super().__init__(translate("MotherForm", "Language"))
        self.add("language_id", translate("MotherForm", "Main language"), TermBox(terms, labels))
        self.add(
            "interpreter_needed", "", QCheckBox(translate("MotherForm", "Needs an interpreter"))
        )
        self.add(
            "other_language_ids",
            translate("MotherForm", "Other languages"),
            CheckList(terms, labels, rows=5),
        )
