"""One row's cells -> clean field values, or the problems that make the row rejected."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coordinator import models as m
from coordinator.services.importing import fields as F
from coordinator.services.importing.availability import to_slots
from coordinator.services.importing.header import Column
from coordinator.services.importing.readers import FormulaWithoutResult, Row
from coordinator.services.importing.sheet_parts import excel_error
from coordinator.services.importing.terms import (
    REJECT,
    Choices,
    NewTerms,
    Terms,
    load_terms,
    resolve_list,
    resolve_term,
)
from coordinator.services.importing.values import (
    cell_text,
    is_blank,
    split_list,
    to_bool,
    to_float,
    to_int,
)
from coordinator.services.records.mother_rules import MOTHER_MAX_AGE, MOTHER_MIN_AGE
from coordinator.services.records.volunteer_rules import VOLUNTEER_MAX_AGE, VOLUNTEER_MIN_AGE
from coordinator.services.validation import (
    Invalid,
    check_birth_date,
    check_edd,
    check_email,
    check_not_future,
    check_phone,
    check_postcode,
    parse_date,
)

#: Plausible ages (years) from a date of birth: the forms' rules.
AGES = {
    "mothers": (MOTHER_MIN_AGE, MOTHER_MAX_AGE),
    "volunteers": (VOLUNTEER_MIN_AGE, VOLUNTEER_MAX_AGE),
}


@dataclass
class Lookups:
    """Everything a row is checked against, loaded once per import (no per-row queries)."""

    today: date
    vocab: dict[type, Terms] = field(default_factory=dict)
    projects: dict[str, int] = field(default_factory=dict)
    choices: Choices = field(default_factory=lambda: Choices(None, False))
    new_terms: NewTerms = field(default_factory=NewTerms)
    #: Columns read as Excel serial day numbers (by column index).
    serial_dates: set[int] = field(default_factory=set)
    #: (column, field, cell type, cell) -> (True, value) or (False, message): columns
    #: repeat values.
    memo: dict[tuple, tuple[bool, Any]] = field(default_factory=dict)


def load_lookups(session: Session, today: date, choices: Choices | None = None) -> Lookups:
    lookups = Lookups(today=today, vocab=load_terms(session))
    if choices is not None:
        lookups.choices = choices
    for id_, name in session.execute(select(m.Project.id, m.Project.name)):
        lookups.projects[F.norm(name)] = id_
    return lookups


@dataclass
class Converted:
    values: dict[str, Any]
    #: "'Column' — message" for each problem; the row is rejected when there are any.
    problems: list[str]
    #: field name -> the column it came from.
    columns: dict[str, str]
    #: Fields already reported: one message per field (a bad date is not also "missing").
    failed: set[str] = field(default_factory=set)

    def fail(self, field_name: str | None, message: str) -> None:
        if field_name in self.failed:
            return
        if field_name:
            self.failed.add(field_name)
        column = self.columns.get(field_name or "")
        self.problems.append(f"'{column}' — {message}" if column else message)


#: Said of a workbook cell whose formula's result was never saved.
FORMULA_MESSAGE = (
    "A formula whose result was never saved: open the file in Excel, save it, and import it again."
)


#: Said of a cell showing an Excel error value instead of data.
ERROR_VALUE_MESSAGE = (
    "The cell shows an Excel error, {error}: fix the formula in Excel and import again."
)


def convert_cells(kind: str, columns: list[Column], cells: Row, lookups: Lookups) -> Converted:
    """Each mapped cell parsed and checked on its own; cross-field rules come later."""
    result = Converted({}, [], {})
    for column in columns:
        fld = column.field
        if fld is None:
            continue
        result.columns.setdefault(fld.name, column.name)
        raw = cells[column.index] if column.index < len(cells) else None
        if isinstance(raw, FormulaWithoutResult):
            result.values[fld.name] = None
            result.fail(fld.name, FORMULA_MESSAGE)
            continue
        error = excel_error(raw)
        if error is not None:  # never data, in a required field or an optional one
            result.values[fld.name] = None
            result.fail(fld.name, ERROR_VALUE_MESSAGE.format(error=error))
            continue
        if is_blank(raw):
            result.values.setdefault(fld.name, None)
            continue
        if column.index in lookups.serial_dates:
            raw = serial_day(raw)
        key = (column.name, fld.name, type(raw), raw)
        outcome = lookups.memo.get(key)
        if outcome is None:
            try:
                outcome = (True, parse_value(kind, fld, raw, lookups, column.name))
            except Invalid as err:
                outcome = (False, str(err))
            lookups.memo[key] = outcome
        ok, value = outcome
        if not ok:
            result.fail(fld.name, value)
            value = None
        earlier = result.values.get(fld.name)
        if isinstance(earlier, list) and isinstance(value, list):  # several columns, one list
            value = earlier + [v for v in value if v not in earlier]
        elif earlier is not None and value is None:
            value = earlier
        result.values[fld.name] = value
    return result


def serial_day(raw: object) -> object:
    """A cell of a column of Excel serial day numbers written as text: the number."""
    text = cell_text(raw)
    return int(text) if text and text.isdigit() else raw


def parse_value(kind: str, fld: F.Field, raw: object, lookups: Lookups, column: str = "") -> Any:
    t = fld.type
    if t == F.DATE:
        value = cell_text(raw) if isinstance(raw, str) else raw
        if isinstance(value, str) and value.isdigit() and len(value) == 5:
            raise Invalid(
                f"'{value}' looks like an Excel day number, but the other dates in this column "
                "are written as dates: write it as day/month/year, like 31/01/2026."
            )
        return check_date(kind, fld, read_date(value), lookups.today)
    text = cell_text(raw)
    if text is None:
        return [] if t in F.LIST_TYPES else None
    if t == F.TEXT:
        return text
    if t == F.PHONE:
        return check_phone(text)
    if t == F.EMAIL:
        return check_email(text)
    if t == F.POSTCODE:
        return check_postcode(text)
    if t == F.BOOL:
        return to_bool(text)
    if t == F.INT:
        return to_int(text, fld.low, fld.high)
    if t == F.FLOAT:
        return to_float(text, fld.low, fld.high)
    if t == F.ENUM:
        return read_choice(fld, text, lookups.choices, column)
    if t in (F.VOCAB, F.VOCAB_LIST):
        terms = lookups.vocab[fld.vocab]  # type: ignore[index]

        def resolve(item: str) -> int | None:
            return resolve_term(terms, lookups.new_terms, lookups.choices, column, item)

        ids = resolve_list(text, terms.exact, resolve, terms.what)
        if t == F.VOCAB_LIST:
            return ids
        if len(ids) > 1:
            raise Invalid("Give only one here; list any others under 'Other languages'.")
        return ids[0]
    if t in (F.PROJECT, F.PROJECT_LIST):

        def project(item: str) -> int | None:
            found = lookups.projects.get(F.norm(item))
            chosen = lookups.choices.get(column, item)
            if found is None and chosen:
                found = lookups.projects.get(F.norm(chosen))
            return found

        ids = resolve_list(
            text, lambda item: lookups.projects.get(F.norm(item)), project, "projects"
        )
        if t == F.PROJECT and len(ids) > 1:
            raise Invalid("Give only one project.")
        return ids if t == F.PROJECT_LIST else ids[0]
    if t == F.TEXT_LIST:
        seen: dict[str, str] = {}
        for item in split_list(text):
            seen.setdefault(item.casefold(), item)
        return list(seen.values())
    if t == F.SLOTS:
        return to_slots(text)
    raise AssertionError(f"unknown field type {t}")


def read_choice(fld: F.Field, text: str, choices: Choices, column: str) -> Any:
    """The option a choice column's value names, or the one the coordinator mapped it to."""
    assert fld.enum is not None
    table = F.enum_lookup(fld.enum)
    member = table.get(F.norm(text))
    chosen = choices.get(column, text)
    if member is None and chosen == REJECT:
        raise Invalid(f"You chose not to import rows with '{text}'.")
    if member is None and chosen:
        member = table.get(F.norm(chosen))
    if member is None:
        options = ", ".join(F.ENUM_LABELS[fld.enum].values())
        raise Invalid(f"'{text}' is not one Coordinator knows. Use one of: {options}.")
    return member


_YEAR_FIRST = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$")


def read_date(value: object) -> date | None:
    """A date as the forms read it, and also year first with slashes or dots (2023/09/12),
    as some systems export them."""
    if isinstance(value, str) and (match := _YEAR_FIRST.match(value.strip())):
        value = f"{match[1]}-{match[2]}-{match[3]}"
    return parse_date(value)


def check_date(kind: str, fld: F.Field, value: date | None, today: date) -> date | None:
    if value is None:
        return None
    if fld.check == F.BIRTH:
        low, high = AGES[kind]
        return check_birth_date(value, today, min_age=low, max_age=high)
    if fld.check == F.PAST:
        return check_not_future(value, today, fld.noun)
    if fld.check == F.EDD:
        # Not more than 10 months ahead; old records may have a due date long past, as
        # long as it was plausible when she was referred (checked with the referral date).
        return check_edd(value, today) if value > today else value
    if value.year < 1900 or value > today + timedelta(days=365 * 20):
        raise Invalid("Check the year of this date.")
    return value
