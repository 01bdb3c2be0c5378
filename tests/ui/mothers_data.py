"""Mothers for the Mothers page tests: five records with distinct list values, a project,
a volunteer and a match (shared by tests/ui/test_mothers_*.py)."""

from __future__ import annotations

from coordinator.models import ClosureReason, MotherStage, Volunteer, VolunteerStatus
from tests.people import add_matched, add_mothers, add_project, example_mothers, term
from tests.people import add_mother as add_mother_on
from tests.ui.form_filling import TODAY, days

__all__ = ["TODAY", "add_mother", "add_people", "days", "letters", "shown_names"]


def add_mother(vault, name: str, **fields) -> int:
    return add_mother_on(vault, TODAY, name, **fields)


def add_people(vault) -> dict[str, int]:
    """A..E mothers (E closed), project "Bumps", volunteer "Vera Vol" matched with C: the
    example mothers A, B and C (Alice with a phone number), then these D and E."""
    project_id = add_project(vault)
    first_baby = term(vault, "need", "First baby")
    mothers = example_mothers(TODAY, project_id, first_baby)
    mothers["A"]["phone"] = "07700 900111"
    mothers["D"] = {
        "full_name": "Dina Diaz",
        "preferred_name": "Dee",
        "stage": MotherStage.CONTACTED,
        "weeks_pregnant_at_referral": 20,
        "town": "Oadby",
        "referrer_name": "Mia Midwife",
        "referral_received_on": days(-5),
        "need_ids": [first_baby],
    }
    mothers["E"] = {
        "full_name": "Ella Evans",
        "stage": MotherStage.CLOSED,
        "closure_reason": ClosureReason.DECLINED,
        "town": "Luton",
        "referrer_name": "Kay",
        "referral_received_on": days(-200),
    }
    ids = add_mothers(vault, TODAY, mothers)
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
