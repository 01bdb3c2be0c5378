"""Today: what the database holds now and when it was last backed up. Alerts come later.

While the database has no project or nobody in it yet, a "Getting started" list shows the
first steps (add a project, bring in the spreadsheet, choose a backup folder), each with a
link that goes there. Everything is read again when records change (at once if the page
is shown, else when it next is).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
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

from coordinator.services import backups, vocabularies
from coordinator.services.changes import EVERYTHING, Kind
from coordinator.services.status import COUNT_LABELS, record_counts
from coordinator.storage.vault import Vault
from coordinator.ui.kit.operations import follow_changes
from coordinator.ui.kit.widgets import PAGE_MARGIN, WARNING_COLOUR, heading, link_button, note
from coordinator.ui.pages import PageSpec
from coordinator.ui.shell.backup_status import last_backup_text, overdue_advice
from coordinator.ui.translations import word


class TodayPage(QWidget):
    #: "Back up now" was pressed.
    backup_requested = Signal()
    #: A getting-started link: the projects dialog, the import dialog, a section of Settings
    #: (its key: "backups").
    projects_requested = Signal()
    import_requested = Signal()
    settings_requested = Signal(str)

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
        #: kind of record -> the QLabel showing its count
        self.count_labels: dict[Kind, QLabel] = {}
        self.alerts_note = note(
            self.tr(
                "Alerts (referrals waiting for a match, matches with no recent contact, "
                "DBS checks and supervision due, endings coming up) come in a later version."
            )
        )

        self.start_box = QFrame()
        self.start_box.setObjectName("startBox")
        self.start_box.setStyleSheet(
            "#startBox { border: 1px solid #d5d9de; border-radius: 6px; background: palette(base); }"
        )
        self.start_box.setMaximumWidth(640)
        start = QVBoxLayout(self.start_box)
        start.setContentsMargins(16, 12, 16, 12)
        start.setSpacing(6)
        start.addWidget(heading(self.tr("Getting started"), 3))
        #: step name -> (its row, the link that goes there)
        self.steps: dict[str, tuple[QWidget, QPushButton]] = {}
        for name, text, link, signal in (
            (
                "project",
                self.tr("1. Add the project your volunteers work in."),
                self.tr("Projects…"),
                self.projects_requested,
            ),
            (
                "people",
                self.tr("2. Bring in your spreadsheet of referrals and volunteers, or add them."),
                self.tr("Import…"),
                self.import_requested,
            ),
            (
                "backups",
                self.tr("3. Choose a folder, ideally on another drive, for automatic backups."),
                self.tr("Settings"),
                lambda: self.settings_requested.emit("backups"),
            ),
        ):
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            line.addWidget(QLabel(text))
            button = link_button(link)
            button.clicked.connect(signal)
            line.addWidget(button)
            line.addStretch(1)
            start.addWidget(row)
            self.steps[name] = (row, button)

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
        layout.addWidget(self.start_box)
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
        self.follower = follow_changes(self, EVERYTHING, self.refresh)

    def refresh(self) -> None:
        """Ask the services for the counts and the backup status again and show them."""
        counts = self.refresh_counts()
        status = self.refresh_backup_status()
        self.refresh_steps(counts, status)

    def refresh_steps(self, counts: dict[Kind, int], status: backups.BackupStatus) -> None:
        """Show the getting-started steps still to do; the box goes once a project and some
        people are in (choosing a backup folder is also said elsewhere)."""
        done = {
            "project": bool(vocabularies.project_choices(self._vault)),
            "people": bool(counts.get(Kind.MOTHER) or counts.get(Kind.VOLUNTEER)),
            "backups": status.folder is not None,
        }
        for name, (row, _button) in self.steps.items():
            row.setVisible(not done[name])
        self.start_box.setVisible(not (done["project"] and done["people"]))

    def refresh_backup_status(self) -> backups.BackupStatus:
        status = backups.status(self._vault)
        self.backup_line.setText(last_backup_text(status))
        colour = f"color: {WARNING_COLOUR}; font-weight: bold;" if status.overdue else ""
        self.backup_line.setStyleSheet(f"#backupLine {{ {colour} }}")
        self.backup_advice.setText(overdue_advice(status, how=False))
        self.backup_advice.setVisible(status.overdue)
        self.backup_button.setVisible(status.overdue)
        return status

    def refresh_counts(self) -> dict[Kind, int]:
        self.count_labels.clear()
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        bold = QFont(self.font())
        bold.setBold(True)
        counts = record_counts(self._vault)
        for row, (kind, count) in enumerate(counts.items()):
            self.grid.addWidget(QLabel(word(COUNT_LABELS[kind])), row, 0)
            value = QLabel(f"{count:,}")
            value.setFont(bold)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.grid.addWidget(value, row, 1)
            self.count_labels[kind] = value
        return counts


PAGE = PageSpec("today", 10, lambda: QCoreApplication.translate("Workspace", "Today"), TodayPage)
