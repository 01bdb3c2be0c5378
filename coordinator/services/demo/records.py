"""What later steps of a demo run need to know about the projects and people already made."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from coordinator import models as m
from coordinator.services.demo.places import PostcodePoint


@dataclass(slots=True, eq=False)
class Proj:
    id: int
    model: m.SupportModel
    towns: tuple[str, ...]
    coordinator: str
    interval_weeks: int  # supervision
    step: int  # usual days between contacts
    numbers_shared: bool
    norm: m.VisitFrequency


@dataclass(slots=True, eq=False)
class Vol:
    id: int
    status: m.VolunteerStatus
    town: str
    projects: list[Proj]
    name: str
    gender: m.Gender
    languages: list[str]
    experiences: list[str]
    slots: list[tuple[int, m.PartOfDay]]
    point: PostcodePoint
    max_matches: int
    active_from: date | None = None
    window_end: date | None = None  # the last day she could be supporting anyone
    paused_on: date | None = None
    current: int = 0  # matches not ended
    spans: list[tuple[date, date | None, int]] = field(default_factory=list)  # from, to, match
    busy_match: bool = False


@dataclass(slots=True)
class Dates:
    """A mother's dates; later steps stay None until she reaches them. R referral received,
    C contacted, A assessed, W waiting, P match proposed, S started, E ended, X closed."""

    R: date
    edd: date
    dob: date | None
    weeks: int | None
    C: date | None = None
    A: date | None = None
    W: date | None = None
    P: date | None = None
    S: date | None = None
    intro: date | None = None
    planned_end: date | None = None
    paused: date | None = None
    E: date | None = None
    X: date | None = None
    reached: m.MotherStage = m.MotherStage.RECEIVED


@dataclass(slots=True, eq=False)
class Mo:
    """The mother being made."""

    id: int
    covering: bool  # one of the first mothers, made so that every stage shows
    town: str
    culture: str
    first: str
    last: str
    age: int
    language: str
    interpreter: bool
    needs: list[str]
    wanted: list[str]
    multiple: bool
    other_children: int
    slots: list[tuple[int, m.PartOfDay]]
    point: PostcodePoint
    services: list[tuple[int, str, str]]  # relevant local services: id, name, category
    no_letters_home: bool
    no_voicemail: bool
    email: str | None
    gender_pref: m.GenderPreference
    referrer: str | None = None
    concern: bool = False
    end_score: int | None = None
    ending_reason: m.EndingReason | None = None
    ending_by: m.EndingInitiator | None = None
