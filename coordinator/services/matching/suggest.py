"""suggest(): every volunteer for one mother, ranked with explained points, or excluded with
every reason."""

from __future__ import annotations

from datetime import date

import numpy as np
from sqlalchemy.orm import Session

from coordinator.services.matching.engine import TIE_RULE, Evaluation, evaluate
from coordinator.services.matching.errors import MatchRefused
from coordinator.services.matching.facts import Labels, MotherFacts, load_mother, summary
from coordinator.services.matching.pool import (
    VolunteerPool,
    load_pool,
    pool_kept,
    volunteer_pool,
)
from coordinator.services.matching.project_rules import rules_in
from coordinator.services.matching.results import Built, Candidate, Excluded, Suggestion
from coordinator.services.matching.rules import MatchingRules
from coordinator.services.matching.words import contributions, reasons, reasons_of
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
        labels, mother, pool, rules = gather(session, mother_id, today, rules, fresh=False)
    e = evaluate(pool, mother, rules, labels, today=today, allow_rematch=allow_rematch)
    return build(e)


def prepare_ranking(source: Source, today: date, *, only_if_kept: bool = False) -> None:
    """Read the volunteers now if those kept are out of date, so that the next ranking
    (the wizard about to open) starts at once. Run off the GUI thread. `only_if_kept`:
    only when a ranking was made before (a database nobody matches in is not read)."""
    with reading(source) as session:
        if not only_if_kept or pool_kept(session):
            volunteer_pool(session, today)


def gather(
    session: Session,
    mother_id: int,
    today: date,
    rules: MatchingRules | None,
    *,
    fresh: bool = True,
) -> tuple[Labels, MotherFacts, VolunteerPool, MatchingRules]:
    """What ranking her needs; `fresh` reads the volunteers now (as a proposal must),
    else the pool read last is used when nothing was committed since."""
    # The volunteers first: the kept ones are checked against the commits seen before this
    # session reads anything, so none committed meanwhile can be missed.
    pool = load_pool(session, today) if fresh else volunteer_pool(session, today)
    labels = Labels(session)
    mother = load_mother(session, mother_id, labels)
    if mother is None:
        raise MatchRefused(GONE)
    if rules is None:
        rules = rules_in(session, mother.project_id)
    return labels, mother, pool, rules


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


def excluded(e: Evaluation, i: int, flags: list[bool] | None = None) -> Excluded:
    said, kinds = reasons(e, i) if flags is None else reasons_of(e, i, flags)
    return Excluded(e.pool.ids[i], e.pool.references[i], e.pool.names[i], said, kinds)


def _by_name(pool: VolunteerPool) -> np.ndarray:
    return np.array(
        sorted(range(len(pool)), key=lambda i: (pool.names[i].casefold(), pool.references[i])),
        dtype=np.int64,
    )


def build(e: Evaluation) -> Suggestion:
    eligible = e.eligible
    ranked = e.ranked(np.flatnonzero(eligible))
    by_name = e.pool.kept("by_name", lambda: _by_name(e.pool))
    out = by_name[~eligible[by_name]] if len(by_name) else by_name
    matrix = np.stack(list(e.fails.values())) if e.fails else np.zeros((0, len(e.pool)), bool)
    failing = matrix[:, ~eligible]
    counts = {check.value: int(n) for check, n in zip(e.fails, failing.sum(axis=1), strict=True)}
    counts = dict(sorted(((k, n) for k, n in counts.items() if n), key=lambda kn: -kn[1]))

    def make_excluded(i: int) -> Excluded:
        return excluded(e, i, matrix[:, i].tolist())

    return Suggestion(
        mother=summary(e.mother, e.labels),
        rules=e.rules,
        candidates=Built(ranked.tolist(), lambda i: candidate(e, i)),
        excluded=Built(out.tolist(), make_excluded),
        tie_rule=TIE_RULE,
        counts=counts,
    )
