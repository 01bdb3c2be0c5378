"""Keeping a record's own rows in step with a form: columns set, child rows and links
synced, and choices deleted meanwhile found before they break a foreign key."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import fields
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

T = TypeVar("T")


def form_values(blank: Any, row: Any, names: Iterable[str]) -> dict[str, Any]:
    """The row's values for these fields of a form; NULL becomes "" where the form holds text."""
    values = {}
    for name in names:
        value = getattr(row, name)
        values[name] = "" if value is None and isinstance(getattr(blank, name), str) else value
    return values


def item_from_row(item_type: type[T], row: Any) -> T:
    """A form list item (a dataclass) filled from the ORM row with the same field names.

    Text fields that are NULL in the database become "" (what an empty text box holds).
    """
    names = [f.name for f in fields(item_type)]  # type: ignore[arg-type]
    return item_type(**form_values(item_type(), row, names))


def apply_columns(obj: Any, values: dict[str, Any]) -> set[str]:
    """Set each attribute that differs; returns the names that changed."""
    changed = set()
    for name, value in values.items():
        if getattr(obj, name) != value:
            setattr(obj, name, value)
            changed.add(name)
    return changed


def sync_children(
    session: Session, rows: list[Any], items: list[dict[str, Any]], make: Callable[..., Any]
) -> bool:
    """Make an owner's child rows match `items` (dicts with an "id": None for new ones).

    Rows whose id is not among the items are deleted first (and flushed), so a unique key
    freed by a removed row can be used by a new one in the same save. Returns whether
    anything changed.
    """
    by_id = {row.id: row for row in rows}
    keep = {item["id"] for item in items if item.get("id") in by_id}
    changed = False
    for row in list(rows):
        if row.id not in keep:
            rows.remove(row)
            changed = True
    if changed:
        session.flush()
    for item in items:
        values = {k: v for k, v in item.items() if k != "id"}
        row = by_id.get(item.get("id"))
        if row is None:
            rows.append(make(**values))
            changed = True
        elif apply_columns(row, values):
            changed = True
    return changed


def sync_links(session: Session, current: list[Any], model: type, ids: Iterable[int]) -> bool:
    """Make a many-to-many list hold exactly the vocabulary rows with these ids."""
    wanted = set(ids)
    if {row.id for row in current} == wanted:
        return False
    rows = [session.get(model, i) for i in sorted(wanted)]
    current[:] = [row for row in rows if row is not None]
    return True


def sync_slots(rows: list[Any], slots: Iterable[tuple[int, Any]], make: Callable[..., Any]) -> bool:
    """Make availability rows hold exactly these (weekday, part of day) slots."""
    wanted = set(slots)
    have = {(row.weekday, row.part_of_day): row for row in rows}
    if set(have) == wanted:
        return False
    for key, row in have.items():
        if key not in wanted:
            rows.remove(row)
    for weekday, part in sorted(wanted - set(have)):
        rows.append(make(weekday=weekday, part_of_day=part))
    return True


def missing_ids(session: Session, model: type, ids: Iterable[int]) -> bool:
    return any(session.get(model, i) is None for i in set(ids))


#: Said beside a choice whose term, project or category was deleted while the form was open.
GONE_CHOICE = "That choice no longer exists: choose again."


def gone_choices(session: Session, model: type, values: dict[str, Any], key: str = "{}") -> dict:
    """Messages for the references among `values` (columns of `model`) whose row has been
    deleted meanwhile, keyed by `key` formatted with the column name; saving them would
    break a foreign key."""
    gone = {}
    for name, value in values.items():
        column = model.__table__.c.get(name)
        if value is None or column is None:
            continue
        for foreign_key in column.foreign_keys:
            target = foreign_key.column
            if session.execute(select(target).where(target == value)).first() is None:
                gone[key.format(name)] = GONE_CHOICE
    return gone
