"""suggest(): every volunteer for one mother, ranked with explained points, or excluded with
every reason."""

from __future__ import annotations

from datetime import date

from coordinator.services.matching.results import Suggestion
from coordinator.services.matching.rules import MatchingRules
from coordinator.services.sessions import Source


def suggest(
    source: Source,
    mother_id: int,
    *,
    today: date,
    rules: MatchingRules | None = None,
    allow_rematch: bool = False,
) -> Suggestion:
    """Rank every volunteer for her: candidates best first (each contribution's points add
    up to the score shown; ties broken as Suggestion.tie_rule says), and every volunteer
    who fails a hard check with all her reasons. `rules` default to her project's;
    `allow_rematch` lets a volunteer she was matched with before (that match ended) in.

    MatchRefused when she is not there."""
    raise NotImplementedError
