"""How many records of each kind a database holds (the `check` command and the Today page)."""

from __future__ import annotations

from sqlalchemy import func, select

from coordinator import models
from coordinator.storage.vault import Vault

#: (label shown to the user, model), in the order a coordinator thinks of them.
COUNTED = (
    ("Projects", models.Project),
    ("Mothers", models.Mother),
    ("Volunteers", models.Volunteer),
    ("Matches", models.Match),
    ("Contacts", models.Contact),
    ("Supervision sessions", models.SupervisionSession),
    ("Endings", models.Ending),
    ("Local services", models.LocalService),
)


def record_counts(vault: Vault) -> dict[str, int]:
    with vault.session() as session:
        return {
            label: int(session.scalar(select(func.count()).select_from(model)) or 0)
            for label, model in COUNTED
        }
