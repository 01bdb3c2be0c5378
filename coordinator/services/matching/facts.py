"""One mother's matching facts, the labels words are made of, and her summary."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from sqlalchemy import select
from sqlalchemy.orm import Session

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


@lru_cache(maxsize=8192)  # volunteers' notes repeat ("Muslim", "Catholic"): each read once
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
        self.need_order = {
            i: (order, i) for i, order in session.execute(select(m.Need.id, m.Need.sort_order))
        }
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
    return load_mothers(session, [mother_id], labels).get(mother_id)


def load_mothers(session: Session, ids: list[int], labels: Labels) -> dict[int, MotherFacts]:
    """The facts of these mothers (those still there), by id: a few plain queries per 500."""
    found: dict[int, MotherFacts] = {}
    for start in range(0, len(ids), 500):
        part = ids[start : start + 500]
        found.update(_load_part(session, part, labels))
    return found


def _pairs(session: Session, table, column: str, part: list[int]) -> dict[int, list]:
    by_mother: dict[int, list] = {}
    for owner, value in session.execute(
        select(table.c.mother_id, table.c[column]).where(table.c.mother_id.in_(part))
    ):
        by_mother.setdefault(owner, []).append(value)
    return by_mother


def _load_part(session: Session, part: list[int], labels: Labels) -> dict[int, MotherFacts]:
    M = m.Mother
    others = _pairs(session, m.mother_language, "language_id", part)
    needs = _pairs(session, m.mother_need, "need_id", part)
    wanted = _pairs(session, m.mother_wanted_experience, "experience_tag_id", part)
    slots: dict[int, int] = {}
    slot_table = m.MotherAvailability.__table__
    for owner, weekday, part_of_day in session.execute(
        select(slot_table.c.mother_id, slot_table.c.weekday, slot_table.c.part_of_day).where(
            slot_table.c.mother_id.in_(part)
        )
    ):
        slots[owner] = slots.get(owner, 0) | 1 << (weekday * 3 + PARTS.index(str(part_of_day)))
    past: dict[int, list[PastMatch]] = {}
    X = m.Match
    for row in session.execute(
        select(X.mother_id, X.volunteer_id, X.status, X.proposed_on, X.start_date, X.ended_on)
        .where(X.mother_id.in_(part))
        .order_by(X.id)
    ):
        past.setdefault(row[0], []).append(PastMatch(*row[1:]))
    columns = (
        M.id, M.reference, M.full_name, M.preferred_name, M.project_id, M.postcode,
        M.language_id, M.interpreter_needed, M.prefers_shared_language,
        M.preferred_volunteer_gender, M.date_of_birth, M.culture_faith_preference,
        M.matching_exclusions, M.stage,
    )  # fmt: skip
    found: dict[int, MotherFacts] = {}
    for r in session.execute(select(*columns).where(M.id.in_(part))):
        languages = set(others.get(r.id, ()))
        if r.language_id is not None:
            languages.add(r.language_id)
        need_ids = sorted(needs.get(r.id, ()), key=lambda i: labels.need_order.get(i, (0, i)))
        from_needs: dict[int, str] = {}
        for need in need_ids:
            code, label = labels.needs[need]
            for tag_code in NEED_EXPERIENCES.get(code, ()):
                tag = labels.experience_ids.get(tag_code)
                if tag is not None:
                    from_needs.setdefault(tag, label)
        found[r.id] = MotherFacts(
            id=r.id,
            reference=r.reference or "",
            name=display_name(r.full_name, r.preferred_name),
            project_id=r.project_id,
            postcode=r.postcode,
            point=geo.location(r.postcode),
            languages=frozenset(languages),
            main_language=r.language_id,
            interpreter_needed=bool(r.interpreter_needed),
            prefers_shared_language=bool(r.prefers_shared_language),
            need_ids=tuple(need_ids),
            wanted=frozenset(wanted.get(r.id, ())),
            from_needs=from_needs,
            gender=m.GenderPreference(r.preferred_volunteer_gender),
            slots=slots.get(r.id, 0),
            birth_day=r.date_of_birth,
            faith=r.culture_faith_preference,
            exclusions=r.matching_exclusions,
            stage=m.MotherStage(r.stage),
            past=tuple(past.get(r.id, ())),
        )
    return found


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
