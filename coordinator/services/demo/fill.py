"""Fill an empty database with demo data, in order: places, volunteers, mothers, supervision."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import select

from coordinator import models as m
from coordinator.services.demo.alerts import make_every_alert
from coordinator.services.demo.mothers import add_mother
from coordinator.services.demo.projects import (
    add_letterhead,
    add_projects,
    add_services,
    load_templates,
)
from coordinator.services.demo.run import Run
from coordinator.services.demo.supervision import add_supervision
from coordinator.services.demo.volunteers import add_volunteer

if TYPE_CHECKING:
    from coordinator.storage.vault import Vault

Progress = Callable[[int, int], None]
FLUSH_EVERY = 1000  # mothers
#: Public names for the counts fill_demo returns -> table.
COUNTED = {
    "projects": "project",
    "local_services": "local_service",
    "volunteers": "volunteer",
    "mothers": "mother",
    "matches": "match",
    "contacts": "contact",
    "endings": "ending",
    "supervision_sessions": "supervision_session",
    "safeguarding_concerns": "safeguarding_concern",
    "dbs_checks": "dbs_check",
    "letters": "letter_sent",
}


class DemoRefused(Exception):
    """The database already holds people; demo data goes only into an empty database."""


def fill_demo(
    vault: Vault,
    *,
    mothers: int = 120,
    volunteers: int = 40,
    seed: int = 1,
    progress: Progress | None = None,
    today: date | None = None,
) -> dict[str, int]:
    """Add made-up projects, services, volunteers, mothers, matches and their history.

    Returns how many rows of each main kind were added. Raises DemoRefused (adding nothing)
    when the database already holds any mother or volunteer.
    """
    if mothers < 0 or volunteers < 0:
        raise ValueError("mothers and volunteers must be 0 or more")
    with vault.transaction() as session:
        if any(session.scalar(select(x.id).limit(1)) for x in (m.Mother, m.Volunteer)):
            raise DemoRefused(
                "This database already holds mothers or volunteers. Demo data is only added "
                "to an empty database, so made-up records are never mixed with real ones."
            )
        run = Run(session, seed=seed, today=today or date.today())
        return _fill(run, mothers, volunteers, progress or _no_progress)


def _fill(run: Run, mothers: int, volunteers: int, progress: Progress) -> dict[str, int]:
    total = mothers + volunteers + 1
    add_projects(run)
    add_letterhead(run)
    add_services(run)
    load_templates(run)
    for i in range(volunteers):
        add_volunteer(run, i)
    run.rows.flush()
    progress(volunteers, total)
    for i in range(mothers):
        add_mother(run, i)
        if (i + 1) % FLUSH_EVERY == 0:
            run.rows.flush()
            progress(volunteers + i + 1, total)
    add_supervision(run)
    run.rows.flush()
    make_every_alert(run.session, run.T)
    progress(total, total)
    return {public: run.rows.counts[table] for public, table in COUNTED.items()}


def _no_progress(done: int, total: int) -> None:
    pass
