"""Today's alerts: each rule with records just inside and just outside its window."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from coordinator import models as m
from coordinator.services import attention, settings
from coordinator.services.endings_prompts import mark_discussed_again

T = date(2026, 3, 2)
DAY = timedelta(days=1)


def kinds(vault, today=T):
    return [a.kind for a in attention.alerts(vault, today) if a.kind != "no_backup"]


def add(vault, *rows):
    with vault.transaction() as s:
        for row in rows:
            s.add(row)
        s.flush()
        return [row.id for row in rows]


@pytest.fixture
def people(vault):
    """A project (weekly norm, babies up to 12 months), a mother and an active volunteer."""
    with vault.transaction() as s:
        project = m.Project(
            name="Bumps", model=m.SupportModel.BEFRIENDING, baby_age_limit_months=12
        )
        mother = m.Mother(
            full_name="Amira Khan",
            reference="M0001",
            referral_received_on=T - DAY * 100,
            stage=m.MotherStage.ASSESSED,
            project=project,
        )
        volunteer = m.Volunteer(
            full_name="Sam Taylor",
            reference="V0001",
            status=m.VolunteerStatus.LEFT,
            projects=[project],
        )
        s.add_all([project, mother, volunteer])
        s.flush()
        return project.id, mother.id, volunteer.id


def match(vault, people, **fields):
    project_id, mother_id, volunteer_id = people
    fields.setdefault("status", m.MatchStatus.ACTIVE)
    fields.setdefault("proposed_on", T - DAY * 200)
    fields.setdefault("start_date", T - DAY * 190)
    (mid,) = add(
        vault,
        m.Match(mother_id=mother_id, volunteer_id=volunteer_id, project_id=project_id, **fields),
    )
    return mid


def contact(mid, day, **fields):
    fields.setdefault("medium", m.ContactMedium.HOME_VISIT)
    return m.Contact(match_id=mid, contact_at=datetime.combine(day, time(10)), **fields)


def set_mother(vault, mother_id, **fields):
    with vault.transaction() as s:
        mother = s.get(m.Mother, mother_id)
        for k, v in fields.items():
            setattr(mother, k, v)


def set_volunteer(vault, volunteer_id, **fields):
    with vault.transaction() as s:
        volunteer = s.get(m.Volunteer, volunteer_id)
        for k, v in fields.items():
            setattr(volunteer, k, v)


def test_nothing_to_say_about_quiet_records(vault, people):
    assert kinds(vault) == []


@pytest.mark.parametrize(("days", "alerted"), [(15, True), (14, False)])
def test_waiting_longer_than_the_threshold(vault, people, days, alerted):
    set_mother(vault, people[1], stage=m.MotherStage.WAITING, stage_changed_on=T - DAY * days)
    assert kinds(vault) == (["waiting_too_long"] if alerted else [])


def test_the_waiting_threshold_is_a_setting(vault, people):
    set_mother(vault, people[1], stage=m.MotherStage.WAITING, stage_changed_on=T - DAY * 15)
    with vault.transaction() as s:
        settings.put(s, attention.WAITING_DAYS, 21)
    assert kinds(vault) == []


@pytest.mark.parametrize(("days", "alerted"), [(8, True), (7, False)])
def test_referral_not_contacted_within_a_week(vault, people, days, alerted):
    set_mother(vault, people[1], stage=m.MotherStage.RECEIVED, referral_received_on=T - DAY * days)
    assert kinds(vault) == (["referral_not_contacted"] if alerted else [])


@pytest.mark.parametrize(
    ("days", "expected"),
    [(14, []), (15, ["no_contact_14"]), (29, ["no_contact_14"]), (30, ["no_contact_30"])],
)
def test_no_contact_for_14_and_30_days(vault, people, days, expected):
    mid = match(vault, people)
    add(vault, contact(mid, T - DAY * 40), contact(mid, T - DAY * days))
    # an attempt is not contact made
    add(vault, contact(mid, T - DAY, outcome=m.ContactOutcome.ATTEMPTED))
    assert kinds(vault) == expected


def test_a_match_with_no_contact_counts_from_its_start(vault, people):
    match(vault, people, start_date=T - DAY * 15)
    assert kinds(vault) == ["no_contact_14"]


@pytest.mark.parametrize(("visits", "flagged"), [(9, True), (8, False)])
def test_contact_more_than_twice_the_weekly_norm_is_flagged(vault, people, visits, flagged):
    mid = match(vault, people)
    add(vault, *(contact(mid, T - DAY * (i * 3)) for i in range(visits)))  # within 4 weeks
    add(vault, *(contact(mid, T - DAY * (28 + i)) for i in range(5)))  # before the window
    assert kinds(vault) == (["dependency"] if flagged else [])


def test_personal_numbers_shared_against_the_model_is_flagged(vault, people):
    mid = match(vault, people, personal_numbers_shared=True)
    add(vault, contact(mid, T - DAY))
    alerts = attention.alerts(vault, T)
    assert [a.kind for a in alerts if a.kind == "dependency"] == ["dependency"]
    assert "personal numbers shared" in alerts[0].what


def test_open_concerns_and_follow_ups_until_done(vault, people):
    mid = match(vault, people)
    (cid, _) = add(
        vault,
        contact(mid, T - DAY * 2, concerns="Landlord and damp", follow_up="Call housing"),
        contact(mid, T - DAY, follow_up="Send the leaflet"),
    )
    assert sorted(kinds(vault)) == ["concern_open", "follow_up_open"]
    with vault.transaction() as s:
        s.get(m.Contact, cid).follow_up_done_on = T
    assert kinds(vault) == ["follow_up_open"]


def test_safeguarding_flag_until_resolved(vault, people):
    (sid,) = add(vault, m.SafeguardingConcern(mother_id=people[1], raised_on=T - DAY * 3))
    assert kinds(vault) == ["safeguarding_open"]
    with vault.transaction() as s:
        s.get(m.SafeguardingConcern, sid).resolved_on = T
    assert kinds(vault) == []


def _supervised(vault, volunteer_id, held, next_due):
    with vault.transaction() as s:
        s.add(
            m.SupervisionSession(
                held_on=held, next_due_on=next_due, attendees=[s.get(m.Volunteer, volunteer_id)]
            )
        )


@pytest.mark.parametrize(
    ("due_in", "expected"),
    [(8, []), (7, ["supervision_due"]), (0, ["supervision_due"]), (-1, ["supervision_overdue"])],
)
def test_supervision_due_within_7_days_or_overdue(vault, people, due_in, expected):
    set_volunteer(vault, people[2], status=m.VolunteerStatus.ACTIVE)
    _supervised(vault, people[2], T - DAY * 30, T + DAY * due_in)
    assert kinds(vault) == expected


def test_supervision_follows_the_projects_interval_when_no_date_was_set(vault, people):
    set_volunteer(vault, people[2], status=m.VolunteerStatus.ACTIVE)
    with vault.transaction() as s:
        s.get(m.Project, people[0]).supervision_interval_weeks = 4
    _supervised(vault, people[2], T - DAY * 20, None)  # due in 8 days
    assert kinds(vault) == []
    _supervised(vault, people[2], T - DAY * 21, None)
    assert kinds(vault) == []  # the newest session counts
    assert kinds(vault, T + DAY) == ["supervision_due"]


@pytest.mark.parametrize(("due_in", "alerted"), [(7, True), (8, False)])
def test_supervision_actions_due(vault, people, due_in, alerted):
    _supervised(vault, people[2], T - DAY * 10, T + DAY * 60)
    with vault.transaction() as s:
        session = s.query(m.SupervisionSession).one()
        session.actions.append(m.SupervisionAction(text="Call her", due_on=T + DAY * due_in))
    assert kinds(vault) == (["supervision_action_due"] if alerted else [])


def test_a_supervision_action_names_its_owner_unless_it_is_hers(vault, people):
    _supervised(vault, people[2], T - DAY * 10, T + DAY * 60)
    with vault.transaction() as s:
        session = s.query(m.SupervisionSession).one()
        for text, owner in (("Call her", "Sam Taylor"), ("Book the room", "Jo Bloggs")):
            session.actions.append(m.SupervisionAction(text=text, owner=owner, due_on=T))
    said = sorted(a.what for a in attention.alerts(vault, T) if a.kind.startswith("supervision"))
    assert said == [
        "Supervision action due 02 Mar 2026 (today): Book the room (Jo Bloggs)",
        "Supervision action due 02 Mar 2026 (today): Call her",
    ]


@pytest.mark.parametrize(
    ("due_in", "severity"),
    [(61, None), (60, "info"), (31, "info"), (30, "soon"), (8, "soon"), (7, "urgent")],
)
def test_dbs_expiring_within_60_30_7_days(vault, people, due_in, severity):
    set_volunteer(vault, people[2], status=m.VolunteerStatus.ACTIVE)
    add(
        vault,
        m.DBSCheck(
            volunteer_id=people[2],
            check_type=m.DbsCheckType.ENHANCED,
            issue_date=T - DAY * 1000,
            next_check_due=T + DAY * due_in,
        ),
    )
    found = [a for a in attention.alerts(vault, T) if a.kind.startswith("dbs")]
    assert [a.severity for a in found] == ([severity] if severity else [])


def test_dbs_expired_while_matched_comes_first(vault, people):
    set_volunteer(vault, people[2], status=m.VolunteerStatus.ACTIVE)
    mid = match(vault, people)
    add(vault, contact(mid, T - DAY))
    add(vault, m.SafeguardingConcern(mother_id=people[1], raised_on=T))
    add(
        vault,
        m.DBSCheck(
            volunteer_id=people[2],
            check_type=m.DbsCheckType.ENHANCED,
            issue_date=T - DAY * 1100,
            next_check_due=T - DAY,
        ),
    )
    found = kinds(vault)
    assert found[0] == "dbs_expired_matched"
    assert "safeguarding_open" in found


def test_dbs_expired_without_a_match(vault, people):
    set_volunteer(vault, people[2], status=m.VolunteerStatus.ACTIVE)
    add(
        vault,
        m.DBSCheck(
            volunteer_id=people[2],
            check_type=m.DbsCheckType.ENHANCED,
            issue_date=T - DAY * 1100,
            next_check_due=T - DAY,
        ),
    )
    assert kinds(vault) == ["dbs_expired"]


def test_only_the_latest_dbs_check_counts_and_one_alert_a_volunteer(vault, people):
    set_volunteer(vault, people[2], status=m.VolunteerStatus.ACTIVE)

    def check(issued_days_ago, due_in, number):
        return m.DBSCheck(
            volunteer_id=people[2],
            check_type=m.DbsCheckType.ENHANCED,
            certificate_number=number,
            issue_date=T - DAY * issued_days_ago,
            next_check_due=T + DAY * due_in,
        )

    # An old check that has expired, renewed by one valid for years: nothing to do.
    add(vault, check(1100, -5, "001"), check(20, 1000, "002"))
    assert [k for k in kinds(vault) if k.startswith("dbs")] == []
    # Two checks issued on the same (latest) day, both expiring soon: one alert about her.
    add(vault, check(10, 20, "003"), check(10, 25, "004"))
    found = [a for a in attention.alerts(vault, T) if a.kind.startswith("dbs")]
    assert [(a.kind, a.who) for a in found] == [("dbs_expiring", "V0001")]


@pytest.mark.parametrize(("end_in", "alerted"), [(14, True), (15, False)])
def test_planned_endings_within_14_days(vault, people, end_in, alerted):
    mid = match(vault, people, planned_end_date=T + DAY * end_in)
    add(vault, contact(mid, T))
    mark_discussed_again(vault, mid, T - DAY * 10)
    assert kinds(vault) == (["planned_ending"] if alerted else [])


@pytest.mark.parametrize(("end_in", "alerted"), [(28, True), (29, False)])
def test_ending_discussed_again_four_weeks_before(vault, people, end_in, alerted):
    mid = match(vault, people, planned_end_date=T + DAY * end_in)
    add(vault, contact(mid, T))
    assert kinds(vault) == (["ending_discuss_again"] if alerted else [])
    mark_discussed_again(vault, mid, T)
    assert kinds(vault) == []


@pytest.mark.parametrize(
    ("born", "alerted"), [(date(2025, 3, 30), True), (date(2025, 3, 31), False)]
)
def test_baby_reaching_the_age_limit_within_4_weeks(vault, people, born, alerted):
    # 12 months after 30 Mar 2025 is 30 Mar 2026: 28 days after T.
    set_mother(vault, people[1], stage=m.MotherStage.MATCHED, baby_dob=born)
    assert kinds(vault) == (["baby_age_limit"] if alerted else [])


@pytest.mark.parametrize(("review_in", "alerted"), [(14, True), (15, False)])
def test_consent_reviews_due(vault, people, review_in, alerted):
    add(
        vault,
        m.Consent(
            mother_id=people[1],
            kind=m.ConsentKind.SERVICE,
            given=True,
            review_on=T + DAY * review_in,
        ),
    )
    assert kinds(vault) == (["consent_review"] if alerted else [])


@pytest.mark.parametrize(("days", "alerted"), [(6, False), (7, True)])
def test_no_backup_for_7_days(vault, people, days, alerted):
    with vault.transaction() as s:
        settings.put(s, settings.LAST_GOOD_BACKUP, datetime.combine(T - DAY * days, time(12)))
    found = [a.kind for a in attention.alerts(vault, T)]
    assert found == (["no_backup"] if alerted else [])


def test_a_snooze_needs_a_note_hides_the_alert_and_is_audited(vault, people):
    (sid,) = add(vault, m.SafeguardingConcern(mother_id=people[1], raised_on=T - DAY * 3))
    (alert,) = attention.alerts(vault, T)[:1]
    with pytest.raises(ValueError):
        attention.snooze(vault, alert, until=T + DAY * 7, note="  ", today=T)
    attention.snooze(vault, alert, until=T + DAY * 7, note="Social worker visiting", today=T)
    assert "safeguarding_open" not in kinds(vault)
    ((snoozed, kept),) = attention.snoozed(vault, T)
    assert kept.note == "Social worker visiting"
    assert "safeguarding_open" in kinds(vault, T + DAY * 7)  # the snooze ran out
    with vault.session() as s:
        assert s.query(m.AuditEvent).filter_by(entity_type="alert").count() == 1
    with vault.transaction() as s:
        s.get(m.SafeguardingConcern, sid).escalated_to = "Children's social care"
    assert "safeguarding_open" in kinds(vault)  # it changed, so it is back


def test_cli_attention_json_shape(cli, fresh_db):
    result = cli("--db", str(fresh_db), "attention", "--json", "--today", "2026-03-02")
    assert result.returncode == 0, result.stderr
    import json

    payload = json.loads(result.stdout)
    assert list(payload) == ["alerts"]
    (backup,) = payload["alerts"]
    assert backup == {
        "kind": "no_backup",
        "severity": "soon",
        "who": None,
        "name": "Backups",
        "what": "No backup has been made yet",
        "due": None,
    }
