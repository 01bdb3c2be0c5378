"""Who cannot support her, collapsed under a line of counts by reason; opened, a search box
answers "why isn't Sam here?" for anyone, listed or not."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from coordinator.services.matching import Suggestion, hard_check_label
from coordinator.ui.kit.widgets import QUIET_COLOUR, read_only_rows
from coordinator.ui.translations import translate, word
from coordinator.ui.wizards.matching.models import ExcludedModel, NameFilter


def reason_name(kind: str) -> str:
    """A kind of reason ("capacity") as its short name ("At capacity")."""
    try:
        return word(hard_check_label(kind))
    except ValueError:
        return kind


class ExcludedPanel(QWidget):
    #: Opened (True) or closed.
    opened = Signal(bool)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.suggestion: Suggestion | None = None
        self.toggle = QToolButton()
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.setAutoRaise(True)
        self.toggle.setToolTip(
            translate("MatchingWizard", "Show or hide who cannot support her, and why (Alt+N)")
        )
        self.toggle.setShortcut("Alt+N")
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        self.counts.setStyleSheet(f"color: {QUIET_COLOUR};")
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            translate("MatchingWizard", "Why isn't someone listed? Type her name or reference")
        )
        self.search.setAccessibleName(
            translate("MatchingWizard", "Search the volunteers not listed")
        )
        self.answer = QLabel()
        self.answer.setWordWrap(True)
        self.answer.setTextFormat(Qt.TextFormat.PlainText)
        self.model = ExcludedModel(self)
        self.proxy = NameFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        read_only_rows(self.table, translate("MatchingWizard", "Volunteers who cannot support her"))
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)  # as the ranked list above it
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().resizeSection(0, 240)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.body = QWidget()
        inner = QVBoxLayout(self.body)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.search)
        inner.addWidget(self.answer)
        inner.addWidget(self.table, 1)
        self.body.hide()
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.toggle)
        top.addWidget(self.counts, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.body, 1)
        self.toggle.toggled.connect(self.set_open)
        self.toggle.toggled.connect(self.opened)
        self.search.textChanged.connect(self._searched)

    def set_open(self, on: bool) -> None:
        self.toggle.blockSignals(True)
        self.toggle.setChecked(on)
        self.toggle.blockSignals(False)
        self.opened.emit(on)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
        self.body.setVisible(on)
        if on:
            self.search.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_suggestion(self, suggestion: Suggestion) -> None:
        self.suggestion = suggestion
        self.model.set_excluded(suggestion.excluded)
        total = len(suggestion.excluded)
        self.toggle.setText(self.tr("%n volunteer(s) cannot support her", "", total))
        counts = sorted(suggestion.excluded_counts().items(), key=lambda kv: (-kv[1], kv[0]))
        self.counts.setText(" · ".join(f"{reason_name(kind)}: {count}" for kind, count in counts))
        self._searched(self.search.text())

    def _searched(self, text: str) -> None:
        self.proxy.set_text(text)
        self.answer.setText(self.answer_for(text))
        self.answer.setVisible(bool(self.answer.text()))

    def answer_for(self, text: str) -> str:
        """What the search says beyond the rows: she is a candidate, or no one is called that."""
        wanted = text.strip().casefold()
        if not wanted or self.suggestion is None:
            return ""
        ranked = [
            (rank, c)
            for rank, c in enumerate(self.suggestion.candidates, start=1)
            if wanted in c.name.casefold() or wanted == c.reference.casefold()
        ]
        lines = [
            translate(
                "MatchingWizard", "{name} ({reference}) can support her: ranked {rank}."
            ).format(name=c.name, reference=c.reference, rank=rank)
            for rank, c in ranked[:3]
        ]
        if not lines and self.proxy.rowCount() == 0:
            lines.append(
                translate(
                    "MatchingWizard", "No volunteer's name or reference holds “{text}”."
                ).format(text=text)
            )
        return "\n".join(lines)
