"""The Matches page's list and detail, and a person's matches for her record."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import bindparam, case, func, select, text
from sqlalchemy.orm import aliased, selectinload

from coordinator import models as m
from coordinator.models import MatchStatus
from coordinator.services import search
from coordinator.services.matching.errors import MatchRefused
from coordinator.services.matching.results import Contribution
from coordinator.services.matching.rules import Criterion
from coordinator.services.records.list_common import (
    chunks,
    display_name,
    fts_ids,
    id_array,
    ids_in_order,
    ordered,
)
from coordinator.services.sessions import Source, reading

#: The actions a match in each status allows.
ACTIONS = ("accept", "decline", "pause", "resume", "end")
ALLOWED: dict[MatchStatus, frozenset[str]] = {
    MatchStatus.PROPOSED: frozenset({"accept", "decline"}),
    MatchStatus.ACTIVE: frozenset({"pause", "end"}),
    MatchStatus.PAUSED: frozenset({"resume", "end"}),
    MatchStatus.ENDED: frozenset(),
}
#: The Matches list's sort keys (its columns, and "proposed": newest proposal first).
MATCH_SORTS = (
    "mother",
    "volunteer",
    "project",
    "status",
    "since",
    "last_contact",
    "planned_end",
    "proposed",
)
#: The lifecycle's order, for sorting by status.
_LIFECYCLE = {
    MatchStatus.PROPOSED: 0,
    MatchStatus.ACTIVE: 1,
    MatchStatus.PAUSED: 2,
    MatchStatus.ENDED: 3,
}
#: Current matches first on a person's record.
_STATUS_ORDER = {
    MatchStatus.ACTIVE: 0,
    MatchStatus.PAUSED: 1,
    MatchStatus.PROPOSED: 2,
    MatchStatus.ENDED: 3,
}


@dataclass(frozen=True)
class MatchRow:
    match_id: int
    mother_ref: str
    mother_name: str
    volunteer_ref: str
    volunteer_name: str
    project: str | None
    #: A MatchStatus value ("proposed", "active", "paused", "ended").
    status: str
    #: When the current status began.
    since: date | None
    #: The day of the last contact made.
    last_contact: date | None
    planned_end: date | None


@dataclass(frozen=True)
class MatchFilter:
    status: str | None = None
    project_id: int | None = None
    volunteer_id: int | None = None
    mother_id: int | None = None
    #: Words of either person's name or reference.
    text: str = ""


@dataclass(frozen=True)
class MatchDetail:
    row: MatchRow
    proposed_on: date
    start_date: date | None
    paused_on: date | None
    ended_on: date | None
    rationale: str | None
    decided_by: str | None
    #: The per-criterion scores as they were saved with the proposal.
    scores: tuple[Contribution, ...]
    #: criterion value -> weight used when it was proposed (empty for older matches).
    weights_used: Mapping[str, int]
    #: (on, from status, to status, note), oldest first.
    history: tuple[tuple[date, str | None, str, str | None], ...]
    #: A subset of ACTIONS.
    allowed_actions: frozenset[str]


Mo, Vo = aliased(m.Mother), aliased(m.Volunteer)


def _since() -> Any:
    return (
        select(func.max(m.MatchStatusChange.changed_on))
        .where(m.MatchStatusChange.match_id == m.Match.id)
        .correlate(m.Match)
        .scalar_subquery()
    )


def _last_contact() -> Any:
    """The last contact made (an attempt that did not reach her is not one, as on Today),
    found through the index of contacts made by match and time."""
    return (
        select(func.max(m.Contact.contact_at))
        .where(m.Contact.match_id == m.Match.id, m.Contact.outcome == m.ContactOutcome.MADE)
        .correlate(m.Match)
        .scalar_subquery()
    )


def _conditions(flt: MatchFilter) -> tuple[list[Any], dict[str, Any]]:
    conditions: list[Any] = []
    params: dict[str, Any] = {}
    if flt.status:
        conditions.append(m.Match.status == MatchStatus(flt.status))
    if flt.project_id is not None:
        conditions.append(m.Match.project_id == flt.project_id)
    if flt.volunteer_id is not None:
        conditions.append(m.Match.volunteer_id == flt.volunteer_id)
    if flt.mother_id is not None:
        conditions.append(m.Match.mother_id == flt.mother_id)
    mothers = search.match_expression("mother", flt.text)
    if mothers:
        volunteers = search.match_expression("volunteer", flt.text)
        params = {"q": mothers, "qv": volunteers}
        conditions.append(
            m.Match.mother_id.in_(fts_ids("mother_fts"))
            | m.Match.volunteer_id.in_(
                text("SELECT rowid FROM volunteer_fts WHERE volunteer_fts MATCH :qv")
            )
        )
    return conditions, params


def _rows_query() -> Any:
    return (
        select(
            m.Match.id,
            Mo.reference,
            Mo.full_name,
            Mo.preferred_name,
            Vo.reference,
            Vo.full_name,
            Vo.preferred_name,
            m.Project.name,
            m.Match.status,
            _since().label("since"),
            _last_contact().label("last_contact"),
            m.Match.planned_end_date,
        )
        .join(Mo, Mo.id == m.Match.mother_id)
        .join(Vo, Vo.id == m.Match.volunteer_id)
        .outerjoin(m.Project, m.Project.id == m.Match.project_id)
    )


def _row(r: Any) -> MatchRow:
    last = r.last_contact
    return MatchRow(
        match_id=r[0],
        mother_ref=r[1] or "",
        mother_name=display_name(r[2], r[3]),
        volunteer_ref=r[4] or "",
        volunteer_name=display_name(r[5], r[6]),
        project=r[7],
        status=MatchStatus(r[8]).value,
        since=r.since,
        last_contact=last.date() if last is not None else None,
        planned_end=r.planned_end_date,
    )


def _sort_key(sort: str) -> Any:
    keys = {
        "mother": lambda: Mo.full_name,
        "volunteer": lambda: Vo.full_name,
        "project": lambda: m.Project.name,
        "status": lambda: case(_LIFECYCLE, value=m.Match.status),
        "since": _since,
        "last_contact": _last_contact,
        "planned_end": lambda: m.Match.planned_end_date,
        "proposed": lambda: m.Match.proposed_on,
    }
    if sort not in keys:
        raise ValueError(f"unknown sort for matches: {sort!r}")
    return keys[sort]()


def match_ids(
    source: Source, flt: MatchFilter, sort: str = "since", descending: bool = True
) -> list[int]:
    """Ids of the filter's matches in the order of a list column (MATCH_SORTS).

    Empty values sort last either way; ties go newest proposal first. Only the ids are
    read (one row: a JSON array), so a list of every match is quick to make; its rows come
    from match_rows() a screenful at a time."""
    conditions, params = _conditions(flt)
    statement = select(m.Match.id).where(*conditions)
    if sort == "mother":
        statement = statement.join(Mo, Mo.id == m.Match.mother_id)
    elif sort == "volunteer":
        statement = statement.join(Vo, Vo.id == m.Match.volunteer_id)
    elif sort == "project":
        statement = statement.outerjoin(m.Project, m.Project.id == m.Match.project_id)
    key = _sort_key(sort)
    ties = (m.Match.proposed_on.desc(), m.Match.id.desc())
    statement = statement.order_by(*ordered(key, descending, *ties))
    with reading(source) as session:
        return ids_in_order(session, id_array(statement), params)


def match_rows(source: Source, ids: list[int]) -> list[MatchRow]:
    """The rows of these matches, in the same order (ids no longer there are skipped)."""
    statement = _rows_query().where(m.Match.id.in_(bindparam("ids", expanding=True)))
    found: dict[int, MatchRow] = {}
    with reading(source) as session:
        for part in chunks(list(ids)):
            for r in session.execute(statement, {"ids": part}):
                found[r[0]] = _row(r)
    return [found[i] for i in ids if i in found]


def list_matches(
    source: Source, flt: MatchFilter, *, offset: int = 0, limit: int = 200
) -> list[MatchRow]:
    """Rows for the filter, newest proposal first, `limit` of them from `offset`."""
    ids = match_ids(source, flt, "proposed", True)
    return match_rows(source, ids[max(0, offset) : max(0, offset) + max(0, limit)])


def count_matches(source: Source, flt: MatchFilter) -> int:
    """How many matches the filter gives."""
    conditions, params = _conditions(flt)
    statement = select(func.count()).select_from(m.Match).where(*conditions)
    with reading(source) as session:
        return session.execute(statement, params).scalar_one()


def _scores(match: m.Match) -> tuple[tuple[Contribution, ...], dict[str, int]]:
    shown, weights = [], {}
    for score in match.criterion_scores:
        try:
            criterion = Criterion(score.criterion)
        except ValueError:  # a criterion this version no longer has
            continue
        if score.weight is not None:
            weights[criterion.value] = score.weight
            if score.weight == 0:
                continue
        shown.append(Contribution(criterion, score.points, score.explanation or ""))
    return tuple(shown), weights


def match_detail(source: Source, match_id: int) -> MatchDetail:
    """Everything the detail view shows (MatchRefused when the match is not there)."""
    with reading(source) as session:
        found = session.execute(_rows_query().where(m.Match.id == match_id)).one_or_none()
        match = session.scalars(
            select(m.Match)
            .where(m.Match.id == match_id)
            .options(selectinload(m.Match.criterion_scores), selectinload(m.Match.status_changes))
        ).one_or_none()
        if found is None or match is None:
            raise MatchRefused("This match is not there any more.")
        scores, weights = _scores(match)
        history = tuple(
            (
                c.changed_on,
                c.from_status.value if c.from_status else None,
                c.to_status.value,
                c.note,
            )
            for c in sorted(match.status_changes, key=lambda c: (c.changed_on, c.id))
        )
        return MatchDetail(
            row=_row(found),
            proposed_on=match.proposed_on,
            start_date=match.start_date,
            paused_on=match.paused_on,
            ended_on=match.ended_on,
            rationale=match.coordinator_rationale,
            decided_by=match.decided_by,
            scores=scores,
            weights_used=weights,
            history=history,
            allowed_actions=ALLOWED[match.status],
        )


def matches_for_person(
    source: Source, *, mother_id: int | None = None, volunteer_id: int | None = None
) -> list[MatchRow]:
    """Her matches (a mother's or a volunteer's), current ones first, then newest first."""
    if (mother_id is None) == (volunteer_id is None):
        raise ValueError("give a mother_id or a volunteer_id")
    column = m.Match.mother_id if mother_id is not None else m.Match.volunteer_id
    order = case(_STATUS_ORDER, value=m.Match.status)
    statement = (
        _rows_query()
        .where(column == (mother_id if mother_id is not None else volunteer_id))
        .order_by(order, m.Match.proposed_on.desc(), m.Match.id.desc())
    )
    with reading(source) as session:
        return [_row(r) for r in session.execute(statement)]
