"""Backups as the coordinator sees them: made, verified, remembered, and rotated.

Wraps coordinator.storage.backup (the mechanism) with what the app must remember: when the
last good backup was made, the automatic-backup folder and how many to keep, and an audit
event for each backup, restore and passphrase change.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from coordinator.models import AuditAction
from coordinator.services import audit, settings
from coordinator.storage import backup as mechanism
from coordinator.storage import swap
from coordinator.storage.backup import CopyResult, Progress
from coordinator.storage.errors import VaultError
from coordinator.storage.lockfile import DatabaseLock
from coordinator.storage.vault import Vault, open_read_only, open_vault


def _note_good_backup(vault: Vault, result: CopyResult, how: str) -> None:
    with vault.transaction() as session:
        settings.put(session, settings.LAST_GOOD_BACKUP, datetime.now(UTC).replace(tzinfo=None))
        summary = f"{how} backup verified ({sum(result.counts.values())} rows)"
        if result.cleaned:
            summary += f"; {len(result.cleaned.files)} unfinished backup files removed"
        audit.record(session, AuditAction.BACKUP, summary=summary)


def back_up(
    vault: Vault,
    target: Path | str,
    *,
    passphrase: str | None = None,
    progress: Progress | None = None,
) -> CopyResult:
    """A verified encrypted backup to a file the user chose."""
    result = mechanism.make_copy(vault, target, passphrase=passphrase, progress=progress)
    _note_good_backup(vault, result, "manual")
    return result


def back_up_automatically(vault: Vault) -> CopyResult | None:
    """The backup made when the app closes, if a folder is set; None when switched off."""
    with vault.session() as session:
        folder = settings.get(session, settings.BACKUP_FOLDER)
        keep = settings.get(session, settings.BACKUP_KEEP)
        enabled = settings.get(session, settings.BACKUP_ON_CLOSE)
    if not folder or not enabled:
        return None
    result = mechanism.automatic_backup(vault, Path(folder), keep)
    _note_good_backup(vault, result, "automatic")
    return result


@dataclass(frozen=True)
class BackupStatus:
    last_good: datetime | None  # local time
    overdue: bool
    folder: str | None
    keep: int
    on_close: bool

    def describe(self) -> str:
        if self.last_good is None:
            return "No backup has been made yet."
        return f"Last backup {self.last_good:%d %b %Y at %H:%M}."


def status(vault: Vault, now: datetime | None = None) -> BackupStatus:
    with vault.session() as session:
        last_utc = settings.get(session, settings.LAST_GOOD_BACKUP)
        folder = settings.get(session, settings.BACKUP_FOLDER)
        keep = settings.get(session, settings.BACKUP_KEEP)
        on_close = settings.get(session, settings.BACKUP_ON_CLOSE)
    now = now or datetime.now(UTC).replace(tzinfo=None)
    last_local = (
        last_utc.replace(tzinfo=UTC).astimezone().replace(tzinfo=None) if last_utc else None
    )
    overdue = last_utc is None or now - last_utc > timedelta(days=settings.BACKUP_WARN_DAYS)
    return BackupStatus(last_local, overdue, folder, keep, on_close)


def set_automatic(vault: Vault, *, folder: str | None, keep: int, on_close: bool) -> None:
    with vault.transaction() as session:
        settings.put(session, settings.BACKUP_FOLDER, folder or None)
        settings.put(session, settings.BACKUP_KEEP, keep)
        settings.put(session, settings.BACKUP_ON_CLOSE, on_close)
        audit.record(session, AuditAction.UPDATE, entity_type="setting", fields=["backup"])


def restore(
    live: Path | str,
    backup_file: Path | str,
    passphrase: str,
    *,
    backup_passphrase: str | None = None,
    lock: DatabaseLock | None = None,
) -> swap.RestoreResult:
    """Restore over a closed database, then note it in the restored database's audit.

    When the last good backup was made is kept from the database being replaced if it is
    later than the backup's own note: a restore does not undo the backups made since.
    """
    last_good = _last_good_backup(Path(live), passphrase)
    result = swap.restore(
        live, backup_file, passphrase, backup_passphrase=backup_passphrase, lock=lock
    )
    with open_vault(live, passphrase, lock=False, check_pages=False) as restored:
        note_restored(restored, result, last_good)
    return result


def _last_good_backup(live: Path, passphrase: str) -> datetime | None:
    """When the database at `live` (closed) last had a verified backup; None if unknown."""
    if not live.exists():
        return None
    try:
        with (
            open_read_only(live, passphrase, check_pages=False) as current,
            current.session() as session,
        ):
            return settings.get(session, settings.LAST_GOOD_BACKUP)
    except VaultError:
        return None  # unreadable: the restore itself says what is wrong


def note_restored(
    vault: Vault, result: swap.RestoreResult, last_good: datetime | None = None
) -> None:
    with vault.transaction() as session:
        restored_last = settings.get(session, settings.LAST_GOOD_BACKUP)
        if last_good is not None and (restored_last is None or last_good > restored_last):
            settings.put(session, settings.LAST_GOOD_BACKUP, last_good)
        audit.record(
            session,
            AuditAction.RESTORE,
            summary="restored from a backup"
            + (f" (upgraded from schema {result.upgraded_from})" if result.upgraded_from else ""),
        )


def change_passphrase(vault: Vault, new_passphrase: str) -> Vault:
    reopened = swap.change_passphrase(vault, new_passphrase)
    with reopened.transaction() as session:
        audit.record(session, AuditAction.REKEY, summary="passphrase changed")
    return reopened
