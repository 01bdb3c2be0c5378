"""Fixtures shared by every test: an in-memory keyring, private folders, a fresh database."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import keyring
import pytest
from hypothesis import settings
from keyring.backend import KeyringBackend

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Property tests try the same examples on every run, so a run passes or fails on the code
# alone; HYPOTHESIS_PROFILE=explore searches new examples (run it when changing a rule).
settings.register_profile("repeatable", derandomize=True, database=None, print_blob=True)
settings.register_profile("explore", max_examples=1000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

PASSPHRASE = "pale-kettle-orbit-fern-42"


class MemoryKeyring(KeyringBackend):
    """A keyring that keeps secrets in a dict; can be told to behave as locked."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}
        self.locked = False

    def _check(self) -> None:
        if self.locked:
            raise keyring.errors.KeyringLocked("locked")

    def get_password(self, service: str, username: str) -> str | None:
        self._check()
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._check()
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self._check()
        if (service, username) not in self.secrets:
            raise keyring.errors.PasswordDeleteError("not found")
        del self.secrets[(service, username)]


@pytest.fixture(autouse=True)
def _isolated(tmp_path_factory, monkeypatch):
    """No test touches the real keyring, home folder or database."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("APPDATA", str(home / "appdata"))
    monkeypatch.setenv("LOCALAPPDATA", str(home / "localappdata"))
    monkeypatch.delenv("COORDINATOR_DB", raising=False)
    monkeypatch.delenv("COORDINATOR_PASSPHRASE", raising=False)
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture
def memory_keyring() -> MemoryKeyring:
    return MemoryKeyring()


@pytest.fixture
def keystore(memory_keyring):
    """A KeyStore that trusts the in-memory keyring as if it were the system's."""
    from coordinator.storage.keystore import KeyStore

    return KeyStore(memory_keyring, trusted_modules=(MemoryKeyring.__module__,))


@pytest.fixture
def no_keystore():
    """A KeyStore over keyring's fail backend: 'not available here'."""
    from keyring.backends.fail import Keyring as FailKeyring

    from coordinator.storage.keystore import KeyStore

    return KeyStore(FailKeyring())


@pytest.fixture(scope="session")
def _template_db(tmp_path_factory) -> Path:
    """One freshly created database per run; tests get copies (creation costs two KDFs)."""
    from coordinator.services.setup import create_database

    path = tmp_path_factory.mktemp("template") / "template.db"
    create_database(path, PASSPHRASE, lock=False).close()
    return path


@pytest.fixture
def db_path(tmp_path, _template_db) -> Path:
    """Path of a fresh, empty, encrypted Coordinator database (closed)."""
    path = tmp_path / "coordinator.db"
    shutil.copyfile(_template_db, path)
    return path


@pytest.fixture
def vault(db_path):
    """The fresh database, open."""
    from coordinator.storage.vault import open_vault

    v = open_vault(db_path, PASSPHRASE)
    yield v
    v.close()
