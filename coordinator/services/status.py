"""How many records of each kind a database holds (the `check` command and the Today page).

Counts are keyed by the kind of record (services.changes.Kind), never by the words shown
for them: COUNT_LABELS names them (marked for translation), and the CLI keeps its own JSON
keys.
"""

from __future__ import annotations

from sqlalchemy import func, select

from coordinator import models
from coordinator.services.changes import Kind
from coordinator.storage.vault import Vault
from coordinator.words import N_

#: (kind, model), in the order a coordinator thinks of them.
COUNTED = (
    (Kind.PROJECT, models.Project),
    (Kind.MOTHER, models.Mother),
    (Kind.VOLUNTEER, models.Volunteer),
    (Kind.MATCH, models.Match),
    (Kind.CONTACT, models.Contact),
    (Kind.SUPERVISION, models.SupervisionSession),
    (Kind.ENDING, models.Ending),
    (Kind.SERVICE, models.LocalService),
)

#: What each count is called.
COUNT_LABELS: dict[Kind, str] = {
    Kind.PROJECT: N_("Projects"),
    Kind.MOTHER: N_("Mothers"),
    Kind.VOLUNTEER: N_("Volunteers"),
    Kind.MATCH: N_("Matches"),
    Kind.CONTACT: N_("Contacts"),
    Kind.SUPERVISION: N_("Supervision sessions"),
    Kind.ENDING: N_("Endings"),
    Kind.SERVICE: N_("Local services"),
}


def record_counts(vault: Vault) -> dict[Kind, int]:
    """How many of each kind, in COUNTED's order."""
    with vault.session() as session:
        return {
            kind: int(session.scalar(select(func.count()).select_from(model)) or 0)
            for kind, model in COUNTED
        }
