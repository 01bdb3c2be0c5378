"""Storage faults: turning SQLite and OS errors into plain VaultErrors.

Disk full, read-only file or folder, a drive or folder that went away, a disk error, a busy
file and a damaged file each get their own error with a message a coordinator can act on.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path

from coordinator.storage.errors import (
    CannotWrite,
    DamagedDatabase,
    DatabaseBusy,
    DatabaseGone,
    DatabaseMissing,
    DiskError,
    DiskFull,
    FolderGone,
    ReadOnly,
    VaultError,
    folder_is_there,
    from_os_error,
)

#: The largest file a FAT32-formatted USB stick can hold.
FAT32_MAX_FILE = 4 * 1024**3 - 1

# SQLite primary result codes (the low byte of an extended code).
SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY = 3, 5, 6, 8
SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 10, 11, 13, 14, 26
SQLITE_READONLY_DBMOVED = SQLITE_READONLY | (4 << 8)
SQLITE_IOERR_READ, SQLITE_IOERR_SHORT_READ = SQLITE_IOERR | (1 << 8), SQLITE_IOERR | (2 << 8)

#: Below this much free space, a failed write is taken to be a full disk.
LOW_SPACE = 16 * 1024 * 1024


def sqlite_code(err: BaseException) -> tuple[int | None, str]:
    """(extended result code or None, lower-case message) of a DB-API or SQLAlchemy error."""
    orig = getattr(err, "orig", None) or err
    return getattr(orig, "sqlite_errorcode", None), str(orig.args[0] if orig.args else "").lower()


def storage_fault(err: BaseException, path: Path | str) -> VaultError | None:
    """The VaultError for a storage fault met while using the database at `path`, else None.

    Faults are disk full, read-only, a drive or folder that went away, a disk error, a busy
    file and a damaged file. Anything else (a constraint, a bug in a query) gives None: the
    caller re-raises the original error. Services that use `Vault.session()` directly can
    call this, or use `Vault.storage_errors()`, to turn "database or disk is full" into
    DiskFull. An OSError is classified by its errno.
    """
    path = Path(path)
    if isinstance(err, OSError):
        return from_os_error(err, path)
    code, text_ = sqlite_code(err)
    primary = code & 0xFF if code is not None else None
    if primary == SQLITE_FULL or "disk is full" in text_:
        return DiskFull(path)
    if code == SQLITE_READONLY_DBMOVED:
        return DatabaseGone(path)
    if primary in (SQLITE_READONLY, SQLITE_PERM) or "readonly" in text_:
        return ReadOnly(path)
    if primary in (SQLITE_BUSY, SQLITE_LOCKED) or "database is locked" in text_:
        return DatabaseBusy(path)
    if primary == SQLITE_CANTOPEN or "unable to open" in text_:
        return _unreachable(path) or (ReadOnly(path) if not writable(path) else CannotWrite(path))
    if primary == SQLITE_IOERR or "disk i/o error" in text_:
        if code in (SQLITE_IOERR_READ, SQLITE_IOERR_SHORT_READ):
            return _unreachable(path) or DiskError(path)
        return _unreachable(path) or (DiskFull(path) if _out_of_room(path) else DiskError(path))
    if (
        primary in (SQLITE_CORRUPT, SQLITE_NOTADB)
        or "malformed" in text_
        or "not a database" in text_
    ):
        return DamagedDatabase(path)
    return None


def _unreachable(path: Path) -> VaultError | None:
    if not folder_is_there(path):
        return FolderGone(path)
    if not path.exists():
        return DatabaseMissing(path)
    return None


def _out_of_room(path: Path) -> bool:
    """Whether a failed write is best explained by a full disk or a file-size limit.

    SQLite reports SQLITE_FULL only for ENOSPC; a file that may grow no further (EFBIG: the
    process's RLIMIT_FSIZE, a FAT32 stick's 4 GiB) and some ENOSPC during fsync or truncate
    arrive as a plain "disk I/O error", so the disk and the limits are looked at.
    """
    try:
        if shutil.disk_usage(path.parent).free < LOW_SPACE:
            return True
    except OSError:
        return False
    limit = _file_size_limit()
    sizes = []
    for name in (path, Path(f"{path}-wal"), Path(f"{path}-journal")):
        with contextlib.suppress(OSError):
            sizes.append(name.stat().st_size)
    near = 64 * 1024
    return any(size >= limit - near or size >= FAT32_MAX_FILE - near for size in sizes)


def _file_size_limit() -> float:
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows
        return float("inf")
    soft, _ = resource.getrlimit(resource.RLIMIT_FSIZE)
    return float("inf") if soft == resource.RLIM_INFINITY else soft


def writable(path: Path) -> bool:
    """Whether this account may change the file and make files beside it (-wal, -journal)."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)
