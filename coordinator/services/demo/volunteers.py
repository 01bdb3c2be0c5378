"""The demo's volunteers: who they are, their status history, and the pools matches pick from."""

from __future__ import annotations

from datetime import date
from typing import Any, NamedTuple

from coordinator import models as m
from coordinator.services.demo.checks import add_dbs, add_references, add_training
from coordinator.services.demo.common import DAY, add_years, at, weights, with_previous
from coordinator.services.demo.records import Vol
from coordinator.services.demo.run import Run
from coordinator.services.demo.words import Culture

VS = m.VolunteerStatus
# Statuses of the first volunteers, so that small sizes still show each one.
COVERAGE = (VS.ACTIVE, VS.LEFT, VS.PAUSED, VS.IN_TRAINING, VS.APPLICANT)
# Days until the next DBS check for the 2nd..6th active volunteers: due soon, or expired.
DBS_DUE_IN = (5, 25, 50, -20, -75)
STATUS_WEIGHTS = weights(VS, "active 55 paused 8 left 15 in_training 12 applicant 10")
GENDER_WEIGHTS = weights(m.Gender, "female 92 male 3 non_binary 3 prefer_not_to_say 2")


class _Person(NamedTuple):
    """What only the volunteer's own row needs."""

    first: str
    last: str
    culture: Culture
    line1: str
    line2: str | None


class _Dates(NamedTuple):
    applied: date
    training: date | None
    left_on: date | None
    forced_issue: date | None  # a DBS check made to fall due soon, or to have expired


def add_volunteer(run: Run, i: int) -> None:
    vol, person = _new_volunteer(run, i)
    dates = _volunteer_dates(run, vol)
    changes = _status_changes(run, vol, dates)
    _volunteer_row(run, vol, person, dates, changes)
    _volunteer_links(run, vol)
    add_references(run, vol, dates.applied)
    add_training(run, vol, dates.training, dates.left_on)
    add_dbs(run, vol, dates.training, dates.forced_issue)
    run.vols.append(vol)
    _join_pools(run, vol)


def _new_volunteer(run: Run, i: int) -> tuple[Vol, _Person]:
    covering = i < len(COVERAGE)
    status = COVERAGE[i] if covering else run.weighted(STATUS_WEIGHTS)
    town = run.home_town if covering else run.weighted(run.town_weights)
    options = run.town_projects[town]
    projects = list(options) if covering or run.chance(0.25) else [run.pick(options)]
    gender = m.Gender.FEMALE if covering else run.weighted(GENDER_WEIGHTS)
    cultures = [(c, w * (1.6 if c == "british" else 1)) for c, w in run.towns[town].cultures]
    culture = run.weighted(cultures)
    c = run.words.cultures[culture]
    first, last = run.person_name(culture, male=gender == m.Gender.MALE)
    languages = ["en", run.weighted(c.languages) if run.chance(0.85) else "en"]
    if run.chance(0.05):
        languages.append(run.pick(("fr", "es", "ar", "pt")))
    line1, line2, point = run.address(town)
    vol = Vol(
        id=run.new_id("volunteer"),
        status=status,
        town=town,
        projects=projects,
        name=f"{first} {last}",
        gender=gender,
        languages=[x for x in dict.fromkeys(languages) if x in run.vocab["language"]],
        experiences=sorted(run.rng.sample(sorted(run.vocab["experience"]), run.r(0, 3))),
        slots=run.slots(2, 7),
        point=point,
        max_matches=run.weighted(((1, 35), (2, 45), (3, 20))),
    )
    return vol, _Person(first, last, c, line1, line2)


def _volunteer_dates(run: Run, vol: Vol) -> _Dates:
    """Applied, training and leaving dates; sets active_from, paused_on, window_end."""
    T, r, status = run.T, run.r, vol.status
    forced_issue = training = left_on = None
    if status == VS.ACTIVE:
        if 1 <= run.active_count <= len(DBS_DUE_IN):
            due = T + DAY * DBS_DUE_IN[run.active_count - 1]
            forced_issue = add_years(due, -3)
        run.active_count += 1
    if status == VS.APPLICANT:
        return _Dates(T - DAY * r(0, 60), None, None, None)
    if status == VS.IN_TRAINING:
        applied = T - DAY * r(25, 150)
        return _Dates(applied, min(T, applied + DAY * r(7, 21)), None, None)
    if status == VS.LEFT and run.chance(0.15):  # left during training
        applied = T - DAY * r(80, 900)
        training = applied + DAY * r(7, 21)
        return _Dates(applied, training, training + DAY * r(10, 40), None)
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
    return _Dates(applied, training, left_on, forced_issue)


def _status_changes(run: Run, vol: Vol, dates: _Dates) -> list[tuple[Any, date, str | None]]:
    """Her status history (status, from, note), also added as rows."""
    changes = [(VS.APPLICANT, dates.applied, "Application received")]
    if dates.training is not None:
        changes.append((VS.IN_TRAINING, dates.training, None))
    if vol.active_from is not None:
        changes.append((VS.ACTIVE, vol.active_from, "Training and checks complete"))
    if vol.paused_on is not None:
        changes.append((VS.PAUSED, vol.paused_on, run.pick(run.w["paused_reasons"])))
    if dates.left_on is not None:
        reason = "Did not complete training."
        if vol.active_from is not None:
            reason = run.pick(run.w["leaving_reasons"])
        changes.append((VS.LEFT, dates.left_on, reason))
    for before, to, when, note in with_previous(changes):
        run.rows.add(
            "volunteer_status_change",
            volunteer_id=vol.id,
            from_status=before,
            to_status=to,
            changed_on=when,
            note=note,
        )
    return changes


def _volunteer_row(
    run: Run, vol: Vol, person: _Person, dates: _Dates, changes: list[tuple[Any, date, Any]]
) -> None:
    T, r = run.T, run.r
    applied, training = dates.applied, dates.training
    run.rows.add(
        "volunteer",
        id=vol.id,
        full_name=vol.name,
        preferred_name=run.words.nicknames.get(person.first) if run.chance(0.5) else None,
        date_of_birth=add_years(T, -r(19, 68)) - DAY * r(0, 364),
        gender=vol.gender,
        phone=run.mobile(),
        email=run.email(person.first, person.last),
        address_line1=person.line1,
        address_line2=person.line2,
        town=vol.town,
        postcode=vol.point[0],
        status=vol.status,
        status_since=changes[-1][1],
        induction_completed_on=(
            max(training, vol.active_from - DAY * r(0, 7)) if vol.active_from and training else None
        ),
        id_seen_on=(
            min(T, applied + DAY * r(3, 20))
            if vol.status != VS.APPLICANT or run.chance(0.4)
            else None
        ),
        faith_culture=run.sometimes(0.3, person.culture.faiths),
        travel_radius_km=float(run.pick((2, 3, 5, 5, 8, 10, 15))),
        max_matches=vol.max_matches,
        supervisor_name=vol.projects[0].coordinator,
        left_on=dates.left_on,
        leaving_reason=changes[-1][2] if dates.left_on is not None else None,
        notes=run.sometimes(0.2, run.w["volunteer_notes"]),
        created_at=at(applied, 10),
        updated_at=at(changes[-1][1], 16),
    )


def _volunteer_links(run: Run, vol: Vol) -> None:
    """Her projects, languages, lived experiences, areas and when she is free."""
    add_each, owner = run.rows.add_each, {"volunteer_id": vol.id}
    add_each("volunteer_project", "project_id", [p.id for p in vol.projects], **owner)
    add_each("volunteer_language", "language_id", run.ids("language", vol.languages), **owner)
    experiences = run.ids("experience", vol.experiences)
    add_each("volunteer_experience", "experience_tag_id", experiences, **owner)
    areas = [vol.town, *sorted(run.rng.sample(run.towns[vol.town].outward, run.r(1, 3)))]
    add_each("volunteer_area", "area", areas, **owner)
    run.rows.add_slots("volunteer_availability", vol.slots, **owner)


def _join_pools(run: Run, vol: Vol) -> None:
    """Active volunteers wait in the pools of each project and town they serve."""
    if vol.active_from is None:
        return
    for proj in vol.projects:
        key = (proj.id, vol.town)
        run.pools.setdefault(("history", *key), []).append(vol)
        if vol.status == VS.ACTIVE:
            for pool in ("current", *vol.languages[1:]):
                run.pools.setdefault((pool, *key), []).append(vol)
        elif vol.status == VS.PAUSED:
            run.pools.setdefault(("paused", *key), []).append(vol)
