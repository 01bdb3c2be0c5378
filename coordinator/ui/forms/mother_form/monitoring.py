"""Monitoring for funders' reports (all optional): ethnicity, disability, outcome scores."""

from __future__ import annotations

from coordinator.models import OUTCOME_SCORE_MAX, OUTCOME_SCORE_MIN
from coordinator.services.records.labels import DISABILITY_LABELS, ETHNICITY_LABELS
from coordinator.ui.kit.form_parts.fields import ChoiceBox, NumberEdit, Section
from coordinator.ui.translations import translate


class MonitoringSection(Section):
    def __init__(self) -> None:
        super().__init__(translate("MotherForm", "Monitoring (optional)"))
        self.add("ethnicity", translate("MotherForm", "Ethnicity"), ChoiceBox(ETHNICITY_LABELS))
        self.add("disability", translate("MotherForm", "Disability"), ChoiceBox(DISABILITY_LABELS))
        scale = translate("MotherForm", "{low} to {high}").format(
            low=OUTCOME_SCORE_MIN, high=OUTCOME_SCORE_MAX
        )
        start = self.add(
            "start_outcome_score", translate("MotherForm", "Outcome score at start"), NumberEdit()
        )
        end = self.add(
            "end_outcome_score", translate("MotherForm", "Outcome score at end"), NumberEdit()
        )
        for edit in (start, end):
            edit.setPlaceholderText(scale)
