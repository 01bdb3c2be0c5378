"""Field checks shared by the forms and the importer: one rule, one message, one place.

Each `check_*` function takes what the user typed (a string, or a date where the form
already has one) and returns the clean value, or raises Invalid with a message that says
what is wrong and what to do. Empty input gives None: whether a field is required is the
caller's business (`required`).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

import phonenumbers


class Invalid(ValueError):
    """A value the coordinator must correct; str() is the message shown next to the field."""


_POSTCODE = re.compile(
    r"^(GIR ?0AA|"
    r"(?:[A-PR-UWYZ][0-9][0-9]?|[A-PR-UWYZ][A-HK-Y][0-9][0-9]?|"
    r"[A-PR-UWYZ][0-9][A-HJKPSTUW]|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY])"
    r" ?[0-9][ABD-HJLNP-UW-Z]{2})$"
)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _blank(text: str | None) -> bool:
    return text is None or not str(text).strip()


def required(value: object, what: str) -> object:
    if value is None or (isinstance(value, str) and not value.strip()):
        raise Invalid(f"{what} is needed.")
    return value


def check_postcode(text: str | None) -> str | None:
    """A UK postcode in any case and spacing -> 'LE1 6TH'."""
    if _blank(text):
        return None
    compact = re.sub(r"\s+", "", str(text)).upper()
    if len(compact) < 5 or len(compact) > 7:
        raise Invalid("Not a UK postcode: it should look like LE1 6TH or B15 2TT.")
    spaced = f"{compact[:-3]} {compact[-3:]}"
    if not _POSTCODE.match(spaced):
        raise Invalid("Not a UK postcode: it should look like LE1 6TH or B15 2TT.")
    return spaced


#: Ofcom's numbers kept for fiction that phonenumbers does not count as valid: mobiles
#: 07700 900000-900999 and the "no area" landlines 01632 960000-960999 (the demo uses both).
_DRAMA_PREFIXES = ("7700900", "1632960")


def _drama_number(number: phonenumbers.PhoneNumber) -> bool:
    national = str(number.national_number)
    return (
        number.country_code == 44 and len(national) == 10 and national.startswith(_DRAMA_PREFIXES)
    )


def check_phone(text: str | None) -> str | None:
    """A UK phone number with or without spaces or +44 -> '07700 900123' (national format)."""
    if _blank(text):
        return None
    raw = str(text).strip()
    try:
        number = phonenumbers.parse(raw, "GB")
    except phonenumbers.NumberParseException:
        raise Invalid("Not a phone number: use digits, like 0116 496 0123.") from None
    if not (phonenumbers.is_valid_number(number) or _drama_number(number)):
        raise Invalid("Not a valid UK phone number: check the number of digits.")
    if number.country_code != 44:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)


def check_email(text: str | None) -> str | None:
    if _blank(text):
        return None
    value = str(text).strip()
    if not _EMAIL.match(value):
        raise Invalid("Not an email address: it should look like name@example.org.")
    return value


_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for m in names
}
_NUMERIC_DATE = re.compile(
    r"^(\d{1,2})[/\-. ](\d{1,2})[/\-. ](\d{2}|\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$"
)
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$")
_WORD_DATE = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?[\s\-/]+([A-Za-z]+)\.?[\s\-/,]+(\d{2}|\d{4})$")
_EXCEL_EPOCH = date(1899, 12, 30)


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        year += 2000 if year < 70 else 1900
    return year


def parse_date(value: object) -> date | None:
    """UK dates as people write them: 31/01/2026, 31-1-26, 31 Jan 2026, 2026-01-31,
    a date or datetime object, or an Excel serial day number. Never month-first."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 1 <= value < 80_000:
            return _EXCEL_EPOCH + timedelta(days=int(value))
        raise Invalid("Not a date.")
    text = str(value).strip()
    try:
        if m := _ISO_DATE.match(text):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if m := _NUMERIC_DATE.match(text):
            return date(_year(m[3]), int(m[2]), int(m[1]))
        if m := _WORD_DATE.match(text):
            month = _MONTHS.get(m[2].lower())
            if month is None:
                raise Invalid(f"'{m[2]}' is not a month.")
            return date(_year(m[3]), month, int(m[1]))
    except ValueError as err:
        if isinstance(err, Invalid):
            raise
        raise Invalid("That day does not exist: check the day and month.") from None
    raise Invalid("Not a date: write it as day/month/year, like 31/01/2026.")


def check_edd(value: date | None, today: date) -> date | None:
    """Expected due date: from 2 years ago to 10 months ahead."""
    if value is None:
        return None
    if value < today - timedelta(days=730):
        raise Invalid("The due date is more than 2 years ago: check the year.")
    if value > today + timedelta(days=305):
        raise Invalid("The due date is more than 10 months ahead: check the year.")
    return value


def check_not_future(value: date | None, today: date, what: str) -> date | None:
    if value is not None and value > today:
        raise Invalid(f"{what} cannot be in the future.")
    return value


def check_birth_date(value: date | None, today: date, *, min_age: int, max_age: int) -> date | None:
    """A person's date of birth giving an age within [min_age, max_age]."""
    if value is None:
        return None
    check_not_future(value, today, "A date of birth")
    age = today.year - value.year - ((today.month, today.day) < (value.month, value.day))
    if age < min_age or age > max_age:
        raise Invalid(f"That makes her {age}: check the year.")
    return value


def check_after(later: date | None, earlier: date | None, message: str) -> date | None:
    """`later` must come after `earlier` when both are given (e.g. DBS due after issue)."""
    if later is not None and earlier is not None and later <= earlier:
        raise Invalid(message)
    return later
