"""The counters people's references are numbered from, and the mapper events that give a
mother or volunteer saved through the ORM her reference ("M0042", "V0007").

A counter only goes up, so a number is never given twice, even after a record is deleted.
Rows inserted in bulk (not through the ORM) take their numbers from allocate() beforehand
(services.references.assign).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import CheckConstraint, Connection, event, text
from sqlalchemy.orm import Mapped, mapped_column

from coordinator.models.base import Base
from coordinator.models.mother import Mother
from coordinator.models.volunteer import Volunteer

#: The letter each kind of person's reference starts with.
PREFIXES = {"mother": "M", "volunteer": "V"}
#: Digits shown at least (more once the numbers need them).
DIGITS = 4


class ReferenceCounter(Base):
    """The last number given to a kind of person ("mother", "volunteer")."""

    __tablename__ = "reference_counter"
    __table_args__ = (CheckConstraint("last_number >= 0", name="last_number_non_negative"),)

    kind: Mapped[str] = mapped_column(primary_key=True)
    last_number: Mapped[int] = mapped_column(default=0, server_default=text("0"))


def format_reference(kind: str, number: int) -> str:
    return f"{PREFIXES[kind]}{number:0{DIGITS}d}"


def _ensure(connection: Connection, kind: str) -> None:
    connection.execute(
        text(
            "INSERT INTO reference_counter (kind, last_number) VALUES (:kind, 0) "
            "ON CONFLICT (kind) DO NOTHING"
        ),
        {"kind": kind},
    )


def allocate(connection: Connection, kind: str, count: int) -> range:
    """The next `count` numbers for this kind, taken from its counter."""
    if count <= 0:
        return range(0)
    _ensure(connection, kind)
    last = connection.execute(
        text(
            "UPDATE reference_counter SET last_number = last_number + :count "
            "WHERE kind = :kind RETURNING last_number"
        ),
        {"kind": kind, "count": count},
    ).scalar_one()
    return range(last - count + 1, last + 1)


def raise_counter(connection: Connection, kind: str, number: int) -> None:
    """Make sure the counter is at least `number` (a reference given from outside)."""
    _ensure(connection, kind)
    connection.execute(
        text(
            "UPDATE reference_counter SET last_number = :number "
            "WHERE kind = :kind AND last_number < :number"
        ),
        {"kind": kind, "number": number},
    )


def _given_number(kind: str, reference: str) -> int | None:
    prefix = PREFIXES[kind]
    digits = reference[len(prefix) :]
    if reference.startswith(prefix) and digits.isdigit():
        return int(digits)
    return None


def _give_reference(kind: str):
    def before_insert(mapper: Any, connection: Connection, target: Any) -> None:
        if target.reference:
            number = _given_number(kind, target.reference)
            if number is not None:
                raise_counter(connection, kind, number)
            return
        (number,) = allocate(connection, kind, 1)
        target.reference = format_reference(kind, number)

    return before_insert


event.listen(Mother, "before_insert", _give_reference("mother"))
event.listen(Volunteer, "before_insert", _give_reference("volunteer"))
