"""Settings that describe the charity (kept in the encrypted database), and form drafts.

Setting.value is JSON; the declarations of keys, types and defaults belong to the settings
service, not to this table.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import Text, func
from sqlalchemy.orm import Mapped, mapped_column

from coordinator.models.base import Base, utcnow


class Setting(Base):
    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(
        default=utcnow, onupdate=utcnow, server_default=func.current_timestamp()
    )

    @property
    def decoded(self) -> Any:
        return json.loads(self.value)

    @decoded.setter
    def decoded(self, value: Any) -> None:
        self.value = json.dumps(value)

    def __repr__(self) -> str:
        return f"<Setting {self.key}>"


class Draft(Base):
    """An unsaved form kept across a lock. record_id is None for a new record."""

    __tablename__ = "draft"

    id: Mapped[int] = mapped_column(primary_key=True)
    form: Mapped[str] = mapped_column(index=True)
    record_id: Mapped[int | None]
    payload: Mapped[str] = mapped_column(Text)
    saved_at: Mapped[datetime] = mapped_column(
        default=utcnow, server_default=func.current_timestamp()
    )

    def __repr__(self) -> str:
        return f"<Draft {self.id} {self.form}>"
