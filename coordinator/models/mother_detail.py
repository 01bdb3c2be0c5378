"""Rows a Mother owns: consents, safeguarding concerns, other professionals, stage history and
letters. All are deleted with her (ON DELETE CASCADE)."""

from __future__ import annotations

import enum
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, ForeignKey, Index, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from coordinator.models.base import Base, TimestampMixin, enum_type
from coordinator.models.mother import ClosureReason, Mother, MotherStage

if TYPE_CHECKING:
    from coordinator.models.ending import Ending


class ConsentKind(enum.StrEnum):
    SERVICE = "service"
    CONTACT_REFERRER = "contact_referrer"
    SHARE_WITH_SERVICES = "share_with_services"
    ANONYMOUS_REPORTING = "anonymous_reporting"


class ConsentMethod(enum.StrEnum):
    """How a consent was recorded."""

    VERBAL = "verbal"
    WRITTEN = "written"
    ELECTRONIC = "electronic"


class LetterMethod(enum.StrEnum):
    POST = "post"
    EMAIL = "email"
    BY_HAND = "by_hand"
    NOT_SENT = "not_sent"


class Consent(TimestampMixin, Base):
    """One row per kind of consent per mother; withdrawing keeps the row with withdrawn_on."""

    __tablename__ = "consent"
    __table_args__ = (
        UniqueConstraint("mother_id", "kind", name="uq_consent_mother_kind"),
        CheckConstraint("withdrawn_on >= given_on", name="withdrawn_after_given"),
        CheckConstraint("review_on >= given_on", name="review_after_given"),
        # For Today's consent reviews, read from the index alone (migrations 0005, 0007).
        Index(
            "ix_consent_review_on",
            "review_on",
            "mother_id",
            "kind",
            "withdrawn_on",
            sqlite_where=text("given = 1 AND withdrawn_on IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    mother_id: Mapped[int] = mapped_column(ForeignKey("mother.id", ondelete="CASCADE"), index=True)
    kind: Mapped[ConsentKind] = mapped_column(enum_type(ConsentKind, "kind"))
    given: Mapped[bool] = mapped_column(default=False, server_default=text("0"))
    given_on: Mapped[date | None]
    how: Mapped[ConsentMethod | None] = mapped_column(enum_type(ConsentMethod, "how"))
    recorded_by: Mapped[str | None]
    review_on: Mapped[date | None]
    withdrawn_on: Mapped[date | None]
    # For SHARE_WITH_SERVICES: which services she agreed to share with.
    share_with: Mapped[str | None] = mapped_column(Text)

    mother: Mapped[Mother] = relationship(back_populates="consents")

    @property
    def is_current(self) -> bool:
        return self.given and self.withdrawn_on is None


class Professional(TimestampMixin, Base):
    """Another professional involved with a mother (beyond midwife, health visitor and GP)."""

    __tablename__ = "professional"

    id: Mapped[int] = mapped_column(primary_key=True)
    mother_id: Mapped[int] = mapped_column(ForeignKey("mother.id", ondelete="CASCADE"), index=True)
    role: Mapped[str]
    name: Mapped[str | None]
    organisation: Mapped[str | None]
    phone: Mapped[str | None]
    email: Mapped[str | None]
    notes: Mapped[str | None] = mapped_column(Text)

    mother: Mapped[Mother] = relationship(back_populates="professionals")


class MotherStageChange(Base):
    """History of Mother.stage; from_stage is None for the first row."""

    __tablename__ = "mother_stage_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    mother_id: Mapped[int] = mapped_column(ForeignKey("mother.id", ondelete="CASCADE"), index=True)
    from_stage: Mapped[MotherStage | None] = mapped_column(enum_type(MotherStage, "from_stage"))
    to_stage: Mapped[MotherStage] = mapped_column(enum_type(MotherStage, "to_stage"))
    changed_on: Mapped[date]
    reason: Mapped[ClosureReason | None] = mapped_column(enum_type(ClosureReason, "reason"))
    note: Mapped[str | None] = mapped_column(Text)

    mother: Mapped[Mother] = relationship(back_populates="stage_changes")


class LetterSent(TimestampMixin, Base):
    """A letter written about a mother: to her, her referrer or an onward service.

    kind is a letter template code owned by coordinator.letters (e.g. "acknowledgement",
    "closure"); ending_id links ending letters to their Ending.
    """

    __tablename__ = "letter_sent"

    id: Mapped[int] = mapped_column(primary_key=True)
    mother_id: Mapped[int] = mapped_column(ForeignKey("mother.id", ondelete="CASCADE"), index=True)
    ending_id: Mapped[int | None] = mapped_column(
        ForeignKey("ending.id", ondelete="SET NULL"), index=True
    )
    kind: Mapped[str]
    recipient: Mapped[str | None]
    sent_on: Mapped[date | None]
    method: Mapped[LetterMethod] = mapped_column(enum_type(LetterMethod, "method"))
    note: Mapped[str | None] = mapped_column(Text)
    # A referral summary's sections, as their codes joined by commas ("identity,needs").
    sections: Mapped[str | None]
    made_by: Mapped[str | None]

    mother: Mapped[Mother] = relationship(back_populates="letters")
    ending: Mapped[Ending | None] = relationship(back_populates="letters")


class SafeguardingConcern(TimestampMixin, Base):
    """A safeguarding flag on a mother; open while resolved_on is empty."""

    __tablename__ = "safeguarding_concern"
    __table_args__ = (
        CheckConstraint("resolved_on >= raised_on", name="resolved_after_raised"),
        CheckConstraint("escalated_on >= raised_on", name="escalated_after_raised"),
        # Today's open concerns, read from the index alone (migration 0007).
        Index(
            "ix_safeguarding_concern_open",
            "raised_on",
            "mother_id",
            "escalated_to",
            "resolved_on",
            sqlite_where=text("resolved_on IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    mother_id: Mapped[int] = mapped_column(ForeignKey("mother.id", ondelete="CASCADE"), index=True)
    # The contact at which it was raised, if any.
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contact.id", ondelete="SET NULL"), index=True
    )
    raised_on: Mapped[date]
    raised_by: Mapped[str | None]
    note: Mapped[str | None] = mapped_column(Text)
    escalated_to: Mapped[str | None]
    escalated_on: Mapped[date | None]
    resolved_on: Mapped[date | None]
    resolution_note: Mapped[str | None] = mapped_column(Text)

    mother: Mapped[Mother] = relationship(back_populates="safeguarding_concerns")

    @property
    def is_open(self) -> bool:
        return self.resolved_on is None
