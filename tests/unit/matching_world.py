"""Made-up volunteers and mothers for the matching engine, without a database: a pool built
from plain values, as load_pool would build it from rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from types import SimpleNamespace

import numpy as np
from hypothesis import strategies as st

from coordinator import models as m
from coordinator.services.matching.facts import MotherFacts
from coordinator.services.matching.pool import NO_DAY, VolunteerPool

TODAY = date(2026, 12, 2)
LANGUAGES = {1: "English", 2: "Polish", 3: "Urdu", 4: "Somali"}
EXPERIENCES = {1: "Young mum", 2: "Birth trauma", 3: "Twins", 4: "Migration"}
MODULES = {1: "Safeguarding", 2: "Core training"}
PROJECTS = {1: "Bumps", 2: "Steps"}
#: Postcodes in the data, with their (easting, northing) in metres.
PLACES = {"LS6 1AA": (428000, 436000), "LS7 1AA": (430500, 437500), "LS1 1AA": (429000, 433400)}


def labels() -> SimpleNamespace:
    return SimpleNamespace(
        languages=LANGUAGES,
        experiences=EXPERIENCES,
        experience_ids={"young_mum": 1},
        needs={1: ("young_parent", "Young parent")},
        need_order={},
        modules=MODULES,
        module_ids={"safeguarding": 1, "core": 2},
        projects=PROJECTS,
    )


@dataclass
class Vol:
    status: str = "active"
    projects: frozenset[int] = frozenset({1})
    languages: frozenset[int] = frozenset({1})
    experiences: frozenset[int] = frozenset()
    trainings: frozenset[int] = frozenset({1, 2})
    gender: str | None = "female"
    born: date | None = date(1990, 1, 1)
    postcode: str | None = "LS7 1AA"
    radius: float | None = 10.0
    capacity: int = 2
    current: int = 0
    has_dbs: bool = True
    dbs_due: date | None = date(2028, 1, 1)
    inducted: bool = True
    slots: int = 0b11
    faith: str | None = None
    last_ended: date | None = None
    since: date | None = date(2025, 1, 1)
    name: str = field(default="")


def pool_of(vols: list[Vol], on: date = TODAY) -> VolunteerPool:
    def days(values):
        return np.array([d.toordinal() if d else NO_DAY for d in values], np.int64)

    n = len(vols)
    pool = VolunteerPool(
        on=on,
        ids=list(range(1, n + 1)),
        references=[f"V{i:04d}" for i in range(1, n + 1)],
        names=[v.name or f"Vol{i} Person" for i, v in enumerate(vols, 1)],
        full_names=[v.name or f"Vol{i} Person" for i, v in enumerate(vols, 1)],
        postcodes=[v.postcode for v in vols],
        faiths=[v.faith for v in vols],
        languages=[v.languages for v in vols],
        experiences=[v.experiences for v in vols],
        projects=[v.projects for v in vols],
        trainings=[v.trainings for v in vols],
        active=np.array([v.status == "active" for v in vols], bool),
        statuses=[v.status for v in vols],
        genders=[v.gender for v in vols],
        birth_days=days([v.born for v in vols]),
        radius_km=np.array([np.nan if v.radius is None else v.radius for v in vols], float),
        capacity=np.array([v.capacity for v in vols], np.int64),
        current=np.array([v.current for v in vols], np.int64),
        has_dbs=np.array([v.has_dbs for v in vols], bool),
        dbs_due=days([v.dbs_due for v in vols]),
        induction_done=np.array([v.inducted for v in vols], bool),
        slots=np.array([v.slots for v in vols], np.int64),
        last_ended=[v.last_ended for v in vols],
        status_since=[v.since for v in vols],
    )
    pool.index_of = {v: i for i, v in enumerate(pool.ids)}
    known = np.array([v.postcode in PLACES for v in vols], bool)
    east = np.array([PLACES.get(v.postcode, (0, 0))[0] for v in vols], float)
    north = np.array([PLACES.get(v.postcode, (0, 0))[1] for v in vols], float)
    pool.__dict__["points"] = (known, east, north)
    return pool


def mother(**changes) -> MotherFacts:
    values = dict(
        id=1,
        reference="M0001",
        name="Ann Example",
        project_id=1,
        postcode="LS6 1AA",
        point=PLACES["LS6 1AA"],
        languages=frozenset({1}),
        main_language=1,
        interpreter_needed=False,
        prefers_shared_language=False,
        need_ids=(),
        wanted=frozenset(),
        from_needs={},
        gender=m.GenderPreference.ANY,
        slots=0b1,
        birth_day=date(1995, 6, 1),
        faith=None,
        exclusions=None,
        stage=m.MotherStage.WAITING,
        past=(),
    )
    values.update(changes)
    if "postcode" in changes and "point" not in changes:
        values["point"] = PLACES.get(changes["postcode"])
    return MotherFacts(**values)


def term_sets(ids: dict[int, str]):
    return st.frozensets(st.sampled_from(sorted(ids)), max_size=len(ids))


def volunteers():
    """Any volunteer: every field may be missing, unusual or failing a check."""
    return st.builds(
        Vol,
        status=st.sampled_from(["active", "active", "active", "paused", "left"]),
        projects=term_sets(PROJECTS),
        languages=term_sets(LANGUAGES),
        experiences=term_sets(EXPERIENCES),
        trainings=term_sets(MODULES),
        gender=st.sampled_from(["female", "male", None, "prefer_not_to_say"]),
        born=st.none() | st.dates(date(1950, 1, 1), date(2005, 1, 1)),
        postcode=st.sampled_from([None, "LS6 1AA", "LS7 1AA", "LS1 1AA", "ZZ9 9ZZ"]),
        radius=st.none() | st.sampled_from([0.5, 2.0, 5.0, 10.0]),
        capacity=st.integers(1, 3),
        current=st.integers(0, 3),
        has_dbs=st.booleans(),
        dbs_due=st.none() | st.dates(date(2026, 1, 1), date(2028, 1, 1)),
        inducted=st.booleans(),
        slots=st.integers(0, 2**21 - 1),
        faith=st.sampled_from([None, "Muslim", "Catholic", "Muslim (Sunni)", "none"]),
        last_ended=st.none() | st.dates(date(2025, 1, 1), TODAY),
        since=st.none() | st.dates(date(2020, 1, 1), TODAY),
    )


def mothers():
    return st.builds(
        mother,
        project_id=st.sampled_from([1, 2]),
        postcode=st.sampled_from([None, "LS6 1AA", "LS1 1AA", "ZZ9 9ZZ"]),
        languages=term_sets(LANGUAGES),
        interpreter_needed=st.booleans(),
        wanted=term_sets(EXPERIENCES),
        gender=st.sampled_from(list(m.GenderPreference)),
        slots=st.integers(0, 2**21 - 1),
        birth_day=st.none() | st.dates(date(1980, 1, 1), date(2008, 1, 1)),
        faith=st.sampled_from([None, "Muslim", "Catholic"]),
    )
