"""`import contacts FILE` and `export contacts --out FILE`: the volunteers' spreadsheet of
visits in, every contact out. (The `import` and `export` commands hand contacts here.)"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from coordinator.cli.common import EXIT_OK, EXIT_REJECTED, UsageError, open_db, out

ORDER = 41
EXPORT_WARNING = (
    "Warning: {path} is NOT encrypted. It holds personal data in plain text: keep it safe "
    "and delete it when it is no longer needed."
)


def cmd_import_contacts(args: argparse.Namespace) -> int:
    from coordinator.services.importing import ImportFileError
    from coordinator.services.importing.contacts import import_contacts

    source = Path(args.file).expanduser()
    if not source.is_file():
        raise UsageError(f"There is no file {source}.")
    if getattr(args, "mapping", None):
        raise UsageError("Contacts are read by their column headers; --mapping is not used.")
    with open_db(args) as vault:
        try:
            report = import_contacts(vault, source, dry_run=args.dry_run)
        except ImportFileError as err:
            raise UsageError(str(err)) from None
    out(args, report.as_json(), report.lines())
    return EXIT_REJECTED if report.rejected or report.notes else EXIT_OK


def cmd_export_contacts(args: argparse.Namespace) -> int:
    from coordinator.services.contacts_export import export_contacts
    from coordinator.services.exporting import ExportError

    target = Path(args.out).expanduser().absolute()
    if target.suffix.lower() not in (".csv", ".xlsx"):
        raise UsageError(f"Export to a .csv or .xlsx file, not '{target.name}'.")
    with open_db(args) as vault:
        print(EXPORT_WARNING.format(path=target), file=sys.stderr)
        try:
            path, count = export_contacts(vault, target)
        except ExportError as err:
            raise UsageError(str(err)) from None
    out(
        args,
        {"exported": count, "kind": "contacts", "file": str(path), "encrypted": False},
        [f"Exported {count} contact{'s' if count != 1 else ''} to {path} (not encrypted)."],
    )
    return EXIT_OK


def register(sub, parents: list[argparse.ArgumentParser]) -> None:
    """Nothing of its own: `import` and `export` take "contacts" and call the above."""
