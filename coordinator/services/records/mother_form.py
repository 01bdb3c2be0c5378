"""The mother form: every field a coordinator can edit about a mother, as plain data.

Text fields hold what was typed ("" when empty); date fields hold a date, or the text typed
into a date box (parsed and checked on validate and save); choices hold the enum member (or
its value); vocabulary choices hold term ids. Lists of owned rows (consents, safeguarding
concerns, other professionals) hold small item dataclasses whose `id` is None until saved.
`stage_changed_on` and `stage_history` are read-only: save ignores them.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date

from coordinator.models import (
    ClosureReason,
    ConsentKind,
    ConsentMethod,
    Disability,
    Ethnicity,
    GenderPreference,
    MotherStage,
    ReferralSource,
    SafeContactMethod,
)
from coordinator.services.records.cleaning import DateInput, Slot


@dataclass
class ConsentItem:
    kind: ConsentKind | None = None
    given: bool = False
    given_on: DateInput = None
    how: ConsentMethod | None = None
    recorded_by: str = ""
    review_on: DateInput = None
    withdrawn_on: DateInput = None
    # For "share with named services": which services.
    share_with: str = ""
    id: int | None = None


@dataclass
class SafeguardingItem:
    raised_on: DateInput = None
    raised_by: str = ""
    note: str = ""
    escalated_to: str = ""
    escalated_on: DateInput = None
    resolved_on: DateInput = None
    resolution_note: str = ""
    id: int | None = None


@dataclass
class ProfessionalItem:
    role: str = ""
    name: str = ""
    organisation: str = ""
    phone: str = ""
    email: str = ""
    notes: str = ""
    id: int | None = None


@dataclass(frozen=True)
class StageChangeItem:
    """One row of the stage history (read-only)."""

    from_stage: MotherStage | None
    to_stage: MotherStage
    changed_on: date
    reason: ClosureReason | None
    note: str | None


@dataclass
class MotherForm:
    id: int | None = None

    # Identity
    full_name: str = ""
    preferred_name: str = ""
    date_of_birth: DateInput = None
    address_line1: str = ""
    address_line2: str = ""
    town: str = ""
    postcode: str = ""
    phone: str = ""
    email: str = ""

    # Safe contact
    safe_contact_method: SafeContactMethod | None = None
    safe_contact_times: str = ""
    no_letters_home: bool = False
    no_voicemail: bool = False
    safe_contact_notes: str = ""
    #: Where letters may go instead of her home: the lines after her name.
    safe_address: str = ""

    # Language
    language_id: int | None = None
    interpreter_needed: bool = False
    other_language_ids: list[int] = field(default_factory=list)

    project_id: int | None = None

    # Pregnancy and baby
    edd: DateInput = None
    edd_is_approximate: bool = False
    weeks_pregnant_at_referral: int | None = None
    baby_dob: DateInput = None
    multiple_birth: bool = False
    other_children: int = 0
    midwife_name: str = ""
    health_visitor_name: str = ""
    gp_name: str = ""
    gp_practice: str = ""

    # Referral
    referral_received_on: DateInput = None
    referral_source: ReferralSource | None = None
    referrer_name: str = ""
    referrer_agency: str = ""
    referrer_phone: str = ""
    referrer_email: str = ""
    referral_reasons: str = ""

    # Stage (a reason only when closed: cleared when she is reopened)
    stage: MotherStage = MotherStage.RECEIVED
    closure_reason: ClosureReason | None = None
    closure_reason_note: str = ""

    need_ids: list[int] = field(default_factory=list)
    support_plan: str = ""
    #: Anything else worth knowing about her (a spreadsheet's "Notes" column comes here).
    notes: str = ""

    # Matching preferences
    prefers_shared_language: bool = False
    wanted_experience_ids: list[int] = field(default_factory=list)
    culture_faith_preference: str = ""
    preferred_volunteer_gender: GenderPreference = GenderPreference.ANY
    availability: set[Slot] = field(default_factory=set)
    matching_exclusions: str = ""

    consents: list[ConsentItem] = field(default_factory=list)
    safeguarding_concerns: list[SafeguardingItem] = field(default_factory=list)
    professionals: list[ProfessionalItem] = field(default_factory=list)

    # Monitoring (optional)
    ethnicity: Ethnicity | None = None
    disability: Disability | None = None
    start_outcome_score: int | None = None
    end_outcome_score: int | None = None

    # Read-only
    #: "M0042" once saved ("" for a new record).
    reference: str = ""
    stage_changed_on: date | None = None
    stage_history: list[StageChangeItem] = field(default_factory=list)

    @property
    def has_open_safeguarding(self) -> bool:
        return any(not c.resolved_on for c in self.safeguarding_concerns)


#: The choice fields and the enum each holds.
CHOICES: dict[str, type[enum.Enum]] = {
    "safe_contact_method": SafeContactMethod,
    "referral_source": ReferralSource,
    "stage": MotherStage,
    "closure_reason": ClosureReason,
    "preferred_volunteer_gender": GenderPreference,
    "ethnicity": Ethnicity,
    "disability": Disability,
}

#: Fields save never writes.
READ_ONLY = frozenset({"id", "reference", "stage_changed_on", "stage_history"})


def blank_mother(today: date | None = None) -> MotherForm:
    """A new referral: received today unless the coordinator changes the date."""
    return MotherForm(referral_received_on=today or date.today())
