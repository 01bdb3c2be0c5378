"""Settings > Security: how long Coordinator waits before locking itself, and the passphrase."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QPushButton, QSpinBox, QWidget

from coordinator.services import preferences
from coordinator.services.changes import Kind
from coordinator.storage.vault import Vault
from coordinator.ui.pages.settings.section import SectionSpec, SettingsSection


def title() -> str:
    return QCoreApplication.translate("SettingsPage", "Security")


class SecuritySection(SettingsSection):
    editable = True
    change_passphrase_requested = Signal()

    def __init__(self, vault: Vault, parent: QWidget | None = None):
        super().__init__(vault, title(), parent=parent)
        self.auto_lock = QSpinBox()
        self.auto_lock.setRange(*preferences.AUTO_LOCK_RANGE)
        self.auto_lock.setAccessibleName(self.tr("Lock after this many idle minutes"))
        self.passphrase_button = QPushButton(self.tr("Change passphrase…"))
        self.add_row(
            self.tr("&Lock after"),
            self.left(self.auto_lock),
            buddy=self.auto_lock,
            explanation=self.tr(
                "Coordinator locks by itself after this long without the keyboard or mouse "
                "being used, and when this PC is locked or goes to sleep. Ctrl+L locks at once."
            ),
        )
        self.add_row(
            self.tr("Passphrase"),
            self.left(self.passphrase_button),
            explanation=self.tr(
                "The passphrase opens the database and is the only way in: nothing can "
                "recover a forgotten one."
            ),
        )
        self.auto_lock.valueChanged.connect(self._minutes_changed)
        self.passphrase_button.clicked.connect(self.change_passphrase_requested)
        self.load()

    def _minutes_changed(self, minutes: int) -> None:
        self.auto_lock.setSuffix(self.tr(" minute(s)", "", minutes))
        self.edited()

    def stored(self) -> dict[str, Any]:
        return {"auto_lock_minutes": preferences.auto_lock_minutes(self.vault)}

    def values(self) -> dict[str, Any]:
        return {"auto_lock_minutes": self.auto_lock.value()}

    def show_values(self, values: dict[str, Any]) -> None:
        minutes = int(values.get("auto_lock_minutes", self.auto_lock.value()))
        self.auto_lock.setValue(minutes)
        self.auto_lock.setSuffix(self.tr(" minute(s)", "", minutes))

    def write(self, values: dict[str, Any], stored: dict[str, Any]) -> frozenset[Kind]:
        preferences.set_auto_lock_minutes(self.vault, values["auto_lock_minutes"])
        return frozenset({Kind.SETTING})


SECTION = SectionSpec(
    "security",
    10,
    title,
    SecuritySection,
)
