"""What a brand-new database starts with: the editable vocabularies and ending checklists."""

from __future__ import annotations

from sqlalchemy.orm import Session


def seed_new_database(session: Session) -> None:
    from coordinator.models.ending import seed_checklists
    from coordinator.models.vocabulary import seed_vocabularies

    seed_vocabularies(session)
    seed_checklists(session)
