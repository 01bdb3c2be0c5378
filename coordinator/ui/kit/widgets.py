"""Small building blocks shared by the pages: headings, notes, messages, a centred column."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpacerItem,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

AnyWidget = TypeVar("AnyWidget", bound=QWidget)

#: The create and unlock forms are a centred column no wider than this.
FORM_MAX_WIDTH = 480
#: ... and start this fraction (1/n) of the page's height from its top.
FORM_TOP_SHARE = 7
PAGE_MARGIN = 24

ERROR_COLOUR = "#a4262c"
WARNING_COLOUR = "#8a5300"
QUIET_COLOUR = "#5b6169"
LINK_COLOUR = "#1f5fa8"
SUCCESS_COLOUR = "#1b5e20"


def heading(text: str, level: int = 1) -> QLabel:
    """A bold title: level 1 for a page, level 2 for a section."""
    label = QLabel(text)
    font = QFont(label.font())
    base = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
    font.setPointSizeF(base * (1.6 if level == 1 else 1.2))
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    label.setObjectName("heading" if level == 1 else "subheading")
    label.setAccessibleName(text)
    return label


def note(text: str = "", colour: str = QUIET_COLOUR) -> QLabel:
    """A wrapped line of plain explanatory text."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setStyleSheet(f"color: {colour};")
    return label


def breakable_path(path: Path | str) -> str:
    """The path with invisible break points after each separator, so a label can wrap it."""
    text = str(path)
    for sep in {os.sep, "/"}:
        text = text.replace(sep, sep + "\u200b")
    return text


class MessageLabel(QLabel):
    """A message next to a field: hidden while empty; error, warning or plain.

    With `reserve_lines`, the label keeps room for that many lines even while empty, so that
    the controls below it stay where they are when a message comes and goes.
    """

    def __init__(self, parent: QWidget | None = None, *, reserve_lines: int = 0):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._reserved = reserve_lines
        if reserve_lines:
            self.setMinimumHeight(self.fontMetrics().lineSpacing() * reserve_lines + 2)
            self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        else:
            self.hide()

    def has_message(self) -> bool:
        return bool(self.text())

    def show_message(self, text: str, kind: str = "error") -> None:
        """kind: "error", "warning", "success" or "info"."""
        colour = {"error": ERROR_COLOUR, "warning": WARNING_COLOUR, "success": SUCCESS_COLOUR}.get(
            kind, QUIET_COLOUR
        )
        self.setStyleSheet(f"color: {colour};")
        self.setText(text)
        self.setVisible(bool(text) or bool(self._reserved))

    def clear_message(self) -> None:
        self.clear()
        self.setVisible(bool(self._reserved))


def keep_room_when_hidden(widget: AnyWidget) -> AnyWidget:
    """The widget's place stays taken while it is hidden: what is beside it never moves
    when it comes and goes (Clear filters)."""
    policy = widget.sizePolicy()
    policy.setRetainSizeWhenHidden(True)
    widget.setSizePolicy(policy)
    return widget


def link_button(text: str) -> QPushButton:
    """A flat button that looks like a link, for secondary choices."""
    button = QPushButton(text)
    button.setFlat(True)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.setStyleSheet(
        f"QPushButton {{ color: {LINK_COLOUR}; border: none; padding: 2px 0; text-align: left; }}"
        "QPushButton:hover { text-decoration: underline; }"
    )
    return button


class _FormPage(QScrollArea):
    """Scrolls the page; holds the column a fixed share of the page's height from the top."""

    def __init__(self, inner: QWidget, top: QSpacerItem):
        super().__init__()
        self._inner, self._top = inner, top
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidget(inner)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        height = self.viewport().height() // FORM_TOP_SHARE
        self._top.changeSize(0, height, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        self._inner.layout().invalidate()


def centred_form_page(column: QWidget) -> QScrollArea:
    """The column centred across the page, at most FORM_MAX_WIDTH wide, a fixed share of
    the page's height from the top (not centred up and down: a message or a strength meter
    appearing in the column must not move the fields under the mouse); scrolls on small
    screens."""
    column.setMaximumWidth(FORM_MAX_WIDTH)
    inner = QWidget()
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(column, 4)
    row.addStretch(1)
    outer = QVBoxLayout(inner)
    outer.setContentsMargins(PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN)
    top = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
    outer.addItem(top)
    outer.addLayout(row)
    outer.addStretch(1)
    return _FormPage(inner, top)


@contextmanager
def busy(label: MessageLabel | None = None, text: str = "") -> Iterator[None]:
    """A wait cursor and a visible 'working' line around a short synchronous task."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    if label is not None:
        label.show_message(text, "info")
        label.repaint()
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()
        if label is not None:
            label.clear_message()


class FittingDialog(QDialog):
    """A dialog whose height follows its content as messages and fields appear and go.

    Wrapped labels need height-for-width, which a dialog's own size constraint ignores.
    """

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest and self.layout() is not None:
            self.layout().activate()
            width = max(self.width(), self.minimumWidth())
            if self.hasHeightForWidth():
                height = self.heightForWidth(width)
            else:
                height = self.sizeHint().height()
            if height > 0 and height != self.height():
                self.resize(width, height)
        return handled


class OptionalNumberBox(QSpinBox):
    """A number box whose lowest value means "no limit" and shows a word ("Any wait").

    Typing a digit over that word starts the number, as a person expects; a plain QSpinBox
    would refuse the key because "Any wait5" is not a number.
    """

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        typed = event.text()
        if typed.isdigit() and self.value() == self.minimum() and self.specialValueText():
            self.setValue(max(int(typed), self.minimum()))
            self.lineEdit().setCursorPosition(len(self.lineEdit().text()) - len(self.suffix()))
            return
        super().keyPressEvent(event)


def lend_lock_action(dialog: QWidget, owner: QWidget) -> None:
    """Let Ctrl+L lock from inside a dialog over the main window (whose own shortcut a
    modal dialog blocks); `owner` may itself be inside a dialog over the main window."""
    window = owner.window()
    while window is not None and not hasattr(window, "lock_action"):
        parent = window.parentWidget()
        window = parent.window() if parent is not None else None
    if window is not None:
        dialog.addAction(window.lock_action)


def fill_choices(combo: QComboBox, choices: list[tuple[Any, str]]) -> None:
    """Put (data, label) choices after a combo's first item ("All projects"), keeping the
    current choice when it is still offered (else going back to the first item).

    Filters call this each time their page is shown, so a project or need added in Settings
    is offered at once. The combo signals only when its choice actually changed.
    """
    current = combo.currentData()
    combo.blockSignals(True)
    try:
        while combo.count() > 1:
            combo.removeItem(combo.count() - 1)
        for data, label in choices:
            combo.addItem(label, data)
        found = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(found, 0))
    finally:
        combo.blockSignals(False)
    if combo.currentData() != current:
        combo.currentIndexChanged.emit(combo.currentIndex())


def read_only_rows(table: QAbstractItemView, name: str) -> None:
    """A table for choosing one row (a project, a term): whole rows, one at a time, no
    editing in the cells, no row numbers."""
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    if isinstance(table, QTableView):
        table.verticalHeader().hide()
        table.horizontalHeader().setHighlightSections(False)


def fit_rows(table: QTableView, rows: int, most: int) -> None:
    """A table in a form section as tall as its rows (up to `most`, then it scrolls), and
    out of the way when it has none."""
    table.setVisible(rows > 0)
    shown = min(max(rows, 1), most)
    height = table.horizontalHeader().height() + shown * table.rowHeight(0) + 6
    table.setFixedHeight(height if rows else 0)
