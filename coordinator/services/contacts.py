"""The contact log of a match: one entry per visit, call or message (Qt-free).

Entry is fast: a new entry starts at now, with the medium and support types of this match's
last contact (what she most often types again). Saving checks the entry and says what is
wrong in words; an entry marked "safeguarding escalated" opens a safeguarding concern on
the mother's record, linked to the contact.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from coordinator import models as m
from coordinator.models import AuditAction
from coordinator.services import audit
from coordinator.services.contacts_norms import DependencyFlag, contacts_per_week, dependency_flags
from coordinator.services.sessions import Source, reading
from coordinator.storage.vault import Vault

MEDIUM_LABELS = {
    m.ContactMedium.HOME_VISIT: "Home visit",
    m.ContactMedium.PHONE: "Phone",
    m.ContactMedium.TEXT: "Text",
    m.ContactMedium.VIDEO: "Video",
    m.ContactMedium.OUTING: "Outing",
    m.ContactMedium.ACCOMPANIED_APPOINTMENT: "Accompanied appointment",
}
SUPPORT_LABELS = {
    m.SupportType.ACTIVE_LISTENING: "Active listening",
    m.SupportType.INFORMATION: "Information",
    m.SupportType.SIGNPOSTING: "Signposting",
    m.SupportType.PRACTICAL: "Practical help",
}
#: The longest a contact can last (minutes): a whole day out.
LONGEST_MINUTES = 16 * 60


class ContactInvalid(ValueError):
    """The entry cannot be saved; `problems` says why, by field."""

    def __init__(self, problems: dict[str, str]):
        super().__init__("; ".join(problems.values()))
        self.problems = problems


@dataclass
class ContactEntry:
    match_id: int
    contact_at: datetime
    medium: m.ContactMedium = m.ContactMedium.HOME_VISIT
    made: bool = True
    duration_minutes: int | None = None
    supports: tuple[m.SupportType, ...] = ()
    service_ids: tuple[int, ...] = ()
    concerns: str = ""
    follow_up: str = ""
    follow_up_done_on: date | None = None
    safeguarding_escalated: bool = False
    notes: str = ""
    mileage_miles: float | None = None
    expenses_pence: int | None = None
    reported_by: m.ReportedBy = m.ReportedBy.VOLUNTEER
    id: int | None = None


@dataclass(frozen=True)
class ContactRow:
    id: int
    contact_at: datetime
    medium: m.ContactMedium
    made: bool
    duration_minutes: int | None
    supports: tuple[m.SupportType, ...]
    services: tuple[str, ...]
    concerns: str | None
    follow_up_open: bool
    safeguarding_escalated: bool
    notes: str | None


@dataclass(frozen=True)
class MatchContacts:
    """What the match shows of its contact log."""

    match_id: int
    rows: tuple[ContactRow, ...]  # newest first
    total: int
    last_contact: date | None
    per_week: float
    norm_per_week: float
    dependency: DependencyFlag | None = None
    warnings: tuple[str, ...] = field(default_factory=tuple)


def blank_contact(source: Source, match_id: int, now: datetime) -> ContactEntry:
    """A new entry for the match: now, with the medium and supports of its last contact."""
    with reading(source) as session:
        last = session.execute(
            select(m.Contact.id, m.Contact.medium, m.Contact.reported_by)
            .where(m.Contact.match_id == match_id)
            .order_by(m.Contact.contact_at.desc(), m.Contact.id.desc())
            .limit(1)
        ).one_or_none()
        entry = ContactEntry(match_id, now.replace(second=0, microsecond=0))
        if last is not None:
            supports = session.scalars(
                select(m.ContactSupport.support_type).where(m.ContactSupport.contact_id == last[0])
            ).all()
            entry = replace(
                entry,
                medium=last[1],
                reported_by=last[2],
                supports=tuple(sorted(supports, key=list(m.SupportType).index)),
            )
    return entry


def check(entry: ContactEntry, *, now: datetime) -> dict[str, str]:
    """What is wrong with the entry, by field (empty: it can be saved)."""
    problems = {}
    if entry.contact_at > now.replace(second=59, microsecond=999999):
        problems["contact_at"] = "The contact is in the future: check the date and time."
    if entry.duration_minutes is not None and not 0 <= entry.duration_minutes <= LONGEST_MINUTES:
        problems["duration_minutes"] = "Give the length in minutes, at most 16 hours."
    if entry.mileage_miles is not None and entry.mileage_miles < 0:
        problems["mileage_miles"] = "Mileage cannot be below 0."
    if entry.expenses_pence is not None and entry.expenses_pence < 0:
        problems["expenses_pence"] = "Expenses cannot be below 0."
    if entry.follow_up_done_on and not entry.follow_up.strip():
        problems["follow_up"] = "Say what the follow-up was, or clear its done date."
    if entry.follow_up_done_on and entry.follow_up_done_on < entry.contact_at.date():
        problems["follow_up_done_on"] = "The follow-up cannot be done before the contact."
    if m.SupportType.SIGNPOSTING in entry.supports and not entry.service_ids:
        problems["service_ids"] = "Signposting: choose the service(s) she was pointed to."
    return problems


def _text(value: str) -> str | None:
    return value.strip() or None


def save_contact(vault: Vault, entry: ContactEntry, *, now: datetime) -> int:
    """Add or change the contact; its id. Raises ContactInvalid with what is wrong."""
    problems = check(entry, now=now)
    if problems:
        raise ContactInvalid(problems)
    with vault.transaction() as session:
        match = session.get(m.Match, entry.match_id)
        if match is None:
            raise ContactInvalid({"match_id": "That match is no longer in the database."})
        if entry.contact_at.date() < (match.start_date or match.proposed_on):
            raise ContactInvalid({"contact_at": "The contact is before the match started."})
        contact = session.get(m.Contact, entry.id) if entry.id else None
        created = contact is None
        if contact is None:
            contact = m.Contact(match_id=entry.match_id)
            session.add(contact)
        escalated_before = bool(contact.safeguarding_escalated)
        contact.contact_at = entry.contact_at
        contact.medium = entry.medium
        contact.outcome = m.ContactOutcome.MADE if entry.made else m.ContactOutcome.ATTEMPTED
        contact.duration_minutes = entry.duration_minutes
        contact.concerns = _text(entry.concerns)
        contact.follow_up = _text(entry.follow_up)
        contact.follow_up_done_on = entry.follow_up_done_on
        contact.safeguarding_escalated = entry.safeguarding_escalated
        contact.notes = _text(entry.notes)
        contact.mileage_miles = entry.mileage_miles
        contact.expenses_pence = entry.expenses_pence
        contact.reported_by = entry.reported_by
        contact.support_types = list(dict.fromkeys(entry.supports))
        contact.signposted_services = [
            s for s in (session.get(m.LocalService, i) for i in entry.service_ids) if s
        ]
        session.flush()
        if entry.safeguarding_escalated and not escalated_before:
            _open_concern(session, match, contact)
        audit.record(
            session,
            AuditAction.CREATE if created else AuditAction.UPDATE,
            entity_type="contact",
            entity_id=contact.id,
        )
        return contact.id


def _open_concern(session: Session, match: m.Match, contact: m.Contact) -> None:
    """A safeguarding concern on her record, linked to the contact (unless one is)."""
    linked = session.scalar(
        select(m.SafeguardingConcern.id).where(m.SafeguardingConcern.contact_id == contact.id)
    )
    if linked is not None:
        return
    concern = m.SafeguardingConcern(
        mother_id=match.mother_id,
        contact_id=contact.id,
        raised_on=contact.contact_at.date(),
        raised_by="Reported at a contact",
        note=contact.concerns,
    )
    session.add(concern)
    session.flush()
    audit.record(
        session, AuditAction.CREATE, entity_type="safeguarding_concern", entity_id=concern.id
    )


def concern_for(source: Source, contact_id: int) -> tuple[int, int] | None:
    """(mother id, concern id) of the safeguarding concern a contact opened, if any."""
    with reading(source) as session:
        row = session.execute(
            select(m.SafeguardingConcern.mother_id, m.SafeguardingConcern.id).where(
                m.SafeguardingConcern.contact_id == contact_id
            )
        ).first()
    return (row[0], row[1]) if row else None


def load_contact(source: Source, contact_id: int) -> ContactEntry:
    with reading(source) as session:
        c = session.get(m.Contact, contact_id)
        if c is None:
            raise LookupError("That contact is no longer in the database.")
        return ContactEntry(
            c.match_id,
            c.contact_at,
            c.medium,
            c.outcome == m.ContactOutcome.MADE,
            c.duration_minutes,
            tuple(c.support_types),
            tuple(s.id for s in c.signposted_services),
            c.concerns or "",
            c.follow_up or "",
            c.follow_up_done_on,
            c.safeguarding_escalated,
            c.notes or "",
            c.mileage_miles,
            c.expenses_pence,
            c.reported_by,
            c.id,
        )


def delete_contact(vault: Vault, contact_id: int) -> None:
    with vault.transaction() as session:
        contact = session.get(m.Contact, contact_id)
        if contact is not None:
            session.delete(contact)
            audit.record(session, AuditAction.DELETE, entity_type="contact", entity_id=contact_id)


def match_contacts(
    source: Source, match_id: int, today: date, *, limit: int = 200
) -> MatchContacts:
    """The match's contacts newest first, its last contact, the rate against its norm and
    its dependency flag."""
    with reading(source) as session:
        total = int(session.scalar(select(func.count()).where(m.Contact.match_id == match_id)) or 0)
        contacts = session.scalars(
            select(m.Contact)
            .where(m.Contact.match_id == match_id)
            .order_by(m.Contact.contact_at.desc(), m.Contact.id.desc())
            .limit(limit)
        ).all()
        rows = tuple(
            ContactRow(
                c.id,
                c.contact_at,
                c.medium,
                c.outcome == m.ContactOutcome.MADE,
                c.duration_minutes,
                tuple(c.support_types),
                tuple(s.name for s in c.signposted_services),
                c.concerns,
                c.has_open_follow_up,
                c.safeguarding_escalated,
                c.notes,
            )
            for c in contacts
        )
        last = session.scalar(
            select(func.max(m.Contact.contact_at)).where(
                m.Contact.match_id == match_id, m.Contact.outcome == m.ContactOutcome.MADE
            )
        )
        per_week, norm = contacts_per_week(session, match_id, today)
        flag = dependency_flags(session, today, [match_id]).get(match_id)
    return MatchContacts(
        match_id,
        rows,
        total,
        _as_day(last),
        per_week,
        norm,
        flag,
        tuple(flag.reasons()) if flag else (),
    )


def _as_day(value: object) -> date | None:
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.date() if isinstance(value, datetime) else None


@dataclass(frozen=True)
class LiveMatch:
    match_id: int
    mother_ref: str
    mother_name: str
    volunteer_ref: str
    volunteer_name: str

    @property
    def label(self) -> str:
        return (
            f"{self.mother_ref} {self.mother_name} with {self.volunteer_ref} {self.volunteer_name}"
        )


def live_matches(source: Source, *, match_id: int | None = None) -> list[LiveMatch]:
    """Matches a contact can be logged for (active or paused; and `match_id` whatever its
    state), by mother's name."""
    mo, vo = aliased(m.Mother), aliased(m.Volunteer)
    statement = (
        select(
            m.Match.id,
            mo.reference,
            func.coalesce(mo.preferred_name, mo.full_name),
            vo.reference,
            func.coalesce(vo.preferred_name, vo.full_name),
        )
        .join(mo, mo.id == m.Match.mother_id)
        .join(vo, vo.id == m.Match.volunteer_id)
    )
    live = m.Match.status.in_((m.MatchStatus.ACTIVE, m.MatchStatus.PAUSED))
    statement = statement.where(live | (m.Match.id == match_id) if match_id else live)
    with reading(source) as session:
        rows = session.execute(statement.order_by(mo.full_name, m.Match.id)).all()
    return [LiveMatch(r[0], r[1] or "", r[2], r[3] or "", r[4]) for r in rows]


def service_choices(source: Source) -> list[tuple[int, str]]:
    """The directory's active services: (id, name), by name."""
    with reading(source) as session:
        rows = session.execute(
            select(m.LocalService.id, m.LocalService.name)
            .where(m.LocalService.active.is_(True))
            .order_by(m.LocalService.name)
        ).all()
    return [(r[0], r[1]) for r in rows]
