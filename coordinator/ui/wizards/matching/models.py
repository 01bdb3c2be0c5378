"""Table models over one run's results: the ranked candidates (with a tick to compare) and
the volunteers who cannot support her, each with every reason. The run is already in
memory (plain dataclasses), so these hold it whole."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)

from coordinator.services.matching import Candidate, Excluded
from coordinator.ui.translations import translate
from coordinator.ui.wizards.matching.common import SHARE_ROLE, score_text

Index = QModelIndex | QPersistentModelIndex
_EMPTY = QModelIndex()
#: At most this many candidates are compared side by side.
COMPARE_LIMIT = 3


def distance_text(km: float | None) -> str:
    return (
        translate("MatchingWizard", "{km} km").format(km=f"{km:.1f}")
        if km is not None
        else translate("MatchingWizard", "unknown")
    )


class CandidateModel(QAbstractTableModel):
    """Rank, compare tick, volunteer, score (with its bar), distance, current matches."""

    #: The ticked candidates changed (their volunteer ids, in rank order).
    compare_changed = Signal(list)

    COLUMNS = ("rank", "compare", "name", "score", "distance", "matches")

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self.candidates: Sequence[Candidate] = ()
        self._count = 0
        self.compared: list[int] = []
        self._compared_rows: dict[int, int] = {}
        self._best = 0.0

    def set_candidates(self, candidates: Sequence[Candidate]) -> None:
        # The service makes each candidate (with its words) when first read: keep the
        # sequence as it is, so only the rows shown are made.
        self.beginResetModel()
        self.candidates = candidates
        self._count = len(candidates)  # asked often by the view: worked out once
        rows = {vid: self.row_of(vid) for vid in self.compared}  # ranks move on a re-run
        self._compared_rows = {vid: row for vid, row in rows.items() if row >= 0}
        self.compared = [vid for vid in self.compared if vid in self._compared_rows]
        self._best = candidates[0].score if self._count else 0.0  # best first
        self.endResetModel()
        self.compare_changed.emit(list(self.compared))

    def candidate(self, row: int) -> Candidate | None:
        return self.candidates[row] if 0 <= row < self._count else None

    def row_of(self, volunteer_id: int) -> int:
        found = (n for n, c in enumerate(self.candidates) if c.volunteer_id == volunteer_id)
        return next(found, -1)

    def compared_candidates(self) -> list[Candidate]:
        """The ticked candidates, in rank order."""
        rows = sorted(self._compared_rows.values())
        return [self.candidates[row] for row in rows]

    def set_compared(self, volunteer_id: int, on: bool, row: int = -1) -> bool:
        """Tick or untick (at `row` when known); False when a fourth would be ticked."""
        if on and volunteer_id not in self.compared:
            if len(self.compared) >= COMPARE_LIMIT:
                return False
            row = row if row >= 0 else self.row_of(volunteer_id)
            if row < 0:
                return False
            self.compared.append(volunteer_id)
            self._compared_rows[volunteer_id] = row
        elif not on and volunteer_id in self.compared:
            self.compared.remove(volunteer_id)
            row = self._compared_rows.pop(volunteer_id, -1)
        if row >= 0:
            index = self.index(row, 1)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.compare_changed.emit(list(self.compared))
        return True

    def rowCount(self, parent: Index = _EMPTY) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = _EMPTY) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            translate("MatchingWizard", "#"),
            translate("MatchingWizard", "Compare"),
            translate("MatchingWizard", "Volunteer"),
            translate("MatchingWizard", "Score"),
            translate("MatchingWizard", "Distance"),
            translate("MatchingWizard", "Matches"),
        )[section]

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.column() == 1:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        found = self.candidate(index.row()) if index.isValid() else None
        if found is None:
            return None
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.CheckStateRole and column == "compare":
            on = found.volunteer_id in self.compared
            return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        if role == SHARE_ROLE and column == "score":
            return found.score / self._best if self._best > 0 else 0.0
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("rank", "score", "distance"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == "matches":
            return translate("MatchingWizard", "Her current matches, of the most she takes at once")
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return {
                "rank": str(index.row() + 1),
                "compare": "",
                "name": f"{found.name} ({found.reference})",
                "score": score_text(found.score),
                "distance": distance_text(found.distance_km),
                "matches": translate("MatchingWizard", "{active} of {capacity}").format(
                    active=found.active_matches, capacity=found.capacity
                ),
            }[column]
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        found = self.candidate(index.row()) if index.isValid() else None
        if found is None or role != Qt.ItemDataRole.CheckStateRole or index.column() != 1:
            return False
        on = Qt.CheckState(value) == Qt.CheckState.Checked
        return self.set_compared(found.volunteer_id, on, index.row())


class ExcludedModel(QAbstractTableModel):
    """Volunteer and every reason she cannot support this mother."""

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self.excluded: Sequence[Excluded] = ()
        self._count = 0

    def set_excluded(self, excluded: Sequence[Excluded]) -> None:
        self.beginResetModel()
        self.excluded = excluded  # made as read (see CandidateModel)
        self._count = len(excluded)
        self.endResetModel()

    def rowCount(self, parent: Index = _EMPTY) -> int:  # noqa: N802
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = _EMPTY) -> int:  # noqa: N802
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (
                translate("MatchingWizard", "Volunteer"),
                translate("MatchingWizard", "Why not"),
            )[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._count:
            return None
        found = self.excluded[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if index.column() == 0:
                return f"{found.name} ({found.reference})"
            joiner = "\n" if role == Qt.ItemDataRole.ToolTipRole else "; "
            return joiner.join(found.reasons)
        return None


class NameFilter(QSortFilterProxyModel):
    """Rows whose first column holds the typed text (a name or a reference), any case."""

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self.setFilterKeyColumn(0)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_text(self, text: str) -> None:
        self.setFilterFixedString(text.strip())
