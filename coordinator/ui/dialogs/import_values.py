"""The import dialog's values step: every value of a list or choice column that is not in
her lists, per column, each with what to read it as: a term she has, a new term for her list,
or not right (the rows with it are not imported).

`choices()` gives column -> {value: term} ("" = not right; the value itself = add it), what
`importing.import_file(values=..., add_new_terms=True)` takes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from coordinator.services.importing import REJECT, UnknownColumn, UnknownValue
from coordinator.ui.kit.widgets import heading, note

#: A choice is at least this many characters wide (long terms are elided).
COMBO_CHARACTERS = 28
#: Room for a value and its row count before the text wraps.
VALUE_WIDTH = 240


class ValuesPage(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.explanation = note(
            self.tr(
                "Some values in the file are not in your lists. Say what each one is: one of "
                "your terms, a new term to add to your list, or not right (the rows with it "
                "are then not imported, and listed for you to fix)."
            )
        )
        self._inner = QWidget()
        self._grid = QGridLayout(self._inner)
        self._grid.setColumnStretch(2, 1)
        self._grid.setColumnMinimumWidth(0, VALUE_WIDTH)
        self._grid.setHorizontalSpacing(12)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self._inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.explanation)
        layout.addWidget(scroll, 1)
        #: (column, value) -> its choice.
        self.combos: dict[tuple[str, str], QComboBox] = {}
        self.columns: list[UnknownColumn] = []

    def show_unknown(self, columns: list[UnknownColumn]) -> None:
        while self._grid.count():
            item = self._grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.combos = {}
        self.columns = list(columns)
        row = 0
        for column in columns:
            title = self.tr("“{column}”: %n value(s) not in your {what}", "", len(column.values))
            title = title.format(column=column.column, what=self._what(column))
            label = heading(title, 3)
            label.setWordWrap(True)
            self._grid.addWidget(label, row, 0, 1, 3)
            row += 1
            for value in column.values:
                name = QLabel(self._value_text(value))
                name.setWordWrap(True)
                name.setTextFormat(Qt.TextFormat.PlainText)
                box = self._combo(column, value)
                name.setBuddy(box)
                self._grid.addWidget(name, row, 0)
                self._grid.addWidget(box, row, 1)
                self.combos[(column.column, value.value)] = box
                row += 1
        self._grid.setRowStretch(row, 1)

    def _what(self, column: UnknownColumn) -> str:
        if column.can_add:
            return self.tr("list of {what}").format(what=column.what)
        return column.what

    def _value_text(self, value: UnknownValue) -> str:
        rows = self.tr("%Ln row(s)", "", value.rows)
        return f"“{value.value}” ({rows})"

    def _combo(self, column: UnknownColumn, value: UnknownValue) -> QComboBox:
        box = QComboBox()
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(COMBO_CHARACTERS)
        box.setAccessibleName(
            self.tr("Read “{value}” in “{column}” as").format(
                value=value.value, column=column.column
            )
        )
        if column.can_add:
            added = value.language or value.value
            box.addItem(self.tr("Add “{term}” to your list").format(term=added), value.value)
        for choice in column.choices:
            box.addItem(choice, choice)
        box.addItem(self.tr("Not right: don't import these rows"), REJECT)
        if value.suggestion:
            box.setCurrentIndex(max(0, box.findData(value.suggestion)))
        elif not column.can_add:
            box.setCurrentIndex(box.count() - 1)
        return box

    def choices(self) -> dict[str, dict[str, str]]:
        out: dict[str, dict[str, str]] = {}
        for (column, value), box in self.combos.items():
            out.setdefault(column, {})[value] = box.currentData()
        return out

    def choose(self, column: str, value: str, label: str) -> None:
        """Pick the choice with this text for one value (as a click in its list would)."""
        box = self.combos[(column, value)]
        box.setCurrentIndex(box.findText(label))
