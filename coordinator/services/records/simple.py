"""Save and delete of records that are only columns (services, projects, and the rows the
relationship work adds: contacts, supervision sessions, endings), audited by field name."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coordinator.models import AuditAction
from coordinator.services import audit
from coordinator.services.records.children import apply_columns, gone_choices
from coordinator.services.records.errors import CannotDelete, FormInvalid, RecordNotFound
from coordinator.storage.vault import Vault


def delete_unless(
    vault: Vault,
    model: type,
    record_id: int,
    entity: str,
    refusal: Callable[[Session], str | None],
) -> None:
    """Delete a record and what it owns, auditing it; CannotDelete with the reason when
    `refusal(session)` gives one (the record is still in use)."""
    with vault.transaction() as session:
        record = session.get(model, record_id)
        if record is None:
            raise RecordNotFound(entity.replace("_", " "))
        reason = refusal(session)
        if reason:
            raise CannotDelete(reason)
        session.delete(record)
        audit.record(session, AuditAction.DELETE, entity_type=entity, entity_id=record_id)


def delete_unless_matched(
    vault: Vault, model: type, record_id: int, match_column: Any, entity: str, refusal: str
) -> None:
    """Delete a record and what it owns, or CannotDelete when it was ever in a match.

    `refusal` is formatted with {count} and {noun} ("match"/"matches").
    """

    def in_matches(session: Session) -> str | None:
        count = session.scalar(select(func.count()).where(match_column == record_id))
        if not count:
            return None
        return refusal.format(count=count, noun="match" if count == 1 else "matches")

    delete_unless(vault, model, record_id, entity, in_matches)


def save_columns(
    vault: Vault,
    model: type,
    record_id: int | None,
    columns: dict[str, Any],
    blank_columns: dict[str, Any],
    entity: str,
    check: Callable[[Session], None] | None = None,
) -> int:
    """Create (record_id None) or update a record that is only columns, in one transaction,
    auditing the names of the fields given or changed; returns its id.

    `check(session)` runs first and may raise FormInvalid for what only the database knows
    (a name already taken); a chosen category deleted meanwhile is refused here.
    """
    with vault.transaction() as session:
        if check is not None:
            check(session)
        gone = gone_choices(session, model, columns)
        if gone:
            raise FormInvalid(gone)
        if record_id is None:
            record = model()
            session.add(record)
            changed = {k for k, v in columns.items() if blank_columns.get(k) != v}
            apply_columns(record, columns)
        else:
            record = session.get(model, record_id)
            if record is None:
                raise RecordNotFound(entity.replace("_", " "))
            changed = apply_columns(record, columns)
        session.flush()
        if changed:
            action = AuditAction.CREATE if record_id is None else AuditAction.UPDATE
            audit.record(session, action, entity_type=entity, entity_id=record.id, fields=changed)
        return record.id
