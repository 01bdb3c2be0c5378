"""Today: what the database holds now. Alerts join it in a later version."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from coordinator.services.status import record_counts
from coordinator.storage.vault import Vault
from coordinator.ui.widgets import PAGE_MARGIN, heading, note


class TodayPage(QWidget):
    def __init__(self, vault: Vault, parent: QWidget | None = None):
        super().__init__(parent)
        self._vault = vault
        self.title = heading(self.tr("Today"))
        self.summary = note(self.tr("Your database is open. It holds:"))
        self.counts_box = QFrame()
        self.counts_box.setObjectName("countsBox")
        self.counts_box.setStyleSheet(
            "#countsBox { border: 1px solid #d5d9de; border-radius: 6px; background: palette(base); }"
        )
        self.counts_box.setMaximumWidth(420)
        self.grid = QGridLayout(self.counts_box)
        self.grid.setContentsMargins(16, 12, 16, 12)
        self.grid.setHorizontalSpacing(32)
        self.grid.setVerticalSpacing(6)
        self.grid.setColumnStretch(0, 1)
        #: label -> the QLabel showing its count
        self.count_labels: dict[str, QLabel] = {}
        self.alerts_note = note(
            self.tr(
                "Alerts (referrals waiting for a match, matches with no recent contact, "
                "DBS checks and supervision due, endings coming up) come in a later version."
            )
        )

        layout = QVBoxLayout(self)
        layout.setContentsMargins(PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.counts_box)
        layout.addSpacing(8)
        layout.addWidget(self.alerts_note)
        self.alerts_note.setMaximumWidth(640)
        layout.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        """Ask the service for the counts again and show them."""
        self.count_labels.clear()
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        bold = QFont(self.font())
        bold.setBold(True)
        for row, (name, count) in enumerate(record_counts(self._vault).items()):
            self.grid.addWidget(QLabel(name), row, 0)
            value = QLabel(f"{count:,}")
            value.setFont(bold)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.grid.addWidget(value, row, 1)
            self.count_labels[name] = value
