"""The audit trail: what was done to which record, never the personal data itself.

No foreign keys: an event outlives the record it describes.
"""

from __future__ import annotations

import enum
import json
from datetime import datetime

from sqlalchemy import Index, Text, func
from sqlalchemy.orm import Mapped, mapped_column

from coordinator.models.base import Base, enum_type, utcnow


class AuditAction(enum.StrEnum):
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    IMPORT = "import"
    EXPORT = "export"
    OPEN = "open"
    LOCK = "lock"
    BACKUP = "backup"
    RESTORE = "restore"
    REKEY = "rekey"
    MIGRATE = "migrate"


class AuditEvent(Base):
    __tablename__ = "audit_event"
    __table_args__ = (Index("ix_audit_event_entity", "entity_type", "entity_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    occurred_at: Mapped[datetime] = mapped_column(
        default=utcnow, server_default=func.current_timestamp(), index=True
    )
    action: Mapped[AuditAction] = mapped_column(enum_type(AuditAction, "action"))
    # The mapped table name, e.g. "mother"; None for app-level events (open, lock, backup).
    entity_type: Mapped[str | None]
    entity_id: Mapped[int | None]
    # JSON list of field NAMES only, never values. Use the `field_names` property.
    fields_changed: Mapped[str | None] = mapped_column(Text)
    # Free text without personal data, e.g. "12 rows imported".
    summary: Mapped[str | None] = mapped_column(Text)
    actor: Mapped[str | None]

    @property
    def field_names(self) -> list[str]:
        return list(json.loads(self.fields_changed)) if self.fields_changed else []

    @field_names.setter
    def field_names(self, names: list[str]) -> None:
        self.fields_changed = json.dumps(sorted(names)) if names else None

    def __repr__(self) -> str:
        return f"<AuditEvent {self.id} {self.action} {self.entity_type}:{self.entity_id}>"
