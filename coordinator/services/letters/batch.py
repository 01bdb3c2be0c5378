"""Which mothers get an introduction letter in the day's batch (coordinator.letters.made
lays the letters out in one PDF, one print job)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from coordinator.models import Match, MatchStatus, MatchStatusChange, Mother


def accepted_on(session: Session, day: date) -> list[int]:
    """The mothers whose match became active on `day` and is active still, by reference."""
    return list(
        session.scalars(
            select(Match.mother_id)
            .join(MatchStatusChange, MatchStatusChange.match_id == Match.id)
            .join(Mother, Mother.id == Match.mother_id)
            .where(
                MatchStatusChange.to_status == MatchStatus.ACTIVE,
                MatchStatusChange.changed_on == day,
                Match.status == MatchStatus.ACTIVE,
            )
            .order_by(Mother.reference)
            .distinct()
        ).all()
    )
