"""What kind of file the user picked, told from its name and first bytes (never opened as a
database): so that a spreadsheet chosen by mistake in "Open database…" is called that."""

from __future__ import annotations

from pathlib import Path

SPREADSHEET_SUFFIXES = frozenset({".csv", ".tsv", ".xlsx", ".xlsm", ".xls", ".ods"})
#: A zip archive (xlsx, ods) and an OLE compound file (xls).
_SPREADSHEET_MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")


def is_spreadsheet(path: Path) -> bool:
    """Whether `path` is a spreadsheet (by its name, or by its first bytes when it has
    another name); False when it cannot be read."""
    if path.suffix.lower() in SPREADSHEET_SUFFIXES:
        return True
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError:
        return False
    return head.startswith(_SPREADSHEET_MAGIC)


def is_importable(path: Path) -> bool:
    """Whether the importer reads this kind of spreadsheet (CSV, TSV and Excel workbooks)."""
    return path.suffix.lower() in {".csv", ".tsv", ".xlsx", ".xlsm"}
