"""SQL helpers the list queries share (see coordinator.services.listing)."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, Select, func, select, text
from sqlalchemy.orm import Session
from sqlalchemy.sql import operators
from sqlalchemy.sql.elements import UnaryExpression

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


def unindexed(column: Any) -> Any:
    """`+column`: the same value, but SQLite will not reach the rows through its index.

    For a search, the hits are fewer than the rows a filter's index would lead to, so the
    filters are checked on each hit's row instead.
    """
    return UnaryExpression(column, operator=operators.custom_op("+"), type_=column.type)


def id_array(statement: Select[Any]) -> Select[Any]:
    """A one-column id query as one JSON array in its order: one row to fetch, not thousands."""
    in_order = statement.subquery()
    return select(func.json_group_array(in_order.c[0]))


def ids_in_order(
    connection: Connection | Session, statement: Select[Any], params: dict[str, Any]
) -> list[int]:
    """Run an `id_array` query."""
    return list(json.loads(connection.execute(statement, params).scalar_one()))


def json_ids(session: Session, statement: Select[Any], params: dict[str, Any]) -> list[int]:
    """Run a one-column id query, returning the ids in its order (one row, not thousands)."""
    return ids_in_order(session, id_array(statement), params)


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
