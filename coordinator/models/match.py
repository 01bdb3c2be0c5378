"""The Match aggregate: one volunteer supporting one mother within a project.

The matching rationale is kept: one MatchCriterionScore row per criterion (direction,
points and the explanation shown), plus the coordinator's own words, who decided and when.
"""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, ForeignKey, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from coordinator.models.base import Base, TimestampMixin, enum_type
from coordinator.models.vocabulary import VisitFrequency

if TYPE_CHECKING:
    from coordinator.models.contact import Contact
    from coordinator.models.ending import Ending
    from coordinator.models.mother import Mother
    from coordinator.models.project import Project
    from coordinator.models.volunteer import Volunteer


class MatchStatus(enum.StrEnum):
    """proposed -> active -> paused -> ended."""

    PROPOSED = "proposed"
    ACTIVE = "active"
    PAUSED = "paused"
    ENDED = "ended"


class CriterionDirection(enum.StrEnum):
    """Whether a soft criterion favoured sameness, difference, or was neutral."""

    SAME = "same"
    DIFFERENT = "different"
    NONE = "none"


class Match(TimestampMixin, Base):
    __tablename__ = "match"
    __table_args__ = (
        CheckConstraint("start_date >= proposed_on", name="start_after_proposed"),
        CheckConstraint("introduction_visit_on >= proposed_on", name="introduction_after_proposed"),
        CheckConstraint("planned_end_date >= start_date", name="planned_end_after_start"),
        CheckConstraint("paused_on >= start_date", name="paused_after_start"),
        CheckConstraint("ended_on >= start_date", name="ended_after_start"),
        CheckConstraint("ended_on >= proposed_on", name="ended_after_proposed"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    mother_id: Mapped[int] = mapped_column(ForeignKey("mother.id", ondelete="RESTRICT"), index=True)
    volunteer_id: Mapped[int] = mapped_column(
        ForeignKey("volunteer.id", ondelete="RESTRICT"), index=True
    )
    project_id: Mapped[int] = mapped_column(
        ForeignKey("project.id", ondelete="RESTRICT"), index=True
    )
    status: Mapped[MatchStatus] = mapped_column(
        enum_type(MatchStatus, "status"),
        default=MatchStatus.PROPOSED,
        server_default=MatchStatus.PROPOSED.value,
        index=True,
    )
    proposed_on: Mapped[date]
    start_date: Mapped[date | None]
    introduction_visit_on: Mapped[date | None]
    planned_end_date: Mapped[date | None] = mapped_column(index=True)
    paused_on: Mapped[date | None]
    ended_on: Mapped[date | None]

    # Ground rules agreed at the introduction
    agreed_visit_frequency: Mapped[VisitFrequency | None] = mapped_column(
        enum_type(VisitFrequency, "agreed_visit_frequency")
    )
    personal_numbers_shared: Mapped[bool] = mapped_column(default=False, server_default=text("0"))
    ground_rules_note: Mapped[str | None] = mapped_column(Text)
    ground_rules_agreed_on: Mapped[date | None]

    # Rationale
    coordinator_rationale: Mapped[str | None] = mapped_column(Text)
    decided_by: Mapped[str | None]
    decided_at: Mapped[datetime | None]

    mother: Mapped[Mother] = relationship(back_populates="matches")
    volunteer: Mapped[Volunteer] = relationship(back_populates="matches")
    project: Mapped[Project] = relationship(back_populates="matches")
    criterion_scores: Mapped[list[MatchCriterionScore]] = relationship(
        back_populates="match",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="MatchCriterionScore.id",
    )
    status_changes: Mapped[list[MatchStatusChange]] = relationship(
        back_populates="match",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="MatchStatusChange.changed_on",
    )
    # A match with logged contacts cannot be deleted (ON DELETE RESTRICT).
    contacts: Mapped[list[Contact]] = relationship(
        back_populates="match", passive_deletes="all", order_by="Contact.contact_at"
    )
    ending: Mapped[Ending | None] = relationship(
        back_populates="match", cascade="all, delete-orphan", passive_deletes=True
    )

    @property
    def total_score(self) -> float:
        """The match score: the sum of the per-criterion contributions shown."""
        return sum(s.points for s in self.criterion_scores)

    def __repr__(self) -> str:
        return f"<Match {self.id} {self.status}>"


class MatchCriterionScore(Base):
    """One criterion's contribution to a match's score, as shown when it was proposed.

    criterion is a code owned by the matching service (e.g. "language", "distance").
    """

    __tablename__ = "match_criterion_score"
    __table_args__ = (
        UniqueConstraint("match_id", "criterion", name="uq_match_criterion_score_criterion"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    match_id: Mapped[int] = mapped_column(ForeignKey("match.id", ondelete="CASCADE"), index=True)
    criterion: Mapped[str]
    direction: Mapped[CriterionDirection] = mapped_column(
        enum_type(CriterionDirection, "direction"),
        default=CriterionDirection.NONE,
        server_default=CriterionDirection.NONE.value,
    )
    points: Mapped[float] = mapped_column(default=0.0, server_default=text("0"))
    explanation: Mapped[str | None] = mapped_column(Text)
    #: The weight (0-10) the criterion had when the match was proposed; None for matches
    #: recorded before weights were kept.
    weight: Mapped[int | None]

    match: Mapped[Match] = relationship(back_populates="criterion_scores")


class MatchStatusChange(Base):
    """History of Match.status; from_status is None for the first row."""

    __tablename__ = "match_status_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    match_id: Mapped[int] = mapped_column(ForeignKey("match.id", ondelete="CASCADE"), index=True)
    from_status: Mapped[MatchStatus | None] = mapped_column(enum_type(MatchStatus, "from_status"))
    to_status: Mapped[MatchStatus] = mapped_column(enum_type(MatchStatus, "to_status"))
    changed_on: Mapped[date]
    note: Mapped[str | None] = mapped_column(Text)

    match: Mapped[Match] = relationship(back_populates="status_changes")
