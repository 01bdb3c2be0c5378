"""suggest(): every volunteer for one mother, ranked with explained points, or excluded with
every reason."""

from __future__ import annotations

from datetime import date

import numpy as np
from sqlalchemy.orm import Session

from coordinator.services.matching.engine import TIE_RULE, Evaluation, evaluate
from coordinator.services.matching.errors import MatchRefused
from coordinator.services.matching.facts import Labels, MotherFacts, load_mother, summary
from coordinator.services.matching.pool import VolunteerPool, load_pool
from coordinator.services.matching.project_rules import rules_in
from coordinator.services.matching.results import Candidate, Excluded, Suggestion
from coordinator.services.matching.rules import MatchingRules
from coordinator.services.matching.words import contributions, reasons
from coordinator.services.sessions import Source, reading

GONE = "This mother's record is not there any more."


def suggest(
    source: Source,
    mother_id: int,
    *,
    today: date,
    rules: MatchingRules | None = None,
    allow_rematch: bool = False,
) -> Suggestion:
    """Rank every volunteer for her: candidates best first (each contribution's points add
    up to the score shown; ties broken as Suggestion.tie_rule says), and every volunteer
    who fails a hard check with all her reasons. `rules` default to her project's;
    `allow_rematch` lets a volunteer she was matched with before (that match ended) in.

    MatchRefused when she is not there."""
    with reading(source) as session:
        labels, mother, pool, rules = gather(session, mother_id, today, rules)
    e = evaluate(pool, mother, rules, labels, today=today, allow_rematch=allow_rematch)
    return build(e)


def gather(
    session: Session, mother_id: int, today: date, rules: MatchingRules | None
) -> tuple[Labels, MotherFacts, VolunteerPool, MatchingRules]:
    labels = Labels(session)
    mother = load_mother(session, mother_id, labels)
    if mother is None:
        raise MatchRefused(GONE)
    if rules is None:
        rules = rules_in(session, mother.project_id)
    return labels, mother, load_pool(session, today), rules


def candidate(e: Evaluation, i: int) -> Candidate:
    p = e.pool
    km = float(e.km[i])
    return Candidate(
        volunteer_id=p.ids[i],
        reference=p.references[i],
        name=p.names[i],
        score=int(e.total_tenths[i]) / 10,
        contributions=contributions(e, i),
        active_matches=int(p.current[i]),
        capacity=int(p.capacity[i]),
        distance_km=None if km != km else round(km, 1),
    )


def excluded(e: Evaluation, i: int) -> Excluded:
    said, kinds = reasons(e, i)
    return Excluded(e.pool.ids[i], e.pool.references[i], e.pool.names[i], said, kinds)


def build(e: Evaluation) -> Suggestion:
    eligible = e.eligible
    ranked = e.ranked(np.flatnonzero(eligible))
    out = np.flatnonzero(~eligible)
    out = np.array(
        sorted(out, key=lambda i: (e.pool.names[i].casefold(), e.pool.references[i])),
        dtype=np.int64,
    )
    return Suggestion(
        mother=summary(e.mother, e.labels),
        rules=e.rules,
        candidates=tuple(candidate(e, int(i)) for i in ranked),
        excluded=tuple(excluded(e, int(i)) for i in out),
        tie_rule=TIE_RULE,
    )
