"""The Matches page's list and detail, and a person's matches for her record."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from coordinator.services.matching.results import Contribution
from coordinator.services.sessions import Source

#: The actions a match in each status allows.
ACTIONS = ("accept", "decline", "pause", "resume", "end")


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


def list_matches(
    source: Source, flt: MatchFilter, *, offset: int = 0, limit: int = 200
) -> list[MatchRow]:
    """Rows for the filter, newest proposal first, `limit` of them from `offset`."""
    raise NotImplementedError


def count_matches(source: Source, flt: MatchFilter) -> int:
    """How many matches the filter gives."""
    raise NotImplementedError


def match_detail(source: Source, match_id: int) -> MatchDetail:
    """Everything the detail view shows (MatchRefused when the match is not there)."""
    raise NotImplementedError


def matches_for_person(
    source: Source, *, mother_id: int | None = None, volunteer_id: int | None = None
) -> list[MatchRow]:
    """Her matches (a mother's or a volunteer's), current ones first, then newest first."""
    raise NotImplementedError
