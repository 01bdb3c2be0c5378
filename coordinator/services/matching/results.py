"""What a suggestion holds: the mother at a glance, the ranked candidates with their points
and the words for each, and the volunteers excluded with every reason."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar, overload

from coordinator.services.matching.rules import Criterion, MatchingRules

T = TypeVar("T")


class Built(Sequence[T], Generic[T]):
    """A sequence whose items are made when first asked for, then kept.

    Ranking 5,000 volunteers is quick; writing the words for all of them is most of the
    work, and a list on screen shows a screenful at a time."""

    def __init__(self, keys: Sequence[int], make: Callable[[int], T]) -> None:
        self._keys = list(keys)
        self._make = make
        self._made: dict[int, T] = {}

    def __len__(self) -> int:
        return len(self._keys)

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[T, ...]: ...
    def __getitem__(self, index: int | slice) -> T | tuple[T, ...]:
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(len(self))))
        position = range(len(self))[index]  # IndexError as a tuple gives it
        if position not in self._made:
            self._made[position] = self._make(self._keys[position])
        return self._made[position]

    def __iter__(self) -> Iterator[T]:
        return (self[i] for i in range(len(self)))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Built({len(self)} items)"


@dataclass(frozen=True)
class Contribution:
    """One criterion's points for one candidate, and the evidence for them in plain words."""

    criterion: Criterion
    points: float
    why: str


@dataclass(frozen=True)
class Candidate:
    volunteer_id: int
    reference: str
    name: str
    #: The sum of the contributions' points (each rounded to one decimal, as shown).
    score: float
    contributions: tuple[Contribution, ...]
    #: Her current matches (active, paused or proposed) and the most she takes at once.
    active_matches: int
    capacity: int
    #: Straight-line km between the two postcodes (None: could not be worked out).
    distance_km: float | None


@dataclass(frozen=True)
class Excluded:
    volunteer_id: int
    reference: str
    name: str
    #: Every hard check she fails (at least one), each in words.
    reasons: tuple[str, ...]
    #: The kind of each reason (a HardCheck value), in the same order: for counting.
    kinds: tuple[str, ...] = ()


@dataclass(frozen=True)
class MotherSummary:
    """Her needs and preferences at a glance, for the wizard's header."""

    mother_id: int
    reference: str
    name: str
    project_id: int | None
    project_name: str | None
    postcode: str | None
    language: str | None
    interpreter_needed: bool
    needs: tuple[str, ...]
    wants_shared_experience: tuple[str, ...]
    gender_preference: str
    availability: tuple[str, ...]
    #: Mothers have no travel radius of their own: always None (volunteers' radii apply).
    travel_radius_km: float | None
    #: Other things the coordinator noted that bear on matching (faith or culture she asked
    #: for, who to avoid, other languages), as lines.
    notes: tuple[str, ...]


@dataclass(frozen=True)
class Suggestion:
    mother: MotherSummary
    rules: MatchingRules
    #: Best first; ties broken deterministically (see tie_rule). A sequence (made as read).
    candidates: Sequence[Candidate]
    #: By name. A sequence (made as read).
    excluded: Sequence[Excluded]
    #: How ties were broken, in words.
    tie_rule: str
    #: Reason kind -> how many excluded volunteers have it, most first.
    counts: Mapping[str, int] = field(default_factory=dict)

    def excluded_counts(self) -> dict[str, int]:
        """Reason kind -> how many excluded volunteers have it (for the collapsed list).

        The kinds are HardCheck values; hard_check_label() gives their words."""
        return dict(self.counts)
