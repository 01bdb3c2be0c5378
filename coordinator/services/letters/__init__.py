"""Letters about the people in the database: gathering their data into the documents of
coordinator.letters, the letterhead and wording settings, the safety rules, and the record
of every letter made."""

from coordinator.services.letters.batch import Batch, introductions_accepted_on
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
    MadeLetter,
    ending_kind,
    letters_for_mother,
    make_letter,
    offer_for_project,
)
from coordinator.services.letters.options import LetterOptions, letter_options
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
    "SECTION_LABELS",
    "TO_HER",
    "WORDED",
    "AddressChoice",
    "Batch",
    "LetterKind",
    "LetterOptions",
    "LetterRefused",
    "LetterRequest",
    "LetterRow",
    "LogoRefused",
    "MadeLetter",
    "Recipient",
    "Section",
    "WordingRefused",
    "check_logo_png",
    "check_wording",
    "default_wording",
    "ending_kind",
    "introductions_accepted_on",
    "letter_options",
    "letters_for_mother",
    "load_letterhead",
    "load_logo_svg",
    "load_wording",
    "make_letter",
    "offer_for_project",
    "parse_sections",
    "save_letterhead",
    "save_wording",
]
