"""A Contact: one visit, call or message within a match, usually reported by the volunteer."""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, Column, ForeignKey, Index, Table, Text, text
from sqlalchemy.ext.associationproxy import AssociationProxy, association_proxy
from sqlalchemy.orm import Mapped, mapped_column, relationship

from coordinator.models.base import Base, TimestampMixin, enum_type

if TYPE_CHECKING:
    from coordinator.models.match import Match
    from coordinator.models.service import LocalService


class ContactMedium(enum.StrEnum):
    HOME_VISIT = "home_visit"
    PHONE = "phone"
    TEXT = "text"
    VIDEO = "video"
    OUTING = "outing"
    ACCOMPANIED_APPOINTMENT = "accompanied_appointment"


class ContactOutcome(enum.StrEnum):
    MADE = "made"
    ATTEMPTED = "attempted"


class SupportType(enum.StrEnum):
    """The study's three core elements of peer support, plus practical help."""

    ACTIVE_LISTENING = "active_listening"
    INFORMATION = "information"
    SIGNPOSTING = "signposting"
    PRACTICAL = "practical"


class ReportedBy(enum.StrEnum):
    VOLUNTEER = "volunteer"
    COORDINATOR = "coordinator"


# Services a contact signposted to. Services are retired (active = False), not deleted, so
# the service side is RESTRICT and signposting history keeps its meaning.
contact_signpost = Table(
    "contact_signpost",
    Base.metadata,
    Column("contact_id", ForeignKey("contact.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "service_id",
        ForeignKey("local_service.id", ondelete="RESTRICT"),
        primary_key=True,
        index=True,
    ),
)


class Contact(TimestampMixin, Base):
    __tablename__ = "contact"
    __table_args__ = (
        CheckConstraint("duration_minutes >= 0", name="duration_non_negative"),
        CheckConstraint("mileage_miles >= 0", name="mileage_non_negative"),
        CheckConstraint("expenses_pence >= 0", name="expenses_non_negative"),
        # For Today's alerts (migrations 0005, 0007), each read from its index alone: open
        # concerns and follow-ups; contacts made, by match and by time.
        Index(
            "ix_contact_open_follow_up",
            "match_id",
            "contact_at",
            "concerns",
            "follow_up",
            "follow_up_done_on",
            sqlite_where=text(
                "follow_up_done_on IS NULL AND (concerns IS NOT NULL OR follow_up IS NOT NULL)"
            ),
        ),
        Index(
            "ix_contact_made_by_match",
            "match_id",
            "contact_at",
            sqlite_where=text("outcome = 'made'"),
        ),
        Index(
            "ix_contact_made_at",
            "contact_at",
            "match_id",
            "medium",
            sqlite_where=text("outcome = 'made'"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    match_id: Mapped[int] = mapped_column(ForeignKey("match.id", ondelete="RESTRICT"), index=True)
    contact_at: Mapped[datetime] = mapped_column(index=True)
    duration_minutes: Mapped[int | None]
    medium: Mapped[ContactMedium] = mapped_column(enum_type(ContactMedium, "medium"))
    outcome: Mapped[ContactOutcome] = mapped_column(
        enum_type(ContactOutcome, "outcome"),
        default=ContactOutcome.MADE,
        server_default=ContactOutcome.MADE.value,
    )
    signpost_note: Mapped[str | None] = mapped_column(Text)
    concerns: Mapped[str | None] = mapped_column(Text)
    follow_up: Mapped[str | None] = mapped_column(Text)
    follow_up_done_on: Mapped[date | None]
    safeguarding_escalated: Mapped[bool] = mapped_column(default=False, server_default=text("0"))
    notes: Mapped[str | None] = mapped_column(Text)
    mileage_miles: Mapped[float | None]
    expenses_pence: Mapped[int | None]
    reported_by: Mapped[ReportedBy] = mapped_column(
        enum_type(ReportedBy, "reported_by"),
        default=ReportedBy.VOLUNTEER,
        server_default=ReportedBy.VOLUNTEER.value,
    )

    match: Mapped[Match] = relationship(back_populates="contacts")
    supports: Mapped[list[ContactSupport]] = relationship(
        back_populates="contact", cascade="all, delete-orphan", passive_deletes=True
    )
    support_types: AssociationProxy[list[SupportType]] = association_proxy(
        "supports", "support_type", creator=lambda t: ContactSupport(support_type=t)
    )
    signposted_services: Mapped[list[LocalService]] = relationship(
        secondary=contact_signpost, passive_deletes=True
    )

    @property
    def has_open_follow_up(self) -> bool:
        return bool(self.follow_up) and self.follow_up_done_on is None

    def __repr__(self) -> str:
        return f"<Contact {self.id} match={self.match_id}>"


class ContactSupport(Base):
    """One kind of support given at a contact (composite key: no kind twice per contact)."""

    __tablename__ = "contact_support"

    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), primary_key=True
    )
    support_type: Mapped[SupportType] = mapped_column(
        enum_type(SupportType, "support_type"), primary_key=True
    )

    contact: Mapped[Contact] = relationship(back_populates="supports")
