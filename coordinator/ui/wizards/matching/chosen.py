"""The chosen candidate beside the list: who, her rank, distance and load, and the
breakdown of her score; how ties were broken under it."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from coordinator.services.matching import Candidate
from coordinator.ui.kit.widgets import heading, note
from coordinator.ui.wizards.matching.common import Breakdown, score_text
from coordinator.ui.wizards.matching.models import distance_text


class ChosenPanel(QScrollArea):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.title = heading("", 2)
        self.facts = note()
        self.breakdown = Breakdown()
        self.tie_rule = note()
        body = QWidget()
        inner = QVBoxLayout(body)
        inner.setContentsMargins(12, 0, 4, 0)
        inner.addWidget(self.title)
        inner.addWidget(self.facts)
        inner.addWidget(self.breakdown)
        inner.addSpacing(8)
        inner.addWidget(self.tie_rule)
        inner.addStretch(1)
        self.setWidget(body)

    def show_candidate(self, chosen: Candidate | None, rank: int) -> None:
        if chosen is None:
            self.title.setText("")
            self.facts.setText(self.tr("Choose a volunteer to see why she scores so."))
            self.breakdown.show_contributions(())
            self.breakdown.setVisible(False)
            return
        self.title.setText(
            self.tr("{name} ({reference}): {score} points").format(
                name=chosen.name, reference=chosen.reference, score=score_text(chosen.score)
            )
        )
        self.facts.setText(
            self.tr("Ranked {rank} · {distance} · matches now {active} of {capacity}").format(
                rank=rank,
                distance=distance_text(chosen.distance_km),
                active=chosen.active_matches,
                capacity=chosen.capacity,
            )
        )
        self.breakdown.setVisible(True)
        self.breakdown.show_contributions(chosen.contributions)
