"""Where a read takes its session from: a Session the caller holds, or a Vault (a short-lived
Session, closed afterwards). Writes always open their own transaction on the Vault."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from sqlalchemy.orm import Session

from coordinator.storage.vault import Vault

#: Where a read can take its session from.
Source = Session | Vault


@contextlib.contextmanager
def reading(source: Source) -> Iterator[Session]:
    """The given Session, or a short-lived one from a Vault (closed afterwards)."""
    if isinstance(source, Session):
        yield source
        return
    with source.session() as session:
        yield session
