"""Which database is chosen, whether it is open, and the passphrase it was opened with.

The one place that creates, opens and closes the Vault for the window. Pages call it and show
the VaultError it raises; the window listens to `opened` and `closed` to change screens.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal

from coordinator.services.setup import create_database
from coordinator.storage.errors import (
    DamagedDatabase,
    KeyringUnavailable,
    StaleRememberedKey,
    VaultError,
    WrongPassphrase,
)
from coordinator.storage.keystore import KeyStore
from coordinator.storage.vault import Vault, open_vault
from coordinator.ui.kit.operations import Operation, operations

translate = QCoreApplication.translate


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


def damaged_pages(vault: Vault) -> list[str]:
    """Every page read and authenticated (about 0.3 s per 100 MB, so off the GUI thread);
    the problems found, empty when every page is sound."""
    try:
        return vault.find_damaged_pages()
    except Exception as err:  # an unreadable page can also surface as an error
        return [type(err).__name__]


#: Told, from the worker, what opening is doing now: "copying" (before an upgrade),
#: "upgrading".
Stage = Callable[[str], None] | None


@dataclass
class Opened:
    """An open Vault, and what to tell the user about remembering its passphrase."""

    vault: Vault
    notes: list[str]


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
        #: Page checks not yet ended (one per unlock; a lock drops a check's result).
        self._page_checks: list[Operation] = []

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
    #
    # Opening derives the key (about 0.1 s), proves the file is ours and writable, and may
    # copy and upgrade it: all of it runs as an operation, so the window never freezes. The
    # operation's value is the open Vault; `opened` follows, then the Operation's own
    # succeeded. A VaultError arrives by its failed signal, the file untouched. A Vault that
    # arrives after the user has moved on (another file chosen) is closed at once.

    def create(self, passphrase: str, remember: bool, on_stage: Stage = None) -> Operation:
        """Create the chosen file; the keyring failing is only a notice."""
        path = self._chosen()

        def work(_progress) -> Opened:
            vault = create_database(path, passphrase)
            return Opened(vault, self._keep_remembered(path, passphrase, remember, False))

        return self._open_with(work, "create")

    def unlock(self, passphrase: str, remember: bool, on_stage: Stage = None) -> Operation:
        """Open with a typed passphrase."""
        path = self._chosen()

        def work(_progress) -> Opened:
            was_remembered = self.keystore.has_remembered(path)
            vault = open_vault(path, passphrase, check_pages=False, on_stage=on_stage)
            notes = self._keep_remembered(path, passphrase, remember, was_remembered)
            return Opened(vault, notes)

        return self._open_with(work, "unlock")

    def has_remembered(self) -> bool:
        return self.path is not None and self.keystore.has_remembered(self.path)

    def unlock_remembered(self, on_stage: Stage = None) -> Operation:
        """Open with the passphrase remembered on this PC. Its value is None when none is
        remembered; it fails with KeyringUnavailable when the keyring cannot be read, with
        StaleRememberedKey when the remembered passphrase no longer opens the file, or with
        another VaultError."""
        path = self._chosen()

        def work(_progress) -> Opened | None:
            if not self.keystore.is_available():
                return None
            passphrase = self.keystore.recall(path)
            if passphrase is None:
                return None
            try:
                vault = open_vault(path, passphrase, check_pages=False, on_stage=on_stage)
            except WrongPassphrase:
                raise StaleRememberedKey(path) from None
            return Opened(vault, [])

        return self._open_with(work, "unlock")

    def reopen(self, passphrase: str, on_stage: Stage = None) -> Operation:
        """Open again after a restore; the remembered passphrase is left as it is."""
        path = self._chosen()
        return self._open_with(
            lambda _progress: Opened(
                open_vault(path, passphrase, check_pages=False, on_stage=on_stage), []
            ),
            "reopen",
        )

    def _open_with(self, work, name: str) -> Operation:
        op = operations().run(work, parent=self, name=name, show_errors=False)
        path = self.path
        op.succeeded.connect(lambda opened: self._arrived(opened, path))
        return op

    def _arrived(self, opened: Opened | None, path: Path | None) -> None:
        if opened is None:
            return
        if self.path != path or self._vault is not None:  # the user moved on meanwhile
            opened.vault.close()
            return
        self._opened(opened.vault)
        for note in opened.notes:
            self.notice.emit(note)

    def _keep_remembered(
        self, path: Path, passphrase: str, remember: bool, was_remembered: bool
    ) -> list[str]:
        """Remember (or forget) the passphrase on this PC as asked; what to tell the user."""
        try:
            if remember:
                self.keystore.remember(path, passphrase)
            elif was_remembered:
                self.keystore.forget(path)
        except KeyringUnavailable as err:
            if remember:
                text = translate(
                    "Controller",
                    "The database is open, but the passphrase could not be remembered on "
                    "this PC. {reason}",
                )
            else:
                text = translate(
                    "Controller",
                    "The passphrase remembered on this PC could not be removed. {reason}",
                )
            return [text.format(reason=err.reason)]
        return []

    def replace_vault(self, vault: Vault) -> None:
        """Adopt the Vault a passphrase change reopened (the old one is already closed); its
        file is new, so its pages are checked as after unlocking."""
        self._opened(vault)

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
        op = operations().run(
            lambda _progress: (vault, damaged_pages(vault)),
            parent=self,
            name="page-check",
            show_errors=False,
            holds=False,
        )
        op.succeeded.connect(self._pages_checked)
        self._page_checks = [check for check in self._page_checks if check.running] + [op]

    def wait_for_page_checks(self) -> None:
        """Block until every page check has read the file (from a worker, before a swap)."""
        for op in list(self._page_checks):
            op.wait()

    def _pages_checked(self, outcome: tuple[Vault, list[str]]) -> None:
        vault, problems = outcome
        if vault is not self._vault:
            return  # locked or switched meanwhile
        if not problems:
            self.checked.emit()
            return
        self.lock()
        self.damaged.emit(DamagedDatabase(vault.path).user_message())
