"""Search: the FTS5 indexes find people by what a coordinator types, stay current on every
change however it is made, and never fail whatever is typed."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, insert, select, text, update

from coordinator.models import LocalService, Mother, ServiceCategory, Volunteer
from coordinator.services import search, vocabularies
from coordinator.services.records.mothers import (
    blank_mother,
    delete_mother,
    load_mother,
    save_mother,
)
from coordinator.services.records.services import ServiceForm, save_service
from coordinator.services.records.volunteers import blank_volunteer, save_volunteer
from coordinator.storage.vault import open_vault

TODAY = date(2026, 11, 26)
FIXTURES = Path(__file__).parent.parent / "fixtures"
HOSTILE = [
    '"',
    '""',
    "'",
    "*",
    "**",
    "-",
    "-gosia",
    ":",
    "full_name:gosia",
    "{full_name}: gosia",
    "NEAR",
    "NEAR(gosia wis)",
    "NEAR(gosia wis, 2)",
    "(",
    ")",
    "()",
    "(gosia",
    "AND",
    "OR",
    "NOT",
    "gosia OR",
    "gosia AND NOT wis",
    "^gosia",
    "+",
    "\\",
    "%",
    "_",
    "\x00",
    "gosia\x00wis",
    "\ud800",
    "a" * 2000,
]


def add_mother(vault, **fields) -> int:
    form = blank_mother(TODAY)
    form.full_name = "Amira Haddad"
    for name, value in fields.items():
        setattr(form, name, value)
    return save_mother(vault, form, TODAY)


@pytest.fixture
def gosia(vault) -> int:
    add_mother(vault, full_name="Fiona Smith", postcode="B15 2TT", phone="0121 496 0000")
    return add_mother(
        vault,
        full_name="Małgorzata Wiśniewska",
        preferred_name="Gosia",
        postcode="LE1 6TH",
        phone="07700 900123",
        referrer_name="Jane O'Brien",
        referrer_agency="Leicester Royal Infirmary",
    )


def find(vault, text_, kind="mother") -> list[int]:
    with vault.session() as s:
        return search.ids(s, kind, text_)


@pytest.mark.parametrize(
    "typed",
    [
        "Małgorzata",
        "malgorzata",
        "wiśniewska",
        "Wisniewska",
        "WISN",
        "gos",
        "Gosia Wis",
        "LE1 6TH",
        "le16th",
        "LE1 6",
        "le1",
        "07700900123",
        "0770",
        "07700 900123",
        "07700 900",
        "077009 00123",
        "+44 7700 900123",
        "o'brien",
        "O’Brien",
        "jane",
        "Royal Infirmary",
        "leic",
    ],
)
def test_a_mother_is_found_by_what_a_coordinator_types(vault, gosia, typed):
    assert find(vault, typed) == [gosia]


@pytest.mark.parametrize("typed", ["smith wisniewska", "gosia B15", "zz", "0121 496 1"])
def test_every_word_must_match(vault, gosia, typed):
    assert gosia not in find(vault, typed)


def test_nothing_searchable_typed_finds_nothing(vault, gosia):
    assert find(vault, "") == find(vault, "   ") == find(vault, "*-()") == []


def test_limit_caps_the_number_of_ids(vault, gosia):
    with vault.session() as s:
        assert len(search.ids(s, "mother", "0", limit=1)) == 1
        assert search.ids(vault, "mother", "0") == sorted(search.ids(vault, "mother", "0")) != []


def test_an_edit_is_searchable_at_once_and_the_old_name_is_gone(vault, gosia):
    form = load_mother(vault, gosia)
    form.full_name, form.postcode = "Anna Nowak", "LE2 8AA"
    save_mother(vault, form, TODAY)
    assert find(vault, "nowak le2") == [gosia]
    assert find(vault, "wisniewska") == []
    assert find(vault, "le1 6th") == []


def test_a_deleted_record_is_no_longer_found(vault, gosia):
    delete_mother(vault, gosia)
    assert find(vault, "gosia") == []


def test_plain_orm_and_sql_changes_keep_the_index_current(vault, gosia):
    with vault.transaction() as s:
        s.add(Mother(full_name="Ayesha Begum", phone="07700 900555", referral_received_on=TODAY))
        s.execute(insert(Mother).values(full_name="Zofia Kowalczyk", referral_received_on=TODAY))
        s.execute(update(Mother).where(Mother.id == gosia).values(preferred_name="Maggie"))
        s.execute(update(Mother).values(support_plan="weekly"))  # not indexed: no change
    assert len(find(vault, "ayesha 0770090055")) == 1
    assert len(find(vault, "kowalczyk")) == 1
    assert find(vault, "maggie") == [gosia]
    assert find(vault, "gosia") == []
    with vault.transaction() as s:
        s.execute(delete(Mother).where(Mother.full_name == "Zofia Kowalczyk"))
    assert find(vault, "kowalczyk") == []
    with vault.session() as s:
        assert search.inconsistent_indexes(s) == []


def test_a_damaged_index_is_reported_and_rebuilt(vault, gosia):
    with vault.transaction() as s:  # change the record behind the triggers' back
        s.execute(text("DROP TRIGGER mother_fts_after_update"))
        s.execute(update(Mother).where(Mother.id == gosia).values(full_name="Someone Else"))
    with vault.session() as s:
        assert search.inconsistent_indexes(s) == ["mother"]
    with vault.transaction() as s:
        search.rebuild(s, "mother")
    with vault.session() as s:
        assert search.inconsistent_indexes(s) == []
    assert find(vault, "someone") == [gosia]


def test_volunteers_are_found_by_name_postcode_phone_and_email(vault):
    form = blank_volunteer()
    form.full_name, form.preferred_name = "Wiktoria Łukasik", "Vicky"
    form.postcode, form.phone, form.email = "LE2 1HL", "07700 900777", "vicky.l@example.org"
    volunteer_id = save_volunteer(vault, form, TODAY)
    for typed in ("lukasik", "vicky", "le21hl", "0770090077", "vicky.l@exa", "example.org"):
        assert find(vault, typed, "volunteer") == [volunteer_id], typed
    assert find(vault, "gosia", "volunteer") == []


def test_services_are_found_by_name_category_area_and_notes(vault):
    category = dict((label, i) for i, label in vocabularies.active_terms(vault, "service_category"))
    form = ServiceForm(
        name="Highfields Pantry",
        category_id=category["Food bank"],
        area="Highfields",
        notes="Halal food available",
    )
    service_id = save_service(vault, form, TODAY)
    for typed in ("pantry", "food bank", "highf", "halal"):
        assert find(vault, typed, "service") == [service_id], typed


def test_renaming_a_category_reindexes_its_services(vault):
    category_id, _ = vocabularies.active_terms(vault, "service_category")[0]
    service_id = save_service(vault, ServiceForm(name="Bumps", category_id=category_id), TODAY)
    vocabularies.rename_term(vault, "service_category", category_id, "Maternal wellbeing")
    assert find(vault, "wellbeing", "service") == [service_id]
    assert find(vault, "perinatal", "service") == []
    with vault.transaction() as s:
        s.execute(update(LocalService).values(category_id=None))
        s.execute(update(ServiceCategory).values(label=ServiceCategory.label + " x"))
    assert find(vault, "wellbeing", "service") == []
    with vault.session() as s:
        assert search.inconsistent_indexes(s) == []


@pytest.mark.parametrize("kind", ["mother", "volunteer", "service"])
def test_hostile_text_never_raises(vault, gosia, kind):
    with vault.session() as s:
        for typed in HOSTILE:
            assert isinstance(search.ids(s, kind, typed), list), typed
    assert find(vault, '"gosia"') == find(vault, "(gosia") == find(vault, "gosia*") == [gosia]


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(typed=st.text(), kind=st.sampled_from(["mother", "volunteer", "service"]))
def test_search_never_raises_on_any_text(vault, typed, kind):
    with vault.session() as s:
        assert isinstance(search.ids(s, kind, typed), list)


def test_an_unknown_kind_is_a_programming_error(vault):
    with pytest.raises(ValueError):
        find(vault, "x", "match")


def test_a_database_upgraded_from_the_first_schema_has_a_full_index(tmp_path):
    path = tmp_path / "old.db"
    shutil.copyfile(FIXTURES / "schema-0001.db", path)
    passphrase = (FIXTURES / "PASSPHRASE.txt").read_text(encoding="utf-8").strip()
    with open_vault(path, passphrase) as vault, vault.session() as s:
        mother_id, name = s.execute(select(Mother.id, Mother.full_name).limit(1)).one()
        assert mother_id in search.ids(s, "mother", name)
        volunteer_id, email = s.execute(
            select(Volunteer.id, Volunteer.email).where(Volunteer.email.is_not(None)).limit(1)
        ).one()
        assert volunteer_id in search.ids(s, "volunteer", email)
        assert search.inconsistent_indexes(s) == []
