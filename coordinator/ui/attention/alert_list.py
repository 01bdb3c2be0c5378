"""The list of Today's alerts: grouped, the most pressing group first, one line per alert
naming the person and what is due. A click or Enter on a line asks to open its record."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

from coordinator.services.attention import GROUPS, KIND_GROUP, SEVERITY_RANK, Alert, Severity
from coordinator.ui.kit.widgets import ERROR_COLOUR, QUIET_COLOUR, WARNING_COLOUR
from coordinator.ui.translations import word

#: The alert a line shows (None on a group's heading).
ALERT_ROLE = Qt.ItemDataRole.UserRole + 1

SEVERITY_COLOUR = {
    Severity.URGENT: ERROR_COLOUR,
    Severity.SOON: WARNING_COLOUR,
    Severity.INFO: QUIET_COLOUR,
}


def severity_word(severity: Severity) -> str:
    return {
        Severity.URGENT: QCoreApplication.translate("Today", "Urgent"),
        Severity.SOON: QCoreApplication.translate("Today", "Soon"),
        Severity.INFO: QCoreApplication.translate("Today", "Coming up"),
    }[severity]


def grouped(alerts: list[Alert]) -> list[tuple[str, list[Alert]]]:
    """(group key, its alerts in order): the group with the most severe alert first, then
    in the order of GROUPS; alerts keep the order they came in (newest risk first)."""
    groups: dict[str, list[Alert]] = {}
    for alert in alerts:
        groups.setdefault(KIND_GROUP.get(alert.kind, "contact"), []).append(alert)
    order = list(GROUPS)

    def rank(item: tuple[str, list[Alert]]) -> tuple[int, int, int]:
        key, found = item
        pinned = 0 if key == "dbs_matched" else 1
        worst = min(SEVERITY_RANK[a.severity] for a in found)
        return (pinned, worst, order.index(key) if key in order else len(order))

    return sorted(groups.items(), key=rank)


class AlertList(QTreeView):
    #: An alert's line was clicked or Enter was pressed on it.
    chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("alertList")
        self.setAccessibleName(self.tr("What needs you today"))
        self.model_ = QStandardItemModel(0, 3, self)
        self.model_.setHorizontalHeaderLabels([self.tr("Who"), self.tr("What"), self.tr("Due")])
        self.setModel(self.model_)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(False)
        self.setWordWrap(False)
        self.setRootIsDecorated(False)
        self.setItemsExpandable(False)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.setColumnWidth(0, 300)
        self.clicked.connect(self._clicked)
        self.alerts: list[Alert] = []
        #: alert key -> "until: note", for snoozed alerts shown anyway
        self.snoozed_notes: dict[str, str] = {}

    def show_alerts(self, alerts: list[Alert]) -> None:
        """Show these alerts (in their order, grouped), keeping the current one if still there."""
        current = self.current_alert()
        self.alerts = list(alerts)
        self.model_.removeRows(0, self.model_.rowCount())
        bold = QFont(self.font())
        bold.setBold(True)
        keep: QModelIndex | None = None
        for key, found in grouped(self.alerts):
            title = QStandardItem(f"{word(GROUPS.get(key, key))} ({len(found)})")
            title.setFont(bold)
            title.setSelectable(False)
            blanks = [QStandardItem(""), QStandardItem("")]
            for blank in blanks:
                blank.setSelectable(False)
            self.model_.appendRow([title, *blanks])
            for alert in found:
                who = f"{alert.who}  {alert.name}" if alert.who else alert.name
                what = alert.what
                asleep = self.snoozed_notes.get(alert.key)
                if asleep:
                    what = self.tr("{what} (snoozed until {note})").format(what=what, note=asleep)
                cells = [
                    QStandardItem(f"●  {who}"),
                    QStandardItem(what),
                    QStandardItem(f"{alert.due:%d %b %Y}" if alert.due else ""),
                ]
                colour = QColor(QUIET_COLOUR if asleep else SEVERITY_COLOUR[alert.severity])
                cells[0].setForeground(colour)
                cells[0].setToolTip(f"{severity_word(alert.severity)}: {alert.what}")
                cells[1].setToolTip(what)
                for cell in cells:
                    cell.setData(alert, ALERT_ROLE)
                title.appendRow(cells)
                if current is not None and alert.key == current.key:
                    keep = cells[0].index()
        self.expandAll()
        if keep is not None:
            self.setCurrentIndex(keep)
        elif self.alerts:
            self.setCurrentIndex(self.model_.index(0, 0, self.model_.index(0, 0)))

    def current_alert(self) -> Alert | None:
        index = self.currentIndex()
        return index.data(ALERT_ROLE) if index.isValid() else None

    def _clicked(self, index: QModelIndex) -> None:
        alert = index.data(ALERT_ROLE)
        if alert is not None:
            self.chosen.emit(alert)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            alert = self.current_alert()
            if alert is not None:
                self.chosen.emit(alert)
                return
        super().keyPressEvent(event)

    def lines(self) -> list[tuple[str, str, str]]:
        """What the list shows, line by line: (who, what, due); group headings with no due."""
        found = []
        for row in range(self.model_.rowCount()):
            title = self.model_.item(row, 0)
            found.append((title.text(), "", ""))
            for child in range(title.rowCount()):
                found.append(tuple(title.child(child, c).text() for c in range(3)))  # type: ignore[arg-type]
        return found
