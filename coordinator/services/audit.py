"""The audit trail: what was done to which kind of record, never the sensitive values."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy.orm import Session

from coordinator.models import AuditAction, AuditEvent


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
