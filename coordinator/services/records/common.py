"""What the record services share: where a session comes from, their errors, field cleaning,
and keeping an owner's child rows in step with a form's list."""

from __future__ import annotations

import contextlib
import enum
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, fields
from datetime import date
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from coordinator.models import PartOfDay
from coordinator.services.validation import Invalid, parse_date, required
from coordinator.storage.vault import Vault

#: A date field as a form holds it: a date, what the user typed (parsed on save), or empty.
DateInput = date | str | None
#: A weekly availability slot: (weekday 0 = Monday .. 6 = Sunday, part of the day).
Slot = tuple[int, PartOfDay]
#: Where a read can take its session from.
Source = Session | Vault

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

    def unique(self, key: str, values: Iterable[Any], message: str) -> None:
        """Flag repeats in a list; `key` has {} for the item's position, e.g. "dbs[{}].kind"."""
        seen: set[Any] = set()
        for i, value in enumerate(values):
            if value is None:
                continue
            if value in seen:
                self.fail(key.format(i), message)
            seen.add(value)


def item_dicts(items: Iterable[Any]) -> list[dict[str, Any]]:
    return [asdict(item) for item in items]


def row_values(row: Any, names: Iterable[str]) -> dict[str, Any]:
    return {name: getattr(row, name) for name in names}


def item_from_row(item_type: type[T], row: Any) -> T:
    """A form list item (a dataclass) filled from the ORM row with the same field names.

    Text fields that are NULL in the database become "" (what an empty text box holds).
    """
    blank = item_type()
    values = {}
    for f in fields(item_type):  # type: ignore[arg-type]
        value = getattr(row, f.name)
        values[f.name] = "" if value is None and isinstance(getattr(blank, f.name), str) else value
    return item_type(**values)


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
    (a name already taken, a category deleted meanwhile).
    """
    from coordinator.models import AuditAction
    from coordinator.services import audit

    with vault.transaction() as session:
        if check is not None:
            check(session)
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
