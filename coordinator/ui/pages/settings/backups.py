"""Settings > Backups: the folder for automatic backups, how many to keep, whether to back
up on closing; when the last good backup was made, and Back up now."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from coordinator.services import backups, settings
from coordinator.services.changes import Kind
from coordinator.services.typed_paths import PathProblem, folder_path
from coordinator.storage.vault import Vault
from coordinator.ui.kit.operations import follow_changes
from coordinator.ui.pages.settings.section import Note, SectionSpec, SettingsSection
from coordinator.ui.shell.backup_status import when_text
from coordinator.ui.translations import word


def title() -> str:
    return QCoreApplication.translate("SettingsPage", "Backups")


class BackupsSection(SettingsSection):
    editable = True
    backup_requested = Signal()

    def __init__(self, vault: Vault, parent: QWidget | None = None):
        super().__init__(vault, title(), parent=parent)
        self.folder = QLineEdit()
        self.folder.setPlaceholderText(self.tr("A folder, ideally on another drive"))
        self.folder.setAccessibleName(self.tr("Folder for automatic backups"))
        self.browse_button = QPushButton(self.tr("Browse…"))
        self.keep = QSpinBox()
        self.keep.setRange(settings.BACKUP_KEEP.minimum, settings.BACKUP_KEEP.maximum)
        self.keep.setAccessibleName(self.tr("How many automatic backups to keep"))
        self.on_close = QCheckBox(self.tr("Back up automatically when Coordinator closes"))
        self.backup_line = QLabel()
        self.backup_button = QPushButton(self.tr("Back up now…"))

        folder_row = QHBoxLayout()
        folder_row.setSpacing(6)
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.browse_button)
        self.add_row(self.tr("&Folder"), folder_row, buddy=self.folder, key="backup_folder")
        self.add_row(self.tr("&Keep the newest"), self.left(self.keep), buddy=self.keep)
        self.form.addRow("", self.on_close)
        self.add_row(self.tr("Last backup"), self.left(self.backup_line, self.backup_button))
        self.folder_message = self.message_for("backup_folder")

        self.backup_follower = follow_changes(self, {Kind.BACKUP}, self.refresh_backup_status)
        self.folder.textChanged.connect(self.edited)
        self.keep.valueChanged.connect(self._keep_changed)
        self.on_close.toggled.connect(self.edited)
        self.browse_button.clicked.connect(self.browse)
        self.backup_button.clicked.connect(self.backup_requested)
        self.load()

    def _keep_changed(self, count: int) -> None:
        self.keep.setSuffix(self.tr(" backup(s)", "", count))
        self.edited()

    # -- values ------------------------------------------------------------------------------

    def stored(self) -> dict[str, Any]:
        status = backups.status(self.vault)
        self._show_last_backup(status)
        return {
            "backup_folder": status.folder or "",
            "backup_keep": status.keep,
            "backup_on_close": status.on_close,
        }

    def values(self) -> dict[str, Any]:
        return {
            "backup_folder": self.folder.text().strip(),
            "backup_keep": self.keep.value(),
            "backup_on_close": self.on_close.isChecked(),
        }

    def show_values(self, values: dict[str, Any]) -> None:
        self.folder.setText(str(values.get("backup_folder") or ""))
        self.keep.setValue(int(values.get("backup_keep", self.keep.value())))
        self.keep.setSuffix(self.tr(" backup(s)", "", self.keep.value()))
        self.on_close.setChecked(bool(values.get("backup_on_close", True)))

    def check(self, values: dict[str, Any]) -> dict[str, Note]:
        text = values["backup_folder"]
        typed = folder_path(text)
        if text and typed.problem is PathProblem.NOT_FULL:
            return {"backup_folder": Note(self.tr("Give the folder's full path (or use Browse…)."))}
        if text and typed.problem is not None:
            return {"backup_folder": Note(typed.message(word))}
        if values["backup_on_close"] and not text:
            return {
                "backup_folder": Note(
                    self.tr("Automatic backups are off until a folder is chosen."), "warning"
                )
            }
        if text and not typed.exists:
            return {
                "backup_folder": Note(
                    self.tr(
                        "This folder cannot be found now. It is made at the first automatic "
                        "backup; if it is on a USB stick, plug the stick in before closing."
                    ),
                    "info",
                )
            }
        return {}

    def write(self, values: dict[str, Any], stored: dict[str, Any]) -> frozenset[Kind]:
        folder = values["backup_folder"]
        backups.set_automatic(
            self.vault,
            folder=str(folder_path(folder).path or folder) if folder else None,
            keep=values["backup_keep"],
            on_close=values["backup_on_close"],
        )
        return frozenset({Kind.SETTING, Kind.BACKUP})

    # -- the last backup ---------------------------------------------------------------------

    def refresh_backup_status(self) -> None:
        self._show_last_backup(backups.status(self.vault))

    def _show_last_backup(self, status: backups.BackupStatus) -> None:
        last = status.last_good
        self.backup_line.setText(when_text(last) if last else self.tr("None yet"))

    def browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Folder for automatic backups"), self.folder.text() or str(Path.home())
        )
        if chosen:
            self.folder.setText(chosen)


SECTION = SectionSpec("backups", 20, title, BackupsSection)
