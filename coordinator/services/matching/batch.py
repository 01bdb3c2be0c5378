"""Batch matching of a waiting list: the assignment with the most matches, then the highest
total score, that keeps every volunteer within her remaining capacity and never breaks a
hard check. scipy's linear_sum_assignment on capacity-expanded columns (one column per free
place, plus one "unmatched" column per mother); imported only when a batch runs.

Every pair is scored as things stand before the plan: a volunteer given two mothers shows,
for both, the fairness points of her places before either (what the coordinator reviews is
what save_plan keeps)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from coordinator import models as m
from coordinator.services.changes import Cancelled
from coordinator.services.matching.checks import hard_check_label
from coordinator.services.matching.engine import evaluate
from coordinator.services.matching.errors import HardCheckFailed, MatchRefused
from coordinator.services.matching.facts import Labels, MotherFacts, load_mothers
from coordinator.services.matching.lifecycle import CURRENT, add_proposal, proposal_defaults
from coordinator.services.matching.pool import VolunteerPool, load_pool, volunteer_pool
from coordinator.services.matching.project_rules import rules_in
from coordinator.services.matching.results import Contribution
from coordinator.services.matching.rules import MatchingRules
from coordinator.services.matching.words import contributions, reasons
from coordinator.services.sessions import Source, reading
from coordinator.storage.vault import Vault

BATCH_RATIONALE = "Proposed from the waiting list (batch matching)."
LOST_OUT = (
    "Every volunteer who could support her is proposed for someone else on the list "
    "(the plan with the most matches, then the highest total score)."
)


@dataclass(frozen=True)
class BatchProposal:
    mother_id: int
    mother_ref: str
    mother_name: str
    volunteer_id: int
    volunteer_ref: str
    volunteer_name: str
    score: float
    contributions: tuple[Contribution, ...]


@dataclass(frozen=True)
class BatchPlan:
    project_id: int | None
    proposals: tuple[BatchProposal, ...]
    #: (mother_id, reference, name, reasons) of the mothers left unmatched.
    unmatched: tuple[tuple[int, str, str, tuple[str, ...]], ...]
    total_score: float
    average_score: float


def waiting_mothers(session: Session, project_id: int | None) -> list[int]:
    """Waiting mothers with a project and no current match, in waiting-list order."""
    has_current = (
        select(m.Match.id)
        .where(m.Match.mother_id == m.Mother.id, m.Match.status.in_(CURRENT))
        .exists()
    )
    statement = select(m.Mother.id).where(
        m.Mother.stage == m.MotherStage.WAITING, m.Mother.project_id.is_not(None), ~has_current
    )
    if project_id is not None:
        statement = statement.where(m.Mother.project_id == project_id)
    statement = statement.order_by(
        m.Mother.stage_changed_on, m.Mother.referral_received_on, m.Mother.id
    )
    return list(session.scalars(statement))


def best_assignment(
    tenths: np.ndarray, eligible: np.ndarray, remaining: np.ndarray
) -> dict[int, int]:
    """row (mother) -> column (volunteer) maximising first the number of matches, then the
    total score, with at most remaining[j] rows on column j and only eligible pairs.

    linear_sum_assignment on one column per free place plus one "unmatched" column per
    row; each match earns a bonus larger than any total score, so more matches always win.
    """
    rows, cols = tenths.shape
    if rows == 0 or cols == 0:
        return {}
    from scipy.optimize import linear_sum_assignment  # ~0.5 s to import: only when needed

    useful = eligible.any(axis=0) & (remaining > 0)
    places = (np.minimum(remaining, eligible.sum(axis=0)) * useful).astype(np.int64)
    owner = np.repeat(np.arange(cols), places)
    bonus = float(rows * (int(tenths.max(initial=0)) + 1) + 1)
    gain = np.where(eligible[:, owner], bonus + tenths[:, owner], -1.0)
    cost = np.concatenate([-gain, np.zeros((rows, rows))], axis=1)
    picked_rows, picked_cols = linear_sum_assignment(cost)
    found: dict[int, int] = {}
    for r, c in zip(picked_rows, picked_cols, strict=True):
        if c < len(owner) and eligible[r, owner[c]]:
            found[int(r)] = int(owner[c])
    return found


def plan_waiting_list(
    source: Source,
    *,
    project_id: int | None,
    today: date,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> BatchPlan:
    """The best plan for every waiting mother of the project (all projects when None).

    Raises services.changes.Cancelled when `cancelled()` turns true."""
    report = progress or (lambda done, total: None)
    stop = cancelled or (lambda: False)
    with reading(source) as session:
        pool = volunteer_pool(session, today)  # first: see suggest.gather()
        labels = Labels(session)
        ids = waiting_mothers(session, project_id)
        mothers = load_mothers(session, ids, labels)
        mothers_list = [mothers[i] for i in ids if i in mothers]
        rules = {p: rules_in(session, p) for p in {mo.project_id for mo in mothers_list}}
    return plan_for(pool, mothers_list, rules, labels, today, project_id, report, stop)


def plan_for(
    pool: VolunteerPool,
    mothers: list[MotherFacts],
    rules: dict[int | None, MatchingRules],
    labels: Labels,
    today: date,
    project_id: int | None,
    report: Callable[[int, int], None],
    stop: Callable[[], bool],
) -> BatchPlan:
    total = len(mothers) + 1
    tenths = np.zeros((len(mothers), len(pool)), np.int64)
    eligible = np.zeros((len(mothers), len(pool)), bool)
    why_not: dict[int, Counter[str]] = {}
    for row, mother in enumerate(mothers):
        if stop():
            raise Cancelled()
        report(row, total)
        e = evaluate(pool, mother, rules[mother.project_id], labels, today=today)
        eligible[row] = e.eligible
        tenths[row] = e.total_tenths
        if not eligible[row].any():
            why_not[row] = Counter(
                {
                    check.value: int(failed.sum())
                    for check, failed in e.fails.items()
                    if failed.any()
                }
            )
    if stop():
        raise Cancelled()
    chosen = best_assignment(tenths, eligible, pool.capacity - pool.current)
    proposals = []
    for row, col in sorted(chosen.items()):
        mother = mothers[row]
        # Words for the chosen pair only: her volunteer on her own ranks as in the whole pool.
        e = evaluate(pool.take([col]), mother, rules[mother.project_id], labels, today=today)
        proposals.append(
            BatchProposal(
                mother_id=mother.id,
                mother_ref=mother.reference,
                mother_name=mother.name,
                volunteer_id=pool.ids[col],
                volunteer_ref=pool.references[col],
                volunteer_name=pool.names[col],
                score=int(e.total_tenths[0]) / 10,
                contributions=contributions(e, 0),
            )
        )
    unmatched = tuple(
        (mo.id, mo.reference, mo.name, _unmatched_reasons(why_not.get(row), len(pool)))
        for row, mo in enumerate(mothers)
        if row not in chosen
    )
    report(total, total)
    total_tenths = sum(round(p.score * 10) for p in proposals)
    return BatchPlan(
        project_id=project_id,
        proposals=tuple(proposals),
        unmatched=unmatched,
        total_score=total_tenths / 10,
        average_score=round(total_tenths / 10 / len(proposals), 1) if proposals else 0.0,
    )


def _unmatched_reasons(counts: Counter[str] | None, volunteers: int) -> tuple[str, ...]:
    if counts is None:
        return (LOST_OUT,)
    if volunteers == 0:
        return ("There are no volunteers.",)
    head = f"No volunteer passes every check (of {volunteers})"
    return (head, *(f"{hard_check_label(k)}: {n}" for k, n in counts.most_common(3)))


def save_plan(
    vault: Vault, plan: BatchPlan, chosen: Iterable[int], *, today: date, decided_by: str
) -> list[int]:
    """Save the proposals of the chosen mothers (ids) as proposed matches, in one
    transaction, with the scores and words the plan showed. Hard checks are checked again,
    capacity counting the proposals saved before in the same plan (HardCheckFailed, naming
    the mother: nothing saved). Returns the new match ids."""
    wanted = set(chosen)
    picked = [p for p in plan.proposals if p.mother_id in wanted]
    saved: list[int] = []
    with vault.transaction() as session:
        labels = Labels(session)
        mothers = load_mothers(session, [p.mother_id for p in picked], labels)
        pool = load_pool(session, today)
        rules: dict[int | None, MatchingRules] = {}
        for proposal in picked:
            mother = mothers.get(proposal.mother_id)
            if mother is None:
                raise MatchRefused(f"{proposal.mother_ref}'s record is not there any more.")
            if mother.project_id not in rules:
                rules[mother.project_id] = rules_in(session, mother.project_id)
            e = evaluate(pool, mother, rules[mother.project_id], labels, today=today)
            i = pool.index_of.get(proposal.volunteer_id)
            if i is not None and reasons(e, i)[0]:
                said = reasons(e, i)[0]
                raise HardCheckFailed(
                    tuple(f"{proposal.mother_ref} with {proposal.volunteer_ref}: {r}" for r in said)
                )
            details = replace(
                proposal_defaults(session, mother.id, proposal.volunteer_id, today=today),
                rationale=BATCH_RATIONALE,
            )
            saved.append(
                add_proposal(
                    session,
                    e,
                    proposal.volunteer_id,
                    details,
                    decided_by,
                    shown=proposal.contributions,
                )
            )
            if i is not None:
                pool.current[i] += 1
    return saved
