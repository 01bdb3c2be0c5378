"""Preparing a letter: gathered, worded and checked against the safety rules, as the plain
document coordinator.letters lays out; then recorded as a LetterSent (type, to whom,
sections, by whom, when) with an audit event. coordinator.letters.made joins the two."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from coordinator.models import AuditAction, LetterSent, Match, MatchStatus, Mother
from coordinator.models.ending import EndingType
from coordinator.models.mother_detail import LetterMethod
from coordinator.services import audit
from coordinator.services.letters import gather
from coordinator.services.letters.documents import (
    Letter,
    Letterhead,
    OfferSheet,
    ReferralSummary,
)
from coordinator.services.letters.kinds import (
    LETTER_LABELS,
    SECTION_LABELS,
    TO_HER,
    AddressChoice,
    LetterKind,
    Section,
)
from coordinator.services.letters.letterhead import load_letterhead
from coordinator.services.letters.safety import (
    LetterRefused,
    Recipient,
    addressed,
    consent_warning,
    her_referrer,
)
from coordinator.services.letters.wording import fill, load_wording
from coordinator.services.sessions import Source, reading
from coordinator.storage.vault import Vault

INTRODUCTION_MATCHES = (MatchStatus.PROPOSED, MatchStatus.ACTIVE)
ENDING_MATCHES = (MatchStatus.ENDED, MatchStatus.ACTIVE, MatchStatus.PAUSED)
LETTERHEAD_FIRST = (
    "The letterhead does not name the charity yet: fill in its name, address and signatory "
    "in Settings → Letters, then make the letter."
)


@dataclass(frozen=True)
class LetterRequest:
    kind: LetterKind
    mother_id: int
    address: AddressChoice = AddressChoice.HOME
    sections: frozenset[Section] = frozenset()
    #: She confirmed, after ticking it, that safeguarding belongs in this summary.
    safeguarding_confirmed: bool = False
    #: Who a referral summary is for; None = her referrer.
    recipient: Recipient | None = None
    #: She read the consent warning and makes the summary anyway (recorded).
    consent_acknowledged: bool = False
    made_by: str = ""


@dataclass(frozen=True)
class Prepared:
    """A letter ready to lay out, and what its record will say."""

    document: Letter | ReferralSummary
    letterhead: Letterhead
    to: str
    method: LetterMethod
    note: str
    ending_id: int | None = None
    warnings: tuple[str, ...] = field(default_factory=tuple)


def ending_kind(source: Source, mother_id: int) -> LetterKind:
    """The ending letter her last match calls for: unplanned when its ending says so."""
    with reading(source) as session:
        match = gather.latest_match(session, mother_id, ENDING_MATCHES)
        ending = gather.ending_of(session, match) if match else None
    if ending is not None and ending.ending_type == EndingType.UNPLANNED:
        return LetterKind.ENDING_UNPLANNED
    return LetterKind.ENDING_PLANNED


class Settings:
    """The letterhead and wording read once for a run of letters (a batch reads them for
    its first letter only)."""

    def __init__(self, session: Session):
        self._session = session
        self._head: Letterhead | None = None
        self._wording: dict[LetterKind, str] = {}

    def letterhead(self) -> Letterhead:
        if self._head is None:
            self._head = ready_letterhead(load_letterhead(self._session))
        return self._head

    def wording(self, kind: LetterKind) -> str:
        if kind not in self._wording:
            self._wording[kind] = load_wording(self._session, kind)
        return self._wording[kind]


def ready_letterhead(head: Letterhead) -> Letterhead:
    """The letterhead, once it names the charity: a letter that does not say who sent it
    is never made."""
    if not head.charity_name.strip():
        raise LetterRefused(LETTERHEAD_FIRST)
    return head


def letterhead_problem(source: Source) -> str | None:
    """What stops any letter being made (the letterhead not set up), or None."""
    try:
        ready_letterhead(load_letterhead(source))
    except LetterRefused as refused:
        return refused.message
    return None


def reference_of(session: Session, mother_id: int) -> str:
    mother = session.get(Mother, mother_id)
    return (mother.reference or "") if mother else ""


def _mother(session: Session, mother_id: int) -> Mother:
    mother = gather.load_mother(session, mother_id)
    if mother is None:
        raise LetterRefused("That mother is not in the database (she may have been deleted).")
    return mother


def _match_for(session: Session, mother: Mother, kind: LetterKind) -> Match:
    wanted = INTRODUCTION_MATCHES if kind == LetterKind.INTRODUCTION else ENDING_MATCHES
    match = gather.latest_match(session, mother.id, wanted)
    if match is None:
        states = " or ".join(s.value for s in wanted)
        raise LetterRefused(f"She has no {states} match, so there is no volunteer to name.")
    return match


def _summary_recipient(mother: Mother, request: LetterRequest) -> Recipient:
    recipient = request.recipient or her_referrer(mother)
    if recipient is None or not recipient.one_line():
        raise LetterRefused(
            "No referrer is recorded for her. Name the person or service the summary is for."
        )
    return recipient


def _prepare_summary(
    session: Session, mother: Mother, request: LetterRequest, today: date, settings: Settings
):
    if not request.sections:
        raise LetterRefused("Tick at least one section to include in the summary.")
    if Section.SAFEGUARDING in request.sections and not request.safeguarding_confirmed:
        raise LetterRefused(
            "Safeguarding is ticked. Confirm that it should be shared before the summary is made."
        )
    recipient = _summary_recipient(mother, request)
    warning = consent_warning(mother, recipient)
    if warning and not request.consent_acknowledged:
        raise LetterRefused(warning, needs_acknowledgement=True)
    head = settings.letterhead()
    worded = fill(
        settings.wording(LetterKind.REFERRAL_SUMMARY),
        gather.values(mother, head, today, recipient_name=recipient.name),
    )
    intro = "\n\n".join(b for b in (worded.salutation, *worded.body) if isinstance(b, str))
    basis = "Shared with her consent." if not warning else "Shared at the coordinator's decision."
    summary = ReferralSummary(
        recipient=recipient.lines(),
        our_ref=mother.reference or "",
        dated=today,
        about=mother.full_name,
        intro=intro,
        sections=gather.summary_sections(session, mother, request.sections),
        basis=basis,
    )
    chosen = ", ".join(SECTION_LABELS[s] for s in Section if s in request.sections)
    note = f"Sections: {chosen}."
    if warning:
        note += " Made without a recorded consent to share; the warning was acknowledged."
    return Prepared(
        summary,
        head,
        recipient.one_line(),
        LetterMethod.POST,
        note,
        warnings=(warning,) if warning else (),
    )


def _prepare_letter(
    session: Session, mother: Mother, request: LetterRequest, today: date, settings: Settings
):
    kind = request.kind
    head = settings.letterhead()
    match = ending = None
    if kind == LetterKind.ACKNOWLEDGEMENT:
        referrer = her_referrer(mother)
        if referrer is None:
            raise LetterRefused("No referrer is recorded for her, so there is no one to thank.")
        recipient, to = referrer.lines(), referrer.one_line()
        method = LetterMethod.POST
    else:
        match = _match_for(session, mother, kind)
        if kind in (LetterKind.ENDING_PLANNED, LetterKind.ENDING_UNPLANNED):
            ending = gather.ending_of(session, match)
        recipient = addressed(mother, request.address)
        to = mother.full_name + ("" if recipient else " (to hand to her)")
        method = LetterMethod.POST if recipient else LetterMethod.BY_HAND
    worded = fill(
        settings.wording(kind), gather.values(mother, head, today, match=match, ending=ending)
    )
    letter = Letter(
        recipient=recipient,
        our_ref=mother.reference or "",
        dated=today,
        salutation=worded.salutation,
        body=worded.body,
        subject=worded.subject,
        closing=worded.closing or "With best wishes,",
    )
    note = f"Address: {request.address.value}." if kind in TO_HER else ""
    return Prepared(letter, head, to, method, note, ending.id if ending else None)


def prepare(
    session: Session, request: LetterRequest, today: date, settings: Settings | None = None
) -> Prepared:
    """The letter asked for, worded and checked; LetterRefused says why it cannot be."""
    settings = settings or Settings(session)
    mother = _mother(session, request.mother_id)
    if request.kind == LetterKind.REFERRAL_SUMMARY:
        return _prepare_summary(session, mother, request, today, settings)
    if request.kind == LetterKind.OFFER:
        raise LetterRefused("The offer sheet is made for a project: use offer_for_project.")
    return _prepare_letter(session, mother, request, today, settings)


def record(session: Session, request: LetterRequest, prepared: Prepared, today: date) -> int:
    """Add the LetterSent and its audit event to the session's transaction; its id."""
    made_by = request.made_by.strip()
    note = " ".join(p for p in (prepared.note, f"Made by {made_by}." if made_by else "") if p)
    sections = None
    if request.kind == LetterKind.REFERRAL_SUMMARY:
        sections = ",".join(s.value for s in Section if s in request.sections)
    row = LetterSent(
        mother_id=request.mother_id,
        ending_id=prepared.ending_id,
        kind=request.kind.value,
        recipient=prepared.to,
        sent_on=today,
        method=prepared.method,
        note=note,
        sections=sections,
        made_by=made_by or None,
    )
    session.add(row)
    session.flush()
    audit.record(
        session,
        AuditAction.CREATE,
        entity_type="letter_sent",
        entity_id=row.id,
        fields=["kind", "recipient", "method", "sections", "made_by", "note"],
        summary=f"{LETTER_LABELS[request.kind].lower()} made",
    )
    return row.id


def offer_sheet(source: Source, project_id: int) -> tuple[OfferSheet, Letterhead]:
    """The project's "What we offer" sheet and the letterhead it prints on."""
    with reading(source) as session:
        head = ready_letterhead(load_letterhead(session))
        offer = gather.offer_sheet(session, project_id, head)
    if offer is None:
        raise LetterRefused("That project is not in the database.")
    return offer, head


def record_offer(vault: Vault, project_id: int) -> None:
    """The offer sheet names no one; that it was made is audited all the same."""
    with vault.transaction() as session:
        audit.record(
            session,
            AuditAction.EXPORT,
            entity_type="project",
            entity_id=project_id,
            summary="offer sheet made",
        )


@dataclass(frozen=True)
class LetterRow:
    letter_id: int
    kind: LetterKind | str
    label: str
    to: str
    sent_on: date | None
    method: str
    note: str
    #: A referral summary's sections, in the order they print; () for other letters.
    sections: tuple[Section, ...] = ()
    made_by: str = ""


def _sections(stored: str | None) -> tuple[Section, ...]:
    codes = {part.strip() for part in (stored or "").split(",")}
    return tuple(s for s in Section if s.value in codes)


def letters_for_mother(source: Source, mother_id: int) -> list[LetterRow]:
    """Her letters, newest first."""
    with reading(source) as session:
        rows = session.scalars(
            select(LetterSent)
            .where(LetterSent.mother_id == mother_id)
            .order_by(LetterSent.sent_on.desc(), LetterSent.id.desc())
        ).all()
        return [
            LetterRow(
                r.id,
                r.kind,
                LETTER_LABELS.get(r.kind, r.kind),
                r.recipient or "",
                r.sent_on,
                r.method.value,
                r.note or "",
                _sections(r.sections),
                r.made_by or "",
            )
            for r in rows
        ]
