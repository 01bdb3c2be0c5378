"""Editable controlled vocabularies, and the small shapes several aggregates share.

Each vocabulary is its own table with the same columns (see VocabularyMixin). Entries are
retired by setting ``active = False`` rather than deleted: rows that use them refer to them
with ON DELETE RESTRICT so history keeps its meaning.
"""

from __future__ import annotations

import enum
from typing import Any

from sqlalchemy import CheckConstraint, select, text
from sqlalchemy.orm import Mapped, Session, declared_attr, mapped_column

from coordinator.models.base import Base, enum_type


class VisitFrequency(enum.StrEnum):
    """How often a volunteer and a mother usually meet (project norm or agreed per match)."""

    WEEKLY = "weekly"
    FORTNIGHTLY = "fortnightly"
    MONTHLY = "monthly"
    BY_AGREEMENT = "by_agreement"


class PartOfDay(enum.StrEnum):
    MORNING = "morning"
    AFTERNOON = "afternoon"
    EVENING = "evening"


class VocabularyMixin:
    """id, code (unique), label, sort_order, active: the shape of every vocabulary table."""

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(unique=True)
    label: Mapped[str]
    sort_order: Mapped[int] = mapped_column(default=0, server_default=text("0"))
    active: Mapped[bool] = mapped_column(default=True, server_default=text("1"))

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.code}>"


class Need(VocabularyMixin, Base):
    __tablename__ = "need"


class Language(VocabularyMixin, Base):
    __tablename__ = "language"


class ExperienceTag(VocabularyMixin, Base):
    """Lived experience a volunteer has, or a mother would like her volunteer to share."""

    __tablename__ = "experience_tag"


class TrainingModule(VocabularyMixin, Base):
    __tablename__ = "training_module"


class ServiceCategory(VocabularyMixin, Base):
    __tablename__ = "service_category"


class AvailabilityMixin:
    """A weekly availability slot: weekday (0 = Monday .. 6 = Sunday) and part of the day.

    Subclasses add the owner's foreign key as the first primary-key column; the slot columns
    complete the composite primary key, so a slot cannot be recorded twice.
    """

    weekday: Mapped[int] = mapped_column(primary_key=True)
    part_of_day: Mapped[PartOfDay] = mapped_column(
        enum_type(PartOfDay, "part_of_day"), primary_key=True
    )

    @declared_attr.directive
    def __table_args__(cls) -> tuple[Any, ...]:
        return (CheckConstraint("weekday BETWEEN 0 AND 6", name="weekday_range"),)


DEFAULT_VOCABULARIES: dict[type[VocabularyMixin], list[tuple[str, str]]] = {
    Need: [
        ("young_parent", "Young parent (under 20)"),
        ("first_baby", "First baby"),
        ("social_isolation", "Social isolation"),
        ("mental_health", "Current or past mental health difficulty"),
        ("domestic_abuse", "Domestic abuse"),
        ("asylum_refugee_migrant", "Asylum seeker / refugee / recent migrant"),
        ("limited_english", "Limited English"),
        ("housing_problems", "Housing problems"),
        ("financial_hardship", "Financial hardship"),
        ("learning_disability", "Learning disability"),
        ("physical_disability_illness", "Physical disability or long-term illness"),
        ("substance_misuse", "Substance misuse"),
        ("care_leaver", "Care leaver"),
        ("previous_baby_loss", "Previous baby loss"),
        ("multiple_birth", "Multiple birth"),
        ("single_parent", "Single parent"),
        ("no_recourse_public_funds", "No recourse to public funds"),
    ],
    Language: [
        ("en", "English"),
        ("pl", "Polish"),
        ("ur", "Urdu"),
        ("pa", "Punjabi"),
        ("bn", "Bengali"),
        ("ar", "Arabic"),
        ("so", "Somali"),
        ("ro", "Romanian"),
        ("pt", "Portuguese"),
        ("ti", "Tigrinya"),
        ("fa", "Farsi"),
        ("ku", "Kurdish"),
        ("ps", "Pashto"),
        ("tr", "Turkish"),
        ("lt", "Lithuanian"),
        ("uk", "Ukrainian"),
        ("fr", "French"),
        ("es", "Spanish"),
        ("gu", "Gujarati"),
        ("ta", "Tamil"),
        ("bfi", "British Sign Language"),
    ],
    ExperienceTag: [
        ("young_mum", "Young mum"),
        ("migration", "Migration / seeking asylum"),
        ("birth_trauma", "Birth trauma"),
        ("postnatal_depression", "Postnatal depression"),
        ("perinatal_anxiety", "Perinatal anxiety"),
        ("twins", "Twins or multiple birth"),
        ("breastfeeding", "Breastfeeding"),
        ("baby_loss", "Baby loss"),
        ("premature_baby", "Premature baby / neonatal unit"),
        ("single_parent", "Single parent"),
        ("domestic_abuse", "Domestic abuse"),
        ("care_experienced", "Care experienced"),
        ("disabled_parent", "Disabled parent"),
    ],
    TrainingModule: [
        ("core_peer_support", "Core peer support training"),
        ("safeguarding", "Safeguarding adults and children"),
        ("perinatal_mental_health", "Perinatal mental health awareness"),
        ("boundaries_confidentiality", "Boundaries and confidentiality"),
        ("infant_feeding", "Infant feeding"),
        ("domestic_abuse", "Domestic abuse awareness"),
        ("lone_working", "Lone working"),
        ("record_keeping", "Record keeping"),
    ],
    ServiceCategory: [
        ("perinatal_mental_health", "Perinatal mental health"),
        ("breastfeeding", "Breastfeeding"),
        ("infant_feeding", "Infant feeding"),
        ("housing", "Housing"),
        ("food_bank", "Food bank"),
        ("baby_bank", "Baby bank"),
        ("domestic_abuse", "Domestic abuse"),
        ("benefits_money", "Benefits / money advice"),
        ("immigration_advice", "Immigration advice"),
        ("english_classes", "English classes"),
        ("parent_groups", "Parent groups"),
        ("gp_health", "GP / health"),
    ],
}


def seed_vocabularies(session: Session) -> int:
    """Insert every default code that is missing; never changes existing rows.

    Idempotent. Flushes but does not commit. Returns the number of rows added.
    """
    added = 0
    for model, entries in DEFAULT_VOCABULARIES.items():
        existing = set(session.scalars(select(model.code)))  # type: ignore[attr-defined]
        for position, (code, label) in enumerate(entries):
            if code not in existing:
                session.add(model(code=code, label=label, sort_order=(position + 1) * 10))  # type: ignore[call-arg]
                added += 1
    session.flush()
    return added
