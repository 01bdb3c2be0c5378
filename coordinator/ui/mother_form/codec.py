"""A MotherForm as JSON-friendly values and back, for drafts and for "has it changed?".

Dates become dd/mm/yyyy text (a date box shows it as typed), enums their value, slots
[weekday, part] pairs, list items plain dicts. Read-only fields are left out.
"""

from __future__ import annotations

import enum
from dataclasses import fields
from datetime import date
from typing import Any

from coordinator.services.records.mother_form import (
    READ_ONLY,
    ConsentItem,
    MotherForm,
    ProfessionalItem,
    SafeguardingItem,
)

ITEM_TYPES: dict[str, type] = {
    "consents": ConsentItem,
    "safeguarding_concerns": SafeguardingItem,
    "professionals": ProfessionalItem,
}


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


def form_values(form: MotherForm) -> dict[str, Any]:
    return {f.name: plain(getattr(form, f.name)) for f in fields(form) if f.name not in READ_ONLY}


def apply_values(form: MotherForm, values: dict[str, Any]) -> MotherForm:
    """`form` (its read-only fields kept) with the kept values put in."""
    names = {f.name for f in fields(form)} - READ_ONLY
    for name, value in values.items():
        if name not in names:
            continue
        if name in ITEM_TYPES:
            item_type = ITEM_TYPES[name]
            known = {f.name for f in fields(item_type)}
            value = [item_type(**{k: v for k, v in d.items() if k in known}) for d in value or []]
        elif name == "availability":
            value = {(int(day), part) for day, part in value or []}
        setattr(form, name, value)
    return form
