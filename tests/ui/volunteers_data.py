"""Volunteers for the Volunteers page tests (shared by tests/ui/test_volunteers_*.py). The
steps a user takes in a record form are in form_filling, and offered here too."""

from __future__ import annotations

from datetime import date

from coordinator.models import DbsCheckType, Mother, VolunteerStatus
from coordinator.services.records.volunteers import DbsItem
from tests.people import add_matched, add_project, term
from tests.people import add_volunteer as add_volunteer_on
from tests.ui.form_filling import TODAY, click, days, enter, field, message

__all__ = [
    "TODAY",
    "add_volunteer",
    "add_volunteers",
    "click",
    "days",
    "dbs",
    "enter",
    "field",
    "message",
    "row_of",
    "shown_names",
    "term",
]


def add_volunteer(vault, name: str, **fields) -> int:
    return add_volunteer_on(vault, TODAY, name, **fields)


def dbs(issued: date, due: date) -> DbsItem:
    return DbsItem(check_type=DbsCheckType.ENHANCED, issue_date=issued, next_check_due=due)


def add_volunteers(vault) -> dict[str, int]:
    """Ann (overdue DBS, Polish), Bea (DBS due soon), Cat (left), Dee (matched, in "Bumps")."""
    project_id = add_project(vault)
    polish = term(vault, "language", "Polish")
    ids = {
        "Ann": add_volunteer(
            vault,
            "Ann Abbott",
            status=VolunteerStatus.ACTIVE,
            dbs_checks=[dbs(days(-1100), days(-5))],
            language_ids=[polish],
            areas=["Leicester"],
        ),
        "Bea": add_volunteer(
            vault,
            "Bea Brown",
            status=VolunteerStatus.ACTIVE,
            dbs_checks=[dbs(days(-300), days(20))],
        ),
        "Cat": add_volunteer(vault, "Cat Cole", status=VolunteerStatus.LEFT),
        "Dee": add_volunteer(
            vault, "Dee Dunn", status=VolunteerStatus.ACTIVE, project_ids=[project_id]
        ),
    }
    add_matched(
        vault,
        Mother(full_name="Mia Moss", referral_received_on=TODAY),
        volunteer_id=ids["Dee"],
        project_id=project_id,
        proposed_on=TODAY,
    )
    ids["project"] = project_id
    return ids


def shown_names(page) -> list[str]:
    """The names in the list, top to bottom, as shown."""
    model = page.model
    return [model.data(model.index(row, 0)) for row in range(model.rowCount())]


def row_of(page, name: str) -> int:
    return shown_names(page).index(name)
