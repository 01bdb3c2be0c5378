"""The plain data every document is made from (coordinator.letters lays them out). The
services fill these in; every string is printed exactly as given (already worded and
filled). Kept here, below the letters layer, so that the services can build them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Letterhead:
    """The charity's letterhead and signature, as set in Settings → Letters."""

    charity_name: str = ""
    charity_number: str = ""
    address: tuple[str, ...] = ()
    phone: str = ""
    email: str = ""
    website: str = ""
    #: The logo as PNG bytes (an SVG logo is kept as a PNG rendition for printing).
    logo_png: bytes | None = None
    signatory_name: str = ""
    signatory_role: str = ""
    footer: str = ""

    def contact_line(self) -> str:
        return "  ·  ".join(part for part in (self.phone, self.email, self.website) if part)


#: One block of a letter's body: a paragraph, or a list printed as bullets.
Block = str | tuple[str, ...]


@dataclass(frozen=True)
class Letter:
    """A letter to one person. An empty `recipient` prints no address (to hand over)."""

    recipient: tuple[str, ...]
    our_ref: str
    dated: date
    salutation: str
    body: tuple[Block, ...]
    subject: str = ""
    closing: str = "With best wishes,"


@dataclass(frozen=True)
class Field:
    label: str
    value: str


@dataclass(frozen=True)
class SummarySection:
    """One ticked section of a referral summary: label/value rows, then an optional list."""

    title: str
    fields: tuple[Field, ...] = ()
    items: tuple[str, ...] = ()
    #: Said when the section has nothing to show ("No contacts recorded yet.").
    empty_note: str = ""


@dataclass(frozen=True)
class ReferralSummary:
    recipient: tuple[str, ...]
    our_ref: str
    dated: date
    about: str  # her full name, for the title
    #: Paragraphs separated by a blank line.
    intro: str
    sections: tuple[SummarySection, ...]
    #: Printed under the title: on what basis it is shared ("Shared with her consent…").
    basis: str = ""


@dataclass(frozen=True)
class OfferSheet:
    """A project's "What we offer" sheet; it carries no personal data."""

    project_name: str
    model_name: str
    model_words: str
    area: str
    we_do: tuple[str, ...]
    we_dont: tuple[str, ...]
    crisis: tuple[str, ...]
    who_can_refer: tuple[str, ...]
    how_often: tuple[str, ...]
    contact: tuple[str, ...] = field(default_factory=tuple)


MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def uk_date(day: date) -> str:
    """'2 December 2026': the day without a leading zero, the month in English words
    whatever the PC's locale."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
