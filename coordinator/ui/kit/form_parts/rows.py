"""A section of repeated rows (consents, DBS checks, references, other professionals).

Declared, not hand-built: each section lists its fields as RowField(attr, label, kind) and
the item dataclass; every row gets those fields in a grid, each with its message under it,
and a Remove button. Keys follow the record service's checks: "consents[0].given_on".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coordinator.ui.kit.form_parts.fields import (
    ChoiceBox,
    DateEdit,
    Section,
    plain_text,
    set_value_of,
    value_of,
    watch,
)
from coordinator.ui.kit.widgets import QUIET_COLOUR, MessageLabel, note
from coordinator.ui.translations import translate

_KEY = re.compile(r"^(\w+)\[(\d+)\]\.(\w+)$")


@dataclass(frozen=True)
class RowField:
    attr: str
    label: str
    #: "text", "long" (several lines), "date", "check", or "choice" (with labels).
    kind: str = "text"
    labels: dict[Any, str] | None = None
    #: Columns of the row's grid this field spans.
    span: int = 1


def make_widget(spec: RowField) -> QWidget:
    if spec.kind == "date":
        return DateEdit()
    if spec.kind == "check":
        return QCheckBox(spec.label)
    if spec.kind == "choice":
        return ChoiceBox(spec.labels or {})
    if spec.kind == "long":
        return plain_text(2)
    return QLineEdit()


class RowEditor(QFrame):
    """One item: its fields in a grid of `columns`, and a Remove button."""

    def __init__(self, specs: list[RowField], columns: int, section: RowsSection):
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("row")
        self.item_id: int | None = None
        self.widgets: dict[str, QWidget] = {}
        self.messages: dict[str, MessageLabel] = {}
        self.remove_button = QPushButton(translate("RecordForm", "Remove"))
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(lambda: section.remove_row(self))
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(2)
        row = column = 0
        for spec in specs:
            if column + spec.span > columns:
                row, column = row + 3, 0
            widget = make_widget(spec)
            widget.setObjectName(spec.attr)
            widget.setAccessibleName(spec.label)
            message = MessageLabel()
            if spec.kind != "check":
                caption = QLabel(spec.label)
                caption.setBuddy(widget)
                caption.setStyleSheet(f"color: {QUIET_COLOUR};")
                grid.addWidget(caption, row, column, 1, spec.span)
            grid.addWidget(widget, row + 1, column, 1, spec.span)
            grid.addWidget(message, row + 2, column, 1, spec.span)
            self.widgets[spec.attr] = widget
            self.messages[spec.attr] = message
            attr = spec.attr
            watch(
                widget,
                lambda *_, a=attr: section.edited.emit(section.key_of(self, a)),
                lambda *_, a=attr: section.left.emit(section.key_of(self, a)),
            )
            column += spec.span
        for number in range(columns):
            grid.setColumnStretch(number, 1)
        grid.addWidget(self.remove_button, 1, columns, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addLayout(grid)

    def values(self) -> dict[str, Any]:
        return {attr: value_of(widget) for attr, widget in self.widgets.items()}

    def show_item(self, item: Any) -> None:
        self.item_id = getattr(item, "id", None)
        for attr, widget in self.widgets.items():
            widget.blockSignals(True)
            set_value_of(widget, getattr(item, attr))
            widget.blockSignals(False)


class RowsSection(Section):
    """Subclasses set `attr` (the form's list), `item_type`, `specs`, `columns` and the
    texts `add_text` and `none_text`."""

    attr = ""
    item_type: Any = None
    specs: list[RowField] = []
    columns = 4
    add_text = ""
    none_text = ""

    def __init__(self, title: str, explanation: str = ""):
        super().__init__(title)
        self.editors: list[RowEditor] = []
        self.none_label = note(self.none_text)
        self.add_button = QPushButton(self.add_text)
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_row)
        self._list = QVBoxLayout()
        self._list.setSpacing(8)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        if explanation:
            layout.addWidget(note(explanation))
        layout.addWidget(self.none_label)
        layout.addLayout(self._list)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.form_layout.addRow(body)

    def key_of(self, editor: RowEditor, attr: str) -> str:
        index = self.editors.index(editor) if editor in self.editors else 0
        return f"{self.attr}[{index}].{attr}"

    def add_row(self) -> RowEditor:
        editor = RowEditor(self.specs, self.columns, self)
        self.editors.append(editor)
        self._list.addWidget(editor)
        editor.show()
        self.none_label.hide()
        first = next(iter(editor.widgets.values()))
        first.setFocus()
        self.edited.emit(f"{self.attr}[{len(self.editors) - 1}]")
        return editor

    def remove_row(self, editor: RowEditor) -> None:
        self.editors.remove(editor)
        self._list.removeWidget(editor)
        editor.deleteLater()
        self.none_label.setVisible(not self.editors)
        self.edited.emit(self.attr)

    def read(self, form: Any) -> None:
        names = {f.name for f in fields(self.item_type)}
        items = []
        for editor in self.editors:
            values = {k: v for k, v in editor.values().items() if k in names}
            items.append(self.item_type(**values, id=editor.item_id))
        setattr(form, self.attr, items)

    def show_form(self, form: Any) -> None:
        for editor in list(self.editors):
            self._list.removeWidget(editor)
            editor.deleteLater()
        self.editors = []
        for item in getattr(form, self.attr):
            editor = RowEditor(self.specs, self.columns, self)
            editor.show_item(item)
            self.editors.append(editor)
            self._list.addWidget(editor)
        self.none_label.setVisible(not self.editors)

    def _split(self, key: str) -> tuple[RowEditor, str] | None:
        found = _KEY.match(key)
        if not found or found[1] != self.attr or int(found[2]) >= len(self.editors):
            return None
        return self.editors[int(found[2])], found[3]

    def message_for(self, key: str) -> MessageLabel | None:
        split = self._split(key)
        return split[0].messages.get(split[1]) if split else None

    def widget_for(self, key: str) -> QWidget | None:
        split = self._split(key)
        return split[0].widgets.get(split[1]) if split else None

    def all_messages(self) -> dict[str, MessageLabel]:
        return {
            f"{self.attr}[{i}].{attr}": message
            for i, editor in enumerate(self.editors)
            for attr, message in editor.messages.items()
        }
