"""A Project: one peer-support service run by the charity, with its model of support."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from coordinator.models.base import Base, TimestampMixin, enum_type
from coordinator.models.vocabulary import VisitFrequency

if TYPE_CHECKING:
    from coordinator.models.ending import ChecklistTemplate
    from coordinator.models.match import Match
    from coordinator.models.mother import Mother
    from coordinator.models.volunteer import Volunteer


class SupportModel(enum.StrEnum):
    """Befriending ("a friend", flexible) or mentoring ("a professional friend", goal-focused)."""

    BEFRIENDING = "befriending"
    MENTORING = "mentoring"


class Project(TimestampMixin, Base):
    __tablename__ = "project"
    __table_args__ = (
        CheckConstraint(
            "baby_age_limit_months BETWEEN 0 AND 60", name="baby_age_limit_months_range"
        ),
        CheckConstraint("usual_duration_weeks > 0", name="usual_duration_weeks_positive"),
        CheckConstraint(
            "supervision_interval_weeks BETWEEN 1 AND 52", name="supervision_interval_weeks_range"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(unique=True)
    model: Mapped[SupportModel] = mapped_column(enum_type(SupportModel, "model"))
    area_covered: Mapped[str | None] = mapped_column(Text)
    visit_norm: Mapped[VisitFrequency] = mapped_column(
        enum_type(VisitFrequency, "visit_norm"),
        default=VisitFrequency.WEEKLY,
        server_default=VisitFrequency.WEEKLY.value,
    )
    usual_duration_weeks: Mapped[int | None]
    # Support ends when the baby reaches this age (months); None = no limit.
    baby_age_limit_months: Mapped[int | None]
    personal_numbers_shared: Mapped[bool] = mapped_column(default=False, server_default=text("0"))
    # The project phone volunteers use when personal numbers are not shared.
    project_phone: Mapped[str | None]
    offer_text_we_do: Mapped[str | None] = mapped_column(Text)
    offer_text_we_dont: Mapped[str | None] = mapped_column(Text)
    supervision_interval_weeks: Mapped[int | None]
    active: Mapped[bool] = mapped_column(default=True, server_default=text("1"))

    checklist_templates: Mapped[list[ChecklistTemplate]] = relationship(
        back_populates="project", cascade="all, delete-orphan", passive_deletes=True
    )
    mothers: Mapped[list[Mother]] = relationship(back_populates="project", passive_deletes="all")
    matches: Mapped[list[Match]] = relationship(back_populates="project", passive_deletes="all")
    volunteers: Mapped[list[Volunteer]] = relationship(
        secondary="volunteer_project", back_populates="projects", passive_deletes=True
    )

    def __repr__(self) -> str:
        return f"<Project {self.id} {self.name!r}>"
