"""Up to three candidates side by side: a column each, a row per criterion (points and
words), the total, and what she carries now (matches, distance)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from coordinator.services.matching import Candidate, Criterion
from coordinator.ui.kit.widgets import QUIET_COLOUR, heading
from coordinator.ui.wizards.matching.common import criterion_name, points_text, score_text
from coordinator.ui.wizards.matching.models import distance_text

COLUMN_WIDTH = 300


class CompareDialog(QDialog):
    def __init__(self, candidates: Sequence[Candidate], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Compare volunteers"))
        self.candidates = list(candidates)
        self.cells: dict[tuple[int, str], str] = {}
        body = QWidget()
        grid = QGridLayout(body)
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(8)
        criteria = [c for c in Criterion if any(self._of(x, c) for x in self.candidates)]
        rows = [self.tr("Score"), *map(criterion_name, criteria)]
        rows += [self.tr("Km apart"), self.tr("Matches now")]
        for row, text in enumerate(rows, start=1):
            caption = QLabel(text)
            caption.setStyleSheet(f"color: {QUIET_COLOUR};")
            caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            grid.addWidget(caption, row, 0)
        for column, candidate in enumerate(self.candidates, start=1):
            title = heading(f"{candidate.name} ({candidate.reference})", 2)
            title.setMaximumWidth(COLUMN_WIDTH)
            grid.addWidget(title, 0, column)
            values = [score_text(candidate.score)]
            for criterion in criteria:
                found = self._of(candidate, criterion)
                values.append(
                    f"{points_text(found.points)}  {found.why}" if found else self.tr("not scored")
                )
            values.append(distance_text(candidate.distance_km))
            values.append(
                self.tr("{active} of {capacity}").format(
                    active=candidate.active_matches, capacity=candidate.capacity
                )
            )
            for row, text in enumerate(values, start=1):
                label = QLabel(text)
                label.setWordWrap(True)
                label.setTextFormat(Qt.TextFormat.PlainText)
                label.setMinimumWidth(200)
                label.setMaximumWidth(COLUMN_WIDTH)
                label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                if row == 1:
                    font = label.font()
                    font.setBold(True)
                    label.setFont(font)
                grid.addWidget(label, row, column)
                self.cells[(column - 1, rows[row - 1])] = text
        grid.setRowStretch(len(rows) + 1, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.resize(min(1200, 220 + COLUMN_WIDTH * len(self.candidates) + 60), 600)

    @staticmethod
    def _of(candidate: Candidate, criterion: Criterion):
        return next((c for c in candidate.contributions if c.criterion == criterion), None)
