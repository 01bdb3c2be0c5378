"""The checks the forms, the importer and the command line share (services.validation), and
the mother and volunteer rules built on them."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coordinator.models import DbsCheckType, MotherStage
from coordinator.services import preferences
from coordinator.services.records.errors import CannotDelete, FormInvalid
from coordinator.services.records.mother_form import ConsentItem
from coordinator.services.records.mother_rules import mother_warnings
from coordinator.services.records.mothers import (
    delete_mother,
    delete_refusal,
    load_mother,
    save_mother,
    validate_mother,
)
from coordinator.services.records.volunteer_form import DbsItem
from coordinator.services.records.volunteers import load_volunteer, save_volunteer
from coordinator.services.validation import (
    Invalid,
    check_dbs_certificate,
    check_email,
    check_website,
    due_date_disagreement,
    years_after,
)
from tests.people import add_mother
from tests.unit import record_steps as steps
from tests.unit.test_records_mothers import TODAY
from tests.unit.test_records_mothers import valid as valid_mother
from tests.unit.test_records_volunteers import valid as valid_volunteer


@pytest.mark.parametrize(
    "email",
    ["a..b@example.org", ".a@example.org", "a.@example.org", "a@example", "a@example..org",
     "a b@example.org", "a@-example.org", "a@@example.org", "a@example.o"],
)  # fmt: skip
def test_emails_that_cannot_be_delivered_are_refused(email):
    with pytest.raises(Invalid, match="name@example.org"):
        check_email(email)


@pytest.mark.parametrize(
    "email", ["a.b@example.org", "o'neil@example.org", "name+tag@mail.example.co.uk"]
)
def test_real_emails_pass(email):
    assert check_email(f"  {email} ") == email


@pytest.mark.parametrize(
    "site", ["www.example.org", "example.org/help", "https://www.nhs.uk/conditions/", "HTTP://x.uk"]
)
def test_web_addresses_pass(site):
    assert check_website(site) == site


@pytest.mark.parametrize(
    "site", ["not a website", "nhs", "ftp://example.org", "https://", "mailto:a@example.org"]
)
def test_things_that_are_not_web_addresses_are_refused(site):
    with pytest.raises(Invalid, match="web address"):
        check_website(site)


def test_a_dbs_certificate_number_has_twelve_digits():
    assert check_dbs_certificate("0012 3456 7890") == "001234567890"
    for wrong in ("12345", "0012345678901", "00123456789O"):
        with pytest.raises(Invalid, match="12 digits"):
            check_dbs_certificate(wrong)


@given(st.text(max_size=40))
def test_the_shared_checks_never_raise_anything_but_invalid(text):
    for check in (check_email, check_website, check_dbs_certificate):
        try:
            check(text)
        except Invalid as err:
            assert str(err)


def test_a_renewal_on_29_february_falls_on_28_february():
    assert years_after(date(2024, 2, 29), 3) == date(2027, 2, 28)
    assert years_after(date(2025, 6, 1), 3) == date(2028, 6, 1)


def test_a_due_date_and_weeks_pregnant_that_disagree_are_pointed_out():
    referral = date(2026, 11, 1)
    edd = referral + timedelta(weeks=28)  # 12 weeks pregnant at referral
    assert due_date_disagreement(12, edd, referral) is None
    assert due_date_disagreement(13, edd, referral) is None  # within a couple of weeks
    warning = due_date_disagreement(20, edd, referral)
    assert "about 12 weeks" in warning and "not 20" in warning
    assert due_date_disagreement(None, edd, referral) is None


def test_the_mother_form_warns_but_still_saves(vault):
    form = valid_mother(
        edd=TODAY + timedelta(weeks=28), referral_received_on=TODAY, weeks_pregnant_at_referral=30
    )
    assert "about 12 weeks" in mother_warnings(form, TODAY)["weeks_pregnant_at_referral"]
    assert validate_mother(form, TODAY) == {}
    assert save_mother(vault, form, TODAY)


def test_a_consent_marked_given_needs_its_date():
    form = valid_mother(consents=[ConsentItem(kind="service", given=True)])
    errors = validate_mother(form, TODAY)
    assert errors == {"consents[0].given_on": "The date consent was given is needed."}
    later = ConsentItem(kind="service", given=True, given_on=TODAY + timedelta(days=1))
    assert (
        "future" in validate_mother(valid_mother(consents=[later]), TODAY)["consents[0].given_on"]
    )
    assert validate_mother(valid_mother(consents=[ConsentItem(kind="service")]), TODAY) == {}


def test_a_referral_needs_a_project_once_the_charity_has_projects(vault):
    assert save_mother(vault, valid_mother(), TODAY)  # no projects yet: none is needed
    [project] = steps.make_projects(vault, "Leicester Doulas")
    with pytest.raises(FormInvalid) as refused:
        save_mother(vault, valid_mother(), TODAY)
    assert "project" in refused.value.errors["project_id"]
    assert validate_mother(valid_mother(), TODAY, projects_exist=True)["project_id"]
    assert save_mother(vault, valid_mother(project_id=project), TODAY)


def test_an_older_record_in_no_project_is_advised_but_still_saves(vault):
    mother_id = save_mother(vault, valid_mother(), TODAY)  # before there were projects
    steps.make_projects(vault, "Leicester Doulas")
    form = load_mother(vault, mother_id)
    form.town = "Oadby"
    assert "no project" in mother_warnings(form, TODAY, projects_exist=True)["project_id"]
    assert save_mother(vault, form, TODAY) == mother_id


def test_matched_cannot_be_chosen_by_hand(vault):
    with pytest.raises(FormInvalid) as refused:
        save_mother(vault, valid_mother(stage=MotherStage.MATCHED), TODAY)
    assert "when a match" in refused.value.errors["stage"]


def test_a_mother_matched_through_a_match_keeps_her_stage_when_edited(vault):
    mother_id = add_mother(vault, TODAY, "Cara Clark", stage=MotherStage.MATCHED)
    form = load_mother(vault, mother_id)
    assert form.stage is MotherStage.MATCHED
    form.town = "Leicester"
    assert validate_mother(form, TODAY) == {}


def test_deleting_a_matched_mother_is_refused_first_naming_her(vault):
    mother_id = save_mother(vault, valid_mother(full_name="Amira Haddad"), TODAY)
    assert delete_refusal(vault, mother_id) is None
    steps.match(vault, TODAY, mother_id=mother_id)
    refusal = delete_refusal(vault, mother_id)
    assert refusal.startswith("Amira Haddad has 1 match")
    with pytest.raises(CannotDelete, match="Amira Haddad"):
        delete_mother(vault, mother_id)


def dbs(**changes) -> DbsItem:
    return DbsItem(
        check_type=DbsCheckType.ENHANCED,
        certificate_number=changes.pop("certificate_number", "001234567890"),
        issue_date=changes.pop("issue_date", date(2025, 3, 10)),
        **changes,
    )


def test_the_next_dbs_check_comes_from_the_renewal_policy(vault):
    volunteer_id = save_volunteer(vault, valid_volunteer(dbs_checks=[dbs()]), TODAY)
    assert load_volunteer(vault, volunteer_id).dbs_checks[0].next_check_due == date(2028, 3, 10)
    preferences.set_dbs_renewal_years(vault, 1)
    other = save_volunteer(vault, valid_volunteer(dbs_checks=[dbs()]), TODAY)
    assert load_volunteer(vault, other).dbs_checks[0].next_check_due == date(2026, 3, 10)
    given = save_volunteer(
        vault, valid_volunteer(dbs_checks=[dbs(next_check_due=date(2027, 1, 1))]), TODAY
    )
    assert load_volunteer(vault, given).dbs_checks[0].next_check_due == date(2027, 1, 1)


def test_a_dbs_certificate_number_of_the_wrong_length_stops_the_save(vault):
    with pytest.raises(FormInvalid) as refused:
        save_volunteer(vault, valid_volunteer(dbs_checks=[dbs(certificate_number="1234")]), TODAY)
    assert "12 digits" in refused.value.errors["dbs_checks[0].certificate_number"]


def test_the_renewal_policy_is_three_years_unless_changed(vault):
    assert preferences.dbs_renewal_years(vault) == 3
    with pytest.raises(ValueError):
        preferences.set_dbs_renewal_years(vault, 0)


def test_a_local_service_website_must_be_a_web_address():
    from coordinator.services.records.services import ServiceForm, validate_service

    assert validate_service(ServiceForm(name="Baby Bank", website="www.babybank.org.uk")) == {}
    errors = validate_service(ServiceForm(name="Baby Bank", website="ask at reception"))
    assert "web address" in errors["website"]
