"""Who to find a volunteer for: the mothers not yet matched, longest waiting first, found
by typing part of a name, postcode or reference."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coordinator.services.listing import WAITING_STAGES, MotherFilter, mother_ids, mother_rows
from coordinator.storage.vault import Vault
from coordinator.ui.kit.operations import error_message
from coordinator.ui.kit.widgets import MessageLabel, heading, note
from coordinator.ui.translations import word

#: At most this many are listed; typing narrows the rest.
SHOWN = 200


class PickMotherDialog(QDialog):
    #: The chosen mother's id (after the dialog closed).
    chosen = Signal(int)

    def __init__(self, vault: Vault, parent: QWidget | None = None):
        super().__init__(parent)
        self.vault = vault
        self.setWindowTitle(self.tr("Find a volunteer"))
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Type part of her name, postcode or reference"))
        self.search.setAccessibleName(self.tr("Search the mothers waiting"))
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Mothers not yet matched, longest waiting first"))
        self.count = note()
        self.message = MessageLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.next_button = buttons.addButton(
            self.tr("Find a volunteer…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self.choose)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Who for?"), 2))
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(520, 520)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)
        self._timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.search.returnPressed.connect(self._enter)
        self.list.itemActivated.connect(lambda _item: self.choose())
        self.list.currentRowChanged.connect(lambda _row: self._enable())
        self.reload()

    def reload(self) -> None:
        self._timer.stop()
        try:
            flt = MotherFilter(text=self.search.text(), stages=WAITING_STAGES)
            ids = mother_ids(self.vault, flt, "waiting", True)
            rows = mother_rows(self.vault, ids[:SHOWN])
        except Exception as err:  # noqa: BLE001 (a storage fault is shown, not raised)
            self.message.show_message(error_message(err))
            return
        self.list.clear()
        for row in rows:
            waiting = (
                self.tr("waiting %n day(s)", "", row.days_waiting)
                if row.days_waiting is not None
                else word(row.stage)
            )
            name = f"{row.name} ({row.reference})" if row.reference else row.name
            item = QListWidgetItem(f"{name} · {row.area or '—'} · {waiting}")
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.list.addItem(item)
        if rows:
            self.list.setCurrentRow(0)
        shown = self.tr("%n mother(s) not yet matched", "", len(ids))
        if len(ids) > SHOWN:
            shown += " " + self.tr("(the first {n} shown: type to narrow)").format(n=SHOWN)
        self.count.setText(shown)
        self._enable()

    def _enable(self) -> None:
        self.next_button.setEnabled(self.list.currentItem() is not None)

    def _enter(self) -> None:
        self.reload()
        if self.list.count() == 1:
            self.choose()
        elif self.list.count():
            self.list.setFocus()

    def choose(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        mother_id = int(item.data(Qt.ItemDataRole.UserRole))
        self.accept()
        self.chosen.emit(mother_id)
