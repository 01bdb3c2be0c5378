"""A small database for the letter tests: a project, mothers with names in several
alphabets, a volunteer, a match with contacts, and a supervision note that must never print."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from coordinator.letters import Letterhead
from coordinator.models import (
    Consent,
    Contact,
    LocalService,
    Match,
    MatchStatus,
    MatchStatusChange,
    Mother,
    Project,
    SafeguardingConcern,
    SupportModel,
    Volunteer,
)
from coordinator.models.contact import ContactMedium, SupportType
from coordinator.models.mother import SafeContactMethod
from coordinator.models.mother_detail import ConsentKind
from coordinator.models.supervision import SupervisionSession
from coordinator.models.volunteer import VolunteerStatus
from coordinator.services.letters import save_letterhead
from tests.letters.samples import letterhead

TODAY = date(2026, 12, 2)
SUPERVISION_NOTE = "Volunteer wellbeing: tired after a hard week"
SAFEGUARDING_NOTE = "Partner shouted at the visit"


@dataclass(frozen=True)
class World:
    project_id: int
    zoe: int  # consent to share, home address, active match, contacts, safeguarding
    ayse: int  # no letters home, safe contact through her referrer
    olga: int  # no consent to share, self-referral-free referrer
    siobhan: int  # no letters home, no safe address


def build(vault, head: Letterhead | None = None) -> World:
    save_letterhead(vault, head or letterhead())
    with vault.transaction() as s:
        project = Project(
            name="Bumps & Beyond",
            model=SupportModel.BEFRIENDING,
            area_covered="Leicester city",
            usual_duration_weeks=26,
            baby_age_limit_months=12,
            project_phone="0116 496 0999",
            offer_text_we_do="A weekly visit from a trained volunteer\nA listening ear",
            offer_text_we_dont="We do not give medical advice",
        )
        s.add(project)
        s.flush()
        common = dict(referral_received_on=date(2026, 11, 12), project_id=project.id)
        zoe = Mother(
            reference="M0001",
            full_name="Zoë Łukasiewicz",
            preferred_name="Zoë",
            address_line1="14 Aylestone Road",
            town="Leicester",
            postcode="LE2 7QJ",
            phone="07700 900123",
            edd=date(2027, 1, 20),
            referrer_name="Ольга Ковальчук",
            referrer_agency="Health Visiting Team",
            referral_reasons="Feeling isolated after moving to Leicester",
            **common,
        )
        ayse = Mother(
            reference="M0002",
            full_name="Ayşe Çelik",
            address_line1="3 Narborough Road",
            postcode="LE3 0BQ",
            no_letters_home=True,
            safe_contact_method=SafeContactMethod.VIA_REFERRER,
            referrer_name="Siobhán Ní Bhriain",
            referrer_agency="Midwifery, Leicester Royal",
            **common,
        )
        olga = Mother(
            reference="M0003",
            full_name="Ольга Ковальчук",
            address_line1="8 Saffron Lane",
            postcode="LE2 6UA",
            referrer_name="Dr Amara Okafor",
            referrer_agency="Westcotes GP Practice",
            **common,
        )
        siobhan = Mother(
            reference="M0004",
            full_name="Siobhán Ní Bhriain",
            no_letters_home=True,
            address_line1="1 Hidden Way",
            postcode="LE1 1AA",
            **common,
        )
        s.add_all([zoe, ayse, olga, siobhan])
        s.flush()
        zoe.consents.append(
            Consent(kind=ConsentKind.SHARE_WITH_SERVICES, given=True, given_on=date(2026, 11, 12))
        )
        zoe.safeguarding_concerns.append(
            SafeguardingConcern(raised_on=date(2026, 11, 20), note=SAFEGUARDING_NOTE)
        )
        volunteer = Volunteer(
            reference="V0001", full_name="Ayşe Yıldız Demir", status=VolunteerStatus.ACTIVE
        )
        s.add(volunteer)
        s.flush()
        matches = []
        for mother in (zoe, ayse, olga, siobhan):
            match = Match(
                mother_id=mother.id,
                volunteer_id=volunteer.id,
                project_id=project.id,
                status=MatchStatus.ACTIVE,
                proposed_on=date(2026, 11, 25),
                start_date=TODAY,
                introduction_visit_on=date(2026, 12, 9),
            )
            s.add(match)
            s.flush()
            s.add(
                MatchStatusChange(
                    match_id=match.id,
                    from_status=MatchStatus.PROPOSED,
                    to_status=MatchStatus.ACTIVE,
                    changed_on=TODAY,
                )
            )
            matches.append(match)
        bank = LocalService(name="Leicester Baby Bank")
        s.add(bank)
        s.flush()
        visit = Contact(
            match_id=matches[0].id,
            contact_at=datetime(2026, 11, 28, 10, 0),
            medium=ContactMedium.HOME_VISIT,
            notes="private contact note",
        )
        visit.support_types.append(SupportType.ACTIVE_LISTENING)
        visit.support_types.append(SupportType.SIGNPOSTING)
        visit.signposted_services.append(bank)
        s.add(visit)
        session_row = SupervisionSession(
            held_on=TODAY, wellbeing=SUPERVISION_NOTE, notes=SUPERVISION_NOTE
        )
        session_row.matches_discussed.append(matches[0])
        s.add(session_row)
        return World(project.id, zoe.id, ayse.id, olga.id, siobhan.id)
