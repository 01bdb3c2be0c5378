"""Supervision notes: the next session from the project's interval, the matches discussed
with their prompts, actions, and notes that never reach anything about a mother."""

from __future__ import annotations

import zipfile
from datetime import date, datetime, time, timedelta

import pytest

from coordinator import models as m
from coordinator.models import SupervisionKind
from coordinator.services import contacts, exporting, letters, supervision
from coordinator.services.contacts_export import export_contacts
from coordinator.services.letters import making, save_letterhead
from coordinator.services.records.mothers import load_mother
from tests.letters.samples import letterhead

T = date(2026, 3, 2)
DAY = timedelta(days=1)
SECRET = "Sam is finding the boundaries hard"


@pytest.fixture
def people(vault):
    """Two volunteers of a project (interval 4 weeks), each with an active match; one of
    the matches far above the weekly norm."""
    with vault.transaction() as s:
        project = m.Project(
            name="Bumps", model=m.SupportModel.BEFRIENDING, supervision_interval_weeks=4
        )
        found = {}
        for who, mother in (("Sam", "Amira"), ("Bea", "Zara")):
            volunteer = m.Volunteer(full_name=f"{who} Taylor", projects=[project])
            her = m.Mother(full_name=f"{mother} Khan", referral_received_on=T - DAY * 90)
            s.add_all([volunteer, her])
            s.flush()
            match = m.Match(
                mother_id=her.id,
                volunteer_id=volunteer.id,
                project=project,
                status=m.MatchStatus.ACTIVE,
                proposed_on=T - DAY * 60,
                start_date=T - DAY * 50,
            )
            s.add(match)
            s.flush()
            found[who], found[mother], found[f"{who} match"] = volunteer.id, her.id, match.id
        for day in range(12):
            s.add(
                m.Contact(
                    match_id=found["Sam match"],
                    contact_at=datetime.combine(T - DAY * day * 2, time(18)),
                    medium=m.ContactMedium.TEXT,
                )
            )
        return found


def test_a_new_session_is_due_again_after_the_projects_interval(vault, people):
    form = supervision.blank_session(vault, people["Sam"], T)
    assert form.next_due_on == T + DAY * 28
    assert form.match_ids == [people["Sam match"]]  # flagged: ticked already


def test_the_prompts_show_last_contact_concerns_dependency_and_planned_end(vault, people):
    (prompt,) = supervision.match_prompts(vault, [people["Sam"]], T)
    assert prompt.last_contact == T and prompt.open_concerns == 0
    assert prompt.dependency and "12 contacts in 4 weeks" in prompt.dependency[0]


def test_a_group_session_covering_two_matches_with_actions(vault, people):
    form = supervision.blank_session(vault, people["Sam"], T)
    form.kind = SupervisionKind.GROUP
    form.attendee_ids = [people["Sam"], people["Bea"]]
    form.match_ids = [people["Sam match"], people["Bea match"]]
    form.boundary_concerns = SECRET
    form.actions = [supervision.ActionForm("Agree weekly visits only", "Sam", T + DAY * 7)]
    session_id = supervision.save_session(vault, form, today=T)
    again = supervision.load_session(vault, session_id)
    assert sorted(again.match_ids) == sorted(form.match_ids)
    assert again.actions[0].due_on == T + DAY * 7
    assert [r.open_actions for r in supervision.sessions_for(vault, people["Bea"])] == [1]


@pytest.mark.parametrize(
    ("change", "said"),
    [
        ({"attendee_ids": []}, "attendees"),
        ({"held_on": T + DAY}, "held_on"),
        ({"next_due_on": T}, "next_due_on"),
    ],
)
def test_an_impossible_session_is_refused(vault, people, change, said):
    form = supervision.blank_session(vault, people["Sam"], T)
    for key, value in change.items():
        setattr(form, key, value)
    assert said in supervision.check_session(form, today=T)


def test_supervision_notes_never_reach_a_mothers_outputs(vault, people, tmp_path):
    form = supervision.blank_session(vault, people["Sam"], T)
    form.boundary_concerns = form.wellbeing = form.safeguarding = SECRET
    form.actions = [supervision.ActionForm(SECRET)]
    supervision.save_session(vault, form, today=T)
    for name in ("mothers.csv", "mothers.xlsx", "matches.csv"):
        kind = name.split(".")[0]
        path = exporting.export(vault, kind, tmp_path / name).path
        if name.endswith(".xlsx"):
            with zipfile.ZipFile(path) as book:
                text = "".join(book.read(n).decode("utf-8", "replace") for n in book.namelist())
        else:
            text = path.read_text(encoding="utf-8-sig")
        assert SECRET not in text, name
    contacts_file, _count = export_contacts(vault, tmp_path / "contacts.csv")
    assert SECRET not in contacts_file.read_text(encoding="utf-8-sig")
    assert SECRET not in repr(load_mother(vault, people["Amira"]))
    assert SECRET not in repr(contacts.match_contacts(vault, people["Sam match"], T))


def test_supervision_notes_never_reach_a_letter_about_her(vault, people):
    """Every letter Coordinator can make about her (acknowledgement, introduction, both
    ending letters, a referral summary with every section ticked) says nothing from
    supervision, though the session discussed her match."""
    form = supervision.blank_session(vault, people["Sam"], T)
    form.boundary_concerns = form.wellbeing = form.safeguarding = SECRET
    form.training_needs = form.dependency_concerns = form.notes = SECRET
    form.actions = [supervision.ActionForm(SECRET)]
    form.match_ids = [people["Sam match"]]
    supervision.save_session(vault, form, today=T)
    save_letterhead(vault, letterhead(with_logo=False))
    with vault.transaction() as s:
        mother = s.get(m.Mother, people["Amira"])
        mother.address_line1, mother.town, mother.postcode = "1 Oak Road", "Leicester", "LE1 1AA"
        mother.referrer_name, mother.referrer_agency = "Jo Bell", "Midwifery"
    made = []
    with vault.session() as s:
        for kind in (k for k in letters.LetterKind if k != letters.LetterKind.OFFER):
            request = letters.LetterRequest(
                kind,
                people["Amira"],
                sections=frozenset(letters.Section),
                safeguarding_confirmed=True,
                consent_acknowledged=True,
            )
            prepared = making.prepare(s, request, T)
            text = repr(prepared.document)
            assert "Amira" in text and SECRET not in text, kind
            made.append(kind)
    assert len(made) == 5
