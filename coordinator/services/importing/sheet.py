"""A file read and its columns decided: shared by the preview (for the dialog) and the import."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from coordinator.models import ReferralSource
from coordinator.services.importing.fields import (
    DATE,
    DBS_FIELDS,
    KINDS,
    LIST_TYPES,
    enum_lookup,
    fields_of,
    norm,
)
from coordinator.services.importing.header import (
    Column,
    ColumnMapping,
    auto_field,
    find_header,
    header_score,
    map_columns,
)
from coordinator.services.importing.readers import ImportFileError, Row, Table, read_table
from coordinator.services.importing.report import (
    FieldChoice,
    Preview,
    PreviewColumn,
    PreviewRow,
)
from coordinator.services.importing.values import cell_text, format_date

#: The fields that must be given, per kind (first_name/last_name can stand in for full_name).
#: A mother's referral date is not among them: without its column, each mother is referred
#: on the day of the import (with the column, a row without a date is rejected).
REQUIRED = {
    "mothers": ("full_name",),
    "volunteers": ("full_name",),
    "services": ("name",),
}


#: Excel's day numbers of 1 Jan 1920 and 31 Dec 2099: a date column holding only whole
#: numbers in this range, written as text, is a column of dates saved in Excel's "General"
#: format. Outside it (or with any other value) the numbers are not taken for dates.
SERIAL_FIRST, SERIAL_LAST = 7306, 73415
_EXCEL_EPOCH = date(1899, 12, 30)


#: A row of totals under the records ("TOTAL", "Total volunteers: 12", "Grand total"): its
#: first cell starts with the word; no one's name does.
FOOTER = re.compile(r"^(grand\s+|sub\s*)?totals?\b", re.IGNORECASE)


@dataclass
class Sheet:
    """A file read and its columns decided."""

    table: Table
    header_index: int
    columns: list[Column]
    #: Indexes of the date columns read as Excel day numbers.
    serial_dates: set[int] = field(default_factory=set)
    #: (row number, first cell) of the rows of totals under the records: not imported.
    footers: list[tuple[int, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        first = self.header_index + 1
        self._data: list[tuple[int, Row]] = []
        for i, row in enumerate(self.table.rows[first:], start=first):
            texts = [t for t in (cell_text(c) for c in row) if t]
            if not texts:
                continue
            if FOOTER.match(texts[0]):
                self.footers.append((i + 1, texts[0]))
            else:
                self._data.append((i + 1, row))

    def data(self) -> list[tuple[int, Row]]:
        """(spreadsheet row number, cells) of each non-empty row under the header, rows of
        totals left out."""
        return self._data

    @property
    def unmapped(self) -> list[str]:
        return [c.name for c in self.columns if c.field is None]

    def missing(self, kind: str) -> list[str]:
        """Headers of required fields that no column gives."""
        given = {c.field.name for c in self.columns if c.field is not None}
        if {"first_name", "last_name"} & given:
            given.add("full_name")
        by_name = {f.name: f for f in fields_of(kind)}
        return [by_name[n].header for n in REQUIRED[kind] if n not in given]


def field_choices(kind: str) -> list[FieldChoice]:
    """Every field a column can be mapped to, in form order, for the dialog's choices."""
    required = set(REQUIRED[_check_kind(kind)])
    return [
        FieldChoice(f.name, f.header, f.name in required, f.type in LIST_TYPES)
        for f in fields_of(kind)
    ]


def _check_kind(kind: str) -> str:
    if kind not in KINDS:
        raise ImportFileError(f"Cannot import '{kind}': choose {', '.join(KINDS)}.")
    return kind


def read_sheet(path: Path | str, kind: str, mapping: Mapping[str, str] | None) -> Sheet:
    cmap = ColumnMapping(_check_kind(kind), mapping)
    table = read_table(Path(path), lambda rows: header_score(kind, rows, cmap))
    header_index = sub_headings(table.rows, find_header(kind, table.rows, cmap))
    body = table.rows[header_index + 1 :]
    width = max((len(r) for r in body), default=0)
    columns = map_columns(kind, table.rows[header_index], width, cmap)
    # A blank-headed column is worth mentioning only if something is in it.
    columns = [
        c
        for c in columns
        if c.field is not None
        or cell_text(_at(table.rows[header_index], c.index))
        or any(cell_text(_at(r, c.index)) for r in body)
    ]
    columns = _sources_given_as_referrer(kind, columns, body, cmap)
    serials = {c.index for c in columns if _is_serial_date_column(c, body)}
    for key, header in cmap.keys.items():
        if not any(key == norm(c.name) for c in columns):
            table.notes.append(f"The mapping mentions '{header}', which is not a column here.")
    return Sheet(table, header_index, columns, serials)


def _is_serial_date_column(column: Column, body: list[Row]) -> bool:
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


def sub_headings(rows: list[Row], header_index: int) -> int:
    """A heading merged over several columns ("Languages spoken" over "main" | "other")
    with the headings under it: the two rows make one, "Languages spoken (main)", and its
    index is returned. Else the header row is left as it is."""
    header = [cell_text(c) for c in rows[header_index]]
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


def _sources_given_as_referrer(
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


def preview(
    path: Path | str, kind: str, mapping: Mapping[str, str] | None = None, *, rows: int = 20
) -> Preview:
    """The header row found, each column's field, and the first rows: for the dialog."""
    sheet = read_sheet(path, kind, mapping)
    data = sheet.data()
    width = len(sheet.columns)
    return Preview(
        kind=kind,
        format=sheet.table.format,
        sheet=sheet.table.sheet,
        header_row=sheet.header_index + 1,
        columns=[
            PreviewColumn(c.index, c.name, c.field.name if c.field else None, c.why_not)
            for c in sheet.columns
        ],
        rows=[PreviewRow(n, row_texts(sheet.columns, cells)[:width]) for n, cells in data[:rows]],
        total_rows=len(data),
        unmapped=sheet.unmapped,
        missing_required=sheet.missing(kind),
        notes=list(sheet.table.notes) + sheet_notes(kind, sheet),
    )


def row_texts(columns: list[Column], row: Row) -> tuple[str, ...]:
    return tuple(cell_text(_at(row, c.index)) or "" for c in columns)


def sheet_notes(kind: str, sheet: Sheet) -> list[str]:
    notes = []
    given = {c.field.name for c in sheet.columns if c.field is not None}
    if kind == "mothers" and "referral_received_on" not in given:
        notes.append(
            "There is no referral date column: each mother's referral date is the date of "
            "the import."
        )
    if kind == "mothers" and "stage" in given and "stage_changed_on" not in given:
        notes.append(
            "There is no stage date column: each mother's stage date is her referral date."
        )
    if kind == "volunteers" and "status" in given and "status_since" not in given:
        notes.append(
            "There is no status date column: each volunteer's status date is the date of the "
            "import."
        )
    dbs_given = given & set(DBS_FIELDS)
    for needed, header in (("dbs_check_type", "DBS type"), ("dbs_issue_date", "DBS issue date")):
        if kind == "volunteers" and dbs_given and needed not in given:
            notes.append(
                f"There is no {header} column: a row with DBS details cannot be imported "
                f"without it. Add a '{header}' column, or choose Don't import for the other "
                "DBS columns."
            )
    for number, text in sheet.footers:
        notes.append(f"Row {number} ('{text}') is a total, not a record: it was not imported.")
    for c in sheet.columns:
        if c.index in sheet.serial_dates:
            first = next(v for v in (cell_text(_at(r, c.index)) for _, r in sheet.data()) if v)
            notes.append(
                f"'{c.name}' holds Excel day numbers (such as {first}): they were read as "
                f"dates ({first} is {format_date(serial_date(int(first)))})."
            )
        if c.field is None and c.why_not and "already" in c.why_not:
            notes.append(f"'{c.name}' is not imported: {c.why_not}.")
    return notes
