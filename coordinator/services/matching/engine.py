"""The checks and points for one mother against every volunteer at once.

Each soft criterion gives, per volunteer, whether both sides recorded what it needs
(`known`) and a fraction from 0 to 1 of how well they fit in the "prefer the same" sense.
Points are counted in tenths so that the contributions shown always add up to the score:
a criterion's tenths are round(weight x 10 x fraction); "prefer difference" gives the rest
of the weight (weight x 10 - those tenths), so flipping a direction reverses the order on
that criterion alone. Missing data scores nothing either way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from coordinator import models as m
from coordinator.services.matching.checks import HardCheck
from coordinator.services.matching.facts import Labels, MotherFacts, content_words
from coordinator.services.matching.pool import NO_DAY, VolunteerPool, popcount
from coordinator.services.matching.rules import Criterion, Direction, MatchingRules

_WORD = re.compile(r"[^\W_]+")
#: Without a travel radius of her own, a volunteer's distance points reach 0 at this.
DEFAULT_DISTANCE_SCALE_KM = 15.0
#: Age points reach 0 at this many years apart.
AGE_SCALE_YEARS = 25.0
#: Fairness: waiting this long since her last match counts in full.
IDLE_FULL_DAYS = 180
CURRENT = (m.MatchStatus.PROPOSED, m.MatchStatus.ACTIVE, m.MatchStatus.PAUSED)
GENDERS = {
    m.GenderPreference.FEMALE: m.Gender.FEMALE,
    m.GenderPreference.MALE: m.Gender.MALE,
    m.GenderPreference.NON_BINARY: m.Gender.NON_BINARY,
}


@dataclass
class Evaluation:
    """The result for every volunteer of the pool (index i as in the pool)."""

    pool: VolunteerPool
    mother: MotherFacts
    rules: MatchingRules
    labels: Labels
    today: date
    start: date
    allow_rematch: bool
    fails: dict[HardCheck, np.ndarray] = field(default_factory=dict)
    known: dict[Criterion, np.ndarray] = field(default_factory=dict)
    fraction: dict[Criterion, np.ndarray] = field(default_factory=dict)
    tenths: dict[Criterion, np.ndarray] = field(default_factory=dict)
    km: np.ndarray | None = None
    #: Days since each volunteer's last match (see idle_days).
    idle: np.ndarray | None = None
    required_modules: frozenset[int] = frozenset()
    #: volunteer index -> the words of the exclusions that name her.
    named: dict[int, str] = field(default_factory=dict)

    @property
    def eligible(self) -> np.ndarray:
        ok = np.ones(len(self.pool), bool)
        for failed in self.fails.values():
            ok &= ~failed
        return ok

    @property
    def total_tenths(self) -> np.ndarray:
        total = np.zeros(len(self.pool), np.int64)
        for part in self.tenths.values():
            total += part
        return total

    def ranked(self, indexes: np.ndarray) -> np.ndarray:
        """Indexes best first: score, then nearest (unknown last), fewer current matches,
        then reference."""
        km = np.where(np.isnan(self.km), np.inf, self.km)[indexes]
        refs = np.array([self.pool.references[i] for i in indexes], dtype=object)
        order = np.lexsort(
            (refs.astype(str), self.pool.current[indexes], km, -self.total_tenths[indexes])
        )
        return indexes[order]


TIE_RULE = (
    "Equal scores are ordered by distance (nearest first, unknown last), then by fewer "
    "current matches, then by reference."
)


def evaluate(
    pool: VolunteerPool,
    mother: MotherFacts,
    rules: MatchingRules,
    labels: Labels,
    *,
    today: date,
    start: date | None = None,
    allow_rematch: bool = False,
) -> Evaluation:
    e = Evaluation(pool, mother, rules, labels, today, start or today, allow_rematch)
    _distance(e)
    _hard_checks(e)
    _criteria(e)
    for criterion in Criterion:
        _points(e, criterion)
    return e


def _distance(e: Evaluation) -> None:
    known, east, north = e.pool.points
    if e.mother.point is None:
        e.km = np.full(len(e.pool), np.nan)
        return
    km = np.hypot(east - e.mother.point[0], north - e.mother.point[1]) / 1000.0
    e.km = np.where(known, km, np.nan)


def _hard_checks(e: Evaluation) -> None:
    p, mo, rules = e.pool, e.mother, e.rules
    n = len(p)
    e.fails[HardCheck.NOT_ACTIVE] = ~p.active
    if mo.project_id is None:
        e.fails[HardCheck.NOT_IN_PROJECT] = np.ones(n, bool)
    else:
        e.fails[HardCheck.NOT_IN_PROJECT] = ~p.member_of("projects", mo.project_id)
    start_day = e.start.toordinal()
    e.fails[HardCheck.DBS] = ~p.has_dbs | ((p.dbs_due != NO_DAY) & (p.dbs_due < start_day))
    e.required_modules = frozenset(
        e.labels.module_ids[c] for c in rules.required_training if c in e.labels.module_ids
    )
    missing = np.zeros(n, bool)
    for module in e.required_modules:
        missing |= ~p.member_of("trainings", module)
    e.fails[HardCheck.TRAINING] = missing
    e.fails[HardCheck.INDUCTION] = (
        ~p.induction_done if rules.induction_required else np.zeros(n, bool)
    )
    e.fails[HardCheck.CAPACITY] = p.current >= p.capacity
    with np.errstate(invalid="ignore"):
        e.fails[HardCheck.TRAVEL] = e.km > p.radius_km  # NaN on either side: not checked
    wanted = GENDERS.get(mo.gender)
    e.fails[HardCheck.GENDER] = (
        p.kept(("gender", wanted), lambda: np.array([g != wanted.value for g in p.genders], bool))
        if wanted is not None
        else np.zeros(n, bool)
    )
    e.named = _named_in_exclusions(p, mo.exclusions)
    excluded = np.zeros(n, bool)
    excluded[list(e.named)] = True
    e.fails[HardCheck.EXCLUDED_BY_HER] = excluded
    before = np.zeros(n, bool)
    for past in mo.past:
        i = p.index_of.get(past.volunteer_id)
        if i is not None and (past.status in CURRENT or not e.allow_rematch):
            before[i] = True
    e.fails[HardCheck.ALREADY_MATCHED] = before
    needs_language = mo.interpreter_needed and rules.language_required_for_interpreter
    e.fails[HardCheck.LANGUAGE] = (
        ~p.any_of("languages", mo.languages) if needs_language else np.zeros(n, bool)
    )


def _index_by(values: list) -> dict:
    found: dict = {}
    for i, value in enumerate(values):
        if value:
            found.setdefault(value, []).append(i)
    return found


def _named_in_exclusions(p: VolunteerPool, note: str | None) -> dict[int, str]:
    """Volunteers her exclusions name: by reference, full name, or the postcode district
    they live in. Whole words only, so "Ann" never matches "Anna" or "Joanne"."""
    if not note or not note.strip():
        return {}
    from coordinator.services import geo
    from coordinator.services.references import format_reference, parse_reference

    by_ref = p.kept("by_reference", lambda: {r: i for i, r in enumerate(p.references)})
    by_name = p.kept(
        "by_folded_name",
        lambda: _index_by([" ".join(_WORD.findall(f.casefold())) for f in p.full_names]),
    )
    by_district = p.kept("by_district", lambda: _index_by([geo.district(c) for c in p.postcodes]))
    words = _WORD.findall(note.casefold())
    named: dict[int, str] = {}
    for token in words:
        if token[0].isalpha() and any(ch.isdigit() for ch in token):
            for i in by_district.get(token.upper(), ()):
                named[i] = f"lives in {token.upper()}"
    longest = max((len(k.split()) for k in by_name), default=0)
    for start in range(len(words)):
        for size in range(1, longest + 1):
            for i in by_name.get(" ".join(words[start : start + size]), ()):
                named[i] = "her name"
    for token in words:
        parsed = parse_reference(token)
        if parsed is not None and parsed[0] == "volunteer":
            i = by_ref.get(format_reference("volunteer", parsed[1]))
            if i is not None:
                named[i] = "her reference"
    return named


def _criteria(e: Evaluation) -> None:
    p, mo = e.pool, e.mother
    n = len(p)
    # Distance
    scale = np.where(np.isnan(p.radius_km), DEFAULT_DISTANCE_SCALE_KM, p.radius_km)
    scale = np.where(scale > 0, scale, 1.0)
    known = ~np.isnan(e.km)
    e.known[Criterion.DISTANCE] = known
    e.fraction[Criterion.DISTANCE] = np.where(
        known, np.clip(1.0 - np.nan_to_num(e.km) / scale, 0.0, 1.0), 0.0
    )
    # Language
    speaks = p.kept("speaks", lambda: np.array([bool(s) for s in p.languages], bool))
    e.known[Criterion.LANGUAGE] = speaks & bool(mo.languages)
    e.fraction[Criterion.LANGUAGE] = p.any_of("languages", mo.languages).astype(float)
    # Lived experience: what she asked for, else what her needs point to
    relevant = mo.wanted or frozenset(mo.from_needs)
    has_any = p.kept("has_experience", lambda: np.array([bool(s) for s in p.experiences], bool))
    e.known[Criterion.LIVED_EXPERIENCE] = has_any & bool(relevant)
    shared = p.count_of("experiences", relevant)
    e.fraction[Criterion.LIVED_EXPERIENCE] = shared / max(1, len(relevant))
    # Culture or faith: only where both recorded it
    hers = content_words(mo.faith)
    theirs = p.kept("faith", lambda: [content_words(f) for f in p.faiths])
    recorded = p.kept("has_faith", lambda: np.array([bool(t) for t in theirs], bool))
    e.known[Criterion.CULTURE_FAITH] = recorded & bool(hers)
    e.fraction[Criterion.CULTURE_FAITH] = p.kept(
        ("faith_shared", hers),
        lambda: np.array([bool(t & hers) for t in theirs], float),
    )
    # Availability
    together = popcount(p.slots & mo.slots)
    wanted_slots = max(1, min(2, bin(mo.slots).count("1")))
    e.known[Criterion.AVAILABILITY] = (p.slots != 0) & (mo.slots != 0)
    e.fraction[Criterion.AVAILABILITY] = np.minimum(1.0, together / wanted_slots)
    # Age
    if mo.birth_day is None:
        e.known[Criterion.AGE] = np.zeros(n, bool)
        e.fraction[Criterion.AGE] = np.zeros(n)
    else:
        known = p.birth_days != NO_DAY
        years = np.abs(p.birth_days - mo.birth_day.toordinal()) / 365.25
        e.known[Criterion.AGE] = known
        e.fraction[Criterion.AGE] = np.where(
            known, np.clip(1.0 - years / AGE_SCALE_YEARS, 0.0, 1.0), 0.0
        )
    # Fairness: free places, and how long since her last match
    free = 1.0 - np.minimum(p.current, p.capacity) / np.maximum(p.capacity, 1)
    idle = e.idle = p.kept(("idle", e.today), lambda: idle_days(p, e.today))
    e.known[Criterion.FAIRNESS] = np.ones(n, bool)
    e.fraction[Criterion.FAIRNESS] = 0.5 * free + 0.5 * np.minimum(1.0, idle / IDLE_FULL_DAYS)


def idle_days(p: VolunteerPool, today: date) -> np.ndarray:
    """Days since her last match ended (or since she became active, never matched); 0
    while she has a current match or when nothing tells."""
    out = np.zeros(len(p), np.int64)
    for i, (ended, since) in enumerate(zip(p.last_ended, p.status_since, strict=True)):
        if p.current[i]:
            continue
        since_when = ended or since
        if since_when is not None and since_when <= today:
            out[i] = (today - since_when).days
    return out


def _points(e: Evaluation, criterion: Criterion) -> None:
    weight = e.rules.weight(criterion)
    same = np.rint(weight * 10 * e.fraction[criterion]).astype(np.int64)
    if e.rules.direction(criterion) is Direction.DIFFERENT:
        same = weight * 10 - same
    e.tenths[criterion] = np.where(e.known[criterion], same, 0)
