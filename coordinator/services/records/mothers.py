"""Mothers: load a form, check it, save it (create or update) and delete.

    form = blank_mother(today)            # or load_mother(vault, mother_id)
    errors = validate_mother(form, today)  # {"postcode": "Not a UK postcode: ..."}
    mother_id = save_mother(vault, form, today)

Saving is one transaction: a stage change adds a MotherStageChange row and sets
stage_changed_on; reopening a closed record clears its closure reason; an AuditEvent names
the fields that changed, never their values. The search index follows by itself (triggers).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from coordinator.models import (
    AuditAction,
    Consent,
    ExperienceTag,
    Language,
    Match,
    Mother,
    MotherAvailability,
    MotherStage,
    MotherStageChange,
    Need,
    Professional,
    SafeguardingConcern,
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
from coordinator.services.records.mother_form import (
    ConsentItem,
    MotherForm,
    ProfessionalItem,
    SafeguardingItem,
    StageChangeItem,
    blank_mother,
)
from coordinator.services.records.mother_rules import CleanMother, clean_mother, validate_mother
from coordinator.services.records.pregnancy import pregnancy_text
from coordinator.storage.vault import Vault

ENTITY = "mother"
_LINKS = {
    "need_ids": ("needs", Need),
    "other_language_ids": ("other_languages", Language),
    "wanted_experience_ids": ("wanted_experiences", ExperienceTag),
}
_CHILDREN = {
    "consents": (ConsentItem, Consent),
    "safeguarding_concerns": (SafeguardingItem, SafeguardingConcern),
    "professionals": (ProfessionalItem, Professional),
}
_NOT_COLUMNS = {"id", "availability", "stage_history", *_LINKS, *_CHILDREN}


def _query(session: Session, mother_id: int) -> Mother | None:
    return session.scalars(
        select(Mother)
        .where(Mother.id == mother_id)
        .options(
            selectinload(Mother.needs),
            selectinload(Mother.other_languages),
            selectinload(Mother.wanted_experiences),
            selectinload(Mother.availability),
            selectinload(Mother.consents),
            selectinload(Mother.safeguarding_concerns),
            selectinload(Mother.professionals),
            selectinload(Mother.stage_changes),
        )
    ).one_or_none()


def _form_from(mother: Mother) -> MotherForm:
    form = MotherForm(id=mother.id)
    for name in MotherForm.__dataclass_fields__:
        if name not in _NOT_COLUMNS:
            value = getattr(mother, name)
            setattr(
                form, name, "" if value is None and isinstance(getattr(form, name), str) else value
            )
    for name, (attr, _) in _LINKS.items():
        setattr(form, name, sorted(term.id for term in getattr(mother, attr)))
    form.availability = {(slot.weekday, slot.part_of_day) for slot in mother.availability}
    for name, (item_type, _) in _CHILDREN.items():
        rows = sorted(getattr(mother, name), key=lambda row: row.id)
        setattr(form, name, [item_from_row(item_type, row) for row in rows])
    form.stage_history = [
        StageChangeItem(c.from_stage, c.to_stage, c.changed_on, c.reason, c.note)
        for c in sorted(mother.stage_changes, key=lambda c: (c.changed_on, c.id))
    ]
    return form


def load_mother(source: Source, mother_id: int) -> MotherForm:
    """The form for a saved mother (RecordNotFound if she is not there)."""
    with reading(source) as session:
        mother = _query(session, mother_id)
        if mother is None:
            raise RecordNotFound("record")
        return _form_from(mother)


def _apply(session: Session, mother: Mother, clean: CleanMother) -> set[str]:
    changed = apply_columns(mother, clean.columns)
    for name, (attr, model) in _LINKS.items():
        if missing_ids(session, model, clean.links[name]):
            raise FormInvalid({name: "A choice in this list no longer exists: choose again."})
        if sync_links(session, getattr(mother, attr), model, clean.links[name]):
            changed.add(name)
    if sync_slots(mother.availability, clean.availability, MotherAvailability):
        changed.add("availability")
    for name, (_, model) in _CHILDREN.items():
        if sync_children(session, getattr(mother, name), clean.children[name], model):
            changed.add(name)
    return changed


def _record_stage(mother: Mother, old: MotherStage | None, today: date) -> None:
    new = mother.stage
    on = mother.referral_received_on if old is None and new is MotherStage.RECEIVED else today
    closing = new is MotherStage.CLOSED
    mother.stage_changed_on = on
    mother.stage_changes.append(
        MotherStageChange(
            from_stage=old,
            to_stage=new,
            changed_on=on,
            reason=mother.closure_reason if closing else None,
            note=mother.closure_reason_note if closing else None,
        )
    )


def save_mother(vault: Vault, form: MotherForm, today: date | None = None) -> int:
    """Create (form.id None) or update a mother in one transaction; returns her id.

    Raises FormInvalid (with .errors) when the form does not pass validate_mother, and
    RecordNotFound when updating a record that has gone.
    """
    today = today or date.today()
    clean, errors = clean_mother(form, today)
    if errors:
        raise FormInvalid(errors)
    with vault.transaction() as session:
        creating = form.id is None
        if creating:
            mother = Mother(stage=MotherStage.RECEIVED)
            session.add(mother)
            old_stage = None
        else:
            mother = _query(session, form.id)  # type: ignore[arg-type]
            if mother is None:
                raise RecordNotFound("record")
            old_stage = mother.stage
        with session.no_autoflush:
            changed = _apply(session, mother, clean)
            if creating or mother.stage is not old_stage:
                _record_stage(mother, old_stage, today)
        session.flush()
        if creating:
            blank, _ = clean_mother(MotherForm(), today)
            changed = fields_given(clean, blank, ("availability",)) | {"stage"}
        if changed:
            action = AuditAction.CREATE if creating else AuditAction.UPDATE
            audit.record(session, action, entity_type=ENTITY, entity_id=mother.id, fields=changed)
        return mother.id


def delete_mother(vault: Vault, mother_id: int) -> None:
    """Delete a mother and everything she owns. CannotDelete when she has been matched."""
    delete_unless_matched(
        vault,
        Mother,
        mother_id,
        Match.mother_id,
        ENTITY,
        "This record has {count} {noun} with volunteers, so it cannot be deleted: "
        "close it instead (set the stage to Closed with a reason).",
    )


def mother_pregnancy_text(form: MotherForm, today: date | None = None) -> str:
    """The form's derived 'due 3 Mar 2027 (24 weeks)' / 'baby 5 months' line."""
    edd = form.edd if isinstance(form.edd, date) else None
    baby = form.baby_dob if isinstance(form.baby_dob, date) else None
    return pregnancy_text(edd, baby, today or date.today(), approximate=form.edd_is_approximate)


__all__ = [
    "ConsentItem",
    "MotherForm",
    "ProfessionalItem",
    "SafeguardingItem",
    "StageChangeItem",
    "blank_mother",
    "delete_mother",
    "load_mother",
    "mother_pregnancy_text",
    "save_mother",
    "validate_mother",
]
