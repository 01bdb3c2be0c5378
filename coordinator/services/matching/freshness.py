"""Which commits can change what ranking reads about volunteers.

The volunteer pool (pool.py) is kept between rankings and read again only after a commit
that wrote to a table it depends on. Most of a coordinator's saves (a contact logged, a
mother's record edited, a letter recorded, a supervision note) write nowhere near it, so
the matching wizard opened after them ranks at once instead of reading 5,000 volunteers
again.

Every statement sent through the engine is seen here (ORM flushes, Core statements and raw
SQL alike). A write counts as harmless only when its target is one of the tables below,
none of which the pool reads or reaches through a cascade; any other write, and any
statement that is neither a read nor a known write, marks the transaction as changing the
pool. Being wrong that way only costs a read.
"""

from __future__ import annotations

import re
import weakref
from typing import Any

from sqlalchemy import Engine, event

#: Tables the volunteer pool neither reads nor is changed through (by cascade or trigger).
HARMLESS_TABLES = frozenset(
    {
        "audit_event",
        "checklist_template",
        "checklist_template_item",
        "consent",
        "contact",
        "contact_support",
        "draft",
        "ending_checklist_answer",
        "letter_sent",
        "local_service",
        "mother",
        "mother_availability",
        "mother_stage_change",
        "professional",
        "reference_counter",
        "safeguarding_concern",
        "service_category",
        "setting",
        "supervision_action",
        "supervision_session",
    }
)
_WRITE = re.compile(
    r"\s*(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)"
    r"\s+[\"`\[]?(\w+)",
    re.IGNORECASE,
)
_READS = ("SELECT", "PRAGMA", "BEGIN", "SAVEPOINT", "RELEASE", "ROLLBACK", "COMMIT")
_WRITES_IN_WITH = re.compile(r"\b(?:INSERT|UPDATE|DELETE|REPLACE)\b", re.IGNORECASE)
_STALE = "coordinator.pool_stale"
#: Set when a transaction begins while watched: one begun before watching counts as a change.
_WATCHED = "coordinator.pool_watched"

#: engine -> how many commits that could change the pool it has seen in this process.
_CHANGES: weakref.WeakKeyDictionary[Engine, int] = weakref.WeakKeyDictionary()


def changes_pool(statement: str) -> bool:
    """True when running this statement could change what the pool reads."""
    head = statement.lstrip()[:12].upper()
    if head.startswith(_READS):
        return False
    if head.startswith("WITH"):
        return _WRITES_IN_WITH.search(statement) is not None
    found = _WRITE.match(statement)
    return found is None or found.group(1).lower() not in HARMLESS_TABLES


def _seen(conn: Any, cursor: Any, statement: str, *_args: Any) -> None:
    if not conn.info.get(_STALE) and changes_pool(statement):
        conn.info[_STALE] = True


def _began(conn: Any) -> None:
    conn.info[_WATCHED] = True


def _committed(conn: Any) -> None:
    watched = conn.info.pop(_WATCHED, False)
    if conn.info.pop(_STALE, False) or not watched:
        engine = conn.engine
        _CHANGES[engine] = _CHANGES.get(engine, 0) + 1


def _rolled_back(conn: Any) -> None:
    conn.info.pop(_STALE, None)
    conn.info.pop(_WATCHED, None)


def pool_version(engine: Engine) -> int:
    """A number that grows with each commit that could have changed the pool (watching
    starts at the first call: nothing is kept before it)."""
    if not event.contains(engine, "commit", _committed):
        event.listen(engine, "begin", _began)
        event.listen(engine, "before_cursor_execute", _seen)
        event.listen(engine, "commit", _committed)
        event.listen(engine, "rollback", _rolled_back)
    return _CHANGES.setdefault(engine, 0)
