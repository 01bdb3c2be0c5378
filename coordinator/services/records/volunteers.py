"""Volunteers: load a form, check it, save it (create or update) and delete.

    form = blank_volunteer()                   # or load_volunteer(vault, volunteer_id)
    errors = validate_volunteer(form, today)
    volunteer_id = save_volunteer(vault, form, today)

Saving is one transaction: a status change adds a VolunteerStatusChange row (with
form.status_note) and sets status_since; becoming "left" without a leaving date sets it to
today; an AuditEvent names the fields that changed, never their values.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from coordinator.models import (
    AuditAction,
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
from coordinator.services import audit
from coordinator.services.records.common import (
    FormInvalid,
    RecordNotFound,
    Source,
    apply_columns,
    delete_unless_matched,
    fields_given,
    item_from_row,
    missing_ids,
    reading,
    sync_children,
    sync_links,
    sync_slots,
)
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
from coordinator.storage.vault import Vault

ENTITY = "volunteer"
_LINKS = {
    "project_ids": ("projects", Project),
    "language_ids": ("languages", Language),
    "experience_ids": ("experiences", ExperienceTag),
}
_CHILDREN = {
    "trainings": (TrainingItem, VolunteerTraining),
    "dbs_checks": (DbsItem, DBSCheck),
    "references": (ReferenceItem, VolunteerReference),
}
_NOT_COLUMNS = {
    "id",
    "areas",
    "availability",
    "status_note",
    "status_history",
    *_LINKS,
    *_CHILDREN,
}


def _query(session: Session, volunteer_id: int) -> Volunteer | None:
    return session.scalars(
        select(Volunteer)
        .where(Volunteer.id == volunteer_id)
        .options(
            selectinload(Volunteer.projects),
            selectinload(Volunteer.languages),
            selectinload(Volunteer.experiences),
            selectinload(Volunteer.trainings),
            selectinload(Volunteer.dbs_checks),
            selectinload(Volunteer.references),
            selectinload(Volunteer.areas),
            selectinload(Volunteer.availability),
            selectinload(Volunteer.status_changes),
        )
    ).one_or_none()


def _form_from(volunteer: Volunteer) -> VolunteerForm:
    form = VolunteerForm(id=volunteer.id)
    for name in VolunteerForm.__dataclass_fields__:
        if name not in _NOT_COLUMNS:
            value = getattr(volunteer, name)
            empty_text = value is None and isinstance(getattr(form, name), str)
            setattr(form, name, "" if empty_text else value)
    for name, (attr, _) in _LINKS.items():
        setattr(form, name, sorted(term.id for term in getattr(volunteer, attr)))
    form.areas = [a.area for a in sorted(volunteer.areas, key=lambda a: a.id)]
    form.availability = {(slot.weekday, slot.part_of_day) for slot in volunteer.availability}
    for name, (item_type, _) in _CHILDREN.items():
        rows = sorted(getattr(volunteer, name), key=lambda row: row.id)
        setattr(form, name, [item_from_row(item_type, row) for row in rows])
    form.status_history = [
        StatusChangeItem(c.from_status, c.to_status, c.changed_on, c.note)
        for c in sorted(volunteer.status_changes, key=lambda c: (c.changed_on, c.id))
    ]
    return form


def load_volunteer(source: Source, volunteer_id: int) -> VolunteerForm:
    """The form for a saved volunteer (RecordNotFound if she is not there)."""
    with reading(source) as session:
        volunteer = _query(session, volunteer_id)
        if volunteer is None:
            raise RecordNotFound("volunteer")
        return _form_from(volunteer)


def _sync_areas(volunteer: Volunteer, areas: list[str]) -> bool:
    if [a.area for a in sorted(volunteer.areas, key=lambda a: a.id)] == areas:
        return False
    have = {a.area: a for a in volunteer.areas}
    for name, row in have.items():
        if name not in areas:
            volunteer.areas.remove(row)
    for name in areas:
        if name not in have:
            volunteer.areas.append(VolunteerArea(area=name))
    return True


def _apply(session: Session, volunteer: Volunteer, clean: CleanVolunteer) -> set[str]:
    changed = apply_columns(volunteer, clean.columns)
    for name, (attr, model) in _LINKS.items():
        if missing_ids(session, model, clean.links[name]):
            raise FormInvalid({name: "A choice in this list no longer exists: choose again."})
        if sync_links(session, getattr(volunteer, attr), model, clean.links[name]):
            changed.add(name)
    if _sync_areas(volunteer, clean.areas):
        changed.add("areas")
    if sync_slots(volunteer.availability, clean.availability, VolunteerAvailability):
        changed.add("availability")
    for name, (_, model) in _CHILDREN.items():
        if sync_children(session, getattr(volunteer, name), clean.children[name], model):
            changed.add(name)
    return changed


def save_volunteer(vault: Vault, form: VolunteerForm, today: date | None = None) -> int:
    """Create (form.id None) or update a volunteer in one transaction; returns the id.

    Raises FormInvalid (with .errors) when the form does not pass validate_volunteer, and
    RecordNotFound when updating a record that has gone.
    """
    today = today or date.today()
    clean, errors = clean_volunteer(form, today)
    if errors:
        raise FormInvalid(errors)
    with vault.transaction() as session:
        creating = form.id is None
        if creating:
            volunteer = Volunteer()
            session.add(volunteer)
            old_status = None
        else:
            volunteer = _query(session, form.id)  # type: ignore[arg-type]
            if volunteer is None:
                raise RecordNotFound("volunteer")
            old_status = volunteer.status
        with session.no_autoflush:
            changed = _apply(session, volunteer, clean)
            if creating or volunteer.status is not old_status:
                volunteer.status_since = today
                volunteer.status_changes.append(
                    VolunteerStatusChange(
                        from_status=old_status,
                        to_status=volunteer.status,
                        changed_on=today,
                        note=clean.status_note,
                    )
                )
                if volunteer.status is VolunteerStatus.LEFT and volunteer.left_on is None:
                    volunteer.left_on = today
                    changed.add("left_on")
        session.flush()
        if creating:
            blank, _ = clean_volunteer(blank_volunteer(), today)
            changed = fields_given(clean, blank, ("areas", "availability")) | {"status"}
        if changed:
            action = AuditAction.CREATE if creating else AuditAction.UPDATE
            audit.record(
                session, action, entity_type=ENTITY, entity_id=volunteer.id, fields=changed
            )
        return volunteer.id


def delete_volunteer(vault: Vault, volunteer_id: int) -> None:
    """Delete a volunteer and what she owns. CannotDelete when she has ever been matched."""
    delete_unless_matched(
        vault,
        Volunteer,
        volunteer_id,
        Match.volunteer_id,
        ENTITY,
        "This volunteer has {count} {noun}, so her record cannot be deleted: "
        "set her status to Left instead.",
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
