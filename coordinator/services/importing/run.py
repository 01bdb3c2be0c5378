"""Import a spreadsheet of mothers, volunteers or local services; or preview one first.

Every row is checked on its own: a row missing a required field, or with any value that is
not valid, is rejected and reported with its row number; every other row is saved, all in
one transaction. Rows already in the database (or earlier in the same file) are counted as
duplicates and not added again. Nothing is looked up per row: vocabularies, projects and
the keys of existing records are loaded once, and records are inserted in batches.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coordinator import models as m
from coordinator.services import audit, references
from coordinator.services.importing.convert import Lookups, convert_cells, load_lookups
from coordinator.services.importing.form_rules import FORM_RULES, matched_note
from coordinator.services.importing.kinds import Kind, Record, kind_spec
from coordinator.services.importing.memory import remember
from coordinator.services.importing.readers import ImportCancelled, ImportFileError, Row
from coordinator.services.importing.report import ImportReport, Rejected
from coordinator.services.importing.sheet import (
    Sheet,
    read_sheet,
    recaller,
    row_texts,
    sheet_notes,
)
from coordinator.services.importing.terms import Choices, NewTerms, ValueChoices
from coordinator.services.languages import identify
from coordinator.services.records.labels import counted
from coordinator.services.vocabularies import insert_term
from coordinator.storage.vault import Vault

Progress = Callable[[int, int], None]
#: Rows checked between progress reports and looks at the cancel flag.
STEP = 250
INSERT_BATCH = 2000
_PSEUDO = {"first_name": "full_name", "last_name": "full_name"}


def import_file(
    vault: Vault,
    kind: str,
    path: Path | str,
    *,
    mapping: dict[str, str] | None = None,
    values: ValueChoices | None = None,
    add_new_terms: bool = False,
    dry_run: bool = False,
    today: date | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> ImportReport:
    """Import the rows of a CSV or XLSX file as records of `kind` (mothers, volunteers,
    services). Raises ImportFileError when the file as a whole cannot be imported, and
    ImportCancelled when `cancelled()` turns true before the save (nothing is saved).

    `values` maps a column's values not in her lists to the terms to read them as (REJECT:
    leave those rows out); `add_new_terms` adds every other unknown word to her lists. A
    real language not in her list of languages is always added. Added terms are saved with
    the records, in the same transaction, and listed in the report."""
    today = today or date.today()
    sheet = read_sheet(path, kind, mapping, recaller(vault, kind))
    missing = sheet.missing(kind)
    if missing:
        found = ", ".join(f"'{c.name}'" for c in sheet.columns) or "none"
        raise ImportFileError(
            f"No column gives the {missing[0].lower()} (looked in row {sheet.header_index + 1};"
            f" columns found: {found}). Name the column '{missing[0]}', or give a mapping."
        )
    spec = kind_spec(kind)
    report = ImportReport(
        kind=kind,
        dry_run=dry_run,
        header_row=sheet.header_index + 1,
        sheet=sheet.table.sheet,
        unmapped=sheet.unmapped,
        notes=list(sheet.table.notes) + sheet_notes(kind, sheet),
        mapping={c.name: c.field.name for c in sheet.columns if c.field is not None},
        columns=[c.name for c in sheet.columns],
    )
    with vault.storage_errors(), vault.session() as session:
        lookups = load_lookups(session, today, Choices(values, add_new_terms))
        lookups.serial_dates = sheet.serial_dates
        seen = spec.existing_keys(session)
        last_id = session.scalar(select(func.max(spec.table.c.id))) or 0
    data = sheet.data()
    records = _check_rows(spec, sheet, data, lookups, seen, report, progress, cancelled)
    if cancelled():
        raise ImportCancelled()
    note = matched_note(records, dry_run) if spec.name == "mothers" else None
    if note:
        report.notes.append(note)
    report.added_terms = lookups.new_terms.by_vocabulary()
    for what, labels in report.added_terms.items():
        verb = "Would add" if dry_run else "Added"
        report.notes.append(f"{verb} to your list of {what}: {', '.join(labels)}.")
    if not dry_run:
        _save(vault, spec, records, last_id, report, sheet, lookups.new_terms)
    report.imported = len(records) if dry_run else len(report.ids)
    if progress is not None:
        progress(len(data) + 1, len(data) + 1)
    return report


def _check_rows(
    spec: Kind,
    sheet: Sheet,
    data: list[tuple[int, Row]],
    lookups: Lookups,
    seen: set[tuple],
    report: ImportReport,
    progress: Progress | None,
    cancelled: Callable[[], bool],
) -> list[Record]:
    """Check each row: rejected and duplicate rows go into the report, the rest are returned.

    Progress counts rows checked out of the rows plus one step for the save."""
    records: list[Record] = []
    for done, (number, cells) in enumerate(data):
        if done % STEP == 0:
            if cancelled():
                raise ImportCancelled()
            if progress is not None:
                progress(done, len(data) + 1)
        converted = convert_cells(spec.name, sheet.columns, cells, lookups)
        spec.check(converted, lookups.today)
        if not converted.problems:  # the form's own rules, and its clean values
            converted.values |= FORM_RULES[spec.name](converted, lookups.today)
        if converted.problems:
            report.rejected.append(
                Rejected(number, " ".join(converted.problems), row_texts(sheet.columns, cells))
            )
            continue
        record = spec.build(number, converted.values, lookups.today)
        if any(key in seen for key in record.keys):
            report.duplicates.append(number)
            continue
        seen.update(record.keys)
        records.append(record)
    return records


def _save(
    vault: Vault,
    spec: Kind,
    records: list[Record],
    last_id: int,
    report: ImportReport,
    sheet: Sheet,
    new_terms: NewTerms,
) -> None:
    file_format = sheet.table.format
    with vault.transaction() as session:
        _add_terms(session, new_terms, records)
        chosen = {c.name: c.field.name if c.field else "" for c in sheet.columns}
        remember(session, spec.name, list(sheet.guessed), chosen, sheet.guessed)
        # Records someone added since the rows were checked count as duplicates too.
        added = spec.existing_keys(session, after_id=last_id)
        if added:
            late = {r.row for r in records if any(k in added for k in r.keys)}
            records = [r for r in records if r.row not in late]
            report.duplicates = sorted([*report.duplicates, *late])
        # Ids given here (not by RETURNING) so that rows go in as one executemany per batch.
        first = (session.scalar(select(func.max(spec.table.c.id))) or 0) + 1
        ids = list(range(first, first + len(records)))
        for record, id_ in zip(records, ids, strict=True):
            record.main["id"] = id_
        references.assign(session, spec.table.name, [r.main for r in records])
        for start in range(0, len(records), INSERT_BATCH):
            session.execute(
                spec.table.insert(), [r.main for r in records[start : start + INSERT_BATCH]]
            )
        for table in spec.child_tables:
            rows = [
                {**child, spec.owner: id_}
                for record, id_ in zip(records, ids, strict=True)
                for child in record.children.get(table.name, ())
            ]
            for start in range(0, len(rows), INSERT_BATCH * 2):
                session.execute(table.insert(), rows[start : start + INSERT_BATCH * 2])
        audit.record(
            session,
            m.AuditAction.IMPORT,
            entity_type=spec.table.name,
            fields={_PSEUDO.get(f, f) for f in report.mapping.values()},
            summary=f"{len(ids)} imported, {counted(len(report.duplicates), 'duplicate')}, "
            f"{len(report.rejected)} rejected, from a {file_format} file",
        )
        report.ids = ids


def _add_terms(session: Session, new_terms: NewTerms, records: list[Record]) -> None:
    """Add the new terms to her lists and put their ids where the rows hold placeholders."""
    real: dict[int, int] = {}
    for placeholder, (model, label) in new_terms.added.items():
        language = identify(label) if model is m.Language else None
        real[placeholder] = insert_term(
            session, model.__tablename__, label, language.tag if language else None
        )
    if not real:
        return
    for record in records:
        _replace_placeholders(record.main, real)
        for rows in record.children.values():
            for row in rows:
                _replace_placeholders(row, real)


def _replace_placeholders(row: dict, real: dict[int, int]) -> None:
    for name, value in row.items():
        if name.endswith("_id") and isinstance(value, int) and value < 0:
            row[name] = real[value]
