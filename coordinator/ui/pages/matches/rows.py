"""The Matches list's rows as shown: names with references, the status in words, dates."""

from __future__ import annotations

from typing import Any

from coordinator.services.matching import MatchRow
from coordinator.ui.wizards.matching.common import long_date, person, status_word


class ListRow:
    """A MatchRow with what the columns show; `id` is the match's (the list's id)."""

    def __init__(self, row: MatchRow):
        self.row = row
        self.id = row.match_id
        self.mother = person(row.mother_name, row.mother_ref)
        self.volunteer = person(row.volunteer_name, row.volunteer_ref)
        self.status_text = status_word(row.status)
        self.since_text = long_date(row.since)
        self.last_contact_text = long_date(row.last_contact)
        self.planned_end_text = long_date(row.planned_end)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.row, name)
