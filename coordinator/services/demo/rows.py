"""Rows waiting to be inserted: built as plain dicts with explicit ids, written in batches."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy.orm import Session

from coordinator import models as m
from coordinator.services import references

BATCH_ROWS = 5000
#: Every table, parents before children: the order rows are inserted in.
TABLES = {t.name: t for t in m.Base.metadata.sorted_tables}
#: Tables whose ids the demo assigns itself (other rows refer to them).
ID_TABLES = "project local_service volunteer mother match contact ending supervision_session"


class Rows:
    """Rows waiting to be inserted, written table by table in foreign-key order."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.pending: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
        self.counts = dict.fromkeys(TABLES, 0)

    def add(self, table: str, **row: Any) -> None:
        self.pending[table].append(row)

    def add_each(self, table: str, column: str, values: Iterable[Any], **owner: Any) -> None:
        """One row per value: a link table's rows for one owner."""
        for value in values:
            self.add(table, **owner, **{column: value})

    def add_slots(self, table: str, slots: Iterable[tuple[int, m.PartOfDay]], **owner: Any) -> None:
        """One row per weekday and part of day someone is free."""
        for day, part in slots:
            self.add(table, **owner, weekday=day, part_of_day=part)

    def flush(self) -> None:
        for name, rows in self.pending.items():
            references.assign(self.session, name, rows)
            for start in range(0, len(rows), BATCH_ROWS):
                self.session.execute(TABLES[name].insert(), rows[start : start + BATCH_ROWS])
            self.counts[name] += len(rows)
            rows.clear()
