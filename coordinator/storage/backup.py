"""Verified encrypted copies, the mechanism that backup, restore and passphrase change share.

A copy is made with SQLite's online backup API into a temporary file in the target folder
(owner-only), optionally re-keyed, fsynced, reopened with its key and verified, and only then
renamed into place. A plaintext copy is never made.

Verification reads the copy back once: `cipher_integrity_check` authenticates every page's
HMAC (the bytes on the disk are the bytes that were encrypted), `quick_check` proves the
b-trees whole, and the row count of every table must equal the source's. The slower
`integrity_check` (which also cross-checks every index) is kept for `coordinator check`.
Restore and passphrase change (coordinator.storage.swap) end with an atomic rename.
"""

from __future__ import annotations

import contextlib
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import sqlcipher3

from coordinator.storage.connection import (
    APPLICATION_ID,
    CIPHER_SETTINGS,
    check_passphrase_given,
    silence_sqlcipher_log,
)
from coordinator.storage.errors import (
    DamagedDatabase,
    VaultError,
    WrongPassphrase,
    folder_is_there,
    from_os_error,
)
from coordinator.storage.faults import SQLITE_CORRUPT, SQLITE_NOTADB, sqlite_code, storage_fault
from coordinator.storage.files import (
    create_owner_only,
    fsync_file,
    fsync_folder,
    remove_with_journals,
)
from coordinator.storage.leftovers import Cleaned, clean_leftovers, partial_name, writing
from coordinator.storage.vault import Vault

Progress = Callable[[int, int], None]
PAGES_PER_STEP = 1024
#: Pages the verifying connection may cache (4 KiB each): enough that the row counts after
#: quick_check are read from memory rather than decrypted a second time, for a database of
#: a few hundred MB, while a bigger one costs no more memory than this.
VERIFY_CACHE_PAGES = 65536


class BackupFailed(VaultError):
    exit_code = 4
    message = (
        "The backup could not be verified, so it was not kept. Your database is unchanged. "
        "Try another folder or drive."
    )


class BackupFolderMissing(VaultError):
    exit_code = 3
    message = (
        "The folder {file} is not there, so no backup was made. If it is on a USB stick or "
        "a network drive, check that it is connected; otherwise check the path."
    )


class BackupIsFolder(VaultError):
    exit_code = 2
    message = "{file} is a folder. Give the backup a file name, for example backup.db."


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


@dataclass(frozen=True)
class CopyResult:
    path: Path
    size: int
    counts: dict[str, int]
    seconds: float
    made_at: datetime
    #: Unfinished backups of earlier, interrupted runs removed from the folder first.
    cleaned: Cleaned = field(default_factory=Cleaned)


def passphrase_of(vault: Vault) -> str:
    return vault.engine.url.password or ""


def sql_string(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def connect(path: Path, passphrase: str) -> sqlcipher3.Connection:
    silence_sqlcipher_log()
    con = sqlcipher3.connect(f"{Path(path).absolute().as_uri()}?mode=rw", uri=True)
    con.execute("PRAGMA key = " + sql_string(passphrase))
    for name, value in CIPHER_SETTINGS:
        con.execute(f"PRAGMA {name} = {value}")
    return con


def table_counts(con) -> dict[str, int]:
    names = [
        r[0]
        for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"
        )
    ]
    return {name: con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}


def verify_copy(
    path: Path, passphrase: str, expected: dict[str, int] | None, *, shown_as: Path | None = None
) -> dict[str, int]:
    """Reopen a copy with its key and check it whole; raises BackupFailed otherwise.

    `shown_as` is the file named in the message (a temporary copy's name means nothing to
    the person who chose the backup).
    """
    shown = shown_as or path
    try:
        con = connect(path, passphrase)
    except sqlcipher3.DatabaseError:
        raise BackupFailed(shown) from None
    try:
        con.execute(f"PRAGMA cache_size = {VERIFY_CACHE_PAGES}")
        if con.execute("PRAGMA cipher_integrity_check").fetchall():
            raise BackupFailed(shown, "damaged pages")
        if [r[0] for r in con.execute("PRAGMA quick_check")] != ["ok"]:
            raise BackupFailed(shown, "integrity check failed")
        if con.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            raise BackupFailed(shown, "not a Coordinator database")
        counts = table_counts(con)
    except sqlcipher3.DatabaseError:
        raise BackupFailed(shown) from None
    finally:
        con.close()
    if expected is not None and counts != expected:
        raise BackupFailed(shown, "record counts differ from the database")
    return counts


def source_is_damaged(vault: Vault) -> bool:
    """Whether the open database itself fails its page or b-tree check (a fresh connection)."""
    try:
        con = connect(vault.path, passphrase_of(vault))
    except sqlcipher3.DatabaseError:
        return True
    try:
        if con.execute("PRAGMA cipher_integrity_check").fetchall():
            return True
        return [r[0] for r in con.execute("PRAGMA quick_check")] != ["ok"]
    except sqlcipher3.DatabaseError:
        return True
    finally:
        con.close()


def _copy_fault(err: sqlcipher3.Error, vault: Vault, target: Path) -> VaultError:
    """What went wrong while copying: a damaged page of the database, or the target drive."""
    code, text = sqlite_code(err)
    primary = code & 0xFF if code is not None else None
    if (
        primary in (SQLITE_CORRUPT, SQLITE_NOTADB)
        or "malformed" in text
        or "not a database" in text
    ):
        return DamagedDatabase(vault.path)
    fault = storage_fault(err, target)
    if fault is not None and not isinstance(fault, DamagedDatabase):
        return fault
    return BackupFailed(target)


def check_target(vault: Vault, target: Path) -> None:
    """Refuse, before anything is written, a target that cannot be a backup file."""
    if target == vault.path:
        raise SameFile(target)
    if not folder_is_there(target):
        raise BackupFolderMissing(target.parent)
    if target.is_dir():
        raise BackupIsFolder(target)


def make_copy(
    vault: Vault,
    target: Path | str,
    *,
    passphrase: str | None = None,
    progress: Progress | None = None,
) -> CopyResult:
    """Write a verified encrypted copy of the open database to `target` (replacing it).

    `passphrase` keys the copy differently (a backup kept off site); by default the copy
    opens with the database's own passphrase. A damaged database raises DamagedDatabase
    (naming the database, exit code 4), a missing folder BackupFolderMissing.
    """
    started = time.perf_counter()
    target = Path(target).absolute()
    check_target(vault, target)
    if passphrase is not None:
        check_passphrase_given(passphrase)
    source_key = passphrase_of(vault)
    cleaned = clean_leftovers(target.parent)
    tmp = partial_name(target)
    try:
        os.close(create_owner_only(tmp, exclusive=False))
    except OSError as err:
        raise from_os_error(err, target) from None
    with writing(tmp):
        try:
            counts = _copy_and_verify(vault, tmp, target, source_key, passphrase, progress)
            os.replace(tmp, target)
            fsync_folder(target.parent)
        except BaseException:
            remove_with_journals(tmp)
            raise
    return CopyResult(
        path=target,
        size=target.stat().st_size,
        counts=counts,
        seconds=time.perf_counter() - started,
        made_at=datetime.now(),
        cleaned=cleaned,
    )


def _copy_and_verify(
    vault: Vault,
    tmp: Path,
    target: Path,
    source_key: str,
    passphrase: str | None,
    progress: Progress | None,
) -> dict[str, int]:
    try:
        dest = connect(tmp, source_key)
        try:
            with vault.engine.connect() as con:
                raw = con.connection.dbapi_connection
                step = (
                    (lambda _s, remaining, total: progress(total - remaining, total))
                    if progress
                    else None
                )
                raw.backup(dest, pages=PAGES_PER_STEP, progress=step)
                expected = table_counts(raw)
            if passphrase is not None and passphrase != source_key:
                dest.execute("PRAGMA rekey = " + sql_string(passphrase))
        finally:
            dest.close()
        fsync_file(tmp)
    except sqlcipher3.Error as err:
        raise _copy_fault(err, vault, target) from None
    except OSError as err:
        raise from_os_error(err, target) from None
    try:
        return verify_copy(tmp, passphrase or source_key, expected, shown_as=target)
    except BackupFailed:
        # A copy of a damaged page fails too; then the database is what needs attention.
        if source_is_damaged(vault):
            raise DamagedDatabase(vault.path) from None
        raise


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
        raise from_os_error(err, folder) from None
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
