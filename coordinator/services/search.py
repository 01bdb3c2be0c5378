"""Search-as-you-type over the FTS5 indexes inside the encrypted database.

The indexes (`mother_fts`, `volunteer_fts`, `service_fts`; migration 0002) are kept current
by triggers on every insert, update and delete, so nothing here has to be called when a
record changes. What is indexed:

- mothers: full name, preferred name, postcode (also without its space), phone (also as
  digits only), referrer's name and agency, reference (M0042; migration 0004);
- volunteers: full name, preferred name, postcode (both ways), phone (both ways), email,
  reference (V0007);
- local services: name, category, area, notes.

What the user typed is never passed to FTS5 as query syntax: each word becomes a quoted
prefix phrase ("wis"*), and the words are ANDed. So `o'brien`, `"`, `*`, `-`, `NEAR`, `:`
and brackets are all just text. Accents are ignored both ways (Wisniewska finds
Wiśniewska); ł, ø, đ, ß and a few other letters with no accent to remove are folded the same
way the index folds them. Text that looks like a phone number is also looked up as digits
(+44 becomes 0), so "+44 7700 900123" and "077009 00123" find 07700 900123.
"""

from __future__ import annotations

import re
from typing import Literal

from sqlalchemy import text as sql_text
from sqlalchemy.orm import Session

from coordinator.services.sessions import Source, reading

Kind = Literal["mother", "volunteer", "service"]

#: The FTS5 table of each kind of record (rowid = the record's id).
FTS_TABLES: dict[str, str] = {
    "mother": "mother_fts",
    "volunteer": "volunteer_fts",
    "service": "service_fts",
}
_HAS_PHONE = {"mother", "volunteer"}

# The same folds as the index (migration 0002): letters remove_diacritics cannot simplify.
_FOLDS = str.maketrans(
    {
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ı": "i",
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
    }
)
_PHONE_LIKE = re.compile(r"^[\d\s+().\-/]+$")
_MIN_PHONE_DIGITS = 3


def _table(kind: str) -> str:
    try:
        return FTS_TABLES[kind]
    except KeyError:
        raise ValueError(f"unknown kind of record: {kind!r}") from None


def _clean(text: str) -> str:
    """Drop what SQLite cannot take (NUL, lone surrogates) and fold like the index."""
    text = "".join(ch for ch in text if ch != "\x00" and not "\ud800" <= ch <= "\udfff")
    return text.translate(_FOLDS)


def _quoted(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def words(text: str) -> list[str]:
    """The searchable words of what was typed: those with at least one letter or digit."""
    return [w for w in _clean(text or "").split() if any(ch.isalnum() for ch in w)]


def phone_digits(text: str) -> str | None:
    """The digits of a phone-number-like text (+44 as 0), or None when it is not one."""
    text = (text or "").strip()
    if not _PHONE_LIKE.match(text):
        return None
    digits = re.sub(r"\D", "", text)
    if text.startswith("+44") or (text.startswith("0044") and len(digits) > 4):
        digits = "0" + digits[2:] if text.startswith("+") else "0" + digits[4:]
    return digits if len(digits) >= _MIN_PHONE_DIGITS else None


def match_expression(kind: str, text: str) -> str | None:
    """The FTS5 MATCH string for what the user typed, or None when there is nothing to find.

    Every word is a quoted prefix phrase, so no input can be read as query syntax.
    """
    _table(kind)
    found = words(text)
    if not found:
        return None
    expression = " AND ".join(f"{_quoted(w)}*" for w in found)
    digits = phone_digits(text) if kind in _HAS_PHONE else None
    if digits is not None and [digits] != found:  # typed digits alone already match them
        expression = f"({expression}) OR phone_digits : {_quoted(digits)}*"
    return expression


def ids(session: Session | Source, kind: str, text: str, limit: int | None = None) -> list[int]:
    """Ids of the records of this kind matching every typed word, in id order.

    Nothing searchable typed (empty, or only punctuation) gives an empty list.
    """
    table = _table(kind)
    expression = match_expression(kind, text)
    if expression is None:
        return []
    statement = f"SELECT rowid FROM {table} WHERE {table} MATCH :q ORDER BY rowid"
    params: dict[str, object] = {"q": expression}
    if limit is not None:
        statement += " LIMIT :limit"
        params["limit"] = max(0, int(limit))
    with reading(session) as s:
        return list(s.execute(sql_text(statement), params).scalars())


def rebuild(session: Session, kind: str | None = None) -> None:
    """Rebuild an index (or all) from the records: a repair, never needed in normal use."""
    for name in [kind] if kind else list(FTS_TABLES):
        table = _table(name)
        session.execute(sql_text(f"INSERT INTO {table}({table}) VALUES ('rebuild')"))


def inconsistent_indexes(session: Session) -> list[str]:
    """Kinds whose index does not match the records (empty when all is well)."""
    bad = []
    for kind, table in FTS_TABLES.items():
        try:
            with session.begin_nested():
                session.execute(
                    sql_text(f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)")
                )
        except Exception:  # noqa: BLE001 - SQLite reports a damaged index as "malformed"
            bad.append(kind)
    return bad
