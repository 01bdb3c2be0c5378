"""The list pages' data: filters, every sort key both ways, rows in the order asked for."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from coordinator.models import (
    ClosureReason,
    DBSCheck,
    DbsCheckType,
    Match,
    MatchStatus,
    MotherStage,
    Project,
    SupportModel,
    VolunteerStatus,
)
from coordinator.services import listing, vocabularies
from coordinator.services.listing import (
    MotherFilter,
    ServiceFilter,
    VolunteerFilter,
    mother_ids,
    mother_rows,
    service_ids,
    service_rows,
    volunteer_ids,
    volunteer_rows,
)
from coordinator.services.records.mothers import (
    SafeguardingItem,
    blank_mother,
    delete_mother,
    save_mother,
)
from coordinator.services.records.services import ServiceForm, save_service
from coordinator.services.records.volunteers import blank_volunteer, save_volunteer

TODAY = date(2026, 11, 26)


def days(n: int) -> date:
    return TODAY + timedelta(days=n)


def term(vault, vocabulary: str, label: str) -> int:
    return {lbl: i for i, lbl in vocabularies.active_terms(vault, vocabulary)}[label]


def mother(vault, name: str, **fields) -> int:
    form = blank_mother(TODAY)
    form.full_name = name
    for key, value in fields.items():
        setattr(form, key, value)
    return save_mother(vault, form, TODAY)


def volunteer(vault, name: str, **fields) -> int:
    form = blank_volunteer()
    form.full_name = name
    for key, value in fields.items():
        setattr(form, key, value)
    return save_volunteer(vault, form, TODAY)


@pytest.fixture
def people(vault) -> dict[str, int]:
    """Five mothers, three volunteers and their matches, with distinct list values."""
    with vault.transaction() as s:
        project = Project(name="Bumps", model=SupportModel.BEFRIENDING)
        s.add(project)
        s.flush()
        project_id = project.id
    first_baby = term(vault, "need", "First baby")
    ids = {
        "A": mother(
            vault,
            "Alice Archer",
            stage=MotherStage.RECEIVED,
            edd=days(100),
            town="Leicester",
            postcode="LE2 8AA",
            referrer_name="Zoe Ref",
            referral_received_on=days(-10),
            need_ids=[first_baby],
            safeguarding_concerns=[SafeguardingItem(raised_on=days(-2), note="open")],
        ),
        "B": mother(
            vault,
            "Bella Brown",
            stage=MotherStage.WAITING,
            baby_dob=days(-60),
            town="Bradford",
            postcode="BD3 1AA",
            referrer_agency="Midwives",
            referral_received_on=days(-40),
            project_id=project_id,
            no_letters_home=True,
        ),
        "C": mother(
            vault,
            "Cara Clark",
            stage=MotherStage.MATCHED,
            edd=days(10),
            postcode="LE1 6TH",
            referrer_name="Amy Ref",
            referral_received_on=days(-100),
            project_id=project_id,
        ),
        "D": mother(
            vault,
            "Dina Diaz",
            stage=MotherStage.CLOSED,
            closure_reason=ClosureReason.DECLINED,
            town="Oadby",
            referrer_name="Mia",
            referral_received_on=days(-200),
            need_ids=[first_baby],
            safeguarding_concerns=[
                SafeguardingItem(raised_on=days(-20), resolved_on=days(-10), note="closed")
            ],
        ),
        "E": mother(
            vault,
            "Ella Evans",
            preferred_name="Elle",
            stage=MotherStage.CONTACTED,
            weeks_pregnant_at_referral=20,
            town="leicester",
            postcode="LE2 9ZZ",
            referral_received_on=days(-5),
        ),
    }
    english, polish, urdu = (term(vault, "language", n) for n in ("English", "Polish", "Urdu"))
    ids["Y"] = volunteer(
        vault,
        "Yasmin Vol",
        status=VolunteerStatus.ACTIVE,
        language_ids=[english, polish],
        areas=["LE2"],
        project_ids=[project_id],
    )
    ids["V"] = volunteer(
        vault,
        "Bea Vol",
        status=VolunteerStatus.ACTIVE,
        language_ids=[urdu],
        areas=["Oadby", "LE1"],
        max_matches=1,
    )
    ids["Z"] = volunteer(vault, "Zara Newbie")
    with vault.transaction() as s:
        s.add_all(
            [  # Yasmin's latest check (by issue date) is overdue; an older one is not
                DBSCheck(
                    volunteer_id=ids["Y"],
                    check_type=DbsCheckType.ENHANCED,
                    issue_date=date(2020, 1, 1),
                    next_check_due=date(2030, 1, 1),
                ),
                DBSCheck(
                    volunteer_id=ids["Y"],
                    check_type=DbsCheckType.ENHANCED,
                    issue_date=date(2023, 1, 1),
                    next_check_due=days(-1),
                ),
                DBSCheck(
                    volunteer_id=ids["V"],
                    check_type=DbsCheckType.ENHANCED,
                    issue_date=date(2024, 1, 1),
                    next_check_due=days(30),
                ),
            ]
        )
        for mother_key, volunteer_key, status in (
            ("C", "Y", MatchStatus.ACTIVE),
            ("E", "V", MatchStatus.PAUSED),
            ("D", "Z", MatchStatus.ENDED),
        ):
            s.add(
                Match(
                    mother_id=ids[mother_key],
                    volunteer_id=ids[volunteer_key],
                    project_id=project_id,
                    proposed_on=days(-30),
                    status=status,
                )
            )
    ids["project"], ids["first_baby"], ids["polish"] = project_id, first_baby, polish
    return ids


def names(people, found: list[int], keys: str = "ABCDE") -> str:
    """The records' letters, in the order found (mothers ABCDE, volunteers VYZ)."""
    key = {people[k]: k for k in keys}
    return "".join(key[i] for i in found)


def mothers(vault, people, sort="name", descending=False, **filters) -> str:
    return names(people, mother_ids(vault, MotherFilter(**filters), sort, descending, TODAY))


# --- mothers: sorting ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sort", "ascending", "descending"),
    [
        ("name", "ABCDE", "EDCBA"),
        ("stage", "AEBCD", "DCBEA"),
        ("due", "BCAED", "EACBD"),  # baby's birth, due date or estimate; none last
        ("area", "BCAED", "DAECB"),
        ("referrer", "CDBAE", "ABDCE"),
        ("waiting", "EABCD", "BAECD"),  # days waiting; matched and closed last
        ("volunteer", "ECABD", "CEABD"),
    ],
)
def test_mothers_sort_by_every_column_both_ways(vault, people, sort, ascending, descending):
    assert sort in listing.MOTHER_SORTS
    assert mothers(vault, people, sort) == ascending
    assert mothers(vault, people, sort, descending=True) == descending


def test_an_unknown_sort_is_refused(vault, people):
    with pytest.raises(ValueError):
        mother_ids(vault, MotherFilter(), "shoe size", False, TODAY)


# --- mothers: filters ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, "ABCDE"),
        ({"text": "ref"}, "AC"),
        ({"text": "elle"}, "E"),
        ({"text": "le2"}, "AE"),
        ({"text": '"'}, "ABCDE"),
        ({"stages": frozenset({MotherStage.RECEIVED, MotherStage.CONTACTED})}, "AE"),
        ({"stages": listing.OPEN_STAGES}, "ABCE"),
        ({"stages": frozenset()}, ""),
        ({"area": "Leicester"}, "AE"),
        ({"area": "LE2"}, "AE"),
        ({"area": " le2 8"}, "A"),
        ({"area": "LE1"}, "C"),
        ({"area": "le"}, "ACE"),
        ({"area": "BD3"}, "B"),
        ({"area": "Oadby"}, "D"),
        ({"waiting_more_than_days": 7}, "AB"),
        ({"waiting_more_than_days": 0}, "ABE"),
        ({"text": "ref", "area": "LE2"}, "A"),
    ],
)
def test_mothers_filter(vault, people, filters, expected):
    assert mothers(vault, people, **filters) == expected


def test_mothers_filter_by_project_and_need(vault, people):
    assert mothers(vault, people, project_id=people["project"]) == "BC"
    assert mothers(vault, people, need_id=people["first_baby"]) == "AD"
    assert mothers(vault, people, "stage", project_id=people["project"], text="amy") == "C"


def test_a_broad_search_sorted_by_name_matches_a_narrow_one(vault, people, monkeypatch):
    narrow = mothers(vault, people, text="a", descending=True)
    monkeypatch.setattr(listing, "BROAD_SEARCH", 1)
    assert mothers(vault, people, text="a", descending=True) == narrow == "CA"
    assert mothers(vault, people, text="le") == "ACE"


# --- mothers: rows ---------------------------------------------------------------------


def test_mother_rows_come_back_in_the_order_asked_for(vault, people):
    ids = [people[k] for k in "ABCDE"]
    random.Random(3).shuffle(ids)
    assert [r.id for r in mother_rows(vault, ids, TODAY)] == ids


def test_mother_rows_skip_records_that_have_gone(vault, people):
    delete_mother(vault, people["B"])
    ids = [people[k] for k in "ABC"]
    assert [r.id for r in mother_rows(vault, ids, TODAY)] == [people["A"], people["C"]]


def test_mother_rows_show_the_list_columns(vault, people):
    rows = {r.id: r for r in mother_rows(vault, [people[k] for k in "ABCDE"], TODAY)}
    a, b, c, d, e = (rows[people[k]] for k in "ABCDE")
    assert (a.name, a.stage, a.area, a.referrer, a.days_waiting) == (
        "Alice Archer",
        "Received",
        "Leicester, LE2",
        "Zoe Ref",
        10,
    )
    assert a.due_or_age == "due 6 Mar 2027 (25 weeks)"
    assert (a.safeguarding, d.safeguarding) == (True, False)
    assert (b.due_or_age, b.referrer, b.no_letters_home, a.no_letters_home) == (
        "baby 1 month",
        "Midwives",
        True,
        False,
    )
    assert (c.area, c.days_waiting, c.volunteer) == ("LE1", None, "Yasmin Vol")
    assert (d.due_or_age, d.volunteer, d.stage) == ("", "", "Closed")
    assert (e.name, e.volunteer) == ("Ella Evans (Elle)", "Bea Vol")
    assert e.due_or_age == "due about 10 Apr 2027 (about 20 weeks)"


def test_many_rows_are_fetched_in_one_call(vault, people):
    ids = [people[k] for k in "ABCDE"] * 300
    assert len(mother_rows(vault, ids, TODAY)) == 1500


# --- volunteers ------------------------------------------------------------------------


def vols(vault, people, sort="name", descending=False, **filters) -> str:
    found = volunteer_ids(vault, VolunteerFilter(**filters), sort, descending, TODAY)
    return names(people, found, "VYZ")


@pytest.mark.parametrize(
    ("sort", "ascending", "descending"),
    [
        ("name", "VYZ", "ZYV"),
        ("status", "ZVY", "VYZ"),
        ("dbs_due", "YVZ", "VYZ"),
        ("languages", "YVZ", "VYZ"),
        ("areas", "VYZ", "YVZ"),
        ("matches", "ZVY", "VYZ"),
    ],
)
def test_volunteers_sort_by_every_column_both_ways(vault, people, sort, ascending, descending):
    assert sort in listing.VOLUNTEER_SORTS
    assert vols(vault, people, sort) == ascending
    assert vols(vault, people, sort, descending=True) == descending


def test_volunteers_filter(vault, people):
    assert vols(vault, people, statuses=frozenset({VolunteerStatus.ACTIVE})) == "VY"
    assert vols(vault, people, language_id=people["polish"]) == "Y"
    assert vols(vault, people, project_id=people["project"]) == "Y"
    assert vols(vault, people, dbs_overdue_only=True) == "Y"
    assert vols(vault, people, text="vol") == "VY"


def test_volunteer_rows_show_checks_languages_areas_and_matches(vault, people):
    ids = [people[k] for k in "ZYV"]
    z, y, v = rows = volunteer_rows(vault, ids, TODAY)
    assert [r.id for r in rows] == ids
    assert (y.dbs_due, y.dbs_overdue, y.dbs_due_soon) == (days(-1), True, False)
    assert (y.languages, y.areas, y.matches, y.status) == (
        "English, Polish",
        "LE2",
        "1 of 2",
        "Active",
    )
    assert (v.dbs_overdue, v.dbs_due_soon, v.areas, v.matches) == (
        False,
        True,
        "LE1, Oadby",
        "1 of 1",
    )
    assert (z.dbs_due, z.dbs_overdue, z.languages, z.matches, z.status) == (
        None,
        False,
        "",
        "0 of 2",
        "Applicant",
    )


# --- local services --------------------------------------------------------------------


@pytest.fixture
def services(vault) -> dict[str, int]:
    food, baby = (term(vault, "service_category", n) for n in ("Food bank", "Baby bank"))
    return {
        "B": save_service(
            vault,
            ServiceForm(
                name="baby basics", category_id=baby, area="Leicester", phone="0116 496 0001"
            ),
            TODAY,
        ),
        "F": save_service(
            vault,
            ServiceForm(name="Food Hub", category_id=food, area="Bradford", phone="0113 496 0002"),
            TODAY,
        ),
        "O": save_service(vault, ServiceForm(name="Old Group", active=False), TODAY),
        "food": food,
    }


@pytest.mark.parametrize(
    ("sort", "ascending", "descending"),
    [
        ("name", "BFO", "OFB"),
        ("category", "BFO", "FBO"),
        ("area", "FBO", "BFO"),
        ("phone", "FBO", "BFO"),
    ],
)
def test_services_sort_by_every_column_both_ways(vault, services, sort, ascending, descending):
    everything = ServiceFilter(include_inactive=True)
    assert names(services, service_ids(vault, everything, sort), "BFO") == ascending
    assert names(services, service_ids(vault, everything, sort, True), "BFO") == descending


def test_services_filter_and_hide_retired_ones(vault, services):
    assert names(services, service_ids(vault), "BF") == "BF"
    assert names(services, service_ids(vault, ServiceFilter(text="food")), "F") == "F"
    assert service_ids(vault, ServiceFilter(category_id=services["food"])) == [services["F"]]
    rows = service_rows(vault, [services["O"], services["B"]])
    assert [(r.name, r.category, r.area, r.active) for r in rows] == [
        ("Old Group", "", "", False),
        ("baby basics", "Baby bank", "Leicester", True),
    ]
