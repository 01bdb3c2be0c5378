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
#: name@domain: the name of letters, digits and .!#$%&'*+/=?^_`{|}~- without a dot at
#: either end or two in a row; the domain of labels joined by dots, each starting and
#: ending with a letter or digit, the last at least two letters.
_EMAIL_NAME = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$")
_DOMAIN_LABEL = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$")
_TOP_LEVEL = re.compile(r"^(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})$")
_WEB_SCHEMES = ("http://", "https://")
#: A DBS certificate number: twelve digits (spaces and dashes between them are allowed).
DBS_CERTIFICATE_DIGITS = 12


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


#: Numbers already checked, as typed and as cleaned -> the clean number. An import checks
#: each number twice (reading the cell, then the form's rules on the clean value), and
#: phonenumbers takes tens of microseconds a number. Cleared when it grows past the bound.
_CHECKED_PHONES: dict[str, str] = {}
_CHECKED_PHONES_MOST = 20_000


def check_phone(text: str | None) -> str | None:
    """A UK phone number with or without spaces or +44 -> '07700 900123' (national format)."""
    if _blank(text):
        return None
    raw = str(text).strip()
    known = _CHECKED_PHONES.get(raw)
    if known is not None:
        return known
    clean = _clean_phone(raw)
    if len(_CHECKED_PHONES) >= _CHECKED_PHONES_MOST:
        _CHECKED_PHONES.clear()
    _CHECKED_PHONES[raw] = _CHECKED_PHONES[clean] = clean  # the clean form is its own clean form
    return clean


def _clean_phone(raw: str) -> str:
    try:
        number = phonenumbers.parse(raw, "GB")
    except phonenumbers.NumberParseException:
        raise Invalid("Not a phone number: use digits, like 0116 496 0123.") from None
    # Valid for GB settles it for most numbers at a third of the cost of the full check,
    # which also tries the Channel Islands, the Isle of Man and abroad.
    valid = number.country_code == 44 and phonenumbers.is_valid_number_for_region(number, "GB")
    if not (valid or phonenumbers.is_valid_number(number) or _drama_number(number)):
        raise Invalid("Not a valid UK phone number: check the number of digits.")
    if number.country_code != 44:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)


def _domain_ok(domain: str) -> bool:
    labels = domain.split(".")
    return (
        len(labels) >= 2
        and len(domain) <= 253
        and all(_DOMAIN_LABEL.match(label) for label in labels)
        and bool(_TOP_LEVEL.match(labels[-1]))
    )


def check_email(text: str | None) -> str | None:
    """An email address: name@example.org; refuses two dots in a row, a dot at either end
    of the name, spaces, and a domain that is not one (a..b@x.org, a@x, a@x..org)."""
    if _blank(text):
        return None
    value = str(text).strip()
    name, at, domain = value.rpartition("@")
    if not at or not _EMAIL_NAME.match(name) or len(name) > 64 or not _domain_ok(domain):
        raise Invalid("Not an email address: it should look like name@example.org.")
    return value


def check_website(text: str | None) -> str | None:
    """A web address: www.example.org, example.org/page or https://example.org."""
    if _blank(text):
        return None
    value = str(text).strip()
    rest = value
    for scheme in _WEB_SCHEMES:
        if rest.lower().startswith(scheme):
            rest = rest[len(scheme) :]
            break
    else:
        if "://" in rest or rest.lower().startswith("mailto:"):
            raise Invalid("Not a web address: it should start with https:// or www.")
    host = re.split(r"[/?#]", rest, maxsplit=1)[0]
    host = host.rsplit("@", 1)[-1].split(":", 1)[0]
    if any(ch.isspace() for ch in value) or not _domain_ok(host):
        raise Invalid("Not a web address: it should look like www.example.org.")
    return value


def check_dbs_certificate(text: str | None) -> str | None:
    """A DBS certificate number: 12 digits, written without spaces ('001234567890')."""
    if _blank(text):
        return None
    digits = re.sub(r"[\s-]+", "", str(text))
    if not digits.isdigit() or len(digits) != DBS_CERTIFICATE_DIGITS:
        raise Invalid("A DBS certificate number has 12 digits: check it against the certificate.")
    return digits


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


def years_after(day: date, years: int) -> date:
    """The same day `years` later (28 February when 29 February has no match)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


#: How far apart the weeks pregnant at referral and the weeks the due date gives may be
#: before the two are pointed out (dating scans and memory differ by a week or so).
WEEKS_TOLERANCE = 2


def weeks_from_due_date(edd: date, on: date) -> int:
    """Completed weeks of pregnancy on `on`, counted back from a due date at 40 weeks."""
    return (280 - (edd - on).days) // 7


def due_date_disagreement(
    weeks_at_referral: int | None, edd: date | None, referral_on: date | None
) -> str | None:
    """A warning (not a refusal) when the due date and the weeks pregnant at referral tell
    different stories; None when they agree or either is missing."""
    if weeks_at_referral is None or edd is None or referral_on is None:
        return None
    expected = weeks_from_due_date(edd, referral_on)
    if abs(expected - weeks_at_referral) <= WEEKS_TOLERANCE:
        return None
    return (
        f"The due date makes her about {expected} weeks pregnant on the referral date, "
        f"not {weeks_at_referral}. Check both; if they are right, save as it is."
    )
