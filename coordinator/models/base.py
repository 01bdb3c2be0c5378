"""Declarative base, naming convention and column helpers shared by every model.

Constraint names follow a fixed convention so that Alembic batch migrations can find
and alter them on SQLite.
"""

from __future__ import annotations

import enum
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime, Enum, MetaData, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def utcnow() -> datetime:
    """The current time in UTC, without tzinfo (SQLite stores naive datetimes)."""
    return datetime.now(UTC).replace(tzinfo=None)


def enum_type(py_enum: type[enum.Enum], name: str) -> Enum:
    """A portable enum column: stored as its string value, guarded by a CHECK constraint."""
    return Enum(
        py_enum,
        name=name,
        native_enum=False,
        create_constraint=True,
        validate_strings=True,
        values_callable=lambda members: [m.value for m in members],
        length=max(len(m.value) for m in py_enum),
    )


class TimestampMixin:
    """created_at / updated_at in UTC, maintained by the ORM."""

    created_at: Mapped[datetime] = mapped_column(
        DateTime, default=utcnow, server_default=func.current_timestamp()
    )
    updated_at: Mapped[datetime] = mapped_column(
        DateTime, default=utcnow, onupdate=utcnow, server_default=func.current_timestamp()
    )


def column_names(model: Any) -> list[str]:
    """Names of a mapped class's table columns, in table order."""
    return [c.name for c in model.__table__.columns]
