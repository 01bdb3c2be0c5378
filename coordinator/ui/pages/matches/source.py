"""Where the Matches list takes its ids and rows from: the matching service's list, read
for the filter as a whole (ids in the service's order, newest proposal first) and kept, so
the rows the view asks for next need no query. Sorting by a column sorts those rows."""

from __future__ import annotations

from datetime import date
from typing import Any

from coordinator.services.matching import MatchFilter, MatchRow, count_matches, list_matches

#: The sort keys, one per column, and what each sorts by.
SORTS: dict[str, Any] = {
    "mother": lambda r: r.mother_name.casefold(),
    "volunteer": lambda r: r.volunteer_name.casefold(),
    "project": lambda r: (r.project or "").casefold(),
    "status": lambda r: r.status,
    "since": lambda r: r.since or date.min,
    "last_contact": lambda r: r.last_contact or date.min,
    "planned_end": lambda r: r.planned_end or date.min,
}


class MatchSource:
    def __init__(self, vault: Any):
        self.vault = vault
        self.rows: dict[int, MatchRow] = {}

    def ids(self, flt: MatchFilter, sort: str, descending: bool) -> list[int]:
        total = count_matches(self.vault, flt)
        found = list_matches(self.vault, flt, offset=0, limit=total)
        self.rows = {row.match_id: row for row in found}
        if sort in SORTS:
            found.sort(key=SORTS[sort], reverse=descending)
        return [row.match_id for row in found]

    def rows_for(self, ids: list[int]) -> list[MatchRow]:
        return [self.rows[i] for i in ids if i in self.rows]  # gone meanwhile: left out
