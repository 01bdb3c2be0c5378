"""The import dialog's preview: the first rows of the file with an "Import as" choice over
each column.

The mapping the coordinator sets here (column header -> field name, "" for "Don't import")
is what `importing.import_file(mapping=...)` takes.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHeaderView, QTableView, QWidget

from coordinator.services.importing import FieldChoice, Preview, reading_of

AnyIndex = QModelIndex | QPersistentModelIndex
#: The "Don't import" choice.
IGNORE = ""
#: Widest a preview column starts (the user can widen it).
MAX_COLUMN_WIDTH = 220
#: A field choice is at least this many characters wide (long names are elided).
COMBO_CHARACTERS = 13


#: Rows above the file's rows: the "Import as" choices, and how the first value is read.
CHOICE_ROW, READING_ROW, FIRST_DATA_ROW = 0, 1, 2


class PreviewModel(QAbstractTableModel):
    """Row 0 holds the "Import as" choices (shown as combo boxes), row 1 how each column's
    first value will be read ("3rd March 2027 → 03/03/2027"); then the file's rows,
    numbered as the spreadsheet numbers them."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._preview: Preview | None = None
        self._readings: list[tuple[str, str]] = []  # (first value, as read) per column

    def set_preview(self, preview: Preview | None) -> None:
        self.beginResetModel()
        self._preview = preview
        self._readings = [("", "")] * (len(preview.columns) if preview else 0)
        self.endResetModel()

    def set_field(self, column: int, field: str | None) -> None:
        """The column will be read as this field: show how its first value reads."""
        if self._preview is None:
            return
        sample = next(
            (row.cells[column] for row in self._preview.rows if row.cells[column].strip()), ""
        )
        self._readings[column] = (sample, reading_of(self._preview.kind, field, sample))
        index = self.index(READING_ROW, column)
        self.dataChanged.emit(index, index)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._preview is None:
            return 0
        return FIRST_DATA_ROW + len(self._preview.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._preview is None:
            return 0
        return len(self._preview.columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._preview is None or index.row() == CHOICE_ROW:
            return None
        if index.row() == READING_ROW:
            return self._reading(index.column(), role)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            cells = self._preview.rows[index.row() - FIRST_DATA_ROW].cells
            return cells[index.column()] if index.column() < len(cells) else ""
        return None

    def _reading(self, column: int, role: int) -> Any:
        sample, reading = self._readings[column]
        if not reading:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return reading if reading == sample else f"{sample} → {reading}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("“{value}” will be read as: {reading}").format(
                value=sample, reading=reading
            )
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or self._preview is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._preview.columns[section].name
        if section == CHOICE_ROW:
            return self.tr("Import as")
        if section == READING_ROW:
            return self.tr("Read as")
        return self.tr("Row {n}").format(n=self._preview.rows[section - FIRST_DATA_ROW].row)


class MappingTable(QTableView):
    """The preview table, with a field choice over each column.

    `mapping()` gives header -> field name ("" = don't import) for every column.
    """

    #: The coordinator chose another field for a column.
    mapping_changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model_ = PreviewModel(self)
        self.setModel(self.model_)
        self.setAccessibleName(self.tr("The first rows of the file and what each column is"))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setWordWrap(False)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.horizontalHeader().setHighlightSections(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.combos: list[QComboBox] = []
        self._headers: list[str] = []
        #: Fields several columns can give (lists: each column adds its values).
        self._several: set[str] = set()
        #: What the last change did to another column ("" when nothing).
        self.last_note = ""

    def show_preview(self, preview: Preview, choices: list[FieldChoice]) -> None:
        self.model_.set_preview(preview)
        self.combos = []
        self._several = {c.name for c in choices if c.several}
        self._headers = [c.name for c in preview.columns]
        for column, found in enumerate(preview.columns):
            combo = QComboBox()
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(COMBO_CHARACTERS)
            combo.setAccessibleName(self.tr("Import column “{name}” as").format(name=found.name))
            combo.addItem(self.tr("Don't import"), IGNORE)
            for choice in choices:
                label = choice.header
                if choice.required:
                    label = self.tr("{field} (needed)").format(field=label)
                combo.addItem(label, choice.name)
            combo.setCurrentIndex(max(0, combo.findData(found.field or IGNORE)))
            self.model_.set_field(column, found.field)
            combo.currentIndexChanged.connect(lambda _i, c=column: self._chosen(c))
            self.setIndexWidget(self.model_.index(0, column), combo)
            self.combos.append(combo)
        self.verticalHeader().resizeSection(0, self.combos[0].sizeHint().height() + 6)
        for column, combo in enumerate(self.combos):
            self.resizeColumnToContents(column)
            width = max(self.columnWidth(column), combo.sizeHint().width())
            self.setColumnWidth(column, min(width, MAX_COLUMN_WIDTH))

    def summary(self, preview: Preview) -> str:
        """Where the column names are, how many rows there are, and what to do."""
        where = self.tr("Column names found in row {row}").format(row=preview.header_row)
        if preview.sheet:
            where += self.tr(" of the sheet “{sheet}”").format(sheet=preview.sheet)
        count = (
            self.tr("1 row to import")
            if preview.total_rows == 1
            else self.tr("{n} rows to import").format(n=f"{preview.total_rows:,}")
        )
        shown = ""
        if preview.total_rows > len(preview.rows):
            shown = " " + self.tr("(the first {n} are shown)").format(n=len(preview.rows))
        return f"{where}. {count}{shown}. " + self.tr(
            "Check what each column is, then choose Import."
        )

    def mapping(self) -> dict[str, str]:
        return {
            header: combo.currentData() or IGNORE
            for header, combo in zip(self._headers, self.combos, strict=True)
        }

    def mapping_headers(self) -> list[str]:
        """The file's column headers, in order."""
        return list(self._headers)

    def choose(self, header: str, field: str) -> None:
        """Set the field of the column with this header (as the combo box would)."""
        combo = self.combos[self._headers.index(header)]
        combo.setCurrentIndex(combo.findData(field))

    def _chosen(self, column: int) -> None:
        """A field goes to one column (the one just chosen takes it from any other), except a
        list, which several columns can fill."""
        field = self.combos[column].currentData()
        self.model_.set_field(column, field)
        self.last_note = ""
        if field and field not in self._several:
            for other, combo in enumerate(self.combos):
                if other != column and combo.currentData() == field:
                    combo.blockSignals(True)
                    combo.setCurrentIndex(0)
                    combo.blockSignals(False)
                    self.model_.set_field(other, None)
                    self.last_note = self.tr(
                        "“{other}” is no longer imported: “{column}” now gives the {field}."
                    ).format(
                        other=self._headers[other],
                        column=self._headers[column],
                        field=self.combos[column].currentText().lower(),
                    )
        self.mapping_changed.emit()
