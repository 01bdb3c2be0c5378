"""Mother records: validation messages, save/load round trip, stage history, audit, delete."""

from __future__ import annotations

import copy
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from coordinator.models import (
    AuditAction,
    AuditEvent,
    ClosureReason,
    ConsentKind,
    ConsentMethod,
    Disability,
    Ethnicity,
    GenderPreference,
    Mother,
    MotherStage,
    PartOfDay,
    ReferralSource,
    SafeContactMethod,
)
from coordinator.services.records.errors import CannotDelete, FormInvalid, RecordNotFound
from coordinator.services.records.mother_rules import clean_mother
from coordinator.services.records.mothers import (
    ConsentItem,
    MotherForm,
    ProfessionalItem,
    SafeguardingItem,
    blank_mother,
    delete_mother,
    load_mother,
    mother_pregnancy_text,
    save_mother,
    validate_mother,
)
from coordinator.services.records.pregnancy import estimated_edd, pregnancy_text
from tests.unit import record_steps as steps
from tests.unit.record_steps import audit_events

TODAY = date(2026, 11, 26)
SENTINEL = "Zebediah Quillfeather"


def valid(**changes) -> MotherForm:
    return steps.filled(blank_mother(TODAY), **{"full_name": "Amira Haddad", **changes})


def full_form(vault) -> MotherForm:
    """A form with every editable field set to something other than its default."""
    needs = steps.term_ids(vault, "need")
    languages = steps.term_ids(vault, "language")
    experiences = steps.term_ids(vault, "experience_tag")
    return MotherForm(
        full_name="Małgorzata Wiśniewska",
        preferred_name="Gosia",
        date_of_birth=date(1995, 4, 12),
        address_line1="12 Narborough Road",
        address_line2="Flat 3",
        town="Leicester",
        postcode="LE3 0BQ",
        phone="07700 900123",
        email="gosia@example.org",
        safe_contact_method=SafeContactMethod.TEXT,
        safe_contact_times="Weekday mornings",
        no_letters_home=True,
        no_voicemail=True,
        safe_contact_notes="Partner reads her post",
        safe_address="c/o Mrs Kaur\n5 Belgrave Gate\nLeicester LE1 3GQ",
        language_id=languages[1],
        interpreter_needed=True,
        other_language_ids=sorted(languages[:1]),
        project_id=steps.make_projects(vault, "Bumps and Beyond")[0],
        edd=date(2027, 3, 3),
        edd_is_approximate=True,
        weeks_pregnant_at_referral=24,
        baby_dob=None,
        multiple_birth=True,
        other_children=2,
        midwife_name="Jo Midwife",
        health_visitor_name="Hal Visitor",
        gp_name="Dr Patel",
        gp_practice="Westcotes Surgery",
        referral_received_on=date(2026, 11, 20),
        referral_source=ReferralSource.MIDWIFE,
        referrer_name="Sam Referrer",
        referrer_agency="Leicester Royal Infirmary",
        referrer_phone="0116 496 0123",
        referrer_email="sam@example.org",
        referral_reasons="Isolated, first baby",
        stage=MotherStage.ASSESSED,
        need_ids=sorted(needs[:3]),
        support_plan="Weekly visits, help with forms",
        notes="Her sister often answers the phone.\nPrefers mornings.",
        prefers_shared_language=True,
        wanted_experience_ids=sorted(experiences[:2]),
        culture_faith_preference="Catholic",
        preferred_volunteer_gender=GenderPreference.FEMALE,
        availability={(0, PartOfDay.MORNING), (3, PartOfDay.EVENING)},
        matching_exclusions="Not someone from her street",
        consents=[
            ConsentItem(
                kind=ConsentKind.SERVICE,
                given=True,
                given_on=date(2026, 11, 21),
                how=ConsentMethod.WRITTEN,
                recorded_by="Coordinator",
                review_on=date(2027, 5, 21),
            ),
            ConsentItem(
                kind=ConsentKind.SHARE_WITH_SERVICES,
                given=True,
                given_on=date(2026, 11, 21),
                how=ConsentMethod.VERBAL,
                withdrawn_on=date(2026, 11, 25),
                share_with="Health visitor",
            ),
        ],
        safeguarding_concerns=[
            SafeguardingItem(
                raised_on=date(2026, 11, 22),
                raised_by="Coordinator",
                note="Bruising seen",
                escalated_to="MASH",
                escalated_on=date(2026, 11, 23),
                resolved_on=date(2026, 11, 25),
                resolution_note="Plan in place",
            )
        ],
        professionals=[
            ProfessionalItem(
                role="Social worker",
                name="Pat Social",
                organisation="Leicester City Council",
                phone="0116 496 0456",
                email="pat@example.org",
                notes="Calls on Tuesdays",
            )
        ],
        ethnicity=Ethnicity.WHITE_OTHER,
        disability=Disability.NO,
        start_outcome_score=3,
        end_outcome_score=7,
    )


#: The form's fields that are not edited (read only), and its lists of items.
EDITABLE = (
    ("id", "reference", "stage_changed_on", "stage_history"),
    ("consents", "safeguarding_concerns", "professionals"),
)


def editable(form: MotherForm) -> dict:
    """Every editable field, with list items' database ids left out."""
    return steps.editable(form, *EDITABLE)


# --- validation messages ---------------------------------------------------------------


def test_a_blank_form_asks_for_her_full_name_only():
    assert validate_mother(blank_mother(TODAY), TODAY) == {"full_name": "Her full name is needed."}


def test_referral_date_is_required():
    errors = validate_mother(valid(referral_received_on=None), TODAY)
    assert errors == {"referral_received_on": "The date the referral was received is needed."}


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("postcode", "LE1", "Not a UK postcode"),
        ("phone", "12345", "phone number"),
        ("referrer_phone", "not a number", "phone number"),
        ("email", "gosia.example.org", "Not an email address"),
        ("referrer_email", "sam@", "Not an email address"),
        ("edd", TODAY - timedelta(days=800), "more than 2 years ago"),
        ("edd", TODAY + timedelta(days=320), "more than 10 months ahead"),
        ("edd", "31/02/2027", "That day does not exist"),
        ("edd", "next spring", "Not a date"),
        ("baby_dob", TODAY + timedelta(days=1), "cannot be in the future"),
        ("referral_received_on", TODAY + timedelta(days=3), "cannot be in the future"),
        ("date_of_birth", date(2020, 1, 1), "That makes her 6"),
        ("weeks_pregnant_at_referral", 50, "between 0 and 45"),
        ("other_children", -1, "between 0 and 20"),
        ("start_outcome_score", 11, "from 0 to 10"),
        ("referral_source", "bogus", "Choose one of the options"),
    ],
)
def test_each_invalid_field_gets_its_own_message(field, value, words):
    steps.assert_only_message(validate_mother(valid(**{field: value}), TODAY), field, words)


def test_a_safe_address_is_somewhere_other_than_her_home_and_fits_a_window():
    home = dict(address_line1="14 Aylestone Road", postcode="LE2 7QJ")
    same = valid(**home, safe_address="14, Aylestone Road\nLeicester\nle2 7qj")
    steps.assert_only_message(validate_mother(same, TODAY), "safe_address", "her home address")
    long = valid(safe_address="\n".join(f"Line {n}" for n in range(6)))
    steps.assert_only_message(validate_mother(long, TODAY), "safe_address", "fits in 5 lines")
    elsewhere = valid(**home, safe_address="  c/o Mrs Kaur\n\n5 Belgrave Gate  \nLE1 3GQ\n")
    clean, errors = clean_mother(elsewhere, TODAY)
    assert errors == {}
    assert clean.columns["safe_address"] == "c/o Mrs Kaur\n5 Belgrave Gate\nLE1 3GQ"


def test_edd_accepts_the_edges_of_its_window():
    for edd in (TODAY - timedelta(days=730), TODAY + timedelta(days=305)):
        assert validate_mother(valid(edd=edd), TODAY) == {}


def test_dates_typed_as_text_are_accepted():
    form = valid(edd="3/3/2027", referral_received_on="20 Nov 2026", baby_dob="")
    assert validate_mother(form, TODAY) == {}


def test_closing_needs_a_reason():
    errors = validate_mother(valid(stage=MotherStage.CLOSED), TODAY)
    assert errors == {"closure_reason": "A reason for closing is needed."}


def test_list_item_messages_name_the_item_and_field():
    form = valid(
        consents=[
            ConsentItem(
                kind=ConsentKind.SERVICE, given_on=TODAY, withdrawn_on=TODAY - timedelta(1)
            ),
            ConsentItem(kind=ConsentKind.SERVICE),
        ],
        safeguarding_concerns=[SafeguardingItem(note="no date")],
        professionals=[ProfessionalItem(name="No role", email="bad")],
    )
    errors = validate_mother(form, TODAY)
    assert errors == {
        "consents[0].withdrawn_on": "Withdrawn before it was given.",
        "consents[1].kind": "This consent is already recorded.",
        "safeguarding_concerns[0].raised_on": "The date it was raised is needed.",
        "professionals[0].role": "Their role is needed.",
        "professionals[0].email": "Not an email address: it should look like name@example.org.",
    }


def test_saving_an_invalid_form_raises_with_the_messages_and_writes_nothing(vault):
    with pytest.raises(FormInvalid) as caught:
        save_mother(vault, valid(postcode="nowhere"), TODAY)
    assert set(caught.value.errors) == {"postcode"}
    with vault.session() as s:
        assert s.scalar(select(func.count(Mother.id))) == 0
        assert s.scalar(select(func.count(AuditEvent.id))) == 0


# --- save and load ---------------------------------------------------------------------


def closed_form(form: MotherForm) -> MotherForm:
    """The full form of a mother whose baby is born and whose record is closed (the fields
    that only a closed record keeps)."""
    return steps.filled(
        copy.deepcopy(form),
        stage=MotherStage.CLOSED,
        closure_reason=ClosureReason.MOVED_AWAY,
        closure_reason_note="Moved to Leeds",
        baby_dob=date(2026, 11, 1),
    )


def test_every_field_survives_a_save_and_load(vault):
    open_referral = full_form(vault)
    forms = [open_referral, closed_form(open_referral)]
    # A field added to the form but not to these fails here, before it can pass unsaved.
    assert steps.unset_fields(forms, blank_mother(TODAY), *EDITABLE) == []
    for form in forms:
        mother_id = save_mother(vault, form, TODAY)
        loaded = load_mother(vault, mother_id)
        assert loaded.id == mother_id
        assert editable(loaded) == editable(form)
        assert all(item.id for item in loaded.consents + loaded.professionals)


def test_saving_normalises_what_was_typed(vault):
    form = valid(postcode=" le1 6th ", phone="+44 7700 900123", edd="3/3/27", town="  Leicester ")
    loaded = load_mother(vault, save_mother(vault, form, TODAY))
    assert (loaded.postcode, loaded.phone, loaded.edd, loaded.town) == (
        "LE1 6TH",
        "07700 900123",
        date(2027, 3, 3),
        "Leicester",
    )


def test_an_update_changes_only_what_was_edited_and_keeps_list_rows(vault):
    mother_id = save_mother(vault, full_form(vault), TODAY)
    form = load_mother(vault, mother_id)
    consent_ids = [c.id for c in form.consents]
    form.town = "Oadby"
    form.consents[0].recorded_by = "Volunteer lead"
    form.professionals = []
    save_mother(vault, form, TODAY)
    again = load_mother(vault, mother_id)
    assert again.town == "Oadby"
    assert [c.id for c in again.consents] == consent_ids
    assert again.consents[0].recorded_by == "Volunteer lead"
    assert again.professionals == []


def test_a_removed_consent_can_be_added_back_in_the_same_save(vault):
    mother_id = save_mother(vault, full_form(vault), TODAY)
    form = load_mother(vault, mother_id)
    form.consents = [ConsentItem(kind=ConsentKind.SERVICE, given=False)]
    save_mother(vault, form, TODAY)
    assert [c.kind for c in load_mother(vault, mother_id).consents] == [ConsentKind.SERVICE]


def test_loading_a_missing_record_says_so(vault):
    with pytest.raises(RecordNotFound):
        load_mother(vault, 999)


def test_load_takes_a_session_too(vault):
    mother_id = save_mother(vault, valid(), TODAY)
    with vault.session() as s:
        assert load_mother(s, mother_id).full_name == "Amira Haddad"


def test_a_vocabulary_id_that_does_not_exist_is_refused(vault):
    with pytest.raises(FormInvalid) as caught:
        save_mother(vault, valid(need_ids=[9999]), TODAY)
    assert set(caught.value.errors) == {"need_ids"}


# --- stage history ---------------------------------------------------------------------


def test_a_new_referral_starts_its_stage_history_on_the_referral_date(vault):
    mother_id = save_mother(vault, valid(referral_received_on=date(2026, 11, 2)), TODAY)
    form = load_mother(vault, mother_id)
    assert form.stage_changed_on == date(2026, 11, 2)
    assert [(h.from_stage, h.to_stage, h.changed_on) for h in form.stage_history] == [
        (None, MotherStage.RECEIVED, date(2026, 11, 2))
    ]


def test_each_stage_change_is_recorded_with_its_reason(vault):
    mother_id = save_mother(vault, valid(), TODAY)
    form = load_mother(vault, mother_id)
    form.stage = MotherStage.CONTACTED
    save_mother(vault, form, TODAY + timedelta(days=1))
    form = load_mother(vault, mother_id)
    form.stage, form.closure_reason = MotherStage.CLOSED, ClosureReason.MOVED_AWAY
    form.closure_reason_note = "Moved to Leeds"
    save_mother(vault, form, TODAY + timedelta(days=2))
    form = load_mother(vault, mother_id)
    assert [(h.to_stage, h.changed_on, h.reason, h.note) for h in form.stage_history] == [
        (MotherStage.RECEIVED, TODAY, None, None),
        (MotherStage.CONTACTED, TODAY + timedelta(days=1), None, None),
        (MotherStage.CLOSED, TODAY + timedelta(days=2), ClosureReason.MOVED_AWAY, "Moved to Leeds"),
    ]
    assert form.stage_changed_on == TODAY + timedelta(days=2)


def test_saving_without_a_stage_change_adds_no_history(vault):
    mother_id = save_mother(vault, valid(), TODAY)
    form = load_mother(vault, mother_id)
    form.town = "Wigston"
    save_mother(vault, form, TODAY + timedelta(days=5))
    assert len(load_mother(vault, mother_id).stage_history) == 1


def test_reopening_clears_the_closure_reason(vault):
    form = valid(stage=MotherStage.CLOSED, closure_reason=ClosureReason.DECLINED)
    form.closure_reason_note = "Not now"
    mother_id = save_mother(vault, form, TODAY)
    form = load_mother(vault, mother_id)
    form.stage = MotherStage.WAITING
    save_mother(vault, form, TODAY)
    form = load_mother(vault, mother_id)
    assert (form.stage, form.closure_reason, form.closure_reason_note) == (
        MotherStage.WAITING,
        None,
        "",
    )


# --- audit -----------------------------------------------------------------------------


def test_create_and_update_are_audited_with_field_names(vault):
    mother_id = save_mother(vault, valid(postcode="LE1 6TH"), TODAY)
    form = load_mother(vault, mother_id)
    form.phone, form.need_ids = "07700 900999", [1]
    save_mother(vault, form, TODAY)
    created, updated = audit_events(vault)
    assert (created.action, created.entity_type, created.entity_id) == (
        AuditAction.CREATE,
        "mother",
        mother_id,
    )
    assert {"full_name", "postcode", "referral_received_on", "stage"} <= set(created.field_names)
    assert updated.action is AuditAction.UPDATE
    assert updated.field_names == ["need_ids", "phone"]


def test_a_save_that_changes_nothing_writes_no_audit_event(vault):
    mother_id = save_mother(vault, full_form(vault), TODAY)
    save_mother(vault, load_mother(vault, mother_id), TODAY)
    assert len(audit_events(vault)) == 1


def test_audit_events_never_hold_the_values(vault):
    form = full_form(vault)
    form.full_name = form.preferred_name = form.referrer_name = SENTINEL
    form.safeguarding_concerns[0].note = SENTINEL
    mother_id = save_mother(vault, form, TODAY)
    form = load_mother(vault, mother_id)
    form.support_plan = SENTINEL
    form.notes = SENTINEL
    form.full_name = SENTINEL + " Jr"
    save_mother(vault, form, TODAY)
    delete_mother(vault, mother_id)
    events = audit_events(vault)
    assert [e.action for e in events] == [
        AuditAction.CREATE,
        AuditAction.UPDATE,
        AuditAction.DELETE,
    ]
    steps.assert_never_holds(events, "Zebediah")


# --- delete ----------------------------------------------------------------------------


def test_delete_removes_her_and_everything_she_owns(vault):
    mother_id = save_mother(vault, full_form(vault), TODAY)
    delete_mother(vault, mother_id)
    with vault.session() as s:
        assert s.get(Mother, mother_id) is None
    assert audit_events(vault)[-1].action is AuditAction.DELETE


def test_a_matched_mother_cannot_be_deleted(vault):
    mother_id = save_mother(vault, valid(), TODAY)
    steps.match(vault, TODAY, mother_id=mother_id)
    with pytest.raises(CannotDelete, match="1 match with volunteers.*close it instead"):
        delete_mother(vault, mother_id)
    with vault.session() as s:
        assert s.get(Mother, mother_id) is not None


def test_deleting_a_missing_record_says_so(vault):
    with pytest.raises(RecordNotFound):
        delete_mother(vault, 12345)


# --- weeks pregnant and baby's age -----------------------------------------------------


@pytest.mark.parametrize(
    ("edd", "baby", "approximate", "expected"),
    [
        (date(2027, 3, 3), None, False, "due 3 Mar 2027 (26 weeks)"),
        (date(2027, 3, 3), None, True, "due about 3 Mar 2027 (about 26 weeks)"),
        (TODAY + timedelta(days=273), None, False, "due 26 Aug 2027 (1 week)"),
        (TODAY - timedelta(days=30), None, False, "due 27 Oct 2026 (birth not recorded)"),
        (None, TODAY - timedelta(days=5), False, "baby 5 days"),
        (None, TODAY - timedelta(days=21), False, "baby 3 weeks"),
        (date(2026, 6, 1), date(2026, 6, 20), False, "baby 5 months"),
        (None, date(2024, 8, 1), False, "baby 2 years 3 months"),
        (None, TODAY, False, "baby born today"),
        (None, None, False, ""),
    ],
)
def test_pregnancy_text_derives_weeks_or_age(edd, baby, approximate, expected):
    assert pregnancy_text(edd, baby, TODAY, approximate=approximate) == expected


def test_a_due_date_can_be_estimated_from_weeks_at_referral():
    assert estimated_edd(date(2026, 11, 26), 20) == date(2027, 4, 15)
    assert estimated_edd(None, 20) is None


def test_the_form_shows_its_derived_pregnancy_line():
    assert mother_pregnancy_text(valid(edd=date(2027, 3, 3)), TODAY) == "due 3 Mar 2027 (26 weeks)"
    assert mother_pregnancy_text(valid(edd="typed"), TODAY) == ""
