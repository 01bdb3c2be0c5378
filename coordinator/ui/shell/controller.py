"""Which database is chosen, whether it is open, and the passphrase it was opened with.

The one place that creates, opens and closes the Vault for the window. Pages call it and show
the VaultError it raises; the window listens to `opened` and `closed` to change screens.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from coordinator.storage.errors import (
    DamagedDatabase,
    KeyringUnavailable,
    StaleRememberedKey,
    VaultError,
    WrongPassphrase,
)
from coordinator.storage.keystore import KeyStore
from coordinator.storage.vault import Vault, create_vault, open_vault
from coordinator.ui.shell.page_check import PageCheck


def passphrase_opens(path: Path, passphrase: str) -> bool:
    """Whether `passphrase` opens the database at `path` (one key derivation; reads only).

    Safe from a worker thread, and while the database is open in this window. A file that
    cannot be opened for another reason (missing, damaged) counts as not refusing it.
    """
    try:
        open_vault(path, passphrase, lock=False, upgrade=False, check_pages=False).close()
    except WrongPassphrase:
        return False
    except VaultError:
        return True
    return True


class Controller(QObject):
    #: The database is open; the argument is the Vault.
    opened = Signal(object)
    #: The database was closed (locked, or another one chosen).
    closed = Signal()
    #: Something the user should know that did not stop the database opening.
    notice = Signal(str)
    #: The background page check found the open file damaged; it has been locked.
    damaged = Signal(str)
    #: The background page check found every page sound.
    checked = Signal()

    def __init__(self, keystore: KeyStore, parent: QObject | None = None):
        super().__init__(parent)
        self.keystore = keystore
        self.path: Path | None = None
        self._vault: Vault | None = None
        self.page_check = PageCheck(self)
        self.page_check.finished.connect(self._pages_checked)

    @property
    def vault(self) -> Vault | None:
        return self._vault

    @property
    def is_open(self) -> bool:
        return self._vault is not None

    def choose(self, path: Path) -> None:
        """Work with another database file; closes the open one first."""
        self.lock()
        self.path = Path(path).absolute()

    # -- opening ---------------------------------------------------------------------------

    def create(self, passphrase: str, remember: bool) -> None:
        """Create the chosen file. Raises VaultError; the keyring failing is only a notice."""
        self._opened(create_vault(self._chosen(), passphrase))
        if remember:
            self._remember(passphrase)

    def unlock(self, passphrase: str, remember: bool) -> None:
        """Open with a typed passphrase. Raises VaultError and leaves the file untouched."""
        was_remembered = self.keystore.has_remembered(self._chosen())
        self._opened(open_vault(self._chosen(), passphrase, check_pages=False))
        if remember:
            self._remember(passphrase)
        elif was_remembered:
            self._forget()

    def has_remembered(self) -> bool:
        return self.path is not None and self.keystore.has_remembered(self.path)

    def unlock_remembered(self) -> bool:
        """Open with the passphrase remembered on this PC; False when none is remembered.

        Raises KeyringUnavailable when the keyring cannot be read, StaleRememberedKey when
        the remembered passphrase no longer opens the file, or another VaultError.
        """
        path = self._chosen()
        if not self.keystore.is_available():
            return False
        passphrase = self.keystore.recall(path)
        if passphrase is None:
            return False
        try:
            vault = open_vault(path, passphrase, check_pages=False)
        except WrongPassphrase:
            raise StaleRememberedKey(path) from None
        self._opened(vault)
        return True

    def reopen(self, passphrase: str) -> None:
        """Open again after a restore; the remembered passphrase is left as it is."""
        self._opened(open_vault(self._chosen(), passphrase, check_pages=False))

    def replace_vault(self, vault: Vault) -> None:
        """Adopt the Vault a passphrase change reopened (the old one is already closed)."""
        self._vault = vault
        self.opened.emit(vault)

    def update_remembered(self, new_passphrase: str) -> str | None:
        """After a passphrase change, replace the one remembered on this PC, if there is one.

        Returns a sentence for the user when it could not be updated, else None.
        """
        if not self.keystore.is_available():
            return None
        path = self._chosen()
        try:
            if self.keystore.recall(path) is None:
                return None
            self.keystore.remember(path, new_passphrase)
        except KeyringUnavailable as err:
            return self.tr(
                "The passphrase remembered on this PC could not be updated. {reason} Next "
                "time, type the new passphrase and tick Remember on this PC."
            ).format(reason=err.reason)
        return None

    # -- closing ---------------------------------------------------------------------------

    def lock(self) -> None:
        """Close the database (engine disposed, one-instance lock released)."""
        vault, self._vault = self._vault, None
        if vault is not None:
            vault.close()
            self.closed.emit()

    # -- helpers ---------------------------------------------------------------------------

    def _chosen(self) -> Path:
        if self.path is None:
            raise RuntimeError("no database chosen")
        return self.path

    def _opened(self, vault: Vault) -> None:
        self._vault = vault
        self.opened.emit(vault)
        self.page_check.start(vault)

    def _pages_checked(self, vault: Vault, problems: list) -> None:
        if vault is not self._vault:
            return  # locked or switched meanwhile
        if not problems:
            self.checked.emit()
            return
        self.lock()
        self.damaged.emit(DamagedDatabase(vault.path).user_message())

    def _remember(self, passphrase: str) -> None:
        try:
            self.keystore.remember(self._chosen(), passphrase)
        except KeyringUnavailable as err:
            self.notice.emit(
                self.tr(
                    "The database is open, but the passphrase could not be remembered on this PC. {reason}"
                ).format(reason=err.reason)
            )

    def _forget(self) -> None:
        try:
            self.keystore.forget(self._chosen())
        except KeyringUnavailable as err:
            self.notice.emit(
                self.tr(
                    "The passphrase remembered on this PC could not be removed. {reason}"
                ).format(reason=err.reason)
            )
