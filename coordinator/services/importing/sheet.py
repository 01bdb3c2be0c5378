"""A file read and its columns decided: shared by the preview (for the dialog) and the import."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from coordinator.services.importing.fields import (
    DBS_FIELDS,
    KINDS,
    LIST_TYPES,
    fields_of,
    norm,
)
from coordinator.services.importing.guess import (
    is_serial_date_column,
    serial_date,
    sources_given_as_referrer,
    sub_headings,
)
from coordinator.services.importing.header import (
    Column,
    ColumnMapping,
    find_header,
    header_score,
    map_columns,
)
from coordinator.services.importing.memory import recalled
from coordinator.services.importing.readers import ImportFileError, Row, Table, read_table
from coordinator.services.importing.report import (
    FieldChoice,
    Preview,
    PreviewColumn,
    PreviewRow,
)
from coordinator.services.importing.values import cell_text, format_date
from coordinator.storage.vault import Vault

#: The fields that must be given, per kind (first_name/last_name can stand in for full_name).
#: A mother's referral date is not among them: without its column, each mother is referred
#: on the day of the import (with the column, a row without a date is rejected).
REQUIRED = {
    "mothers": ("full_name",),
    "volunteers": ("full_name",),
    "services": ("name",),
}


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
    #: What each column would be without a mapping: header -> field name or "".
    guessed: dict[str, str] = field(default_factory=dict)

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


#: Gives her remembered column choices for a file with these column headers, or None.
Recall = Callable[[list[str]], Mapping[str, str] | None]


def read_sheet(
    path: Path | str, kind: str, mapping: Mapping[str, str] | None, recall: Recall | None = None
) -> Sheet:
    """The file read and its columns decided: by `mapping`, else by the choices `recall`
    gives for its columns, else by the usual header spellings and what the columns hold."""
    cmap = ColumnMapping(_check_kind(kind), mapping)
    table = read_table(Path(path), lambda rows: header_score(kind, rows, cmap))
    header_index = sub_headings(kind, table.rows, find_header(kind, table.rows, cmap))
    guessed = _columns(kind, table.rows, header_index, ColumnMapping(kind, None))
    remembered = None
    if mapping is None and recall is not None:
        remembered = recall([c.name for c in guessed])
        if remembered:
            try:
                cmap = ColumnMapping(kind, remembered)
            except ImportFileError:  # a field that no longer exists: guess afresh
                remembered = None
    columns = _columns(kind, table.rows, header_index, cmap) if cmap.fields else guessed
    body = table.rows[header_index + 1 :]
    serials = {c.index for c in columns if is_serial_date_column(c, body)}
    if remembered:
        table.notes.append(
            "The columns are matched as you chose last time for a file with these columns."
        )
    for key, header in cmap.keys.items():
        if not remembered and not any(key == norm(c.name) for c in columns):
            table.notes.append(f"The mapping mentions '{header}', which is not a column here.")
    sheet = Sheet(table, header_index, columns, serials)
    sheet.guessed = {c.name: c.field.name if c.field else "" for c in guessed}
    return sheet


def _columns(kind: str, rows: list[Row], header_index: int, cmap: ColumnMapping) -> list[Column]:
    body = rows[header_index + 1 :]
    width = max((len(r) for r in body), default=0)
    columns = map_columns(kind, rows[header_index], width, cmap)
    # A blank-headed column is worth mentioning only if something is in it.
    columns = [
        c
        for c in columns
        if c.field is not None
        or cell_text(_at(rows[header_index], c.index))
        or any(cell_text(_at(r, c.index)) for r in body)
    ]
    return sources_given_as_referrer(kind, columns, body, cmap)


def _at(row: Row, index: int) -> object:
    return row[index] if index < len(row) else None


def preview(
    path: Path | str,
    kind: str,
    mapping: Mapping[str, str] | None = None,
    *,
    rows: int = 20,
    vault: Vault | None = None,
) -> Preview:
    """The header row found, each column's field, and the first rows: for the dialog.
    With `vault` and no mapping, her choices for a file with the same columns are used."""
    sheet = read_sheet(path, kind, mapping, recaller(vault, kind) if vault else None)
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


def recaller(vault: Vault, kind: str) -> Recall:
    """Her remembered choices for a file's columns, read from the database."""

    def recall(headers: list[str]) -> Mapping[str, str] | None:
        with vault.storage_errors(), vault.session() as session:
            return recalled(session, kind, headers)

    return recall


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
