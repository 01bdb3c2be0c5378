"""Her main language, other languages, and whether she needs an interpreter."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox

from coordinator.ui.forms.mother_form.common import tr
from coordinator.ui.kit.form_parts.fields import CheckList, Section, TermBox


class LanguageSection(Section):
    def __init__(self, terms: list[tuple[int, str]], labels: dict[int, str]) -> None:
        super().__init__(tr("Language"))
        self.add("language_id", tr("Main language"), TermBox(terms, labels))
        self.add("interpreter_needed", "", QCheckBox(tr("Needs an interpreter")))
        self.add("other_language_ids", tr("Other languages"), CheckList(terms, labels, rows=5))
