"""The letters Coordinator makes, and the sections a referral summary can hold."""

from __future__ import annotations

import enum


class LetterKind(enum.StrEnum):
    """Stored as LetterSent.kind."""

    REFERRAL_SUMMARY = "referral_summary"
    OFFER = "offer"
    ACKNOWLEDGEMENT = "acknowledgement"
    INTRODUCTION = "introduction"
    ENDING_PLANNED = "ending_planned"
    ENDING_UNPLANNED = "ending_unplanned"


LETTER_LABELS: dict[LetterKind, str] = {
    LetterKind.REFERRAL_SUMMARY: "Referral summary",
    LetterKind.OFFER: "What we offer",
    LetterKind.ACKNOWLEDGEMENT: "Referral acknowledgement",
    LetterKind.INTRODUCTION: "Introduction letter",
    LetterKind.ENDING_PLANNED: "Ending letter (planned)",
    LetterKind.ENDING_UNPLANNED: "Ending letter (unplanned)",
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
    Section.IDENTITY: "Identity and contact",
    Section.PREGNANCY: "Pregnancy and baby",
    Section.REFERRAL: "Referral",
    Section.NEEDS: "Needs",
    Section.SUPPORT: "Support so far",
    Section.SAFEGUARDING: "Safeguarding",
}


class AddressChoice(enum.StrEnum):
    """Where a letter to her is addressed."""

    HOME = "home"
    #: Care of her referrer, when that is how she asked to be contacted.
    SAFE = "safe"
    #: No address: handed to her in person.
    NONE = "none"


ADDRESS_LABELS: dict[AddressChoice, str] = {
    AddressChoice.HOME: "To her home address",
    AddressChoice.SAFE: "To her safe address",
    AddressChoice.NONE: "Without an address, to hand to her",
}


def parse_sections(text: str) -> frozenset[Section]:
    """'identity,needs' -> the sections; ValueError naming what is not a section."""
    chosen = [part.strip().lower() for part in text.split(",") if part.strip()]
    unknown = [part for part in chosen if part not in Section.__members__.values()]
    if unknown:
        names = ", ".join(s.value for s in Section)
        raise ValueError(f"Not a section: {', '.join(unknown)}. Choose from {names}.")
    return frozenset(Section(part) for part in chosen)
