"""A demo match's contacts: visits, calls and texts, and what came of each one."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from coordinator import models as m
from coordinator.services.demo.common import DAY, weights
from coordinator.services.demo.records import Dates, Mo, Proj, Vol
from coordinator.services.demo.run import Run
from coordinator.services.demo.safeguarding import add_concern

CM, ST = m.ContactMedium, m.SupportType
MEDIA = {
    m.SupportModel.BEFRIENDING: weights(
        CM, "home_visit 45 phone 20 text 15 outing 10 accompanied_appointment 5 video 5"
    ),
    m.SupportModel.MENTORING: weights(
        CM, "phone 35 home_visit 30 text 15 video 10 accompanied_appointment 10"
    ),
}
MINUTES = {
    CM.HOME_VISIT: (45, 120),
    CM.PHONE: (10, 45),
    CM.TEXT: (2, 10),
    CM.VIDEO: (20, 50),
    CM.OUTING: (60, 180),
    CM.ACCOMPANIED_APPOINTMENT: (60, 150),
}
IN_PERSON = (CM.HOME_VISIT, CM.OUTING, CM.ACCOMPANIED_APPOINTMENT)


@dataclass(slots=True)
class _Contact:
    """What happened in one contact."""

    medium: m.ContactMedium
    minutes: int | None
    notes: str | None
    made: bool = True
    supports: list[m.SupportType] = field(default_factory=lambda: [ST.ACTIVE_LISTENING])
    concerns: str | None = None
    follow_up: str | None = None
    follow_done: date | None = None


def add_contacts(
    run: Run, mid: int, mo: Mo, proj: Proj, vol: Vol, t: Dates, mstatus: m.MatchStatus
) -> None:
    """Contacts at the project's usual pace; one active match goes quiet, one far too busy."""
    T, r = run.T, run.r
    assert t.S is not None
    last, busy = t.E or t.paused or T, False
    if mstatus == m.MatchStatus.ACTIVE and t.S <= T - DAY * 40:
        if not run.gap_done or run.busy_done and run.chance(0.04):  # no contact for 14+ days
            run.gap_done, last = True, T - DAY * r(15, 30)
        elif not run.busy_done:  # far above the norm: dependency worth talking about
            run.busy_done = busy = vol.busy_match = True
    lo, hi = (-2, 2) if proj.step == 7 else (-3, 1)
    day = t.S
    while day <= last:
        _add_contact(run, mid, mo, proj, day, intro=day == t.S)
        day += DAY * (proj.step + r(lo, hi))
    day = T - DAY * 27
    while busy and day <= T:
        _add_contact(run, mid, mo, proj, day, busy=True)
        day += DAY * r(1, 2)


def _add_contact(
    run: Run, mid: int, mo: Mo, proj: Proj, day: date, *, intro: bool = False, busy: bool = False
) -> None:
    r = run.r
    cid = run.new_id("contact")
    if intro:
        c = _Contact(CM.HOME_VISIT, 60, run.w["intro_note"])
        c.supports.append(ST.INFORMATION)
    elif busy:
        medium = run.pick((CM.TEXT, CM.PHONE, CM.TEXT))
        c = _Contact(medium, r(*MINUTES[medium]), run.pick(run.w["busy_notes"]))
    else:
        c = _usual_contact(run, mo, proj, day)
    escalated = c.made and not intro and not mo.concern and run.chance(0.004)
    signpost_note = _signposts(run, cid, mo) if ST.SIGNPOSTING in c.supports else None
    travel = c.made and c.medium in IN_PERSON
    when = run.clock(day, 9, 18)
    run.rows.add(
        "contact",
        id=cid,
        match_id=mid,
        contact_at=when,
        duration_minutes=c.minutes,
        medium=c.medium,
        outcome=m.ContactOutcome.MADE if c.made else m.ContactOutcome.ATTEMPTED,
        signpost_note=signpost_note,
        concerns=c.concerns,
        follow_up=c.follow_up,
        follow_up_done_on=c.follow_done,
        safeguarding_escalated=escalated,
        notes=c.notes,
        mileage_miles=(round(run.rng.uniform(0.8, 9.5), 1) if travel and run.chance(0.7) else None),
        expenses_pence=(
            run.pick((250, 320, 450, 560, 680)) if travel and run.chance(0.15) else None
        ),
        reported_by=(
            m.ReportedBy.COORDINATOR if intro or run.chance(0.05) else m.ReportedBy.VOLUNTEER
        ),
        created_at=when + timedelta(hours=r(1, 30)),
        updated_at=when + timedelta(hours=30),
    )
    run.rows.add_each("contact_support", "support_type", c.supports, contact_id=cid)
    if escalated:
        add_concern(run, mo, day, cid, None)


def _usual_contact(run: Run, mo: Mo, proj: Proj, day: date) -> _Contact:
    """A contact in the match's usual way: sometimes only attempted."""
    medium = run.weighted(MEDIA[proj.model])
    c = _Contact(medium, run.r(*MINUTES[medium]), None)
    c.made = not (medium in (CM.PHONE, CM.TEXT, CM.HOME_VISIT) and run.chance(0.08))
    if not c.made:
        c.supports, c.minutes = [], None if medium == CM.HOME_VISIT else 0
        key = "home_visit" if medium == CM.HOME_VISIT else "other"
        no_voicemail = mo.no_voicemail and medium == CM.PHONE
        c.notes = run.w["attempted_notes"]["no_voicemail" if no_voicemail else key]
        return c
    if run.chance(0.4):
        c.supports.append(ST.INFORMATION)
    if mo.services and run.chance(0.18):
        c.supports.append(ST.SIGNPOSTING)
    outing = medium in (CM.OUTING, CM.ACCOMPANIED_APPOINTMENT)
    if run.chance(0.9 if outing else 0.15):
        c.supports.append(ST.PRACTICAL)
    c.notes = run.sometimes(0.6, run.w["contact_notes"])
    if run.chance(0.03):
        c.concerns, c.follow_up = run.pick(run.w["contact_concerns"])
        done = day + DAY * run.r(1, 10)
        c.follow_done = done if done <= run.T and run.chance(0.7) else None
    return c


def _signposts(run: Run, cid: int, mo: Mo) -> str:
    """One or two of her local services, linked to the contact; returns the note."""
    chosen = run.rng.sample(mo.services, min(len(mo.services), 1 + run.chance(0.1)))
    run.rows.add_each("contact_signpost", "service_id", [s[0] for s in chosen], contact_id=cid)
    return run.w["signpost_note"].format(services=" and ".join(s[1] for s in chosen))
