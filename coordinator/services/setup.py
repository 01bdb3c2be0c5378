"""What a brand-new database starts with: the editable vocabularies and ending checklists."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from coordinator.storage.vault import Vault, create_vault


def seed_new_database(session: Session) -> None:
    from coordinator.models.ending import seed_checklists
    from coordinator.models.vocabulary import seed_vocabularies

    seed_vocabularies(session)
    seed_checklists(session)


def create_database(path: Path | str, passphrase: str, *, lock: bool = True) -> Vault:
    """A new encrypted database, seeded with what a new database starts with."""
    return create_vault(path, passphrase, seed=seed_new_database, lock=lock)
