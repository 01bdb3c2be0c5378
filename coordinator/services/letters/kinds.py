"""The letters Coordinator makes, and the sections a referral summary can hold."""

from __future__ import annotations

import enum

from coordinator.words import N_


class LetterKind(enum.StrEnum):
    """Stored as LetterSent.kind."""

    REFERRAL_SUMMARY = "referral_summary"
    OFFER = "offer"
    ACKNOWLEDGEMENT = "acknowledgement"
    INTRODUCTION = "introduction"
    ENDING_PLANNED = "ending_planned"
    ENDING_UNPLANNED = "ending_unplanned"


LETTER_LABELS: dict[LetterKind, str] = {
    LetterKind.REFERRAL_SUMMARY: N_("Referral summary"),
    LetterKind.OFFER: N_("What we offer"),
    LetterKind.ACKNOWLEDGEMENT: N_("Referral acknowledgement"),
    LetterKind.INTRODUCTION: N_("Introduction letter"),
    LetterKind.ENDING_PLANNED: N_("Ending letter (planned)"),
    LetterKind.ENDING_UNPLANNED: N_("Ending letter (unplanned)"),
}

#: Letters whose wording she can edit in Settings → Letters (the offer sheet comes from the
#: project's own settings).
WORDED = (
    LetterKind.ACKNOWLEDGEMENT,
    LetterKind.INTRODUCTION,
    LetterKind.ENDING_PLANNED,
    LetterKind.ENDING_UNPLANNED,
    LetterKind.REFERRAL_SUMMARY,
)

#: Letters addressed to her, to which "no letters to home address" applies.
TO_HER = frozenset(
    {LetterKind.INTRODUCTION, LetterKind.ENDING_PLANNED, LetterKind.ENDING_UNPLANNED}
)


class Section(enum.StrEnum):
    """A part of a referral summary she can tick. Supervision notes are not one: they are
    about volunteers and never leave the supervision records."""

    IDENTITY = "identity"
    PREGNANCY = "pregnancy"
    REFERRAL = "referral"
    NEEDS = "needs"
    SUPPORT = "support"
    SAFEGUARDING = "safeguarding"


SECTION_LABELS: dict[Section, str] = {
    Section.IDENTITY: N_("Identity and contact"),
    Section.PREGNANCY: N_("Pregnancy and baby"),
    Section.REFERRAL: N_("Referral"),
    Section.NEEDS: N_("Needs"),
    Section.SUPPORT: N_("Support so far"),
    Section.SAFEGUARDING: N_("Safeguarding"),
}


class AddressChoice(enum.StrEnum):
    """Where a letter to her is addressed."""

    HOME = "home"
    #: The safe address recorded on her, or care of her referrer when that is how she
    #: asked to be contacted.
    SAFE = "safe"
    #: No address: handed to her in person.
    NONE = "none"


ADDRESS_LABELS: dict[AddressChoice, str] = {
    AddressChoice.HOME: N_("To her home address"),
    AddressChoice.SAFE: N_("To her safe address"),
    AddressChoice.NONE: N_("Without an address, to hand to her"),
}


def parse_sections(text: str) -> frozenset[Section]:
    """'identity,needs' -> the sections; ValueError naming what is not a section."""
    chosen = [part.strip().lower() for part in text.split(",") if part.strip()]
    unknown = [part for part in chosen if part not in Section.__members__.values()]
    if unknown:
        names = ", ".join(s.value for s in Section)
        raise ValueError(f"Not a section: {', '.join(unknown)}. Choose from {names}.")
    return frozenset(Section(part) for part in chosen)
