"""Printed documents as pure functions: plain data in, PDF bytes out (ReportLab). No Qt here.

The services gather and word what goes in (services.letters); these functions only lay it
out on the charity's letterhead.
"""

from coordinator.letters.correspondence import letter_pdf, letters_pdf
from coordinator.letters.model import (
    Field,
    Letter,
    Letterhead,
    OfferSheet,
    ReferralSummary,
    SummarySection,
)
from coordinator.letters.offer import offer_pdf
from coordinator.letters.referral_summary import referral_summary_pdf
from coordinator.letters.styles import uk_date

__all__ = [
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
