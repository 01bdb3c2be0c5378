"""Choosing several people from a long list by typing: part of a name or a reference, Enter
adds the person; Backspace in the empty box takes the last one off."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QCompleter, QLabel, QLineEdit, QVBoxLayout, QWidget


class PeoplePicker(QWidget):
    #: The people chosen changed.
    changed = Signal()

    def __init__(self, choices: list[tuple[int, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.labels = dict(choices)
        self.by_label = {label.casefold(): pid for pid, label in choices}
        self.chosen: list[int] = []
        self.line = QLineEdit()
        self.line.setAccessibleName(self.tr("Add a volunteer"))
        self.line.setPlaceholderText(self.tr("Type a name or reference, Enter to add"))
        completer = QCompleter([label for _pid, label in choices], self.line)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.line.setCompleter(completer)
        self.line.installEventFilter(self)
        self.shown = QLabel()
        self.shown.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.shown)
        layout.addWidget(self.line)
        self.setFocusProxy(self.line)

    def set_chosen(self, ids: Iterable[int]) -> None:
        self.chosen = list(dict.fromkeys(i for i in ids if i in self.labels))
        self.shown.setText(", ".join(self.labels[i] for i in self.chosen) or self.tr("Nobody yet."))
        self.changed.emit()

    def add_typed(self) -> bool:
        typed = self.line.text().strip().casefold()
        found = self.by_label.get(typed)
        if found is None:
            hits = [pid for label, pid in self.by_label.items() if typed in label]
            found = hits[0] if len(hits) == 1 else None
        if found is None:
            return False
        self.set_chosen([*self.chosen, found])
        self.line.clear()
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.line and event.type() == QEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.line.text():
                popup = self.line.completer().popup()
                if popup.isVisible() and popup.currentIndex().isValid():
                    self.line.setText(popup.currentIndex().data())
                popup.hide()
                self.add_typed()
                return True
            if event.key() == Qt.Key.Key_Backspace and not self.line.text() and self.chosen:
                self.set_chosen(self.chosen[:-1])
                return True
        return super().eventFilter(watched, event)
