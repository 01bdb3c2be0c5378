"""The audit trail, read-only (Settings > Audit trail…): newest first, loaded as it scrolls.

It shows what was done to which kind of record and which fields changed, never a value:
the audit service does not store any.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coordinator.models import AuditAction
from coordinator.services import audit
from coordinator.storage.vault import Vault
from coordinator.ui.kit.operations import error_message
from coordinator.ui.kit.widgets import QUIET_COLOUR, MessageLabel, heading, note
from coordinator.ui.shell.backup_status import when_text
from coordinator.ui.translations import translate

#: Events read per query as the table scrolls.
BATCH = 200
AnyIndex = QModelIndex | QPersistentModelIndex

#: A number written onto a word ("line1"), to be set apart from it.
_DIGITS_APART = re.compile(r"([a-z])(\d+)$")
_ACRONYMS = {"dbs": "DBS", "id": "ID", "gp": "GP", "edd": "due date", "dob": "date of birth"}


def plain_name(name: str | None) -> str:
    """'local_service' -> 'Local service', 'dbs_checks' -> 'DBS checks', 'project_ids' ->
    'Projects', 'address_line1' -> 'Address line 1': a stored name as words."""
    if not name:
        return ""
    for suffix in ("_ids", "_id"):
        if name.endswith(suffix) and name != suffix.strip("_"):
            name = name[: -len(suffix)] + ("s" if suffix == "_ids" else "")
    words = [_ACRONYMS.get(word, _DIGITS_APART.sub(r"\1 \2", word)) for word in name.split("_")]
    words = [word for word in words if word]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def local_time(moment: datetime) -> datetime:
    """A stored (naive UTC) moment in this PC's time zone, naive."""
    return moment.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


class AuditModel(QAbstractTableModel):
    """Audit rows newest first, read in batches as the view scrolls (canFetchMore)."""

    COLUMNS = ("when", "action", "kind", "record", "fields", "summary")

    def __init__(self, vault: Vault, parent: QObject | None = None):
        super().__init__(parent)
        self._vault = vault
        self._action: AuditAction | None = None
        self._rows: list[audit.AuditRow] = []
        self._more = True
        self._titles = (
            self.tr("When"),
            self.tr("Action"),
            self.tr("Kind of record"),
            self.tr("Record"),
            self.tr("Fields changed"),
            self.tr("Summary"),
        )
        self._actions = action_labels()

    def set_action(self, action: AuditAction | None) -> None:
        """Show only this action (None: all), from the newest again."""
        self.beginResetModel()
        self._action, self._rows, self._more = action, [], True
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def canFetchMore(self, parent: AnyIndex) -> bool:  # noqa: N802
        return not parent.isValid() and self._more

    def fetchMore(self, parent: AnyIndex) -> None:  # noqa: N802
        if parent.isValid() or not self._more:
            return
        rows = audit.recent(self._vault, len(self._rows), BATCH, self._action)
        self._more = len(rows) == BATCH
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in ("fields", "summary"):
            return self._text(row, column) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "record":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, row: audit.AuditRow, column: str) -> str:
        if column == "when":
            return when_text(local_time(row.occurred_at))
        if column == "action":
            return self._actions.get(row.action, str(row.action))
        if column == "kind":
            return plain_name(row.entity_type)
        if column == "record":
            return "" if row.entity_id is None else str(row.entity_id)
        if column == "fields":
            return ", ".join(plain_name(name) for name in row.fields)
        return row.summary

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._titles[section]
        return None


def action_labels() -> dict[AuditAction, str]:
    """What the audit trail calls each action, translated."""
    return {
        AuditAction.CREATE: translate("AuditView", "Added"),
        AuditAction.UPDATE: translate("AuditView", "Changed"),
        AuditAction.DELETE: translate("AuditView", "Deleted"),
        AuditAction.IMPORT: translate("AuditView", "Imported"),
        AuditAction.EXPORT: translate("AuditView", "Exported"),
        AuditAction.OPEN: translate("AuditView", "Opened"),
        AuditAction.LOCK: translate("AuditView", "Locked"),
        AuditAction.BACKUP: translate("AuditView", "Backed up"),
        AuditAction.RESTORE: translate("AuditView", "Restored"),
        AuditAction.REKEY: translate("AuditView", "Passphrase changed"),
        AuditAction.MIGRATE: translate("AuditView", "Database upgraded"),
    }


class AuditDialog(QDialog):
    """The audit trail; read-only."""

    def __init__(self, vault: Vault, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Audit trail"))
        self.model = AuditModel(vault, self)
        self.title = heading(self.tr("Audit trail"), 2)
        self.explanation = note(
            self.tr(
                "Every record added, changed, deleted, imported or exported is listed here: "
                "when, which kind of record and which fields. What was typed into the fields "
                "is never kept here."
            )
        )
        self.action = QComboBox()
        self.action.setAccessibleName(self.tr("Show which actions"))
        self.action.addItem(self.tr("All actions"), None)
        for action, label in action_labels().items():
            self.action.addItem(label, action)
        show = QLabel(self.tr("&Show"))
        show.setBuddy(self.action)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Audit events"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for column, width in enumerate((140, 90, 120, 64, 260)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(len(AuditModel.COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet(f"color: {QUIET_COLOUR}; padding: 24px;")
        self.body = QStackedWidget()
        self.body.addWidget(self.table)
        self.body.addWidget(self.empty)
        self.message = MessageLabel()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)

        filter_row = QHBoxLayout()
        filter_row.addWidget(show)
        filter_row.addWidget(self.action)
        filter_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addWidget(self.explanation)
        layout.addLayout(filter_row)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(900, 560)

        self.action.currentIndexChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        try:
            self.model.set_action(self.action.currentData())
        except Exception as err:  # an unreadable database: say so plainly
            self.message.show_message(error_message(err))
            return
        self.message.clear_message()
        if self.model.rowCount():
            self.body.setCurrentWidget(self.table)
            return
        if self.action.currentData() is None:
            self.empty.setText(self.tr("Nothing has been recorded yet."))
        else:
            self.empty.setText(self.tr("Nothing of this kind has been recorded yet."))
        self.body.setCurrentWidget(self.empty)
