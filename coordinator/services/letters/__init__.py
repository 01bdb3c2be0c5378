"""Letters about the people in the database: gathering their data into plain documents
(documents.py, which coordinator.letters lays out), the letterhead and wording settings,
the safety rules, and the record of every letter made. Nothing here makes a PDF: the
letters layer sits above the services (coordinator.letters.made joins them)."""

from coordinator.services.letters.kinds import (
    ADDRESS_LABELS,
    LETTER_LABELS,
    SECTION_LABELS,
    TO_HER,
    WORDED,
    AddressChoice,
    LetterKind,
    Section,
    parse_sections,
)
from coordinator.services.letters.letterhead import (
    LogoRefused,
    check_logo_png,
    load_letterhead,
    load_logo_svg,
    save_letterhead,
)
from coordinator.services.letters.making import (
    LetterRequest,
    LetterRow,
    Prepared,
    ending_kind,
    letterhead_problem,
    letters_for_mother,
)
from coordinator.services.letters.options import LetterOptions, ending_letter_for, letter_options
from coordinator.services.letters.safety import LetterRefused, Recipient
from coordinator.services.letters.wording import (
    PLACEHOLDERS,
    WordingRefused,
    check_wording,
    default_wording,
    load_wording,
    save_wording,
)

__all__ = [
    "ADDRESS_LABELS",
    "LETTER_LABELS",
    "PLACEHOLDERS",
    "Prepared",
    "SECTION_LABELS",
    "TO_HER",
    "WORDED",
    "AddressChoice",
    "LetterKind",
    "LetterOptions",
    "LetterRefused",
    "LetterRequest",
    "LetterRow",
    "LogoRefused",
    "Recipient",
    "Section",
    "WordingRefused",
    "check_logo_png",
    "check_wording",
    "default_wording",
    "ending_kind",
    "ending_letter_for",
    "letter_options",
    "letterhead_problem",
    "letters_for_mother",
    "load_letterhead",
    "load_logo_svg",
    "load_wording",
    "parse_sections",
    "save_letterhead",
    "save_wording",
]
