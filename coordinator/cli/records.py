"""The `import` and `export` commands.

    coordinator import {mothers,volunteers,services} FILE [--mapping FILE] [--add-new-terms]
                       [--dry-run] [--json]
    coordinator export {mothers,volunteers,matches,services} --out FILE.csv|FILE.xlsx [--json]

Import exits 1 when any row was rejected (the good rows are still saved, unless --dry-run),
2 when the file cannot be read. Export always warns on stderr that its file is not encrypted.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from pathlib import Path

from coordinator.cli.common import EXIT_OK, EXIT_REJECTED, UsageError, open_db, out

ORDER = 40

#: The kinds the importer and exporter take (importing.fields.KINDS,
#: exporting.EXPORT_KINDS), written out so that parsing a command line does not import them
#: (about 0.6 s); a test keeps them equal.
KINDS = ("mothers", "volunteers", "services")
EXPORT_KINDS = ("mothers", "volunteers", "matches", "services")
EXPORT_WARNING = (
    "Warning: {path} is NOT encrypted. It holds personal data in plain text: keep it safe "
    "and delete it when it is no longer needed."
)


def read_mapping(path: Path) -> dict[str, str]:
    """The column mapping of a mapping file (see `read_mapping_file`)."""
    return read_mapping_file(path)[0]


def _values_section(path: Path, data: object) -> dict[str, dict[str, str]]:
    """The "values" of a JSON mapping file: column -> {value in the file: term}."""
    if not isinstance(data, dict) or not all(
        isinstance(column, str)
        and isinstance(given, dict)
        and all(isinstance(k, str) and isinstance(v, str | None) for k, v in given.items())
        for column, given in data.items()
    ):
        raise UsageError(
            f'The "values" of {path.name} must map a column to its values and terms: '
            '{"Languages": {"Farsi": "Persian", "Perinatal MH team": "Perinatal mental health"}}.'
        )
    return {column: {k: v or "" for k, v in given.items()} for column, given in data.items()}


def read_mapping_file(path: Path) -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    """A mapping file: (column -> field, column -> {value: term}).

    JSON: an object {"column": "field"}, or {"columns": {...}, "values": {...}} where
    "values" says what to read values that are not in her lists as ("" = leave those rows
    out). CSV: rows "column,field" (no values). An empty field means "do not import this
    column". A first CSV row "column,field" is a header and is skipped.
    """
    from coordinator.services.importing.readers import decode, sniff_delimiter

    try:
        text, _ = decode(path.read_bytes())
    except OSError as err:
        raise UsageError(f"Cannot read the mapping file {path}: {err.strerror or err}.") from None
    if text.lstrip().startswith("{"):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as err:
            raise UsageError(
                f"The mapping file {path.name} is not valid JSON ({err.msg})."
            ) from None
        if not isinstance(data, dict):
            data = None
        values = _values_section(path, data.pop("values", {})) if data else {}
        if data and isinstance(data.get("columns"), dict):
            data = {**data.pop("columns"), **data}
        if (
            not data
            and not values
            or not all(
                isinstance(k, str) and isinstance(v, str | None) for k, v in (data or {}).items()
            )
        ):
            raise UsageError(
                f'The mapping file {path.name} must map names to names: {{"Tel": "phone"}}.'
            )
        return {k: v or "" for k, v in data.items()}, values
    mapping: dict[str, str] = {}
    for i, row in enumerate(csv.reader(io.StringIO(text), delimiter=sniff_delimiter(text))):
        cells = [c.strip() for c in row]
        if not any(cells):
            continue
        if len(cells) > 2 and any(cells[2:]):
            raise UsageError(f"Line {i + 1} of {path.name} has more than two cells: column,field.")
        if i == 0 and [c.casefold() for c in cells[:2]] == ["column", "field"]:
            continue
        mapping[cells[0]] = cells[1] if len(cells) > 1 else ""
    if not mapping:
        raise UsageError(f"The mapping file {path.name} maps no columns.")
    return mapping, {}


def cmd_import(args: argparse.Namespace) -> int:
    from coordinator.services.importing import ImportFileError, import_file

    if args.kind == "contacts":
        from coordinator.cli.contact import cmd_import_contacts

        return cmd_import_contacts(args)

    source = Path(args.file).expanduser()
    if not source.is_file():
        raise UsageError(f"There is no file {source}.")
    mapping, values = (
        read_mapping_file(Path(args.mapping).expanduser()) if args.mapping else (None, {})
    )
    with open_db(args) as vault:
        try:
            report = import_file(
                vault,
                args.kind,
                source,
                mapping=mapping or None,
                values=values,
                add_new_terms=args.add_new_terms,
                dry_run=args.dry_run,
            )
        except ImportFileError as err:
            raise UsageError(str(err)) from None
    out(args, report.as_json(), report.lines())
    return EXIT_REJECTED if report.rejected else EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from coordinator.services.exporting import FORMATS, ExportError, export
    from coordinator.services.records.labels import counted

    if args.kind == "contacts":
        from coordinator.cli.contact import cmd_export_contacts

        return cmd_export_contacts(args)

    target = Path(args.out).expanduser().absolute()
    if target.suffix.lower() not in FORMATS:
        raise UsageError(f"Export to a .csv or .xlsx file, not '{target.name}'.")
    with open_db(args) as vault:
        print(EXPORT_WARNING.format(path=target), file=sys.stderr)
        try:
            result = export(vault, args.kind, target)
        except ExportError as err:
            raise UsageError(str(err)) from None
    one, many = {"matches": ("match", "matches"), "services": ("local service", None)}.get(
        args.kind, (args.kind[:-1], None)
    )
    out(
        args,
        {
            "exported": result.count,
            "kind": args.kind,
            "file": str(result.path),
            "format": result.format,
            "encrypted": False,
        },
        [f"Exported {counted(result.count, one, many)} to {result.path} (not encrypted)."],
    )
    return EXIT_OK


def register(sub, parents: list[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "import",
        parents=parents,
        help="import mothers, volunteers or local services from a CSV or XLSX file",
    )
    p.add_argument("kind", choices=(*KINDS, "contacts"), help="what the rows are")
    p.add_argument("file", help="the .csv or .xlsx file")
    p.add_argument(
        "--mapping",
        metavar="FILE",
        help='column -> field: a JSON object {"Tel": "phone"} or CSV rows "Tel,phone"; JSON '
        'may also give "values": {"Languages": {"Farsi": "Persian"}}',
    )
    p.add_argument(
        "--add-new-terms",
        action="store_true",
        help="add every list value not in your lists (needs, languages, ...) to them, "
        "instead of rejecting its rows (real languages are always added)",
    )
    p.add_argument("--dry-run", action="store_true", help="check every row but save nothing")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser(
        "export",
        parents=parents,
        help="export mothers, volunteers, matches or local services to CSV or XLSX (NOT encrypted)",
    )
    p.add_argument("kind", choices=(*EXPORT_KINDS, "contacts"), help="what to export")
    p.add_argument("--out", required=True, metavar="FILE", help="a .csv or .xlsx file to write")
    p.set_defaults(func=cmd_export)
