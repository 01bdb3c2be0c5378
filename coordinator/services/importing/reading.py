"""How a cell will be read, in words, for the dialog's preview: "3rd March 2027" ->
"03/03/2027", "Tue & Thu evenings" -> "Tue evening; Thu evening", a phone number as it
will be saved, or what is wrong with it. Needs no database: list values are shown as the
items they will be looked up as (the values step deals with those not in her lists)."""

from __future__ import annotations

from datetime import date

from coordinator.services.importing import fields as F
from coordinator.services.importing.availability import to_slots
from coordinator.services.importing.convert import read_date
from coordinator.services.importing.guess import SERIAL_FIRST, SERIAL_LAST, serial_date
from coordinator.services.importing.values import (
    format_date,
    slots_text,
    split_list,
    to_bool,
    to_float,
    to_int,
)
from coordinator.services.validation import (
    Invalid,
    check_email,
    check_phone,
    check_postcode,
)

#: Longest text shown as read (the cell itself is shown in full above it).
MAX_SHOWN = 60


def reading_of(kind: str, field_name: str | None, text: str) -> str:
    """What `text` will be saved as in this field ("" for no field or an empty cell), or
    "⚠ " and the reason it cannot be."""
    if not field_name or not text.strip():
        return ""
    fld = next((f for f in F.fields_of(kind) if f.name == field_name), None)
    if fld is None:
        return ""
    try:
        return _shown(_read(fld, text.strip()))
    except Invalid as err:
        return f"⚠ {err}"


def _read(fld: F.Field, text: str) -> str:
    t = fld.type
    if t == F.DATE:
        if text.isdigit() and SERIAL_FIRST <= int(text) <= SERIAL_LAST:
            return format_date(serial_date(int(text)))
        day = read_date(text)
        return format_date(day) if isinstance(day, date) else ""
    if t == F.PHONE:
        return check_phone(text) or ""
    if t == F.EMAIL:
        return check_email(text) or ""
    if t == F.POSTCODE:
        return check_postcode(text) or ""
    if t == F.BOOL:
        return "Yes" if to_bool(text) else "No"
    if t == F.INT:
        return str(to_int(text, fld.low, fld.high))
    if t == F.FLOAT:
        return f"{to_float(text, fld.low, fld.high):g}"
    if t == F.ENUM:
        member = F.enum_lookup(fld.enum).get(F.norm(text))  # type: ignore[arg-type]
        if member is None:
            return f"“{text}”: not one of the options (asked before importing)"
        return F.enum_label(member)
    if t == F.SLOTS:
        return slots_text(to_slots(text))
    if t in F.LIST_TYPES:
        return "; ".join(split_list(text))
    return " ".join(text.split())


def _shown(text: str) -> str:
    return text if len(text) <= MAX_SHOWN else text[: MAX_SHOWN - 1] + "…"
