"""Field widgets every record form shares, and the Section base they sit in.

Each field has the key the record service's checks use ("postcode", "consents[0].given_on")
and a MessageLabel directly under it. A section fills itself from a form dataclass
(`show_form`) and writes what is typed back (`read`); `edited(key)` fires on every change and
`left(key)` when the user leaves a field.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from coordinator.services.validation import Invalid, parse_date
from coordinator.ui.kit.widgets import MessageLabel
from coordinator.ui.translations import translate, word

NOT_RECORDED = "—"
#: Every section's labels are this wide, so fields line up down the whole form.
LABEL_WIDTH = 170


def uk_date(day: date) -> str:
    return day.strftime("%d/%m/%Y")


class DateEdit(QLineEdit):
    """A date typed the UK way (31/01/2026, 31-1-26, 31 Jan 2026); tidied on leaving."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setPlaceholderText(translate("RecordForm", "dd/mm/yyyy"))
        self.setMaximumWidth(140)
        self.editingFinished.connect(self._tidy)

    def value(self) -> date | str | None:
        """A date when the text is one, else the text (the service explains), or None."""
        typed = self.text().strip()
        if not typed:
            return None
        try:
            return parse_date(typed)
        except Invalid:
            return typed

    def set_value(self, value: date | str | None) -> None:
        self.setText(uk_date(value) if isinstance(value, date) else str(value or ""))

    def _tidy(self) -> None:
        value = self.value()
        if isinstance(value, date) and self.text() != uk_date(value):
            self.setText(uk_date(value))


class NumberEdit(QLineEdit):
    """A whole number, optional: an int, the typed text (the service explains), or None."""

    def __init__(self, parent: QWidget | None = None, width: int = 70):
        super().__init__(parent)
        self.setMaximumWidth(width)

    def value(self) -> int | str | None:
        typed = self.text().strip()
        if not typed:
            return None
        return int(typed) if typed.isdigit() else typed

    def set_value(self, value: Any) -> None:
        self.setText("" if value is None else str(value))


class ChoiceBox(QComboBox):
    """A choice from an enum's labels, with an empty "not recorded" choice first if wanted."""

    def __init__(self, labels: dict[Any, str], empty: str | None = NOT_RECORDED):
        super().__init__()
        if empty is not None:
            self.addItem(empty, None)
        for member, label in labels.items():
            self.addItem(word(label), member.value if isinstance(member, enum.Enum) else member)

    def value(self) -> Any:
        return self.currentData()

    def set_value(self, value: Any) -> None:
        if isinstance(value, enum.Enum):
            value = value.value
        found = self.findData(value)
        self.setCurrentIndex(max(found, 0))


class TermBox(QComboBox):
    """One vocabulary term (or none); a retired term the record has is still shown."""

    def __init__(self, terms: list[tuple[int, str]], all_labels: dict[int, str]):
        super().__init__()
        self._labels = all_labels
        self.addItem(NOT_RECORDED, None)
        for term_id, label in terms:
            self.addItem(label, term_id)

    def value(self) -> int | None:
        return self.currentData()

    def set_value(self, term_id: int | None) -> None:
        if term_id is not None and self.findData(term_id) < 0:
            self.addItem(self._labels.get(term_id, str(term_id)), term_id)
        self.setCurrentIndex(max(self.findData(term_id), 0))


class CheckList(QListWidget):
    """Vocabulary terms to tick; retired terms the record has stay listed."""

    changed = Signal()

    def __init__(self, terms: list[tuple[int, str]], all_labels: dict[int, str], rows: int = 8):
        super().__init__()
        self._labels = all_labels
        #: The term not offered here (the main language, among the other languages).
        self._left_out: int | None = None
        for term_id, label in terms:
            self._add(term_id, label)
        self.itemChanged.connect(lambda _item: self.changed.emit())
        self.setUniformItemSizes(True)
        row = self.sizeHintForRow(0) if self.count() else 22
        self.setFixedHeight(min(max(self.count(), 3), rows) * row + 2 * self.frameWidth() + 4)

    def _add(self, term_id: int, label: str) -> QListWidgetItem:
        item = QListWidgetItem(label)
        item.setData(Qt.ItemDataRole.UserRole, term_id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        self.addItem(item)
        return item

    def checked_ids(self) -> list[int]:
        return sorted(
            self.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.count())
            if self.item(i).checkState() == Qt.CheckState.Checked
        )

    def set_checked(self, ids: Iterable[int]) -> None:
        wanted = set(ids)
        present = {self.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.count())}
        self.blockSignals(True)
        for term_id in sorted(wanted - present):
            self._add(
                term_id,
                self._labels.get(term_id, str(term_id)) + translate("RecordForm", " (retired)"),
            )
        for i in range(self.count()):
            item = self.item(i)
            on = item.data(Qt.ItemDataRole.UserRole) in wanted
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.blockSignals(False)
        self._show_all_but_left_out()

    def leave_out(self, term_id: int | None) -> None:
        """Do not offer this term (chosen elsewhere on the form); still shown while ticked,
        so nothing the record holds is hidden."""
        self._left_out = term_id
        self._show_all_but_left_out()

    def _show_all_but_left_out(self) -> None:
        for i in range(self.count()):
            item = self.item(i)
            item.setHidden(
                item.data(Qt.ItemDataRole.UserRole) == self._left_out
                and item.checkState() != Qt.CheckState.Checked
            )


def plain_text(lines: int = 3) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 14)
    return edit


def value_of(widget: QWidget) -> Any:
    if isinstance(widget, DateEdit | NumberEdit | ChoiceBox | TermBox):
        return widget.value()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, QSpinBox):
        return widget.value()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, CheckList):
        return widget.checked_ids()
    if isinstance(widget, QLineEdit):
        return widget.text()
    raise TypeError(type(widget).__name__)


def set_value_of(widget: QWidget, value: Any) -> None:
    if isinstance(widget, DateEdit | NumberEdit | ChoiceBox | TermBox):
        widget.set_value(value)
    elif isinstance(widget, QCheckBox):
        widget.setChecked(bool(value))
    elif isinstance(widget, QSpinBox):
        widget.setValue(int(value or 0))
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(str(value or ""))
    elif isinstance(widget, CheckList):
        widget.set_checked(value or [])
    elif isinstance(widget, QLineEdit):
        widget.setText(str(value or ""))
    else:
        raise TypeError(type(widget).__name__)


def watch(widget: QWidget, on_edit: Any, on_leave: Any) -> None:
    """Call on_edit() at every change of the widget, on_leave() when the user leaves it."""
    if isinstance(widget, QLineEdit):
        widget.textChanged.connect(on_edit)
        widget.editingFinished.connect(on_leave)
    elif isinstance(widget, QPlainTextEdit):
        widget.textChanged.connect(on_edit)
    elif isinstance(widget, QComboBox):
        widget.currentIndexChanged.connect(on_edit)
        widget.currentIndexChanged.connect(on_leave)
    elif isinstance(widget, QCheckBox):
        widget.toggled.connect(on_edit)
        widget.toggled.connect(on_leave)
    elif isinstance(widget, QSpinBox):
        widget.valueChanged.connect(on_edit)
        widget.editingFinished.connect(on_leave)
    elif hasattr(widget, "changed"):  # CheckList, AvailabilityGrid
        widget.changed.connect(on_edit)
        widget.changed.connect(on_leave)


class Section(QGroupBox):
    """A titled group of fields. `fields` maps a form attribute to its widget.

    Subclasses call `add(...)` in __init__; plain fields are read and shown by name, and
    subclasses extend `read`/`show` for anything else.
    """

    #: (key) on any change; (key) when the user leaves the field.
    edited = Signal(str)
    left = Signal(str)

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(title, parent)
        self.form_layout = QFormLayout(self)
        self.form_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.form_layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.form_layout.setVerticalSpacing(6)
        self.fields: dict[str, QWidget] = {}
        self.messages: dict[str, MessageLabel] = {}
        self.labels: dict[str, QLabel] = {}
        self.rows: dict[str, QWidget] = {}

    def add(self, key: str, label: str, widget: QWidget, *, store: bool = True) -> QWidget:
        """A row: label, then the widget with its message under it."""
        message = MessageLabel()
        message.setObjectName(f"message:{key}")
        column = QWidget()
        inner = QVBoxLayout(column)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.setSpacing(2)
        grows = widget.sizePolicy().horizontalPolicy() in (
            QSizePolicy.Policy.Expanding,
            QSizePolicy.Policy.MinimumExpanding,
        ) or isinstance(widget, QPlainTextEdit | QListWidget)
        inner.addWidget(widget, 0, Qt.AlignmentFlag(0) if grows else Qt.AlignmentFlag.AlignLeft)
        inner.addWidget(message)
        column.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        label_widget = QLabel(label)
        label_widget.setBuddy(widget)
        label_widget.setWordWrap(True)
        label_widget.setFixedWidth(LABEL_WIDTH)
        label_widget.setContentsMargins(0, 3, 0, 0)
        label_widget.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.form_layout.addRow(label_widget, column)
        widget.setAccessibleName(label.replace("&", ""))
        widget.setObjectName(key)
        self.messages[key] = message
        self.labels[key] = label_widget
        self.rows[key] = column
        if store:
            self.fields[key] = widget
        self.watch(key, widget)
        return widget

    def add_note(self, label: str, shown: QLabel) -> QLabel:
        """A read-only line (derived text, history) as a row of its own."""
        caption = QLabel(label)
        caption.setFixedWidth(LABEL_WIDTH)
        caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        shown.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.form_layout.addRow(caption, shown)
        return shown

    def watch(self, key: str, widget: QWidget) -> None:
        watch(widget, lambda *_: self.edited.emit(key), lambda *_: self.left.emit(key))

    def set_row_visible(self, key: str, visible: bool) -> None:
        self.labels[key].setVisible(visible)
        self.rows[key].setVisible(visible)

    def read(self, form: Any) -> None:
        for key, widget in self.fields.items():
            setattr(form, key, value_of(widget))

    def show_form(self, form: Any) -> None:
        for key, widget in self.fields.items():
            widget.blockSignals(True)
            set_value_of(widget, getattr(form, key))
            widget.blockSignals(False)

    def update_derived(self, form: Any) -> None:
        """Refresh anything shown that follows from other fields (weeks pregnant...)."""

    def message_for(self, key: str) -> MessageLabel | None:
        return self.messages.get(key)

    def all_messages(self) -> dict[str, MessageLabel]:
        return dict(self.messages)

    def widget_for(self, key: str) -> QWidget | None:
        return self.fields.get(key)
