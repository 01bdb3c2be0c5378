"""Monitoring for funders' reports (all optional): ethnicity, disability, outcome scores."""

from __future__ import annotations

from coordinator.models import OUTCOME_SCORE_MAX, OUTCOME_SCORE_MIN
from coordinator.services.records.labels import DISABILITY_LABELS, ETHNICITY_LABELS
from coordinator.ui.forms.mother_form.common import tr
from coordinator.ui.kit.form_parts.fields import ChoiceBox, NumberEdit, Section


class MonitoringSection(Section):
    def __init__(self) -> None:
        super().__init__(tr("Monitoring (optional)"))
        self.add("ethnicity", tr("Ethnicity"), ChoiceBox(ETHNICITY_LABELS))
        self.add("disability", tr("Disability"), ChoiceBox(DISABILITY_LABELS))
        scale = tr("{low} to {high}").format(low=OUTCOME_SCORE_MIN, high=OUTCOME_SCORE_MAX)
        start = self.add("start_outcome_score", tr("Outcome score at start"), NumberEdit())
        end = self.add("end_outcome_score", tr("Outcome score at end"), NumberEdit())
        for edit in (start, end):
            edit.setPlaceholderText(scale)
