"""Volunteer records: validation messages, save/load round trip, status history, delete."""

from __future__ import annotations

import copy
from datetime import date, timedelta

import pytest

from coordinator.models import (
    AuditAction,
    DbsCheckType,
    Gender,
    PartOfDay,
    Volunteer,
    VolunteerStatus,
)
from coordinator.services.records.errors import CannotDelete, FormInvalid
from coordinator.services.records.volunteers import (
    DbsItem,
    ReferenceItem,
    TrainingItem,
    VolunteerForm,
    blank_volunteer,
    delete_volunteer,
    load_volunteer,
    save_volunteer,
    validate_volunteer,
)
from tests.unit import record_steps as steps

TODAY = date(2026, 11, 26)


def valid(**changes) -> VolunteerForm:
    return steps.filled(blank_volunteer(), **{"full_name": "Rachel Okafor", **changes})


def full_form(vault) -> VolunteerForm:
    project_ids = sorted(steps.make_projects(vault, "A", "B"))
    modules = steps.term_ids(vault, "training_module")
    languages = steps.term_ids(vault, "language")
    experiences = steps.term_ids(vault, "experience_tag")
    return VolunteerForm(
        full_name="Rachel Okafor",
        preferred_name="Rae",
        date_of_birth=date(1980, 2, 29),
        gender=Gender.FEMALE,
        phone="07700 900456",
        email="rae@example.org",
        address_line1="4 Evington Road",
        address_line2="Top floor",
        town="Leicester",
        postcode="LE2 1HL",
        status=VolunteerStatus.ACTIVE,
        project_ids=project_ids,
        induction_completed_on=date(2026, 1, 10),
        trainings=[
            TrainingItem(
                module_id=modules[0],
                completed_on=date(2026, 1, 12),
                refresh_due_on=date(2028, 1, 12),
                notes="Top marks",
            ),
            TrainingItem(module_id=modules[1], completed_on=date(2026, 2, 1)),
        ],
        dbs_checks=[
            DbsItem(
                check_type=DbsCheckType.ENHANCED,
                certificate_number="001234567890",
                issue_date=date(2026, 1, 5),
                update_service=True,
                next_check_due=date(2029, 1, 5),
                checked_by="Coordinator",
                notes="Clear",
            )
        ],
        references=[
            ReferenceItem(
                referee_name="Ann Referee",
                referee_relationship="Employer",
                requested_on=date(2025, 12, 1),
                received_on=date(2025, 12, 10),
                satisfactory=True,
                notes="Glowing",
            )
        ],
        id_seen_on=date(2025, 12, 1),
        language_ids=sorted(languages[:2]),
        experience_ids=sorted(experiences[:3]),
        faith_culture="Pentecostal",
        areas=["LE2", "Oadby"],
        travel_radius_km=8.5,
        availability={(1, PartOfDay.AFTERNOON), (5, PartOfDay.MORNING)},
        max_matches=3,
        supervisor_name="Sue Pervisor",
        left_on=None,
        leaving_reason="",
        notes="Speaks at events",
    )


#: The form's fields that are not edited (read only), and its lists of items.
EDITABLE = (
    ("id", "reference", "status_since", "status_history", "status_note"),
    ("trainings", "dbs_checks", "references"),
)


def editable(form: VolunteerForm) -> dict:
    return steps.editable(form, *EDITABLE)


def test_a_blank_form_asks_for_her_name():
    assert validate_volunteer(blank_volunteer(), TODAY) == {"full_name": "Her full name is needed."}


def test_status_is_required():
    assert validate_volunteer(valid(status=None), TODAY) == {"status": "The status is needed."}


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("postcode", "L", "Not a UK postcode"),
        ("phone", "0800", "phone number"),
        ("email", "rae at example", "Not an email address"),
        ("date_of_birth", date(2015, 1, 1), "That makes her 11"),
        ("induction_completed_on", TODAY + timedelta(days=1), "cannot be in the future"),
        ("id_seen_on", "32/1/2026", "That day does not exist"),
        ("max_matches", 0, "From 1 to 10"),
        ("max_matches", 11, "From 1 to 10"),
        ("travel_radius_km", -1, "From 0 to 500 km"),
        ("travel_radius_km", "far", "Write a number"),
        ("gender", "unknown", "Choose one of the options"),
    ],
)
def test_each_invalid_field_gets_its_own_message(field, value, words):
    steps.assert_only_message(validate_volunteer(valid(**{field: value}), TODAY), field, words)


def test_dbs_next_check_must_fall_due_after_the_issue_date():
    check = DbsItem(DbsCheckType.ENHANCED, "1", date(2026, 1, 5), False, date(2026, 1, 5))
    errors = validate_volunteer(valid(dbs_checks=[check]), TODAY)
    assert errors == {
        "dbs_checks[0].next_check_due": "The next check must fall due after the issue date."
    }


def test_a_dbs_check_needs_its_type_and_issue_date():
    errors = validate_volunteer(valid(dbs_checks=[DbsItem()]), TODAY)
    assert errors == {
        "dbs_checks[0].issue_date": "The issue date is needed.",
        "dbs_checks[0].check_type": "The type of check is needed.",
    }


def test_repeated_certificates_and_modules_are_flagged():
    checks = [DbsItem(DbsCheckType.BASIC, "77", date(2025, 1, 1))] * 2
    trainings = [TrainingItem(module_id=1), TrainingItem(module_id=1)]
    errors = validate_volunteer(valid(dbs_checks=checks, trainings=trainings), TODAY)
    assert set(errors) == {"dbs_checks[1].certificate_number", "trainings[1].module_id"}


def test_training_refresher_and_references_keep_their_dates_in_order():
    form = valid(
        trainings=[TrainingItem(1, date(2026, 3, 1), date(2026, 2, 1))],
        references=[ReferenceItem("Ref", "", date(2026, 3, 1), date(2026, 2, 1))],
    )
    assert validate_volunteer(form, TODAY) == {
        "trainings[0].refresh_due_on": (
            "The refresher must fall due after the training was completed."
        ),
        "references[0].received_on": "Received before it was requested.",
    }


def test_a_reference_needs_the_referees_name():
    errors = validate_volunteer(valid(references=[ReferenceItem()]), TODAY)
    assert errors == {"references[0].referee_name": "The referee's name is needed."}


def test_every_field_survives_a_save_and_load(vault):
    active = full_form(vault)
    left = steps.filled(
        copy.deepcopy(active),
        status=VolunteerStatus.LEFT,
        left_on=date(2026, 11, 30),
        leaving_reason="Started a new job",
    )
    # A field added to the form but not to these fails here, before it can pass unsaved.
    assert steps.unset_fields([active, left], blank_volunteer(), *EDITABLE) == []
    for form in (active, left):
        loaded = load_volunteer(vault, save_volunteer(vault, form, TODAY))
        assert editable(loaded) == editable(form)


def test_typed_numbers_and_areas_are_cleaned(vault):
    form = valid(max_matches="3", travel_radius_km="4.5", areas=[" LE2 ", "le2", "", "Oadby"])
    loaded = load_volunteer(vault, save_volunteer(vault, form, TODAY))
    assert (loaded.max_matches, loaded.travel_radius_km, loaded.areas) == (
        3,
        4.5,
        ["LE2", "Oadby"],
    )


def test_areas_in_another_order_are_no_change_but_a_new_spelling_is(vault):
    volunteer_id = save_volunteer(vault, valid(areas=["LE2", "Oadby"]), TODAY)
    before = len(steps.audit_events(vault))
    form = load_volunteer(vault, volunteer_id)
    form.areas = ["Oadby", "LE2"]
    save_volunteer(vault, form, TODAY)
    assert len(steps.audit_events(vault)) == before  # nothing changed: nothing audited
    form.areas = ["OADBY", "LE2"]
    save_volunteer(vault, form, TODAY)
    assert sorted(load_volunteer(vault, volunteer_id).areas) == ["LE2", "OADBY"]
    assert steps.audit_events(vault)[-1].field_names == ["areas"]


def test_status_changes_are_recorded_with_their_note(vault):
    volunteer_id = save_volunteer(vault, valid(), TODAY)
    form = load_volunteer(vault, volunteer_id)
    form.status, form.status_note = VolunteerStatus.PAUSED, "New job"
    save_volunteer(vault, form, TODAY + timedelta(days=7))
    form = load_volunteer(vault, volunteer_id)
    assert [(h.from_status, h.to_status, h.changed_on, h.note) for h in form.status_history] == [
        (None, VolunteerStatus.APPLICANT, TODAY, None),
        (VolunteerStatus.APPLICANT, VolunteerStatus.PAUSED, TODAY + timedelta(days=7), "New job"),
    ]
    assert form.status_since == TODAY + timedelta(days=7)


def test_leaving_without_a_date_records_today(vault):
    volunteer_id = save_volunteer(vault, valid(), TODAY)
    form = load_volunteer(vault, volunteer_id)
    form.status = VolunteerStatus.LEFT
    save_volunteer(vault, form, TODAY)
    assert load_volunteer(vault, volunteer_id).left_on == TODAY


def test_removing_and_replacing_a_dbs_check_with_the_same_number_saves(vault):
    volunteer_id = save_volunteer(vault, full_form(vault), TODAY)
    form = load_volunteer(vault, volunteer_id)
    number = form.dbs_checks[0].certificate_number
    form.dbs_checks = [DbsItem(DbsCheckType.STANDARD, number, date(2026, 2, 1))]
    save_volunteer(vault, form, TODAY)
    [check] = load_volunteer(vault, volunteer_id).dbs_checks
    assert (check.check_type, check.certificate_number) == (DbsCheckType.STANDARD, number)


def test_saves_are_audited_by_field_name_only(vault):
    form = full_form(vault)
    form.full_name = form.notes = "Zebediah Quillfeather"
    volunteer_id = save_volunteer(vault, form, TODAY)
    form = load_volunteer(vault, volunteer_id)
    form.supervisor_name, form.dbs_checks[0].notes = "Zebediah", "Zebediah"
    save_volunteer(vault, form, TODAY)
    events = steps.audit_events(vault)
    assert [e.action for e in events] == [AuditAction.CREATE, AuditAction.UPDATE]
    assert events[1].field_names == ["dbs_checks", "supervisor_name"]
    steps.assert_never_holds(events, "Zebediah")


def test_invalid_saves_raise_with_the_messages(vault):
    with pytest.raises(FormInvalid) as caught:
        save_volunteer(vault, valid(email="nope"), TODAY)
    assert list(caught.value.errors) == ["email"]


def test_a_volunteer_never_matched_can_be_deleted(vault):
    volunteer_id = save_volunteer(vault, full_form(vault), TODAY)
    delete_volunteer(vault, volunteer_id)
    with vault.session() as s:
        assert s.get(Volunteer, volunteer_id) is None
    last = steps.audit_events(vault)[-1]
    assert (last.action, last.entity_type, last.entity_id) == (
        AuditAction.DELETE,
        "volunteer",
        volunteer_id,
    )


def test_a_matched_volunteer_cannot_be_deleted(vault):
    volunteer_id = save_volunteer(vault, valid(), TODAY)
    steps.match(vault, TODAY, volunteer_id=volunteer_id)
    with pytest.raises(CannotDelete, match="set her status to Left"):
        delete_volunteer(vault, volunteer_id)
