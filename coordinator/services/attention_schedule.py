"""The rules of Today about dates coming up: supervision, endings, babies' ages, consent
reviews and backups. Each takes a session and `today` and returns Alerts."""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coordinator import models as m
from coordinator.models.supervision import supervision_attendee
from coordinator.models.volunteer import volunteer_project
from coordinator.services import attention as a
from coordinator.services import settings
from coordinator.services.attention import Alert, Severity, Target, from_values
from coordinator.services.attention_rules import (
    _day,
    _live_matches,
    _name,
    _nice,
    _pair,
    _rows,
    as_stored,
    in_id_order,
    mother_shown,
)
from coordinator.services.contacts_norms import LIVE
from coordinator.services.endings_prompts import discussed_again

DAY = timedelta(days=1)
S = Severity


@lru_cache(maxsize=4096)
def _in(today: date, due: date) -> str:
    left = (due - today).days
    if left < 0:
        return f"{-left} day{'s' if left != -1 else ''} overdue"
    if left == 0:
        return "today"
    return f"in {left} day{'s' if left != 1 else ''}"


def supervision_due(session: Session, today: date) -> list[Alert]:
    """Active volunteers whose next supervision is overdue or due within 7 days. The next
    session is the one the last session set, else the project's interval after the last
    (or after she became active, if she has had none)."""
    att = supervision_attendee
    last = (
        select(
            att.c.volunteer_id,
            func.max(m.SupervisionSession.held_on).label("held"),
            func.max(m.SupervisionSession.next_due_on).label("next_due"),
        )
        .join(m.SupervisionSession, m.SupervisionSession.id == att.c.session_id)
        .where(m.SupervisionSession.held_on <= today)
        .group_by(att.c.volunteer_id)
        .subquery()
    )
    interval = (
        select(
            volunteer_project.c.volunteer_id,
            func.min(m.Project.supervision_interval_weeks).label("weeks"),
        )
        .join(m.Project, m.Project.id == volunteer_project.c.project_id)
        .group_by(volunteer_project.c.volunteer_id)
        .subquery()
    )
    default_weeks = settings.get(session, a.SUPERVISION_WEEKS)
    rows = _rows(
        session,
        select(
            m.Volunteer.id,
            m.Volunteer.reference,
            m.Volunteer.preferred_name,
            m.Volunteer.full_name,
            last.c.held,
            last.c.next_due,
            func.coalesce(interval.c.weeks, default_weeks),
            func.coalesce(m.Volunteer.status_since, m.Volunteer.induction_completed_on),
        )
        .outerjoin(last, last.c.volunteer_id == m.Volunteer.id)
        .outerjoin(interval, interval.c.volunteer_id == m.Volunteer.id)
        .where(m.Volunteer.status == m.VolunteerStatus.ACTIVE),
    )
    found = []
    for vid, ref, pref, full, held, next_due, weeks, active_since in rows:
        held, next_due = _day(held), _day(next_due)
        base = held or _day(active_since)
        if next_due is None or (held and next_due <= held):
            if base is None:
                continue
            next_due = base + timedelta(weeks=int(weeks))
        if next_due > today + DAY * 7:
            continue
        overdue = next_due < today
        found.append(
            from_values(
                Alert,
                (
                    "supervision_overdue" if overdue else "supervision_due",
                    S.SOON if overdue else S.INFO,
                    ref,
                    _name(pref, full),
                    f"Supervision due {_nice(next_due)} ({_in(today, next_due)})"
                    + (f"; last held {_nice(held)}" if held else "; none held yet"),
                    next_due,
                    from_values(Target, ("volunteer", vid, "supervision")),
                    next_due - DAY * 7,
                    None,
                ),
            )
        )
    return found


def supervision_actions(session: Session, today: date) -> list[Alert]:
    """Actions agreed in supervision, not done, due within 7 days or overdue."""
    att = supervision_attendee
    first_attendee = (
        select(func.min(att.c.volunteer_id))
        .where(att.c.session_id == m.SupervisionAction.session_id)
        .correlate(m.SupervisionAction)
        .scalar_subquery()
    )
    who = func.coalesce(m.SupervisionAction.volunteer_id, first_attendee)
    rows = _rows(
        session,
        select(
            m.SupervisionAction.id,
            m.SupervisionAction.text,
            m.SupervisionAction.owner,
            m.SupervisionAction.due_on,
            m.Volunteer.id,
            m.Volunteer.reference,
            m.Volunteer.preferred_name,
            m.Volunteer.full_name,
        )
        .join(m.Volunteer, m.Volunteer.id == who)
        .where(
            m.SupervisionAction.done_on.is_(None),
            m.SupervisionAction.due_on <= today + DAY * 7,
        ),
    )
    return [
        from_values(
            Alert,
            (
                "supervision_action_due",
                S.SOON if due < today else S.INFO,
                ref,
                _name(pref, full),
                f"Supervision action due {_nice(due)} ({_in(today, due)}): {text[:70]}"
                # whose it is, unless it is hers (her name already heads the line)
                + (f" ({owner})" if owner and owner not in (full, pref) else ""),
                due,
                from_values(Target, ("volunteer", vid, "supervision")),
                due - DAY * 7,
                aid,
            ),
        )
        for aid, text, owner, due, vid, ref, pref, full in rows
    ]


def planned_endings(session: Session, today: date) -> list[Alert]:
    """Matches going on whose planned end is within 14 days (or has passed)."""
    rows = _rows(
        session,
        _live_matches()
        .add_columns(m.Match.planned_end_date)
        .where(m.Match.status.in_(LIVE), m.Match.planned_end_date <= today + DAY * 14),
    )
    return [
        from_values(
            Alert,
            (
                "planned_ending",
                S.SOON,
                ref,
                _pair(mp, mf, vp, vf),
                f"Planned ending {_nice(end)} ({_in(today, end)})",
                end,
                from_values(Target, ("match", mid, "ending")),
                end - DAY * 14,
                None,
            ),
        )
        for mid, ref, mp, mf, vp, vf, end in rows
    ]


def ending_discuss_again(session: Session, today: date) -> list[Alert]:
    """Four weeks before a planned end: discuss the ending again (until it is recorded)."""
    done = discussed_again(session)
    rows = _rows(
        session,
        _live_matches()
        .add_columns(m.Match.planned_end_date)
        .where(
            m.Match.status.in_(LIVE),
            m.Match.planned_end_date <= today + DAY * 28,
            m.Match.planned_end_date >= today,
        ),
    )
    return [
        from_values(
            Alert,
            (
                "ending_discuss_again",
                S.INFO,
                ref,
                _pair(mp, mf, vp, vf),
                f"Discuss the ending again: planned for {_nice(end)}",
                end - DAY * 28,
                from_values(Target, ("match", mid, "ending")),
                end - DAY * 28,
                None,
            ),
        )
        for mid, ref, mp, mf, vp, vf, end in rows
        if mid not in done
    ]


def baby_age_limit(session: Session, today: date) -> list[Alert]:
    """Matched mothers whose baby reaches the project's age limit within 4 weeks (or has)."""
    limit_on = func.date(
        m.Mother.baby_dob, func.printf("+%d months", m.Project.baby_age_limit_months)
    )
    rows = in_id_order(
        _rows(
            session,
            select(
                *mother_shown(),
                m.Project.baby_age_limit_months,
                limit_on,
            )
            .join(m.Project, m.Project.id == m.Mother.project_id)
            .where(
                m.Mother.stage == m.MotherStage.MATCHED,
                m.Mother.baby_dob.is_not(None),
                m.Project.baby_age_limit_months.is_not(None),
                limit_on <= (today + DAY * 28).isoformat(),
            ),
        )
    )
    found = []
    for mid, ref, pref, full, months, on in rows:
        on = date.fromisoformat(on)
        found.append(
            from_values(
                Alert,
                (
                    "baby_age_limit",
                    S.SOON,
                    ref,
                    pref or full,
                    f"Baby reaches the project's age limit ({months} months) {_nice(on)}"
                    f" ({_in(today, on)})",
                    on,
                    from_values(Target, ("mother", mid, "pregnancy")),
                    on - DAY * 28,
                    None,
                ),
            )
        )
    return found


def consent_reviews(session: Session, today: date) -> list[Alert]:
    """Consents given and not withdrawn whose review is due within 14 days (or overdue)."""
    # The consents from their partial index alone (migrations 0005, 0007), then their mothers.
    rows = in_id_order(
        _rows(
            session,
            select(
                *mother_shown(),
                m.Consent.id,
                m.Consent.kind,
                as_stored(m.Consent.review_on),
            )
            .join(m.Consent, m.Consent.mother_id == m.Mother.id)
            .where(
                m.Consent.given == 1,  # as the partial index says it
                m.Consent.withdrawn_on.is_(None),
                m.Consent.review_on <= today + DAY * 14,
                m.Mother.stage != m.MotherStage.CLOSED,
            ),
        ),
        4,
    )
    found = []
    for mid, ref, pref, full, cid, kind, review in rows:
        review = _day(review)
        found.append(
            from_values(
                Alert,
                (
                    "consent_review",
                    S.SOON if review < today else S.INFO,
                    ref,
                    pref or full,
                    f"Consent review ({str(kind).replace('_', ' ')}) due {_nice(review)}"
                    f" ({_in(today, review)})",
                    review,
                    from_values(Target, ("mother", mid, "consents")),
                    review - DAY * 14,
                    cid,
                ),
            )
        )
    return found


def no_backup(session: Session, today: date) -> list[Alert]:
    """No verified backup for 7 days (or none ever)."""
    last = settings.get(session, settings.LAST_GOOD_BACKUP)
    days = settings.BACKUP_WARN_DAYS
    if last is not None and last.date() > today - DAY * days:
        return []
    what = f"No backup since {_nice(last.date())}" if last else "No backup has been made yet"
    return [
        Alert(
            "no_backup",
            S.SOON,
            None,
            "Backups",
            what,
            last.date() + DAY * days if last else None,
            Target("backup", None, "backups"),
            since=last.date() + DAY * days if last else None,
        )
    ]


RULES = (
    supervision_due,
    supervision_actions,
    planned_endings,
    ending_discuss_again,
    baby_age_limit,
    consent_reviews,
    no_backup,
)
