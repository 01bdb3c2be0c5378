"""Export mothers, volunteers, matches or local services to CSV or XLSX (by the file's
extension).

Columns carry the header names the importer recognises first, with the values the importer
reads back, so exporting and then importing into an empty database gives the same records.
Matches (not imported) are written one a row: both people's references and names, project,
status, score (the sum of the criterion points saved with the proposal), dates, agreed
contact, and how many contacts were logged and when the last was.
Cells a spreadsheet would run as a formula (starting = + - @, tab or CR) get a leading quote;
the importer removes exactly that quote. The file is written atomically with mode 0600.

The file is NOT encrypted: the caller (dialog or command line) warns the user every time.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import secrets
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Table, func, select
from sqlalchemy.orm import Session

from coordinator import models as m
from coordinator.models import AuditAction
from coordinator.services import audit
from coordinator.services.importing import fields as F
from coordinator.services.importing.kinds import TABLES, kind_spec
from coordinator.services.importing.values import (
    format_date,
    join_list,
    neutralise,
    slots_text,
    sort_slots,
)
from coordinator.services.records.labels import MATCH_STATUS_LABELS, VISIT_FREQUENCY_LABELS
from coordinator.storage.vault import Vault

__all__ = [
    "EXPORT_KINDS",
    "ExportError",
    "ExportResult",
    "export",
    "neutralise",
    "write_atomically",
]

FORMATS = {".csv": "CSV", ".xlsx": "XLSX"}
SHEET_TITLES = {
    "mothers": "Mothers",
    "volunteers": "Volunteers",
    "matches": "Matches",
    "services": "Local services",
}
#: What can be exported: the kinds that can be imported, and matches.
EXPORT_KINDS = ("mothers", "volunteers", "matches", "services")
#: The columns of a matches export (names are the keys of `load_matches` rows).
MATCH_FIELDS = [
    F.F("mother_reference", "Mother's reference"),
    F.F("mother", "Mother"),
    F.F("volunteer_reference", "Volunteer's reference"),
    F.F("volunteer", "Volunteer"),
    F.F("project", "Project"),
    F.F("status", "Status"),
    F.F("score", "Score", F.FLOAT),
    F.F("proposed_on", "Proposed on", F.DATE),
    F.F("introduction_visit_on", "Introduction visit", F.DATE),
    F.F("start_date", "Started on", F.DATE),
    F.F("planned_end_date", "Planned end", F.DATE),
    F.F("paused_on", "Paused on", F.DATE),
    F.F("ended_on", "Ended on", F.DATE),
    F.F("visit_frequency", "Agreed contact"),
    F.F("personal_numbers_shared", "Personal numbers shared", F.BOOL),
    F.F("contacts", "Contacts logged", F.INT),
    F.F("last_contact", "Last contact", F.DATE),
]
CHUNK = 5000


class ExportError(Exception):
    """The export could not be written; str() says why in plain words."""


@dataclass(frozen=True)
class ExportResult:
    path: Path
    kind: str
    count: int
    format: str  # "CSV" or "XLSX"
    columns: list[str]


def export(
    vault: Vault, kind: str, path: Path | str, *, ids: list[int] | None = None
) -> ExportResult:
    """Write the records of `kind` (all, or those in `ids`, in that order) to `path`."""
    path = Path(path).expanduser().absolute()
    file_format = FORMATS.get(path.suffix.lower())
    if file_format is None:
        raise ExportError(f"Export to a .csv or .xlsx file, not '{path.suffix or path.name}'.")
    if kind not in EXPORT_KINDS:
        raise ExportError(f"Cannot export '{kind}': choose {', '.join(EXPORT_KINDS)}.")
    fields = MATCH_FIELDS if kind == "matches" else F.export_fields(kind)
    with vault.storage_errors(), vault.session() as session:
        if kind == "matches":
            records = load_matches(session, ids)
        else:
            records = load_records(session, kind, ids)
    headers = [f.header for f in fields]
    if file_format == "CSV":
        data = _csv_bytes(headers, fields, records)
        write_atomically(path, lambda fh: fh.write(data))
    else:
        write_atomically(path, lambda fh: _write_xlsx(fh, kind, headers, fields, records))
    with vault.transaction() as session:
        audit.record(
            session,
            AuditAction.EXPORT,
            entity_type="match" if kind == "matches" else kind_spec(kind).table.name,
            fields=[f.name for f in fields],
            summary=f"{len(records)} exported to a {file_format} file",
        )
    return ExportResult(path, kind, len(records), file_format, headers)


# Reading ---------------------------------------------------------------------------------


def load_records(session: Session, kind: str, ids: list[int] | None) -> list[dict[str, Any]]:
    """Each record as field name -> value (lists of labels for multi-valued fields)."""
    spec = kind_spec(kind)
    table = spec.table
    if ids is None:
        rows = [dict(r) for r in session.execute(select(table).order_by(table.c.id)).mappings()]
    else:
        wanted = list(dict.fromkeys(ids))
        found: dict[int, dict[str, Any]] = {}
        for start in range(0, len(wanted), CHUNK):
            chunk = wanted[start : start + CHUNK]
            for r in session.execute(select(table).where(table.c.id.in_(chunk))).mappings():
                found[r["id"]] = dict(r)
        rows = [found[i] for i in wanted if i in found]
    owners = {r["id"] for r in rows}
    names = Names(session)
    for child, field_name, target in spec.links:
        by_owner = _children(session, TABLES[child], spec.owner, target, owners, names)
        for r in rows:
            r[field_name] = by_owner.get(r["id"], [])
    for r in rows:
        for key, vocab in (
            ("language_id", "language"),
            ("category_id", "service_category"),
            ("project_id", "project"),
        ):
            if key in r:
                r[key] = names.label(vocab, r[key])
    if kind == "volunteers":
        _add_dbs(session, rows, owners)
    return rows


def load_matches(session: Session, ids: list[int] | None) -> list[dict[str, Any]]:
    """Each match (all, oldest first, or those in `ids` in that order) as column -> value."""
    contacts = dict(
        (match_id, (count, last))
        for match_id, count, last in session.execute(
            select(m.Contact.match_id, func.count(), func.max(m.Contact.contact_at)).group_by(
                m.Contact.match_id
            )
        )
    )
    scores = dict(
        session.execute(
            select(m.MatchCriterionScore.match_id, func.sum(m.MatchCriterionScore.points)).group_by(
                m.MatchCriterionScore.match_id
            )
        ).all()
    )
    query = (
        select(
            m.Match,
            m.Mother.full_name,
            m.Volunteer.full_name,
            m.Project.name,
            m.Mother.reference,
            m.Volunteer.reference,
        )
        .join(m.Mother, m.Match.mother_id == m.Mother.id)
        .join(m.Volunteer, m.Match.volunteer_id == m.Volunteer.id)
        .join(m.Project, m.Match.project_id == m.Project.id)
        .order_by(m.Match.proposed_on, m.Match.id)
    )
    if ids is not None:
        query = query.where(m.Match.id.in_(ids))
    by_id: dict[int, dict[str, Any]] = {}
    for match, mother, volunteer, project, mother_ref, volunteer_ref in session.execute(query):
        count, last = contacts.get(match.id, (0, None))
        score = scores.get(match.id)
        by_id[match.id] = {
            "mother_reference": mother_ref,
            "mother": mother,
            "volunteer_reference": volunteer_ref,
            "volunteer": volunteer,
            "project": project,
            "status": MATCH_STATUS_LABELS[match.status],
            "score": None if score is None else round(score, 1),
            "proposed_on": match.proposed_on,
            "introduction_visit_on": match.introduction_visit_on,
            "start_date": match.start_date,
            "planned_end_date": match.planned_end_date,
            "paused_on": match.paused_on,
            "ended_on": match.ended_on,
            "visit_frequency": VISIT_FREQUENCY_LABELS.get(match.agreed_visit_frequency),
            "personal_numbers_shared": match.personal_numbers_shared,
            "contacts": count,
            "last_contact": last.date() if last is not None else None,
        }
    order = list(by_id) if ids is None else [i for i in dict.fromkeys(ids) if i in by_id]
    return [by_id[i] for i in order]


class Names:
    """Labels of vocabulary terms (in their sort order) and names of projects, by id."""

    TABLE_OF = {
        "need_id": "need",
        "language_id": "language",
        "experience_tag_id": "experience_tag",
        "project_id": "project",
    }

    def __init__(self, session: Session) -> None:
        self.labels: dict[str, dict[int, str]] = {}
        self.order: dict[str, dict[int, tuple[int, int]]] = {}
        for model in (m.Need, m.Language, m.ExperienceTag, m.ServiceCategory):
            query = select(model.id, model.label, model.sort_order)  # type: ignore[attr-defined]
            rows = session.execute(query).all()
            self.labels[model.__tablename__] = {i: label for i, label, _ in rows}
            self.order[model.__tablename__] = {i: (order, i) for i, _, order in rows}
        self.labels["project"] = dict(session.execute(select(m.Project.id, m.Project.name)).all())

    def label(self, table: str, id_: int | None) -> str | None:
        return None if id_ is None else self.labels[table].get(id_)

    def labels_of(self, column: str, ids: list[int]) -> list[str]:
        table = self.TABLE_OF[column]
        order = self.order.get(table, {})
        ordered = sorted(ids, key=lambda i: order.get(i, (0, i)))
        return [self.labels[table][i] for i in ordered if i in self.labels[table]]


def _children(
    session: Session,
    table: Table,
    owner: str,
    target: str | tuple[str, str],
    owners: set[int],
    names: Names,
) -> dict[int, list[Any]]:
    """owner id -> its child values: labels, areas, or (weekday, part of day) slots."""
    targets = list(target) if isinstance(target, tuple) else [target]
    by_owner: dict[int, list[Any]] = defaultdict(list)
    query = select(table.c[owner], *(table.c[t] for t in targets))
    for owner_id, *values in session.execute(query):
        if owner_id in owners:
            by_owner[owner_id].append(tuple(values) if len(values) > 1 else values[0])
    if isinstance(target, str) and target in Names.TABLE_OF:
        return {o: names.labels_of(target, items) for o, items in by_owner.items()}
    if target == "area":
        return {o: sorted(items, key=str.casefold) for o, items in by_owner.items()}
    return {o: sort_slots(items) for o, items in by_owner.items()}


def _add_dbs(session: Session, rows: list[dict[str, Any]], owners: set[int]) -> None:
    """The latest DBS check of each volunteer, as the dbs_* fields."""
    latest: dict[int, Any] = {}
    query = select(m.DBSCheck).order_by(m.DBSCheck.issue_date, m.DBSCheck.id)
    for check in session.scalars(query):
        if check.volunteer_id in owners:
            latest[check.volunteer_id] = check
    for r in rows:
        check = latest.get(r["id"])
        r["dbs_check_type"] = check.check_type if check else None
        r["dbs_certificate_number"] = check.certificate_number if check else None
        r["dbs_issue_date"] = check.issue_date if check else None
        r["dbs_update_service"] = check.update_service if check else None
        r["dbs_next_check_due"] = check.next_check_due if check else None


# Writing ---------------------------------------------------------------------------------


def cell_value(field: F.Field, value: Any, *, typed: bool) -> Any:
    """A field's value as a cell: text for CSV; for XLSX (typed) dates and numbers stay so."""
    if value is None or value == []:
        return None if typed else ""
    t = field.type
    if t == F.DATE:
        return value if typed else format_date(value)
    if t == F.BOOL:
        return "Yes" if value else "No"
    if t in (F.INT, F.FLOAT):
        if typed:
            return value
        return str(int(value)) if float(value).is_integer() else repr(float(value))
    if t == F.ENUM:
        text = F.enum_label(field.enum(value))  # type: ignore[misc]
    elif t == F.SLOTS:
        text = slots_text(value)
    elif t in (F.VOCAB_LIST,):
        text = "; ".join(value)
    elif t in (F.PROJECT_LIST, F.TEXT_LIST):
        text = join_list(list(value))
    else:
        text = str(value)
    return neutralise(text)


def _csv_bytes(headers: list[str], fields: Iterable[F.Field], records: list[dict]) -> bytes:
    fields = list(fields)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(headers)
    for r in records:
        writer.writerow([cell_value(f, r.get(f.name), typed=False) for f in fields])
    return buffer.getvalue().encode("utf-8-sig")  # the BOM makes Excel read UTF-8


def _write_xlsx(
    fh: IO[bytes], kind: str, headers: list[str], fields: Iterable[F.Field], records: list[dict]
) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    fields = list(fields)
    book = Workbook(write_only=True)
    sheet = book.create_sheet(SHEET_TITLES[kind])
    for i, header in enumerate(headers, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = min(40, max(10, len(header) + 2))
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    head = []
    for header in headers:
        cell = WriteOnlyCell(sheet, value=header)
        cell.font = bold
        head.append(cell)
    sheet.append(head)
    for r in records:
        row: list[Any] = []
        for f in fields:
            value = cell_value(f, r.get(f.name), typed=True)
            if isinstance(value, str):
                value = ILLEGAL_CHARACTERS_RE.sub("", value)
            elif isinstance(value, date):
                value = WriteOnlyCell(sheet, value=value)
                value.number_format = "DD/MM/YYYY"
            row.append(value)
        sheet.append(row)
    book.save(fh)


def write_atomically(path: Path, write: Callable[[IO[bytes]], object]) -> Path:
    """Write via a private temporary file in the same folder (0600), fsync, then rename."""
    path = Path(path).expanduser().absolute()
    if path.is_dir():
        raise ExportError(f"{path} is a folder: choose a file name.")
    tmp = path.with_name(f".{path.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileNotFoundError:
        raise ExportError(f"The folder {path.parent} does not exist.") from None
    except OSError as err:
        raise ExportError(f"Cannot write in {path.parent}: {err.strerror or err}.") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        if os.name == "posix":
            dir_fd = os.open(path.parent, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
    except BaseException as err:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(err, OSError):
            raise ExportError(f"Cannot write {path.name}: {err.strerror or err}.") from None
        raise
    return path
