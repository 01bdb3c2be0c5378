"""The words for each point and each exclusion: evidence that really matched, or what was
missing, never a guess."""

from __future__ import annotations

from datetime import date

from coordinator import models as m
from coordinator.services import geo
from coordinator.services.matching.checks import HardCheck
from coordinator.services.matching.engine import CURRENT, GENDERS, Evaluation
from coordinator.services.matching.facts import content_words, slot_text, slots_of
from coordinator.services.matching.pool import NO_DAY
from coordinator.services.matching.results import Contribution
from coordinator.services.matching.rules import Criterion, Direction
from coordinator.services.records.labels import (
    GENDER_LABELS,
    GENDER_PREFERENCE_LABELS,
    MATCH_STATUS_LABELS,
    VOLUNTEER_STATUS_LABELS,
)
from coordinator.services.records.pregnancy import format_date

PREFERS_DIFFERENCE = "this project prefers difference here"


def _listed(items: list[str], most: int = 3, *, in_order: bool = False) -> str:
    """'a, b and 2 more' (sorted, unless the items are in an order of their own)."""
    items = list(items) if in_order else sorted(items)
    if len(items) > most:
        return ", ".join(items[:most]) + f" and {len(items) - most} more"
    return ", ".join(items)


def _km(value: float) -> str:
    return f"{value:.1f} km"


def _radius(value: float) -> str:
    return f"{value:g} km"


def contributions(e: Evaluation, i: int) -> tuple[Contribution, ...]:
    """Each counted criterion's points for volunteer i, and why, in criterion order."""
    out = []
    for criterion in Criterion:
        if e.rules.weight(criterion) == 0:
            continue
        points = int(e.tenths[criterion][i]) / 10
        why = _WHY[criterion](e, i)
        if e.known[criterion][i] and e.rules.direction(criterion) is Direction.DIFFERENT:
            why = f"{why}: {PREFERS_DIFFERENCE}"
        out.append(Contribution(criterion, points, why))
    return tuple(out)


def _first(e: Evaluation, i: int) -> str:
    return e.pool.names[i].split()[0]


def _distance(e: Evaluation, i: int) -> str:
    p, mo = e.pool, e.mother
    if e.known[Criterion.DISTANCE][i]:
        km = float(e.km[i])
        route = f"({geo.district(mo.postcode)} → {geo.district(p.postcodes[i])})"
        radius = p.radius_km[i]
        if radius == radius:  # not NaN
            return f"{_km(km)} apart {route}, within the {_radius(radius)} she will travel"
        return f"{_km(km)} apart {route}"
    if not geo.data_available():
        return "Distance could not be checked: no postcode data is installed"
    if not mo.postcode:
        return "Distance could not be checked: her postcode is not recorded"
    if mo.point is None:
        return f"Distance could not be checked: {mo.postcode} is not in the postcode data"
    if not p.postcodes[i]:
        return f"Distance could not be checked: {_first(e, i)}'s postcode is not recorded"
    return f"Distance could not be checked: {p.postcodes[i]} is not in the postcode data"


def _language(e: Evaluation, i: int) -> str:
    p, mo, words = e.pool, e.mother, e.labels.languages
    if not mo.languages:
        return "No language recorded for her"
    if not p.languages[i]:
        return f"No languages recorded for {_first(e, i)}"
    shared = [words[x] for x in mo.languages & p.languages[i]]
    if shared:
        return f"Both speak {_listed(shared)}"
    hers = _listed([words[x] for x in mo.languages])
    return f"No language in common (she speaks {hers}; {_first(e, i)} speaks " + (
        f"{_listed([words[x] for x in p.languages[i]])})"
    )


def _experience(e: Evaluation, i: int) -> str:
    p, mo, words = e.pool, e.mother, e.labels.experiences
    relevant = mo.wanted or frozenset(mo.from_needs)
    if not relevant:
        return "She has not asked for shared lived experience, and none of her needs points to one"
    if not p.experiences[i]:
        return f"No lived experience recorded for {_first(e, i)}"
    shared = relevant & p.experiences[i]
    source = "she asked for this" if mo.wanted else "from her needs"
    if shared:
        tags = _listed([words[x].lower() for x in shared], most=4)
        return f"Shares lived experience: {tags} ({source}; {len(shared)} of {len(relevant)})"
    asked = _listed([words[x].lower() for x in relevant], most=4)
    return f"Shares none of the lived experience looked for ({asked}; {source})"


def _culture(e: Evaluation, i: int) -> str:
    hers, theirs = e.mother.faith, e.pool.faiths[i]
    if not content_words(hers):
        return "No culture or faith preference recorded for her"
    if not content_words(theirs):
        return f"No culture or faith recorded for {_first(e, i)}"
    common = content_words(hers) & content_words(theirs)
    if common:
        return f"Both recorded culture or faith: {_listed(sorted(common))}"
    return f"Different culture or faith recorded (she: {hers}; {_first(e, i)}: {theirs})"


def _availability(e: Evaluation, i: int) -> str:
    mine, theirs = e.mother.slots, int(e.pool.slots[i])
    if not mine:
        return "No availability recorded for her"
    if not theirs:
        return f"No availability recorded for {_first(e, i)}"
    together = slots_of(mine & theirs)
    if not together:
        return "No time when both are free"
    return f"Both free {_listed([slot_text(s) for s in together], most=3, in_order=True)}"


def _age(e: Evaluation, i: int) -> str:
    if e.mother.birth_day is None:
        return "Her date of birth is not recorded"
    if e.pool.birth_days[i] == NO_DAY:
        return f"{_first(e, i)}'s date of birth is not recorded"
    years = abs(int(e.pool.birth_days[i]) - e.mother.birth_day.toordinal()) / 365.25
    if years < 1:
        return "Less than a year apart in age"
    whole = int(years)
    return f"{whole} year{'s' if whole != 1 else ''} apart in age"


def _fairness(e: Evaluation, i: int) -> str:
    p = e.pool
    current, capacity = int(p.current[i]), int(p.capacity[i])
    if current:
        return f"{current} of {capacity} places taken"
    idle = int(e.idle[i])
    if p.last_ended[i] is not None:
        return f"No current match; last one ended {format_date(p.last_ended[i])} ({idle} days)"
    if p.status_since[i] is not None:
        return f"Never matched; active since {format_date(p.status_since[i])} ({idle} days)"
    return "No current match; how long she has waited is not recorded"


_WHY = {
    Criterion.DISTANCE: _distance,
    Criterion.LANGUAGE: _language,
    Criterion.LIVED_EXPERIENCE: _experience,
    Criterion.CULTURE_FAITH: _culture,
    Criterion.AVAILABILITY: _availability,
    Criterion.AGE: _age,
    Criterion.FAIRNESS: _fairness,
}


# Reasons for exclusion --------------------------------------------------------------------


def reasons(e: Evaluation, i: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(reasons, their HardCheck kinds) for every hard check volunteer i fails."""
    return reasons_of(e, i, [bool(failed[i]) for failed in e.fails.values()])


def reasons_of(e: Evaluation, i: int, flags: list[bool]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The same, given which checks (in e.fails order) she fails."""
    checks = [check for check, failed in zip(e.fails, flags, strict=True) if failed]
    return tuple(_REASON[c](e, i) for c in checks), tuple(_KIND[c] for c in checks)


def _day(ordinal: int) -> str:
    return format_date(date.fromordinal(ordinal))


def _status_words(statuses: list[str]) -> list[str]:
    said = {
        s: f"Not active (status: {VOLUNTEER_STATUS_LABELS[m.VolunteerStatus(s)]})"
        for s in set(statuses)
    }
    return [said[s] for s in statuses]


def _not_active(e: Evaluation, i: int) -> str:
    return e.pool.kept("status_words", lambda: _status_words(e.pool.statuses))[i]


def _not_in_project(e: Evaluation, i: int) -> str:
    if e.mother.project_id is None:
        return "She is not in a project yet: set her project first"
    return f"Not in her project ({e.labels.projects.get(e.mother.project_id, '')})"


def _dbs(e: Evaluation, i: int) -> str:
    if not e.pool.has_dbs[i]:
        return "No DBS check recorded"
    due = int(e.pool.dbs_due[i])
    if due < e.today.toordinal():
        return f"DBS check expired on {_day(due)}"
    return f"DBS check due on {_day(due)}, before the proposed start ({format_date(e.start)})"


def _training(e: Evaluation, i: int) -> str:
    missing = [e.labels.modules[x] for x in e.required_modules - e.pool.trainings[i]]
    return f"Required training missing or lapsed: {_listed(missing, most=5)}"


def _capacity(e: Evaluation, i: int) -> str:
    return f"At capacity ({int(e.pool.current[i])} of {int(e.pool.capacity[i])} places taken)"


def _travel(e: Evaluation, i: int) -> str:
    route = f"({geo.district(e.mother.postcode)} → {geo.district(e.pool.postcodes[i])})"
    radius = _radius(float(e.pool.radius_km[i]))
    return f"{_km(float(e.km[i]))} away {route}, beyond the {radius} she will travel"


def _gender(e: Evaluation, i: int) -> str:
    asked = GENDER_PREFERENCE_LABELS[e.mother.gender].lower()
    gender = e.pool.genders[i]
    if gender is None or gender == m.Gender.PREFER_NOT_TO_SAY.value:
        return f"She asked for a {asked} volunteer; {_first(e, i)}'s gender is not recorded"
    assert GENDERS.get(e.mother.gender) is not None
    return f"She asked for a {asked} volunteer; {_first(e, i)} is {GENDER_LABELS[m.Gender(gender)].lower()}"


def _named(e: Evaluation, i: int) -> str:
    return f"Named in her exclusions ({e.named[i]})"


def _already(e: Evaluation, i: int) -> str:
    vid = e.pool.ids[i]
    with_her = [x for x in e.mother.past if x.volunteer_id == vid]
    current = [x for x in with_her if x.status in CURRENT]
    if current:
        x = current[-1]
        return f"Already matched with her ({MATCH_STATUS_LABELS[x.status].lower()}, proposed {format_date(x.proposed_on)})"
    x = with_her[-1]
    ended = f", ended {format_date(x.ended_on)}" if x.ended_on else ""
    return f"Matched with her before (proposed {format_date(x.proposed_on)}{ended})"


def _language_required(e: Evaluation, i: int) -> str:
    if not e.mother.languages:
        return "She needs an interpreter and her language is not recorded"
    hers = _listed([e.labels.languages[x] for x in e.mother.languages])
    return f"She needs an interpreter and they share no language (she speaks {hers})"


_KIND = {check: check.value for check in HardCheck}
_REASON = {
    HardCheck.NOT_ACTIVE: _not_active,
    HardCheck.NOT_IN_PROJECT: _not_in_project,
    HardCheck.DBS: _dbs,
    HardCheck.TRAINING: _training,
    HardCheck.INDUCTION: lambda e, i: "Induction not completed",
    HardCheck.CAPACITY: _capacity,
    HardCheck.TRAVEL: _travel,
    HardCheck.GENDER: _gender,
    HardCheck.EXCLUDED_BY_HER: _named,
    HardCheck.ALREADY_MATCHED: _already,
    HardCheck.LANGUAGE: _language_required,
}
