"""Unsaved forms kept across a lock, inside the encrypted database.

When the window locks, each page with unsaved changes hands over its form's values as a
dict; they are kept as JSON in the `draft` table and offered back, filled in, after
unlocking. A passphrase is never kept: any key that names one is dropped, at any depth.
One draft per form and record: saving again replaces the earlier one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select

from coordinator.models import Draft
from coordinator.storage.vault import Vault

#: A key containing any of these words is a secret and is never written to a draft.
SECRET_WORDS = ("passphrase", "password", "secret")


@dataclass(frozen=True)
class PendingDraft:
    id: int
    form: str
    record_id: int | None
    saved_at: datetime  # UTC


def is_secret(key: str) -> bool:
    name = str(key).lower()
    return any(word in name for word in SECRET_WORDS)


def _without_secrets(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_secrets(v) for k, v in value.items() if not is_secret(k)}
    if isinstance(value, list | tuple):
        return [_without_secrets(v) for v in value]
    return value


def _same_form(form: str, record_id: int | None):
    record = Draft.record_id.is_(None) if record_id is None else Draft.record_id == record_id
    return (Draft.form == form) & record


def save(vault: Vault, form: str, record_id: int | None, payload: dict[str, Any]) -> int:
    """Keep a form's unsaved values; returns the draft's id. TypeError if not JSON-able."""
    if not isinstance(payload, dict):
        raise TypeError("a draft's payload is a dict")
    text = json.dumps(_without_secrets(payload), ensure_ascii=False)
    with vault.transaction() as session:
        session.execute(delete(Draft).where(_same_form(form, record_id)))
        draft = Draft(form=form, record_id=record_id, payload=text)
        session.add(draft)
        session.flush()
        return draft.id


def pending(vault: Vault) -> list[PendingDraft]:
    """Every kept draft, oldest first."""
    with vault.session() as session:
        rows = session.execute(
            select(Draft.id, Draft.form, Draft.record_id, Draft.saved_at).order_by(
                Draft.saved_at, Draft.id
            )
        ).all()
    return [PendingDraft(*row) for row in rows]


def load(vault: Vault, draft_id: int) -> dict[str, Any]:
    """The values kept in a draft; KeyError if there is no such draft."""
    with vault.session() as session:
        draft = session.get(Draft, draft_id)
        if draft is None:
            raise KeyError(draft_id)
        payload = json.loads(draft.payload)
    return payload if isinstance(payload, dict) else {}


def discard(vault: Vault, draft_id: int) -> None:
    """Delete a draft (once applied, or when the user no longer wants it). No error if gone."""
    with vault.transaction() as session:
        session.execute(delete(Draft).where(Draft.id == draft_id))
