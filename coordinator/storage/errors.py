"""Errors the storage layer raises, each with a plain message a coordinator can act on.

Messages name the file at most; they never contain a passphrase or a record's contents.
`exit_code` follows the command-line rules: 3 cannot open, 4 integrity check failed.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path


class VaultError(Exception):
    """Base class: something stopped a database being created or opened."""

    exit_code = 3
    message = "The database could not be opened."

    def __init__(self, path: Path | str | None = None, detail: str | None = None):
        self.path = Path(path) if path is not None else None
        self.detail = detail
        super().__init__(self.user_message())

    def user_message(self) -> str:
        text = self.message
        if self.path is not None:
            text = text.replace("{file}", str(self.path))
        if self.detail:
            text = f"{text} ({self.detail})"
        return text


class EmptyPassphrase(VaultError):
    exit_code = 2
    message = "Type a passphrase: an empty passphrase would leave the records unprotected."


class DatabaseMissing(VaultError):
    message = (
        "There is no database at {file}. Check the path, or create a new database "
        "with 'coordinator init'."
    )


class NotAFile(VaultError):
    message = "{file} is a folder, not a database file."


class DatabaseExists(VaultError):
    exit_code = 2
    message = "A file already exists at {file}. Choose another name; nothing was overwritten."


class EmptyFile(VaultError):
    message = (
        "{file} is empty (0 bytes), so it holds no records. It may be an unfinished copy: "
        "restore from a backup, or choose another file."
    )


class NotEncrypted(VaultError):
    message = (
        "{file} is an ordinary, unencrypted database, not a Coordinator database. "
        "Coordinator only opens encrypted databases."
    )


class WrongPassphrase(VaultError):
    message = (
        "That passphrase does not open this database. Check Caps Lock and the keyboard "
        "language, then try again. (If you are sure it is right, the file may be damaged "
        "or not a Coordinator database: restore from a backup.)"
    )


class NotCoordinatorDatabase(VaultError):
    message = "{file} is an encrypted database, but not one made by Coordinator."


class NewerSchema(VaultError):
    message = (
        "{file} was saved by a newer version of Coordinator. Install that version to open "
        "it. Nothing in the file has been changed."
    )


class DamagedDatabase(VaultError):
    exit_code = 4
    message = (
        "{file} is damaged: its integrity check failed. Do not add records to it. "
        "Restore your most recent backup."
    )


class AlreadyOpen(VaultError):
    message = (
        "{file} is already open in Coordinator on this computer. Switch to that window, "
        "or close it first."
    )


class CannotWrite(VaultError):
    message = (
        "Coordinator cannot write to {file}. Check that the folder exists and is not read-only."
    )


class ReadOnly(CannotWrite):
    message = (
        "{file} can be read but not changed: the file or its folder is read-only (for example "
        "a CD, a write-protected USB stick, or a folder your account may only read). Copy it "
        "to a folder you can write to, or ask whoever looks after this computer for access. "
        "Nothing was changed."
    )


class NoAccess(VaultError):
    message = (
        "Your account is not allowed to open {file}. Ask whoever looks after this computer "
        "to give you access to the file and its folder."
    )


class DiskFull(CannotWrite):
    message = (
        "There is no room left on the disk that holds {file}, so the change could not be "
        "saved. Everything saved before is safe. Free some space (for example empty the "
        "Recycle Bin), then try again."
    )


class FolderGone(DatabaseMissing):
    message = (
        "{file} cannot be found: the folder that should hold it is not there. If the "
        "database is on a USB stick or a network drive, check that it is connected, then "
        "try again. Otherwise check the path, or create a new database with "
        "'coordinator init'."
    )


class DatabaseGone(VaultError):
    message = (
        "Coordinator can no longer reach {file}: it was moved or deleted, or the USB stick "
        "or network drive it is on was disconnected. The last change was not saved. "
        "Reconnect the drive (or put the file back where it was), then open the database "
        "again."
    )


class DiskError(VaultError):
    message = (
        "The disk that holds {file} could not be read or written. Check that the drive is "
        "connected and working, then open the database again. If this keeps happening, "
        "restore your most recent backup onto another disk."
    )


class DatabaseBusy(VaultError):
    message = (
        "{file} is in use by another program. Close that program (or wait for it to "
        "finish), then try again."
    )


_DISK_FULL = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}
_READ_ONLY = {errno.EROFS, errno.EACCES, errno.EPERM}
_GONE = {errno.ENOENT, errno.ENOTDIR, errno.EEXIST}
_DEVICE = {errno.EIO, errno.ENXIO, errno.ENODEV, getattr(errno, "ESTALE", errno.EIO)}


def folder_is_there(path: Path) -> bool:
    """Whether the folder that should hold `path` exists (unreadable counts as there)."""
    try:
        return stat.S_ISDIR(os.stat(path.parent).st_mode)
    except (FileNotFoundError, NotADirectoryError):
        return False
    except OSError:
        return True


def from_os_error(err: OSError, path: Path | str, *, writing: bool = True) -> VaultError:
    """The VaultError for an OSError met while reading or writing the database `path`.

    The OS message (e.g. "No such file or directory") is kept only as a detail for the
    generic case; it names no record and no passphrase.
    """
    path = Path(path)
    folder_there = folder_is_there(path)
    if err.errno in _DISK_FULL:
        return DiskFull(path)
    if err.errno in _READ_ONLY:
        return ReadOnly(path) if writing or err.errno == errno.EROFS else NoAccess(path)
    if err.errno in _GONE or not folder_there:
        if not folder_there:
            return FolderGone(path)
        if err.errno == errno.ENOENT and not path.exists():
            return DatabaseMissing(path)
    if err.errno in _DEVICE:
        return DiskError(path)
    return CannotWrite(path, err.strerror)


class UpgradeFailed(VaultError):
    message = (
        "{file} could not be upgraded to this version of Coordinator. The database was left "
        "as it was; a copy taken before the upgrade is beside it."
    )


class KeyringUnavailable(Exception):
    """The system keyring is missing, locked or refused access (never 'wrong passphrase')."""

    def __init__(self, reason: str):
        self.reason = reason
        super().__init__(reason)


class StaleRememberedKey(VaultError):
    message = (
        "The passphrase remembered on this PC no longer opens this database (it may have "
        "been changed). Type the current passphrase; you can choose to remember it again."
    )
