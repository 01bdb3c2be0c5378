"""Volunteers: load a form, check it, save it (create or update) and delete.

    form = blank_volunteer()                   # or load_volunteer(vault, volunteer_id)
    errors = validate_volunteer(form, today)
    volunteer_id = save_volunteer(vault, form, today)

Saving is one transaction: a status change adds a VolunteerStatusChange row (with
form.status_note) and sets status_since; becoming "left" without a leaving date sets it to
today; an AuditEvent names the fields that changed, never their values.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from functools import partial

from coordinator.models import (
    DBSCheck,
    ExperienceTag,
    Language,
    Match,
    Project,
    Volunteer,
    VolunteerArea,
    VolunteerAvailability,
    VolunteerReference,
    VolunteerStatus,
    VolunteerStatusChange,
    VolunteerTraining,
)
from coordinator.services.preferences import dbs_renewal_years
from coordinator.services.records.people import RecordKind, load_record, save_record
from coordinator.services.records.simple import delete_unless_matched
from coordinator.services.records.volunteer_form import (
    DbsItem,
    ReferenceItem,
    StatusChangeItem,
    TrainingItem,
    VolunteerForm,
    blank_volunteer,
)
from coordinator.services.records.volunteer_rules import (
    CleanVolunteer,
    clean_volunteer,
    validate_volunteer,
)
from coordinator.services.sessions import Source
from coordinator.storage.vault import Vault


def _areas(volunteer: Volunteer) -> list[str]:
    return [a.area for a in sorted(volunteer.areas, key=lambda a: a.id)]


def _read_areas_and_history(volunteer: Volunteer, form: VolunteerForm) -> None:
    form.areas = _areas(volunteer)
    form.status_history = [
        StatusChangeItem(c.from_status, c.to_status, c.changed_on, c.note)
        for c in sorted(volunteer.status_changes, key=lambda c: (c.changed_on, c.id))
    ]


def _sync_areas(volunteer: Volunteer, areas: list[str]) -> bool:
    """Make her area rows hold these areas; False (nothing to audit) when they already do,
    in whatever order."""
    if set(_areas(volunteer)) == set(areas):
        return False
    have = {a.area: a for a in volunteer.areas}
    for name, row in have.items():
        if name not in areas:
            volunteer.areas.remove(row)
    for name in areas:
        if name not in have:
            volunteer.areas.append(VolunteerArea(area=name))
    return True


def _save_areas_and_status(
    volunteer: Volunteer, clean: CleanVolunteer, old: VolunteerStatus | None, today: date
) -> set[str]:
    """Her areas; a status change (or a new volunteer) adds a row to her status history,
    and leaving without a leaving date sets it to today."""
    changed = {"areas"} if _sync_areas(volunteer, clean.areas) else set()
    if volunteer.status is not old:
        volunteer.status_since = today
        volunteer.status_changes.append(
            VolunteerStatusChange(
                from_status=old,
                to_status=volunteer.status,
                changed_on=today,
                note=clean.status_note,
            )
        )
        if volunteer.status is VolunteerStatus.LEFT and volunteer.left_on is None:
            volunteer.left_on = today
            changed.add("left_on")
    return changed


VOLUNTEER = RecordKind(
    model=Volunteer,
    form=VolunteerForm,
    entity="volunteer",
    not_found="volunteer",
    links={
        "project_ids": ("projects", Project),
        "language_ids": ("languages", Language),
        "experience_ids": ("experiences", ExperienceTag),
    },
    children={
        "trainings": (TrainingItem, VolunteerTraining),
        "dbs_checks": (DbsItem, DBSCheck),
        "references": (ReferenceItem, VolunteerReference),
    },
    slot_model=VolunteerAvailability,
    history_of="status",
    clean=clean_volunteer,
    on_load=_read_areas_and_history,
    on_save=_save_areas_and_status,
    not_columns=frozenset({"areas", "status_note", "status_history"}),
    lists=("areas",),
    load_also=("areas", "status_changes"),
)


def load_volunteer(source: Source, volunteer_id: int) -> VolunteerForm:
    """The form for a saved volunteer (RecordNotFound if she is not there)."""
    return load_record(source, VOLUNTEER, volunteer_id)


def save_volunteer(vault: Vault, form: VolunteerForm, today: date | None = None) -> int:
    """Create (form.id None) or update a volunteer in one transaction; returns the id.

    Raises FormInvalid (with .errors) when the form does not pass validate_volunteer, and
    RecordNotFound when updating a record that has gone.
    """
    years = dbs_renewal_years(vault)
    kind = replace(VOLUNTEER, clean=partial(clean_volunteer, dbs_renewal_years=years))
    return save_record(vault, kind, form, today or date.today())


def delete_volunteer(vault: Vault, volunteer_id: int) -> None:
    """Delete a volunteer and what she owns. CannotDelete when she has ever been matched."""
    delete_unless_matched(
        vault,
        Volunteer,
        volunteer_id,
        Match.volunteer_id,
        VOLUNTEER.entity,
        "This volunteer has {count} {noun}, so the record cannot be deleted: "
        "set the status to Left instead.",
    )


__all__ = [
    "DbsItem",
    "ReferenceItem",
    "StatusChangeItem",
    "TrainingItem",
    "VolunteerForm",
    "blank_volunteer",
    "delete_volunteer",
    "load_volunteer",
    "save_volunteer",
    "validate_volunteer",
]
