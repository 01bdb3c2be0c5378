"""The audit trail: what was done to which kind of record, never the sensitive values."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from coordinator.models import AuditAction, AuditEvent
from coordinator.services.sessions import Source, reading


def record(
    session: Session,
    action: AuditAction,
    *,
    entity_type: str | None = None,
    entity_id: int | None = None,
    fields: Iterable[str] = (),
    summary: str | None = None,
) -> AuditEvent:
    """Add an audit event to the session's transaction. `summary` must hold no personal data."""
    event = AuditEvent(action=action, entity_type=entity_type, entity_id=entity_id, summary=summary)
    event.field_names = sorted(set(fields))
    session.add(event)
    return event


@dataclass(frozen=True)
class AuditRow:
    """One event as the read-only audit view shows it: names and counts, never values."""

    id: int
    occurred_at: datetime  # UTC, naive
    action: AuditAction
    #: The table name ("volunteer", "local_service", "need"), or None for app-level events.
    entity_type: str | None
    entity_id: int | None
    #: Names of the fields that changed (never their values).
    fields: tuple[str, ...]
    summary: str


def recent(
    source: Source, offset: int = 0, limit: int = 200, action: AuditAction | None = None
) -> list[AuditRow]:
    """Events newest first, `limit` of them from `offset`; only one action when given."""
    statement = select(AuditEvent).order_by(AuditEvent.occurred_at.desc(), AuditEvent.id.desc())
    if action is not None:
        statement = statement.where(AuditEvent.action == action)
    statement = statement.offset(max(0, offset)).limit(max(0, limit))
    with reading(source) as session:
        return [
            AuditRow(
                e.id,
                e.occurred_at,
                e.action,
                e.entity_type,
                e.entity_id,
                tuple(e.field_names),
                e.summary or "",
            )
            for e in session.scalars(statement)
        ]
