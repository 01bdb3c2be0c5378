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

from coordinator.models import (
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
from coordinator.services.records.errors import FormInvalid
from coordinator.services.records.mother_form import (
    ConsentItem,
    MotherForm,
    ProfessionalItem,
    SafeguardingItem,
    StageChangeItem,
    blank_mother,
)
from coordinator.services.records.mother_rules import CleanMother, clean_mother, validate_mother
from coordinator.services.records.people import RecordKind, load_record, save_record
from coordinator.services.records.pregnancy import pregnancy_text
from coordinator.services.records.simple import delete_unless_matched
from coordinator.services.sessions import Source
from coordinator.storage.vault import Vault


def _read_history(mother: Mother, form: MotherForm) -> None:
    form.stage_history = [
        StageChangeItem(c.from_stage, c.to_stage, c.changed_on, c.reason, c.note)
        for c in sorted(mother.stage_changes, key=lambda c: (c.changed_on, c.id))
    ]


def _record_stage(
    mother: Mother, clean: CleanMother, old: MotherStage | None, today: date
) -> set[str]:
    """A new referral, or a stage change, adds a row to her stage history. A saved record is
    not moved to "Matched" by hand: a match becoming active does that (services.matching)."""
    new = mother.stage
    if new is old:
        return set()
    if new is MotherStage.MATCHED and old is not None:
        raise FormInvalid(
            {"stage": "Matched is set when one of her matches starts: accept a match instead."}
        )
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
    return set()


MOTHER = RecordKind(
    model=Mother,
    form=MotherForm,
    entity="mother",
    not_found="record",
    links={
        "need_ids": ("needs", Need),
        "other_language_ids": ("other_languages", Language),
        "wanted_experience_ids": ("wanted_experiences", ExperienceTag),
    },
    children={
        "consents": (ConsentItem, Consent),
        "safeguarding_concerns": (SafeguardingItem, SafeguardingConcern),
        "professionals": (ProfessionalItem, Professional),
    },
    slot_model=MotherAvailability,
    history_of="stage",
    clean=clean_mother,
    on_load=_read_history,
    on_save=_record_stage,
    not_columns=frozenset({"stage_history"}),
    load_also=("stage_changes",),
)


def load_mother(source: Source, mother_id: int) -> MotherForm:
    """The form for a saved mother (RecordNotFound if she is not there)."""
    return load_record(source, MOTHER, mother_id)


def save_mother(vault: Vault, form: MotherForm, today: date | None = None) -> int:
    """Create (form.id None) or update a mother in one transaction; returns her id.

    Raises FormInvalid (with .errors) when the form does not pass validate_mother, and
    RecordNotFound when updating a record that has gone.
    """
    return save_record(vault, MOTHER, form, today or date.today())


def delete_mother(vault: Vault, mother_id: int) -> None:
    """Delete a mother and everything she owns. CannotDelete when she has been matched."""
    delete_unless_matched(
        vault,
        Mother,
        mother_id,
        Match.mother_id,
        MOTHER.entity,
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
