"""The Matches page's volunteer filter: every volunteer by name (typed to narrow), read only
when the list is first opened, since a charity may have thousands of them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter

from coordinator.ui.kit.widgets import busy, fill_choices


class VolunteerChoice(QComboBox):
    def __init__(self, choices: Callable[[], list[tuple[int, str]]]):
        super().__init__()
        self._choices = choices
        self._loaded = False
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = self.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.lineEdit().editingFinished.connect(self._typed)
        self.lineEdit().textEdited.connect(lambda _text: self.load())

    def load(self) -> None:
        """Read the volunteers now (if not yet since the last forget())."""
        if not self._loaded:
            with busy():
                fill_choices(self, self._choices())
            self._loaded = True

    def forget(self) -> None:
        self._loaded = False

    def showPopup(self) -> None:  # noqa: N802 (Qt's name)
        self.load()
        super().showPopup()

    def _typed(self) -> None:
        """A name typed that is not offered goes back to the current choice."""
        found = self.findText(self.currentText(), Qt.MatchFlag.MatchFixedString)
        self.setCurrentIndex(found if found >= 0 else self.currentIndex())
        self.setEditText(self.itemText(self.currentIndex()))
