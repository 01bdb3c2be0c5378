"""What the record services share: where a session comes from, their errors, field cleaning,
keeping an owner's child rows in step with a form's list, and the load and save of a person
record (mother, volunteer) described by its RecordKind."""

from __future__ import annotations

import contextlib
import enum
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from coordinator.models import PartOfDay
from coordinator.services.validation import (
    Invalid,
    check_birth_date,
    check_email,
    check_phone,
    check_postcode,
    parse_date,
    required,
)
from coordinator.storage.vault import Vault

#: A date field as a form holds it: a date, what the user typed (parsed on save), or empty.
DateInput = date | str | None
#: A weekly availability slot: (weekday 0 = Monday .. 6 = Sunday, part of the day).
Slot = tuple[int, PartOfDay]
#: Where a read can take its session from.
Source = Session | Vault

#: The plain text fields every person form has (mothers, volunteers).
PERSON_TEXT = ("full_name", "preferred_name", "address_line1", "address_line2", "town")

T = TypeVar("T")
E = TypeVar("E", bound=enum.Enum)


class RecordNotFound(LookupError):
    """The record asked for is not there (deleted meanwhile, or a wrong id)."""

    def __init__(self, what: str = "record") -> None:
        super().__init__(f"That {what} is no longer in the database.")


class CannotDelete(Exception):
    """A record that must be kept; str() is a plain message for the coordinator."""


class FormInvalid(Invalid):
    """Save refused: `errors` maps each field name to the message to show beside it."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = dict(errors)
        count = len(self.errors)
        super().__init__(
            "1 field needs correcting." if count == 1 else f"{count} fields need correcting."
        )


@contextlib.contextmanager
def reading(source: Source) -> Iterator[Session]:
    """The given Session, or a short-lived one from a Vault (closed afterwards)."""
    if isinstance(source, Session):
        yield source
        return
    with source.session() as session:
        yield session


def text(value: str | None) -> str | None:
    """Typed text, trimmed; empty becomes None."""
    if value is None:
        return None
    value = str(value).strip()
    return value or None


class Cleaner:
    """Runs field checks, keeping the first message per field and the clean values."""

    def __init__(self) -> None:
        self.errors: dict[str, str] = {}

    def check(self, key: str, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
        try:
            return fn(*args, **kwargs)
        except Invalid as err:
            self.errors.setdefault(key, str(err))
            return None

    def fail(self, key: str, message: str) -> None:
        self.errors.setdefault(key, message)

    def date(self, key: str, value: DateInput) -> date | None:
        return self.check(key, parse_date, value)

    def required(self, key: str, value: Any, what: str) -> None:
        self.check(key, required, value, what)

    def choice(self, key: str, enum_type: type[E], value: Any) -> E | None:
        """An enum member from a member or its value; empty gives None."""
        if value is None or value == "":
            return None
        try:
            return enum_type(value)
        except ValueError:
            self.fail(key, "Choose one of the options in the list.")
            return None

    def slots(self, key: str, values: Iterable[tuple[int, Any]] | None) -> set[Slot]:
        out: set[Slot] = set()
        for weekday, part in values or ():
            part_of_day = self.choice(key, PartOfDay, part)
            if not isinstance(weekday, int) or not 0 <= weekday <= 6 or part_of_day is None:
                self.fail(key, "A time slot is not a day of the week and part of the day.")
                continue
            out.add((weekday, part_of_day))
        return out

    def whole_number(
        self, key: str, value: Any, low: int, high: int | None, message: str
    ) -> int | None:
        """An int from an int or typed digits, within [low, high]; empty gives None."""
        if value is None or value == "":
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            try:
                value = int(str(value).strip())
            except ValueError:
                self.fail(key, "Write a whole number.")
                return None
        self.number(key, value, low, high, message)
        return value

    def decimal(self, key: str, value: Any, low: float, high: float, message: str) -> float | None:
        if value is None or value == "":
            return None
        try:
            number = float(str(value).strip()) if isinstance(value, str) else float(value)
        except (TypeError, ValueError):
            self.fail(key, "Write a number.")
            return None
        self.number(key, number, low, high, message)
        return number

    def number(
        self, key: str, value: float | None, low: float, high: float | None, message: str
    ) -> None:
        if value is None:
            return
        if value < low or (high is not None and value > high):
            self.fail(key, message)

    def not_before(self, key: str, later: date | None, earlier: date | None, message: str) -> None:
        """`later` may equal `earlier` but not precede it (both optional)."""
        if later is not None and earlier is not None and later < earlier:
            self.fail(key, message)

    def contact(self, form: Any) -> dict[str, Any]:
        """A person form's postcode, phone and email, checked and written the usual way."""
        return {
            "postcode": self.check("postcode", check_postcode, form.postcode),
            "phone": self.check("phone", check_phone, form.phone),
            "email": self.check("email", check_email, form.email),
        }

    def birth_date(self, value: DateInput, today: date, min_age: int, max_age: int) -> date | None:
        """A date of birth that makes the person min_age to max_age years old."""
        born = self.date("date_of_birth", value)
        return self.check(
            "date_of_birth", check_birth_date, born, today, min_age=min_age, max_age=max_age
        )

    def items(
        self, name: str, items: Iterable[Any], clean: Callable[..., dict[str, Any]], *args: Any
    ) -> list[dict[str, Any]]:
        """The rows for a form list: `clean(self, key, item, *args)` gives an item's values,
        keying its messages from `key` ("consents[0]"); each row keeps its item's id."""
        return [
            {"id": item.id, **clean(self, f"{name}[{i}]", item, *args)}
            for i, item in enumerate(items)
        ]

    def unique(self, key: str, values: Iterable[Any], message: str) -> None:
        """Flag repeats in a list; `key` has {} for the item's position, e.g. "dbs[{}].kind"."""
        seen: set[Any] = set()
        for i, value in enumerate(values):
            if value is None:
                continue
            if value in seen:
                self.fail(key.format(i), message)
            seen.add(value)


def term_ids(form: Any, *names: str) -> dict[str, set[int]]:
    """The ids chosen in these vocabulary lists of a form, by field name."""
    return {name: set(getattr(form, name)) for name in names}


def _form_values(blank: Any, row: Any, names: Iterable[str]) -> dict[str, Any]:
    """The row's values for these fields of a form; NULL becomes "" where the form holds text."""
    values = {}
    for name in names:
        value = getattr(row, name)
        values[name] = "" if value is None and isinstance(getattr(blank, name), str) else value
    return values


def item_from_row(item_type: type[T], row: Any) -> T:
    """A form list item (a dataclass) filled from the ORM row with the same field names.

    Text fields that are NULL in the database become "" (what an empty text box holds).
    """
    names = [f.name for f in fields(item_type)]  # type: ignore[arg-type]
    return item_type(**_form_values(item_type(), row, names))


def apply_columns(obj: Any, values: dict[str, Any]) -> set[str]:
    """Set each attribute that differs; returns the names that changed."""
    changed = set()
    for name, value in values.items():
        if getattr(obj, name) != value:
            setattr(obj, name, value)
            changed.add(name)
    return changed


def sync_children(
    session: Session, rows: list[Any], items: list[dict[str, Any]], make: Callable[..., Any]
) -> bool:
    """Make an owner's child rows match `items` (dicts with an "id": None for new ones).

    Rows whose id is not among the items are deleted first (and flushed), so a unique key
    freed by a removed row can be used by a new one in the same save. Returns whether
    anything changed.
    """
    by_id = {row.id: row for row in rows}
    keep = {item["id"] for item in items if item.get("id") in by_id}
    changed = False
    for row in list(rows):
        if row.id not in keep:
            rows.remove(row)
            changed = True
    if changed:
        session.flush()
    for item in items:
        values = {k: v for k, v in item.items() if k != "id"}
        row = by_id.get(item.get("id"))
        if row is None:
            rows.append(make(**values))
            changed = True
        elif apply_columns(row, values):
            changed = True
    return changed


def sync_links(session: Session, current: list[Any], model: type, ids: Iterable[int]) -> bool:
    """Make a many-to-many list hold exactly the vocabulary rows with these ids."""
    wanted = set(ids)
    if {row.id for row in current} == wanted:
        return False
    rows = [session.get(model, i) for i in sorted(wanted)]
    current[:] = [row for row in rows if row is not None]
    return True


def sync_slots(rows: list[Any], slots: Iterable[tuple[int, Any]], make: Callable[..., Any]) -> bool:
    """Make availability rows hold exactly these (weekday, part of day) slots."""
    wanted = set(slots)
    have = {(row.weekday, row.part_of_day): row for row in rows}
    if set(have) == wanted:
        return False
    for key, row in have.items():
        if key not in wanted:
            rows.remove(row)
    for weekday, part in sorted(wanted - set(have)):
        rows.append(make(weekday=weekday, part_of_day=part))
    return True


def missing_ids(session: Session, model: type, ids: Iterable[int]) -> bool:
    return any(session.get(model, i) is None for i in set(ids))


#: Said beside a choice whose term, project or category was deleted while the form was open.
GONE_CHOICE = "That choice no longer exists: choose again."


def gone_choices(session: Session, model: type, values: dict[str, Any], key: str = "{}") -> dict:
    """Messages for the references among `values` (columns of `model`) whose row has been
    deleted meanwhile, keyed by `key` formatted with the column name; saving them would
    break a foreign key."""
    from sqlalchemy import select

    gone = {}
    for name, value in values.items():
        column = model.__table__.c.get(name)
        if value is None or column is None:
            continue
        for foreign_key in column.foreign_keys:
            target = foreign_key.column
            if session.execute(select(target).where(target == value)).first() is None:
                gone[key.format(name)] = GONE_CHOICE
    return gone


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


def delete_unless(
    vault: Vault,
    model: type,
    record_id: int,
    entity: str,
    refusal: Callable[[Session], str | None],
) -> None:
    """Delete a record and what it owns, auditing it; CannotDelete with the reason when
    `refusal(session)` gives one (the record is still in use)."""
    from coordinator.models import AuditAction
    from coordinator.services import audit

    with vault.transaction() as session:
        record = session.get(model, record_id)
        if record is None:
            raise RecordNotFound(entity.replace("_", " "))
        reason = refusal(session)
        if reason:
            raise CannotDelete(reason)
        session.delete(record)
        audit.record(session, AuditAction.DELETE, entity_type=entity, entity_id=record_id)


def delete_unless_matched(
    vault: Vault, model: type, record_id: int, match_column: Any, entity: str, refusal: str
) -> None:
    """Delete a record and what it owns, or CannotDelete when it was ever in a match.

    `refusal` is formatted with {count} and {noun} ("match"/"matches").
    """
    from sqlalchemy import func, select

    def in_matches(session: Session) -> str | None:
        count = session.scalar(select(func.count()).where(match_column == record_id))
        if not count:
            return None
        return refusal.format(count=count, noun="match" if count == 1 else "matches")

    delete_unless(vault, model, record_id, entity, in_matches)


def save_columns(
    vault: Vault,
    model: type,
    record_id: int | None,
    columns: dict[str, Any],
    blank_columns: dict[str, Any],
    entity: str,
    check: Callable[[Session], None] | None = None,
) -> int:
    """Create (record_id None) or update a record that is only columns, in one transaction,
    auditing the names of the fields given or changed; returns its id.

    `check(session)` runs first and may raise FormInvalid for what only the database knows
    (a name already taken); a chosen category deleted meanwhile is refused here.
    """
    from coordinator.models import AuditAction
    from coordinator.services import audit

    with vault.transaction() as session:
        if check is not None:
            check(session)
        gone = gone_choices(session, model, columns)
        if gone:
            raise FormInvalid(gone)
        if record_id is None:
            record = model()
            session.add(record)
            changed = {k for k, v in columns.items() if blank_columns.get(k) != v}
            apply_columns(record, columns)
        else:
            record = session.get(model, record_id)
            if record is None:
                raise RecordNotFound(entity.replace("_", " "))
            changed = apply_columns(record, columns)
        session.flush()
        if changed:
            action = AuditAction.CREATE if record_id is None else AuditAction.UPDATE
            audit.record(session, action, entity_type=entity, entity_id=record.id, fields=changed)
        return record.id


# --- person records (mothers, volunteers) -------------------------------------------------


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

    Every form field is a column of `model` of the same name, except `id`, `availability`
    (rows of `slot_model`), the `links` (form list of term ids -> the relationship and the
    term model), the `children` (form list of items -> the item dataclass and the row model)
    and the `not_columns`. The kind's own rules come in as functions:

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
    slot_model: type
    history_of: str
    clean: Callable[[Any, date], tuple[Any, dict[str, str]]]
    on_load: Callable[[Any, Any], None]
    on_save: Callable[[Any, Any, Any, date], set[str]]
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
        "availability",
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
    for name, value in _form_values(form, row, names).items():
        setattr(form, name, value)
    for name, (attr, _) in kind.links.items():
        setattr(form, name, sorted(term.id for term in getattr(row, attr)))
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
    if sync_slots(row.availability, clean.availability, kind.slot_model):
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
    from coordinator.models import AuditAction
    from coordinator.services import audit

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
            old = getattr(row, kind.history_of)
        with session.no_autoflush:
            changed = apply_clean(session, kind, row, clean)
            changed |= kind.on_save(row, clean, old, today)
        session.flush()
        if creating:
            blank, _ = kind.clean(kind.form(), today)
            given = fields_given(clean, blank, ("availability", *kind.lists))
            changed = given | {kind.history_of}
        if changed:
            action = AuditAction.CREATE if creating else AuditAction.UPDATE
            audit.record(session, action, entity_type=kind.entity, entity_id=row.id, fields=changed)
        return row.id
