"""'Remember on this PC': the passphrase kept in the operating system's keyring.

A convenience only: the passphrase always works, and is the only way to recover. Only the
system keyrings are trusted (Windows Credential Locker, macOS Keychain, Secret Service,
KWallet). The fail, null and any plaintext or third-party backend (keyrings.alt included)
count as "not available here", said plainly. Each remembered key belongs to one database file.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

from coordinator.storage.errors import KeyringUnavailable

log = logging.getLogger(__name__)

SERVICE_NAME = "Coordinator database"

#: Modules of the backends that keep secrets in the operating system's own protected store.
SYSTEM_BACKEND_MODULES: tuple[str, ...] = (
    "keyring.backends.Windows",
    "keyring.backends.macOS",
    "keyring.backends.SecretService",
    "keyring.backends.libsecret",
    "keyring.backends.kwallet",
)

NOT_AVAILABLE = (
    "This computer has no secure system keyring that Coordinator can use, so the passphrase "
    "cannot be remembered here. Type it each time."
)
LOCKED = (
    "The system keyring is locked or refused access, so the remembered passphrase could not "
    "be read. Type your passphrase."
)


def _is_system_backend(backend: KeyringBackend, trusted: tuple[str, ...]) -> bool:
    module = type(backend).__module__
    return any(module == m or module.startswith(m + ".") for m in trusted)


def _account(db_path: Path | str) -> str:
    """One entry per database file: its absolute path (case-folded where paths are)."""
    account = str(Path(db_path).absolute())
    return os.path.normcase(account)


class KeyStore:
    """Policy around a keyring backend. Pass a backend in tests; None uses the system's."""

    def __init__(
        self,
        backend: KeyringBackend | None = None,
        *,
        trusted_modules: tuple[str, ...] = SYSTEM_BACKEND_MODULES,
    ):
        self._backend = backend
        self._trusted = trusted_modules
        self._chosen: KeyringBackend | None | bool = None

    def _system_backend(self) -> KeyringBackend | None:
        """The trusted backend in use, or None. A chainer is searched for a trusted member."""
        if self._chosen is None:
            self._chosen = False
            try:
                backend = self._backend if self._backend is not None else keyring.get_keyring()
            except Exception as err:  # a broken keyring install must not stop the app
                log.warning("keyring could not be loaded: %s", type(err).__name__)
                return None
            candidates: list[Any] = [backend] + list(getattr(backend, "backends", []) or [])
            for candidate in candidates:
                if _is_system_backend(candidate, self._trusted):
                    self._chosen = candidate
                    break
        return self._chosen or None

    def is_available(self) -> bool:
        return self._system_backend() is not None

    def unavailable_reason(self) -> str | None:
        return None if self.is_available() else NOT_AVAILABLE

    def backend_name(self) -> str:
        backend = self._system_backend()
        return getattr(backend, "name", type(backend).__name__) if backend else "none"

    def _require(self) -> KeyringBackend:
        backend = self._system_backend()
        if backend is None:
            raise KeyringUnavailable(NOT_AVAILABLE)
        return backend

    def remember(self, db_path: Path | str, passphrase: str) -> None:
        backend = self._require()
        try:
            backend.set_password(SERVICE_NAME, _account(db_path), passphrase)
        except keyring.errors.KeyringError as err:
            raise KeyringUnavailable(LOCKED) from err

    def recall(self, db_path: Path | str) -> str | None:
        """The remembered passphrase, None if none is kept, or KeyringUnavailable."""
        backend = self._require()
        try:
            return backend.get_password(SERVICE_NAME, _account(db_path))
        except keyring.errors.KeyringError as err:
            raise KeyringUnavailable(LOCKED) from err

    def has_remembered(self, db_path: Path | str) -> bool:
        try:
            return self.is_available() and self.recall(db_path) is not None
        except KeyringUnavailable:
            return False

    def forget(self, db_path: Path | str) -> None:
        backend = self._system_backend()
        if backend is None:
            return
        try:
            backend.delete_password(SERVICE_NAME, _account(db_path))
        except keyring.errors.PasswordDeleteError:
            pass
        except keyring.errors.KeyringError as err:
            raise KeyringUnavailable(LOCKED) from err
