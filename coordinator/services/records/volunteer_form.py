"""The volunteer form: every field a coordinator can edit about a volunteer, as plain data.

Same conventions as the mother form: text is "" when empty, date fields take a date or the
typed text, choices take the enum member (or its value), vocabularies take term ids, owned
rows are item dataclasses with `id` None until saved. `status_since` and `status_history`
are read-only; `status_note` is written to the history row when the status changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from coordinator.models import DbsCheckType, Gender, VolunteerStatus
from coordinator.services.records.cleaning import DateInput, Slot


@dataclass
class TrainingItem:
    module_id: int | None = None
    completed_on: DateInput = None
    refresh_due_on: DateInput = None
    notes: str = ""
    id: int | None = None


@dataclass
class DbsItem:
    check_type: DbsCheckType | None = None
    certificate_number: str = ""
    issue_date: DateInput = None
    update_service: bool = False
    next_check_due: DateInput = None
    checked_by: str = ""
    notes: str = ""
    id: int | None = None


@dataclass
class ReferenceItem:
    referee_name: str = ""
    referee_relationship: str = ""
    requested_on: DateInput = None
    received_on: DateInput = None
    satisfactory: bool | None = None
    notes: str = ""
    id: int | None = None


@dataclass(frozen=True)
class StatusChangeItem:
    """One row of the status history (read-only)."""

    from_status: VolunteerStatus | None
    to_status: VolunteerStatus
    changed_on: date
    note: str | None


@dataclass
class VolunteerForm:
    id: int | None = None

    full_name: str = ""
    preferred_name: str = ""
    date_of_birth: DateInput = None
    gender: Gender | None = None
    phone: str = ""
    email: str = ""
    address_line1: str = ""
    address_line2: str = ""
    town: str = ""
    postcode: str = ""

    status: VolunteerStatus = VolunteerStatus.APPLICANT
    status_note: str = ""

    project_ids: list[int] = field(default_factory=list)
    induction_completed_on: DateInput = None
    trainings: list[TrainingItem] = field(default_factory=list)
    dbs_checks: list[DbsItem] = field(default_factory=list)
    references: list[ReferenceItem] = field(default_factory=list)
    id_seen_on: DateInput = None

    language_ids: list[int] = field(default_factory=list)
    experience_ids: list[int] = field(default_factory=list)
    # Only if she chose to tell us.
    faith_culture: str = ""

    areas: list[str] = field(default_factory=list)
    travel_radius_km: float | None = None
    availability: set[Slot] = field(default_factory=set)
    max_matches: int = 2
    supervisor_name: str = ""

    left_on: DateInput = None
    leaving_reason: str = ""
    notes: str = ""

    # Read-only
    #: "V0007" once saved ("" for a new record).
    reference: str = ""
    status_since: date | None = None
    status_history: list[StatusChangeItem] = field(default_factory=list)


def blank_volunteer() -> VolunteerForm:
    """A new applicant."""
    return VolunteerForm()
