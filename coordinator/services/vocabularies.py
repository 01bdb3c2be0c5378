"""The editable vocabularies: needs, languages, lived experience, training modules and
service categories (Settings edits them; forms offer their active terms).

A term in use is never deleted: retire it (deactivate) and it disappears from the choices
while every record that has it keeps it. Terms can be added, renamed, retired and brought
back; each change writes an AuditEvent (term labels are not personal data).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Column, func, select
from sqlalchemy.orm import Session

from coordinator.models import (
    AuditAction,
    Base,
    ExperienceTag,
    Language,
    Need,
    Project,
    ServiceCategory,
    TrainingModule,
    VocabularyMixin,
)
from coordinator.services import audit
from coordinator.services.records.errors import CannotDelete, RecordNotFound
from coordinator.services.records.labels import counted
from coordinator.services.sessions import Source, reading
from coordinator.services.validation import Invalid
from coordinator.storage.vault import Vault

#: Every editable vocabulary, by the name of its table.
VOCABULARIES: dict[str, type[VocabularyMixin]] = {
    "need": Need,
    "language": Language,
    "experience_tag": ExperienceTag,
    "training_module": TrainingModule,
    "service_category": ServiceCategory,
}
#: What one term of each is called in messages.
TERM_NOUNS: dict[str, str] = {
    "need": "need",
    "language": "language",
    "experience_tag": "experience",
    "training_module": "training module",
    "service_category": "category",
}
MAX_LABEL = 120

Vocabulary = type[VocabularyMixin] | str


@dataclass(frozen=True)
class Term:
    id: int
    code: str
    label: str
    active: bool
    sort_order: int
    #: How many records use it (a term in use cannot be deleted).
    in_use: int


def _model(vocabulary: Vocabulary) -> type[VocabularyMixin]:
    if isinstance(vocabulary, str):
        try:
            return VOCABULARIES[vocabulary]
        except KeyError:
            raise ValueError(f"unknown vocabulary: {vocabulary!r}") from None
    if vocabulary not in VOCABULARIES.values():
        raise ValueError(f"not an editable vocabulary: {vocabulary!r}")
    return vocabulary


def _table_name(model: type[VocabularyMixin]) -> str:
    return model.__tablename__  # type: ignore[attr-defined,no-any-return]


def _using_columns(model: type[VocabularyMixin]) -> list[Column]:
    """Every column in the schema that refers to this vocabulary's ids."""
    target = model.__table__  # type: ignore[attr-defined]
    return [
        fk.parent
        for table in Base.metadata.sorted_tables
        for fk in table.foreign_keys
        if fk.column.table is target
    ]


def _usage(session: Session, model: type[VocabularyMixin]) -> dict[int, int]:
    counts: dict[int, int] = {}
    for column in _using_columns(model):
        rows = session.execute(
            select(column, func.count()).where(column.is_not(None)).group_by(column)
        )
        for term_id, count in rows:
            counts[term_id] = counts.get(term_id, 0) + count
    return counts


def active_terms(source: Source, vocabulary: Vocabulary) -> list[tuple[int, str]]:
    """(id, label) of the terms forms offer, in the vocabulary's order."""
    model = _model(vocabulary)
    with reading(source) as session:
        rows = session.execute(
            select(model.id, model.label)
            .where(model.active.is_(True))
            .order_by(model.sort_order, model.label)
        )
        return [(term_id, label) for term_id, label in rows]


def project_choices(source: Source) -> list[tuple[int, str]]:
    """(id, name) of the active projects, for the project choice on forms and filters."""
    with reading(source) as session:
        rows = session.execute(
            select(Project.id, Project.name).where(Project.active.is_(True)).order_by(Project.name)
        )
        return [(project_id, name) for project_id, name in rows]


def only_project(source: Source) -> int | None:
    """The id of the one running project, when there is exactly one: new mothers and
    volunteers start in it (most charities run a single project)."""
    choices = project_choices(source)
    return choices[0][0] if len(choices) == 1 else None


def labels(source: Source, vocabulary: Vocabulary) -> dict[int, str]:
    """Every term's label by id, retired ones too (to show what a record already has)."""
    model = _model(vocabulary)
    with reading(source) as session:
        return {term_id: label for term_id, label in session.execute(select(model.id, model.label))}


def terms(source: Source, vocabulary: Vocabulary) -> list[Term]:
    """Every term, retired ones too, with how many records use each (for Settings)."""
    model = _model(vocabulary)
    with reading(source) as session:
        usage = _usage(session, model)
        rows = session.scalars(select(model).order_by(model.sort_order, model.label))
        return [
            Term(t.id, t.code, t.label, t.active, t.sort_order, usage.get(t.id, 0)) for t in rows
        ]


def _clean_label(session: Session, model: type, label: str, term_id: int | None) -> str:
    noun = TERM_NOUNS[_table_name(model)]
    label = " ".join((label or "").split())
    if not label:
        raise Invalid(f"The {noun} needs a name.")
    if len(label) > MAX_LABEL:
        raise Invalid(f"Keep it under {MAX_LABEL} characters.")
    for other in session.scalars(select(model).where(func.lower(model.label) == label.lower())):
        if other.id != term_id:
            if other.active:
                raise Invalid(f"There is already a {noun} called that.")
            raise Invalid(f"There is a retired {noun} called that: bring it back instead.")
    return label


def _code_for(session: Session, model: type, label: str) -> str:
    base = re.sub(r"[^a-z0-9]+", "_", label.lower()).strip("_") or "term"
    taken = set(session.scalars(select(model.code)))
    code, n = base, 2
    while code in taken:
        code, n = f"{base}_{n}", n + 1
    return code


def add_term(vault: Vault, vocabulary: Vocabulary, label: str) -> int:
    """Add a term at the end of the vocabulary; Invalid when the name is empty or taken."""
    with vault.transaction() as session:
        return insert_term(session, vocabulary, label)


def insert_term(
    session: Session, vocabulary: Vocabulary, label: str, code: str | None = None
) -> int:
    """Add a term at the end of the vocabulary in the caller's transaction (the importer
    adds the words a spreadsheet brings with its records); Invalid when the name is empty
    or taken. `code` is used when given and free (a language's ISO code)."""
    model = _model(vocabulary)
    label = _clean_label(session, model, label, None)
    last = session.scalar(select(func.max(model.sort_order))) or 0
    if not code or session.scalar(select(model.id).where(model.code == code)) is not None:
        code = _code_for(session, model, label)
    term = model(code=code, label=label, sort_order=last + 10)  # type: ignore[call-arg]
    session.add(term)
    session.flush()
    audit.record(
        session,
        AuditAction.CREATE,
        entity_type=_table_name(model),
        entity_id=term.id,
        fields=["label"],
    )
    return term.id


def _get(session: Session, model: type, term_id: int) -> VocabularyMixin:
    term = session.get(model, term_id)
    if term is None:
        raise RecordNotFound(TERM_NOUNS[_table_name(model)])
    return term


def rename_term(vault: Vault, vocabulary: Vocabulary, term_id: int, label: str) -> None:
    """Change a term's label everywhere it is shown (records keep the same term)."""
    model = _model(vocabulary)
    with vault.transaction() as session:
        term = _get(session, model, term_id)
        label = _clean_label(session, model, label, term_id)
        if term.label != label:
            term.label = label
            audit.record(
                session,
                AuditAction.UPDATE,
                entity_type=_table_name(model),
                entity_id=term_id,
                fields=["label"],
            )


def set_term_active(vault: Vault, vocabulary: Vocabulary, term_id: int, active: bool) -> None:
    """Retire a term (forms stop offering it; records keep it) or bring it back."""
    model = _model(vocabulary)
    with vault.transaction() as session:
        term = _get(session, model, term_id)
        if term.active != active:
            term.active = active
            audit.record(
                session,
                AuditAction.UPDATE,
                entity_type=_table_name(model),
                entity_id=term_id,
                fields=["active"],
            )


def delete_term(vault: Vault, vocabulary: Vocabulary, term_id: int) -> None:
    """Delete a term no record uses; CannotDelete (retire it instead) when one does."""
    model = _model(vocabulary)
    with vault.transaction() as session:
        term = _get(session, model, term_id)
        used = _usage(session, model).get(term_id, 0)
        if used:
            noun = TERM_NOUNS[_table_name(model)]
            raise CannotDelete(
                f"This {noun} is used by {counted(used, 'record')}, so it cannot be deleted: "
                "retire it instead and it will no longer be offered."
            )
        session.delete(term)
        audit.record(session, AuditAction.DELETE, entity_type=_table_name(model), entity_id=term_id)
