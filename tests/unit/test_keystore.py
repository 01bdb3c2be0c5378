"""'Remember on this PC' only with a system keyring; its failures never look like a bad passphrase."""

from __future__ import annotations

import pytest
from keyring.backends import null
from keyring.backends.chainer import ChainerBackend
from keyring.backends.fail import Keyring as FailKeyring

from coordinator.storage.errors import KeyringUnavailable
from coordinator.storage.keystore import LOCKED, NOT_AVAILABLE, KeyStore
from tests.conftest import MemoryKeyring


def test_fail_backend_means_not_available_here(tmp_path):
    store = KeyStore(FailKeyring())
    assert not store.is_available()
    assert store.unavailable_reason() == NOT_AVAILABLE
    with pytest.raises(KeyringUnavailable) as caught:
        store.remember(tmp_path / "a.db", "secret words here")
    assert "cannot be remembered" in str(caught.value)


def test_null_backend_means_not_available_here():
    assert not KeyStore(null.Keyring()).is_available()


def test_plaintext_third_party_backend_is_never_trusted(tmp_path):
    plaintext = type("PlaintextKeyring", (MemoryKeyring,), {"__module__": "keyrings.alt.file"})()
    store = KeyStore(plaintext)
    assert not store.is_available()
    with pytest.raises(KeyringUnavailable):
        store.remember(tmp_path / "a.db", "secret words here")
    assert plaintext.secrets == {}


def test_system_backend_inside_a_chainer_is_used(tmp_path):
    secret_service = type(
        "FakeSecretService", (MemoryKeyring,), {"__module__": "keyring.backends.SecretService"}
    )()
    chainer_class = type("Chain", (ChainerBackend,), {"backends": [null.Keyring(), secret_service]})
    store = KeyStore(chainer_class())
    assert store.is_available()
    store.remember(tmp_path / "a.db", "secret words here")
    assert store.recall(tmp_path / "a.db") == "secret words here"


def test_remembered_key_belongs_to_one_database(keystore, tmp_path):
    keystore.remember(tmp_path / "a.db", "first key words")
    keystore.remember(tmp_path / "b.db", "second key words")
    assert keystore.recall(tmp_path / "a.db") == "first key words"
    assert keystore.recall(tmp_path / "b.db") == "second key words"
    assert keystore.recall(tmp_path / "c.db") is None
    keystore.forget(tmp_path / "a.db")
    assert keystore.recall(tmp_path / "a.db") is None
    keystore.forget(tmp_path / "a.db")  # forgetting twice is harmless


def test_locked_keyring_has_its_own_message(keystore, memory_keyring, tmp_path):
    keystore.remember(tmp_path / "a.db", "some words")
    memory_keyring.locked = True
    with pytest.raises(KeyringUnavailable) as caught:
        keystore.recall(tmp_path / "a.db")
    assert caught.value.reason == LOCKED
    assert "passphrase" in LOCKED and "wrong" not in LOCKED.lower()
    assert not keystore.has_remembered(tmp_path / "a.db")
