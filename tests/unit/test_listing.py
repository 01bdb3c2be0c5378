"""The list pages' data: filters, every sort key both ways, rows in the order asked for."""

from __future__ import annotations

import random
import shutil
from datetime import date, timedelta
from functools import partial

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text

from coordinator.models import (
    ClosureReason,
    DBSCheck,
    DbsCheckType,
    Match,
    MatchStatus,
    Mother,
    MotherStage,
    Need,
    Project,
    VolunteerStatus,
)
from coordinator.services import listing, search
from coordinator.services.demo import fill_demo
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
from coordinator.services.records.mothers import SafeguardingItem, delete_mother
from coordinator.services.records.services import ServiceForm, save_service
from coordinator.storage.vault import open_vault
from tests.conftest import PASSPHRASE
from tests.people import add_mothers, add_project, add_volunteer, example_mothers, term

TODAY = date(2026, 11, 26)


def days(n: int) -> date:
    return TODAY + timedelta(days=n)


@pytest.fixture
def people(vault) -> dict[str, int]:
    """Five mothers, three volunteers and their matches, with distinct list values: the
    example mothers A, B (with no letters home) and C, then these D and E."""
    project_id = add_project(vault)
    first_baby = term(vault, "need", "First baby")
    mothers = example_mothers(TODAY, project_id, first_baby)
    mothers["B"]["no_letters_home"] = True
    mothers["D"] = {
        "full_name": "Dina Diaz",
        "stage": MotherStage.CLOSED,
        "closure_reason": ClosureReason.DECLINED,
        "town": "Oadby",
        "referrer_name": "Mia",
        "referral_received_on": days(-200),
        "need_ids": [first_baby],
        "safeguarding_concerns": [
            SafeguardingItem(raised_on=days(-20), resolved_on=days(-10), note="closed")
        ],
    }
    mothers["E"] = {
        "full_name": "Ella Evans",
        "preferred_name": "Elle",
        "stage": MotherStage.CONTACTED,
        "weeks_pregnant_at_referral": 20,
        "town": "leicester",
        "postcode": "LE2 9ZZ",
        "referral_received_on": days(-5),
    }
    ids = add_mothers(vault, TODAY, mothers)
    english, polish, urdu = (term(vault, "language", n) for n in ("English", "Polish", "Urdu"))
    ids["Y"] = add_volunteer(
        vault,
        TODAY,
        "Yasmin Vol",
        status=VolunteerStatus.ACTIVE,
        language_ids=[english, polish],
        areas=["LE2"],
        project_ids=[project_id],
    )
    ids["V"] = add_volunteer(
        vault,
        TODAY,
        "Bea Vol",
        status=VolunteerStatus.ACTIVE,
        language_ids=[urdu],
        areas=["Oadby", "LE1"],
        max_matches=1,
    )
    ids["Z"] = add_volunteer(vault, TODAY, "Zara Newbie")
    with vault.transaction() as s:
        s.add_all(
            DBSCheck(
                volunteer_id=ids[key],
                check_type=DbsCheckType.ENHANCED,
                issue_date=issued,
                next_check_due=due,
            )
            for key, issued, due in (  # Yasmin's latest check (by issue date) is overdue;
                ("Y", date(2020, 1, 1), date(2030, 1, 1)),  # an older one is not
                ("Y", date(2023, 1, 1), days(-1)),
                ("V", date(2024, 1, 1), days(30)),
            )
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


def check_both_ways(listed, offered, sort: str, ascending: str, descending: str) -> None:
    """The list offers `sort` and gives these orders (record letters) ascending and
    descending; `listed(sort, descending)` gives the list's letters."""
    assert sort in offered
    assert listed(sort, False) == ascending
    assert listed(sort, True) == descending


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
    check_both_ways(
        partial(mothers, vault, people), listing.MOTHER_SORTS, sort, ascending, descending
    )


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
    monkeypatch.setattr(listing, "_MANY_HITS", text("SELECT 1"))  # every search is broad
    assert mothers(vault, people, text="a", descending=True) == narrow == "CA"
    assert mothers(vault, people, text="le") == "ACE"


# --- mothers: the cached statements and the plans give exactly the plain query's list ----


def reference_ids(session, flt: MotherFilter, sort: str, descending: bool) -> list[int]:
    """The plainest query for the same list: built afresh, no plan, no cache, no JSON; the
    search as a list of ids from search.ids."""
    conditions = listing._mother_conditions(flt, TODAY)
    if search.match_expression("mother", flt.text) is not None:
        conditions.append(Mother.id.in_(search.ids(session, "mother", flt.text)))
    if sort == "name":
        order = [Mother.full_name, Mother.id]
        order = [c.desc() if descending else c.asc() for c in order]
    else:
        backwards = descending != (sort == "waiting")
        key = listing._mother_sort_key(sort)
        order = listing.ordered(key, backwards, Mother.full_name, Mother.id)
    return list(session.scalars(select(Mother.id).where(*conditions).order_by(*order)))


def every_plan(session, flt: MotherFilter, sort: str, descending: bool) -> dict[str, list[int]]:
    """The list by mother_ids, and by every plan that applies forced on."""
    connection = session.connection()
    expression = search.match_expression("mother", flt.text)
    plans = ("all",) if expression is None else ("hits", "name_walk")
    found = {
        plan: listing._planned_ids(connection, flt, sort, descending, TODAY, plan, expression)
        for plan in plans
    }
    found["mother_ids"] = mother_ids(session, flt, sort, descending, TODAY)
    return found


FILTERS = [
    {},
    {"text": "a"},
    {"text": "ref"},
    {"text": "le2"},
    {"stages": listing.OPEN_STAGES},
    {"text": "a", "stages": listing.OPEN_STAGES},
    {"text": "e", "area": "le"},
    {"text": "a", "waiting_more_than_days": 7},
    {"text": "a", "need_id": "first_baby"},
    {"text": "a", "project_id": "project", "stages": listing.WAITING_STAGES},
]


@pytest.mark.parametrize("sort", listing.MOTHER_SORTS)
@pytest.mark.parametrize("filters", FILTERS, ids=[f"filter{n}" for n in range(len(FILTERS))])
def test_every_plan_gives_the_plain_querys_list(vault, people, filters, sort):
    flt = MotherFilter(
        **{k: people.get(v, v) if k.endswith("_id") else v for k, v in filters.items()}
    )
    with vault.session() as s:
        for descending in (False, True):
            expected = reference_ids(s, flt, sort, descending)
            for plan, found in every_plan(s, flt, sort, descending).items():
                assert found == expected, (plan, descending)


def test_a_statement_is_built_once_per_filter_and_sort(vault, people):
    listing._ids_statement.cache_clear()
    for typed in ("a", "al", "ali", "b", "zz"):
        mother_ids(vault, MotherFilter(text=typed, stages=listing.OPEN_STAGES), "due", True, TODAY)
    assert listing._ids_statement.cache_info().misses == 1
    mother_ids(vault, MotherFilter(text="a"), "due", True, TODAY)  # another filter
    mother_ids(vault, MotherFilter(text="a", stages=listing.OPEN_STAGES), "due", False, TODAY)
    assert listing._ids_statement.cache_info().misses == 3
    # the cached statement and a freshly built one give the same list
    flt = MotherFilter(stages=listing.OPEN_STAGES, area="LE2", waiting_more_than_days=0)
    build = listing._ids_statement.__wrapped__
    with vault.session() as s:
        for plan, expression in (
            ("all", {}),
            ("hits", {"q": search.match_expression("mother", "e")}),
        ):
            cached = listing._ids_statement(flt, TODAY, "waiting", False, plan)
            fresh = build(flt, TODAY, "waiting", False, plan)
            assert cached is not fresh
            assert (
                s.execute(cached, expression).scalar_one()
                == s.execute(fresh, expression).scalar_one()
            )


def test_the_plan_suits_the_search(vault, people):
    with vault.session() as s:
        connection = s.connection()

        def plan(sort="name", **filters) -> str:
            flt = MotherFilter(**filters)
            expression = search.match_expression("mother", flt.text)
            return listing._plan(connection, flt, sort, expression)

        assert plan() == plan(stages=listing.OPEN_STAGES) == plan(text='"') == "all"
        assert plan(text="a") == "hits"  # few hits: read and sort them
        assert plan("area", text="a") == plan(text="a", area="LE") == "hits"


@pytest.fixture(scope="module")
def demo_vault(tmp_path_factory, _template_db):
    """400 made-up mothers (and their volunteers, matches, needs), for comparing plans."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    shutil.copyfile(_template_db, path)
    with open_vault(path, PASSPHRASE) as opened:
        fill_demo(opened, mothers=400, volunteers=40, seed=5, today=TODAY)
        yield opened


def test_a_broad_search_sorted_by_name_walks_the_name_index(demo_vault):
    with demo_vault.session() as s:
        connection = s.connection()
        for typed, expected in (("a", "name_walk"), ("0", "name_walk"), ("zzzz", "hits")):
            expression = search.match_expression("mother", typed)
            assert listing._plan(connection, MotherFilter(text=typed), "name", expression) == (
                expected
            )


TYPED = ["", "a", "s", "sa", "ja", "k", "le", "le4 ", "0", "07", "077", "o'b", "zzz", '"']
AREAS = [None, "LE", "LE4", "le2 8", "Leicester", "Coventry", " "]


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    typed=st.sampled_from(TYPED),
    stages=st.one_of(st.just(listing.ALL_STAGES), st.frozensets(st.sampled_from(MotherStage))),
    project=st.one_of(st.none(), st.integers(0, 3)),
    need=st.one_of(st.none(), st.integers(0, 6)),
    area=st.sampled_from(AREAS),
    waiting=st.one_of(st.none(), st.integers(0, 400)),
    sort=st.sampled_from(listing.MOTHER_SORTS),
    descending=st.booleans(),
)
def test_any_filter_and_sort_gives_the_plain_querys_list(
    demo_vault, typed, stages, project, need, area, waiting, sort, descending
):
    with demo_vault.session() as s:
        projects = list(s.scalars(select(Project.id).order_by(Project.id)))
        needs = list(s.scalars(select(Need.id).order_by(Need.id)))
        flt = MotherFilter(
            text=typed,
            stages=stages,
            project_id=None if project is None else projects[project % len(projects)],
            need_id=None if need is None else needs[need % len(needs)],
            area=area,
            waiting_more_than_days=waiting,
        )
        expected = reference_ids(s, flt, sort, descending)
        for plan, found in every_plan(s, flt, sort, descending).items():
            assert found == expected, plan


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
    check_both_ways(
        partial(vols, vault, people), listing.VOLUNTEER_SORTS, sort, ascending, descending
    )


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


def all_services(vault, services, sort="name", descending=False) -> str:
    """Every service, retired ones too, as letters in the order found."""
    found = service_ids(vault, ServiceFilter(include_inactive=True), sort, descending)
    return names(services, found, "BFO")


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
    check_both_ways(
        partial(all_services, vault, services), listing.SERVICE_SORTS, sort, ascending, descending
    )


def test_services_filter_and_hide_retired_ones(vault, services):
    assert names(services, service_ids(vault), "BF") == "BF"
    assert names(services, service_ids(vault, ServiceFilter(text="food")), "F") == "F"
    assert service_ids(vault, ServiceFilter(category_id=services["food"])) == [services["F"]]
    rows = service_rows(vault, [services["O"], services["B"]])
    assert [(r.name, r.category, r.area, r.active) for r in rows] == [
        ("Old Group", "", "", False),
        ("baby basics", "Baby bank", "Leicester", True),
    ]
