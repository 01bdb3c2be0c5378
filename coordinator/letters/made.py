"""Letters about the people in the database, made: the services prepare and check them,
these pure functions lay them out, and the services record them. Nothing is recorded for a
letter that could not be made, and nothing is written to disk."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from coordinator.letters.correspondence import letter_pdf, letters_pdf
from coordinator.letters.offer import offer_pdf
from coordinator.letters.referral_summary import referral_summary_pdf
from coordinator.services.letters import making
from coordinator.services.letters.batch import accepted_on
from coordinator.services.letters.documents import Letter
from coordinator.services.letters.kinds import AddressChoice, LetterKind
from coordinator.services.letters.making import LetterRequest, Prepared
from coordinator.services.letters.safety import LetterRefused
from coordinator.storage.vault import Vault


@dataclass(frozen=True)
class MadeLetter:
    pdf: bytes
    letter_id: int
    to: str
    warnings: tuple[str, ...] = field(default_factory=tuple)


def laid_out(prepared: Prepared) -> bytes:
    document = prepared.document
    if isinstance(document, Letter):
        return letter_pdf(document, prepared.letterhead)
    return referral_summary_pdf(document, prepared.letterhead)


def make_letter(vault: Vault, request: LetterRequest, *, today: date) -> MadeLetter:
    """The letter's PDF bytes, recorded on her record; LetterRefused says why not."""
    with vault.transaction() as session:
        prepared = making.prepare(session, request, today)
        pdf = laid_out(prepared)
        letter_id = making.record(session, request, prepared, today)
    return MadeLetter(pdf, letter_id, prepared.to, prepared.warnings)


def offer_for_project(vault: Vault, project_id: int) -> bytes:
    """The project's "What we offer" sheet (it names no one; its making is audited)."""
    offer, head = making.offer_sheet(vault, project_id)
    pdf = offer_pdf(offer, head)
    making.record_offer(vault, project_id)
    return pdf


@dataclass(frozen=True)
class Batch:
    #: None when no letter could be made.
    pdf: bytes | None
    made: tuple[str, ...]  # her reference, for each letter in the PDF
    #: (her reference, why her letter is not in it): e.g. no letters to her home address.
    left_out: tuple[tuple[str, str], ...]


def _introduction(session, mother_id: int, made_by: str, today: date, settings):
    """Her introduction letter to her home, or to her safe address when her home may not
    be written to and one is recorded; LetterRefused when neither may be used."""
    request = LetterRequest(LetterKind.INTRODUCTION, mother_id, made_by=made_by)
    try:
        return request, making.prepare(session, request, today, settings)
    except LetterRefused as refused:
        if AddressChoice.SAFE not in refused.alternatives:
            raise
    request = replace(request, address=AddressChoice.SAFE)
    return request, making.prepare(session, request, today, settings)


def introductions_accepted_on(vault: Vault, day: date, *, made_by: str, today: date) -> Batch:
    """A letter to each mother whose match became active on `day`, addressed to her home
    (or her safe address, when her home may not be written to), in one PDF. A mother with
    neither is left out, with the reason, so that her letter can be made on its own without
    an address, to hand to her."""
    with vault.transaction() as session:
        prepared: list[tuple[LetterRequest, Prepared]] = []
        left_out: list[tuple[str, str]] = []
        references: list[str] = []
        settings = making.Settings(session)
        settings.letterhead()  # LetterRefused, once, when no letter can be made at all
        for mother_id in accepted_on(session, day):
            try:
                request, letter = _introduction(session, mother_id, made_by, today, settings)
            except LetterRefused as refused:
                left_out.append((making.reference_of(session, mother_id), refused.message))
                continue
            prepared.append((request, letter))
            references.append(making.reference_of(session, mother_id))
        if not prepared:
            return Batch(None, (), tuple(left_out))
        pdf = letters_pdf([p.document for _, p in prepared], prepared[0][1].letterhead)
        for request, letter in prepared:
            making.record(session, request, letter, today)
    return Batch(pdf, tuple(references), tuple(left_out))
