"""Guesses about columns from what is in them: a date column of Excel day numbers saved as
text, a heading merged over several columns with headings under it, and a "Referred by"
column that holds kinds of referrer rather than names."""

from __future__ import annotations

from datetime import date, timedelta

from coordinator.models import ReferralSource
from coordinator.services.importing.fields import DATE, LIST_TYPES, enum_lookup, fields_of, norm
from coordinator.services.importing.header import (
    SPARE_FIELDS,
    Column,
    ColumnMapping,
    auto_field,
)
from coordinator.services.importing.readers import Row
from coordinator.services.importing.values import cell_text

#: Excel's day numbers of 1 Jan 1920 and 31 Dec 2099: a date column holding only whole
#: numbers in this range, written as text, is a column of dates saved in Excel's "General"
#: format. Outside it (or with any other value) the numbers are not taken for dates.
SERIAL_FIRST, SERIAL_LAST = 7306, 73415
_EXCEL_EPOCH = date(1899, 12, 30)


def is_serial_date_column(column: Column, body: list[Row]) -> bool:
    if column.field is None or column.field.type != DATE:
        return False
    given = [v for v in (cell_text(_at(row, column.index)) for row in body) if v]
    return (
        bool(given)
        and all(v.isdigit() and SERIAL_FIRST <= int(v) <= SERIAL_LAST for v in given)
        and any(isinstance(_at(row, column.index), str) for row in body)
    )


def serial_date(number: int) -> date:
    return _EXCEL_EPOCH + timedelta(days=number)


def sub_headings(kind: str, rows: list[Row], header_index: int) -> int:
    """A heading merged over several columns ("Languages spoken" over "main" | "other")
    with the headings under it: the two rows make one, "Languages spoken (main)", and its
    index is returned. Else the header row is left as it is.

    In a CSV file a merged heading is written once, over blank headings: a blank heading
    right after one naming a field several columns can give (a list, a mother's language),
    over a column with something in it, continues that heading (as Excel's merge would), so
    "Languages spoken", "" is read as two columns of it."""
    header = _continued(kind, rows, header_index)
    grouped = {
        i
        for i, text in enumerate(header)
        if text
        and ((i > 0 and header[i - 1] == text) or (i + 1 < len(header) and header[i + 1] == text))
    }
    if not grouped or header_index + 1 >= len(rows):
        return header_index
    under = [cell_text(c) for c in rows[header_index + 1]]
    under += [None] * (len(header) - len(under))
    # Under the group, its headings; elsewhere nothing, or a heading merged down two rows.
    named = {i for i in grouped if under[i]}
    others = [i for i, text in enumerate(under) if text and i not in grouped]
    if not named or any(i >= len(header) or under[i] != header[i] for i in others):
        return header_index
    rows[header_index + 1] = [
        f"{text} ({under[i]})" if i in named else text for i, text in enumerate(header)
    ]
    return header_index + 1


def _continued(kind: str, rows: list[Row], header_index: int) -> list[str | None]:
    header = [cell_text(c) for c in rows[header_index]]
    width = max((len(r) for r in rows[header_index:]), default=0)
    header += [None] * (width - len(header))
    body = rows[header_index + 1 :]
    changed = False
    for i in range(1, width):
        if (
            header[i] is None
            and header[i - 1]
            and _several_columns(kind, header[i - 1])
            and any(cell_text(_at(r, i)) for r in body)
        ):
            header[i] = header[i - 1]
            changed = True
    if changed:
        rows[header_index] = list(header)
    return header


def _several_columns(kind: str, header: str) -> bool:
    field = auto_field(kind, header)
    return field is not None and (field.type in LIST_TYPES or field.name in SPARE_FIELDS)


def sources_given_as_referrer(
    kind: str, columns: list[Column], body: list[Row], cmap: ColumnMapping
) -> list[Column]:
    """A "Referred by" column that holds kinds of referrer ("GP", "Midwife", "Self") gives
    the referral source, not the referrer's name, even with a few other values in it (they
    are asked about before importing); another column named for the referrer ("Referrer")
    then gives the name. Not when a mapping says otherwise or a column gives the source."""
    if kind != "mothers" or any(c.field and c.field.name == "referral_source" for c in columns):
        return columns
    by_name = {f.name: f for f in fields_of(kind)}
    candidates = [
        c
        for c in columns
        if not cmap.get(c.name)[0]
        and (field := auto_field(kind, c.name)) is not None
        and field.name == "referrer_name"
    ]
    shares = {c.index: _source_share(c, body) for c in candidates}
    sources = [c for c in candidates if shares[c.index] >= SOURCE_SHARE]
    if not sources:
        return columns
    source = max(sources, key=lambda c: shares[c.index])
    names = [c for c in candidates if c is not source]
    name = names[0] if names else None
    out = []
    for column in columns:
        if column is source:
            column = Column(column.index, column.name, by_name["referral_source"], None)
        elif column is name and column.field is None:
            column = Column(column.index, column.name, by_name["referrer_name"], None)
        out.append(column)
    return out


#: The share of a "Referred by" column's values that must be kinds of referrer for it to
#: be read as the referral source: most, not all (a new word like "Perinatal MH team" or a
#: one-off "Family nurse" does not make it a column of names).
SOURCE_SHARE = 0.6


def _source_share(column: Column, body: list[Row]) -> float:
    sources = enum_lookup(ReferralSource)
    given = [norm(v) for v in (cell_text(_at(row, column.index)) for row in body) if v]
    return sum(v in sources for v in given) / len(given) if given else 0.0


def _at(row: Row, index: int) -> object:
    return row[index] if index < len(row) else None
