"""Where the Matches list takes its rows from: the matching service's ids of the filtered,
sorted matches (one query for the whole list), then rows for a screenful of those ids as
they scroll into view. The list's ids are the matches' own."""

from __future__ import annotations

from typing import Any

from coordinator.services.matching import MatchFilter, match_ids, match_rows
from coordinator.ui.pages.matches.rows import ListRow


class MatchSource:
    def __init__(self, vault: Any):
        self.vault = vault

    def ids(self, flt: MatchFilter, sort: str, descending: bool) -> list[int]:
        """The matches of this filter, in the order of this column."""
        return match_ids(self.vault, flt, sort, descending)

    def rows_for(self, ids: list[int]) -> list[ListRow]:
        """The rows of these matches (the view asks for a run of them at a time)."""
        return [ListRow(row) for row in match_rows(self.vault, ids)] if ids else []
