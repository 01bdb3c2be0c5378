"""Verified encrypted copies: backup, restore and passphrase change share one mechanism.

A copy is made with SQLite's online backup API into a temporary file in the target folder
(owner-only), optionally re-keyed, fsynced, reopened with its key and verified (page HMACs,
SQLite integrity, application id, row counts equal to the source) and only then renamed into
place. A plaintext copy is never made. Restore and passphrase change end with an atomic swap,
so at every instant the live file is either the old database or the new one, whole.
"""

from __future__ import annotations

import contextlib
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import sqlcipher3

from coordinator.storage.errors import DamagedDatabase, VaultError, WrongPassphrase
from coordinator.storage.lockfile import DatabaseLock
from coordinator.storage.vault import (
    APPLICATION_ID,
    CIPHER_SETTINGS,
    Vault,
    atomic_copy,
    check_passphrase_given,
    open_vault,
    precheck_file,
    silence_sqlcipher_log,
)

Progress = Callable[[int, int], None]
PAGES_PER_STEP = 1024


class BackupFailed(VaultError):
    exit_code = 4
    message = (
        "The backup could not be verified, so it was not kept. Your database is unchanged. "
        "Try another folder or drive."
    )


class SameFile(VaultError):
    exit_code = 2
    message = "{file} is the database itself. Choose a different file for the backup."


class BackupHasOtherPassphrase(WrongPassphrase):
    exit_code = 3
    message = (
        "The backup {file} does not open with this database's passphrase. If it was given a "
        "passphrase of its own, give that one too (on the command line: --other-passphrase, "
        "or COORDINATOR_BACKUP_PASSPHRASE)."
    )


class LeftoverJournal(VaultError):
    message = (
        "{file} was not closed cleanly: its journal still holds changes. Open it once in "
        "Coordinator (which finishes them safely), close it, then restore."
    )


@dataclass(frozen=True)
class CopyResult:
    path: Path
    size: int
    counts: dict[str, int]
    seconds: float
    made_at: datetime


def _passphrase_of(vault: Vault) -> str:
    return vault.engine.url.password or ""


def _connect(path: Path, passphrase: str) -> sqlcipher3.Connection:
    silence_sqlcipher_log()
    con = sqlcipher3.connect(f"{Path(path).absolute().as_uri()}?mode=rw", uri=True)
    con.execute("PRAGMA key = '" + passphrase.replace("'", "''") + "'")
    for name, value in CIPHER_SETTINGS:
        con.execute(f"PRAGMA {name} = {value}")
    return con


def _table_counts(con) -> dict[str, int]:
    names = [
        r[0]
        for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"
        )
    ]
    return {name: con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(folder: Path) -> None:
    if os.name == "posix":
        _fsync(folder)


def _remove(path: Path) -> None:
    for leftover in (path, Path(f"{path}-journal"), Path(f"{path}-wal"), Path(f"{path}-shm")):
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()


def verify_copy(path: Path, passphrase: str, expected: dict[str, int] | None) -> dict[str, int]:
    """Reopen a copy with its key and check it whole; raises BackupFailed otherwise."""
    try:
        con = _connect(path, passphrase)
    except sqlcipher3.DatabaseError:
        raise BackupFailed(path) from None
    try:
        if con.execute("PRAGMA cipher_integrity_check").fetchall():
            raise BackupFailed(path, "damaged pages")
        if [r[0] for r in con.execute("PRAGMA integrity_check")] != ["ok"]:
            raise BackupFailed(path, "integrity check failed")
        if con.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            raise BackupFailed(path, "not a Coordinator database")
        counts = _table_counts(con)
    except sqlcipher3.DatabaseError:
        raise BackupFailed(path) from None
    finally:
        con.close()
    if expected is not None and counts != expected:
        raise BackupFailed(path, "record counts differ from the database")
    return counts


def make_copy(
    vault: Vault,
    target: Path | str,
    *,
    passphrase: str | None = None,
    progress: Progress | None = None,
) -> CopyResult:
    """Write a verified encrypted copy of the open database to `target` (replacing it).

    `passphrase` keys the copy differently (a backup kept off site); by default the copy
    opens with the database's own passphrase.
    """
    started = time.perf_counter()
    target = Path(target).absolute()
    if target == vault.path:
        raise SameFile(target)
    if passphrase is not None:
        check_passphrase_given(passphrase)
    source_key = _passphrase_of(vault)
    tmp = target.with_name(f".{target.name}.partial-{os.getpid()}")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    except OSError as err:
        raise BackupFailed(target, err.strerror) from None
    os.close(fd)
    try:
        dest = _connect(tmp, source_key)
        try:
            with vault.engine.connect() as con:
                raw = con.connection.dbapi_connection
                step = (
                    (lambda _s, remaining, total: progress(total - remaining, total))
                    if progress
                    else None
                )
                raw.backup(dest, pages=PAGES_PER_STEP, progress=step)
                expected = _table_counts(raw)
            if passphrase is not None and passphrase != source_key:
                dest.execute("PRAGMA rekey = '" + passphrase.replace("'", "''") + "'")
        finally:
            dest.close()
        _fsync(tmp)
        counts = verify_copy(tmp, passphrase or source_key, expected)
        os.replace(tmp, target)
        _fsync_dir(target.parent)
    except BaseException:
        _remove(tmp)
        raise
    return CopyResult(
        path=target,
        size=target.stat().st_size,
        counts=counts,
        seconds=time.perf_counter() - started,
        made_at=datetime.now(),
    )


# -- automatic backups ----------------------------------------------------------------------

_STAMP = "%Y%m%d-%H%M%S"


def automatic_name(db_path: Path, when: datetime) -> str:
    return f"{db_path.stem}-backup-{when.strftime(_STAMP)}.db"


def automatic_backups(folder: Path, db_path: Path) -> list[Path]:
    """This database's automatic backups in `folder`, oldest first."""
    pattern = re.compile(re.escape(db_path.stem) + r"-backup-(\d{8}-\d{6})(?:-(\d+))?\.db$")
    if not folder.is_dir():
        return []
    found = [(m, p) for p in folder.iterdir() if (m := pattern.match(p.name))]
    found.sort(key=lambda mp: (mp[0].group(1), int(mp[0].group(2) or 1)))
    return [p for _m, p in found]


def automatic_backup(vault: Vault, folder: Path | str, keep: int) -> CopyResult:
    """A dated, verified backup into `folder`; then only the newest `keep` are kept."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise BackupFailed(folder, err.strerror) from None
    base = automatic_name(vault.path, datetime.now())
    target, n = folder / base, 1
    while target.exists():  # two backups within one second
        n += 1
        target = folder / base.replace(".db", f"-{n}.db")
    result = make_copy(vault, target)
    existing = automatic_backups(folder, vault.path)
    for old in existing[: max(0, len(existing) - keep)]:
        with contextlib.suppress(FileNotFoundError):
            old.unlink()
    return result


# -- swapping a verified file into place -------------------------------------------------------


def _refuse_leftover_journal(live: Path) -> None:
    for suffix in ("-wal", "-journal"):
        journal = Path(f"{live}{suffix}")
        if journal.exists() and journal.stat().st_size > 0:
            raise LeftoverJournal(live)


def _swap_into_place(prepared: Path, live: Path) -> None:
    _refuse_leftover_journal(live)
    for suffix in ("-shm",):  # shared-memory index of the old file; rebuilt on open
        with contextlib.suppress(FileNotFoundError):
            Path(f"{live}{suffix}").unlink()
    os.replace(prepared, live)
    _fsync_dir(live.parent)


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
    try:
        atomic_copy(backup_file, prepared)
        key = backup_passphrase or passphrase
        try:
            copy = open_vault(prepared, key, lock=False)
        except WrongPassphrase:
            if backup_passphrase is None:
                raise BackupHasOtherPassphrase(backup_file) from None
            raise WrongPassphrase(backup_file) from None
        with copy:
            if copy.integrity_problems():
                raise DamagedDatabase(backup_file)
            if copy.pre_upgrade_copy is not None:
                copy.pre_upgrade_copy.unlink()  # the backup file itself is that copy
            if key != passphrase:
                with copy.engine.connect() as con:
                    con.exec_driver_sql("PRAGMA rekey = '" + passphrase.replace("'", "''") + "'")
            with copy.engine.connect() as con:
                con.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            upgraded_from = copy.upgraded_from
        counts = verify_copy(prepared, passphrase, None)
        _fsync(prepared)
        previous = keep_dated_copy(live, "restore") if live.exists() else None
        _swap_into_place(prepared, live)
    except BaseException:
        _remove(prepared)
        raise
    finally:
        if own_lock:
            lock.release()
    return RestoreResult(previous_copy=previous, counts=counts, upgraded_from=upgraded_from)


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
        _swap_into_place(prepared, live)
    except BaseException:
        _remove(prepared)
        if lock is not None:
            lock.release()
        raise
    reopened = open_vault(live, new_passphrase, lock=False)
    reopened.lock = lock
    return reopened
