"""Finding the header row and deciding which column holds which field."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from openpyxl.utils.cell import get_column_letter

from coordinator.services.importing.fields import (
    LIST_TYPES,
    Field,
    alias_table,
    fields_of,
    header_keys,
    norm,
)
from coordinator.services.importing.readers import HEADER_SEARCH_ROWS, ImportFileError, Row
from coordinator.services.importing.values import cell_text

#: A mapping's field value that means "do not import this column".
IGNORE = ""


@dataclass(frozen=True)
class Column:
    index: int  # 0-based position in the row
    name: str  # the header as written, or "Column F" when blank
    field: Field | None
    #: Why the column is not imported (None when it is).
    why_not: str | None = None


class ColumnMapping:
    """A user's mapping (column header -> field name or "") resolved against a kind's fields."""

    def __init__(self, kind: str, mapping: Mapping[str, str] | None) -> None:
        by_name = {norm(f.name): f for f in fields_of(kind)}
        aliases = alias_table(kind)
        self.fields: dict[str, Field | None] = {}
        self.keys: dict[str, str] = {}  # normalised header -> header as the user wrote it
        for header, target in (mapping or {}).items():
            key = norm(header)
            if not key:
                continue
            target = (target or "").strip()
            if target == IGNORE or norm(target) in ("ignore", "skip", "none"):
                self.fields[key] = None
            else:
                field = by_name.get(norm(target)) or aliases.get(norm(target))
                if field is None:
                    known = ", ".join(f.name for f in fields_of(kind))
                    raise ImportFileError(
                        f"The mapping gives '{header}' the field '{target}', which {kind} do "
                        f"not have. Fields: {known}."
                    )
                self.fields[key] = field
            self.keys[key] = str(header)

    def get(self, header: str) -> tuple[bool, Field | None]:
        """(whether the mapping mentions this header, its field or None for 'ignore')."""
        key = norm(header)
        if key in self.fields:
            return True, self.fields[key]
        return False, None


def auto_field(kind: str, header: object, aliases: dict[str, Field] | None = None) -> Field | None:
    """The field a header names, by its recognised spellings; None if none fits."""
    aliases = aliases if aliases is not None else alias_table(kind)
    for key in header_keys(header):
        if key in aliases:
            return aliases[key]
    return None


def header_score(kind: str, rows: list[Row], mapping: ColumnMapping | None = None) -> int:
    """The best header-row score among the first rows (for choosing a workbook's sheet)."""
    aliases = alias_table(kind)
    return max((_score(kind, row, aliases, mapping) for row in rows), default=0)


def _score(kind: str, row: Row, aliases: dict[str, Field], mapping: ColumnMapping | None) -> int:
    found: set[str] = set()
    for cell in row:
        text = cell_text(cell)
        if not text:
            continue
        mentioned, field = mapping.get(text) if mapping else (False, None)
        if mentioned:
            found.add(f"map:{norm(text)}")
        elif (field := auto_field(kind, text, aliases)) is not None:
            found.add(field.name)
    return len(found)


def find_header(kind: str, rows: list[Row], mapping: ColumnMapping | None = None) -> int:
    """0-based index of the header row: the one of the first rows naming most known fields.

    Title rows above it are skipped. With no recognisable row, the first non-empty one.
    """
    aliases = alias_table(kind)
    best, best_score = None, 0
    for i, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        score = _score(kind, row, aliases, mapping)
        if score > best_score:
            best, best_score = i, score
    if best is None:
        best = next((i for i, row in enumerate(rows) if any(cell_text(c) for c in row)), None)
    if best is None:
        raise ImportFileError("The file has no rows.")
    return best


def map_columns(
    kind: str, header: Row, width: int, mapping: ColumnMapping | None = None
) -> list[Column]:
    """Each column's field: the mapping's choice, else the recognised spelling. A field goes
    to one column only (the one the mapping names, else the first that spells it), except
    a list field, which several columns can fill, and a mother's language, whose second
    column gives her other languages."""
    aliases = alias_table(kind)
    texts = [cell_text(_at(header, index)) for index in range(max(width, len(header)))]
    names = unique_names(texts)
    choices: list[tuple[bool, Field | None]] = []
    for name, text in zip(names, texts, strict=True):
        mentioned, field = mapping.get(name) if mapping else (False, None)
        choices.append((mentioned, field if mentioned else auto_field(kind, text or "", aliases)))
    claimed: dict[str, int] = {}  # field name -> index of the column that gives it
    for explicit in (True, False):
        for index, (mentioned, field) in enumerate(choices):
            if mentioned == explicit and field is not None and field.name not in claimed:
                claimed[field.name] = index
    columns: list[Column] = []
    for index, (name, (mentioned, field)) in enumerate(zip(names, choices, strict=True)):
        why_not = None
        if field is None:
            why_not = (
                "ignored as the mapping asks" if mentioned else "not a field Coordinator knows"
            )
        elif claimed[field.name] != index and field.type in LIST_TYPES:
            pass  # several columns of one list: "Languages spoken (1)", "(2)"
        elif claimed[field.name] != index and (spare := SPARE_FIELDS.get(field.name)):
            if spare in claimed:
                why_not = f"'{names[claimed[field.name]]}' already gives the {field.header.lower()}"
                field = None
            else:
                claimed[spare] = index
                field = next(f for f in fields_of(kind) if f.name == spare)
        elif claimed[field.name] != index:
            why_not = f"'{names[claimed[field.name]]}' already gives the {field.header.lower()}"
            field = None
        columns.append(Column(index, name, field, why_not))
    return columns


#: A second column of a one-value field gives this list field instead: a mother's
#: "Languages spoken" over two columns is her main language, then her other languages.
SPARE_FIELDS = {"language_id": "other_languages"}


def unique_names(texts: list[str | None]) -> list[str]:
    """Column names as written ("Column F" when blank), each once: a header repeated (a
    merged cell over several columns) is numbered "Languages spoken (1)", "(2)", so that no
    column is lost or mistaken for another."""
    names = [text or f"Column {get_column_letter(i + 1)}" for i, text in enumerate(texts)]
    counts = {n: names.count(n) for n in names}
    seen: dict[str, int] = {}
    out = []
    for name in names:
        if counts[name] > 1:
            seen[name] = seen.get(name, 0) + 1
            name = f"{name} ({seen[name]})"
        out.append(name)
    return out


def _at(row: Row, index: int) -> object:
    return row[index] if index < len(row) else None
