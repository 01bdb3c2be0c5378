"""The Mother aggregate: the woman supported, her referral, needs and matching preferences.

Her owned child rows (consents, safeguarding concerns, other professionals, stage history,
letters) live in mother_detail.py. Her monitoring answers are all optional.
"""

from __future__ import annotations

import enum
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import (
    CheckConstraint,
    Column,
    ColumnElement,
    ForeignKey,
    Index,
    Table,
    Text,
    exists,
    text,
)
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, mapped_column, relationship

from coordinator.models.base import Base, TimestampMixin, enum_type
from coordinator.models.vocabulary import AvailabilityMixin, ExperienceTag, Language, Need
from coordinator.words import N_

if TYPE_CHECKING:
    from coordinator.models.match import Match
    from coordinator.models.mother_detail import (
        Consent,
        LetterSent,
        MotherStageChange,
        Professional,
        SafeguardingConcern,
    )
    from coordinator.models.project import Project


class MotherStage(enum.StrEnum):
    """received -> contacted -> assessed -> waiting (for a match) -> matched -> closed."""

    RECEIVED = "received"
    CONTACTED = "contacted"
    ASSESSED = "assessed"
    WAITING = "waiting"
    MATCHED = "matched"
    CLOSED = "closed"


class ClosureReason(enum.StrEnum):
    """Why a referral was not accepted, or why a mother's record was closed."""

    DECLINED = "declined"
    NOT_ELIGIBLE = "not_eligible"
    MOVED_AWAY = "moved_away"
    NO_RESPONSE = "no_response"
    REFERRED_ELSEWHERE = "referred_elsewhere"
    SUPPORT_COMPLETE = "support_complete"
    OTHER = "other"


class ReferralSource(enum.StrEnum):
    MIDWIFE = "midwife"
    HEALTH_VISITOR = "health_visitor"
    GP = "gp"
    PERINATAL_MENTAL_HEALTH = "perinatal_mental_health"
    SOCIAL_WORKER = "social_worker"
    CHILDRENS_CENTRE = "childrens_centre"
    OTHER_CHARITY = "other_charity"
    SELF = "self"
    OTHER = "other"


class SafeContactMethod(enum.StrEnum):
    PHONE = "phone"
    TEXT = "text"
    EMAIL = "email"
    LETTER = "letter"
    VIA_REFERRER = "via_referrer"
    IN_PERSON = "in_person"


class GenderPreference(enum.StrEnum):
    """The gender a mother would like her volunteer to be."""

    ANY = "any"
    FEMALE = "female"
    MALE = "male"
    NON_BINARY = "non_binary"


class Ethnicity(enum.StrEnum):
    """ONS 2021 Census ethnic groups for England and Wales (19), plus prefer not to say."""

    ASIAN_BANGLADESHI = "asian_bangladeshi"
    ASIAN_CHINESE = "asian_chinese"
    ASIAN_INDIAN = "asian_indian"
    ASIAN_PAKISTANI = "asian_pakistani"
    ASIAN_OTHER = "asian_other"
    BLACK_AFRICAN = "black_african"
    BLACK_CARIBBEAN = "black_caribbean"
    BLACK_OTHER = "black_other"
    MIXED_WHITE_ASIAN = "mixed_white_asian"
    MIXED_WHITE_BLACK_AFRICAN = "mixed_white_black_african"
    MIXED_WHITE_BLACK_CARIBBEAN = "mixed_white_black_caribbean"
    MIXED_OTHER = "mixed_other"
    WHITE_BRITISH = "white_british"
    WHITE_IRISH = "white_irish"
    WHITE_GYPSY_IRISH_TRAVELLER = "white_gypsy_irish_traveller"
    WHITE_ROMA = "white_roma"
    WHITE_OTHER = "white_other"
    OTHER_ARAB = "other_arab"
    OTHER_ANY = "other_any"
    PREFER_NOT_TO_SAY = "prefer_not_to_say"


ETHNICITY_LABELS: dict[Ethnicity, str] = {
    Ethnicity.ASIAN_BANGLADESHI: N_("Asian: Bangladeshi"),
    Ethnicity.ASIAN_CHINESE: N_("Asian: Chinese"),
    Ethnicity.ASIAN_INDIAN: N_("Asian: Indian"),
    Ethnicity.ASIAN_PAKISTANI: N_("Asian: Pakistani"),
    Ethnicity.ASIAN_OTHER: N_("Asian: any other Asian background"),
    Ethnicity.BLACK_AFRICAN: N_("Black: African"),
    Ethnicity.BLACK_CARIBBEAN: N_("Black: Caribbean"),
    Ethnicity.BLACK_OTHER: N_("Black: any other Black, Black British or Caribbean background"),
    Ethnicity.MIXED_WHITE_ASIAN: N_("Mixed: White and Asian"),
    Ethnicity.MIXED_WHITE_BLACK_AFRICAN: N_("Mixed: White and Black African"),
    Ethnicity.MIXED_WHITE_BLACK_CARIBBEAN: N_("Mixed: White and Black Caribbean"),
    Ethnicity.MIXED_OTHER: N_("Mixed: any other Mixed or multiple ethnic background"),
    Ethnicity.WHITE_BRITISH: N_("White: English, Welsh, Scottish, Northern Irish or British"),
    Ethnicity.WHITE_IRISH: N_("White: Irish"),
    Ethnicity.WHITE_GYPSY_IRISH_TRAVELLER: N_("White: Gypsy or Irish Traveller"),
    Ethnicity.WHITE_ROMA: N_("White: Roma"),
    Ethnicity.WHITE_OTHER: N_("White: any other White background"),
    Ethnicity.OTHER_ARAB: N_("Other ethnic group: Arab"),
    Ethnicity.OTHER_ANY: N_("Other ethnic group: any other ethnic group"),
    Ethnicity.PREFER_NOT_TO_SAY: N_("Prefer not to say"),
}


class Disability(enum.StrEnum):
    YES = "yes"
    NO = "no"
    PREFER_NOT_TO_SAY = "prefer_not_to_say"


# Outcome scores (start and end, here and on Ending) use a 0-10 scale: 0 = struggling a lot,
# 10 = coping well. The question wording is the charity's; only the range is fixed.
OUTCOME_SCORE_MIN = 0
OUTCOME_SCORE_MAX = 10

mother_need = Table(
    "mother_need",
    Base.metadata,
    Column("mother_id", ForeignKey("mother.id", ondelete="CASCADE"), primary_key=True),
    Column("need_id", ForeignKey("need.id", ondelete="RESTRICT"), primary_key=True, index=True),
)

# Languages she speaks besides her main one (Mother.language_id).
mother_language = Table(
    "mother_language",
    Base.metadata,
    Column("mother_id", ForeignKey("mother.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "language_id",
        ForeignKey("language.id", ondelete="RESTRICT"),
        primary_key=True,
        index=True,
    ),
)

# Lived experience she would like her volunteer to share.
mother_wanted_experience = Table(
    "mother_wanted_experience",
    Base.metadata,
    Column("mother_id", ForeignKey("mother.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "experience_tag_id",
        ForeignKey("experience_tag.id", ondelete="RESTRICT"),
        primary_key=True,
        index=True,
    ),
)


class Mother(TimestampMixin, Base):
    __tablename__ = "mother"
    __table_args__ = (
        CheckConstraint("other_children >= 0", name="other_children_non_negative"),
        CheckConstraint("weeks_pregnant_at_referral BETWEEN 0 AND 45", name="weeks_pregnant_range"),
        CheckConstraint(
            "closure_reason IS NULL OR stage = 'closed'", name="closure_reason_only_when_closed"
        ),
        CheckConstraint(
            f"start_outcome_score BETWEEN {OUTCOME_SCORE_MIN} AND {OUTCOME_SCORE_MAX}",
            name="start_outcome_score_range",
        ),
        CheckConstraint(
            f"end_outcome_score BETWEEN {OUTCOME_SCORE_MIN} AND {OUTCOME_SCORE_MAX}",
            name="end_outcome_score_range",
        ),
        # Today's referral and baby's-age rules, read from the index alone (migration 0007):
        # their stage, the dates they compare and the names they show.
        Index(
            "ix_mother_stage_today",
            "stage",
            "referral_received_on",
            "stage_changed_on",
            "baby_dob",
            "project_id",
            "reference",
            "preferred_name",
            "full_name",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # "M0042": given on first save, never changed or reused (models.reference). The column
    # allows NULL only because SQLite adds columns that way; every row has one.
    reference: Mapped[str | None] = mapped_column(unique=True, index=True)

    # Identity
    full_name: Mapped[str] = mapped_column(index=True)
    preferred_name: Mapped[str | None]
    date_of_birth: Mapped[date | None]
    address_line1: Mapped[str | None]
    address_line2: Mapped[str | None]
    town: Mapped[str | None]
    postcode: Mapped[str | None] = mapped_column(index=True)
    phone: Mapped[str | None]
    email: Mapped[str | None]

    # Safe contact
    safe_contact_method: Mapped[SafeContactMethod | None] = mapped_column(
        enum_type(SafeContactMethod, "safe_contact_method")
    )
    safe_contact_times: Mapped[str | None] = mapped_column(Text)
    no_letters_home: Mapped[bool] = mapped_column(default=False, server_default=text("0"))
    no_voicemail: Mapped[bool] = mapped_column(default=False, server_default=text("0"))
    safe_contact_notes: Mapped[str | None] = mapped_column(Text)
    # Where letters to her may go when her home may not be written to (a friend's, her
    # midwife's clinic): the lines of the address block after her name.
    safe_address: Mapped[str | None] = mapped_column(Text)

    # Language (main one here; others in mother_language)
    language_id: Mapped[int | None] = mapped_column(
        ForeignKey("language.id", ondelete="SET NULL"), index=True
    )
    interpreter_needed: Mapped[bool] = mapped_column(default=False, server_default=text("0"))

    # Project: None until she has been assessed.
    project_id: Mapped[int | None] = mapped_column(
        ForeignKey("project.id", ondelete="RESTRICT"), index=True
    )

    # Pregnancy and baby
    edd: Mapped[date | None]
    edd_is_approximate: Mapped[bool] = mapped_column(default=False, server_default=text("0"))
    weeks_pregnant_at_referral: Mapped[int | None]
    baby_dob: Mapped[date | None]
    multiple_birth: Mapped[bool] = mapped_column(default=False, server_default=text("0"))
    other_children: Mapped[int] = mapped_column(default=0, server_default=text("0"))
    midwife_name: Mapped[str | None]
    health_visitor_name: Mapped[str | None]
    gp_name: Mapped[str | None]
    gp_practice: Mapped[str | None]

    # Referral
    referral_received_on: Mapped[date] = mapped_column(index=True)
    referral_source: Mapped[ReferralSource | None] = mapped_column(
        enum_type(ReferralSource, "referral_source")
    )
    referrer_name: Mapped[str | None]
    referrer_agency: Mapped[str | None]
    referrer_phone: Mapped[str | None]
    referrer_email: Mapped[str | None]
    referral_reasons: Mapped[str | None] = mapped_column(Text)

    # Stage (history in MotherStageChange)
    stage: Mapped[MotherStage] = mapped_column(
        enum_type(MotherStage, "stage"),
        default=MotherStage.RECEIVED,
        server_default=MotherStage.RECEIVED.value,
        index=True,
    )
    stage_changed_on: Mapped[date | None]
    closure_reason: Mapped[ClosureReason | None] = mapped_column(
        enum_type(ClosureReason, "closure_reason")
    )
    closure_reason_note: Mapped[str | None] = mapped_column(Text)

    support_plan: Mapped[str | None] = mapped_column(Text)
    # Anything else the coordinator keeps about her (a spreadsheet's "Notes" column lands here)
    notes: Mapped[str | None] = mapped_column(Text)

    # Matching preferences (criterion directions are matching settings, not stored here)
    prefers_shared_language: Mapped[bool] = mapped_column(default=False, server_default=text("0"))
    culture_faith_preference: Mapped[str | None] = mapped_column(Text)
    preferred_volunteer_gender: Mapped[GenderPreference] = mapped_column(
        enum_type(GenderPreference, "preferred_volunteer_gender"),
        default=GenderPreference.ANY,
        server_default=GenderPreference.ANY.value,
    )
    matching_exclusions: Mapped[str | None] = mapped_column(Text)

    # Monitoring (optional, for funder reports; age band is derived from date_of_birth)
    ethnicity: Mapped[Ethnicity | None] = mapped_column(enum_type(Ethnicity, "ethnicity"))
    disability: Mapped[Disability | None] = mapped_column(enum_type(Disability, "disability"))
    start_outcome_score: Mapped[int | None]
    end_outcome_score: Mapped[int | None]

    # Relationships
    language: Mapped[Language | None] = relationship()
    other_languages: Mapped[list[Language]] = relationship(
        secondary=mother_language, passive_deletes=True, order_by="Language.sort_order"
    )
    project: Mapped[Project | None] = relationship(back_populates="mothers")
    needs: Mapped[list[Need]] = relationship(
        secondary=mother_need, passive_deletes=True, order_by="Need.sort_order"
    )
    wanted_experiences: Mapped[list[ExperienceTag]] = relationship(
        secondary=mother_wanted_experience,
        passive_deletes=True,
        order_by="ExperienceTag.sort_order",
    )
    availability: Mapped[list[MotherAvailability]] = relationship(
        back_populates="mother", cascade="all, delete-orphan", passive_deletes=True
    )
    consents: Mapped[list[Consent]] = relationship(
        back_populates="mother", cascade="all, delete-orphan", passive_deletes=True
    )
    safeguarding_concerns: Mapped[list[SafeguardingConcern]] = relationship(
        back_populates="mother",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="SafeguardingConcern.raised_on",
    )
    professionals: Mapped[list[Professional]] = relationship(
        back_populates="mother", cascade="all, delete-orphan", passive_deletes=True
    )
    stage_changes: Mapped[list[MotherStageChange]] = relationship(
        back_populates="mother",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="MotherStageChange.changed_on",
    )
    letters: Mapped[list[LetterSent]] = relationship(
        back_populates="mother", cascade="all, delete-orphan", passive_deletes=True
    )
    # A mother with matches cannot be deleted (ON DELETE RESTRICT): close her record instead.
    matches: Mapped[list[Match]] = relationship(back_populates="mother", passive_deletes="all")

    @property
    def display_name(self) -> str:
        return self.preferred_name or self.full_name

    @hybrid_property
    def has_open_safeguarding(self) -> bool:
        return any(c.resolved_on is None for c in self.safeguarding_concerns)

    @has_open_safeguarding.inplace.expression
    @classmethod
    def _has_open_safeguarding_expression(cls) -> ColumnElement[bool]:
        from coordinator.models.mother_detail import SafeguardingConcern

        return exists().where(
            SafeguardingConcern.mother_id == cls.id, SafeguardingConcern.resolved_on.is_(None)
        )

    def __repr__(self) -> str:
        return f"<Mother {self.id}>"


class MotherAvailability(AvailabilityMixin, Base):
    """When she can usually meet: one row per (weekday, part of day)."""

    __tablename__ = "mother_availability"

    mother_id: Mapped[int] = mapped_column(
        ForeignKey("mother.id", ondelete="CASCADE"), primary_key=True, sort_order=-10
    )
    mother: Mapped[Mother] = relationship(back_populates="availability")
