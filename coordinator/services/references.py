"""People's references: short, stable, human ("M0042" for a mother, "V0007" for a
volunteer), shown in lists and forms, printed as "Our ref", accepted by the command line.

A reference is given once, when the record is first saved, and never reused: numbers come
from a counter that only goes up (models.reference), so a deleted record's reference is not
given to someone else. Rows saved through the ORM get theirs by themselves (a mapper event);
rows inserted in bulk (the importer, the demo) call assign() first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from coordinator.models import Mother, Volunteer
from coordinator.models.reference import PREFIXES, allocate, format_reference, raise_counter
from coordinator.services.sessions import Source, reading

__all__ = ["assign", "find_by_reference", "format_reference", "parse_reference"]

_MODELS: dict[str, Any] = {"mother": Mother, "volunteer": Volunteer}
_KIND_OF_PREFIX = {prefix: kind for kind, prefix in PREFIXES.items()}
_REFERENCE = re.compile(r"^\s*([A-Za-z])\s*-?\s*0*(\d{1,9})\s*$")


def parse_reference(text: str) -> tuple[str, int] | None:
    """("mother" | "volunteer", number) for "M0042", "m42", "V 7"; None for anything else."""
    found = _REFERENCE.match(text or "")
    if found is None:
        return None
    kind = _KIND_OF_PREFIX.get(found.group(1).upper())
    if kind is None:
        return None
    return kind, int(found.group(2))


def find_by_reference(source: Source, text: str) -> tuple[str, int] | None:
    """("mother" | "volunteer", database id) of the person with this reference, or None.

    Case, a space or a dash after the letter and leading zeros do not matter: "M0042",
    "m42" and "M-042" are one reference."""
    parsed = parse_reference(text)
    if parsed is None:
        return None
    kind, number = parsed
    model = _MODELS[kind]
    with reading(source) as session:
        found = session.scalar(
            select(model.id).where(model.reference == format_reference(kind, number))
        )
    return None if found is None else (kind, found)


def assign(session: Session | Connection, table: str, rows: Iterable[dict[str, Any]]) -> None:
    """Give each row about to be inserted into `table` its reference (other tables: nothing).

    A row may keep the reference it came with (an exported file read back into another
    database) when it is this kind's, not used yet and not given to an earlier row; every
    other row gets the next number."""
    kind = table if table in _MODELS else None
    if kind is None:
        return
    rows = list(rows)
    model = _MODELS[kind]
    offered: dict[str, int] = {}
    for row in rows:
        parsed = parse_reference(str(row.get("reference") or ""))
        if parsed is not None and parsed[0] == kind:
            offered.setdefault(format_reference(kind, parsed[1]), parsed[1])
    taken: set[str] = set()
    if offered:
        names = list(offered)
        for start in range(0, len(names), 500):
            taken.update(
                session.execute(
                    select(model.reference).where(model.reference.in_(names[start : start + 500]))
                ).scalars()
            )
    kept: set[str] = set()
    needing: list[dict[str, Any]] = []
    for row in rows:
        parsed = parse_reference(str(row.get("reference") or ""))
        reference = format_reference(kind, parsed[1]) if parsed and parsed[0] == kind else None
        if reference is not None and reference not in taken and reference not in kept:
            row["reference"] = reference
            kept.add(reference)
        else:
            needing.append(row)
    connection = session.connection() if isinstance(session, Session) else session
    if kept:
        raise_counter(connection, kind, max(offered[r] for r in kept))
    for row, number in zip(needing, allocate(connection, kind, len(needing)), strict=True):
        row["reference"] = format_reference(kind, number)
