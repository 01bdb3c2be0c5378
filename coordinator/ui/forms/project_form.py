"""One project: its model of support, the norms volunteers work to, and what it offers.

Checked, saved and deleted through records/projects.py, in the same frame as the other
record forms (form_dialog.py). A project that records belong to cannot be deleted: the
dialog shows the service's reason (mark it as no longer running).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QLineEdit, QWidget

from coordinator.services.changes import Kind
from coordinator.services.records import projects
from coordinator.services.records.labels import SUPPORT_MODEL_LABELS, VISIT_FREQUENCY_LABELS
from coordinator.storage.vault import Vault
from coordinator.ui.kit.form_dialog import FormDialog
from coordinator.ui.kit.form_parts.fields import ChoiceBox, NumberEdit, Section, plain_text
from coordinator.ui.translations import translate

DIALOG_SIZE = (760, 680)


class AboutSection(Section):
    def __init__(self) -> None:
        super().__init__(translate("ProjectForm", "The project"))
        self.name = self.add("name", translate("ProjectForm", "Name *"), QLineEdit())
        self.model = self.add(
            "model",
            translate("ProjectForm", "Model of support *"),
            ChoiceBox(SUPPORT_MODEL_LABELS, empty=translate("ProjectForm", "Choose…")),
        )
        self.model.setToolTip(
            translate(
                "ProjectForm",
                "Befriending: a friend, flexible, usually weekly visits.\n"
                "Mentoring: a professional friend, goal-focused, with an ending set "
                "from the start.",
            )
        )
        self.add("area_covered", translate("ProjectForm", "Area covered"), QLineEdit())
        self.active = self.add(
            "active",
            "",
            QCheckBox(
                translate(
                    "ProjectForm", "Still running (offered on mothers' and volunteers' forms)"
                )
            ),
        )


class NormsSection(Section):
    def __init__(self) -> None:
        super().__init__(translate("ProjectForm", "How volunteers work"))
        self.add(
            "visit_norm",
            translate("ProjectForm", "Usual contact"),
            ChoiceBox(VISIT_FREQUENCY_LABELS, empty=None),
        )
        self.add(
            "usual_duration_weeks", translate("ProjectForm", "Usual length (weeks)"), NumberEdit()
        )
        self.add(
            "baby_age_limit_months",
            translate("ProjectForm", "Support ends at baby's age (months)"),
            NumberEdit(),
        )
        self.add(
            "supervision_interval_weeks",
            translate("ProjectForm", "Supervision every (weeks)"),
            NumberEdit(),
        )
        self.add(
            "personal_numbers_shared",
            "",
            QCheckBox(
                translate("ProjectForm", "Volunteers may give mothers their own phone numbers")
            ),
        )
        self.phone = self.add(
            "project_phone", translate("ProjectForm", "Project phone"), QLineEdit()
        )
        self.phone.setMaximumWidth(220)
        self.phone.setPlaceholderText(translate("ProjectForm", "What volunteers give out"))


class OfferSection(Section):
    def __init__(self) -> None:
        super().__init__(translate("ProjectForm", "What we offer (for referrers and mothers)"))
        self.add("offer_text_we_do", translate("ProjectForm", "What we do"), plain_text(4))
        self.add("offer_text_we_dont", translate("ProjectForm", "What we don't do"), plain_text(3))


class ProjectFormDialog(FormDialog):
    changes = frozenset({Kind.PROJECT})

    def __init__(self, vault: Vault, project_id: int | None = None, parent: QWidget | None = None):
        super().__init__(vault, parent)
        self.noun = self.tr("project")
        self.window_title = self.tr("Project")
        self.about = AboutSection()
        self.build([self.about, NormsSection(), OfferSection()])
        self.resize(*DIALOG_SIZE)
        self.open_record(project_id)  # RecordNotFound when it has gone

    def blank(self) -> Any:
        return projects.blank_project()

    def load(self, record_id: int) -> Any:
        return projects.load_project(self.vault, record_id)

    def validate(self, form: Any) -> dict[str, str]:
        return projects.validate_project(form)

    def save_form(self, form: Any) -> int:
        return projects.save_project(self.vault, form)

    def delete_record(self, record_id: int) -> None:
        projects.delete_project(self.vault, record_id)

    def title_for(self, form: Any) -> str:
        return form.name.strip() or (
            self.tr("New project") if form.id is None else self.tr("No name")
        )
