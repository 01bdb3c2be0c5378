"""The table model behind every record list: sorted ids in memory, rows fetched lazily.

    model = RecordTableModel(columns, fetch_rows, fetch_ids)
    model.refresh()               # fetch_ids(sort_key, descending) -> a new id list
    model.id_at(row), model.row_of(record_id), model.row_data(row)

Only the ids are held for the whole list; a row's display values (a dataclass from the
service) are fetched with its page of PAGE_SIZE rows the first time the view asks for it,
and cached (at most CACHE_LIMIT rows). A header click asks the service for a new id list
sorted in SQL. RecordListPage (record_list.py) is the page around it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from coordinator.ui.translations import word

#: Rows fetched together when one is first shown; a screenful and a bit.
PAGE_SIZE = 120
#: At most this many rows are kept; beyond it the cache starts again from what is shown.
CACHE_LIMIT = 3000

Index = QModelIndex | QPersistentModelIndex
_EMPTY = QModelIndex()


@dataclass(frozen=True)
class Column:
    header: str
    #: The attribute of the row dataclass shown in this column.
    attr: str
    #: The service's sort key for this column; None = not sortable.
    sort: str | None = None
    numeric: bool = False
    #: Callables on the row: a QColor/QBrush for the text, an icon or colour, a tooltip.
    foreground: Callable[[Any], Any] | None = None
    decoration: Callable[[Any], Any] | None = None
    tooltip: Callable[[Any], str | None] | None = None
    #: Initial width in pixels (None: Qt's).
    width: int | None = None
    #: The first click on this header sorts descending (e.g. the longest wait first).
    descending_first: bool = False
    #: The cells hold words the core marked for translation (a stage's name): shown
    #: translated.
    words: bool = False


def cell_text(value: Any, words: bool = False) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "✓" if value else ""
    return word(str(value)) if words else str(value)


class RecordTableModel(QAbstractTableModel):
    """Sorted ids in memory; rows fetched by `fetch_rows(ids)` a page at a time, cached.

    `fetch_ids(sort, descending)` gives a new id list (a header click, a refresh).
    """

    def __init__(
        self,
        columns: Sequence[Column],
        fetch_rows: Callable[[list[int]], list[Any]],
        fetch_ids: Callable[[str, bool], list[int]],
        parent: Any = None,
    ):
        super().__init__(parent)
        self.columns = list(columns)
        self._fetch_rows = fetch_rows
        self._fetch_ids = fetch_ids
        self._ids: list[int] = []
        self._rows: dict[int, Any] = {}
        self._positions: dict[int, int] | None = None
        first = next((c for c in self.columns if c.sort), None)
        self.sort_key: str = first.sort if first and first.sort else ""
        self.descending = False

    # -- ids -------------------------------------------------------------------------------

    def ids(self) -> list[int]:
        return list(self._ids)

    def set_ids(self, ids: list[int]) -> None:
        self.beginResetModel()
        self._ids = list(ids)
        self._rows = {}
        self._positions = None
        self.endResetModel()

    def refresh(self) -> None:
        """A new id list for the same sort (the filter or the data changed)."""
        self.set_ids(self._fetch_ids(self.sort_key, self.descending))

    def row_of(self, record_id: int) -> int:
        """The row showing this id, or -1."""
        if self._positions is None:
            self._positions = {rid: n for n, rid in enumerate(self._ids)}
        return self._positions.get(record_id, -1)

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_data(self, row: int) -> Any:
        """The row dataclass at this position (fetching its page when not cached)."""
        record_id = self.id_at(row)
        if record_id is None:
            return None
        found = self._rows.get(record_id)
        if found is None:
            self._fetch_around(row)
            found = self._rows.get(record_id)
        return found

    def _fetch_around(self, row: int) -> None:
        if len(self._rows) > CACHE_LIMIT:
            self._rows = {}
        start = (row // PAGE_SIZE) * PAGE_SIZE
        wanted = [i for i in self._ids[start : start + PAGE_SIZE] if i not in self._rows]
        for found in self._fetch_rows(wanted):
            self._rows[found.id] = found
        for missing in wanted:  # deleted meanwhile: remember, so it is not asked for again
            self._rows.setdefault(missing, False)

    # -- Qt ----------------------------------------------------------------------------------

    def rowCount(self, parent: Index = _EMPTY) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = _EMPTY) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.columns[section].header
            if role == Qt.ItemDataRole.TextAlignmentRole and self.columns[section].numeric:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if role == Qt.ItemDataRole.InitialSortOrderRole:
                descending = self.columns[section].descending_first
                return Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.UserRole:
            return self.id_at(index.row())
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = (
                Qt.AlignmentFlag.AlignRight if column.numeric else Qt.AlignmentFlag.AlignLeft
            )
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.DecorationRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return None
        row = self.row_data(index.row())
        if not row:
            return "…" if role == Qt.ItemDataRole.DisplayRole else None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return cell_text(getattr(row, column.attr), column.words)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column.tooltip is not None:
                return column.tooltip(row)
            return cell_text(getattr(row, column.attr), column.words) or None
        if role == Qt.ItemDataRole.ForegroundRole and column.foreground is not None:
            return column.foreground(row)
        if role == Qt.ItemDataRole.DecorationRole and column.decoration is not None:
            return column.decoration(row)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns) or not self.columns[column].sort:
            return
        key = self.columns[column].sort or ""
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self.sort_key, self.descending) and self._ids:
            return
        self.sort_key, self.descending = key, descending
        self.refresh()

    def sort_column(self) -> int:
        keys = [c.sort for c in self.columns]
        return keys.index(self.sort_key) if self.sort_key in keys else -1
