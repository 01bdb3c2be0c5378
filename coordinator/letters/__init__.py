"""Printed documents as pure functions: plain data in, PDF bytes out (ReportLab). No Qt here.

The services gather, word and check what goes in (services.letters); these functions lay
it out on the charity's letterhead. made.py joins the two for letters from the database.
"""

from coordinator.letters.correspondence import letter_pdf, letters_pdf
from coordinator.letters.made import (
    Batch,
    MadeLetter,
    introductions_accepted_on,
    make_letter,
    offer_for_project,
)
from coordinator.letters.offer import offer_pdf
from coordinator.letters.referral_summary import referral_summary_pdf
from coordinator.services.letters.documents import (
    Field,
    Letter,
    Letterhead,
    OfferSheet,
    ReferralSummary,
    SummarySection,
    uk_date,
)

__all__ = [
    "Batch",
    "MadeLetter",
    "introductions_accepted_on",
    "make_letter",
    "offer_for_project",
    "Field",
    "Letter",
    "Letterhead",
    "OfferSheet",
    "ReferralSummary",
    "SummarySection",
    "letter_pdf",
    "letters_pdf",
    "offer_pdf",
    "referral_summary_pdf",
    "uk_date",
]
