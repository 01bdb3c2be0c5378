"""What a backup file holds, read before restoring it (when it was made, how many records),
so that the coordinator can see she has chosen the right one. Reads only."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from coordinator.services.changes import Kind
from coordinator.services.status import record_counts
from coordinator.storage.backup import BackupHasOtherPassphrase
from coordinator.storage.errors import WrongPassphrase
from coordinator.storage.vault import open_read_only


@dataclass(frozen=True)
class BackupFacts:
    path: Path
    #: When the file was written (its modification time, this PC's local time).
    written_at: datetime
    counts: dict[Kind, int]


def describe_backup(path: Path, passphrase: str, *, own_passphrase: bool = False) -> BackupFacts:
    """The facts of the backup at `path`, opened read-only with `passphrase` (the database's
    own, or with own_passphrase the backup's). BackupHasOtherPassphrase when the database's
    passphrase does not open it; other VaultErrors as opening does."""
    try:
        vault = open_read_only(path, passphrase, check_pages=False)
    except WrongPassphrase:
        if own_passphrase:
            raise
        raise BackupHasOtherPassphrase(path) from None
    with vault:
        counts = record_counts(vault)
    written = datetime.fromtimestamp(path.stat().st_mtime)
    return BackupFacts(path=path, written_at=written, counts=counts)
