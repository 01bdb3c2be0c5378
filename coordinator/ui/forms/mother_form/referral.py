"""Referral (when, from whom, why), the project, and the stage with its closing reason."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLineEdit

from coordinator.models import MotherStage
from coordinator.services.records.labels import (
    CLOSURE_REASON_LABELS,
    REFERRAL_SOURCE_LABELS,
    STAGE_LABELS,
)
from coordinator.services.records.mother_rules import saved_stage
from coordinator.services.records.pregnancy import format_date
from coordinator.ui.kit.form_parts.fields import ChoiceBox, DateEdit, Section, TermBox, plain_text
from coordinator.ui.kit.widgets import note
from coordinator.ui.translations import translate, word


class ReferralSection(Section):
    def __init__(self, projects: list[tuple[int, str]], project_labels: dict[int, str]) -> None:
        super().__init__(translate("MotherForm", "Referral and stage"))
        self.add("referral_received_on", translate("MotherForm", "Referral received *"), DateEdit())
        self.add(
            "referral_source",
            translate("MotherForm", "Referred by"),
            ChoiceBox(REFERRAL_SOURCE_LABELS),
        )
        self.add("referrer_name", translate("MotherForm", "Referrer's name"), QLineEdit())
        self.add("referrer_agency", translate("MotherForm", "Agency"), QLineEdit())
        self.add(
            "referrer_phone", translate("MotherForm", "Referrer's phone"), QLineEdit()
        ).setMaximumWidth(220)
        self.add("referrer_email", translate("MotherForm", "Referrer's email"), QLineEdit())
        self.add("referral_reasons", translate("MotherForm", "Reasons for referral"), plain_text(3))
        # A referral belongs to a project once the charity runs any (the service checks).
        project_label = (
            translate("MotherForm", "Project *") if projects else translate("MotherForm", "Project")
        )
        self.add("project_id", project_label, TermBox(projects, project_labels))
        if not projects:
            self.add_note(
                "",
                note(
                    translate(
                        "MotherForm",
                        "No projects yet, so none is needed. Add projects in Settings > Records.",
                    )
                ),
            )
        self.stage = self.add(
            "stage", translate("MotherForm", "Stage"), ChoiceBox(STAGE_LABELS, empty=None)
        )
        self.add(
            "closure_reason",
            translate("MotherForm", "Reason for closing *"),
            ChoiceBox(CLOSURE_REASON_LABELS),
        )
        self.add("closure_reason_note", translate("MotherForm", "About the closing"), plain_text(2))
        self.history = note()
        self.history.setObjectName("stage_history")
        self.add_note(translate("MotherForm", "History"), self.history)
        self.stage.currentIndexChanged.connect(self._stage_shown)
        self._stage_shown()

    def closed(self) -> bool:
        return self.stage.value() == MotherStage.CLOSED.value

    def _stage_shown(self) -> None:
        for key in ("closure_reason", "closure_reason_note"):
            self.set_row_visible(key, self.closed())

    def show_form(self, form: Any) -> None:
        super().show_form(form)
        self._stage_shown()
        # Matched is set by making a match; it is shown, not offered, on the form.
        matched = self.stage.findData(MotherStage.MATCHED.value)
        item = self.stage.model().item(matched) if matched >= 0 else None
        if item is not None:
            item.setEnabled(saved_stage(form) is MotherStage.MATCHED)
            item.setToolTip(translate("MotherForm", "Set when a match with a volunteer is made."))
        lines = []
        for change in form.stage_history:
            line = translate("MotherForm", "{date}: {stage}").format(
                date=format_date(change.changed_on), stage=word(STAGE_LABELS[change.to_stage])
            )
            if change.reason is not None:
                line += f" ({word(CLOSURE_REASON_LABELS[change.reason])})"
            lines.append(line)
        self.history.setText(
            "\n".join(lines) or translate("MotherForm", "New referral: not saved yet.")
        )
