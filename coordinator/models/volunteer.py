"""The Volunteer aggregate: status, checks, training, languages, experience and availability.

Supervisors are staff, not volunteers: Volunteer.supervisor_name is plain text.
"""

from __future__ import annotations

import enum
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, Column, ForeignKey, Table, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from coordinator.models.base import Base, TimestampMixin, enum_type
from coordinator.models.vocabulary import (
    AvailabilityMixin,
    ExperienceTag,
    Language,
    TrainingModule,
)

if TYPE_CHECKING:
    from coordinator.models.match import Match
    from coordinator.models.project import Project
    from coordinator.models.supervision import SupervisionSession


class VolunteerStatus(enum.StrEnum):
    APPLICANT = "applicant"
    IN_TRAINING = "in_training"
    ACTIVE = "active"
    PAUSED = "paused"
    LEFT = "left"


class Gender(enum.StrEnum):
    FEMALE = "female"
    MALE = "male"
    NON_BINARY = "non_binary"
    PREFER_NOT_TO_SAY = "prefer_not_to_say"


class DbsCheckType(enum.StrEnum):
    BASIC = "basic"
    STANDARD = "standard"
    ENHANCED = "enhanced"
    ENHANCED_BARRED = "enhanced_barred"


volunteer_project = Table(
    "volunteer_project",
    Base.metadata,
    Column("volunteer_id", ForeignKey("volunteer.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "project_id", ForeignKey("project.id", ondelete="CASCADE"), primary_key=True, index=True
    ),
)

volunteer_language = Table(
    "volunteer_language",
    Base.metadata,
    Column("volunteer_id", ForeignKey("volunteer.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "language_id",
        ForeignKey("language.id", ondelete="RESTRICT"),
        primary_key=True,
        index=True,
    ),
)

volunteer_experience = Table(
    "volunteer_experience",
    Base.metadata,
    Column("volunteer_id", ForeignKey("volunteer.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "experience_tag_id",
        ForeignKey("experience_tag.id", ondelete="RESTRICT"),
        primary_key=True,
        index=True,
    ),
)


class Volunteer(TimestampMixin, Base):
    __tablename__ = "volunteer"
    __table_args__ = (
        CheckConstraint("max_matches BETWEEN 1 AND 10", name="max_matches_range"),
        CheckConstraint("travel_radius_km >= 0", name="travel_radius_non_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # "V0007": given on first save, never changed or reused (models.reference). The column
    # allows NULL only because SQLite adds columns that way; every row has one.
    reference: Mapped[str | None] = mapped_column(unique=True, index=True)
    full_name: Mapped[str] = mapped_column(index=True)
    preferred_name: Mapped[str | None]
    date_of_birth: Mapped[date | None]
    gender: Mapped[Gender | None] = mapped_column(enum_type(Gender, "gender"))
    phone: Mapped[str | None]
    email: Mapped[str | None]
    address_line1: Mapped[str | None]
    address_line2: Mapped[str | None]
    town: Mapped[str | None]
    # Home postcode: also the origin for travel distance.
    postcode: Mapped[str | None] = mapped_column(index=True)

    status: Mapped[VolunteerStatus] = mapped_column(
        enum_type(VolunteerStatus, "status"),
        default=VolunteerStatus.APPLICANT,
        server_default=VolunteerStatus.APPLICANT.value,
        index=True,
    )
    status_since: Mapped[date | None]

    induction_completed_on: Mapped[date | None]
    id_seen_on: Mapped[date | None]
    # Only if she chose to tell us.
    faith_culture: Mapped[str | None] = mapped_column(Text)
    travel_radius_km: Mapped[float | None]
    max_matches: Mapped[int] = mapped_column(default=2, server_default=text("2"))
    supervisor_name: Mapped[str | None]
    left_on: Mapped[date | None]
    leaving_reason: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)

    projects: Mapped[list[Project]] = relationship(
        secondary=volunteer_project, back_populates="volunteers", passive_deletes=True
    )
    languages: Mapped[list[Language]] = relationship(
        secondary=volunteer_language, passive_deletes=True, order_by="Language.sort_order"
    )
    experiences: Mapped[list[ExperienceTag]] = relationship(
        secondary=volunteer_experience,
        passive_deletes=True,
        order_by="ExperienceTag.sort_order",
    )
    status_changes: Mapped[list[VolunteerStatusChange]] = relationship(
        back_populates="volunteer",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="VolunteerStatusChange.changed_on",
    )
    trainings: Mapped[list[VolunteerTraining]] = relationship(
        back_populates="volunteer", cascade="all, delete-orphan", passive_deletes=True
    )
    dbs_checks: Mapped[list[DBSCheck]] = relationship(
        back_populates="volunteer",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="DBSCheck.issue_date",
    )
    references: Mapped[list[VolunteerReference]] = relationship(
        back_populates="volunteer", cascade="all, delete-orphan", passive_deletes=True
    )
    areas: Mapped[list[VolunteerArea]] = relationship(
        back_populates="volunteer", cascade="all, delete-orphan", passive_deletes=True
    )
    availability: Mapped[list[VolunteerAvailability]] = relationship(
        back_populates="volunteer", cascade="all, delete-orphan", passive_deletes=True
    )
    # A volunteer with matches cannot be deleted (ON DELETE RESTRICT): mark her as left.
    matches: Mapped[list[Match]] = relationship(back_populates="volunteer", passive_deletes="all")
    supervision_sessions: Mapped[list[SupervisionSession]] = relationship(
        secondary="supervision_attendee", back_populates="attendees", passive_deletes=True
    )

    @property
    def display_name(self) -> str:
        return self.preferred_name or self.full_name

    @property
    def latest_dbs_check(self) -> DBSCheck | None:
        return max(self.dbs_checks, key=lambda c: c.issue_date, default=None)

    def __repr__(self) -> str:
        return f"<Volunteer {self.id}>"


class VolunteerStatusChange(Base):
    __tablename__ = "volunteer_status_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    volunteer_id: Mapped[int] = mapped_column(
        ForeignKey("volunteer.id", ondelete="CASCADE"), index=True
    )
    from_status: Mapped[VolunteerStatus | None] = mapped_column(
        enum_type(VolunteerStatus, "from_status")
    )
    to_status: Mapped[VolunteerStatus] = mapped_column(enum_type(VolunteerStatus, "to_status"))
    changed_on: Mapped[date]
    note: Mapped[str | None] = mapped_column(Text)

    volunteer: Mapped[Volunteer] = relationship(back_populates="status_changes")


class VolunteerTraining(Base):
    """A training module a volunteer has completed (one row per module)."""

    __tablename__ = "volunteer_training"
    __table_args__ = (
        UniqueConstraint("volunteer_id", "module_id", name="uq_volunteer_training_module"),
        CheckConstraint("refresh_due_on > completed_on", name="refresh_after_completed"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    volunteer_id: Mapped[int] = mapped_column(
        ForeignKey("volunteer.id", ondelete="CASCADE"), index=True
    )
    module_id: Mapped[int] = mapped_column(
        ForeignKey("training_module.id", ondelete="RESTRICT"), index=True
    )
    completed_on: Mapped[date | None]
    refresh_due_on: Mapped[date | None]
    notes: Mapped[str | None] = mapped_column(Text)

    volunteer: Mapped[Volunteer] = relationship(back_populates="trainings")
    module: Mapped[TrainingModule] = relationship()


class DBSCheck(TimestampMixin, Base):
    __tablename__ = "dbs_check"
    __table_args__ = (
        UniqueConstraint(
            "volunteer_id", "certificate_number", name="uq_dbs_check_volunteer_certificate"
        ),
        CheckConstraint("next_check_due > issue_date", name="next_check_after_issue"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    volunteer_id: Mapped[int] = mapped_column(
        ForeignKey("volunteer.id", ondelete="CASCADE"), index=True
    )
    check_type: Mapped[DbsCheckType] = mapped_column(enum_type(DbsCheckType, "check_type"))
    certificate_number: Mapped[str | None]
    issue_date: Mapped[date]
    update_service: Mapped[bool] = mapped_column(default=False, server_default=text("0"))
    next_check_due: Mapped[date | None] = mapped_column(index=True)
    checked_by: Mapped[str | None]
    notes: Mapped[str | None] = mapped_column(Text)

    volunteer: Mapped[Volunteer] = relationship(back_populates="dbs_checks")


class VolunteerReference(Base):
    __tablename__ = "volunteer_reference"
    __table_args__ = (
        CheckConstraint("received_on >= requested_on", name="received_after_requested"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    volunteer_id: Mapped[int] = mapped_column(
        ForeignKey("volunteer.id", ondelete="CASCADE"), index=True
    )
    referee_name: Mapped[str]
    referee_relationship: Mapped[str | None]
    requested_on: Mapped[date | None]
    received_on: Mapped[date | None]
    satisfactory: Mapped[bool | None]
    notes: Mapped[str | None] = mapped_column(Text)

    volunteer: Mapped[Volunteer] = relationship(back_populates="references")


class VolunteerArea(Base):
    """An area a volunteer will cover: a town, neighbourhood or postcode district."""

    __tablename__ = "volunteer_area"
    __table_args__ = (UniqueConstraint("volunteer_id", "area", name="uq_volunteer_area_area"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    volunteer_id: Mapped[int] = mapped_column(
        ForeignKey("volunteer.id", ondelete="CASCADE"), index=True
    )
    area: Mapped[str]

    volunteer: Mapped[Volunteer] = relationship(back_populates="areas")


class VolunteerAvailability(AvailabilityMixin, Base):
    """When she can usually volunteer: one row per (weekday, part of day)."""

    __tablename__ = "volunteer_availability"

    volunteer_id: Mapped[int] = mapped_column(
        ForeignKey("volunteer.id", ondelete="CASCADE"), primary_key=True, sort_order=-10
    )
    volunteer: Mapped[Volunteer] = relationship(back_populates="availability")
