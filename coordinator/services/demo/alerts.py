"""After the demo is filled: make sure the Today page has something of every kind to show.

The fill's own story already gives most alerts (waiting lists, a quiet match, a busy one,
expired DBS checks, open concerns, supervision overdue). This step moves a few dates of the
records just made (the lowest ids that fit, so the same seed gives the same result) for the
alerts the story may not reach: a planned ending within two weeks, an ending to discuss
again, a baby reaching the age limit, a match silent for a month, a DBS check run out for a
volunteer not matched, a follow-up still open.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import delete, exists, select, update
from sqlalchemy.orm import Session

from coordinator import models as m
from coordinator.services import settings
from coordinator.services.demo.common import add_months
from coordinator.services.endings_prompts import DISCUSSED_AGAIN

DAY = timedelta(days=1)
LIVE = (m.MatchStatus.ACTIVE, m.MatchStatus.PAUSED)


def _set(session: Session, model: type, row_id: int, **values: object) -> None:
    """Change a row without touching its updated_at (the same seed gives the same rows)."""
    values["updated_at"] = model.updated_at  # type: ignore[attr-defined]
    session.execute(update(model).where(model.id == row_id).values(**values))  # type: ignore[attr-defined]


def _active_matches(session: Session, today: date, used: set[int]) -> list[m.Match]:
    found = session.scalars(
        select(m.Match)
        .where(m.Match.status == m.MatchStatus.ACTIVE, m.Match.start_date <= today - DAY * 60)
        .order_by(m.Match.id)
    ).all()
    return [x for x in found if x.id not in used and x.mother_id not in used]


def make_every_alert(session: Session, today: date) -> None:
    """Adjust the freshly made demo records so each alert of Today shows at least once."""
    session.flush()
    used: set[int] = set()
    matches = _active_matches(session, today, used)
    if len(matches) < 4:
        return  # a tiny demo: the story's own alerts are enough
    soon, later, silent, busy = matches[-1], matches[-2], matches[-3], matches[-4]
    _set(session, m.Match, soon.id, planned_end_date=today + DAY * 10)
    _set(session, m.Match, later.id, planned_end_date=today + DAY * 24)
    stored = dict(settings.get(session, DISCUSSED_AGAIN) or {})
    stored[str(soon.id)] = (today - DAY * 18).isoformat()
    settings.put(session, DISCUSSED_AGAIN, stored)
    used.update({soon.id, later.id, silent.id, busy.id})
    _fall_silent(session, silent, today)
    _open_follow_up(session, busy, today)
    _baby_near_limit(session, today, {x.mother_id for x in (soon, later, silent, busy)})
    _dbs_run_out_unmatched(session, today)
    session.flush()


def _fall_silent(session: Session, match: m.Match, today: date) -> None:
    """No contact made for five weeks."""
    recent = select(m.Contact.id).where(
        m.Contact.match_id == match.id,
        m.Contact.contact_at >= datetime.combine(today - DAY * 35, time.min),
    )
    ids = list(session.scalars(recent))
    if not ids:
        return
    signpost = m.Base.metadata.tables["contact_signpost"]
    session.execute(delete(signpost).where(signpost.c.contact_id.in_(ids)))
    session.execute(delete(m.ContactSupport).where(m.ContactSupport.contact_id.in_(ids)))
    session.execute(
        update(m.SafeguardingConcern)
        .where(m.SafeguardingConcern.contact_id.in_(ids))
        .values(contact_id=None)
    )
    session.execute(delete(m.Contact).where(m.Contact.id.in_(ids)))


def _open_follow_up(session: Session, match: m.Match, today: date) -> None:
    """The last contact's follow-up, not yet done."""
    contact = session.scalars(
        select(m.Contact)
        .where(m.Contact.match_id == match.id, m.Contact.concerns.is_(None))
        .order_by(m.Contact.contact_at.desc())
        .limit(1)
    ).first()
    if contact is not None:
        _set(
            session,
            m.Contact,
            contact.id,
            follow_up="Send her the details of the baby bank",
            follow_up_done_on=None,
        )


def _baby_near_limit(session: Session, today: date, taken: set[int]) -> None:
    """A matched mother whose baby reaches the project's age limit in about three weeks:
    the one nearest to it already, her baby's birth and due dates moved together."""
    rows = session.execute(
        select(m.Mother, m.Project.baby_age_limit_months)
        .join(m.Project, m.Project.id == m.Mother.project_id)
        .where(
            m.Mother.stage == m.MotherStage.MATCHED,
            m.Mother.baby_dob.is_not(None),
            m.Mother.edd.is_not(None),
            m.Project.baby_age_limit_months.is_not(None),
            m.Mother.id.not_in(taken or {0}),
        )
        .order_by(m.Mother.id)
    ).all()
    wanted = today + DAY * 20
    best: tuple[int, m.Mother] | None = None
    for mother, months in rows:
        shift = (wanted - add_months(mother.baby_dob, months)).days
        latest = max(mother.baby_dob, mother.edd) + DAY * shift
        fits = latest <= today and mother.referral_received_on < mother.edd + DAY * shift
        if fits and (best is None or abs(shift) < abs(best[0])):
            best = (shift, mother)
    if best is not None:
        shift, mother = best
        _set(
            session,
            m.Mother,
            mother.id,
            baby_dob=mother.baby_dob + DAY * shift,
            edd=mother.edd + DAY * shift,
        )


def _dbs_run_out_unmatched(session: Session, today: date) -> None:
    """An active volunteer with no match going on whose DBS check ran out last week."""
    live = exists().where(m.Match.volunteer_id == m.Volunteer.id, m.Match.status.in_(LIVE))
    volunteer = session.scalars(
        select(m.Volunteer)
        .where(m.Volunteer.status == m.VolunteerStatus.ACTIVE, ~live)
        .order_by(m.Volunteer.id)
        .limit(1)
    ).first()
    if volunteer is None or not volunteer.dbs_checks:
        return
    latest = max(volunteer.dbs_checks, key=lambda c: (c.issue_date, c.id))
    _set(session, m.DBSCheck, latest.id, next_check_due=today - DAY * 6)
