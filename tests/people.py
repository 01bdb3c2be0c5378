"""People for the tests, put in once: records saved the way the forms save them, and the
example mothers the list tests sort and filter. No Qt here, so that the unit tests and the
UI tests can both use it."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from coordinator.models import (
    Match,
    MatchStatus,
    Mother,
    MotherStage,
    MotherStageChange,
    Project,
    SupportModel,
)
from coordinator.services import vocabularies
from coordinator.services.records.mothers import MOTHER, SafeguardingItem, blank_mother
from coordinator.services.records.people import save_record
from coordinator.services.records.volunteers import blank_volunteer, save_volunteer


def term(vault, vocabulary: str, label: str) -> int:
    """The id of a vocabulary's term by its label ("need", "First baby")."""
    return {lbl: i for i, lbl in vocabularies.active_terms(vault, vocabulary)}[label]


def filled(form: Any, **fields: Any) -> Any:
    """The form (a blank one, as the service gives it) with these fields set."""
    for key, value in fields.items():
        setattr(form, key, value)
    return form


def add_project(vault, name: str = "Bumps") -> int:
    with vault.transaction() as s:
        project = Project(name=name, model=SupportModel.BEFRIENDING)
        s.add(project)
        s.flush()
        return project.id


def add_matched(vault, person: Any, **match: Any) -> int:
    """`person` (a new Mother or Volunteer) and an active match with her; her id.
    `match` gives the other side's id, the project_id and proposed_on."""
    side = "mother_id" if isinstance(person, Mother) else "volunteer_id"
    with vault.transaction() as s:
        s.add(person)
        s.flush()
        s.add(Match(**{side: person.id}, status=MatchStatus.ACTIVE, **match))
        return person.id


def add_mother(vault, today: date, full_name: str, **fields: Any) -> int:
    """A mother saved through the form service on `today`; her id.

    Saved by the checks of the form, but as a record from before the charity ran projects
    (so she may have none), and a stage of Matched is given as a match gives it: saved
    waiting, then moved on.
    """
    stage = fields.get("stage")
    if stage is MotherStage.MATCHED:
        fields["stage"] = MotherStage.WAITING
    form = filled(blank_mother(today), full_name=full_name, **fields)
    mother_id = save_record(vault, MOTHER, form, today)
    if stage is MotherStage.MATCHED:
        with vault.transaction() as s:
            mother = s.get(Mother, mother_id)
            s.add(
                MotherStageChange(
                    mother_id=mother_id,
                    from_stage=mother.stage,
                    to_stage=MotherStage.MATCHED,
                    changed_on=today,
                )
            )
            mother.stage = MotherStage.MATCHED
    return mother_id


def add_volunteer(vault, today: date, full_name: str, **fields: Any) -> int:
    """A volunteer saved through the form service on `today`; her id."""
    return save_volunteer(vault, filled(blank_volunteer(), full_name=full_name, **fields), today)


def add_mothers(vault, today: date, mothers: dict[str, dict[str, Any]]) -> dict[str, int]:
    """Each mother's fields saved, in order; her id by the same key."""
    return {key: add_mother(vault, today, **fields) for key, fields in mothers.items()}


def example_mothers(today: date, project_id: int, first_baby: int) -> dict[str, dict[str, Any]]:
    """The fields of three mothers with distinct list values, by letter, for a test to add
    its own to and save with add_mothers: A, Alice Archer (received, due in 100 days, in
    Leicester, needing help with a first baby, an open safeguarding concern); B, Bella Brown
    (waiting, baby two months old, in Bradford, referred by an agency, in the project);
    C, Cara Clark (matched, due in 10 days, postcode only, in the project)."""

    def days(n: int) -> date:
        return today + timedelta(days=n)

    return {
        "A": {
            "full_name": "Alice Archer",
            "stage": MotherStage.RECEIVED,
            "edd": days(100),
            "town": "Leicester",
            "postcode": "LE2 8AA",
            "referrer_name": "Zoe Ref",
            "referral_received_on": days(-10),
            "need_ids": [first_baby],
            "safeguarding_concerns": [SafeguardingItem(raised_on=days(-2), note="open")],
        },
        "B": {
            "full_name": "Bella Brown",
            "stage": MotherStage.WAITING,
            "baby_dob": days(-60),
            "town": "Bradford",
            "postcode": "BD3 1AA",
            "referrer_agency": "Midwives",
            "referral_received_on": days(-40),
            "project_id": project_id,
        },
        "C": {
            "full_name": "Cara Clark",
            "stage": MotherStage.MATCHED,
            "edd": days(10),
            "postcode": "LE1 6TH",
            "referrer_name": "Amy Ref",
            "referral_received_on": days(-100),
            "project_id": project_id,
        },
    }
