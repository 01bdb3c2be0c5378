"""A mother's dates, from referral to closure, drawn until they fit her stage and match."""

from __future__ import annotations

from coordinator import models as m
from coordinator.services.demo.common import DAY, add_months, weights
from coordinator.services.demo.records import Dates, Proj
from coordinator.services.demo.run import Run

MS, MT = m.MotherStage, m.MatchStatus
EARLY = (MS.RECEIVED, MS.CONTACTED, MS.ASSESSED, MS.WAITING)
CLOSED_AT_WEIGHTS = weights(MS, "received 20 contacted 35 assessed 15 waiting 30")


def draw_dates(
    run: Run, stage: m.MotherStage, mstatus: m.MatchStatus | None, proj: Proj, planned: bool | None
) -> Dates | None:
    """Her dates, or None when none fitted together in 60 draws."""
    for _ in range(60):
        t = _try_dates(run, stage, mstatus, proj, planned)
        if t is not None:
            return t
    return None


def _try_dates(
    run: Run, stage: m.MotherStage, mstatus: m.MatchStatus | None, proj: Proj, planned: bool | None
) -> Dates | None:
    T, r = run.T, run.r
    mentoring = proj.model == m.SupportModel.MENTORING
    t = _referral(run, stage, mstatus, mentoring)
    C = t.R + DAY * r(1, 7)
    A = C + DAY * r(3, 21)
    W = A + DAY * r(0, 3)
    if stage in EARLY:
        steps = EARLY.index(stage)
        t.C, t.A, t.W = (min(d, T) if k < steps else None for k, d in enumerate((C, A, W)))
        t.reached = stage
        return t
    if stage == MS.CLOSED and mstatus is None:  # closed before any match
        t.reached = run.weighted(CLOSED_AT_WEIGHTS)
        keep = EARLY.index(t.reached)
        dates = (t.R, C, A, W)
        t.C, t.A, t.W = (d if k <= keep else None for k, d in enumerate(dates[1:], 1))
        t.X = dates[keep] + DAY * r(3, 45)
        return t if t.X <= T else None
    t.C, t.A, t.W = C, A, W
    return _matched(run, t, mstatus, mentoring, planned)


def _referral(
    run: Run, stage: m.MotherStage, mstatus: m.MatchStatus | None, mentoring: bool
) -> Dates:
    """When she was referred, and her pregnancy or baby then."""
    T, r = run.T, run.r
    if stage == MS.MATCHED:
        ago = (20, 230) if mentoring else (20, 400)
    elif stage == MS.CLOSED:
        ago = (45, 540) if mstatus == MT.ENDED else (10, 540)
    else:
        ago = {MS.RECEIVED: (0, 14), MS.CONTACTED: (2, 30), MS.ASSESSED: (5, 45)}.get(
            stage, (7, 110)
        )
    R = T - DAY * r(*ago)
    if run.chance(0.85 if mentoring else 0.7):  # pregnant when referred
        pregnant_weeks = r(8, 37)
        weeks, edd, dob = pregnant_weeks, R + DAY * 7 * (40 - pregnant_weeks), None
        if edd <= T:  # born: near the EDD, after the referral, never in the future
            dob = max(R + DAY, edd + DAY * min(r(-21, 12), (T - edd).days))
    else:  # referred after the birth
        weeks, dob = None, R - DAY * r(2, 30 if mentoring else 150)
        edd = dob + DAY * min(r(-14, 21), (T - dob).days)
    return Dates(R=R, edd=edd, dob=dob, weeks=weeks)


def _matched(
    run: Run, t: Dates, mstatus: m.MatchStatus | None, mentoring: bool, planned: bool | None
) -> Dates | None:
    """The match's dates, from proposal to its end (if it ended)."""
    T, r = run.T, run.r
    assert t.W is not None
    birth = t.dob or t.edd
    natural_end = birth + DAY * 42 if mentoring else add_months(birth, 12)
    t.P, t.reached, t.planned_end = t.W + DAY * r(3, 45), MS.MATCHED, natural_end
    if mstatus == MT.PROPOSED:
        if t.P > T:
            return None
        t.P = max(t.P, T - DAY * r(0, 14))
        t.intro = t.P + DAY * r(3, 14) if run.chance(0.6) else None
        return t if natural_end >= T + DAY * 28 else None
    t.S = t.intro = S = t.P + DAY * r(3, 14)
    if natural_end < S + DAY * 28:
        return None
    if mstatus == MT.ACTIVE:
        return t if S <= T - DAY and natural_end >= T - DAY * 3 else None
    if mstatus == MT.PAUSED:
        if S > T - DAY * 20:
            return None
        t.paused = S + DAY * r(14, (T - S).days - 1)
        return t if natural_end >= t.paused + DAY * 14 else None
    if S > T - DAY * 30:
        return None
    if planned:
        E = natural_end + DAY * r(-10, 3)
    else:
        E = S + DAY * r(14, max(14, (natural_end - S).days - 7))
    if E > T - DAY or E < S + DAY * 14:
        return None
    t.E, t.X, t.reached = E, min(T, E + DAY * r(0, 10)), MS.CLOSED
    return t
