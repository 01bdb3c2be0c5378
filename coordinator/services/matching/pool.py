"""Every volunteer's matching facts, read in one query and held as columns (numpy arrays
for the checks and points computed for all volunteers at once, lists for the words).

The query is also what the benchmark measures as its floor: reading these columns is what
ranking cannot avoid.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

import numpy as np
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from coordinator.services import geo
from coordinator.services.matching.freshness import pool_version
from coordinator.services.records.list_common import display_name

PARTS = ("morning", "afternoon", "evening")
#: A slot is weekday * 3 + part of day: 21 bits.
SLOT_SQL = "weekday * 3 + CASE part_of_day WHEN 'morning' THEN 0 WHEN 'afternoon' THEN 1 ELSE 2 END"
CURRENT_STATUSES = "('proposed', 'active', 'paused')"

VOLUNTEERS_SQL = f"""
SELECT v.id, v.reference, v.full_name, v.preferred_name, v.status, v.gender, v.date_of_birth,
  v.postcode, v.travel_radius_km, v.max_matches, v.induction_completed_on, v.faith_culture,
  v.status_since,
  (SELECT group_concat(language_id) FROM volunteer_language WHERE volunteer_id = v.id),
  (SELECT group_concat(experience_tag_id) FROM volunteer_experience WHERE volunteer_id = v.id),
  (SELECT sum(1 << ({SLOT_SQL})) FROM volunteer_availability WHERE volunteer_id = v.id),
  (SELECT group_concat(project_id) FROM volunteer_project WHERE volunteer_id = v.id),
  (SELECT group_concat(module_id) FROM volunteer_training WHERE volunteer_id = v.id
     AND completed_on IS NOT NULL AND (refresh_due_on IS NULL OR refresh_due_on >= ?)),
  (SELECT count(*) FROM dbs_check WHERE volunteer_id = v.id),
  (SELECT next_check_due FROM dbs_check WHERE volunteer_id = v.id
     ORDER BY issue_date DESC, id DESC LIMIT 1),
  (SELECT count(*) FROM "match" WHERE volunteer_id = v.id AND status IN {CURRENT_STATUSES}),
  (SELECT max(ended_on) FROM "match" WHERE volunteer_id = v.id AND status = 'ended')
FROM volunteer v ORDER BY v.id
"""


def fetch_volunteer_rows(session: Session, on: date) -> list[tuple[Any, ...]]:
    """The raw rows every ranking starts from (also the benchmark's baseline)."""
    connection = session.connection()
    return connection.exec_driver_sql(VOLUNTEERS_SQL, (on.isoformat(),)).fetchall()


_NONE: frozenset[int] = frozenset()


def _ints(value: str | None) -> frozenset[int]:
    return frozenset(map(int, value.split(","))) if value else _NONE


def _int_sets(values: tuple[str | None, ...]) -> list[frozenset[int]]:
    """Each "3,7" as a set; volunteers share few distinct lists, so each is parsed once."""
    made: dict[str | None, frozenset[int]] = {}
    out = []
    for value in values:
        found = made.get(value)
        if found is None:
            found = made[value] = _ints(value)
        out.append(found)
    return out


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _days(values: list[str | None]) -> np.ndarray:
    """ISO dates as day numbers (NaT-like: a very large number where there is none)."""
    return np.array(
        [date.fromisoformat(v).toordinal() if v else NO_DAY for v in values], dtype=np.int64
    )


NO_DAY = 10**9


def popcount(values: np.ndarray) -> np.ndarray:
    return np.bitwise_count(values.astype(np.uint64)).astype(np.int64)


@dataclass
class VolunteerPool:
    """The volunteers' facts, index i the same in every column."""

    on: date
    ids: list[int]
    references: list[str]
    names: list[str]
    full_names: list[str]
    postcodes: list[str | None]
    faiths: list[str | None]
    languages: list[frozenset[int]]
    experiences: list[frozenset[int]]
    projects: list[frozenset[int]]
    trainings: list[frozenset[int]]
    active: np.ndarray
    statuses: list[str]
    genders: list[str | None]
    birth_days: np.ndarray
    radius_km: np.ndarray
    capacity: np.ndarray
    current: np.ndarray
    has_dbs: np.ndarray
    dbs_due: np.ndarray
    induction_done: np.ndarray
    slots: np.ndarray
    last_ended: list[date | None]
    status_since: list[date | None]
    index_of: dict[int, int] = field(default_factory=dict)
    _sets: dict[Any, Any] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.ids)

    def take(self, indexes: list[int]) -> VolunteerPool:
        """These volunteers only, as a pool of their own (every fact is per volunteer, so
        each is ranked and explained in it exactly as in the whole pool)."""
        values: dict[str, Any] = {"on": self.on}
        for name in self.__dataclass_fields__:
            if name in ("on", "index_of", "_sets"):
                continue
            column = getattr(self, name)
            values[name] = (
                column[indexes] if isinstance(column, np.ndarray) else [column[i] for i in indexes]
            )
        part = VolunteerPool(**values)
        part.index_of = {v: i for i, v in enumerate(part.ids)}
        if "points" in self.__dict__:
            part.__dict__["points"] = tuple(a[indexes] for a in self.points)
        return part

    def member_of(self, what: str, term: int) -> np.ndarray:
        """Boolean column: which volunteers have this project / language / experience /
        training module (cached)."""
        key = (what, term)
        if key not in self._sets:
            column = getattr(self, what)
            self._sets[key] = np.fromiter((term in s for s in column), bool, len(column))
        return self._sets[key]

    def kept(self, key: Any, make: Any) -> Any:
        """A value worked out once per pool (the same for every mother)."""
        if key not in self._sets:
            self._sets[key] = make()
        return self._sets[key]

    def any_of(self, what: str, terms: frozenset[int]) -> np.ndarray:
        found = np.zeros(len(self), bool)
        for term in terms:
            found |= self.member_of(what, term)
        return found

    def count_of(self, what: str, terms: frozenset[int]) -> np.ndarray:
        found = np.zeros(len(self), np.int64)
        for term in terms:
            found += self.member_of(what, term)
        return found

    @cached_property
    def points(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(known, easting, northing) of each volunteer's postcode."""
        located = [_location(p) for p in self.postcodes]
        known = np.array([p is not None for p in located], bool)
        east = np.array([p[0] if p else 0 for p in located], np.float64)
        north = np.array([p[1] if p else 0 for p in located], np.float64)
        return known, east, north


#: postcode as written -> its location: kept between pools (a postcode does not move).
_LOCATED: dict[str | None, tuple[int, int] | None] = {}


def _location(postcode: str | None) -> tuple[int, int] | None:
    if postcode not in _LOCATED:
        if len(_LOCATED) > 200_000:
            _LOCATED.clear()
        _LOCATED[postcode] = geo.location(postcode)
    return _LOCATED[postcode]


#: engine -> (pool version seen, date, pool): the last pool read through each database.
_KEPT: weakref.WeakKeyDictionary[Engine, tuple[int, date, VolunteerPool]] = (
    weakref.WeakKeyDictionary()
)


def volunteer_pool(session: Session, on: date) -> VolunteerPool:
    """The pool, read again only when a commit through this database's engine may have
    changed it since it was last read (freshness.py), or the date changed. Ranking one
    mother after another, or again with other weights, or after a contact was logged,
    then costs no reading. Every write in the app goes through the engine, and the lock
    file keeps other processes out while it is open.

    Inside a transaction that has written (propose, save_plan) the pool is read afresh."""
    engine = session.get_bind()
    if not isinstance(engine, Engine) or session.new or session.dirty or session.deleted:
        return load_pool(session, on)
    version = pool_version(engine)
    kept = _KEPT.get(engine)
    if kept is not None and kept[0] == version and kept[1] == on:
        return kept[2]
    pool = load_pool(session, on)
    _KEPT[engine] = (version, on, pool)
    return pool


def pool_kept(session: Session) -> bool:
    """Whether a pool read earlier through this database's engine is kept (so a ranking
    has been made since it was opened)."""
    return session.get_bind() in _KEPT


def load_pool(session: Session, on: date) -> VolunteerPool:
    """Every volunteer, as columns, read now; `on` decides which training is still current."""
    rows = fetch_volunteer_rows(session, on)
    cols = list(zip(*rows, strict=True)) if rows else [()] * 22
    (ids, refs, full, preferred, status, gender, dob, postcode, radius, max_matches,
     induction, faith, since, langs, exps, slots, projects, trainings, dbs_count, dbs_due,
     current, last_ended) = cols  # fmt: skip
    names = [display_name(f, p) for f, p in zip(full, preferred, strict=True)]
    pool = VolunteerPool(
        on=on,
        ids=list(ids),
        references=[r or "" for r in refs],
        names=names,
        full_names=list(full),
        postcodes=list(postcode),
        faiths=list(faith),
        languages=_int_sets(langs),
        experiences=_int_sets(exps),
        projects=_int_sets(projects),
        trainings=_int_sets(trainings),
        active=np.array([s == "active" for s in status], bool),
        statuses=list(status),
        genders=list(gender),
        birth_days=_days(list(dob)),
        radius_km=np.array([np.nan if r is None else r for r in radius], np.float64),
        capacity=np.array(max_matches, np.int64),
        current=np.array(current, np.int64),
        has_dbs=np.array([n > 0 for n in dbs_count], bool),
        dbs_due=_days(list(dbs_due)),
        induction_done=np.array([d is not None for d in induction], bool),
        slots=np.array([s or 0 for s in slots], np.int64),
        last_ended=[_day(d) for d in last_ended],
        status_since=[_day(d) for d in since],
    )
    pool.index_of = {v: i for i, v in enumerate(pool.ids)}
    return pool
