"""The volunteer form: every section in one scrolling dialog, saved through the volunteers
service (see coordinator.ui.kit.form_dialog for checking, saving, closing and drafts)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from coordinator.services import vocabularies
from coordinator.services.changes import Kind
from coordinator.services.records import volunteers
from coordinator.storage.vault import Vault
from coordinator.ui.forms.person_matches import MatchesSection, attach_matches
from coordinator.ui.forms.volunteer_form.about import AboutSection
from coordinator.ui.forms.volunteer_form.availability import AvailabilitySection
from coordinator.ui.forms.volunteer_form.dbs import DbsSection
from coordinator.ui.forms.volunteer_form.identity import IdentitySection
from coordinator.ui.forms.volunteer_form.references import ReferencesSection
from coordinator.ui.forms.volunteer_form.status import StatusSection
from coordinator.ui.forms.volunteer_form.training import ProjectsSection, TrainingSection
from coordinator.ui.kit.form_dialog import FormDialog
from coordinator.ui.kit.widgets import note

DIALOG_SIZE = (900, 700)


class VolunteerFormDialog(FormDialog):
    #: Show this match on the Matches page (the form has closed).
    match_requested = Signal(int)
    changes = frozenset({Kind.VOLUNTEER})
    item_types = {
        "trainings": volunteers.TrainingItem,
        "dbs_checks": volunteers.DbsItem,
        "references": volunteers.ReferenceItem,
    }
    read_only = frozenset({"reference", "status_since", "status_history"})

    def __init__(
        self,
        vault: Vault,
        volunteer_id: int | None = None,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ):
        super().__init__(vault, parent)
        self.noun = self.tr("volunteer")
        self.window_title = self.tr("Volunteer")
        self.today = today or date.today()
        projects = vocabularies.project_choices(vault)
        self.identity = IdentitySection()
        self.status_section = StatusSection()
        self.projects = ProjectsSection(projects)
        self.training = TrainingSection(
            vocabularies.active_terms(vault, "training_module"),
            vocabularies.labels(vault, "training_module"),
        )
        self.dbs = DbsSection(self.today)
        self.references = ReferencesSection()
        self.about = AboutSection(
            vocabularies.active_terms(vault, "language"),
            vocabularies.labels(vault, "language"),
            vocabularies.active_terms(vault, "experience_tag"),
            vocabularies.labels(vault, "experience_tag"),
        )
        self.where = AvailabilitySection()
        self.reference = note()
        self.reference.setObjectName("reference")
        self.matches = MatchesSection(vault, "volunteer")
        attach_matches(self, self.matches, self.today)
        self.build(
            [
                self.identity,
                self.status_section,
                self.matches,
                self.projects,
                self.training,
                self.dbs,
                self.references,
                self.about,
                self.where,
            ],
            header=[self.reference],
        )
        self.resize(*DIALOG_SIZE)
        self.open_record(volunteer_id)  # RecordNotFound when she has gone

    def blank(self) -> Any:
        form = volunteers.blank_volunteer()
        only = vocabularies.only_project(self.vault)
        form.project_ids = [] if only is None else [only]
        return form

    def load(self, record_id: int) -> Any:
        return volunteers.load_volunteer(self.vault, record_id)

    def validate(self, form: Any) -> dict[str, str]:
        return volunteers.validate_volunteer(form, self.today)

    def save_form(self, form: Any) -> int:
        return volunteers.save_volunteer(self.vault, form, self.today)

    def delete_record(self, record_id: int) -> None:
        volunteers.delete_volunteer(self.vault, record_id)

    def show_heading(self, form: Any) -> None:
        super().show_heading(form)
        self.reference.setText(
            self.tr("Our ref {reference}").format(reference=form.reference)
            if form.reference
            else ""
        )
        self.reference.setVisible(bool(form.reference))

    def title_for(self, form: Any) -> str:
        name = form.full_name.strip()
        if form.preferred_name.strip() and form.preferred_name.strip() not in name:
            name += f" ({form.preferred_name.strip()})"
        return name or (self.tr("New volunteer") if form.id is None else self.tr("No name"))
