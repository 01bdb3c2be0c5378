"""Her main language, other languages, and whether she needs an interpreter."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox

from coordinator.ui.kit.form_parts.fields import CheckList, Section, TermBox
from coordinator.ui.translations import translate


class LanguageSection(Section):
    def __init__(self, terms: list[tuple[int, str]], labels: dict[int, str]) -> None:
        super().__init__(translate("MotherForm", "Language"))
        main = TermBox(terms, labels)
        others = CheckList(terms, labels, rows=5)
        self.add("language_id", translate("MotherForm", "Main language"), main)
        self.add(
            "interpreter_needed", "", QCheckBox(translate("MotherForm", "Needs an interpreter"))
        )
        self.add("other_language_ids", translate("MotherForm", "Other languages"), others)
        # The main language is not offered again among the others.
        main.currentIndexChanged.connect(lambda _index: others.leave_out(main.value()))
