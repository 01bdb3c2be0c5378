"""Today: what needs the coordinator, grouped and most pressing first, each line a click
(or Enter) away from the record; beside it, small counts of what the database holds and
when it was last backed up.

The alerts come from coordinator.services.attention, computed off the GUI thread; they are
read again when records change (at once if the page is shown, else when it next is). An
alert can be snoozed with a note. While the database has no project or nobody in it yet, a
"Getting started" list shows the first steps, each with a link that goes there.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coordinator.services import attention, backups, vocabularies
from coordinator.services.attention import Alert, Target
from coordinator.services.changes import EVERYTHING, Kind
from coordinator.services.status import COUNT_LABELS, record_counts
from coordinator.storage.vault import Vault
from coordinator.ui.attention.alert_list import AlertList
from coordinator.ui.attention.snooze_dialog import SnoozeDialog
from coordinator.ui.kit.operations import Task, follow_changes
from coordinator.ui.kit.widgets import PAGE_MARGIN, WARNING_COLOUR, heading, link_button, note
from coordinator.ui.pages import PageSpec
from coordinator.ui.shell.backup_status import last_backup_text, overdue_advice
from coordinator.ui.translations import word

BOX_STYLE = "#{0} {{ border: 1px solid #d5d9de; border-radius: 6px; background: palette(base); }}"


@dataclass(frozen=True)
class TodayFacts:
    """What the page shows, read off the GUI thread: counting a large table's rows and
    working out the alerts take long enough to be felt as a pause after unlocking."""

    shown: list[Alert]
    hidden: list[tuple[Alert, str]]  # the snoozed alerts, each with its snooze's note
    counts: dict[Kind, int]
    has_project: bool


def load_today(vault: Vault, today: date) -> TodayFacts:
    """The page's background work."""
    shown, hidden = attention.split(vault, today)
    return TodayFacts(
        shown,
        [(alert, f"{snooze.until:%d %b}: {snooze.note}") for alert, snooze in hidden],
        record_counts(vault),
        bool(vocabularies.project_choices(vault)),
    )


class TodayPage(QWidget):
    #: "Back up now" was pressed.
    backup_requested = Signal()
    #: A getting-started link: the projects dialog, the import dialog, a section of Settings
    #: (its key: "backups").
    projects_requested = Signal()
    import_requested = Signal()
    settings_requested = Signal(str)
    #: An alert's record (a services.attention.Target) should open.
    record_requested = Signal(object)

    def __init__(self, vault: Vault, parent: QWidget | None = None, *, today: date | None = None):
        super().__init__(parent)
        self._vault = vault
        self.fixed_today = today
        self.title = heading(self.tr("Today"))
        self.alerts_line = note()
        self.alerts_line.setObjectName("alertsLine")
        self.alert_list = AlertList()
        self.alert_list.chosen.connect(self.open_alert)
        self.alert_list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.alert_list.customContextMenuRequested.connect(self._menu)
        self.alert_list.selectionModel().currentChanged.connect(self._current_changed)
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.clicked.connect(lambda: self.open_alert(self.alert_list.current_alert()))
        self.snooze_button = QPushButton(self.tr("Snooze…"))
        self.snooze_button.clicked.connect(self.snooze_current)
        self.show_snoozed = QCheckBox()
        self.show_snoozed.toggled.connect(self._show_loaded)
        self.snooze_dialog: SnoozeDialog | None = None
        self.loader = Task(self, holds=False)
        self.loader.succeeded.connect(self._loaded)
        self.loader.failed.connect(self._load_failed)
        self._again = False
        self.backup_status: backups.BackupStatus | None = None
        self.shown: list[Alert] = []
        self.hidden: list[tuple[Alert, str]] = []

        self.summary = note(self.tr("Your database holds:"))
        self.counts_box = QFrame()
        self.counts_box.setObjectName("countsBox")
        self.counts_box.setStyleSheet(BOX_STYLE.format("countsBox"))
        self.counts_box.setFixedWidth(260)
        self.grid = QGridLayout(self.counts_box)
        self.grid.setContentsMargins(12, 8, 12, 8)
        self.grid.setHorizontalSpacing(16)
        self.grid.setVerticalSpacing(3)
        self.grid.setColumnStretch(0, 1)
        #: kind of record -> the QLabel showing its count
        self.count_labels: dict[Kind, QLabel] = {}

        self.start_box = QFrame()
        self.start_box.setObjectName("startBox")
        self.start_box.setStyleSheet(BOX_STYLE.format("startBox"))
        self.start_box.setMaximumWidth(640)
        self.start_box.hide()  # until the facts are read: a full database never flashes it
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
            label = QLabel(text)
            label.setWordWrap(True)
            line.addWidget(label, 1)
            button = link_button(link)
            button.clicked.connect(signal)
            line.addWidget(button)
            start.addWidget(row)
            self.steps[name] = (row, button)

        self.backup_line = QLabel()
        self.backup_line.setObjectName("backupLine")
        self.backup_line.setWordWrap(True)
        self.backup_advice = note()
        self.backup_advice.setMaximumWidth(260)
        self.backup_button = QPushButton(self.tr("Back up now…"))
        self.backup_button.clicked.connect(self.backup_requested)

        left = QVBoxLayout()
        left.setSpacing(8)
        left.addWidget(self.title)
        left.addWidget(self.start_box)
        left.addWidget(self.alerts_line)
        left.addWidget(self.alert_list, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.snooze_button)
        buttons.addStretch(1)
        buttons.addWidget(self.show_snoozed)
        left.addLayout(buttons)
        side = QVBoxLayout()
        side.setSpacing(8)
        side.addSpacing(40)
        side.addWidget(self.summary)
        side.addWidget(self.counts_box)
        side.addSpacing(8)
        side.addWidget(self.backup_line)
        side.addWidget(self.backup_advice)
        side.addWidget(self.backup_button, 0, Qt.AlignmentFlag.AlignLeft)
        side.addStretch(1)
        side_box = QWidget()
        side_box.setFixedWidth(260)
        side_box.setLayout(side)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN)
        layout.setSpacing(PAGE_MARGIN)
        layout.addLayout(left, 1)
        layout.addWidget(side_box)
        self.follower = follow_changes(self, EVERYTHING, self.refresh)

    @property
    def today(self) -> date:
        return self.fixed_today or date.today()

    def refresh(self) -> None:
        """Ask the services for the backup status, then (off the GUI thread) the counts and
        the alerts again."""
        self.backup_status = self.refresh_backup_status()
        self.refresh_alerts()

    # -- alerts ------------------------------------------------------------------------------

    def refresh_alerts(self) -> None:
        """Compute the alerts off the GUI thread (again once it ends, if asked meanwhile)."""
        if self.loader.running:
            self._again = True
            return
        if not self.shown:
            self.alerts_line.setText(self.tr("Looking for what needs you…"))
        vault, today = self._vault, self.today
        self.loader.start(lambda _p: load_today(vault, today), name="attention")

    def _loaded(self, facts: TodayFacts) -> None:
        self.shown, self.hidden = facts.shown, facts.hidden
        self.show_counts(facts.counts)
        status = self.backup_status or self.refresh_backup_status()
        self.refresh_steps(facts.counts, facts.has_project, status)
        self._show_loaded()
        if self._again:
            self._again = False
            self.refresh_alerts()

    def _load_failed(self, _err: BaseException) -> None:
        self.alerts_line.setText(self.tr("The alerts could not be worked out just now."))

    def _show_loaded(self) -> None:
        urgent = sum(1 for a in self.shown if a.severity is attention.Severity.URGENT)
        if not self.shown:
            self.alerts_line.setText(self.tr("Nothing needs you today."))
        else:
            text = self.tr("%n thing(s) need you", "", len(self.shown))
            if urgent:
                text += self.tr(", %n urgent", "", urgent)
            self.alerts_line.setText(text + ".")
        self.show_snoozed.setText(self.tr("Show snoozed (%n)", "", len(self.hidden)))
        self.show_snoozed.setVisible(bool(self.hidden))
        snoozed = self.show_snoozed.isChecked() and bool(self.hidden)
        notes = {a.key: n for a, n in self.hidden} if snoozed else {}
        listed = list(self.shown)
        if snoozed:
            listed = attention.in_order(listed + [a for a, _n in self.hidden])
        self.alert_list.snoozed_notes = notes
        self.alert_list.show_alerts(listed)
        self.alert_list.setVisible(bool(listed))
        self._current_changed()

    def _current_changed(self, *_args: object) -> None:
        alert = self.alert_list.current_alert()
        self.open_button.setEnabled(alert is not None)
        self.snooze_button.setEnabled(alert is not None)
        asleep = alert is not None and any(alert.key == a.key for a, _n in self.hidden)
        self.snooze_button.setText(self.tr("Show again") if asleep else self.tr("Snooze…"))

    def open_alert(self, alert: Alert | None) -> None:
        """Open the record the alert is about, at its section."""
        if alert is None:
            return
        target: Target = alert.target
        if target.record == "backup":
            self.backup_requested.emit()
        else:
            self.record_requested.emit(target)

    def snooze_current(self) -> SnoozeDialog | None:
        alert = self.alert_list.current_alert()
        if alert is None:
            return None
        if any(alert.key == a.key for a, _n in self.hidden):
            attention.wake(self._vault, alert)
            self.refresh_alerts()
            return None
        dialog = SnoozeDialog(self._vault, alert, today=self.today, parent=self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.snoozed.connect(self.refresh_alerts)
        self.snooze_dialog = dialog
        dialog.open()
        return dialog

    def _menu(self, position) -> None:  # noqa: ANN001 (a QPoint)
        alert = self.alert_list.current_alert()
        if alert is None:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Open"), lambda: self.open_alert(alert))
        menu.addAction(self.snooze_button.text(), self.snooze_current)
        menu.exec(self.alert_list.viewport().mapToGlobal(position))

    # -- counts and backups ------------------------------------------------------------------

    def refresh_steps(
        self, counts: dict[Kind, int], has_project: bool, status: backups.BackupStatus
    ) -> None:
        """Show the getting-started steps still to do; the box stays until the last is done."""
        done = {
            "project": has_project,
            "people": bool(counts.get(Kind.MOTHER) or counts.get(Kind.VOLUNTEER)),
            "backups": status.folder is not None,
        }
        for name, (row, _button) in self.steps.items():
            row.setVisible(not done[name])
        self.start_box.setVisible(not all(done.values()))

    def refresh_backup_status(self) -> backups.BackupStatus:
        status = backups.status(self._vault)
        self.backup_line.setText(last_backup_text(status))
        colour = f"color: {WARNING_COLOUR}; font-weight: bold;" if status.overdue else ""
        self.backup_line.setStyleSheet(f"#backupLine {{ {colour} }}")
        self.backup_advice.setText(overdue_advice(status, how=False))
        self.backup_advice.setVisible(status.overdue)
        self.backup_button.setVisible(status.overdue)
        return status

    def show_counts(self, counts: dict[Kind, int]) -> None:
        self.count_labels.clear()
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        bold = QFont(self.font())
        bold.setBold(True)
        for row, (kind, count) in enumerate(counts.items()):
            self.grid.addWidget(QLabel(word(COUNT_LABELS[kind])), row, 0)
            value = QLabel(f"{count:,}")
            value.setFont(bold)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.grid.addWidget(value, row, 1)
            self.count_labels[kind] = value


PAGE = PageSpec("today", 10, lambda: QCoreApplication.translate("Workspace", "Today"), TodayPage)
