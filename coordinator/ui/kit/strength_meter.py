"""A passphrase strength meter: a coloured bar (0..4), a verdict, and zxcvbn's advice."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

from coordinator.services.passphrase import Strength, assess
from coordinator.ui.kit.widgets import note

#: Bar colour by score: red, red, amber, green, deep green.
COLOURS = ("#c62828", "#c62828", "#d08a00", "#2e7d32", "#1b5e20")


class StrengthMeter(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._labels = (
            self.tr("Very weak"),
            self.tr("Weak"),
            self.tr("Fair"),
            self.tr("Strong"),
            self.tr("Very strong"),
        )
        self.bar = QProgressBar()
        self.bar.setRange(0, 4)
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(8)
        self.bar.setAccessibleName(self.tr("Passphrase strength"))
        self.verdict = QLabel()
        self.verdict.setMinimumWidth(90)
        self.advice = note()
        self.advice.hide()

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.bar, 1)
        row.addWidget(self.verdict)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(row)
        layout.addWidget(self.advice)
        self.strength: Strength | None = None
        self.update_for("")

    def update_for(self, passphrase: str) -> Strength | None:
        """Show the strength of this passphrase; None (and an empty meter) when it is empty."""
        if not passphrase:
            self.strength = None
            self._paint(0, "")
            self.verdict.setText("")
            self.advice.hide()
            return None
        strength = assess(passphrase)
        self.strength = strength
        self._paint(strength.score, COLOURS[strength.score])
        self.verdict.setText(self._labels[strength.score])
        self.verdict.setStyleSheet(f"color: {COLOURS[strength.score]}; font-weight: bold;")
        lines = [
            self.tr("Time to guess it, for someone with a copy of the file: {time}.").format(
                time=strength.crack_time
            )
        ]
        if strength.warning:
            lines.append(strength.warning)
        lines += list(strength.suggestions)
        self.advice.setText("\n".join(lines))
        self.advice.show()
        return strength

    def _paint(self, score: int, colour: str) -> None:
        # An empty bar still shows one sliver of colour, so the meter is visibly a meter.
        self.bar.setValue(max(score, 1) if colour else 0)
        chunk = f"QProgressBar::chunk {{ background: {colour}; border-radius: 3px; }}"
        self.bar.setStyleSheet(
            "QProgressBar { border: 1px solid #cfd4da; border-radius: 4px; background: #e9ecef; }"
            + (chunk if colour else "QProgressBar::chunk { background: transparent; }")
        )
