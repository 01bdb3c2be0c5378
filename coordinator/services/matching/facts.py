"""One mother's matching facts, the labels words are made of, and her summary."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from coordinator import models as m
from coordinator.services import geo
from coordinator.services.matching.pool import PARTS
from coordinator.services.matching.results import MotherSummary
from coordinator.services.records.labels import (
    GENDER_PREFERENCE_LABELS,
    PART_OF_DAY_LABELS,
    WEEKDAY_LABELS,
)
from coordinator.services.records.list_common import display_name

#: Her needs that point to a lived experience a volunteer may share (need code -> tag codes).
NEED_EXPERIENCES: dict[str, tuple[str, ...]] = {
    "young_parent": ("young_mum",),
    "mental_health": ("postnatal_depression", "perinatal_anxiety"),
    "domestic_abuse": ("domestic_abuse",),
    "asylum_refugee_migrant": ("migration",),
    "care_leaver": ("care_experienced",),
    "previous_baby_loss": ("baby_loss",),
    "multiple_birth": ("twins",),
    "single_parent": ("single_parent",),
    "physical_disability_illness": ("disabled_parent",),
}
_WORD = re.compile(r"[^\W_]+")
#: Words too common to show that two faith or culture notes agree.
_COMMON = frozenset(
    [
        "a",
        "an",
        "and",
        "the",
        "of",
        "in",
        "or",
        "not",
        "no",
        "none",
        "with",
        "from",
        "to",
        "her",
        "his",
        "she",
        "he",
        "is",
        "faith",
        "culture",
        "religion",
        "religious",
        "background",
        "practising",
        "practicing",
    ]
)


def content_words(note: str | None) -> frozenset[str]:
    """The words of a free-text note that can carry meaning, folded for comparison."""
    return frozenset(w for w in _WORD.findall((note or "").casefold()) if w not in _COMMON)


def slot_text(slot: int) -> str:
    return f"{WEEKDAY_LABELS[slot // 3]} {PART_OF_DAY_LABELS[m.PartOfDay(PARTS[slot % 3])].lower()}"


def slots_of(mask: int) -> list[int]:
    return [bit for bit in range(21) if mask >> bit & 1]


class Labels:
    """Words for the vocabulary terms and projects (loaded once per ranking)."""

    def __init__(self, session: Session) -> None:
        def table(model):
            return {
                i: (c, label)
                for i, c, label in session.execute(select(model.id, model.code, model.label))
            }

        self.languages = {i: label for i, (_, label) in table(m.Language).items()}
        experiences = table(m.ExperienceTag)
        self.experiences = {i: label for i, (_, label) in experiences.items()}
        self.experience_ids = {code: i for i, (code, _) in experiences.items()}
        self.needs = table(m.Need)
        modules = table(m.TrainingModule)
        self.modules = {i: label for i, (_, label) in modules.items()}
        self.module_ids = {code: i for i, (code, _) in modules.items()}
        self.projects = dict(session.execute(select(m.Project.id, m.Project.name)).all())


@dataclass(frozen=True)
class PastMatch:
    volunteer_id: int
    status: m.MatchStatus
    proposed_on: date
    start_date: date | None
    ended_on: date | None


@dataclass(frozen=True)
class MotherFacts:
    id: int
    reference: str
    name: str
    project_id: int | None
    postcode: str | None
    point: geo.Point | None
    languages: frozenset[int]
    main_language: int | None
    interpreter_needed: bool
    prefers_shared_language: bool
    need_ids: tuple[int, ...]
    wanted: frozenset[int]
    #: Experience tags her needs point to, tag id -> the need's label.
    from_needs: dict[int, str]
    gender: m.GenderPreference
    slots: int
    birth_day: date | None
    faith: str | None
    exclusions: str | None
    stage: m.MotherStage
    past: tuple[PastMatch, ...]


def load_mother(session: Session, mother_id: int, labels: Labels) -> MotherFacts | None:
    mother = session.scalars(
        select(m.Mother)
        .where(m.Mother.id == mother_id)
        .options(
            selectinload(m.Mother.other_languages),
            selectinload(m.Mother.needs),
            selectinload(m.Mother.wanted_experiences),
            selectinload(m.Mother.availability),
            selectinload(m.Mother.matches),
        )
    ).one_or_none()
    if mother is None:
        return None
    languages = {lang.id for lang in mother.other_languages}
    if mother.language_id is not None:
        languages.add(mother.language_id)
    from_needs: dict[int, str] = {}
    for need in mother.needs:
        for code in NEED_EXPERIENCES.get(need.code, ()):
            tag = labels.experience_ids.get(code)
            if tag is not None:
                from_needs.setdefault(tag, need.label)
    slots = 0
    for slot in mother.availability:
        slots |= 1 << (slot.weekday * 3 + PARTS.index(slot.part_of_day.value))
    past = tuple(
        PastMatch(x.volunteer_id, x.status, x.proposed_on, x.start_date, x.ended_on)
        for x in sorted(mother.matches, key=lambda x: x.id)
    )
    return MotherFacts(
        id=mother.id,
        reference=mother.reference or "",
        name=display_name(mother.full_name, mother.preferred_name),
        project_id=mother.project_id,
        postcode=mother.postcode,
        point=geo.location(mother.postcode),
        languages=frozenset(languages),
        main_language=mother.language_id,
        interpreter_needed=mother.interpreter_needed,
        prefers_shared_language=mother.prefers_shared_language,
        need_ids=tuple(n.id for n in mother.needs),
        wanted=frozenset(t.id for t in mother.wanted_experiences),
        from_needs=from_needs,
        gender=mother.preferred_volunteer_gender,
        slots=slots,
        birth_day=mother.date_of_birth,
        faith=mother.culture_faith_preference,
        exclusions=mother.matching_exclusions,
        stage=mother.stage,
        past=past,
    )


def summary(facts: MotherFacts, labels: Labels) -> MotherSummary:
    main_language = facts.main_language
    others = sorted(labels.languages[i] for i in facts.languages if i != main_language)
    notes = []
    if facts.prefers_shared_language:
        notes.append("Would like someone who speaks her language")
    if others:
        notes.append("Also speaks " + ", ".join(others))
    if facts.faith:
        notes.append(f"Culture or faith: {facts.faith}")
    if facts.exclusions:
        notes.append(f"Avoid: {facts.exclusions}")
    return MotherSummary(
        mother_id=facts.id,
        reference=facts.reference,
        name=facts.name,
        project_id=facts.project_id,
        project_name=labels.projects.get(facts.project_id) if facts.project_id else None,
        postcode=facts.postcode,
        language=labels.languages.get(main_language) if main_language else None,
        interpreter_needed=facts.interpreter_needed,
        needs=tuple(labels.needs[i][1] for i in facts.need_ids),
        wants_shared_experience=tuple(sorted(labels.experiences[i] for i in facts.wanted)),
        gender_preference=GENDER_PREFERENCE_LABELS[facts.gender],
        availability=tuple(slot_text(s) for s in slots_of(facts.slots)),
        travel_radius_km=None,
        notes=tuple(notes),
    )
