"""What the Letters dialog offers before a letter is made: where a letter to her may go
(and why not elsewhere), whether a summary needs her consent acknowledged, her name."""

from __future__ import annotations

from dataclasses import dataclass

from coordinator.models import Match
from coordinator.models.ending import EndingType
from coordinator.services.letters import gather
from coordinator.services.letters.kinds import AddressChoice, LetterKind
from coordinator.services.letters.safety import (
    address_options,
    consent_warning,
    her_referrer,
    safe_address,
)
from coordinator.services.sessions import Source, reading


@dataclass(frozen=True)
class LetterOptions:
    mother_id: int
    reference: str
    name: str
    #: Each address choice with the reason it is refused (None = allowed).
    addresses: dict[AddressChoice, str | None]
    referrer: str
    #: Said before a summary to her referrer is made, when no consent covers it.
    referrer_consent_warning: str | None
    has_open_safeguarding: bool
    #: Her safe address on one line, after her name ("" when none is recorded).
    safe_address: str = ""


def letter_options(source: Source, mother_id: int) -> LetterOptions | None:
    with reading(source) as session:
        mother = gather.load_mother(session, mother_id)
        if mother is None:
            return None
        referrer = her_referrer(mother)
        return LetterOptions(
            mother_id=mother.id,
            reference=mother.reference or "",
            name=mother.full_name,
            addresses=address_options(mother),
            referrer=referrer.one_line() if referrer else "",
            referrer_consent_warning=consent_warning(mother, referrer) if referrer else None,
            has_open_safeguarding=any(c.is_open for c in mother.safeguarding_concerns),
            safe_address=", ".join(safe_address(mother)[1:]),
        )


def ending_letter_for(source: Source, match_id: int) -> tuple[int, LetterKind] | None:
    """For a match that has just ended: the mother to write to, and the ending letter its
    ending calls for (the unplanned wording when it ended unplanned). None when the match
    is gone."""
    with reading(source) as session:
        match = session.get(Match, match_id)
        if match is None:
            return None
        ending = gather.ending_of(session, match)
        unplanned = ending is not None and ending.ending_type == EndingType.UNPLANNED
        kind = LetterKind.ENDING_UNPLANNED if unplanned else LetterKind.ENDING_PLANNED
        return match.mother_id, kind
