"""Made-up people for the live preview in Settings → Letters: the wording being edited,
filled in as a real letter would be, on the letterhead being edited."""

from __future__ import annotations

from datetime import date

from coordinator.letters.correspondence import letter_pdf
from coordinator.letters.referral_summary import referral_summary_pdf
from coordinator.services.letters.documents import (
    Field,
    Letter,
    Letterhead,
    ReferralSummary,
    SummarySection,
    uk_date,
)
from coordinator.services.letters.kinds import LetterKind
from coordinator.services.letters.wording import fill

SAMPLE_VALUES: dict[str, str | tuple[str, ...]] = {
    "mother.preferred_name": "Zoë",
    "mother.full_name": "Zoë Łukasiewicz",
    "mother.reference": "M0042",
    "project.name": "Bumps & Beyond",
    "project.phone": "0116 496 0999",
    "signatory.name": "",
    "today": "",
    "referrer.name": "Ольга Ковальчук",
    "referrer.agency": "Health Visiting Team",
    "referral.received_on": "12 November 2026",
    "recipient.name": "Ольга Ковальчук",
    "volunteer.first_name": "Ayşe",
    "match.first_visit": "9 December 2026",
    "ending.date": "30 November 2026",
    "ending.onward_services": ("Leicester Baby Bank", "Little Steps parent group"),
}
SAMPLE_HOME = ("Zoë Łukasiewicz", "14 Aylestone Road", "Leicester", "LE2 7QJ")
SAMPLE_REFERRER = ("Ольга Ковальчук", "Health Visiting Team")


def sample_pdf(kind: LetterKind, wording: str, head: Letterhead, today: date) -> bytes:
    """A one-page example of `kind` in this wording on this letterhead."""
    values = {
        **SAMPLE_VALUES,
        "charity.name": head.charity_name,
        "charity.phone": head.phone or "the number above",
        "signatory.name": head.signatory_name,
        "today": uk_date(today),
    }
    worded = fill(wording, values)
    if kind == LetterKind.REFERRAL_SUMMARY:
        intro = "\n\n".join(b for b in (worded.salutation, *worded.body) if isinstance(b, str))
        section = SummarySection(
            "Identity and contact",
            (Field("Full name", "Zoë Łukasiewicz"), Field("Phone", "07700 900123")),
        )
        summary = ReferralSummary(
            SAMPLE_REFERRER, "M0042", today, "Zoë Łukasiewicz", intro, (section,)
        )
        return referral_summary_pdf(summary, head)
    to_referrer = kind == LetterKind.ACKNOWLEDGEMENT
    letter = Letter(
        recipient=SAMPLE_REFERRER if to_referrer else SAMPLE_HOME,
        our_ref="M0042",
        dated=today,
        salutation=worded.salutation,
        body=worded.body,
        subject=worded.subject,
        closing=worded.closing or "With best wishes,",
    )
    return letter_pdf(letter, head)
