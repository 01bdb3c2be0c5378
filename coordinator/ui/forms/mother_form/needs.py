"""Needs (ticked from the vocabulary Settings edits), a short support plan and general notes."""

from __future__ import annotations

from coordinator.ui.kit.form_parts.fields import CheckList, Section, plain_text
from coordinator.ui.translations import translate


class NeedsSection(Section):
    def __init__(self, terms: list[tuple[int, str]], labels: dict[int, str]) -> None:
        super().__init__(translate("MotherForm", "Needs"))
        self.needs = self.add(
            "need_ids", translate("MotherForm", "Needs"), CheckList(terms, labels, rows=10)
        )
        self.add("support_plan", translate("MotherForm", "Support plan"), plain_text(3))
        self.add("notes", translate("MotherForm", "Notes"), plain_text(3))
