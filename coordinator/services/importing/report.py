"""What an import (or its preview) tells the coordinator: plain values, no database objects."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coordinator.services.importing.values import neutralise


@dataclass(frozen=True)
class Rejected:
    """A row not imported: its spreadsheet row number (1-based, as Excel shows it) and why."""

    row: int
    reason: str
    #: The row's cells as text, in the file's column order (for the saved report).
    cells: tuple[str, ...] = ()

    def __str__(self) -> str:
        return f"Row {self.row}: {self.reason}"


@dataclass
class ImportReport:
    imported: int = 0
    #: Row numbers of rows already in the database, or repeating an earlier row of the file.
    duplicates: list[int] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    #: Columns whose contents were not imported.
    unmapped: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    kind: str = ""
    dry_run: bool = False
    #: Row number of the header row, and the sheet read (workbooks only).
    header_row: int = 0
    sheet: str | None = None
    #: column header -> field name, for every imported column.
    mapping: dict[str, str] = field(default_factory=dict)
    #: The file's column headers (for the saved report of rejected rows).
    columns: list[str] = field(default_factory=list)
    #: Ids of the records added (empty on a dry run).
    ids: list[int] = field(default_factory=list)
    #: Terms added to her lists (or that would be, on a dry run): "languages" -> labels.
    added_terms: dict[str, list[str]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.rejected

    def as_json(self) -> dict[str, Any]:
        return {
            "imported": self.imported,
            "duplicates": len(self.duplicates),
            "duplicate_rows": list(self.duplicates),
            "rejected": [{"row": r.row, "reason": r.reason} for r in self.rejected],
            "unmapped": list(self.unmapped),
            "added": {what: list(labels) for what, labels in self.added_terms.items()},
            "notes": list(self.notes),
            "mapping": dict(self.mapping),
            "dry_run": self.dry_run,
        }

    def lines(self) -> list[str]:
        """The report in words, as the command line prints it."""
        noun = self.kind.rstrip("s") if self.imported == 1 else self.kind
        verb = "Would import" if self.dry_run else "Imported"
        out = [f"{verb} {self.imported} {noun}."]
        if self.dry_run:
            out.insert(0, "Dry run: nothing was saved.")
        if self.duplicates:
            rows = "row" if len(self.duplicates) == 1 else "rows"
            out.append(
                f"{len(self.duplicates)} already there (not added again): {rows} "
                + _row_list(self.duplicates)
            )
        if self.rejected:
            n = len(self.rejected)
            out.append(
                "1 row needs correcting and was not imported:"
                if n == 1
                else f"{n} rows need correcting and were not imported:"
            )
            out += [f"  {r}" for r in self.rejected]
        if self.unmapped:
            out.append("Columns not imported: " + ", ".join(f"'{c}'" for c in self.unmapped))
        out += [f"Note: {n}" for n in self.notes]
        return out

    def rejected_csv(self) -> str:
        """The rejected rows as CSV text: Row, Reason, then the row's original cells."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(["Row", "Reason", *self.columns])
        for r in self.rejected:
            writer.writerow([r.row, neutralise(r.reason), *(neutralise(c) for c in r.cells)])
        return buffer.getvalue()

    def save_rejected(self, path: Path | str) -> Path:
        """Write `rejected_csv()` to a file (UTF-8 with BOM, atomically, 0600). It holds
        personal data in plain text: the caller warns the user, as for an export."""
        from coordinator.services.exporting import write_atomically

        data = self.rejected_csv().encode("utf-8-sig")
        return write_atomically(Path(path), lambda fh: fh.write(data))


def _row_list(rows: list[int], most: int = 20) -> str:
    shown = ", ".join(str(r) for r in rows[:most])
    return shown + (f" and {len(rows) - most} more" if len(rows) > most else "")


@dataclass(frozen=True)
class PreviewColumn:
    index: int
    #: The header as written ("Column F" when blank).
    name: str
    #: The field it will be imported into (a name from `field_choices`), or None.
    field: str | None
    #: Why not imported, when field is None.
    why_not: str | None = None


@dataclass(frozen=True)
class PreviewRow:
    row: int
    cells: tuple[str, ...]


@dataclass(frozen=True)
class Preview:
    kind: str
    format: str  # "CSV" or "XLSX"
    sheet: str | None
    header_row: int
    columns: list[PreviewColumn]
    #: The first data rows (empty rows skipped), as text.
    rows: list[PreviewRow]
    #: Non-empty data rows in the whole file.
    total_rows: int
    unmapped: list[str]
    #: Required fields no column gives (the import cannot start until these are mapped).
    missing_required: list[str]
    notes: list[str]


@dataclass(frozen=True)
class FieldChoice:
    """A field the dialog can map a column to."""

    name: str
    header: str  # the usual column header, also the label to show
    required: bool = False
    #: A list that several columns can fill (each adds its values).
    several: bool = False
