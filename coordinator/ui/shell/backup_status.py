"""How the last good backup is told: a permanent label in the status bar, and the words
shared with the Today page. A backup more than 7 days old (or none) is shown as a warning.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, QLocale, QObject
from PySide6.QtWidgets import QLabel, QWidget

from coordinator.services.backups import BackupStatus
from coordinator.services.settings import BACKUP_WARN_DAYS
from coordinator.ui.kit.widgets import WARNING_COLOUR
from coordinator.ui.translations import translate


def when_text(moment: datetime) -> str:
    """'26 Nov 2026 14:03', in the user's language."""
    return QLocale().toString(QDateTime(moment), "d MMM yyyy HH:mm")


def last_backup_text(status: BackupStatus) -> str:
    if status.last_good is None:
        return translate("backup_status", "No backup yet")
    return translate("backup_status", "Last backup: {when}").format(
        when=when_text(status.last_good)
    )


class BackupStatusCounts(QObject):
    """Words with a count. (A class only for its tr(): lupdate finds plural forms in tr()
    calls alone.)"""

    def days_ago(self, days: int) -> str:
        return self.tr(
            "That is more than %n day(s) ago: if this PC broke or were stolen, the records "
            "added since would be lost.",
            "",
            days,
        )


def overdue_advice(status: BackupStatus, *, how: bool = True) -> str:
    """Why a backup is due and (with `how`) where to make one; empty when it is not due."""
    if not status.overdue:
        return ""
    if status.last_good is None:
        text = translate(
            "backup_status", "If this PC broke or were stolen, every record would be lost."
        )
    else:
        text = BackupStatusCounts().days_ago(BACKUP_WARN_DAYS)
    if how:
        text += " " + translate("backup_status", "Back up now (File > Back up now…, Ctrl+B)")
    else:
        text += " " + translate("backup_status", "Back up now")
    return text + " " + translate("backup_status", "and keep the copy away from this PC.")


class BackupStatusLabel(QLabel):
    """'Last backup: …' or 'No backup yet' in the status bar; hidden while locked."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName(translate("backup_status", "Backup status"))
        self.show_status(None)

    def show_status(self, status: BackupStatus | None) -> None:
        if status is None:
            self.clear()
            self.setToolTip("")
            self.hide()
            return
        self.setText(last_backup_text(status))
        colour = f"color: {WARNING_COLOUR}; font-weight: bold;" if status.overdue else ""
        self.setStyleSheet(f"QLabel {{ padding: 0 8px; {colour} }}")
        self.setToolTip(overdue_advice(status))
        self.show()
