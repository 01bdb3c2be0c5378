"""Errors the storage layer raises, each with a plain message a coordinator can act on.

Messages name the file at most; they never contain a passphrase or a record's contents.
`exit_code` follows the command-line rules: 3 cannot open, 4 integrity check failed.
"""

from __future__ import annotations

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
