"""A match's life: proposed, then accepted (active), paused and resumed, declined or ended.

Each step is one transaction: the match's status and dates, a MatchStatusChange row, an
audit event (no personal data), and the mother's stage following her matches (an active
match makes her "matched"; a declined proposal or an ended match puts her back to waiting,
or closes her record when the coordinator says so). Capacity is checked again whenever a
match would take one of the volunteer's places.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from coordinator.services.matching.errors import HardCheckFailed, MatchRefused
from coordinator.services.matching.rules import MatchingRules
from coordinator.services.sessions import Source
from coordinator.storage.vault import Vault

__all__ = ["HardCheckFailed", "MatchRefused"]


@dataclass(frozen=True)
class ProposalDetails:
    proposed_on: date
    introduction_visit_on: date | None
    planned_end_date: date | None
    #: A VisitFrequency value ("weekly", ...), from the project's norm by default.
    visit_frequency: str | None
    personal_numbers_shared: bool
    #: The coordinator's own words.
    rationale: str


def proposal_defaults(
    source: Source, mother_id: int, volunteer_id: int, *, today: date
) -> ProposalDetails:
    """What the propose step starts with: proposed today, an introduction visit a week on,
    the planned end from the project's usual duration or the baby's age limit, the visit
    frequency from the project's norm and personal numbers shared as its model allows."""
    raise NotImplementedError


def propose(
    vault: Vault,
    mother_id: int,
    volunteer_id: int,
    details: ProposalDetails,
    *,
    today: date,
    decided_by: str,
    rules: MatchingRules | None = None,
) -> int:
    """Save a proposed match and return its id: one MatchCriterionScore row per criterion,
    exactly as suggest() shows it, and the weights used; decided_by and when; audited.

    Raises HardCheckFailed (with every reason) when the volunteer fails a hard check, and
    MatchRefused when the mother or volunteer is not there or she has no project."""
    raise NotImplementedError


def accept(vault: Vault, match_id: int, *, start_date: date, today: date) -> None:
    """Proposed -> active from start_date; the mother's stage -> matched."""
    raise NotImplementedError


def decline(vault: Vault, match_id: int, *, reason: str, today: date) -> None:
    """Proposed -> ended (declined, with the reason); the mother goes back to waiting."""
    raise NotImplementedError


def pause(vault: Vault, match_id: int, *, reason: str, on: date, today: date) -> None:
    """Active -> paused on `on`, with the reason."""
    raise NotImplementedError


def resume(vault: Vault, match_id: int, *, on: date, today: date) -> None:
    """Paused -> active again on `on`."""
    raise NotImplementedError


def end(
    vault: Vault, match_id: int, *, on: date, reason: str, mother_closes: bool, today: date
) -> None:
    """Active or paused -> ended on `on`, with the reason; the mother goes back to waiting,
    or her record is closed (support complete) when `mother_closes`.

    The one place the ending workflow hooks in: keep every way of ending a match here."""
    raise NotImplementedError
