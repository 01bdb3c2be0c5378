"""A project's matching rules: a weight and direction per soft criterion, and the hard
checks it asks for (training modules, induction, a shared language for a mother who needs
an interpreter).

A project with no rows here uses the defaults declared in services.matching.rules; the
criterion codes are that module's.
"""

from __future__ import annotations

from sqlalchemy import CheckConstraint, Column, ForeignKey, Table, text
from sqlalchemy.orm import Mapped, mapped_column

from coordinator.models.base import Base, enum_type
from coordinator.models.match import CriterionDirection


class MatchingRule(Base):
    """One soft criterion's weight (0 = ignored) and direction in one project."""

    __tablename__ = "matching_rule"
    __table_args__ = (CheckConstraint("weight BETWEEN 0 AND 10", name="weight_range"),)

    project_id: Mapped[int] = mapped_column(
        ForeignKey("project.id", ondelete="CASCADE"), primary_key=True
    )
    criterion: Mapped[str] = mapped_column(primary_key=True)
    weight: Mapped[int]
    direction: Mapped[CriterionDirection] = mapped_column(
        enum_type(CriterionDirection, "direction"),
        default=CriterionDirection.NONE,
        server_default=CriterionDirection.NONE.value,
    )


class MatchingSetting(Base):
    """The hard checks a project asks for besides the ones every match has."""

    __tablename__ = "matching_setting"

    project_id: Mapped[int] = mapped_column(
        ForeignKey("project.id", ondelete="CASCADE"), primary_key=True
    )
    induction_required: Mapped[bool] = mapped_column(default=True, server_default=text("1"))
    language_required_for_interpreter: Mapped[bool] = mapped_column(
        default=True, server_default=text("1")
    )


# Training modules a volunteer must have completed (and not let lapse) to be matched here.
matching_required_training = Table(
    "matching_required_training",
    Base.metadata,
    Column("project_id", ForeignKey("project.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "training_module_id",
        ForeignKey("training_module.id", ondelete="RESTRICT"),
        primary_key=True,
        index=True,
    ),
)
