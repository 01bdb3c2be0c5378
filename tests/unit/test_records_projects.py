"""Projects: validation, round trip, a name used once, audit, delete refused while in use."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from sqlalchemy import select

from coordinator.models import (
    AuditAction,
    AuditEvent,
    Match,
    Mother,
    Project,
    SupportModel,
    VisitFrequency,
    Volunteer,
)
from coordinator.services import vocabularies
from coordinator.services.records.errors import CannotDelete, FormInvalid, RecordNotFound
from coordinator.services.records.projects import (
    ProjectForm,
    blank_project,
    delete_project,
    load_project,
    project_rows,
    save_project,
    validate_project,
)

TODAY = date(2026, 11, 26)


def full_form(**changes) -> ProjectForm:
    form = ProjectForm(
        name="Bump Buddies",
        model=SupportModel.BEFRIENDING,
        area_covered="Leicester and Oadby",
        visit_norm=VisitFrequency.WEEKLY,
        usual_duration_weeks="26",
        baby_age_limit_months=12,
        supervision_interval_weeks="6",
        personal_numbers_shared=False,
        project_phone="0116 496 0000",
        offer_text_we_do="A trained volunteer who visits weekly.",
        offer_text_we_dont="We are not a crisis service.",
    )
    return dataclasses.replace(form, **changes)


def test_a_blank_project_needs_a_name_and_a_model():
    errors = validate_project(blank_project())
    assert errors == {
        "name": "The project's name is needed.",
        "model": "Choose befriending or mentoring.",
    }


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("usual_duration_weeks", "0", "Between 1 and 260 weeks, or leave it empty."),
        ("usual_duration_weeks", "six", "Write a whole number."),
        ("baby_age_limit_months", 61, "Between 0 and 60 months, or leave it empty for no limit."),
        ("supervision_interval_weeks", "53", "Between 1 and 52 weeks, or leave it empty."),
        ("model", "peer", "Choose one of the options in the list."),
    ],
)
def test_each_bad_value_has_its_message(field, value, message):
    assert validate_project(full_form(**{field: value})) == {field: message}


def test_the_project_phone_is_checked():
    errors = validate_project(full_form(project_phone="12345"))
    assert set(errors) == {"project_phone"}


def test_saved_and_loaded_back_with_numbers_and_phone_made_tidy(vault):
    project_id = save_project(vault, full_form(project_phone="+44 116 496 0000"))
    loaded = load_project(vault, project_id)
    assert loaded.name == "Bump Buddies"
    assert loaded.model == SupportModel.BEFRIENDING
    assert loaded.usual_duration_weeks == 26
    assert loaded.supervision_interval_weeks == 6
    assert loaded.baby_age_limit_months == 12
    assert loaded.project_phone == "0116 496 0000"
    assert loaded.offer_text_we_dont == "We are not a crisis service."
    assert loaded.active is True
    # Offered on forms as soon as it exists.
    assert (project_id, "Bump Buddies") in vocabularies.project_choices(vault)


def test_a_name_is_used_by_one_project_only_whatever_its_case(vault):
    save_project(vault, full_form())
    with pytest.raises(FormInvalid) as refused:
        save_project(vault, full_form(name="  bump buddies "))
    assert refused.value.errors == {"name": "There is already a project called that."}
    # Saving the same project again under its own name is fine.
    project_id = save_project(vault, full_form(name="First Steps"))
    save_project(vault, full_form(id=project_id, name="First Steps", area_covered="Luton"))
    assert load_project(vault, project_id).area_covered == "Luton"


def test_audit_names_the_fields_not_their_values(vault):
    project_id = save_project(vault, full_form())
    save_project(vault, full_form(id=project_id, visit_norm=VisitFrequency.FORTNIGHTLY))
    with vault.session() as s:
        events = s.scalars(select(AuditEvent).where(AuditEvent.entity_type == "project")).all()
    assert [e.action for e in events] == [AuditAction.CREATE, AuditAction.UPDATE]
    assert {"name", "offer_text_we_dont"} <= set(events[0].field_names)
    assert events[1].field_names == ["visit_norm"]
    assert "Bump Buddies" not in repr([(e.summary, e.fields_changed) for e in events])


def test_retired_projects_are_listed_last_and_not_offered(vault):
    running = save_project(vault, full_form(name="Zebra Mentoring", model="mentoring"))
    retired = save_project(vault, full_form(name="Acorn Befriending", active=False))
    rows = project_rows(vault)
    assert [(r.id, r.model, r.active) for r in rows] == [
        (running, "Mentoring", True),
        (retired, "Befriending", False),
    ]
    assert [i for i, _name in vocabularies.project_choices(vault)] == [running]


def test_a_project_in_use_cannot_be_deleted_and_says_why(vault):
    project_id = save_project(vault, full_form())
    with vault.transaction() as s:
        project = s.get(Project, project_id)
        mother = Mother(full_name="M", referral_received_on=TODAY, project=project)
        volunteer = Volunteer(full_name="V", projects=[project])
        s.add_all([mother, volunteer])
        s.flush()
        s.add(Match(mother=mother, volunteer=volunteer, project=project, proposed_on=TODAY))
    rows = {r.id: r for r in project_rows(vault)}
    assert (rows[project_id].mothers, rows[project_id].volunteers) == (1, 1)
    with pytest.raises(CannotDelete) as refused:
        delete_project(vault, project_id)
    assert str(refused.value) == (
        "This project has 1 mother, 1 volunteer, 1 match, so it cannot be deleted: mark it "
        "as no longer running instead, and it will stop being offered on forms."
    )
    assert load_project(vault, project_id).name == "Bump Buddies"


def test_an_unused_project_is_deleted_and_the_deletion_audited(vault):
    project_id = save_project(vault, full_form())
    delete_project(vault, project_id)
    with pytest.raises(RecordNotFound):
        load_project(vault, project_id)
    with pytest.raises(RecordNotFound):
        delete_project(vault, project_id)
    with vault.session() as s:
        actions = s.scalars(
            select(AuditEvent.action).where(AuditEvent.entity_id == project_id)
        ).all()
    assert AuditAction.DELETE in actions
