"""One rule per alert of the Today page; each takes a session and `today`, returns Alerts.

Each rule is one query (or two), so that the whole page is quick on a large database; the
windows (14 days, 60/30/7 days, ...) are the ones the coordinator asked for.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from functools import lru_cache
from operator import itemgetter
from typing import Any

from sqlalchemy import String, func, or_, select, type_coerce
from sqlalchemy.orm import Session, aliased

from coordinator import models as m
from coordinator.services import attention as a
from coordinator.services import settings
from coordinator.services.attention import Alert, Severity, Target, from_values
from coordinator.services.contacts_norms import LIVE, dependency_flags

DAY = timedelta(days=1)
S = Severity
Mo, Vo = aliased(m.Mother), aliased(m.Volunteer)


def _name(preferred: str | None, full: str) -> str:
    return preferred or full


def as_stored(column: Any) -> Any:
    """The column's value as SQLite holds it (a date as ISO text, for `_day`): SQLAlchemy's
    own parsing of dates costs more, thousands of rows a time, than all the rest of a row."""
    return type_coerce(column, String)


def _rows(session: Session, statement: Any) -> list[Any]:
    """All the rows at once, through the connection rather than the ORM: on a large
    database a rule has thousands, and the per-row handling is much of its time."""
    return session.connection().execute(statement).all()


def _plain_rows(session: Session, statement: Any) -> list[tuple[Any, ...]]:
    """As `_rows`, as the driver gives them: for a statement whose columns SQLAlchemy does
    not convert (numbers and text), where making a row object of each of thousands counts."""
    result = session.connection().execute(statement)
    try:
        return result.cursor.fetchall()
    finally:
        result.close()


def in_id_order(rows: list[Any], at: int = 0) -> list[Any]:
    """The rows in the order of the record id in column `at`. A rule read from an index
    that holds its columns gets them in the index's order; sorted here, not by the query,
    since asking SQLite for id order makes it read the whole table instead."""
    rows.sort(key=itemgetter(at))
    return rows


def shown_name(person: Any) -> Any:
    """Her preferred name, else her full name (as `_name` says it), worked out by SQLite."""
    return func.coalesce(func.nullif(person.preferred_name, ""), person.full_name)


@lru_cache(maxsize=4096)
def _day(value: Any) -> date | None:
    """A date from what SQLite gives back for a date, a time or an expression of them.
    Remembered: thousands of alerts a time fall on the same few hundred days."""
    if value is None:
        return None
    if isinstance(value, str):
        if len(value) == 10:
            return date.fromisoformat(value)
        value = datetime.fromisoformat(value)
    return value.date() if isinstance(value, datetime) else value


MONTHS = ("", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@lru_cache(maxsize=4096)
def _nice(day: date | None) -> str:
    """'07 Mar 2026', whatever the locale (and quicker than strftime, thousands a time)."""
    return f"{day.day:02d} {MONTHS[day.month]} {day.year}" if day else ""


def mother_shown() -> tuple[Any, ...]:
    """What an alert about a mother reads of her: id, reference and names."""
    return (m.Mother.id, m.Mother.reference, m.Mother.preferred_name, m.Mother.full_name)


def _pair(mo_pref: str | None, mo_full: str, vo_pref: str | None, vo_full: str) -> str:
    return f"{_name(mo_pref, mo_full)} with {_name(vo_pref, vo_full)}"


# -- referrals ---------------------------------------------------------------------------------


def waiting_too_long(session: Session, today: date) -> list[Alert]:
    """Waiting for a match longer than the threshold (default 14 days)."""
    days = a.waiting_days(session)
    since = func.coalesce(m.Mother.stage_changed_on, m.Mother.referral_received_on)
    # Read from the index of mothers by stage alone (migration 0007). Thousands on a large
    # waiting list, who started waiting on a few hundred days: what each day says (the
    # days waited, the day it fell due) is worked out once, here rather than by SQLite's
    # date functions row by row, and shared by the alerts that say it.
    rows = in_id_order(
        _plain_rows(
            session,
            select(m.Mother.id, m.Mother.reference, shown_name(m.Mother), as_stored(since)).where(
                m.Mother.stage == m.MotherStage.WAITING, since < today - DAY * days
            ),
        )
    )
    # The alerts of each day, in the order of the mothers' ids; given newest first, as
    # Today shows them, so that putting them in order with the rest costs little.
    by_day: dict[str, tuple[str, date, list[Alert]]] = {}
    for mid, ref, name, waiting_since in rows:
        said = by_day.get(waiting_since)
        if said is None:
            started = _day(waiting_since)
            waited = (today - started).days
            said = by_day[waiting_since] = (
                f"Waiting for a match for {waited} days ({waited // 7} weeks)",
                started + DAY * days,
                [],
            )
        what, due, found = said
        target = from_values(Target, ("mother", mid, "matches"))
        found.append(
            from_values(
                Alert, ("waiting_too_long", S.SOON, ref, name, what, due, target, due, None)
            )
        )
    newest_first = []
    for _what, _due, found in sorted(by_day.values(), key=itemgetter(1), reverse=True):
        newest_first.extend(found)
    return newest_first


def referral_not_contacted(session: Session, today: date) -> list[Alert]:
    """New referrals nobody has contacted within 7 days of receiving them."""
    days = settings.get(session, a.CONTACT_REFERRAL_DAYS)
    rows = in_id_order(
        _rows(
            session,
            select(
                *mother_shown(),
                as_stored(m.Mother.referral_received_on),
            ).where(
                m.Mother.stage == m.MotherStage.RECEIVED,
                m.Mother.referral_received_on < today - DAY * days,
            ),
        )
    )
    found = []
    for mid, ref, pref, full, received in rows:
        received = _day(received)
        found.append(
            from_values(
                Alert,
                (
                    "referral_not_contacted",
                    S.SOON,
                    ref,
                    pref or full,
                    f"Referral received {_nice(received)}, not yet contacted",
                    received + DAY * days,
                    from_values(Target, ("mother", mid, "referral")),
                    received + DAY * days,
                    None,
                ),
            )
        )
    return found


# -- matches and contact -----------------------------------------------------------------------


def _live_matches() -> Any:
    return (
        select(
            m.Match.id,
            Mo.reference,
            Mo.preferred_name,
            Mo.full_name,
            Vo.preferred_name,
            Vo.full_name,
        )
        .join(Mo, Mo.id == m.Match.mother_id)
        .join(Vo, Vo.id == m.Match.volunteer_id)
    )


def no_recent_contact(session: Session, today: date) -> list[Alert]:
    """Active matches with no contact made for 14 days (and worse, 30)."""
    window = datetime.combine(today - DAY * 14, time.min)
    # Each active match's last contact made, from the index of contacts made by match (one
    # short look each, never the whole log); none since the window's start means quiet.
    last = (
        select(func.max(m.Contact.contact_at))
        .where(m.Contact.match_id == m.Match.id, m.Contact.outcome == m.ContactOutcome.MADE)
        .correlate(m.Match)
        .scalar_subquery()
    )
    quiet = (
        _live_matches()
        .add_columns(as_stored(m.Match.start_date), as_stored(last))
        .where(
            m.Match.status == m.MatchStatus.ACTIVE,
            m.Match.start_date < today - DAY * 14,
            func.coalesce(last, "") < window,  # none at all, or none since (looked at once)
        )
    )
    found = []
    for mid, ref, mp, mf, vp, vf, start, last_at in _rows(session, quiet):
        last_day, start = _day(last_at), _day(start)
        quiet_from = max(d for d in (last_day, start) if d is not None)
        if quiet_from >= today - DAY * 14:
            continue
        days = (today - quiet_from).days
        worse = days >= 30
        said = f"last contact {_nice(last_day)}" if last_at else "none logged since the start"
        found.append(
            Alert(
                "no_contact_30" if worse else "no_contact_14",
                S.URGENT if worse else S.SOON,
                ref,
                _pair(mp, mf, vp, vf),
                f"No contact for {days} days ({said})",
                quiet_from + DAY * (30 if worse else 14),
                Target("match", mid, "contacts"),
                since=quiet_from + DAY * 14,
            )
        )
    return found


def dependency(session: Session, today: date) -> list[Alert]:
    """Contact far above the norm, about daily, or personal numbers shared against the model."""
    flags = dependency_flags(session, today)
    if not flags:
        return []
    rows = _rows(session, _live_matches().where(m.Match.id.in_(list(flags))))
    return [
        Alert(
            "dependency",
            S.SOON,
            ref,
            _pair(mp, mf, vp, vf),
            "Possible dependency: " + "; ".join(flags[mid].reasons()),
            None,
            Target("match", mid, "contacts"),
            since=today,
        )
        for mid, ref, mp, mf, vp, vf in rows
    ]


def open_concerns(session: Session, today: date) -> list[Alert]:
    """Concerns raised at a contact and follow-ups whose done date is not filled in."""
    # The open ones from their partial index (migrations 0005, 0007: exactly its terms),
    # each joined to its match and the two names; one query, not a second by match ids.
    rows = in_id_order(
        _rows(
            session,
            _live_matches()
            .add_columns(
                m.Contact.id,
                as_stored(m.Contact.contact_at),
                m.Contact.concerns,
                m.Contact.follow_up,
            )
            .join(m.Contact, m.Contact.match_id == m.Match.id)
            .where(
                m.Contact.follow_up_done_on.is_(None),
                or_(m.Contact.concerns.is_not(None), m.Contact.follow_up.is_not(None)),
            ),
        ),
        6,
    )
    found = []
    for mid, ref, mp, mf, vp, vf, cid, at, concerns, follow_up in rows:
        raised = _day(at)
        kind = "concern_open" if concerns else "follow_up_open"
        words = "Concern" if concerns else "Follow-up"
        found.append(
            from_values(
                Alert,
                (
                    kind,
                    S.SOON,
                    ref,
                    _pair(mp, mf, vp, vf),
                    f"{words} from {_nice(raised)} still open: {(concerns or follow_up)[:80]}",
                    None,
                    from_values(Target, ("match", mid, "contacts")),
                    raised,
                    cid,
                ),
            )
        )
    return found


def safeguarding_open(session: Session, today: date) -> list[Alert]:
    """Safeguarding concerns not resolved."""
    # The concerns from their partial index (migration 0007), each then joined to its mother.
    rows = in_id_order(
        _rows(
            session,
            select(
                *mother_shown(),
                m.SafeguardingConcern.id,
                as_stored(m.SafeguardingConcern.raised_on),
                m.SafeguardingConcern.escalated_to,
            )
            .join(m.SafeguardingConcern, m.SafeguardingConcern.mother_id == m.Mother.id)
            .where(
                m.SafeguardingConcern.resolved_on.is_(None),
                m.SafeguardingConcern.raised_on <= today,
            ),
        ),
        4,
    )
    found = []
    for mid, ref, pref, full, sid, raised, to in rows:
        raised = _day(raised)
        found.append(
            from_values(
                Alert,
                (
                    "safeguarding_open",
                    S.URGENT,
                    ref,
                    pref or full,
                    f"Safeguarding concern raised {_nice(raised)} not resolved"
                    + (f" (escalated to {to})" if to else ""),
                    None,
                    from_values(Target, ("mother", mid, "safeguarding")),
                    raised,
                    sid,
                ),
            )
        )
    return found


# -- volunteers --------------------------------------------------------------------------------


def dbs_checks(session: Session, today: date) -> list[Alert]:
    """The latest DBS check expiring within 60/30/7 days, or expired; expired while matched
    is the most urgent alert of all."""
    # Only the checks due within the window, from their index, each asked whether it is
    # its volunteer's latest (a short look by volunteer): grouping every check ever made
    # to find each volunteer's latest costs several times more.
    other = aliased(m.DBSCheck)
    latest = (
        select(func.max(other.issue_date))
        .where(other.volunteer_id == m.DBSCheck.volunteer_id)
        .correlate(m.DBSCheck)
        .scalar_subquery()
    )
    live = (
        select(func.count())
        .where(m.Match.volunteer_id == m.Volunteer.id, m.Match.status.in_(LIVE))
        .correlate(m.Volunteer)
        .scalar_subquery()
    )
    rows = _rows(
        session,
        select(
            m.Volunteer.id,
            m.Volunteer.reference,
            m.Volunteer.preferred_name,
            m.Volunteer.full_name,
            m.DBSCheck.next_check_due,
            live,
            m.DBSCheck.id,
        )
        .join(m.Volunteer, m.Volunteer.id == m.DBSCheck.volunteer_id)
        .where(
            m.Volunteer.status.not_in((m.VolunteerStatus.LEFT,)),
            m.DBSCheck.next_check_due <= today + DAY * 60,
            m.DBSCheck.issue_date == latest,
        ),
    )
    rows.sort(key=itemgetter(0, 6))  # by volunteer, then her checks as made
    found, seen = [], set()
    for vid, ref, pref, full, due, matched, _check in rows:
        if vid in seen:  # two checks issued the same day: one alert
            continue
        seen.add(vid)
        left = (due - today).days
        if left < 0:
            kind = "dbs_expired_matched" if matched else "dbs_expired"
            severity = S.URGENT if matched else S.SOON
            what = f"DBS check expired {_nice(due)}" + (
                f" while matched ({matched} match{'es' if matched > 1 else ''} going on)"
                if matched
                else ""
            )
        else:
            kind = "dbs_expiring"
            severity = S.URGENT if left <= 7 else S.SOON if left <= 30 else S.INFO
            what = f"DBS check due {_nice(due)} (in {left} day{'s' if left != 1 else ''})"
        found.append(
            Alert(
                kind,
                severity,
                ref,
                _name(pref, full),
                what,
                due,
                Target("volunteer", vid, "dbs"),
                since=due - DAY * 60 if left >= 0 else due,
            )
        )
    return found


#: The rules of this module, in the order they are run.
RULES = (
    dbs_checks,
    safeguarding_open,
    no_recent_contact,
    dependency,
    open_concerns,
    waiting_too_long,
    referral_not_contacted,
)
