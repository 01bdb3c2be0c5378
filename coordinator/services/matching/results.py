"""What a suggestion holds: the mother at a glance, the ranked candidates with their points
and the words for each, and the volunteers excluded with every reason."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from coordinator.services.matching.rules import Criterion, MatchingRules


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
    #: Best first; ties broken deterministically (see tie_rule).
    candidates: tuple[Candidate, ...]
    excluded: tuple[Excluded, ...]
    #: How ties were broken, in words.
    tie_rule: str

    def excluded_counts(self) -> dict[str, int]:
        """Reason kind -> how many excluded volunteers have it (for the collapsed list).

        The kinds are HardCheck values; hard_check_label() gives their words."""
        counts: Counter[str] = Counter()
        for excluded in self.excluded:
            counts.update(set(excluded.kinds))
        return dict(counts.most_common())
