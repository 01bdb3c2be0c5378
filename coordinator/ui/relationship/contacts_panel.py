"""A match's contacts as the Matches page shows them: the last contact, contacts a week
against the norm, the dependency flag, the latest contacts newest first, and the buttons
to log more, to record that the ending was discussed again and to end the match."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from coordinator.services import contacts, endings_prompts
from coordinator.services.attention import Target
from coordinator.services.changes import Kind
from coordinator.services.contacts import MEDIUM_LABELS, SUPPORT_LABELS, MatchContacts
from coordinator.storage.vault import Vault
from coordinator.ui.dialogs.contact_dialog import ContactDialog
from coordinator.ui.kit.operations import error_message, operations
from coordinator.ui.kit.widgets import ERROR_COLOUR, MessageLabel, heading, lend_lock_action, note
from coordinator.ui.translations import word

SHOWN = 8


class ContactsPanel(QWidget):
    #: Open a record at a section (a services.attention.Target): her safeguarding concern.
    record_requested = Signal(object)
    #: The contact log or the ending prompt changed (the match's id).
    changed = Signal(int)

    def __init__(self, vault: Vault, parent: QWidget | None = None, *, today: date):
        super().__init__(parent)
        self.vault, self.today = vault, today
        self.match_id: int | None = None
        self.log: MatchContacts | None = None
        self.dialog: ContactDialog | None = None
        self.title = heading(self.tr("Contacts"), 2)
        self.summary = note()
        self.summary.setObjectName("contactSummary")
        self.flag = note("", ERROR_COLOUR)
        self.flag.setObjectName("dependencyFlag")
        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels([self.tr("When"), self.tr("How"), self.tr("Support")])
        self.list = QTreeView()
        self.list.setModel(self.model)
        self.list.setRootIsDecorated(False)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setAccessibleName(self.tr("Contacts, newest first"))
        self.list.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.list.setColumnWidth(0, 130)
        self.list.setColumnWidth(1, 150)
        self.list.setFixedHeight(170)
        self.list.doubleClicked.connect(self._edit)
        self.log_button = QPushButton(self.tr("Log contacts…"))
        self.log_button.setShortcut("Ctrl+Shift+L")
        self.log_button.setToolTip(self.tr("Log contacts (Ctrl+Shift+L)"))
        self.log_button.setAutoDefault(False)
        self.log_button.clicked.connect(lambda: self.log_contacts())
        self.discussed_button = QPushButton(self.tr("Ending discussed again"))
        self.discussed_button.setAutoDefault(False)
        self.discussed_button.setToolTip(
            self.tr("About four weeks before the planned end: record that you talked it over")
        )
        self.discussed_button.clicked.connect(self.mark_discussed)
        self.message = MessageLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.log_button)
        buttons.addWidget(self.discussed_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        for widget in (self.title, self.summary, self.flag, self.list):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        layout.addWidget(self.message)

    def show_match(self, match_id: int | None, planned_end: date | None = None) -> None:
        self.match_id, self.planned_end = match_id, planned_end
        self.setVisible(match_id is not None)
        if match_id is None:
            return
        try:
            self.log = contacts.match_contacts(self.vault, match_id, self.today, limit=SHOWN)
            discussed = endings_prompts.discussed_again_on(self.vault, match_id)
        except Exception as err:  # noqa: BLE001 (a storage fault is said, not raised)
            self.message.show_message(error_message(err))
            return
        log = self.log
        if log.last_contact is None:
            text = self.tr("No contact logged yet.")
        else:
            text = self.tr("Last contact {day}. {total} logged.").format(
                day=f"{log.last_contact:%d %b %Y}", total=log.total
            )
            text += " " + self.tr("Last 4 weeks: {rate} a week (the norm is {norm}).").format(
                rate=f"{log.per_week:.1f}", norm=f"{log.norm_per_week:.1f}"
            )
        self.summary.setText(text)
        self.flag.setText(
            self.tr("Possible dependency: {why}.").format(why="; ".join(log.warnings))
            if log.warnings
            else ""
        )
        self.flag.setVisible(bool(log.warnings))
        self.model.removeRows(0, self.model.rowCount())
        for row in log.rows:
            how = word(MEDIUM_LABELS[row.medium])
            if not row.made:
                how += self.tr(" (attempted)")
            support = ", ".join(word(SUPPORT_LABELS[s]) for s in row.supports)
            if row.services:
                support += (": " if support else "") + ", ".join(row.services)
            if row.concerns:
                support += self.tr(" · concern: {text}").format(text=row.concerns)
            cells = [QStandardItem(f"{row.contact_at:%d %b %Y %H:%M}"), QStandardItem(how)]
            cells.append(QStandardItem(support))
            for cell in cells:
                cell.setData(row.id, Qt.ItemDataRole.UserRole)
            self.model.appendRow(cells)
        self.list.setVisible(bool(log.rows))
        soon = planned_end is not None and 0 <= (planned_end - self.today).days <= 28
        self.discussed_button.setVisible(soon and discussed is None)
        self.message.clear_message()

    def log_contacts(self, contact_id: int | None = None) -> ContactDialog | None:
        if self.match_id is None:
            return None
        if self.dialog is not None:
            self.dialog.raise_()
            return self.dialog
        dialog = ContactDialog(self.vault, self.match_id, self, contact_id=contact_id)
        lend_lock_action(dialog, self)
        dialog.saved.connect(lambda _id: self._reload())
        dialog.concern_requested.connect(
            lambda mother_id: self.record_requested.emit(
                Target("mother", mother_id, "safeguarding")
            )
        )
        dialog.finished.connect(lambda *_: self._closed(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _edit(self, index) -> None:  # noqa: ANN001 (a QModelIndex)
        contact_id = index.data(Qt.ItemDataRole.UserRole)
        if contact_id is not None:
            self.log_contacts(contact_id)

    def _closed(self, dialog: ContactDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _reload(self) -> None:
        self.show_match(self.match_id, self.planned_end)
        if self.match_id is not None:
            self.changed.emit(self.match_id)

    def mark_discussed(self) -> None:
        if self.match_id is None:
            return
        try:
            endings_prompts.mark_discussed_again(self.vault, self.match_id, self.today)
        except Exception as err:  # noqa: BLE001 (said, not raised)
            self.message.show_message(error_message(err))
            return
        operations().notify({Kind.MATCH, Kind.ALERT})
        self._reload()
        self.message.show_message(
            self.tr("Noted: the ending was discussed again today."), "success"
        )
