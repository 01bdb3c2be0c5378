"""What openpyxl's read-only mode leaves out of a sheet, read from the workbook's own XML.

Read-only mode streams cell values with flat memory but does not report merged ranges, and
with `data_only` a formula whose result was never saved reads as an empty cell. Both are
found here by streaming the sheet's XML part through a real parser (lxml's iterparse, with
entities left unexpanded, no DTD and no network), clearing each row once seen, so time is linear in the sheet's
size and memory stays flat. The sheet's part is found the way the format defines it,
through the workbook's sheet list and its relationships, never through openpyxl internals.

Excel error values (#REF!, #DIV/0!, ...) are recognised here too: a cell showing one holds
no data, whether it came from an error cell of a workbook or as text in a CSV.
"""

from __future__ import annotations

import posixpath
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

#: Every error value Excel shows in a cell (the classic seven and the newer ones).
EXCEL_ERRORS = frozenset(
    {
        "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A",
        "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!",
        "#BUSY!", "#UNKNOWN!", "#PYTHON!",
    }
)  # fmt: skip

WORKBOOK_PART = "xl/workbook.xml"
#: A workbook never needs entities or a DTD: refusing them stops "billion laughs" files.
SAFE = {"resolve_entities": False, "no_network": True, "load_dtd": False, "huge_tree": False}


def _parse(fh) -> etree._Element:
    return etree.parse(fh, parser=etree.XMLParser(**SAFE)).getroot()


def excel_error(value: Any) -> str | None:
    """The Excel error value a cell shows ("#REF!"), or None for a real value."""
    if not isinstance(value, str) or len(value) > 20:
        return None
    text = value.strip().upper()
    return text if text in EXCEL_ERRORS else None


class SheetPartsError(Exception):
    """The workbook's XML could not be read (damaged, or built to harm the reader)."""


@dataclass
class SheetFacts:
    #: (min_col, min_row, max_col, max_row) of each merged range, 1-based.
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    #: (row, column), 1-based, of each formula cell with no saved result.
    unsaved_formulas: list[tuple[int, int]] = field(default_factory=list)


def _local(tag: str) -> str:
    """An element's or attribute's name without its namespace (transitional and strict
    OOXML name the same parts in different namespaces)."""
    return tag.rsplit("}", 1)[-1]


def _relationship_id(sheet: etree._Element) -> str | None:
    for name, value in sheet.attrib.items():
        if name.startswith("{") and _local(name) == "id" and "relationships" in name:
            return value
    return None


def sheet_part(archive: zipfile.ZipFile, title: str) -> str | None:
    """The path inside the archive of the sheet called `title`, or None."""
    with archive.open(WORKBOOK_PART) as fh:
        workbook = _parse(fh)
    rel_id = next(
        (
            _relationship_id(el)
            for el in workbook.iter()
            if _local(el.tag) == "sheet" and el.get("name") == title
        ),
        None,
    )
    if rel_id is None:
        return None
    base = posixpath.dirname(WORKBOOK_PART)
    rels_path = posixpath.join(base, "_rels", posixpath.basename(WORKBOOK_PART) + ".rels")
    with archive.open(rels_path) as fh:
        rels = _parse(fh)
    for rel in rels.iter():
        if _local(rel.tag) == "Relationship" and rel.get("Id") == rel_id:
            target = rel.get("Target") or ""
            # A target is relative to the workbook's folder, or absolute from the package root.
            joined = target.lstrip("/") if target.startswith("/") else posixpath.join(base, target)
            return posixpath.normpath(joined)
    return None


def column_number(letters: str) -> int:
    number = 0
    for ch in letters:
        number = number * 26 + (ord(ch) - 64)
    return number


def split_reference(ref: str) -> tuple[int, int] | None:
    """ "B12" -> (12, 2); None for anything that is not a cell reference."""
    letters = ref.rstrip("0123456789").upper()
    digits = ref[len(letters) :]
    if not letters or not digits or not letters.isalpha() or not letters.isascii():
        return None
    return int(digits), column_number(letters)


def _merged_range(ref: str) -> tuple[int, int, int, int] | None:
    first, _, last = ref.partition(":")
    start, end = split_reference(first), split_reference(last or first)
    if start is None or end is None:
        return None
    return (start[1], start[0], end[1], end[0])


def _column_of(cell: etree._Element) -> int:
    """The column of a cell written without its reference: one after the cell before it."""
    steps, before = 1, cell.getprevious()
    while before is not None:
        place = split_reference(before.get("r") or "")
        if place is not None:
            return place[1] + steps
        steps, before = steps + 1, before.getprevious()
    return steps


def _unsaved_formula(cell: etree._Element) -> bool:
    has_formula = has_result = False
    for child in cell:
        part = _local(child.tag)
        if part == "f":
            has_formula = True
        elif part in ("v", "is") and (child.text or len(child)):
            has_result = True
    return has_formula and not has_result


def _cells(events: Iterator[tuple[str, etree._Element]], facts: SheetFacts) -> None:
    """Walk the sheet's formulas, rows and merged ranges once, clearing each row once seen.

    Only formulas are looked at cell by cell (a cell's result is written after its formula,
    so its cell is judged when its row ends); the many plain cells are passed over in C.
    """
    rows_seen = 0
    formula_cells: list[etree._Element] = []
    for _, el in events:
        name = _local(el.tag)
        if name == "f":
            cell = el.getparent()
            if cell is not None:
                formula_cells.append(cell)
        elif name == "row":
            rows_seen = int(el.get("r") or rows_seen + 1)
            for cell in formula_cells:
                if _unsaved_formula(cell):
                    # A reference may be left out: the cell then follows the one before it.
                    place = split_reference(cell.get("r") or "")
                    facts.unsaved_formulas.append(place or (rows_seen, _column_of(cell)))
            formula_cells.clear()
            el.clear()
            # Drop the rows already seen themselves, not only their contents.
            while el.getprevious() is not None:
                del el.getparent()[0]
        elif name == "mergeCell":
            merged = _merged_range(el.get("ref") or "")
            if merged is not None:
                facts.merged.append(merged)


def scan_sheet(path: Path, title: str) -> SheetFacts:
    """Merged ranges and unsaved formulas of the sheet `title` of the workbook at `path`.

    Raises SheetPartsError when the XML is damaged or refused as hostile.
    """
    facts = SheetFacts()
    try:
        with zipfile.ZipFile(path) as archive:
            part = sheet_part(archive, title)
            if part is None:
                return facts
            with archive.open(part) as fh:
                tags = ("{*}f", "{*}row", "{*}mergeCell")
                _cells(etree.iterparse(fh, events=("end",), tag=tags, **SAFE), facts)
    except (etree.LxmlError, zipfile.BadZipFile, KeyError, ValueError, OSError) as err:
        raise SheetPartsError(type(err).__name__) from None
    return facts
