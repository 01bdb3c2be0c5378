"""Writing files so that a crash never leaves half of one: atomic write, atomic copy, and
the folder fsync that makes a rename last. Every file made here is owner-only (0600).

The pattern (after Electrum's storage): a temporary file in the target's own folder, created
0600 before a byte is written, filled, fsynced, then renamed over the target with os.replace
(atomic on one file system), then the folder fsynced so the rename itself survives a power
cut. A failure at any point removes the temporary file and leaves the target as it was.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import IO

OWNER_ONLY = 0o600
COPY_CHUNK = 1024 * 1024


def temporary_name(target: Path, purpose: str = "tmp") -> Path:
    """A hidden name beside `target`, unique to this process and call."""
    return target.with_name(f".{target.name}.{purpose}-{os.getpid()}-{secrets.token_hex(4)}")


def create_owner_only(path: Path, *, exclusive: bool = True) -> int:
    """Open a new file for writing, mode 0600 from the start; returns the descriptor."""
    flags = os.O_WRONLY | os.O_CREAT | (os.O_EXCL if exclusive else os.O_TRUNC)
    return os.open(path, flags | getattr(os, "O_BINARY", 0), OWNER_ONLY)


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_folder(folder: Path) -> None:
    """Make a rename or a new file in `folder` durable. Windows has no folder fsync (and
    NTFS journals renames), so there it does nothing."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(target: Path | str, write: Callable[[IO[bytes]], object]) -> Path:
    """Write `target` through `write(fh)` on a private temporary file, then rename it in.

    OSErrors reach the caller as they are (each caller words them for its own file); the
    temporary file is gone whatever happens.
    """
    target = Path(target)
    tmp = temporary_name(target)
    fd = create_owner_only(tmp)
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
        fsync_folder(target.parent)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return target


def atomic_copy(source: Path | str, target: Path | str) -> Path:
    """Copy `source` to `target` atomically; the copy is owner-only whatever the source was."""
    source = Path(source)

    def copy(out: IO[bytes]) -> None:
        with source.open("rb") as src:
            shutil.copyfileobj(src, out, COPY_CHUNK)

    return atomic_write(target, copy)


def remove_with_journals(path: Path) -> None:
    """Remove a temporary database file of our own and whatever SQLite made beside it."""
    for leftover in (path, Path(f"{path}-journal"), Path(f"{path}-wal"), Path(f"{path}-shm")):
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()
