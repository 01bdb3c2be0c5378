"""Use cases, free of Qt: each takes a Vault (or Session) and returns plain values."""
