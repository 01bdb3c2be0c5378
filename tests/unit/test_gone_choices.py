"""A term, project or category chosen on a form and deleted (elsewhere) before Save is
refused beside its field, never saved as a broken reference or raised as a database
error; every other record stays as it was."""

from __future__ import annotations

from datetime import date

import pytest

from coordinator.services import vocabularies
from coordinator.services.changes import Kind
from coordinator.services.records.children import GONE_CHOICE
from coordinator.services.records.errors import FormInvalid
from coordinator.services.records.mother_form import blank_mother
from coordinator.services.records.mothers import save_mother
from coordinator.services.records.projects import ProjectForm, delete_project, save_project
from coordinator.services.records.services import ServiceForm, save_service
from coordinator.services.records.volunteer_form import TrainingItem, blank_volunteer
from coordinator.services.records.volunteers import save_volunteer
from coordinator.services.status import record_counts

TODAY = date(2026, 11, 26)


def new_term(vault, vocabulary: str, label: str) -> int:
    return vocabularies.add_term(vault, vocabulary, label)


def test_a_mothers_language_and_project_deleted_meanwhile(vault):
    form = blank_mother(TODAY)
    form.full_name = "Amina Yusuf"
    form.language_id = new_term(vault, "language", "Hausa")
    form.project_id = save_project(vault, ProjectForm(name="Pilot", model="mentoring"))
    vocabularies.delete_term(vault, "language", form.language_id)
    delete_project(vault, form.project_id)
    with pytest.raises(FormInvalid) as refused:
        save_mother(vault, form, TODAY)
    assert refused.value.errors == {"language_id": GONE_CHOICE, "project_id": GONE_CHOICE}
    assert record_counts(vault)[Kind.MOTHER] == 0


def test_a_volunteers_training_module_deleted_meanwhile_is_named_by_its_row(vault):
    form = blank_volunteer()
    form.full_name = "Vera Vale"
    kept = new_term(vault, "training_module", "Listening skills")
    gone = new_term(vault, "training_module", "Pilot module")
    form.trainings = [TrainingItem(module_id=kept), TrainingItem(module_id=gone)]
    vocabularies.delete_term(vault, "training_module", gone)
    with pytest.raises(FormInvalid) as refused:
        save_volunteer(vault, form, TODAY)
    assert refused.value.errors == {"trainings[1].module_id": GONE_CHOICE}
    assert record_counts(vault)[Kind.VOLUNTEER] == 0


def test_a_services_category_deleted_meanwhile(vault):
    category = new_term(vault, "service_category", "Toy library")
    vocabularies.delete_term(vault, "service_category", category)
    with pytest.raises(FormInvalid) as refused:
        save_service(vault, ServiceForm(name="Toys on Tour", category_id=category))
    assert refused.value.errors == {"category_id": GONE_CHOICE}
    assert record_counts(vault)[Kind.SERVICE] == 0
