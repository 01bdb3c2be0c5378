"""Batch matching of a waiting list: the assignment with the most matches, then the highest
total score, that keeps every volunteer within her remaining capacity and never breaks a
hard check. scipy's linear_sum_assignment on capacity-expanded columns (one column per free
place, plus one "unmatched" column per mother); imported only when a batch runs."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from coordinator.services.matching.results import Contribution
from coordinator.services.sessions import Source
from coordinator.storage.vault import Vault


@dataclass(frozen=True)
class BatchProposal:
    mother_id: int
    mother_ref: str
    mother_name: str
    volunteer_id: int
    volunteer_ref: str
    volunteer_name: str
    score: float
    contributions: tuple[Contribution, ...]


@dataclass(frozen=True)
class BatchPlan:
    project_id: int | None
    proposals: tuple[BatchProposal, ...]
    #: (mother_id, reference, name, reasons) of the mothers left unmatched.
    unmatched: tuple[tuple[int, str, str, tuple[str, ...]], ...]
    total_score: float
    average_score: float


def plan_waiting_list(
    source: Source,
    *,
    project_id: int | None,
    today: date,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> BatchPlan:
    """The best plan for every waiting mother of the project (all projects when None).

    Raises services.changes.Cancelled when `cancelled()` turns true."""
    raise NotImplementedError


def save_plan(
    vault: Vault, plan: BatchPlan, chosen: Iterable[int], *, today: date, decided_by: str
) -> list[int]:
    """Save the proposals of the chosen mothers (ids) as proposed matches, in one
    transaction; hard checks are checked again (HardCheckFailed: nothing saved). Returns
    the new match ids."""
    raise NotImplementedError
