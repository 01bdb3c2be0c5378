"""Endings of matches, and the checklist templates that guide them.

A ChecklistTemplate with project_id None applies to every project; with model None it
applies to both models. The most specific template for (project, model, ending type) wins.
Answers copy the item text so they stay readable if a template changes later.
"""

from __future__ import annotations

import enum
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, Column, ForeignKey, Table, Text, select
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from coordinator.models.base import Base, TimestampMixin, enum_type
from coordinator.models.mother import OUTCOME_SCORE_MAX, OUTCOME_SCORE_MIN
from coordinator.models.project import SupportModel

if TYPE_CHECKING:
    from coordinator.models.match import Match
    from coordinator.models.mother_detail import LetterSent
    from coordinator.models.project import Project
    from coordinator.models.service import LocalService


class EndingType(enum.StrEnum):
    PLANNED = "planned"
    UNPLANNED = "unplanned"


class EndingInitiator(enum.StrEnum):
    MOTHER = "mother"
    VOLUNTEER = "volunteer"
    COORDINATOR = "coordinator"
    REFERRER = "referrer"


class EndingReason(enum.StrEnum):
    SUPPORT_COMPLETE = "support_complete"
    BABY_AGE_LIMIT = "baby_age_limit"
    MOVED_AWAY = "moved_away"
    MOTHER_DISENGAGED = "mother_disengaged"
    MOTHER_DECLINED = "mother_declined"
    VOLUNTEER_UNAVAILABLE = "volunteer_unavailable"
    ESCALATED_TO_PROFESSIONALS = "escalated_to_professionals"
    BABY_LOSS = "baby_loss"
    OTHER = "other"


# Onward services the mother was signposted to at the ending (service side RESTRICT).
ending_signpost = Table(
    "ending_signpost",
    Base.metadata,
    Column("ending_id", ForeignKey("ending.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "service_id",
        ForeignKey("local_service.id", ondelete="RESTRICT"),
        primary_key=True,
        index=True,
    ),
)


class ChecklistTemplate(TimestampMixin, Base):
    __tablename__ = "checklist_template"

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int | None] = mapped_column(
        ForeignKey("project.id", ondelete="CASCADE"), index=True
    )
    model: Mapped[SupportModel | None] = mapped_column(enum_type(SupportModel, "model"))
    ending_type: Mapped[EndingType] = mapped_column(enum_type(EndingType, "ending_type"))
    name: Mapped[str]
    active: Mapped[bool] = mapped_column(default=True, server_default=sql_text("1"))

    project: Mapped[Project | None] = relationship(back_populates="checklist_templates")
    items: Mapped[list[ChecklistTemplateItem]] = relationship(
        back_populates="template",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="ChecklistTemplateItem.position",
    )


class ChecklistTemplateItem(Base):
    __tablename__ = "checklist_template_item"
    __table_args__ = (CheckConstraint("position >= 0", name="position_non_negative"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    template_id: Mapped[int] = mapped_column(
        ForeignKey("checklist_template.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0, server_default=sql_text("0"))
    text: Mapped[str] = mapped_column(Text)
    required: Mapped[bool] = mapped_column(default=True, server_default=sql_text("1"))

    template: Mapped[ChecklistTemplate] = relationship(back_populates="items")


class Ending(TimestampMixin, Base):
    """How a match ended; at most one per match."""

    __tablename__ = "ending"
    __table_args__ = (
        CheckConstraint(
            f"outcome_score BETWEEN {OUTCOME_SCORE_MIN} AND {OUTCOME_SCORE_MAX}",
            name="outcome_score_range",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    match_id: Mapped[int] = mapped_column(
        ForeignKey("match.id", ondelete="CASCADE"), unique=True, index=True
    )
    ended_on: Mapped[date]
    ending_type: Mapped[EndingType] = mapped_column(enum_type(EndingType, "ending_type"))
    initiated_by: Mapped[EndingInitiator | None] = mapped_column(
        enum_type(EndingInitiator, "initiated_by")
    )
    reason: Mapped[EndingReason] = mapped_column(enum_type(EndingReason, "reason"))
    reason_note: Mapped[str | None] = mapped_column(Text)
    mother_feedback: Mapped[str | None] = mapped_column(Text)
    # The mother's outcome score at this ending (0-10, see mother.OUTCOME_SCORE_*).
    outcome_score: Mapped[int | None]
    # She knows she can come back or be re-referred.
    door_left_open: Mapped[bool] = mapped_column(default=True, server_default=sql_text("1"))

    match: Mapped[Match] = relationship(back_populates="ending")
    onward_services: Mapped[list[LocalService]] = relationship(
        secondary=ending_signpost, passive_deletes=True
    )
    checklist_answers: Mapped[list[EndingChecklistAnswer]] = relationship(
        back_populates="ending",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="EndingChecklistAnswer.position",
    )
    letters: Mapped[list[LetterSent]] = relationship(back_populates="ending", passive_deletes=True)


class EndingChecklistAnswer(Base):
    __tablename__ = "ending_checklist_answer"

    id: Mapped[int] = mapped_column(primary_key=True)
    ending_id: Mapped[int] = mapped_column(ForeignKey("ending.id", ondelete="CASCADE"), index=True)
    template_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("checklist_template_item.id", ondelete="SET NULL"), index=True
    )
    position: Mapped[int] = mapped_column(default=0, server_default=sql_text("0"))
    item_text: Mapped[str] = mapped_column(Text)
    done: Mapped[bool] = mapped_column(default=False, server_default=sql_text("0"))
    done_on: Mapped[date | None]
    note: Mapped[str | None] = mapped_column(Text)

    ending: Mapped[Ending] = relationship(back_populates="checklist_answers")
    template_item: Mapped[ChecklistTemplateItem | None] = relationship()


DEFAULT_CHECKLIST_NAMES: dict[EndingType, str] = {
    EndingType.PLANNED: "Planned ending",
    EndingType.UNPLANNED: "Unplanned ending",
}

DEFAULT_CHECKLISTS: dict[EndingType, list[str]] = {
    EndingType.PLANNED: [
        "Ending date discussed at the start of the match",
        "Ending discussed again about 4 weeks before the end",
        "Final visit arranged",
        "Onward signposting done (record which services)",
        "Mother knows she can come back or be re-referred",
        "Feedback collected from the mother",
        "Referrer told",
        "Volunteer debriefed in supervision",
        "No ongoing private contact, unless the project's model allows it",
        "Records complete",
    ],
    EndingType.UNPLANNED: [
        "Attempts to reach her recorded",
        "Closure letter sent (only if safe to post)",
        "Referrer told",
        "Safeguarding considered",
        "Volunteer debriefed in supervision",
        "Records complete",
    ],
}


def seed_checklists(session: Session) -> int:
    """Create the default (all projects, both models) template for each ending type if it is
    missing. Idempotent; flushes but does not commit. Returns the number of templates added."""
    added = 0
    for ending_type, items in DEFAULT_CHECKLISTS.items():
        existing = session.scalar(
            select(ChecklistTemplate.id).where(
                ChecklistTemplate.project_id.is_(None),
                ChecklistTemplate.model.is_(None),
                ChecklistTemplate.ending_type == ending_type,
            )
        )
        if existing is not None:
            continue
        template = ChecklistTemplate(
            ending_type=ending_type,
            name=DEFAULT_CHECKLIST_NAMES[ending_type],
            items=[
                ChecklistTemplateItem(position=i, text=item_text)
                for i, item_text in enumerate(items)
            ],
        )
        session.add(template)
        added += 1
    session.flush()
    return added
