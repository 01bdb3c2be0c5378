"""The person-record framework: load and save of a record described by its RecordKind
(mothers, volunteers), with its links, owned rows and, where the kind has them, weekly
availability and a status history."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from coordinator.models import AuditAction
from coordinator.services import audit
from coordinator.services.records.children import (
    apply_columns,
    form_values,
    gone_choices,
    item_from_row,
    missing_ids,
    sync_children,
    sync_links,
    sync_slots,
)
from coordinator.services.records.cleaning import Slot
from coordinator.services.records.errors import FormInvalid, RecordNotFound
from coordinator.services.sessions import Source, reading
from coordinator.storage.vault import Vault


def fields_given(clean: Any, blank: Any, lists: Iterable[str] = ()) -> set[str]:
    """Names of the fields a new record was given: those that differ from a blank form.

    `clean` and `blank` have .columns, .links and .children dicts; `lists` names further
    list attributes (areas, availability) that count when not empty.
    """
    names = {k for k, v in clean.columns.items() if blank.columns.get(k) != v}
    names |= {k for k, v in clean.links.items() if v}
    names |= {k for k, v in clean.children.items() if v}
    names |= {k for k in lists if getattr(clean, k)}
    return names


@dataclass
class CleanRecord:
    """What a valid person form saves: columns, linked term ids, slots and owned rows."""

    columns: dict[str, Any] = field(default_factory=dict)
    links: dict[str, set[int]] = field(default_factory=dict)
    availability: set[Slot] = field(default_factory=set)
    children: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


@dataclass(frozen=True)
class RecordKind:
    """What the shared load and save know of one kind of person record.

    Every form field is a column of `model` of the same name, except `id`, the `links` (form
    list of term ids -> the relationship and the term model), the `children` (form list of
    items -> the item dataclass and the row model), the `not_columns` and, for a kind with
    `slot_model`, `availability` (its weekly slots). A kind with `history_of` keeps the
    history of that field (a stage, a status) in `on_save`. The kind's own rules come in as
    functions:

    - clean(form, today) -> (CleanRecord, errors): its checks;
    - on_load(row, form): fills what is not a column (its history);
    - on_save(row, clean, old, today) -> names changed: what it does besides the columns,
      links, slots and owned rows, given the old value of `history_of` (None when new).
    """

    model: type
    form: type
    entity: str
    not_found: str
    links: dict[str, tuple[str, type]]
    children: dict[str, tuple[type, type]]
    clean: Callable[[Any, date], tuple[Any, dict[str, str]]]
    on_load: Callable[[Any, Any], None]
    on_save: Callable[[Any, Any, Any, date], set[str]]
    #: The rows of the record's weekly availability (None: the kind has none).
    slot_model: type | None = None
    #: The field whose changes the kind keeps a history of (None: no history).
    history_of: str | None = None
    #: Further form fields that are not columns.
    not_columns: frozenset[str] = frozenset()
    #: Further list attributes of the clean form that a new record may be given.
    lists: tuple[str, ...] = ()
    #: Further relationships loaded with the record.
    load_also: tuple[str, ...] = ()


def query_record(session: Session, kind: RecordKind, record_id: int) -> Any:
    """The record with its links, slots, owned rows and `load_also` loaded, or None."""
    names = [
        *(attr for attr, _ in kind.links.values()),
        *(("availability",) if kind.slot_model is not None else ()),
        *kind.children,
        *kind.load_also,
    ]
    model: Any = kind.model
    return session.scalars(
        select(model)
        .where(model.id == record_id)
        .options(*(selectinload(getattr(model, name)) for name in names))
    ).one_or_none()


def form_from_row(kind: RecordKind, row: Any) -> Any:
    """The kind's form filled from a loaded record."""
    form = kind.form(id=row.id)
    skip = {"id", "availability", *kind.links, *kind.children, *kind.not_columns}
    names = [f.name for f in fields(form) if f.name not in skip]
    for name, value in form_values(form, row, names).items():
        setattr(form, name, value)
    for name, (attr, _) in kind.links.items():
        setattr(form, name, sorted(term.id for term in getattr(row, attr)))
    if kind.slot_model is not None:
        form.availability = {(slot.weekday, slot.part_of_day) for slot in row.availability}
    for name, (item_type, _) in kind.children.items():
        rows = sorted(getattr(row, name), key=lambda child: child.id)
        setattr(form, name, [item_from_row(item_type, child) for child in rows])
    kind.on_load(row, form)
    return form


def load_record(source: Source, kind: RecordKind, record_id: int) -> Any:
    """The form for a saved record (RecordNotFound if it is not there)."""
    with reading(source) as session:
        row = query_record(session, kind, record_id)
        if row is None:
            raise RecordNotFound(kind.not_found)
        return form_from_row(kind, row)


def apply_clean(session: Session, kind: RecordKind, row: Any, clean: CleanRecord) -> set[str]:
    """Write a clean form's columns, links, slots and owned rows; returns the names changed.

    FormInvalid when a chosen term, project or module has been deleted meanwhile.
    """
    gone = gone_choices(session, kind.model, clean.columns)
    for name, (_, model) in kind.children.items():
        for number, item in enumerate(clean.children[name]):
            gone |= gone_choices(session, model, item, f"{name}[{number}].{{}}")
    if gone:
        raise FormInvalid(gone)
    changed = apply_columns(row, clean.columns)
    for name, (attr, model) in kind.links.items():
        if missing_ids(session, model, clean.links[name]):
            raise FormInvalid({name: "A choice in this list no longer exists: choose again."})
        if sync_links(session, getattr(row, attr), model, clean.links[name]):
            changed.add(name)
    if kind.slot_model is not None and sync_slots(
        row.availability, clean.availability, kind.slot_model
    ):
        changed.add("availability")
    for name, (_, model) in kind.children.items():
        if sync_children(session, getattr(row, name), clean.children[name], model):
            changed.add(name)
    return changed


def save_record(vault: Vault, kind: RecordKind, form: Any, today: date) -> int:
    """Create (form.id None) or update a record in one transaction; returns its id.

    FormInvalid (with .errors) when the form does not pass the kind's checks, RecordNotFound
    when updating a record that has gone. The audit event names the fields given (on create,
    with `history_of`) or changed, never their values.
    """
    clean, errors = kind.clean(form, today)
    if errors:
        raise FormInvalid(errors)
    with vault.transaction() as session:
        creating = form.id is None
        if creating:
            row = kind.model()
            session.add(row)
            old = None
        else:
            row = query_record(session, kind, form.id)
            if row is None:
                raise RecordNotFound(kind.not_found)
            old = getattr(row, kind.history_of) if kind.history_of else None
        with session.no_autoflush:
            changed = apply_clean(session, kind, row, clean)
            changed |= kind.on_save(row, clean, old, today)
        session.flush()
        if creating:
            blank, _ = kind.clean(kind.form(), today)
            lists = ("availability", *kind.lists) if kind.slot_model else kind.lists
            changed = fields_given(clean, blank, lists)
            if kind.history_of:
                changed.add(kind.history_of)
        if changed:
            action = AuditAction.CREATE if creating else AuditAction.UPDATE
            audit.record(session, action, entity_type=kind.entity, entity_id=row.id, fields=changed)
        return row.id
