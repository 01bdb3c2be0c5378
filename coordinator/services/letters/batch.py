"""Introduction letters for every match accepted on a day, in one PDF (one print job)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from coordinator import letters
from coordinator.models import Match, MatchStatus, MatchStatusChange, Mother
from coordinator.services.letters.kinds import LetterKind
from coordinator.services.letters.letterhead import load_letterhead
from coordinator.services.letters.making import LetterRequest, _draft_letter, _mother, _record
from coordinator.services.letters.safety import LetterRefused
from coordinator.storage.vault import Vault


@dataclass(frozen=True)
class Batch:
    #: None when no letter could be made.
    pdf: bytes | None
    made: tuple[str, ...]  # her reference, for each letter in the PDF
    #: (her reference, why her letter is not in it): e.g. no letters to her home address.
    left_out: tuple[tuple[str, str], ...]


def introductions_accepted_on(vault: Vault, day: date, *, made_by: str, today: date) -> Batch:
    """A letter to each mother whose match became active on `day`, addressed to her home;
    a mother whose home may not be written to is left out, with the reason, so that her
    letter can be made on its own without an address or to her safe address."""
    with vault.transaction() as session:
        mother_ids = session.scalars(
            select(Match.mother_id)
            .join(MatchStatusChange, MatchStatusChange.match_id == Match.id)
            .where(
                MatchStatusChange.to_status == MatchStatus.ACTIVE,
                MatchStatusChange.changed_on == day,
                Match.status == MatchStatus.ACTIVE,
            )
            .join(Mother, Mother.id == Match.mother_id)
            .order_by(Mother.reference)
            .distinct()
        ).all()
        drafted, made, left_out = [], [], []
        head = None
        for mother_id in mother_ids:
            request = LetterRequest(LetterKind.INTRODUCTION, mother_id, made_by=made_by)
            mother = _mother(session, mother_id)
            try:
                draft, letter = _draft_letter(session, mother, request, today)
            except LetterRefused as refused:
                left_out.append((mother.reference or "", refused.message))
                continue
            _record(session, request, draft, today)
            drafted.append(letter)
            made.append(mother.reference or "")
        if drafted:
            head = load_letterhead(session)
    pdf = letters.letters_pdf(drafted, head) if drafted and head else None
    return Batch(pdf, tuple(made), tuple(left_out))
