"""Today: what the database holds now and when it was last backed up. Alerts come later."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coordinator.services import backups
from coordinator.services.status import record_counts
from coordinator.storage.vault import Vault
from coordinator.ui.backup_status import last_backup_text, overdue_advice
from coordinator.ui.widgets import PAGE_MARGIN, WARNING_COLOUR, heading, note


class TodayPage(QWidget):
    #: "Back up now" was pressed.
    backup_requested = Signal()

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

        self.backup_line = QLabel()
        self.backup_line.setObjectName("backupLine")
        self.backup_advice = note()
        self.backup_advice.setMaximumWidth(640)
        self.backup_button = QPushButton(self.tr("Back up now…"))
        self.backup_button.clicked.connect(self.backup_requested)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.counts_box)
        layout.addSpacing(8)
        layout.addWidget(self.backup_line)
        layout.addWidget(self.backup_advice)
        button_row = QHBoxLayout()
        button_row.addWidget(self.backup_button)
        button_row.addStretch(1)
        layout.addLayout(button_row)
        layout.addSpacing(8)
        layout.addWidget(self.alerts_note)
        self.alerts_note.setMaximumWidth(640)
        layout.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        """Ask the services for the counts and the backup status again and show them."""
        self.refresh_counts()
        self.refresh_backup_status()

    def refresh_backup_status(self) -> None:
        status = backups.status(self._vault)
        self.backup_line.setText(last_backup_text(status))
        colour = f"color: {WARNING_COLOUR}; font-weight: bold;" if status.overdue else ""
        self.backup_line.setStyleSheet(f"#backupLine {{ {colour} }}")
        self.backup_advice.setText(overdue_advice(status, how=False))
        self.backup_advice.setVisible(status.overdue)
        self.backup_button.setVisible(status.overdue)

    def refresh_counts(self) -> None:
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
