"""What goes into each document, read from the database: a mother's ticked sections, her
match and ending, the project's offer. Supervision records are never read here."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from coordinator.models import Contact, Ending, Match, MatchStatus, Mother, Project
from coordinator.models.contact import ContactOutcome, SupportType
from coordinator.models.project import SupportModel
from coordinator.services.letters.documents import (
    Field,
    Letterhead,
    OfferSheet,
    SummarySection,
    uk_date,
)
from coordinator.services.letters.kinds import SECTION_LABELS, Section
from coordinator.services.records.labels import REFERRAL_SOURCE_LABELS, SAFE_CONTACT_LABELS

SUPPORT_LABELS = {
    SupportType.ACTIVE_LISTENING: "Active listening",
    SupportType.INFORMATION: "Information",
    SupportType.SIGNPOSTING: "Signposting",
    SupportType.PRACTICAL: "Practical support",
}
MODEL_WORDS = {
    SupportModel.BEFRIENDING: (
        "Befriending",
        "A trained volunteer offers friendship and a listening ear, at a pace that suits "
        "you, with visits that fit around your life.",
    ),
    SupportModel.MENTORING: (
        "Mentoring",
        "A trained volunteer works with you as a professional friend towards the goals you "
        "choose, for an agreed time, keeping in touch through the project.",
    ),
}
FREQUENCY_WORDS = {
    "weekly": "Usually once a week",
    "fortnightly": "Usually once a fortnight",
    "monthly": "Usually once a month",
    "by_agreement": "As often as you and your volunteer agree",
}
CRISIS = (
    "In an emergency, call 999.",
    "For urgent mental health help, call NHS 111 and choose the mental health option.",
    "Samaritans, day or night: 116 123.",
    "National Domestic Abuse Helpline, 24 hours: 0808 2000 247.",
)
NOT_A_CRISIS_SERVICE = "We are not a crisis or emergency service."


def first_name(full_name: str, preferred: str | None = None) -> str:
    """The first word of the name she or he goes by: never a surname on a letter."""
    name = (preferred or full_name or "").strip()
    return name.split()[0] if name else ""


def _when(day: date | None, missing: str = "not recorded") -> str:
    return uk_date(day) if day else missing


def load_mother(session: Session, mother_id: int) -> Mother | None:
    return session.get(
        Mother,
        mother_id,
        options=[
            selectinload(Mother.needs),
            selectinload(Mother.consents),
            selectinload(Mother.safeguarding_concerns),
            selectinload(Mother.project),
        ],
    )


def home_address(mother: Mother) -> tuple[str, ...]:
    lines = (mother.address_line1, mother.address_line2, mother.town, mother.postcode)
    return tuple(line.strip() for line in lines if line and line.strip())


def _identity(mother: Mother) -> SummarySection:
    safe = []
    if mother.safe_contact_method:
        safe.append(SAFE_CONTACT_LABELS[mother.safe_contact_method])
    if mother.safe_contact_times:
        safe.append(mother.safe_contact_times)
    if mother.no_voicemail:
        safe.append("no voicemail")
    if mother.no_letters_home:
        safe.append("no letters to her home address")
    rows = [
        ("Full name", mother.full_name),
        ("Preferred name", mother.preferred_name),
        ("Date of birth", mother.date_of_birth and uk_date(mother.date_of_birth)),
        ("Address", _address_row(mother)),
        ("Phone", mother.phone),
        ("Email", mother.email),
        ("Safe contact", "; ".join(safe)),
        ("Language", mother.language.label if mother.language else None),
        ("Interpreter", "Needed" if mother.interpreter_needed else None),
    ]
    return SummarySection(SECTION_LABELS[Section.IDENTITY], _fields(rows))


def _address_row(mother: Mother) -> str:
    if mother.no_letters_home:
        return "Not shared: she asked for no letters to her home address"
    return ", ".join(home_address(mother))


def _pregnancy(mother: Mother) -> SummarySection:
    due = mother.edd and uk_date(mother.edd) + (
        " (approximate)" if mother.edd_is_approximate else ""
    )
    rows = [
        ("Due date", due),
        ("Baby born", mother.baby_dob and uk_date(mother.baby_dob)),
        ("Multiple birth", "Yes" if mother.multiple_birth else None),
        ("Other children", str(mother.other_children)),
        ("Midwife", mother.midwife_name),
        ("Health visitor", mother.health_visitor_name),
        ("GP", ", ".join(p for p in (mother.gp_name, mother.gp_practice) if p)),
    ]
    return SummarySection(SECTION_LABELS[Section.PREGNANCY], _fields(rows))


def _referral(mother: Mother) -> SummarySection:
    source = REFERRAL_SOURCE_LABELS.get(mother.referral_source) if mother.referral_source else None
    by = ", ".join(p for p in (mother.referrer_name, mother.referrer_agency) if p)
    rows = [
        ("Received", uk_date(mother.referral_received_on)),
        ("Source", source),
        ("Referred by", by),
        ("Reasons", mother.referral_reasons),
        ("Project", mother.project.name if mother.project else None),
    ]
    return SummarySection(SECTION_LABELS[Section.REFERRAL], _fields(rows))


def _needs(mother: Mother) -> SummarySection:
    return SummarySection(
        SECTION_LABELS[Section.NEEDS],
        items=tuple(need.label for need in mother.needs),
        empty_note="No particular needs recorded.",
    )


def _contacts(count: int) -> str:
    return "1 contact" if count == 1 else f"{count} contacts"


def _support(session: Session, mother: Mother) -> SummarySection:
    contacts = session.scalars(
        select(Contact)
        .join(Match, Contact.match_id == Match.id)
        .where(Match.mother_id == mother.id)
        .options(selectinload(Contact.supports), selectinload(Contact.signposted_services))
    ).all()
    if not contacts:
        return SummarySection(
            SECTION_LABELS[Section.SUPPORT], empty_note="No contacts recorded yet."
        )
    made = sum(1 for c in contacts if c.outcome == ContactOutcome.MADE)
    kinds = Counter(s.support_type for c in contacts for s in c.supports)
    services = sorted({s.name for c in contacts for s in c.signposted_services})
    rows = [
        ("Contacts", f"{len(contacts)} ({made} made, {len(contacts) - made} attempted)"),
        *((SUPPORT_LABELS[k], _contacts(kinds[k])) for k in SupportType if kinds[k]),
        ("Services signposted", ", ".join(services) if services else "None yet"),
    ]
    return SummarySection(SECTION_LABELS[Section.SUPPORT], _fields(rows))


def _safeguarding(mother: Mother) -> SummarySection:
    items = []
    for concern in mother.safeguarding_concerns:
        status = f"resolved {uk_date(concern.resolved_on)}" if concern.resolved_on else "open"
        escalated = f"; escalated to {concern.escalated_to}" if concern.escalated_to else ""
        note = f": {concern.note}" if concern.note else ""
        items.append(f"Raised {uk_date(concern.raised_on)} ({status}{escalated}){note}")
    return SummarySection(
        SECTION_LABELS[Section.SAFEGUARDING],
        items=tuple(items),
        empty_note="No safeguarding concerns recorded.",
    )


def summary_sections(
    session: Session, mother: Mother, sections: Iterable[Section]
) -> tuple[SummarySection, ...]:
    """The ticked sections, in the order the summary prints them; nothing else is read."""
    chosen = set(sections)
    makers = {
        Section.IDENTITY: lambda: _identity(mother),
        Section.PREGNANCY: lambda: _pregnancy(mother),
        Section.REFERRAL: lambda: _referral(mother),
        Section.NEEDS: lambda: _needs(mother),
        Section.SUPPORT: lambda: _support(session, mother),
        Section.SAFEGUARDING: lambda: _safeguarding(mother),
    }
    return tuple(makers[s]() for s in Section if s in chosen)


def _fields(rows: Iterable[tuple[str, str | None]]) -> tuple[Field, ...]:
    return tuple(Field(label, value.strip()) for label, value in rows if value and value.strip())


def latest_match(session: Session, mother_id: int, statuses: Iterable[MatchStatus]) -> Match | None:
    return session.scalars(
        select(Match)
        .where(Match.mother_id == mother_id, Match.status.in_(list(statuses)))
        .options(selectinload(Match.volunteer), selectinload(Match.project))
        .order_by(Match.proposed_on.desc(), Match.id.desc())
        .limit(1)
    ).first()


def ending_of(session: Session, match: Match) -> Ending | None:
    return session.scalars(
        select(Ending)
        .where(Ending.match_id == match.id)
        .options(selectinload(Ending.onward_services))
    ).first()


def values(
    mother: Mother,
    letterhead: Letterhead,
    today: date,
    *,
    match: Match | None = None,
    ending: Ending | None = None,
    recipient_name: str = "",
) -> dict[str, str | tuple[str, ...]]:
    """Every placeholder's value for letters about her (a blank is worded, never empty)."""
    project = (match.project if match else None) or mother.project
    charity_phone = letterhead.phone or "the number above"
    onward = tuple(s.name for s in ending.onward_services) if ending else ()
    return {
        "mother.preferred_name": first_name(mother.full_name, mother.preferred_name),
        "mother.full_name": mother.full_name,
        "mother.reference": mother.reference or "",
        "project.name": project.name if project else (letterhead.charity_name or "our project"),
        "project.phone": (project.project_phone if project else None) or charity_phone,
        "charity.name": letterhead.charity_name,
        "charity.phone": charity_phone,
        "signatory.name": letterhead.signatory_name,
        "today": uk_date(today),
        "referrer.name": mother.referrer_name or "Colleague",
        "referrer.agency": mother.referrer_agency or "",
        "referral.received_on": uk_date(mother.referral_received_on),
        "recipient.name": recipient_name or "Colleague",
        "volunteer.first_name": first_name(
            match.volunteer.full_name, match.volunteer.preferred_name
        )
        if match
        else "your volunteer",
        "match.first_visit": _when(match.introduction_visit_on, "a day we will arrange with you")
        if match
        else "a day we will arrange with you",
        "ending.date": _when(
            ending.ended_on if ending else (match.ended_on if match else None), "recently"
        ),
        "ending.onward_services": onward
        or ("Your health visitor and GP, who are there for you and your baby",),
    }


def offer_sheet(session: Session, project_id: int, letterhead: Letterhead) -> OfferSheet | None:
    project = session.get(Project, project_id)
    if project is None:
        return None
    model_name, model_words = MODEL_WORDS[project.model]
    dont = _lines(project.offer_text_we_dont)
    if not any("crisis" in line.lower() for line in dont):
        dont = (NOT_A_CRISIS_SERVICE, *dont)
    how_often = [FREQUENCY_WORDS.get(project.visit_norm.value, "")]
    if project.usual_duration_weeks:
        how_often.append(f"For about {project.usual_duration_weeks} weeks")
    if project.baby_age_limit_months:
        how_often.append(f"Until your baby is {project.baby_age_limit_months} months old at most")
    phone = project.project_phone or letterhead.phone
    contact = tuple(p for p in (phone, letterhead.email, letterhead.website) if p)
    how = f"ring us on {phone}" if phone else "contact us"
    refer = (
        "Midwives, health visitors, GPs, mental health teams, social workers, children's "
        "centres and other charities, with the mother's agreement.",
        f"Mothers themselves: {how}; you do not need a professional to refer you.",
    )
    return OfferSheet(
        project_name=project.name,
        model_name=model_name,
        model_words=model_words,
        area=project.area_covered or "",
        we_do=_lines(project.offer_text_we_do)
        or (
            "Emotional support: someone to listen",
            "Information, and help finding the right local services",
            "Practical help, such as company at appointments",
        ),
        we_dont=dont,
        crisis=CRISIS,
        who_can_refer=refer,
        how_often=tuple(line for line in how_often if line),
        contact=contact,
    )


def _lines(value: str | None) -> tuple[str, ...]:
    """Text kept one item a line (a leading dash or bullet dropped)."""
    lines = (line.strip().lstrip("-•*").strip() for line in (value or "").splitlines())
    return tuple(line for line in lines if line)
