"""Steps the mother and volunteer record tests share: forms, projects, matches, audit."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import select

from coordinator.models import AuditEvent, Match, Mother, Project, SupportModel, Volunteer
from coordinator.services import vocabularies

F = TypeVar("F")


def filled(form: F, **changes: Any) -> F:
    """The form with these fields set."""
    for name, value in changes.items():
        setattr(form, name, value)
    return form


def assert_only_message(errors: dict[str, str], field: str, words: str) -> None:
    """The form's one message is for `field` and says `words`."""
    assert list(errors) == [field]
    assert words in errors[field]


def term_ids(vault, vocabulary: str) -> list[int]:
    return [i for i, _ in vocabularies.active_terms(vault, vocabulary)]


def make_projects(vault, *names: str, model: SupportModel = SupportModel.BEFRIENDING) -> list[int]:
    with vault.transaction() as s:
        projects = [Project(name=name, model=model) for name in names]
        s.add_all(projects)
        s.flush()
        return [p.id for p in projects]


def editable(form: Any, read_only: tuple[str, ...], lists: tuple[str, ...]) -> dict:
    """Every editable field of a form, with list items' database ids left out."""
    values = dataclasses.asdict(form)
    for name in read_only:
        values.pop(name)
    for name in lists:
        for item in values[name]:
            item.pop("id")
    return values


def match(vault, today: date, mother_id: int | None = None, volunteer_id: int | None = None):
    """Match the given mother or volunteer with a new one of the other kind."""
    with vault.transaction() as s:
        project = Project(name="P", model=SupportModel.MENTORING)
        mother = None if mother_id else Mother(full_name="M", referral_received_on=today)
        volunteer = None if volunteer_id else Volunteer(full_name="Val Volunteer")
        s.add_all([x for x in (project, mother, volunteer) if x is not None])
        s.flush()
        s.add(
            Match(
                mother_id=mother_id or mother.id,  # type: ignore[union-attr]
                volunteer_id=volunteer_id or volunteer.id,  # type: ignore[union-attr]
                project_id=project.id,
                proposed_on=today,
            )
        )


def audit_events(vault) -> list[AuditEvent]:
    with vault.session() as s:
        return list(s.scalars(select(AuditEvent).order_by(AuditEvent.id)))


def assert_never_holds(events: list[AuditEvent], word: str) -> None:
    """No column of any audit event holds `word` (they name fields, never values)."""
    for event in events:
        for column in AuditEvent.__table__.columns:
            assert word not in str(getattr(event, column.key))


def _default(field: dataclasses.Field) -> Any:
    if field.default is not dataclasses.MISSING:
        return field.default
    if field.default_factory is not dataclasses.MISSING:
        return field.default_factory()
    return dataclasses.MISSING  # required: whatever it holds was given on purpose


def unset_fields(
    forms: list[Any], blank: Any, read_only: tuple[str, ...], lists: tuple[str, ...]
) -> list[str]:
    """The editable fields that every one of `forms` leaves as on the blank form, and the
    fields of list items that no item sets (ids aside): a round-trip test of these forms
    would pass whether or not such a field is saved."""
    unset = [
        field.name
        for field in dataclasses.fields(blank)
        if field.name not in read_only
        and all(getattr(form, field.name) == getattr(blank, field.name) for form in forms)
    ]
    for name in lists:
        items = [item for form in forms for item in getattr(form, name)]
        if not items:
            continue  # the list itself is reported above
        for field in dataclasses.fields(items[0]):
            default = _default(field)
            if field.name != "id" and all(getattr(i, field.name) == default for i in items):
                unset.append(f"{name}[].{field.name}")
    return unset
