"""Needs (ticked from the vocabulary Settings edits) and a short support plan."""

from __future__ import annotations

from coordinator.ui.forms.mother_form.common import tr
from coordinator.ui.kit.form_parts.fields import CheckList, Section, plain_text


class NeedsSection(Section):
    def __init__(self, terms: list[tuple[int, str]], labels: dict[int, str]) -> None:
        super().__init__(tr("Needs"))
        self.needs = self.add("need_ids", tr("Needs"), CheckList(terms, labels, rows=10))
        self.add("support_plan", tr("Support plan"), plain_text(3))
