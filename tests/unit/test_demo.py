"""The demo data generator: realistic, consistent, reproducible, and never mixed with real data."""

from __future__ import annotations

import re
import shutil
import unicodedata
from collections import Counter
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from coordinator import models as m
from coordinator.services.demo import DemoRefused, fill_demo, town_postcodes, towns
from coordinator.storage.vault import open_vault
from tests.conftest import PASSPHRASE

TODAY = date(2025, 6, 30)
UK_POSTCODE = re.compile(r"^[A-Z]{1,2}[0-9][0-9A-Z]? [0-9][A-Z]{2}$")


def _fill(vault, **kwargs):
    kwargs.setdefault("today", TODAY)
    return fill_demo(vault, **kwargs)


def _all(session, model):
    return session.scalars(select(model).order_by(model.id)).all()


def test_default_sizes_cover_every_stage_status_and_match_state(vault):
    counts = _fill(vault)
    assert counts["mothers"] == 120 and counts["volunteers"] == 40 and counts["projects"] == 2
    assert counts["local_services"] >= 20 and counts["contacts"] > 0 and counts["endings"] > 0
    with vault.session() as s:
        assert set(s.scalars(select(m.Mother.stage))) == set(m.MotherStage)
        assert set(s.scalars(select(m.Volunteer.status))) == set(m.VolunteerStatus)
        assert set(s.scalars(select(m.Match.status))) == set(m.MatchStatus)
        assert {p.model for p in _all(s, m.Project)} == set(m.SupportModel)
        categories = s.scalars(select(m.LocalService.category_id).distinct()).all()
        assert len(categories) == len(m.DEFAULT_VOCABULARIES[m.ServiceCategory])
        for mother in _all(s, m.Mother):
            assert (mother.closure_reason is not None) == (mother.stage == m.MotherStage.CLOSED)
            assert len(mother.needs) >= 2
            assessed = any(c.to_stage == m.MotherStage.ASSESSED for c in mother.stage_changes)
            assert (mother.project_id is not None) == assessed
        left = [v for v in _all(s, m.Volunteer) if v.status == m.VolunteerStatus.LEFT]
        assert all(v.left_on and v.leaving_reason for v in left)
        kinds = set(s.scalars(select(m.SupervisionSession.kind)))
        assert kinds == set(m.SupervisionKind)
        group = s.scalars(
            select(m.SupervisionSession).where(m.SupervisionSession.kind == m.SupervisionKind.GROUP)
        ).first()
        assert group is not None and len(group.attendees) >= 2
        assert {e.ending_type for e in _all(s, m.Ending)} == set(m.EndingType)
        for ending in _all(s, m.Ending):
            assert ending.checklist_answers, "every ending has its checklist answered"
            assert ending.ended_on == ending.match.ended_on


def test_names_are_diverse_with_diacritics(vault):
    _fill(vault)
    with vault.session() as s:
        names = s.scalars(select(m.Mother.full_name)).all()
        volunteer_names = s.scalars(select(m.Volunteer.full_name)).all()
        languages = s.scalars(select(m.Language.code).join(m.Mother.language)).all()
        preferred = s.scalars(
            select(m.Mother.preferred_name).where(m.Mother.preferred_name.is_not(None))
        )
        assert preferred.first() is not None
    accented = [
        n
        for n in names
        if any(unicodedata.combining(c) for c in unicodedata.normalize("NFD", n))
        or re.search("[łıŁ]", n)
    ]
    assert len(accented) >= 5, accented
    assert any(not n.isascii() for n in volunteer_names) or len(volunteer_names) < 10
    assert len(set(languages)) >= 5
    assert len(set(names)) > 100


def test_postcodes_are_real_and_from_the_chosen_towns(vault):
    _fill(vault)
    with vault.session() as s:
        rows = [
            *s.execute(select(m.Mother.postcode, m.Mother.town)).all(),
            *s.execute(select(m.Volunteer.postcode, m.Volunteer.town)).all(),
            *s.execute(select(m.LocalService.postcode, m.LocalService.area)).all(),
        ]
    assert {town for _, town in rows} <= set(towns())
    assert len({town for _, town in rows}) >= 3
    for postcode, town in rows:
        assert UK_POSTCODE.match(postcode), postcode
        assert postcode.split()[0] in towns()[town].outward
        known = {p[0] for p in town_postcodes(town)}
        assert postcode in known


def test_dates_are_consistent(vault):  # noqa: C901 - one walk through every record
    _fill(vault)
    with vault.session() as s:
        for mother in _all(s, m.Mother):
            assert TODAY - timedelta(days=560) <= mother.referral_received_on <= TODAY
            age = (TODAY - mother.date_of_birth).days / 365.25
            assert 16 <= age < 45, age
            assert mother.edd is not None
            if mother.baby_dob is not None:
                assert mother.baby_dob <= TODAY
                assert mother.edd <= TODAY, "a baby's birth date only once she is past her EDD"
                assert abs((mother.baby_dob - mother.edd).days) <= 21
            elif mother.weeks_pregnant_at_referral is not None:
                expected = mother.referral_received_on + timedelta(
                    weeks=40 - mother.weeks_pregnant_at_referral
                )
                assert mother.edd == expected
            history = [c.changed_on for c in mother.stage_changes]
            assert history == sorted(history) and history[0] == mother.referral_received_on
            assert mother.stage_changes[-1].to_stage == mother.stage
        young = s.scalar(
            select(func.count()).where(m.Mother.date_of_birth > date(TODAY.year - 20, 6, 30))
        )
        assert young >= 3
        for check in _all(s, m.DBSCheck):
            assert check.issue_date <= TODAY
            assert check.next_check_due > check.issue_date
        for match in _all(s, m.Match):
            assert match.mother.stage in (m.MotherStage.MATCHED, m.MotherStage.CLOSED)
            assert match.proposed_on <= TODAY
            if match.start_date is not None:
                assert match.proposed_on <= match.start_date <= TODAY
                assert match.planned_end_date >= match.start_date
            if match.status == m.MatchStatus.ENDED:
                assert match.start_date <= match.ended_on <= TODAY
                assert match.volunteer.status != m.VolunteerStatus.APPLICANT
                assert match.mother.stage == m.MotherStage.CLOSED
            else:
                assert match.volunteer.status in (
                    m.VolunteerStatus.ACTIVE,
                    m.VolunteerStatus.PAUSED,
                )
            end = match.ended_on or match.paused_on or TODAY
            for contact in match.contacts:
                assert match.start_date <= contact.contact_at.date() <= end
        for volunteer in _all(s, m.Volunteer):
            current = [x for x in volunteer.matches if x.status != m.MatchStatus.ENDED]
            assert len(current) <= volunteer.max_matches
            assert 1 <= volunteer.max_matches <= 3
            history = [c.changed_on for c in volunteer.status_changes]
            assert history == sorted(history)
            for ref in volunteer.references:
                assert ref.received_on is None or ref.received_on >= ref.requested_on
        for concern in _all(s, m.SafeguardingConcern):
            assert concern.resolved_on is None or concern.raised_on <= concern.resolved_on <= TODAY


def test_alert_screens_have_something_to_show(vault):
    _fill(vault)
    with vault.session() as s:
        last_contact = (
            select(m.Contact.match_id, func.max(m.Contact.contact_at).label("last"))
            .group_by(m.Contact.match_id)
            .subquery()
        )
        quiet = s.scalars(
            select(m.Match.id)
            .join(last_contact, last_contact.c.match_id == m.Match.id)
            .where(
                m.Match.status == m.MatchStatus.ACTIVE,
                last_contact.c.last < TODAY - timedelta(days=14),
            )
        ).all()
        assert quiet, "an active match with no contact for 14+ days"
        busy = s.execute(
            select(m.Contact.match_id, func.count())
            .where(m.Contact.contact_at >= TODAY - timedelta(days=28))
            .group_by(m.Contact.match_id)
            .order_by(func.count().desc())
        ).first()
        assert busy is not None and busy[1] >= 12, "contact far above a weekly norm"
        active_due = [
            (v.latest_dbs_check.next_check_due - TODAY).days
            for v in _all(s, m.Volunteer)
            if v.status == m.VolunteerStatus.ACTIVE and v.latest_dbs_check is not None
        ]
        assert any(0 <= d <= 7 for d in active_due)
        assert any(7 < d <= 30 for d in active_due)
        assert any(30 < d <= 60 for d in active_due)
        assert any(d < 0 for d in active_due)
        concerns = _all(s, m.SafeguardingConcern)
        assert any(c.is_open for c in concerns) and any(not c.is_open for c in concerns)
        actions = _all(s, m.SupervisionAction)
        assert any(a.done_on for a in actions)
        assert any(a.done_on is None and a.due_on < TODAY for a in actions)
        mothers = _all(s, m.Mother)
        assert any(x.no_letters_home for x in mothers) and any(x.no_voicemail for x in mothers)
        assert any(x.interpreter_needed for x in mothers)
        assert s.scalar(select(func.count()).select_from(m.Professional)) > 0
        assert s.scalar(select(func.count()).select_from(m.Consent)) > 0
        assert s.scalar(select(func.count()).select_from(m.MatchCriterionScore)) > 0
        assert s.scalar(select(func.count()).select_from(m.contact_signpost)) > 0
        outcomes = set(s.scalars(select(m.Contact.outcome)))
        assert outcomes == set(m.ContactOutcome)


def _dump(vault) -> list:
    """Every column of the main tables in id order, timestamps included; for child tables
    every column except the created/updated timestamps the database fills in itself."""
    rows: list = []
    with vault.session() as s:
        for model in (m.Project, m.LocalService, m.Mother, m.Volunteer, m.Match, m.Contact):
            table = model.__table__
            rows.append([tuple(r) for r in s.execute(select(table).order_by(table.c.id))])
        for table in (
            m.mother_need,
            m.DBSCheck.__table__,
            m.Ending.__table__,
            m.SafeguardingConcern.__table__,
            m.SupervisionSession.__table__,
        ):
            columns = [c for c in table.c if c.name not in ("created_at", "updated_at")]
            rows.append(sorted(tuple(str(v) for v in r) for r in s.execute(select(*columns))))
    return rows


def test_same_seed_and_today_give_identical_data(vault, _template_db, tmp_path):
    second_path = tmp_path / "second.db"
    shutil.copyfile(_template_db, second_path)
    _fill(vault, mothers=60, volunteers=20, seed=7)
    with open_vault(second_path, PASSPHRASE) as second:
        _fill(second, mothers=60, volunteers=20, seed=7)
        assert _dump(vault) == _dump(second)


def test_different_seed_gives_different_names(vault, _template_db, tmp_path):
    second_path = tmp_path / "second.db"
    shutil.copyfile(_template_db, second_path)
    _fill(vault, mothers=30, volunteers=10, seed=1)
    with open_vault(second_path, PASSPHRASE) as second:
        _fill(second, mothers=30, volunteers=10, seed=2)
        with vault.session() as s1, second.session() as s2:
            names1 = s1.scalars(select(m.Mother.full_name).order_by(m.Mother.id)).all()
            names2 = s2.scalars(select(m.Mother.full_name).order_by(m.Mother.id)).all()
    # Another seed makes another set of people, not the same people with one name changed.
    assert len(names1) == len(names2) == 30
    assert len(set(names1) & set(names2)) <= 3
    assert sum(a == b for a, b in zip(names1, names2, strict=True)) <= 1


@pytest.mark.parametrize("model", [m.Mother, m.Volunteer])
def test_refuses_a_database_that_holds_people(vault, model):
    with vault.transaction() as s:
        if model is m.Mother:
            s.add(m.Mother(full_name="Real Person", referral_received_on=TODAY))
        else:
            s.add(m.Volunteer(full_name="Real Volunteer"))

    def counts():
        with vault.session() as s:
            return [
                s.scalar(select(func.count()).select_from(x))
                for x in (m.Project, m.LocalService, m.Mother, m.Volunteer)
            ]

    before = counts()
    with pytest.raises(DemoRefused, match="already holds"):
        _fill(vault)
    assert counts() == before


def test_small_sizes_still_cover_most_states(vault):
    calls = []
    counts = _fill(
        vault, mothers=5, volunteers=3, progress=lambda done, total: calls.append((done, total))
    )
    assert counts["mothers"] == 5 and counts["volunteers"] == 3
    assert calls and calls[-1][0] == calls[-1][1]
    with vault.session() as s:
        stages = set(s.scalars(select(m.Mother.stage)))
        statuses = set(s.scalars(select(m.Volunteer.status)))
        match_states = set(s.scalars(select(m.Match.status)))
    assert len(stages) == 5
    assert statuses == {m.VolunteerStatus.ACTIVE, m.VolunteerStatus.LEFT, m.VolunteerStatus.PAUSED}
    assert m.MatchStatus.ACTIVE in match_states


def test_zero_people_gives_projects_and_services_only(vault):
    counts = _fill(vault, mothers=0, volunteers=0)
    assert counts["projects"] == 2 and counts["local_services"] > 0
    assert all(v == 0 for k, v in counts.items() if k not in ("projects", "local_services"))


def test_mothers_without_volunteers_wait_instead_of_being_matched(vault):
    counts = _fill(vault, mothers=40, volunteers=0)
    assert counts["matches"] == 0
    with vault.session() as s:
        stages = Counter(s.scalars(select(m.Mother.stage)))
    assert m.MotherStage.MATCHED not in stages and stages[m.MotherStage.WAITING] > 0
