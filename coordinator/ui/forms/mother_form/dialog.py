"""The mother form: one dialog per record, its sections in a scroll area.

The frame (coordinator.ui.kit.form_dialog) checks every change with records.validate_mother,
shows each message under its field, enables Save only when the form is valid and changed,
asks Save / Discard / Cancel before closing with unsaved changes and hands a lock its values
as a draft. What is the mother form's own: its sections, the lines under the heading (how
far along she is, an open safeguarding concern, no letters home), a closed record's reason
checked at once, and where the cursor starts. Window titles never show her name.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from coordinator.services import vocabularies
from coordinator.services.changes import Kind
from coordinator.services.records.mother_form import (
    READ_ONLY,
    ConsentItem,
    MotherForm,
    ProfessionalItem,
    SafeguardingItem,
)
from coordinator.services.records.mothers import (
    blank_mother,
    delete_mother,
    delete_refusal,
    load_mother,
    mother_warnings,
    save_mother,
    validate_mother,
)
from coordinator.storage.vault import Vault
from coordinator.ui.forms.mother_form.consents import ConsentSection
from coordinator.ui.forms.mother_form.identity import IdentitySection, SafeContactSection
from coordinator.ui.forms.mother_form.language import LanguageSection
from coordinator.ui.forms.mother_form.monitoring import MonitoringSection
from coordinator.ui.forms.mother_form.needs import NeedsSection
from coordinator.ui.forms.mother_form.preferences import PreferencesSection
from coordinator.ui.forms.mother_form.pregnancy import PregnancySection
from coordinator.ui.forms.mother_form.professionals import ProfessionalsSection
from coordinator.ui.forms.mother_form.referral import ReferralSection
from coordinator.ui.forms.mother_form.safeguarding import SafeguardingSection
from coordinator.ui.forms.person_matches import MatchesSection, attach_matches
from coordinator.ui.kit.form_dialog import FormDialog
from coordinator.ui.kit.form_parts.fields import Section
from coordinator.ui.kit.widgets import ERROR_COLOUR, note
from coordinator.ui.letters.letters_section import LettersSection

DIALOG_SIZE = (1060, 700)


class MotherDialog(FormDialog):
    #: Show this match on the Matches page (the form has closed).
    match_requested = Signal(int)
    changes = frozenset({Kind.MOTHER})
    item_types = {
        "consents": ConsentItem,
        "safeguarding_concerns": SafeguardingItem,
        "professionals": ProfessionalItem,
    }
    read_only = READ_ONLY

    def __init__(
        self,
        vault: Vault,
        mother_id: int | None = None,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ):
        super().__init__(vault, parent)
        self.today = today or date.today()
        self.window_title = self.tr("Mother")  # the same for a new referral and her record
        self.summary = note()
        self.summary.setObjectName("summary")
        # Its line is kept while empty: typing a due date must not push the form down.
        self.summary.setMinimumHeight(self.summary.fontMetrics().lineSpacing())
        self.flag = note("", ERROR_COLOUR)
        self.reference = note()
        self.reference.setObjectName("reference")
        self.letters_button = QPushButton(self.tr("Letters…"))
        self.letters_button.setAutoDefault(False)
        self.letters_button.clicked.connect(self.open_letters)
        letters_row = QWidget()
        row = QHBoxLayout(letters_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.letters_button)
        row.addStretch(1)
        self.build(
            self._make_sections(), header=[self.reference, self.summary, self.flag, letters_row]
        )
        self.resize(*DIALOG_SIZE)
        self.open_record(mother_id)  # RecordNotFound when she has gone

    @property
    def mother_id(self) -> int | None:
        return self.record_id

    def _make_sections(self) -> list[Section]:
        v = self.vault
        terms = {name: vocabularies.active_terms(v, name) for name in ("need", "language")}
        terms["experience_tag"] = vocabularies.active_terms(v, "experience_tag")
        names = {name: vocabularies.labels(v, name) for name in terms}
        projects = self.projects = vocabularies.project_choices(v)
        self.identity = IdentitySection()
        self.pregnancy = PregnancySection(self.today)
        self.referral = ReferralSection(projects, dict(projects))
        self.matches = MatchesSection(v, "mother")
        attach_matches(self, self.matches, self.today)
        self.letters = LettersSection(v)
        return [
            self.identity,
            SafeContactSection(),
            self.pregnancy,
            self.referral,
            self.matches,
            self.letters,
            NeedsSection(terms["need"], names["need"]),
            LanguageSection(terms["language"], names["language"]),
            PreferencesSection(terms["experience_tag"], names["experience_tag"]),
            ConsentSection(),
            SafeguardingSection(),
            ProfessionalsSection(),
            MonitoringSection(),
        ]

    # -- service calls -----------------------------------------------------------------------

    def blank(self) -> MotherForm:
        form = blank_mother(self.today)
        form.project_id = vocabularies.only_project(self.vault)
        return form

    def load(self, record_id: int) -> MotherForm:
        return load_mother(self.vault, record_id)

    def validate(self, form: Any) -> dict[str, str]:
        return validate_mother(form, self.today, projects_exist=bool(self.projects))

    def warnings(self, form: Any) -> dict[str, str]:
        return mother_warnings(form, self.today, projects_exist=bool(self.projects))

    def delete_refusal(self, record_id: int) -> str | None:
        return delete_refusal(self.vault, record_id)

    def save_form(self, form: Any) -> int:
        return save_mother(self.vault, form, self.today)

    def delete_record(self, record_id: int) -> None:
        delete_mother(self.vault, record_id)

    def delete_question(self) -> str:
        return self.tr(
            "Delete this record and everything recorded about her (consents, "
            "safeguarding, professionals)? This cannot be undone."
        )

    # -- what is the mother form's own -------------------------------------------------------

    def title_for(self, form: MotherForm) -> str:
        name = form.full_name.strip() or (
            self.tr("New referral") if form.id is None else self.tr("No name")
        )
        if form.preferred_name.strip():
            name += f" ({form.preferred_name.strip()})"
        return name

    def show_heading(self, form: MotherForm) -> None:
        super().show_heading(form)
        self.reference.setText(
            self.tr("Our ref {reference}").format(reference=form.reference)
            if form.reference
            else ""
        )
        self.reference.setVisible(bool(form.reference))
        self.summary.setText(self.pregnancy.derived.text() if form.edd or form.baby_dob else "")
        flags = []
        if form.has_open_safeguarding:
            flags.append(self.tr("Open safeguarding concern"))
        if form.no_letters_home and form.safe_address.strip():
            flags.append(self.tr("No letters to her home address: use her safe address"))
        elif form.no_letters_home:
            flags.append(self.tr("No letters to her home address"))
        self.flag.setText(" · ".join(flags))
        self.flag.setVisible(bool(flags))
        self.letters_button.setVisible(form.id is not None)

    def open_letters(self):
        from coordinator.ui.letters.entry import open_letters

        dialog = open_letters(self, self.vault, self.mother_id, self.message)
        if dialog is not None:  # the letters she makes join her list
            dialog.finished.connect(lambda *_: self.letters.show_form(self.form))
        return dialog

    def _edited(self, key: str) -> None:
        if key == "stage" and self.referral.closed():
            self.messages.show_now("closure_reason")  # closing needs a reason: say so at once
        super()._edited(key)

    def first_field(self) -> QWidget | None:
        return self.identity.full_name  # a new referral: start typing her name
