"""Mothers for the Mothers page tests: five records with distinct list values, a project,
a volunteer and a match (shared by tests/ui/test_mothers_*.py)."""

from __future__ import annotations

from coordinator.models import ClosureReason, MotherStage, Volunteer, VolunteerStatus
from coordinator.services.records.mothers import SafeguardingItem, blank_mother, save_mother
from tests.ui.form_filling import TODAY, add_matched, add_project, days, filled, term

__all__ = ["TODAY", "add_mother", "add_people", "days", "letters", "shown_names"]


def add_mother(vault, name: str, **fields) -> int:
    return save_mother(vault, filled(blank_mother(TODAY), full_name=name, **fields), TODAY)


def add_people(vault) -> dict[str, int]:
    """A..E mothers (E closed), project "Bumps", volunteer "Vera Vol" matched with C."""
    project_id = add_project(vault)
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
    ids["volunteer"] = add_matched(
        vault,
        Volunteer(full_name="Vera Vol", status=VolunteerStatus.ACTIVE),
        mother_id=ids["C"],
        project_id=project_id,
        proposed_on=days(-30),
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
