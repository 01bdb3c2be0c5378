"""Projects she volunteers for, her induction, and the training modules she has done."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from coordinator.services.records.volunteer_form import TrainingItem
from coordinator.ui.kit.form_parts.fields import CheckList, DateEdit, Section
from coordinator.ui.kit.form_parts.rows import RowField, RowsSection
from coordinator.ui.translations import translate


class ProjectsSection(Section):
    def __init__(self, projects: list[tuple[int, str]]) -> None:
        super().__init__(translate("VolunteerForm", "Projects and induction"))
        self.projects = self.add(
            "project_ids",
            translate("VolunteerForm", "Projects"),
            CheckList(projects, dict(projects), rows=4),
        )
        self.add(
            "induction_completed_on", translate("VolunteerForm", "Induction completed"), DateEdit()
        )


class TrainingSection(RowsSection):
    attr = "trainings"
    item_type = TrainingItem
    columns = 5

    def __init__(self, modules: list[tuple[int, str]], labels: dict[int, str]) -> None:
        # Every module the records may have (a retired one too), active ones first.
        offered = dict(modules)
        for term_id, label in labels.items():
            offered.setdefault(
                term_id, translate("VolunteerForm", "{label} (retired)").format(label=label)
            )
        self.specs = [
            RowField(
                "module_id", translate("VolunteerForm", "Module *"), "choice", offered, span=2
            ),
            RowField("completed_on", translate("VolunteerForm", "Completed on"), "date"),
            RowField("refresh_due_on", translate("VolunteerForm", "Refresher due"), "date"),
            RowField("notes", translate("VolunteerForm", "Notes")),
        ]
        self.add_text = translate("VolunteerForm", "Add a training module")
        self.none_text = translate("VolunteerForm", "No training recorded yet.")
        super().__init__(translate("VolunteerForm", "Training modules"))

    def first_widget(self, row: int) -> QWidget:
        return self.editors[row].widgets["module_id"]
