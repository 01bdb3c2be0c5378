"""Lists of records: a lazy table model over a sorted id list, and a page around it.

The services do the work (filter, search and sort in SQL); the list only keeps the ids in
order and asks for display rows (plain dataclasses) for what scrolls into view.

    COLUMNS = (
        Column(tr("Name"), "name", "name"),             # header, row attribute, sort key
        Column(tr("Days waiting"), "days_waiting", "waiting", numeric=True),
        Column(tr("Area"), "area"),                     # no sort key: not sortable
    )

    class VolunteersPage(RecordListPage):
        def __init__(self, vault):
            super().__init__(vault, COLUMNS, lambda ids: volunteer_rows(vault, ids),
                             title=self.tr("Volunteers"), new_text=self.tr("New volunteer…"))
            self.filter_bar.addWidget(self.status_box)          # fill the filter bar
            self.status_box.currentIndexChanged.connect(self.reload)
            self.reload()

        def fetch_ids(self, text, sort, descending):      # required
            return volunteer_ids(self.vault, VolunteerFilter(text=text, ...), sort, descending)

        def count_text(self, n):                          # "1 volunteer" / "1,234 volunteers"
        def count_all(self): ...                          # unfiltered total: "3 of 40 volunteers"
        def count_of_text(self, shown, total): ...        # the words for that
            return self.tr("%Ln volunteer(s)", "", n)

        def open_record(self, record_id): ...             # Enter / double-click
        def new_record(self): ...                         # New button, Insert, Ctrl+N
        def export_records(self): ...                     # Export… (hidden unless overridden)
        def filters_active(self): ...                     # True: the empty text says "none match"
        def empty_text(self, filtered): ...               # what an empty list says

RecordListPage gives: `reload()` (ids again, selection kept), `select_id(id)`,
`selected_id()`, `ids()` (the current filter's ids, in order), `search` (the box; typing
reloads after `search_delay_ms`, 0 = at once), `table`, `model`, `count_label`,
`empty_label`, `message` (a MessageLabel beside the count, under the table),
`filter_bar` (a QHBoxLayout), `new_button`, `export_button`, and the signals
`opened(int)`, `reloaded()`. Header clicks sort in the service: the model asks
`fetch_ids(text, sort_key, descending)` for a new id list. Every reset of the model keeps
the selected record selected when it is still in the list.

Column(foreground=..., decoration=..., tooltip=...) take a callable on the row, for a red
overdue date or a small marker; Column(descending_first=True) sorts that column descending on
its first click. Column and the model (RecordTableModel) live in record_model.py and are
importable from here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QItemSelectionModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coordinator.ui.kit.counts import ListCounts
from coordinator.ui.kit.record_model import Column, RecordTableModel
from coordinator.ui.kit.widgets import PAGE_MARGIN, QUIET_COLOUR, MessageLabel, busy, heading

SEARCH_DELAY_MS = 60


class _Table(QTableView):
    """Enter opens the current record (the view's own Enter would start editing)."""

    activated_row = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_row.emit(self.currentIndex().row())
            return
        super().keyPressEvent(event)


class _SearchBox(QLineEdit):
    """Down moves into the list; Esc clears what was typed."""

    down = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.down.emit()
            return
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            return
        super().keyPressEvent(event)


class RecordListPage(QWidget):
    """A searchable, filterable, sortable list of one kind of record. See the module doc."""

    #: The user opened a record (Enter, double-click); open_record() is called too.
    opened = Signal(int)
    #: The list has a new id list (after a search, a filter, a sort or a refresh).
    reloaded = Signal()

    #: The wait after a keystroke before searching; 0 searches at once.
    search_delay_ms = SEARCH_DELAY_MS

    def __init__(
        self,
        vault: Any,
        columns: Sequence[Column],
        fetch_rows: Callable[[list[int]], list[Any]],
        *,
        title: str,
        new_text: str = "",
        search_placeholder: str = "",
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.vault = vault
        self._selected_before: int | None = None
        self.model = RecordTableModel(columns, fetch_rows, self._ids_for_sort, self)
        self.title = heading(title)
        self.message = MessageLabel()

        self.search = _SearchBox()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(search_placeholder or self.tr("Search"))
        self.search.setAccessibleName(self.tr("Search"))
        self.search.setToolTip(self.tr("Search this list (Ctrl+F)"))
        self.search.setMinimumWidth(260)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.timeout.connect(self.reload)
        self.search.textChanged.connect(self._search_changed)
        self.filter_bar = QHBoxLayout()
        self.filter_bar.setSpacing(8)

        self.new_button = QPushButton(new_text or self.tr("New"))
        self.new_button.setToolTip(self.tr("Add a new record (Ctrl+N or Insert)"))
        self.new_button.clicked.connect(self.new_record)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Save the records in this list to a spreadsheet"))
        self.export_button.clicked.connect(self.export_records)
        self.export_button.setVisible(
            type(self).export_records is not RecordListPage.export_records
        )
        self.count_label = QLabel()
        self.count_label.setStyleSheet(f"color: {QUIET_COLOUR};")
        self.count_label.setAccessibleName(self.tr("Number of records in the list"))

        self.table = self._make_table()
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet(f"color: {QUIET_COLOUR}; padding: 24px;")
        self._body = QStackedWidget()
        self._body.addWidget(self.table)
        self._body.addWidget(self.empty_label)
        self._lay_out()

        self.search.down.connect(self._focus_table)
        self.search.returnPressed.connect(self._search_entered)
        self.table.activated_row.connect(self._open_row)
        self.table.doubleClicked.connect(lambda index: self._open_row(index.row()))
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.modelReset.connect(self._after_reset)
        # Ctrl+N and Ctrl+F are the window's (Edit menu); Insert is the list's own.
        insert = QShortcut(QKeySequence("Insert"), self)
        insert.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        insert.activated.connect(self.new_record)

    def _make_table(self) -> _Table:
        table = _Table()
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.setShowGrid(False)
        table.setTabKeyNavigation(False)
        table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        vertical = table.verticalHeader()
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(max(24, table.fontMetrics().height() + 10))
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setStretchLastSection(True)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(max(self.model.sort_column(), 0), Qt.SortOrder.AscendingOrder)
        header.sortIndicatorChanged.connect(self._sort_changed)
        for number, column in enumerate(self.model.columns):
            if column.width:
                header.resizeSection(number, column.width)
        table.setAccessibleName(self.windowTitle() or self.tr("Records"))
        return table

    def add_title_button(self, button: QPushButton) -> None:
        """Put a button in the title row, before Export… (pages add Import… this way)."""
        self.title_row.insertWidget(self.title_row.indexOf(self.export_button), button)

    def _lay_out(self) -> None:
        top = self.title_row = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.export_button)
        top.addWidget(self.new_button)
        search_row = QHBoxLayout()
        search_row.setSpacing(8)
        search_row.addWidget(self.search, 1)
        search_row.addLayout(self.filter_bar)
        # The message (an export written, a record gone) comes and goes beside the count,
        # under the list: the list and the controls above it never move when it does.
        bottom = QHBoxLayout()
        bottom.setSpacing(16)
        bottom.addWidget(self.count_label, 0, Qt.AlignmentFlag.AlignTop)
        bottom.addWidget(self.message, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN // 2)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addLayout(search_row)
        layout.addWidget(self._body, 1)
        layout.addLayout(bottom)

    # -- for subclasses ----------------------------------------------------------------------

    def fetch_ids(self, text: str, sort: str, descending: bool) -> list[int]:
        """The ids of the records to list, sorted by the service. Required."""
        raise NotImplementedError

    def count_text(self, count: int) -> str:
        return ListCounts().records(count)

    def count_all(self) -> int | None:
        """How many the list holds with no search and no filter, said beside the count while
        searching or filtering ("3 of 40 mothers"); None says the count alone."""
        return None

    def count_of_text(self, shown: int, total: int) -> str:
        return ListCounts().records_of(shown, total)

    def empty_text(self, filtered: bool) -> str:
        if filtered:
            return self.tr("Nothing matches this search and these filters.")
        return self.tr("Nothing here yet.")

    def filters_active(self) -> bool:
        """True when the filter bar narrows the list (for the empty text)."""
        return False

    def open_record(self, record_id: int) -> None:
        """Enter or double-click on a row."""

    def new_record(self) -> None:
        """The New button, Insert, Ctrl+N (Edit > New record)."""

    def export_records(self) -> None:
        """The Export… button (shown only when a subclass overrides this)."""

    # -- the list ----------------------------------------------------------------------------

    def _ids_for_sort(self, sort: str, descending: bool) -> list[int]:
        return self.fetch_ids(self.search.text(), sort, descending)

    def reload(self) -> None:
        """Ask the service for the ids again (search, filters, sort); the selection stays."""
        self._search_timer.stop()
        self.model.refresh()

    def ids(self) -> list[int]:
        return self.model.ids()

    def selected_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        return self.model.id_at(index.row())

    def select_id(self, record_id: int | None) -> bool:
        """Select (and show) this record when it is in the list."""
        row = -1 if record_id is None else self.model.row_of(record_id)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        return True

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _focus_table(self) -> None:
        if self.model.rowCount() == 0:
            return
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.selected_id() is None:
            self.table.selectRow(0)

    def _sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        if self.model.columns[column].sort:
            with busy():  # a long list takes a moment to sort
                self.model.sort(column, order)
            return
        header = self.table.horizontalHeader()  # not sortable: the indicator stays put
        header.blockSignals(True)
        header.setSortIndicator(
            self.model.sort_column(),
            Qt.SortOrder.DescendingOrder if self.model.descending else Qt.SortOrder.AscendingOrder,
        )
        header.blockSignals(False)

    def _search_entered(self) -> None:
        """Enter in the search box: open the only match, else move into the list."""
        self.reload()
        if self.model.rowCount() == 1:
            self._open_row(0)
        else:
            self._focus_table()

    def _search_changed(self) -> None:
        if self.search_delay_ms <= 0:
            self.reload()
        else:
            self._search_timer.start(self.search_delay_ms)

    def _remember_selection(self) -> None:
        self._selected_before = self.selected_id()

    def _after_reset(self) -> None:
        count = self.model.rowCount()
        filtered = bool(self.search.text().strip()) or self.filters_active()
        total = self.count_all() if filtered else None
        self.count_label.setText(
            self.count_text(count) if total is None else self.count_of_text(count, total)
        )
        if count:
            self._body.setCurrentWidget(self.table)
            self.select_id(self._selected_before)
        else:
            self.empty_label.setText(self.empty_text(filtered))
            self._body.setCurrentWidget(self.empty_label)
        self.reloaded.emit()

    def _open_row(self, row: int) -> None:
        record_id = self.model.id_at(row)
        if record_id is not None:
            self.opened.emit(record_id)
            self.open_record(record_id)


__all__ = ["SEARCH_DELAY_MS", "Column", "RecordListPage", "RecordTableModel"]
