"""Choosing the services a contact signposted to: type part of a name, Enter adds it; a
service not in the directory can be added to it there and then (its details later)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QCompleter, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from coordinator.services import contacts
from coordinator.services.changes import Kind
from coordinator.services.records.services import blank_service, save_service
from coordinator.storage.vault import Vault
from coordinator.ui.kit.operations import error_message, operations
from coordinator.ui.kit.widgets import link_button


class ServicePicker(QWidget):
    #: Something to tell the user: (text, kind as MessageLabel takes it).
    said = Signal(str, str)
    #: The services chosen changed (any chosen at all).
    chosen_changed = Signal(bool)

    def __init__(self, vault: Vault, parent: QWidget | None = None):
        super().__init__(parent)
        self.vault = vault
        self.chosen: list[int] = []
        self.line = QLineEdit()
        self.line.setAccessibleName(self.tr("Signposted to"))
        self.line.setPlaceholderText(self.tr("Type a service, Enter to add it"))
        self.line.installEventFilter(self)
        self.line.textChanged.connect(self._typed)
        self.shown = QLabel()
        self.shown.setWordWrap(True)
        self.add_button = link_button("")
        self.add_button.clicked.connect(self.add_new)
        self.add_button.hide()
        self.clear_button = link_button(self.tr("Clear"))
        self.clear_button.clicked.connect(lambda: self.set_chosen(()))
        # From the keyboard, Backspace in the empty box takes the last service off.
        self.clear_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line)
        row = QHBoxLayout()
        row.addWidget(self.shown, 1)
        row.addWidget(self.clear_button)
        row.addWidget(self.add_button)
        layout.addLayout(row)
        self.setFocusProxy(self.line)
        self.reload()
        self.set_chosen(())

    def reload(self) -> None:
        """Read the directory again (a service may have been added elsewhere)."""
        self.services = dict(contacts.service_choices(self.vault))
        self.by_name = {name.casefold(): sid for sid, name in self.services.items()}
        completer = QCompleter(sorted(self.services.values()), self.line)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.line.setCompleter(completer)

    def set_chosen(self, ids: Iterable[int]) -> None:
        self.chosen = list(dict.fromkeys(i for i in ids if i in self.services))
        names = [self.services[i] for i in self.chosen]
        self.shown.setText(", ".join(names) or self.tr("No service chosen."))
        self.clear_button.setVisible(bool(names))
        self.chosen_changed.emit(bool(names))

    def pending(self) -> str:
        """A name typed but not yet added."""
        return self.line.text().strip()

    def _typed(self, text: str) -> None:
        name = text.strip()
        self.add_button.setText(self.tr('Add "{name}" to the directory').format(name=name))
        self.add_button.setVisible(bool(name) and name.casefold() not in self.by_name)

    def add_typed(self) -> bool:
        """Add the service typed (if it is in the directory); whether it was."""
        name = self.pending()
        sid = self.by_name.get(name.casefold())
        if sid is None:
            self.said.emit(
                self.tr('"{name}" is not in the directory: add it, or clear the box.').format(
                    name=name
                ),
                "error",
            )
            self.line.setFocus()
            return False
        self.set_chosen([*self.chosen, sid])
        self.line.clear()
        return True

    def add_new(self) -> int | None:
        """Put the typed name in the directory and choose it."""
        name = self.pending()
        if not name:
            return None
        form = blank_service()
        form.name = name
        try:
            sid = save_service(self.vault, form)
        except Exception as err:  # noqa: BLE001 (said, never raised)
            self.said.emit(error_message(err), "error")
            return None
        operations().notify({Kind.SERVICE})
        self.reload()
        self.set_chosen([*self.chosen, sid])
        self.line.clear()
        self.said.emit(self.tr("{name} added to the directory.").format(name=name), "success")
        return sid

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if (
            watched is self.line
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Backspace
            and not self.line.text()
            and self.chosen
        ):
            self.set_chosen(self.chosen[:-1])
            return True
        if (
            watched is self.line
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.pending()
        ):
            popup = self.line.completer().popup()
            if popup.isVisible() and popup.currentIndex().isValid():
                self.line.setText(popup.currentIndex().data())
            popup.hide()
            self.add_typed()
            return True
        return super().eventFilter(watched, event)
