"""Reading a CSV or XLSX file into rows of cells, numbered as the user sees them in Excel.

CSV: UTF-8 with or without a byte-order mark, UTF-16 with one (Excel's "Unicode text"),
else Windows-1252; the delimiter (comma, semicolon or tab) is worked out from the first rows.
XLSX: openpyxl in read-only mode with cached formula values; merged ranges and formulas
without a saved result come from sheet_parts.py (a streaming XML parser); a merged value fills
its whole range; Excel dates arrive as datetimes. A workbook's sheet is chosen by the caller
(the one whose header row matches best).
"""

from __future__ import annotations

import codecs
import csv
import io
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from coordinator.services.importing.sheet_parts import scan_sheet

#: How many rows are searched for the header row.
HEADER_SEARCH_ROWS = 30
CSV_DELIMITERS = (",", ";", "\t")
XLSX_SUFFIXES = (".xlsx", ".xlsm")
#: The longest CSV cell read (Python's csv module stops at 128 KiB): long notes pasted into
#: a spreadsheet run past that, and a cell of 16 MiB is still no danger to memory.
CSV_FIELD_LIMIT = 16 * 1024 * 1024

Row = list[object]


class ImportFileError(Exception):
    """The file as a whole cannot be imported; str() says why in plain words."""


class ImportCancelled(Exception):
    """The user cancelled: nothing was saved."""


@dataclass
class Table:
    """Every row of one sheet (empty rows included, as []); rows[i] is spreadsheet row i+1."""

    rows: list[Row]
    format: str  # "CSV" or "XLSX"
    sheet: str | None = None
    notes: list[str] = field(default_factory=list)


def read_table(path: Path, score: Callable[[list[Row]], int]) -> Table:
    """Read a file; for a workbook, the sheet whose first rows `score` highest."""
    path = Path(path)
    try:
        if path.is_dir():
            raise ImportFileError(f"{path.name} is a folder, not a file.")
        with path.open("rb") as fh:
            head = fh.read(4)
    except FileNotFoundError:
        raise ImportFileError(f"There is no file {path}.") from None
    except OSError as err:
        raise ImportFileError(f"Cannot read {path.name}: {err.strerror or err}.") from None
    suffix = path.suffix.lower()
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        from coordinator.services.importing.workbook_checks import refuse_ole

        refuse_ole(path)
    if suffix == ".xls":
        raise ImportFileError(
            f"{path.name} is an old Excel (.xls) file: open it in Excel and save it as "
            ".xlsx or CSV first."
        )
    if suffix in XLSX_SUFFIXES or head.startswith(b"PK\x03\x04"):
        return _read_xlsx(path, score)
    return _read_csv(path)


# CSV -------------------------------------------------------------------------------------


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding name) of a CSV file's bytes."""
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError:
                break
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first rows most consistently into several cells."""
    best, best_score = ",", (0, 0)
    for delimiter in CSV_DELIMITERS:
        sample = islice(csv.reader(io.StringIO(text), delimiter=delimiter), 50)
        try:
            widths = [len(r) for r in sample if len(r) > 1]
        except csv.Error:
            continue
        if not widths:
            continue
        width, rows = Counter(widths).most_common(1)[0]
        if (rows, width) > best_score:
            best, best_score = delimiter, (rows, width)
    return best


def _read_csv(path: Path) -> Table:
    try:
        data = path.read_bytes()
    except OSError as err:
        raise ImportFileError(f"Cannot read {path.name}: {err.strerror or err}.") from None
    if not data.strip():
        raise ImportFileError(f"{path.name} is empty.")
    if b"\x00" in data[:4096] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ImportFileError(f"{path.name} is not a CSV or Excel file.")
    text, encoding = decode(data)
    if csv.field_size_limit() < CSV_FIELD_LIMIT:
        csv.field_size_limit(CSV_FIELD_LIMIT)
    delimiter = sniff_delimiter(text)
    try:
        rows: list[Row] = [
            _trim(list(r)) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        ]
    except csv.Error as err:
        raise ImportFileError(f"{path.name} is not a readable CSV file ({err}).") from None
    notes = []
    if encoding in ("cp1252", "latin-1"):
        notes.append("The file was read as Windows-1252 text (it was not UTF-8).")
    return Table(rows=rows, format="CSV", notes=notes)


def _trim(row: Row) -> Row:
    while row and (row[-1] is None or (isinstance(row[-1], str) and not row[-1].strip())):
        row.pop()
    return row


# XLSX ------------------------------------------------------------------------------------


def _read_xlsx(path: Path, score: Callable[[list[Row]], int]) -> Table:
    import openpyxl

    from coordinator.services.importing.workbook_checks import check_workbook

    check_workbook(path)
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as err:  # a damaged workbook fails in many ways inside openpyxl
        raise ImportFileError(
            f"{path.name} is not a readable Excel file ({type(err).__name__}): open it in "
            "Excel and save it again, or export it to CSV."
        ) from None
    try:
        sheets = list(book.worksheets)
        if not sheets:
            raise ImportFileError(f"{path.name} has no sheets.")
        for sheet in sheets:
            sheet.reset_dimensions()  # the stored size is often wrong: read every row
        best = max(sheets, key=lambda s: score(_rows(s, HEADER_SEARCH_ROWS)))
        rows = _rows(best, None)
        facts = scan_sheet(path, best.title)
        _fill_merged(rows, facts.merged)
        _mark_formulas_without_results(rows, facts.unsaved_formulas)
    except ImportFileError:
        raise
    except Exception as err:  # a damaged workbook fails in many ways inside openpyxl
        raise ImportFileError(
            f"{path.name} could not be read as an Excel file ({type(err).__name__})."
        ) from None
    finally:
        book.close()
    notes = [f"Read the sheet '{best.title}'."] if len(sheets) > 1 else []
    return Table(rows=rows, format="XLSX", sheet=best.title, notes=notes)


def _rows(sheet, limit: int | None) -> list[Row]:
    return [_trim(list(r)) for r in islice(sheet.iter_rows(values_only=True), limit)]


class FormulaWithoutResult:
    """A workbook cell holding a formula whose result was never saved (the file was written
    by a program rather than saved by Excel): its value is unknown, so the row it is in
    cannot be imported with it, and must not be imported without it."""

    def __str__(self) -> str:
        return "(a formula with no saved result)"


FORMULA_WITHOUT_RESULT = FormulaWithoutResult()


def _mark_formulas_without_results(rows: list[Row], cells: list[tuple[int, int]]) -> None:
    """Put FORMULA_WITHOUT_RESULT where a formula cell has no saved value (read with
    data_only, such a cell would read as empty and its value be lost without a word)."""
    for row, column in cells:
        while len(rows) < row:
            rows.append([])
        found = rows[row - 1]
        if len(found) < column:
            found.extend([None] * (column - len(found)))
        found[column - 1] = FORMULA_WITHOUT_RESULT


def _fill_merged(rows: list[Row], ranges: list[tuple[int, int, int, int]]) -> None:
    for min_col, min_row, max_col, max_row in ranges:
        if min_row > len(rows):
            continue
        top = rows[min_row - 1]
        value = top[min_col - 1] if len(top) >= min_col else None
        if value is None:
            continue
        for r in range(min_row, min(max_row, len(rows)) + 1):
            row = rows[r - 1]
            if len(row) < max_col:
                row.extend([None] * (max_col - len(row)))
            for c in range(min_col, max_col + 1):
                row[c - 1] = value
