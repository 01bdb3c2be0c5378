"""Planned endings are prepared: about four weeks before a planned end the ending is
discussed again with the mother. When it was is kept per match (a declared setting: a few
dates), so that Today stops asking and the ending checklist can tick its item."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from coordinator import models as m
from coordinator.models import AuditAction
from coordinator.services import audit, settings
from coordinator.services.sessions import Source, reading
from coordinator.storage.vault import Vault

DISCUSSED_AGAIN = settings.Declared[dict | None](
    "endings.discussed_again", dict, None, "Match id -> when its ending was discussed again"
)
#: How long before a planned end the ending is discussed again.
DISCUSS_AGAIN_DAYS = 28


def discussed_again(session: Session) -> dict[int, date]:
    """When each match's ending was discussed again, by match id."""
    found = {}
    for key, value in (settings.get(session, DISCUSSED_AGAIN) or {}).items():
        try:
            found[int(key)] = date.fromisoformat(value)
        except (TypeError, ValueError):
            continue
    return found


def discussed_again_on(source: Source, match_id: int) -> date | None:
    with reading(source) as session:
        return discussed_again(session).get(match_id)


def mark_discussed_again(vault: Vault, match_id: int, on: date) -> None:
    """Record that the ending was discussed again on `on`; audited."""
    with vault.transaction() as session:
        if session.get(m.Match, match_id) is None:
            raise LookupError("That match is no longer in the database.")
        stored = dict(settings.get(session, DISCUSSED_AGAIN) or {})
        stored[str(match_id)] = on.isoformat()
        settings.put(session, DISCUSSED_AGAIN, stored)
        audit.record(
            session,
            AuditAction.UPDATE,
            entity_type="match",
            entity_id=match_id,
            fields=["ending_discussed_again"],
        )
