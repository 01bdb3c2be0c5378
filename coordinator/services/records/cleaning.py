"""Field cleaning: a form's typed values checked one field at a time, keeping the first
message per field (shown beside it) and the clean values."""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any, TypeVar

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

#: A date field as a form holds it: a date, what the user typed (parsed on save), or empty.
DateInput = date | str | None
#: A weekly availability slot: (weekday 0 = Monday .. 6 = Sunday, part of the day).
Slot = tuple[int, PartOfDay]

#: The plain text fields every person form has (mothers, volunteers).
PERSON_TEXT = ("full_name", "preferred_name", "address_line1", "address_line2", "town")

T = TypeVar("T")
E = TypeVar("E", bound=enum.Enum)


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
