"""Volunteers for the Volunteers page tests (shared by tests/ui/test_volunteers_*.py), and
the steps a user takes in a record form (shared with the services tests)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt

from coordinator.models import (
    DbsCheckType,
    Match,
    MatchStatus,
    Mother,
    Project,
    SupportModel,
    VolunteerStatus,
)
from coordinator.services import vocabularies
from coordinator.services.records.volunteers import DbsItem, blank_volunteer, save_volunteer

TODAY = date.today()


def days(n: int) -> date:
    return TODAY + timedelta(days=n)


def term(vault, vocabulary: str, label: str) -> int:
    return {lbl: i for i, lbl in vocabularies.active_terms(vault, vocabulary)}[label]


def add_volunteer(vault, name: str, **fields) -> int:
    form = blank_volunteer()
    form.full_name = name
    for key, value in fields.items():
        setattr(form, key, value)
    return save_volunteer(vault, form, TODAY)


def dbs(issued: date, due: date) -> DbsItem:
    return DbsItem(check_type=DbsCheckType.ENHANCED, issue_date=issued, next_check_due=due)


def add_volunteers(vault) -> dict[str, int]:
    """Ann (overdue DBS, Polish), Bea (DBS due soon), Cat (left), Dee (matched, in "Bumps")."""
    with vault.transaction() as s:
        project = Project(name="Bumps", model=SupportModel.BEFRIENDING)
        s.add(project)
        s.flush()
        project_id = project.id
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
    with vault.transaction() as s:
        mother = Mother(full_name="Mia Moss", referral_received_on=TODAY)
        s.add(mother)
        s.flush()
        s.add(
            Match(
                mother_id=mother.id,
                volunteer_id=ids["Dee"],
                project_id=project_id,
                proposed_on=TODAY,
                status=MatchStatus.ACTIVE,
            )
        )
    ids["project"] = project_id
    return ids


def shown_names(page) -> list[str]:
    """The names in the list, top to bottom, as shown."""
    model = page.model
    return [model.data(model.index(row, 0)) for row in range(model.rowCount())]


def row_of(page, name: str) -> int:
    return shown_names(page).index(name)


def field(dialog, key):
    return dialog.widget_for(key)


def message(dialog, key):
    return dialog.message_for(key)


def enter(qtbot, dialog, key: str, text: str) -> None:
    """Replace what the field holds, as typed, then press Return (leaving it)."""
    widget = field(dialog, key)
    widget.clear()
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
