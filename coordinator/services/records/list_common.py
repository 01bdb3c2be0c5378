"""SQL helpers the list queries share (see coordinator.services.listing)."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Select, func, select, text
from sqlalchemy.orm import Session

#: Page cache for list queries (KiB): big enough to hold the list columns of 50,000 records.
LIST_CACHE_KIB = 65536
ROWS_PER_QUERY = 500


def tune(session: Session) -> None:
    """Give this connection a page cache big enough for list queries (once per connection)."""
    connection = session.connection()
    if not connection.info.get("coordinator.list_cache"):
        connection.exec_driver_sql(f"PRAGMA cache_size = -{LIST_CACHE_KIB}")
        connection.info["coordinator.list_cache"] = True


def fts_ids(table: str) -> Any:
    """`id IN (this)` limits a query to the search hits of the bound parameter :q."""
    return text(f"SELECT rowid FROM {table} WHERE {table} MATCH :q")


def json_ids(session: Session, statement: Select[Any], params: dict[str, Any]) -> list[int]:
    """Run a one-column id query, returning the ids in its order (one row, not thousands)."""
    ordered = statement.subquery()
    wrapped = select(func.json_group_array(ordered.c[0]))
    return list(json.loads(session.execute(wrapped, params).scalar_one()))


def ordered(key: Any, descending: bool, *ties: Any) -> list[Any]:
    """ORDER BY key (empty values last either way), then the tie-breakers."""
    first = key.desc() if descending else key.asc()
    return [first.nulls_last(), *ties]


def display_name(full_name: str, preferred: str | None) -> str:
    """'Małgorzata Nowak (Gosia)'; no brackets when the preferred name adds nothing."""
    if not preferred or preferred.casefold() in full_name.casefold().split():
        return full_name
    return (
        full_name if preferred.casefold() == full_name.casefold() else f"{full_name} ({preferred})"
    )


def area_text(town: str | None, postcode: str | None) -> str:
    district = postcode.split()[0] if postcode else None
    return ", ".join(part for part in (town, district) if part)


def chunks(ids: list[int]) -> list[list[int]]:
    return [ids[i : i + ROWS_PER_QUERY] for i in range(0, len(ids), ROWS_PER_QUERY)]
