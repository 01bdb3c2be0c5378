"""Documents filled with made-up people, for the document tests and reference images."""

from __future__ import annotations

import io
from datetime import date

from PIL import Image, ImageDraw

from coordinator.letters import (
    Field,
    Letter,
    Letterhead,
    OfferSheet,
    ReferralSummary,
    SummarySection,
)

DAY = date(2026, 12, 2)
NAMES = ("Zoë Łukasiewicz", "Ayşe Çelik", "Ольга Ковальчук", "Siobhán Ní Bhriain")
#: Names in the scripts that print correctly (see coordinator.letters.fonts).
OTHER_SCRIPTS = {
    "Hebrew": "שרה כהן",
    "Arabic": "فاطمة الزهراء",
    "Greek": "Ελένη Παπαδοπούλου",
    "Vietnamese": "Nguyễn Thị Hương",
    "Romanian": "Ștefania Țăranu",
    "Urdu": "عائشہ خان",
    "Bengali": "রহিমা বেগম",
    "Devanagari": "प्रिया शर्मा",
    "Gurmukhi": "ਹਰਪ੍ਰੀਤ ਕੌਰ",
    "Gujarati": "કિંજલ પટેલ",
    "Tamil": "கவிதா சுப்பிரமணியம்",
    "Tigrinya": "ሰላም ተስፋይ",
}


def logo_png() -> bytes:
    """A small two-circle mark, drawn here so that no image file is needed."""
    image = Image.new("RGBA", (240, 120), (255, 255, 255, 0))
    pen = ImageDraw.Draw(image)
    pen.ellipse((10, 10, 110, 110), fill=(47, 111, 115, 255))
    pen.ellipse((80, 30, 160, 110), fill=(232, 163, 61, 255))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def letterhead(with_logo: bool = True) -> Letterhead:
    return Letterhead(
        charity_name="Bridgeway Family Friends",
        charity_number="1234567",
        address=("Unit 4, The Old School", "12 Mill Lane", "Leicester", "LE1 6AB"),
        phone="0116 496 0123",
        email="hello@bridgeway.example",
        website="bridgeway.example",
        logo_png=logo_png() if with_logo else None,
        signatory_name="Siobhán Ní Bhriain",
        signatory_role="Project Coordinator",
        footer="Bridgeway Family Friends is a registered charity in England and Wales.",
    )


def introduction(name: str = "Zoë Łukasiewicz", address: bool = True) -> Letter:
    first = name.split()[0]
    return Letter(
        recipient=(name, "14 Aylestone Road", "Leicester", "LE2 7QJ") if address else (),
        our_ref="M0042",
        dated=DAY,
        subject="Meeting your volunteer",
        salutation=f"Dear {first},",
        body=(
            "We are delighted to tell you that we have found a volunteer for you. "
            "Her name is Ayşe, and she is looking forward to meeting you.",
            "Your first visit is on 9 December 2026. I will come along too, so that we "
            "can all agree together how you would like to keep in touch.",
            "If you have any questions before then, please ring us on 0116 496 0123.",
        ),
    )


def scripts() -> Letter:
    body = tuple(f"{k}: {v} is the first name on the list." for k, v in OTHER_SCRIPTS.items())
    return Letter((), "M0042", DAY, "Dear colleague,", body, subject="Names in other scripts")


def summary(sections: tuple[str, ...] = ("identity", "pregnancy", "needs")) -> ReferralSummary:
    available = {
        "identity": SummarySection(
            "Identity and contact",
            (
                Field("Full name", "Zoë Łukasiewicz"),
                Field("Preferred name", "Zoë"),
                Field("Date of birth", "14 March 1999"),
                Field("Phone", "07700 900123"),
                Field("Safe contact", "Text first; no voicemail"),
            ),
        ),
        "pregnancy": SummarySection(
            "Pregnancy and baby",
            (Field("Due date", "20 January 2027"), Field("Other children", "1")),
        ),
        "referral": SummarySection(
            "Referral",
            (Field("Received", "12 November 2026"), Field("Referred by", "Ольга Ковальчук")),
        ),
        "needs": SummarySection("Needs", items=("First baby", "Social isolation")),
        "support": SummarySection(
            "Support so far",
            (Field("Contacts", "6 (5 made, 1 attempted)"),),
            items=("Active listening: 5", "Signposting: Leicester Baby Bank"),
        ),
        "safeguarding": SummarySection(
            "Safeguarding", (Field("Raised", "3 November 2026: reported to the MASH"),)
        ),
    }
    return ReferralSummary(
        recipient=("Ayşe Çelik", "Health Visiting Team", "Leicester City"),
        our_ref="M0042",
        dated=DAY,
        about="Zoë Łukasiewicz",
        intro="Thank you for your interest in Zoë's support. Below is the information she "
        "has agreed we may share with you.",
        sections=tuple(available[key] for key in sections),
        basis="Shared with her consent to share with named services (recorded 12 November 2026).",
    )


def offer() -> OfferSheet:
    return OfferSheet(
        project_name="Bumps & Beyond",
        model_name="Befriending",
        model_words="A trained volunteer visits you as a friend would, at a pace that "
        "suits you, from pregnancy until your baby is one.",
        area="Leicester city and Oadby",
        we_do=(
            "A weekly visit or call from a trained volunteer mum",
            "A listening ear, information and help finding local services",
            "Company to appointments and groups, if you would like it",
        ),
        we_dont=(
            "We are not a crisis or emergency service",
            "We do not give medical or legal advice",
            "We do not replace your midwife or health visitor",
        ),
        crisis=(
            "In an emergency call 999",
            "For urgent mental health help call NHS 111 and choose the mental health option",
            "Samaritans, day or night: 116 123",
            "National Domestic Abuse Helpline: 0808 2000 247",
        ),
        who_can_refer=(
            "Midwives, health visitors, GPs and other professionals, with the mother's agreement",
            "Mothers themselves: ring or email us",
        ),
        how_often=("Usually weekly", "For about 6 months, and until your baby is 12 months old"),
        contact=("0116 496 0123", "hello@bridgeway.example"),
    )


VALUES = {
    "mother.preferred_name": "Zoë",
    "mother.full_name": "Zoë Łukasiewicz",
    "mother.reference": "M0042",
    "project.name": "Bumps & Beyond",
    "project.phone": "0116 496 0999",
    "charity.name": "Bridgeway Family Friends",
    "charity.phone": "0116 496 0123",
    "signatory.name": "Siobhán Ní Bhriain",
    "today": "2 December 2026",
    "referrer.name": "Ольга Ковальчук",
    "referrer.agency": "Health Visiting Team",
    "referral.received_on": "12 November 2026",
    "recipient.name": "Ayşe Çelik",
    "volunteer.first_name": "Ayşe",
    "match.first_visit": "9 December 2026",
    "ending.date": "30 November 2026",
    "ending.onward_services": ("Leicester Baby Bank", "Little Steps parent group, Tuesdays"),
}


def worded(kind, recipient: tuple[str, ...]) -> Letter:
    """A letter in the shipped default wording of `kind`, filled with the sample people."""
    from coordinator.services.letters.wording import default_wording, fill

    text = fill(default_wording(kind), VALUES)
    return Letter(
        recipient=recipient,
        our_ref="M0042",
        dated=DAY,
        salutation=text.salutation,
        body=text.body,
        subject=text.subject,
        closing=text.closing,
    )
