"""A form dataclass as JSON-friendly values and back, for drafts and for "has it changed?".

Dates become dd/mm/yyyy text (a date box shows it as typed), enums their value, slots
[weekday, part] pairs, list items plain dicts. The id and read-only fields are left out.
"""

from __future__ import annotations

import enum
from dataclasses import fields
from datetime import date
from typing import Any, TypeVar

Form = TypeVar("Form")


def plain(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, set | frozenset):
        return sorted(plain(v) for v in value)
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if hasattr(value, "__dataclass_fields__"):
        return {f.name: plain(getattr(value, f.name)) for f in fields(value)}
    return value


def _kept(form: Any, read_only: frozenset[str]) -> set[str]:
    return {f.name for f in fields(form)} - read_only - {"id"}


def form_values(form: Any, read_only: frozenset[str] = frozenset()) -> dict[str, Any]:
    names = _kept(form, read_only)
    return {f.name: plain(getattr(form, f.name)) for f in fields(form) if f.name in names}


def apply_values(
    form: Form,
    values: dict[str, Any],
    item_types: dict[str, type],
    read_only: frozenset[str] = frozenset(),
) -> Form:
    """`form` (its id and read-only fields kept) with the kept values put in; list fields
    named in `item_types` hold items of that dataclass."""
    names = _kept(form, read_only)
    for name, value in values.items():
        if name not in names:
            continue
        if name in item_types:
            item_type = item_types[name]
            known = {f.name for f in fields(item_type)}
            value = [item_type(**{k: v for k, v in d.items() if k in known}) for d in value or []]
        elif name == "availability":
            value = {(int(day), part) for day, part in value or []}
        setattr(form, name, value)
    return form
