"""Contacts in from the volunteers' spreadsheet of visits (CSV or XLSX).

Each row's match is found by the mother's and the volunteer's references, else by their
names, among the matches going on that day. Rows that cannot be read are rejected with the
reason; a row already in the database (same match, minute and medium) or repeating an
earlier row is a duplicate and is not added again. Everything is saved in one transaction.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from sqlalchemy import select

from coordinator import models as m
from coordinator.models import AuditAction
from coordinator.services import audit
from coordinator.services.contacts import MEDIUM_LABELS, SUPPORT_LABELS
from coordinator.services.importing.readers import read_table
from coordinator.services.importing.report import ImportReport, Rejected
from coordinator.services.validation import Invalid, parse_date
from coordinator.storage.vault import Vault

#: Header (letters and digits only, lower case) -> field.
HEADERS = {
    **dict.fromkeys(("date", "contactdate", "when", "visitdate", "dateofcontact"), "date"),
    "time": "time",
    **dict.fromkeys(("motherref", "motherreference", "mumref", "ourref"), "mother_ref"),
    **dict.fromkeys(("mother", "mothername", "mum", "mumsname", "parent"), "mother"),
    **dict.fromkeys(("volunteerref", "volunteerreference"), "volunteer_ref"),
    **dict.fromkeys(("volunteer", "volunteername"), "volunteer"),
    **dict.fromkeys(("medium", "how", "contacttype", "type"), "medium"),
    **dict.fromkeys(("madeorattempted", "outcome", "made"), "outcome"),
    **dict.fromkeys(("minutes", "duration", "durationminutes", "length"), "minutes"),
    **dict.fromkeys(("supportgiven", "support"), "support"),
    **dict.fromkeys(("servicessignposted", "signposted", "signpostedto", "services"), "services"),
    **dict.fromkeys(("concerns", "concernsraised"), "concerns"),
    "followup": "follow_up",
    **dict.fromkeys(("followupdone", "followupdoneon"), "follow_up_done"),
    **dict.fromkeys(("notes", "note", "comments"), "notes"),
}
MEDIA = {
    **{label.casefold(): medium for medium, label in MEDIUM_LABELS.items()},
    **{medium.value.replace("_", " "): medium for medium in MEDIUM_LABELS},
    "visit": m.ContactMedium.HOME_VISIT,
    "call": m.ContactMedium.PHONE,
    "phone call": m.ContactMedium.PHONE,
    "sms": m.ContactMedium.TEXT,
    "whatsapp": m.ContactMedium.TEXT,
    "video call": m.ContactMedium.VIDEO,
    "appointment": m.ContactMedium.ACCOMPANIED_APPOINTMENT,
}
SUPPORTS = {
    **{label.casefold(): kind for kind, label in SUPPORT_LABELS.items()},
    "listening": m.SupportType.ACTIVE_LISTENING,
    "info": m.SupportType.INFORMATION,
    "practical": m.SupportType.PRACTICAL,
}
LIVE_ON_THE_DAY = (m.MatchStatus.ACTIVE, m.MatchStatus.PAUSED, m.MatchStatus.ENDED)


def _key(text: object) -> str:
    return re.sub(r"[^a-z0-9]", "", str(text or "").casefold())


def _words(text: object) -> str:
    return " ".join(str(text or "").split()).casefold()


def _score(rows: list[list[object]]) -> int:
    return max((sum(_key(c) in HEADERS for c in row) for row in rows[:10]), default=0)


def _header(rows: list[list[object]]) -> tuple[int, dict[int, str]]:
    """The header row's index and column -> field."""
    for index, row in enumerate(rows[:10]):
        fields = {c: HEADERS[_key(v)] for c, v in enumerate(row) if _key(v) in HEADERS}
        if "date" in fields.values() and ({"mother", "mother_ref"} & set(fields.values())):
            return index, fields
    raise Invalid("No header row with Date and Mother (or Mother ref) columns was found.")


class _Matches:
    """Every match, found by both references or both names, for the rows' days."""

    def __init__(self, session: Any):
        self.by_refs: dict[tuple[str, str], list[tuple]] = {}
        self.by_names: dict[tuple[str, str], list[tuple]] = {}
        mo, vo = m.Mother, m.Volunteer
        rows = session.execute(
            select(
                m.Match.id,
                m.Match.start_date,
                m.Match.ended_on,
                mo.reference,
                mo.full_name,
                mo.preferred_name,
                vo.reference,
                vo.full_name,
                vo.preferred_name,
            )
            .join(mo, mo.id == m.Match.mother_id)
            .join(vo, vo.id == m.Match.volunteer_id)
            .where(m.Match.status.in_(LIVE_ON_THE_DAY), m.Match.start_date.is_not(None))
        )
        for mid, start, end, mref, mfull, mpref, vref, vfull, vpref in rows:
            span = (mid, start, end)
            self.by_refs.setdefault((_key(mref), _key(vref)), []).append(span)
            for mother in {_words(mfull), _words(mpref)} - {""}:
                for volunteer in {_words(vfull), _words(vpref)} - {""}:
                    self.by_names.setdefault((mother, volunteer), []).append(span)

    def find(self, values: dict[str, Any], day: date) -> int:
        if values.get("mother_ref") and values.get("volunteer_ref"):
            spans = self.by_refs.get((_key(values["mother_ref"]), _key(values["volunteer_ref"])))
            who = f"{values['mother_ref']} and {values['volunteer_ref']}"
        else:
            spans = self.by_names.get(
                (_words(values.get("mother")), _words(values.get("volunteer")))
            )
            who = f"{values.get('mother') or '?'} and {values.get('volunteer') or '?'}"
        if not spans:
            raise Invalid(f"No match between {who}: check the references or names.")
        going = [s for s in spans if s[1] <= day and (s[2] is None or s[2] >= day)]
        if not going:
            raise Invalid(f"The match between {who} was not going on on {day:%d/%m/%Y}.")
        return max(going, key=lambda s: s[1])[0]


def _time(value: object) -> time:
    if isinstance(value, time):
        return value
    if isinstance(value, datetime):
        return value.time()
    text = str(value or "").strip().replace(".", ":")
    if not text:
        return time(12)
    hours, _, minutes = text.partition(":")
    try:
        return time(int(hours), int(minutes[:2] or 0))
    except ValueError:
        raise Invalid(f"'{value}' is not a time (write it as 14:30).") from None


def _row(
    values: dict[str, Any], matches: _Matches, services: dict[str, int], now: datetime
) -> dict:
    day = parse_date(values.get("date"))
    if day is None:
        raise Invalid("The date is missing.")
    at = datetime.combine(day, _time(values.get("time")))
    if at > now:
        raise Invalid("The contact is in the future.")
    medium = MEDIA.get(_words(values.get("medium")) or "home visit")
    if medium is None:
        raise Invalid(f"'{values.get('medium')}' is not a medium (home visit, phone, text, …).")
    supports = []
    for part in re.split(r"[;,/]", str(values.get("support") or "")):
        if part.strip():
            if _words(part) not in SUPPORTS:
                raise Invalid(f"'{part.strip()}' is not a kind of support.")
            supports.append(SUPPORTS[_words(part)])
    signposted = []
    for part in str(values.get("services") or "").split(";"):
        if part.strip():
            if _words(part) not in services:
                raise Invalid(f"'{part.strip()}' is not in the services directory: add it first.")
            signposted.append(services[_words(part)])
    minutes = values.get("minutes")
    try:
        minutes = int(float(minutes)) if str(minutes or "").strip() else None
    except ValueError:
        raise Invalid(f"'{minutes}' is not a number of minutes.") from None
    attempted = _words(values.get("outcome")) in ("attempted", "no answer", "no")
    return {
        "match_id": matches.find(values, day),
        "contact_at": at,
        "medium": medium,
        "outcome": m.ContactOutcome.ATTEMPTED if attempted else m.ContactOutcome.MADE,
        "duration_minutes": minutes,
        "concerns": str(values.get("concerns") or "").strip() or None,
        "follow_up": str(values.get("follow_up") or "").strip() or None,
        "follow_up_done_on": parse_date(values.get("follow_up_done")),
        "notes": str(values.get("notes") or "").strip() or None,
        "supports": list(dict.fromkeys(supports)),
        "services": list(dict.fromkeys(signposted)),
    }


def import_contacts(
    vault: Vault, path: Path | str, *, dry_run: bool = False, now: datetime | None = None
) -> ImportReport:
    """Read the file and add its contacts; the report says what was added and why rows were
    not. Raises importing.ImportFileError when the file cannot be read."""
    table = read_table(Path(path), _score)
    report = ImportReport(kind="contacts", dry_run=dry_run, sheet=table.sheet)
    try:
        start, fields = _header(table.rows)
    except Invalid as err:
        report.notes.append(str(err))
        return report
    report.header_row = start + 1
    header = table.rows[start]
    report.columns = [str(c or "") for c in header]
    report.mapping = {str(header[c]): f for c, f in fields.items()}
    report.unmapped = [str(c) for i, c in enumerate(header) if c and i not in fields]
    now = now or datetime.now()
    with vault.transaction() as session:
        matches = _Matches(session)
        services = {
            _words(name): sid
            for sid, name in session.execute(select(m.LocalService.id, m.LocalService.name))
        }
        seen = {
            tuple(row)
            for row in session.execute(
                select(m.Contact.match_id, m.Contact.contact_at, m.Contact.medium)
            )
        }
        for number, cells in enumerate(table.rows[start + 1 :], start=start + 2):
            if not any(str(c or "").strip() for c in cells):
                continue
            values = {f: cells[c] if c < len(cells) else None for c, f in fields.items()}
            try:
                row = _row(values, matches, services, now)
            except Invalid as err:
                report.rejected.append(
                    Rejected(number, str(err), tuple(str(c or "") for c in cells))
                )
                continue
            key = (row["match_id"], row["contact_at"], row["medium"])
            if key in seen:
                report.duplicates.append(number)
                continue
            seen.add(key)
            report.imported += 1
            if dry_run:
                continue
            supports, signposted = row.pop("supports"), row.pop("services")
            contact = m.Contact(**row)
            contact.support_types = supports
            contact.signposted_services = [session.get(m.LocalService, s) for s in signposted]
            session.add(contact)
            session.flush()
            report.ids.append(contact.id)
        if dry_run:
            session.rollback()
            return report
        audit.record(
            session,
            AuditAction.IMPORT,
            entity_type="contact",
            summary=f"{report.imported} imported, {len(report.rejected)} rejected",
        )
    return report
