"""One project: its model of support, the norms volunteers work to, and what it offers;
on its Matching tab, how candidates are ranked and who can be proposed (project_matching.py).

Checked, saved and deleted through records/projects.py, in the same frame as the other
record forms (form_dialog.py). A project that records belong to cannot be deleted: the
dialog shows the service's reason (mark it as no longer running).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QLineEdit, QTabWidget, QWidget

from coordinator.services.changes import Kind
from coordinator.services.matching import (
    RULES_CHANGES,
    MatchingRules,
    default_rules,
    load_rules,
    save_rules,
)
from coordinator.services.records import projects
from coordinator.services.records.errors import RecordNotFound
from coordinator.services.records.labels import SUPPORT_MODEL_LABELS, VISIT_FREQUENCY_LABELS
from coordinator.storage.vault import Vault
from coordinator.ui.forms.project_matching import MatchingTab
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
    changes = frozenset({Kind.PROJECT}) | RULES_CHANGES

    def __init__(self, vault: Vault, project_id: int | None = None, parent: QWidget | None = None):
        super().__init__(vault, parent)
        self.noun = self.tr("project")
        self.window_title = self.tr("Project")
        self.about = AboutSection()
        self.build([self.about, NormsSection(), OfferSection()])
        # The project's own fields on one tab, its matching rules (saved with it) on another.
        self.matching = MatchingTab(vault)
        self.tabs = QTabWidget()
        self.layout().replaceWidget(self.scroll, self.tabs)
        self.tabs.addTab(self.scroll, self.tr("&Project"))
        self.tabs.addTab(self.matching, self.tr("&Matching"))
        self.matching.show_rules(default_rules() if project_id is None else self._rules(project_id))
        self.matching.changed.connect(lambda: self._edited("matching"))
        self.resize(*DIALOG_SIZE)
        self.open_record(project_id)  # RecordNotFound when it has gone

    def _rules(self, project_id: int) -> MatchingRules:
        try:
            return load_rules(self.vault, project_id)
        except RecordNotFound:
            return default_rules()  # open_record says it has gone

    def values(self, form: Any = None) -> dict[str, Any]:
        found = super().values(form)
        found["matching"] = self.matching.values()
        return found

    def apply_values(self, values: dict[str, Any], *, announce: bool = True) -> None:
        if isinstance(values.get("matching"), dict):
            self.matching.apply_values(values["matching"])
        super().apply_values(values, announce=announce)

    def blank(self) -> Any:
        return projects.blank_project()

    def load(self, record_id: int) -> Any:
        return projects.load_project(self.vault, record_id)

    def validate(self, form: Any) -> dict[str, str]:
        return projects.validate_project(form)

    def save_form(self, form: Any) -> int:
        project_id = projects.save_project(self.vault, form)
        if self.matching.values() != self._stored.get("matching") or form.id is None:
            save_rules(self.vault, project_id, self.matching.rules())
        return project_id

    def delete_record(self, record_id: int) -> None:
        projects.delete_project(self.vault, record_id)

    def title_for(self, form: Any) -> str:
        return form.name.strip() or (
            self.tr("New project") if form.id is None else self.tr("No name")
        )
