"""Contacts out to a CSV or XLSX file: one row per contact (date, both references and names,
medium, support given, services signposted, concerns). The file is plain text, made only
when asked; the export is audited. Supervision notes are never part of it."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from coordinator import models as m
from coordinator.models import AuditAction
from coordinator.services import audit
from coordinator.services.contacts import MEDIUM_LABELS, SUPPORT_LABELS
from coordinator.services.exporting import ExportError, write_atomically
from coordinator.storage.vault import Vault

#: The columns, in order; the importer reads the same headers back.
HEADERS = (
    "Date",
    "Time",
    "Mother ref",
    "Mother",
    "Volunteer ref",
    "Volunteer",
    "Medium",
    "Made or attempted",
    "Minutes",
    "Support given",
    "Services signposted",
    "Concerns",
    "Follow-up",
    "Follow-up done",
    "Notes",
)


def contact_rows(vault: Vault) -> list[list[object]]:
    """Every contact, oldest first, as the file's cells."""
    mo, vo = aliased(m.Mother), aliased(m.Volunteer)
    with vault.session() as session:
        supports: dict[int, list[str]] = {}
        for cid, kind in session.execute(
            select(m.ContactSupport.contact_id, m.ContactSupport.support_type)
        ):
            supports.setdefault(cid, []).append(SUPPORT_LABELS[kind])
        services: dict[int, list[str]] = {}
        signpost = m.Base.metadata.tables["contact_signpost"]
        for cid, name in session.execute(
            select(signpost.c.contact_id, m.LocalService.name).join(
                m.LocalService, m.LocalService.id == signpost.c.service_id
            )
        ):
            services.setdefault(cid, []).append(name)
        rows = session.execute(
            select(
                m.Contact.id,
                m.Contact.contact_at,
                mo.reference,
                func.coalesce(mo.preferred_name, mo.full_name),
                vo.reference,
                func.coalesce(vo.preferred_name, vo.full_name),
                m.Contact.medium,
                m.Contact.outcome,
                m.Contact.duration_minutes,
                m.Contact.concerns,
                m.Contact.follow_up,
                m.Contact.follow_up_done_on,
                m.Contact.notes,
            )
            .join(m.Match, m.Match.id == m.Contact.match_id)
            .join(mo, mo.id == m.Match.mother_id)
            .join(vo, vo.id == m.Match.volunteer_id)
            .order_by(m.Contact.contact_at, m.Contact.id)
        ).all()
    found = []
    for cid, at, mref, mname, vref, vname, medium, outcome, minutes, *rest in rows:
        concerns, follow_up, done_on, notes = rest
        found.append(
            [
                at.date(),
                f"{at:%H:%M}",
                mref or "",
                mname,
                vref or "",
                vname,
                MEDIUM_LABELS[medium],
                "Made" if outcome is m.ContactOutcome.MADE else "Attempted",
                minutes,
                "; ".join(sorted(supports.get(cid, []))),
                "; ".join(sorted(services.get(cid, []))),
                concerns or "",
                follow_up or "",
                done_on,
                notes or "",
            ]
        )
    return found


def _csv(rows: Iterable[list[object]]) -> bytes:
    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(HEADERS)
    for row in rows:
        writer.writerow(
            [value.strftime("%d/%m/%Y") if hasattr(value, "strftime") else value for value in row]
        )
    return text.getvalue().encode("utf-8-sig")


def _xlsx(rows: list[list[object]], fh) -> None:  # noqa: ANN001 (a binary file)
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Contacts")
    sheet.append(list(HEADERS))
    for row in rows:
        sheet.append(row)
    book.save(fh)


def export_contacts(vault: Vault, path: Path | str) -> tuple[Path, int]:
    """Write every contact to `path` (.csv or .xlsx); (the file, how many rows)."""
    path = Path(path).expanduser().absolute()
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ExportError(f"Export to a .csv or .xlsx file, not '{path.suffix or path.name}'.")
    rows = contact_rows(vault)
    if suffix == ".csv":
        data = _csv(rows)
        write_atomically(path, lambda fh: fh.write(data))
    else:
        write_atomically(path, lambda fh: _xlsx(rows, fh))
    with vault.transaction() as session:
        audit.record(
            session,
            AuditAction.EXPORT,
            entity_type="contact",
            fields=[h.lower() for h in HEADERS],
            summary=f"{len(rows)} exported to a {suffix[1:].upper()} file",
        )
    return path, len(rows)
