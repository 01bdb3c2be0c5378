"""Mothers for the Mothers page tests: five records with distinct list values, a project,
a volunteer and a match (shared by tests/ui/test_mothers_*.py)."""

from __future__ import annotations

from datetime import date, timedelta

from coordinator.models import (
    ClosureReason,
    Match,
    MatchStatus,
    MotherStage,
    Project,
    SupportModel,
    Volunteer,
    VolunteerStatus,
)
from coordinator.services import vocabularies
from coordinator.services.records.mothers import SafeguardingItem, blank_mother, save_mother

TODAY = date.today()


def days(n: int) -> date:
    return TODAY + timedelta(days=n)


def term(vault, vocabulary: str, label: str) -> int:
    return {lbl: i for i, lbl in vocabularies.active_terms(vault, vocabulary)}[label]


def add_mother(vault, name: str, **fields) -> int:
    form = blank_mother(TODAY)
    form.full_name = name
    for key, value in fields.items():
        setattr(form, key, value)
    return save_mother(vault, form, TODAY)


def add_people(vault) -> dict[str, int]:
    """A..E mothers (E closed), project "Bumps", volunteer "Vera Vol" matched with C."""
    with vault.transaction() as s:
        project = Project(name="Bumps", model=SupportModel.BEFRIENDING)
        s.add(project)
        s.flush()
        project_id = project.id
    first_baby = term(vault, "need", "First baby")
    ids = {
        "A": add_mother(
            vault,
            "Alice Archer",
            stage=MotherStage.RECEIVED,
            edd=days(100),
            town="Leicester",
            postcode="LE2 8AA",
            phone="07700 900111",
            referrer_name="Zoe Ref",
            referral_received_on=days(-10),
            need_ids=[first_baby],
            safeguarding_concerns=[SafeguardingItem(raised_on=days(-2), note="open")],
        ),
        "B": add_mother(
            vault,
            "Bella Brown",
            stage=MotherStage.WAITING,
            baby_dob=days(-60),
            town="Bradford",
            postcode="BD3 1AA",
            referrer_agency="Midwives",
            referral_received_on=days(-40),
            project_id=project_id,
        ),
        "C": add_mother(
            vault,
            "Cara Clark",
            stage=MotherStage.MATCHED,
            edd=days(10),
            postcode="LE1 6TH",
            referrer_name="Amy Ref",
            referral_received_on=days(-100),
            project_id=project_id,
        ),
        "D": add_mother(
            vault,
            "Dina Diaz",
            preferred_name="Dee",
            stage=MotherStage.CONTACTED,
            weeks_pregnant_at_referral=20,
            town="Oadby",
            referrer_name="Mia Midwife",
            referral_received_on=days(-5),
            need_ids=[first_baby],
        ),
        "E": add_mother(
            vault,
            "Ella Evans",
            stage=MotherStage.CLOSED,
            closure_reason=ClosureReason.DECLINED,
            town="Luton",
            referrer_name="Kay",
            referral_received_on=days(-200),
        ),
    }
    with vault.transaction() as s:
        volunteer = Volunteer(full_name="Vera Vol", status=VolunteerStatus.ACTIVE)
        s.add(volunteer)
        s.flush()
        ids["volunteer"] = volunteer.id
        s.add(
            Match(
                mother_id=ids["C"],
                volunteer_id=volunteer.id,
                project_id=project_id,
                proposed_on=days(-30),
                status=MatchStatus.ACTIVE,
            )
        )
    ids["project"], ids["first_baby"] = project_id, first_baby
    return ids


def shown_names(page) -> list[str]:
    """The Name column as the user sees it, top to bottom."""
    model = page.table.model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def letters(people, page) -> str:
    """The list as record letters ("ABCD"), in the order shown."""
    key = {people[k]: k for k in "ABCDE"}
    return "".join(key[i] for i in page.ids())
