"""People for the matching screens' tests: one project, a waiting mother in Leicester who
speaks Polish, volunteers who can support her (nearest and Polish-speaking first) and some
who cannot, each for a reason of her own."""

from __future__ import annotations

from coordinator.models import DbsCheckType, MotherStage, VolunteerStatus
from coordinator.services.records.volunteers import DbsItem
from tests.people import add_mother, add_project, add_volunteer, term
from tests.ui.form_filling import TODAY, click, days

__all__ = ["TODAY", "add_people", "click", "days"]


def _dbs() -> list[DbsItem]:
    return [
        DbsItem(check_type=DbsCheckType.ENHANCED, issue_date=days(-100), next_check_due=days(900))
    ]


def _volunteer(vault, name: str, project_id: int, **fields) -> int:
    ready = {
        "status": VolunteerStatus.ACTIVE,
        "project_ids": [project_id],
        "induction_completed_on": days(-200),
        "dbs_checks": _dbs(),
        "postcode": "LE2 0QS",
        "travel_radius_km": 20.0,
        "max_matches": 2,
    }
    ready.update(fields)
    return add_volunteer(vault, TODAY, name, **ready)


def add_people(vault, *, long_names: bool = False) -> dict[str, int]:
    """Mia (waiting, LE1, Polish) and volunteers: Ann (Polish, near), Bea (near), Cat (far
    but within reach), Sam (left: cannot), Dee (not in the project: cannot)."""
    project = add_project(vault, "Bumps")
    polish = term(vault, "language", "Polish")
    prefix = "Alexandra-Konstancja Wiśniewska-Szczepańska " if long_names else ""
    ids = {
        "project": project,
        "Mia": add_mother(
            vault,
            TODAY,
            "Mia Moss",
            stage=MotherStage.WAITING,
            postcode="LE1 6TH",
            language_id=polish,
            project_id=project,
            referral_received_on=days(-30),
            edd=days(60),
        ),
        "Ann": _volunteer(vault, prefix + "Ann Abbott", project, language_ids=[polish]),
        "Bea": _volunteer(vault, "Bea Brown", project),
        "Cat": _volunteer(vault, "Cat Cole", project, postcode="LE4 5PN"),
        "Sam": _volunteer(
            vault,
            "Sam Smith",
            project,
            status=VolunteerStatus.LEFT,
            left_on=days(-3),
            leaving_reason="Moved",
        ),
        "Dee": _volunteer(vault, "Dee Dunn", add_project(vault, "Other")),
    }
    return ids


def with_active_match(vault) -> dict[str, int]:
    """The people above, with Mia and Ann's match proposed and accepted today ("match")."""
    from coordinator.services.matching import accept, proposal_defaults, propose

    people = add_people(vault)
    details = proposal_defaults(vault, people["Mia"], people["Ann"], today=TODAY)
    match_id = propose(
        vault, people["Mia"], people["Ann"], details, today=TODAY, decided_by="Jo Bloggs"
    )
    accept(vault, match_id, start_date=TODAY, today=TODAY)
    people["match"] = match_id
    return people


def matches_page_showing(qtbot, vault, match_id: int):
    """The Matches page at 1366x768, shown, with this match selected."""
    from coordinator.ui.pages.matches import MatchesPage

    page = MatchesPage(vault, today=TODAY)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    with qtbot.waitExposed(page):
        page.show()
    assert page.show_match(match_id)
    return page
