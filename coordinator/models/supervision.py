"""Supervision of volunteers (confidential; never printed on a letter about a mother)."""

from __future__ import annotations

import enum
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, Column, ForeignKey, Index, Table, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from coordinator.models.base import Base, TimestampMixin, enum_type

if TYPE_CHECKING:
    from coordinator.models.match import Match
    from coordinator.models.volunteer import Volunteer


class SupervisionKind(enum.StrEnum):
    ONE_TO_ONE = "one_to_one"
    GROUP = "group"


# Volunteers at a session (a group session has several).
supervision_attendee = Table(
    "supervision_attendee",
    Base.metadata,
    Column(
        "session_id",
        ForeignKey("supervision_session.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column(
        "volunteer_id",
        ForeignKey("volunteer.id", ondelete="CASCADE"),
        primary_key=True,
        index=True,
    ),
)

# Matches discussed at a session.
supervision_match = Table(
    "supervision_match",
    Base.metadata,
    Column(
        "session_id",
        ForeignKey("supervision_session.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("match_id", ForeignKey("match.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class SupervisionSession(TimestampMixin, Base):
    __tablename__ = "supervision_session"
    __table_args__ = (
        CheckConstraint("next_due_on > held_on", name="next_due_after_held"),
        CheckConstraint("duration_minutes >= 0", name="duration_non_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    held_on: Mapped[date] = mapped_column(index=True)
    kind: Mapped[SupervisionKind] = mapped_column(
        enum_type(SupervisionKind, "kind"),
        default=SupervisionKind.ONE_TO_ONE,
        server_default=SupervisionKind.ONE_TO_ONE.value,
    )
    supervisor_name: Mapped[str | None]
    duration_minutes: Mapped[int | None]
    wellbeing: Mapped[str | None] = mapped_column(Text)
    boundary_concerns: Mapped[str | None] = mapped_column(Text)
    dependency_concerns: Mapped[str | None] = mapped_column(Text)
    safeguarding: Mapped[str | None] = mapped_column(Text)
    training_needs: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)
    next_due_on: Mapped[date | None] = mapped_column(index=True)

    attendees: Mapped[list[Volunteer]] = relationship(
        secondary=supervision_attendee,
        back_populates="supervision_sessions",
        passive_deletes=True,
    )
    matches_discussed: Mapped[list[Match]] = relationship(
        secondary=supervision_match, passive_deletes=True
    )
    actions: Mapped[list[SupervisionAction]] = relationship(
        back_populates="session",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="SupervisionAction.id",
    )

    def __repr__(self) -> str:
        return f"<SupervisionSession {self.id} {self.held_on}>"


class SupervisionAction(TimestampMixin, Base):
    """An action agreed in supervision: who owns it, when it is due, when it was done."""

    __tablename__ = "supervision_action"
    __table_args__ = (
        # Today's actions due, read from the index alone (migration 0007); by due date,
        # then in the order they were agreed.
        Index(
            "ix_supervision_action_open",
            "due_on",
            "id",
            "session_id",
            "volunteer_id",
            "owner",
            "text",
            "done_on",
            sqlite_where=text("done_on IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("supervision_session.id", ondelete="CASCADE"), index=True
    )
    # The volunteer it concerns, if any (group sessions may have actions for one person).
    volunteer_id: Mapped[int | None] = mapped_column(
        ForeignKey("volunteer.id", ondelete="SET NULL"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    owner: Mapped[str | None]
    due_on: Mapped[date | None] = mapped_column(index=True)
    done_on: Mapped[date | None]

    session: Mapped[SupervisionSession] = relationship(back_populates="actions")
    volunteer: Mapped[Volunteer | None] = relationship()

    @property
    def is_open(self) -> bool:
        return self.done_on is None
