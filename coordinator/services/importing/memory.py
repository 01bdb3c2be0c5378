"""The column choices she made for a file, remembered for the next file with the same
columns (the same export from the same system, month after month).

Kept in the encrypted database as one setting: the kind and the file's column headers
(normalised, hashed: a header is not personal data, but nothing needs it in clear) ->
column header -> field name ("" = not imported). Only choices that differ from what the
importer would guess are kept; the newest MAX_REMEMBERED layouts are kept.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping

from sqlalchemy.orm import Session

from coordinator.services import settings
from coordinator.services.importing.fields import norm

REMEMBERED = settings.Declared[dict](
    "import.remembered_mappings",
    dict,
    {},
    "Column choices made on import, by the columns of the file",
)
#: How many file layouts are remembered (a charity has a handful of spreadsheets).
MAX_REMEMBERED = 30


def layout_key(kind: str, headers: list[str]) -> str:
    text = "\x1f".join([kind, *(norm(h) for h in headers)])
    return hashlib.sha256(text.encode()).hexdigest()


def recalled(session: Session, kind: str, headers: list[str]) -> dict[str, str] | None:
    """Her choices for a file with these columns, or None."""
    found = settings.get(session, REMEMBERED).get(layout_key(kind, headers))
    if not isinstance(found, dict):
        return None
    return {str(k): str(v or "") for k, v in found.items()}


def remember(
    session: Session,
    kind: str,
    headers: list[str],
    chosen: Mapping[str, str],
    guessed: Mapping[str, str],
) -> None:
    """Keep her choices for these columns when they differ from the guess (else forget)."""
    key = layout_key(kind, headers)
    stored = dict(settings.get(session, REMEMBERED))
    differs = any(chosen.get(h, "") != guessed.get(h, "") for h in headers)
    if differs:
        stored.pop(key, None)
        stored[key] = {h: chosen.get(h, "") for h in headers}  # newest last
        while len(stored) > MAX_REMEMBERED:
            stored.pop(next(iter(stored)))
    elif key in stored:
        del stored[key]
    else:
        return
    settings.put(session, REMEMBERED, stored)
