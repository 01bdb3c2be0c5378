"""Restore and passphrase change: a verified file swapped into the database's place.

Both end with one atomic rename, so at every instant the live file is either the old
database or the new one, whole. Every check that can refuse runs before the rename, and a
refused restore leaves nothing of its own behind (no temporary copy, no "before restore" copy).
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from coordinator.storage.backup import (
    BackupHasOtherPassphrase,
    make_copy,
    sql_string,
    verify_copy,
)
from coordinator.storage.connection import check_passphrase_given, precheck_file
from coordinator.storage.errors import DamagedDatabase, VaultError, WrongPassphrase
from coordinator.storage.files import atomic_copy, fsync_file, fsync_folder, remove_with_journals
from coordinator.storage.lockfile import DatabaseLock
from coordinator.storage.vault import Vault, open_vault

_STAMP = "%Y%m%d-%H%M%S"


class LeftoverJournal(VaultError):
    message = (
        "{file} was not closed cleanly: its journal still holds changes. Open it once in "
        "Coordinator (which finishes them safely), close it, then restore."
    )


def refuse_leftover_journal(live: Path) -> None:
    for suffix in ("-wal", "-journal"):
        journal = Path(f"{live}{suffix}")
        if journal.exists() and journal.stat().st_size > 0:
            raise LeftoverJournal(live)


def swap_into_place(prepared: Path, live: Path) -> None:
    refuse_leftover_journal(live)
    # The shared-memory index of the old file; SQLite rebuilds it on open.
    with contextlib.suppress(FileNotFoundError):
        Path(f"{live}-shm").unlink()
    os.replace(prepared, live)
    fsync_folder(live.parent)


def keep_dated_copy(live: Path, why: str) -> Path:
    stamp = datetime.now().strftime(_STAMP)
    copy = live.with_name(f"{live.stem}.before-{why}-{stamp}.db")
    atomic_copy(live, copy)
    return copy


@dataclass(frozen=True)
class RestoreResult:
    previous_copy: Path | None
    counts: dict[str, int]
    upgraded_from: str | None


def _as_the_backup(err: VaultError, backup_file: Path) -> VaultError:
    """The same refusal, naming the file the user chose rather than our private copy of it."""
    renamed = type(err)(backup_file, err.detail)
    return renamed


def restore(
    live: Path | str,
    backup_file: Path | str,
    passphrase: str,
    *,
    backup_passphrase: str | None = None,
    lock: DatabaseLock | None = None,
) -> RestoreResult:
    """Replace the (closed) database at `live` with a checked copy of `backup_file`.

    The backup is copied beside the database and checked there (passphrase, integrity,
    schema; upgraded if older) before anything else happens; the current database is kept
    as a dated copy; the swap is a single rename. The restored database opens with
    `passphrase`. Pass the caller's `lock` if it already holds the database's lock.
    Every refusal names `backup_file`, never the private copy it is checked in.
    """
    live = Path(live).absolute()
    backup_file = Path(backup_file).absolute()
    check_passphrase_given(passphrase)
    precheck_file(backup_file)
    own_lock = lock is None
    if own_lock:
        lock = DatabaseLock(live)
        lock.acquire()
    prepared = live.with_name(f".{live.name}.restoring-{os.getpid()}")
    previous: Path | None = None
    swapped = False
    try:
        refuse_leftover_journal(live)
        atomic_copy(backup_file, prepared)
        upgraded_from = _check_and_rekey(prepared, backup_file, passphrase, backup_passphrase)
        try:
            counts = verify_copy(prepared, passphrase, None, shown_as=backup_file)
        except VaultError as err:
            raise _as_the_backup(err, backup_file) from None
        fsync_file(prepared)
        previous = keep_dated_copy(live, "restore") if live.exists() else None
        swap_into_place(prepared, live)
        swapped = True
    except BaseException:
        remove_with_journals(prepared)
        if previous is not None and not swapped:  # the database is as it was: no copy needed
            with contextlib.suppress(OSError):
                previous.unlink()
        raise
    finally:
        if own_lock:
            lock.release()
    return RestoreResult(previous_copy=previous, counts=counts, upgraded_from=upgraded_from)


def _check_and_rekey(
    prepared: Path, backup_file: Path, passphrase: str, backup_passphrase: str | None
) -> str | None:
    """Open the private copy (upgrading it if older), check it, give it `passphrase`."""
    key = backup_passphrase or passphrase
    try:
        copy = open_vault(prepared, key, lock=False)
    except WrongPassphrase:
        if backup_passphrase is None:
            raise BackupHasOtherPassphrase(backup_file) from None
        raise WrongPassphrase(backup_file) from None
    except VaultError as err:
        raise _as_the_backup(err, backup_file) from None
    with copy:
        if copy.integrity_problems():
            raise DamagedDatabase(backup_file)
        if copy.pre_upgrade_copy is not None:
            copy.pre_upgrade_copy.unlink()  # the backup file itself is that copy
        with copy.engine.connect() as con:
            if key != passphrase:
                con.exec_driver_sql("PRAGMA rekey = " + sql_string(passphrase))
            con.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        return copy.upgraded_from


def change_passphrase(vault: Vault, new_passphrase: str) -> Vault:
    """Re-key the database; returns the reopened Vault (the one passed in is closed).

    The re-keyed database is built and verified as a separate file, then renamed over the
    old one: killed at any moment, the file on disk opens with one of the two passphrases
    and holds every record.
    """
    check_passphrase_given(new_passphrase)
    live = vault.path
    prepared = live.with_name(f".{live.name}.rekeying-{os.getpid()}")
    make_copy(vault, prepared, passphrase=new_passphrase)
    lock, vault.lock = vault.lock, None
    try:
        vault.close()
        swap_into_place(prepared, live)
    except BaseException:
        remove_with_journals(prepared)
        if lock is not None:
            lock.release()
        raise
    reopened = open_vault(live, new_passphrase, lock=False)
    reopened.lock = lock
    return reopened
