"""Encrypted storage: the vault (SQLCipher), the key store (keyring), locks and migrations."""
