"""The state one demo run shares, and the small random helpers every step uses.

All randomness comes from one seeded `random.Random` and one seeded Faker instance, and every
date is counted back from `today` (T): the same seed and `today` give the same rows.
"""

from __future__ import annotations

import random
import unicodedata
from datetime import date, datetime
from typing import Any

from faker import Faker
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coordinator import models as m
from coordinator.services.demo.common import at
from coordinator.services.demo.places import PostcodePoint, town_postcodes
from coordinator.services.demo.records import Proj, Vol
from coordinator.services.demo.rows import ID_TABLES, TABLES, Rows
from coordinator.services.demo.words import word_lists

VOCABULARIES = {
    "need": m.Need,
    "language": m.Language,
    "experience": m.ExperienceTag,
    "training": m.TrainingModule,
    "category": m.ServiceCategory,
}
PRACTICE_KINDS = ("Surgery", "Medical Centre", "Health Centre", "Medical Practice")
_ASCII = str.maketrans({"ł": "l", "Ł": "L", "ı": "i", "ø": "o", "ß": "ss", "'": "", " ": ""})


def ascii_fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.translate(_ASCII))
    return "".join(c for c in text if not unicodedata.combining(c))


class Run:
    """Random sources, ids, vocabularies, places, pending rows and what has been made so far."""

    def __init__(self, session: Session, *, seed: int, today: date) -> None:
        self.session, self.T = session, today
        self.rng = random.Random(seed)
        fake = Faker("en_GB")
        fake.seed_instance(seed)
        self.rows = Rows(session)
        self.words = word_lists()
        self.w = self.words.wording
        self.next_id = {
            name: int(session.scalar(select(func.max(TABLES[name].c.id))) or 0) + 1
            for name in ID_TABLES.split()
        }
        self.vocab: dict[str, dict[str, int]] = {}  # kind -> code -> id
        self.labels: dict[str, dict[str, str]] = {}  # kind -> code -> label
        for name, model in VOCABULARIES.items():
            rows = session.execute(select(model.code, model.id, model.label)).all()
            self.vocab[name] = {code: id_ for code, id_, _ in rows}
            self.labels[name] = {code: label for code, _, label in rows}
        self.towns = self.words.towns
        self.town_weights = [(name, t.weight) for name, t in self.towns.items()]
        self.home_town = next(iter(self.towns))  # where the first, "coverage" people live
        self.postcodes = {town: town_postcodes(town) for town in self.towns}
        self.gb_female = [fake.first_name_female() for _ in range(300)]
        self.gb_male = [fake.first_name_male() for _ in range(80)]
        self.gb_surnames = [fake.last_name() for _ in range(400)]
        self.streets = {town: self._streets(fake) for town in self.towns}
        self.practices = {
            town: [f"{self.pick(self.words.street_words)} {kind}" for kind in PRACTICE_KINDS * 2]
            for town in self.towns
        }
        # What has been made so far.
        self.projects: list[Proj] = []
        self.town_projects: dict[str, list[Proj]] = {}
        self.services: dict[str, list[tuple[int, str, str]]] = {}  # town -> id, name, category
        # (project id, ending type) -> checklist items: id, position, text
        self.templates: dict[tuple[int, m.EndingType], list[tuple[int, int, str]]] = {}
        self.vols: list[Vol] = []
        # ("current" | "paused" | "history" | language code, project id, town) -> volunteers
        self.pools: dict[tuple[str, int, str], list[Vol]] = {}
        self.active_count = 0
        self.gap_done = self.busy_done = False  # the match without contacts, the busy one

    def _streets(self, fake: Faker) -> list[str]:
        words = self.words
        return sorted(
            {
                f"{self.pick(words.street_words) if self.chance(0.5) else fake.last_name()}"
                f" {self.pick(words.street_endings)}"
                for _ in range(160)
            }
        )

    # -- small random helpers -------------------------------------------------------------

    def r(self, lo: int, hi: int) -> int:
        return self.rng.randint(lo, hi)

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def pick(self, seq: Any) -> Any:
        return seq[self.rng.randrange(len(seq))]

    def sometimes(self, p: float, seq: Any) -> Any:
        """One of seq with chance p, else None."""
        return self.pick(seq) if self.chance(p) else None

    def weighted(self, pairs: Any) -> Any:
        return self.rng.choices([v for v, _ in pairs], [w for _, w in pairs])[0]

    def clock(self, day: date, first_hour: int, last_hour: int) -> datetime:
        """A time on the quarter hour between the hours given."""
        return at(day, self.r(first_hour, last_hour), self.pick((0, 15, 30, 45)))

    def new_id(self, table: str) -> int:
        value = self.next_id[table]
        self.next_id[table] = value + 1
        return value

    def ids(self, kind: str, codes: list[str]) -> list[int]:
        """The ids of vocabulary codes."""
        return [self.vocab[kind][code] for code in codes]

    # -- people and places ----------------------------------------------------------------

    def person_name(self, culture: str, *, male: bool = False) -> tuple[str, str]:
        c = self.words.cultures[culture]
        if male or not c.female:  # British names (and men's names) come from Faker en_GB
            return self.pick(self.gb_male if male else self.gb_female), self.pick(self.gb_surnames)
        return self.pick(c.female), self.pick(c.surnames)

    def any_name(self) -> str:
        """A professional's or referee's name, from any background."""
        first, last = self.person_name(self.pick(list(self.words.cultures)))
        return f"{first} {last}"

    def email(self, first: str, last: str) -> str:
        local = f"{ascii_fold(first)}.{ascii_fold(last).replace('-', '')}".lower()
        return f"{local}{self.r(1, 99)}@{self.pick(('example.com', 'example.org', 'example.net'))}"

    def mobile(self) -> str:
        return f"07700 900{self.r(0, 999):03d}"

    def landline(self, town: str) -> str:
        return self.towns[town].landline.format(self.r(0, 999))

    def address(self, town: str) -> tuple[str, str | None, PostcodePoint]:
        street = f"{self.r(1, 180)} {self.pick(self.streets[town])}"
        point = self.pick(self.postcodes[town])
        if self.chance(0.12):
            return f"Flat {self.r(1, 24)}", street, point
        return street, None, point

    def slots(self, lo: int, hi: int) -> list[tuple[int, m.PartOfDay]]:
        parts = list(m.PartOfDay)
        choices = [(d, p) for d in range(6) for p in parts if p != m.PartOfDay.EVENING or d < 5]
        return sorted(self.rng.sample(choices, self.r(lo, hi)), key=lambda s: (s[0], s[1].value))
