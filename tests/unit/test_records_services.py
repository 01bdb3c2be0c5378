"""Local services directory records: validation, round trip, audit, delete."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime

import pytest
from sqlalchemy import select

from coordinator.models import (
    AuditAction,
    AuditEvent,
    Contact,
    ContactMedium,
    LocalService,
    Match,
    Mother,
    Project,
    SupportModel,
    Volunteer,
)
from coordinator.services import vocabularies
from coordinator.services.records.errors import CannotDelete, FormInvalid, RecordNotFound
from coordinator.services.records.services import (
    ServiceForm,
    blank_service,
    delete_service,
    load_service,
    save_service,
    validate_service,
)
from tests.unit import record_steps as steps

TODAY = date(2026, 11, 26)


def full_form(vault) -> ServiceForm:
    category = vocabularies.active_terms(vault, "service_category")[0][0]
    return ServiceForm(
        name="Leicester Baby Bank",
        category_id=category,
        phone="0116 496 0596",
        email="hello@example.org",
        website="https://example.org",
        address="1 High Street\nLeicester",
        postcode="LE1 1AA",
        area="Leicester",
        eligibility="Families on a low income",
        how_to_refer="Online form",
        notes="Open Tuesdays",
        active=False,
    )


def test_a_service_needs_a_name():
    assert validate_service(blank_service()) == {"name": "The service's name is needed."}


def test_contact_details_are_checked():
    form = ServiceForm(name="X", phone="123", email="x", postcode="nowhere")
    assert set(validate_service(form)) == {"phone", "email", "postcode"}


def test_every_field_survives_a_save_and_load(vault):
    form = full_form(vault)
    # A field added to the form but not to full_form fails here, before it can pass unsaved.
    assert steps.unset_fields([form], blank_service(), ("id",), ()) == []
    service_id = save_service(vault, form, TODAY)
    assert load_service(vault, service_id) == dataclasses.replace(form, id=service_id)


def test_an_update_is_audited_with_the_changed_field_names(vault):
    service_id = save_service(vault, full_form(vault), TODAY)
    form = load_service(vault, service_id)
    form.notes, form.active = "Closed in August", True
    save_service(vault, form, TODAY)
    with vault.session() as s:
        created, updated = s.scalars(select(AuditEvent).order_by(AuditEvent.id))
    assert created.action is AuditAction.CREATE and "name" in created.field_names
    assert (updated.action, updated.field_names) == (AuditAction.UPDATE, ["active", "notes"])


def test_invalid_saves_raise_with_the_messages(vault):
    with pytest.raises(FormInvalid) as caught:
        save_service(vault, blank_service(), TODAY)
    assert list(caught.value.errors) == ["name"]


def test_an_unused_service_can_be_deleted(vault):
    service_id = save_service(vault, full_form(vault), TODAY)
    delete_service(vault, service_id)
    with pytest.raises(RecordNotFound):
        load_service(vault, service_id)
    with vault.session() as s:
        last = s.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
    assert (last.action, last.entity_type, last.entity_id) == (
        AuditAction.DELETE,
        "local_service",
        service_id,
    )


def test_a_service_someone_was_signposted_to_cannot_be_deleted(vault):
    service_id = save_service(vault, full_form(vault), TODAY)
    with vault.transaction() as s:
        mother = Mother(full_name="M", referral_received_on=TODAY)
        volunteer = Volunteer(full_name="V")
        project = Project(name="P", model=SupportModel.BEFRIENDING)
        s.add_all([mother, volunteer, project])
        s.flush()
        match = Match(
            mother_id=mother.id, volunteer_id=volunteer.id, project_id=project.id, proposed_on=TODAY
        )
        contact = Contact(
            match=match,
            contact_at=datetime(2026, 11, 20, 10),
            medium=ContactMedium.PHONE,
            signposted_services=[s.get(LocalService, service_id)],
        )
        s.add(contact)
    with pytest.raises(CannotDelete, match="signposted to this service once.*no longer active"):
        delete_service(vault, service_id)
    assert load_service(vault, service_id).name == "Leicester Baby Bank"
