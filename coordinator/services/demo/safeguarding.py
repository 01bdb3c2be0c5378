"""Safeguarding concerns about a demo mother: raised, escalated and (often) resolved."""

from __future__ import annotations

from datetime import date

from coordinator import models as m
from coordinator.services.demo.common import DAY
from coordinator.services.demo.records import Dates, Mo
from coordinator.services.demo.run import Run

# The need that makes a concern likelier, first match wins; otherwise 3%.
CONCERN_ODDS = (("domestic_abuse", 0.35), ("substance_misuse", 0.3), ("mental_health", 0.1))


def add_concerns(run: Run, mo: Mo, t: Dates, stage: m.MotherStage) -> None:
    """Perhaps a concern raised once she had been contacted."""
    if t.C is None:
        return
    p = next((odds for need, odds in CONCERN_ODDS if need in mo.needs), 0.03)
    if run.chance(p):
        raised = t.C + DAY * run.r(0, (run.T - t.C).days)
        add_concern(run, mo, raised, None, t.X if stage == m.MotherStage.CLOSED else None)


def add_concern(
    run: Run, mo: Mo, raised: date, contact_id: int | None, closed: date | None
) -> None:
    T, r = run.T, run.r
    note, escalated_to = run.pick(run.w["safeguarding_notes"])
    escalated_on = min(T, raised + DAY * r(0, 3)) if run.chance(0.8) else None
    resolved = None
    if closed is not None:
        resolved = max(raised, min(closed, raised + DAY * r(7, 60)))
    elif raised < T - DAY * 30 and run.chance(0.65):
        resolved = raised + DAY * r(7, min(120, (T - raised).days))
    mo.concern = True
    run.rows.add(
        "safeguarding_concern",
        mother_id=mo.id,
        contact_id=contact_id,
        raised_on=raised,
        raised_by=run.pick(run.w["concern_raisers"]),
        note=note,
        escalated_to=escalated_to if escalated_on else None,
        escalated_on=escalated_on,
        resolved_on=resolved,
        resolution_note=(run.w["concern_resolved"].format(who=escalated_to) if resolved else None),
    )
