"""The editable vocabularies: list, add, rename, retire, bring back, never delete in use."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from coordinator.models import AuditAction, AuditEvent, Need, Project, SupportModel
from coordinator.services import vocabularies
from coordinator.services.records.errors import CannotDelete, RecordNotFound
from coordinator.services.records.mothers import blank_mother, save_mother
from coordinator.services.validation import Invalid

TODAY = date(2026, 11, 26)


def labels(vault, name="need") -> list[str]:
    return [label for _, label in vocabularies.active_terms(vault, name)]


def test_a_new_database_offers_the_default_terms_in_order(vault):
    assert labels(vault)[:2] == ["Young parent (under 20)", "First baby"]
    assert "Polish" in labels(vault, "language")
    assert "Food bank" in labels(vault, "service_category")
    assert labels(vault, Need) == labels(vault)


def test_an_added_term_comes_last_and_is_audited(vault):
    term_id = vocabularies.add_term(vault, "need", "  Twins   expected ")
    assert vocabularies.active_terms(vault, "need")[-1] == (term_id, "Twins expected")
    with vault.session() as s:
        event = s.scalars(select(AuditEvent)).one()
    assert (event.action, event.entity_type, event.entity_id, event.field_names) == (
        AuditAction.CREATE,
        "need",
        term_id,
        ["label"],
    )


def test_names_must_be_given_and_unique(vault):
    with pytest.raises(Invalid, match="needs a name"):
        vocabularies.add_term(vault, "need", "   ")
    with pytest.raises(Invalid, match="already a need called that"):
        vocabularies.add_term(vault, "need", "first BABY")
    term_id = vocabularies.active_terms(vault, "need")[0][0]
    with pytest.raises(Invalid, match="already"):
        vocabularies.rename_term(vault, "need", term_id, "First baby")


def test_renaming_changes_the_label_but_not_the_term(vault):
    term_id, _ = vocabularies.active_terms(vault, "language")[0]
    vocabularies.rename_term(vault, "language", term_id, "English (UK)")
    assert vocabularies.labels(vault, "language")[term_id] == "English (UK)"


def test_a_retired_term_is_no_longer_offered_but_records_keep_it(vault):
    term_id, label = vocabularies.active_terms(vault, "need")[0]
    form = blank_mother(TODAY)
    form.full_name, form.need_ids = "Amira Haddad", [term_id]
    save_mother(vault, form, TODAY)
    vocabularies.set_term_active(vault, "need", term_id, False)
    assert label not in labels(vault)
    assert vocabularies.labels(vault, "need")[term_id] == label
    [term] = [t for t in vocabularies.terms(vault, "need") if t.id == term_id]
    assert (term.active, term.in_use) == (False, 1)
    with pytest.raises(Invalid, match="retired need called that: bring it back"):
        vocabularies.add_term(vault, "need", label)
    vocabularies.set_term_active(vault, "need", term_id, True)
    assert label in labels(vault)


def test_a_term_in_use_is_never_deleted(vault):
    term_id, _ = vocabularies.active_terms(vault, "need")[0]
    form = blank_mother(TODAY)
    form.full_name, form.need_ids = "Amira Haddad", [term_id]
    save_mother(vault, form, TODAY)
    with pytest.raises(CannotDelete, match="used by 1 record.*retire it instead"):
        vocabularies.delete_term(vault, "need", term_id)
    assert term_id in vocabularies.labels(vault, "need")


def test_an_unused_term_can_be_deleted(vault):
    term_id = vocabularies.add_term(vault, "experience_tag", "Stillbirth")
    vocabularies.delete_term(vault, "experience_tag", term_id)
    assert term_id not in vocabularies.labels(vault, "experience_tag")
    with pytest.raises(RecordNotFound):
        vocabularies.rename_term(vault, "experience_tag", term_id, "x")


def test_codes_for_new_terms_are_unique(vault):
    first = vocabularies.add_term(vault, "training_module", "Lone working!")
    codes = {t.id: t.code for t in vocabularies.terms(vault, "training_module")}
    assert codes[first] == "lone_working_2"


def test_unknown_vocabularies_are_refused(vault):
    with pytest.raises(ValueError):
        vocabularies.active_terms(vault, "mother")


def test_forms_are_offered_the_active_projects_by_name(vault):
    with vault.transaction() as s:
        s.add_all(
            [
                Project(name="Mentors", model=SupportModel.MENTORING),
                Project(name="Befrienders", model=SupportModel.BEFRIENDING),
                Project(name="Old", model=SupportModel.BEFRIENDING, active=False),
            ]
        )
    assert [name for _, name in vocabularies.project_choices(vault)] == ["Befrienders", "Mentors"]
