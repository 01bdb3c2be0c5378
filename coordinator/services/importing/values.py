"""Cell values both ways: what a spreadsheet cell holds -> a clean value, and back.

Parsing raises validation.Invalid with a plain message; the checks themselves are the
shared ones in coordinator.services.validation.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time

from coordinator import models as m
from coordinator.services.importing.fields import norm
from coordinator.services.validation import Invalid

#: Characters that make a spreadsheet treat a cell as a formula (or an injected command).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NEUTRALISED = re.compile(r"^'+[=+\-@\t\r]")

TRUE_WORDS = frozenset(
    {"yes", "y", "true", "t", "1", "x", "ticked", "checked", "done", "✓", "✔", "☑"}
)
FALSE_WORDS = frozenset({"no", "n", "false", "f", "0", "none", "✗", "✘", "☐"})


def neutralise(text: str) -> str:
    """Prefix a quote to text a spreadsheet would run as a formula (see `unneutralise`).

    Text that already starts with quotes before such a character gets one more, so that
    stripping exactly one quote on import always gives the original back.
    """
    if text.startswith(FORMULA_START) or _NEUTRALISED.match(text):
        return "'" + text
    return text


def unneutralise(text: str) -> str:
    """Remove the one quote `neutralise` added."""
    return text[1:] if _NEUTRALISED.match(text) else text


def format_date(day: date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


def cell_text(value: object) -> str | None:
    """A cell as text, trimmed, with an export's anti-formula quote removed; None if blank."""
    if value is None:
        return None
    if isinstance(value, str):
        text = unneutralise(value.strip()).strip()
        return text or None
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return format_date(value.date())
        return f"{format_date(value.date())} {value:%H:%M}"
    if isinstance(value, date):
        return format_date(value)
    return str(value).strip() or None


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def to_bool(text: str) -> bool:
    key = norm(text) or text.strip()
    if key in TRUE_WORDS:
        return True
    if key in FALSE_WORDS:
        return False
    raise Invalid(f"'{text}' is not yes or no: write Yes or No.")


def to_int(text: str, low: float | None, high: float | None) -> int:
    try:
        number = float(text.replace(",", ""))
    except ValueError:
        raise Invalid(f"'{text}' is not a number.") from None
    if not number.is_integer():
        raise Invalid(f"'{text}' is not a whole number.")
    _in_range(number, low, high)
    return int(number)


def to_float(text: str, low: float | None, high: float | None) -> float:
    try:
        number = float(text.replace(",", ""))
    except ValueError:
        raise Invalid(f"'{text}' is not a number.") from None
    if number != number:  # NaN
        raise Invalid(f"'{text}' is not a number.")
    _in_range(number, low, high)
    return number


def _in_range(number: float, low: float | None, high: float | None) -> None:
    if (low is not None and number < low) or (high is not None and number > high):
        raise Invalid(f"It should be a number from {low:g} to {high:g}.")


def split_list(text: str) -> list[str]:
    """'a; b; c' or 'a, b, c' -> items. With a ';' anywhere, only ';' separates items."""
    parts = text.split(";") if ";" in text else text.split(",")
    return [p.strip() for p in parts if p.strip()]


def join_list(items: list[str]) -> str:
    """The reverse of split_list, for any items: a lone item with a comma gets a ';'."""
    if len(items) == 1 and "," in items[0]:
        return items[0] + ";"
    return "; ".join(items)


# Availability slots: "Mon morning; Wed evening".
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
PARTS = {
    "morning": m.PartOfDay.MORNING,
    "am": m.PartOfDay.MORNING,
    "afternoon": m.PartOfDay.AFTERNOON,
    "pm": m.PartOfDay.AFTERNOON,
    "evening": m.PartOfDay.EVENING,
    "eve": m.PartOfDay.EVENING,
}
PART_NAMES = {
    m.PartOfDay.MORNING: "morning",
    m.PartOfDay.AFTERNOON: "afternoon",
    m.PartOfDay.EVENING: "evening",
}
PART_ORDER = list(PART_NAMES)


def sort_slots(slots: list[tuple[int, m.PartOfDay]]) -> list[tuple[int, m.PartOfDay]]:
    """In week order: Monday morning first."""
    return sorted(slots, key=lambda s: (s[0], PART_ORDER.index(s[1])))


def slots_text(slots: list[tuple[int, m.PartOfDay]]) -> str:
    return "; ".join(f"{DAY_NAMES[d]} {PART_NAMES[p]}" for d, p in sort_slots(slots))
