"""How often a match is in contact against its project's norm, and the dependency flag.

The study's "avoiding dependency": a match is flagged when contact in the last four weeks is
far above the norm (more than twice it), when calls and texts come about daily, or when
personal numbers are shared in a project whose model does not allow it. The flag is shown on
the match, on Today and as a prompt in the volunteer's next supervision.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import Session

from coordinator import models as m
from coordinator.services.records.list_common import unindexed

#: Contacts a week each visit norm stands for (by agreement: none set).
NORM_PER_WEEK: dict[m.VisitFrequency, float | None] = {
    m.VisitFrequency.WEEKLY: 1.0,
    m.VisitFrequency.FORTNIGHTLY: 0.5,
    m.VisitFrequency.MONTHLY: 12 / 52,
    m.VisitFrequency.BY_AGREEMENT: None,
}
#: The four weeks looked at.
WINDOW_DAYS = 28
#: "Far above the norm": more than this many times it.
FACTOR = 2
#: Never "far above" with fewer contacts than this in four weeks (about weekly).
FEWEST_FLAGGED = 5
#: Calls and texts on about every day of the window.
DAILY_MESSAGES = 20
#: Matches looked at: the ones going on.
LIVE = (m.MatchStatus.ACTIVE, m.MatchStatus.PAUSED)


def in_page_order(model: Any, *conditions: Any) -> Any:
    """`model.id IN (SELECT id FROM model WHERE conditions)`: the rows are still found
    through the conditions' index, but then read in the order they are stored, so that each
    page of a large table is decrypted once rather than again each time the index's order
    jumps back to it (the page cache holds a few thousand pages)."""
    return model.id.in_(select(model.id).where(*conditions))


def norm_per_week(agreed: m.VisitFrequency | None, project_norm: m.VisitFrequency) -> float:
    """The contacts a week expected of a match: what was agreed, else the project's norm
    (weekly when neither says a number)."""
    for frequency in (agreed, project_norm):
        if frequency is not None and NORM_PER_WEEK.get(frequency) is not None:
            return NORM_PER_WEEK[frequency]  # type: ignore[return-value]
    return 1.0


def window_start(today: date) -> datetime:
    """The first moment of the four weeks ending today."""
    return datetime.combine(today - timedelta(days=WINDOW_DAYS - 1), time.min)


@dataclass(frozen=True)
class DependencyFlag:
    match_id: int
    #: Contacts made in the last four weeks, and the norm's number for four weeks.
    contacts: int
    expected: float
    #: Calls and texts in the four weeks.
    messages: int
    numbers_shared_against_model: bool

    @property
    def far_above_norm(self) -> bool:
        return self.contacts > FACTOR * self.expected and self.contacts >= FEWEST_FLAGGED

    @property
    def daily_messages(self) -> bool:
        return self.messages >= DAILY_MESSAGES

    @property
    def flagged(self) -> bool:
        return self.far_above_norm or self.daily_messages or self.numbers_shared_against_model

    def reasons(self) -> list[str]:
        """Why the match is flagged, in words."""
        said = []
        if self.far_above_norm:
            said.append(
                f"{self.contacts} contacts in 4 weeks, against about {round(self.expected)} expected"
            )
        if self.daily_messages:
            said.append(f"{self.messages} calls or texts in 4 weeks")
        if self.numbers_shared_against_model:
            said.append("personal numbers shared, which the project's model does not allow")
        return said


def dependency_flags(
    session: Session, today: date, match_ids: Iterable[int] | None = None
) -> dict[int, DependencyFlag]:
    """The flagged matches going on (or only those of `match_ids`), by match id."""
    start, end = window_start(today), datetime.combine(today + timedelta(days=1), time.min)
    in_window = (
        select(
            m.Contact.match_id.label("match_id"),
            func.count().label("made"),
            func.sum(
                case((m.Contact.medium.in_((m.ContactMedium.PHONE, m.ContactMedium.TEXT)), 1))
            ).label("messages"),
        )
        .where(
            m.Contact.contact_at >= start,
            m.Contact.contact_at < end,
            m.Contact.outcome == m.ContactOutcome.MADE,
        )
        # Grouped without the match index, so that only the four weeks' contacts are read,
        # from the index of contacts made by time alone (migration 0007).
        .group_by(unindexed(m.Contact.match_id))
        .subquery()
    )
    statement = (
        select(
            m.Match.id,
            m.Match.agreed_visit_frequency,
            m.Project.visit_norm,
            func.coalesce(in_window.c.made, 0),
            func.coalesce(in_window.c.messages, 0),
            m.Match.personal_numbers_shared & ~m.Project.personal_numbers_shared,
        )
        .join(m.Project, m.Project.id == m.Match.project_id)
        .outerjoin(in_window, in_window.c.match_id == m.Match.id)
        .where(
            m.Match.status.in_(LIVE),
            # Only the matches that could be flagged (not thousands on a large database).
            or_(
                in_window.c.made >= FEWEST_FLAGGED,
                in_window.c.messages >= DAILY_MESSAGES,
                m.Match.personal_numbers_shared & ~m.Project.personal_numbers_shared,
            ),
        )
    )
    if match_ids is not None:
        statement = statement.where(m.Match.id.in_(list(match_ids)))
    found = {}
    for match_id, agreed, project_norm, made, messages, numbers in session.execute(statement):
        expected = norm_per_week(agreed, project_norm) * WINDOW_DAYS / 7
        flag = DependencyFlag(match_id, int(made), expected, int(messages), bool(numbers))
        if flag.flagged:
            found[match_id] = flag
    return found


def contacts_per_week(session: Session, match_id: int, today: date) -> tuple[float, float]:
    """(contacts made a week over the last four weeks, the norm a week) for one match."""
    row = session.execute(
        select(m.Match.agreed_visit_frequency, m.Project.visit_norm)
        .join(m.Project, m.Project.id == m.Match.project_id)
        .where(m.Match.id == match_id)
    ).one_or_none()
    if row is None:
        return (0.0, 1.0)
    made = session.scalar(
        select(func.count()).where(
            m.Contact.match_id == match_id,
            m.Contact.outcome == m.ContactOutcome.MADE,
            m.Contact.contact_at >= window_start(today),
            m.Contact.contact_at < datetime.combine(today + timedelta(days=1), time.min),
        )
    )
    return (int(made or 0) * 7 / WINDOW_DAYS, norm_per_week(row[0], row[1]))
