"""Demo matches: a free volunteer for a mother, the match's history and its scores."""

from __future__ import annotations

from coordinator import models as m
from coordinator.services.demo.common import DAY, at
from coordinator.services.demo.contacts import add_contacts
from coordinator.services.demo.endings import add_ending
from coordinator.services.demo.places import km_between
from coordinator.services.demo.records import Dates, Mo, Proj, Vol
from coordinator.services.demo.run import Run

MT, VS = m.MatchStatus, m.VolunteerStatus
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def pick_volunteer(run: Run, mo: Mo, proj: Proj, t: Dates, mstatus: m.MatchStatus) -> Vol | None:
    """A volunteer free for the whole match, within her max_matches at every moment."""
    ended = mstatus == MT.ENDED
    tries = [(mo.language, 10)] if mo.language != "en" else []
    if mstatus == MT.PAUSED and run.chance(0.4):
        tries.append(("paused", 10))
    tries.append(("history" if ended else "current", 25))
    for key, attempts in tries:
        pool = run.pools.get((key, proj.id, mo.town), [])
        for _ in range(attempts):
            if not pool:
                break
            k = run.rng.randrange(len(pool))
            vol = pool[k]
            if not ended and vol.current >= vol.max_matches:
                pool[k] = pool[-1]  # full for good: drop her from this pool
                pool.pop()
                continue
            if not _fits(vol, t, mstatus):
                continue
            if vol.status == VS.PAUSED and mstatus == MT.PAUSED:
                t.paused = vol.paused_on
            return vol
    return None


def _fits(vol: Vol, t: Dates, mstatus: m.MatchStatus) -> bool:
    assert t.P is not None
    if vol.active_from is None or vol.active_from > t.P:
        return False
    if mstatus == MT.ENDED:
        if vol.window_end is None or t.E is None or vol.window_end < t.E:
            return False
    elif vol.status == VS.PAUSED:  # her only current matches are paused with her
        if mstatus != MT.PAUSED or vol.paused_on is None or t.S is None:
            return False
        if vol.paused_on < t.S + DAY * 7:
            return False
    end = t.E if mstatus == MT.ENDED else None
    overlapping = [s for s, e, _ in vol.spans if (not end or s <= end) and (not e or e >= t.P)]
    return len(overlapping) < vol.max_matches


def add_match(
    run: Run,
    mo: Mo,
    t: Dates,
    proj: Proj,
    vol: Vol,
    mstatus: m.MatchStatus,
    planned: bool | None,
) -> None:
    """The match, its status history and scores, then its contacts and ending."""
    assert t.P is not None
    mid = run.new_id("match")
    vol.spans.append((t.P, t.E, mid))
    vol.current += t.E is None
    started = t.S is not None
    frequency = _visit_frequency(run, proj)
    changes = [(None, MT.PROPOSED, t.P), (MT.PROPOSED, MT.ACTIVE, t.S)]
    changes += [(MT.ACTIVE, MT.PAUSED, t.paused), (MT.ACTIVE, MT.ENDED, t.E)]
    changes = [c for c in changes if c[2] is not None]
    run.rows.add(
        "match",
        id=mid,
        mother_id=mo.id,
        volunteer_id=vol.id,
        project_id=proj.id,
        status=mstatus,
        proposed_on=t.P,
        start_date=t.S,
        introduction_visit_on=t.intro,
        planned_end_date=t.planned_end,
        paused_on=t.paused,
        ended_on=t.E,
        agreed_visit_frequency=frequency if started else None,
        personal_numbers_shared=started and proj.numbers_shared and run.chance(0.8),
        ground_rules_note=run.pick(run.w["ground_rules"]) if started else None,
        ground_rules_agreed_on=t.S,
        coordinator_rationale=run.pick(run.w["rationales"]),
        decided_by=proj.coordinator,
        decided_at=run.clock(t.P, 9, 16),
        created_at=at(t.P, 9),
        updated_at=at(changes[-1][2], 17),
    )
    for before, after, when in changes:
        run.rows.add(
            "match_status_change",
            match_id=mid,
            from_status=before,
            to_status=after,
            changed_on=when,
            note=None,
        )
    if run.chance(0.75) or mo.covering:
        _scores(run, mid, mo, vol)
    if started:
        add_contacts(run, mid, mo, proj, vol, t, mstatus)
    if t.E is not None and planned is not None:
        add_ending(run, mid, mo, proj, t, planned)


def _visit_frequency(run: Run, proj: Proj) -> m.VisitFrequency:
    """Mostly the project's norm."""
    if run.chance(0.85):
        return proj.norm
    VF = m.VisitFrequency
    mentoring = proj.model == m.SupportModel.MENTORING
    return run.pick((VF.MONTHLY if mentoring else VF.FORTNIGHTLY, VF.BY_AGREEMENT))


def _scores(run: Run, mid: int, mo: Mo, vol: Vol) -> None:
    """How well the volunteer fitted, criterion by criterion, as the matching screen shows."""
    D, say = m.CriterionDirection, run.w["score_texts"]
    scores: list[tuple[str, m.CriterionDirection, float, str]] = []
    if mo.language != "en":
        name = run.labels["language"][mo.language]
        shared = mo.language in vol.languages
        text = say["same_language" if shared else "other_language"].format(language=name)
        scores.append(("language", D.SAME, 3.0 if shared else 0.0, text))
    km = km_between(mo.point, vol.point)
    a, b = mo.point[0].split()[0], vol.point[0].split()[0]
    points = round(max(0.0, 3.0 - km / 2), 1)
    scores.append(("distance", D.NONE, points, say["distance"].format(km=km, a=a, b=b)))
    common = [s for s in mo.slots if s in vol.slots]
    when = " and ".join(f"{WEEKDAYS[d]} {p.value}s" for d, p in common[:2])
    text = say["free"].format(when=when) if common else say["not_free"]
    scores.append(("availability", D.NONE, min(2.0, 0.5 * len(common)), text))
    if mo.wanted:
        shared_tags = [run.labels["experience"][e] for e in mo.wanted if e in vol.experiences]
        text = (
            say["shared"].format(tags=", ".join(shared_tags)) if shared_tags else say["not_shared"]
        )
        scores.append(("lived_experience", D.SAME, 2.0 * len(shared_tags), text))
    for criterion, direction, points, explanation in scores:
        run.rows.add(
            "match_criterion_score",
            match_id=mid,
            criterion=criterion,
            direction=direction,
            points=points,
            explanation=explanation,
        )
