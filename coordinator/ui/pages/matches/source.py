"""Where the Matches list takes its rows from: the matching service's list, a page at a time.

The service gives the matches of a filter newest proposal first, by offset and limit, and
how many there are. The list's model keeps one id per row; here the ids are the rows'
places in that order (0, 1, 2, ...), so only a count is read for a new filter and each
screenful is one query for its rows. The match itself is each row's `match_id`.
"""

from __future__ import annotations

from typing import Any

from coordinator.services.matching import MatchFilter, count_matches, list_matches
from coordinator.ui.pages.matches.rows import ListRow


class MatchSource:
    def __init__(self, vault: Any):
        self.vault = vault
        self.filter = MatchFilter()

    def ids(self, flt: MatchFilter) -> list[int]:
        """The rows' places for this filter (one count query)."""
        self.filter = flt
        return list(range(count_matches(self.vault, flt)))

    def rows_for(self, places: list[int]) -> list[ListRow]:
        """The rows at these places (the view asks for a run of them at a time)."""
        if not places:
            return []
        first, last = min(places), max(places)
        found = list_matches(self.vault, self.filter, offset=first, limit=last - first + 1)
        wanted = set(places)
        return [ListRow(row, first + n) for n, row in enumerate(found) if first + n in wanted]
