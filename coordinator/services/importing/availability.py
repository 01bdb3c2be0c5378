"""Weekly availability as people write it in a spreadsheet: "Mon morning; Wed evening",
"Tue & Thu evenings", "Wed a.m.", "weekday mornings", "Mon-Fri pm", "weekends all day".

A list item with days but no time of day takes the time of the next item ("Mon, Wed
evening" is Monday and Wednesday evenings), or the whole day when none follows
("Thursdays"); a time of day with no day is every day ("evenings"). A word that is neither
is not read (the row is rejected with an example of what works).
"""

from __future__ import annotations

import re

from coordinator import models as m
from coordinator.services.importing.values import sort_slots, split_list
from coordinator.services.validation import Invalid

Slot = tuple[int, m.PartOfDay]
MORNING, AFTERNOON, EVENING = m.PartOfDay.MORNING, m.PartOfDay.AFTERNOON, m.PartOfDay.EVENING
ALL_PARTS = (MORNING, AFTERNOON, EVENING)

_DAY_WORDS = (
    ("mon", "monday"),
    ("tue", "tues", "tuesday"),
    ("wed", "weds", "wednesday"),
    ("thu", "thur", "thurs", "thursday"),
    ("fri", "friday"),
    ("sat", "saturday"),
    ("sun", "sunday"),
)
DAY_WORDS = {w: i for i, words in enumerate(_DAY_WORDS) for w in words}
#: Words that name several days.
DAY_GROUPS = {
    "weekday": range(5),
    "weekdays": range(5),
    "weekend": (5, 6),
    "weekends": (5, 6),
    "daily": range(7),
    "everyday": range(7),
}
PART_WORDS = {
    "morning": (MORNING,),
    "am": (MORNING,),
    "afternoon": (AFTERNOON,),
    "pm": (AFTERNOON,),
    "evening": (EVENING,),
    "eve": (EVENING,),
    "night": (EVENING,),
    "daytime": (MORNING, AFTERNOON),
    "allday": ALL_PARTS,
}
#: Words that join or qualify without changing the meaning.
FILLERS = frozenset({"and", "or", "&", "+", "/", "only", "any", "all", "the", "on", "in", "s",
                     "every", "each", "day", "days", "time", "times", "free", "available"})  # fmt: skip
RANGE_WORDS = frozenset({"-", "to", "till", "until", "through"})
EXAMPLE = "write them like 'Mon morning; Tue & Thu evenings; weekday mornings'"


def _tokens(item: str) -> list[str]:
    text = item.casefold().replace("a.m.", "am").replace("p.m.", "pm").replace("all day", "allday")
    return re.findall(r"[a-z]+|[&+/\-]", text)


def _singular(word: str) -> str:
    if word in DAY_WORDS or word in DAY_GROUPS or word in PART_WORDS:
        return word
    if word.endswith("s") and word[:-1] in {**DAY_WORDS, **PART_WORDS}:
        return word[:-1]
    return word


def _read_item(item: str) -> tuple[list[int], list[m.PartOfDay]]:
    """The days and times of day one item names (a time alone: every day)."""
    days: list[int] = []
    parts: list[m.PartOfDay] = []
    range_from: int | None = None
    for token in (_singular(t) for t in _tokens(item)):
        if token in DAY_WORDS:
            day = DAY_WORDS[token]
            if range_from is not None:
                days += [d for d in range(range_from + 1, day + 1) if d not in days]
                range_from = None
            elif day not in days:
                days.append(day)
        elif token in DAY_GROUPS:
            days += [d for d in DAY_GROUPS[token] if d not in days]
        elif token in PART_WORDS:
            parts += [p for p in PART_WORDS[token] if p not in parts]
        elif token in RANGE_WORDS and days:
            range_from = days[-1]
        elif token not in FILLERS:
            raise Invalid(f"'{item}' is not a time of the week: {EXAMPLE}.")
    return (days or (list(range(7)) if parts else [])), parts


def to_slots(text: str) -> list[Slot]:
    slots: list[Slot] = []
    waiting: list[int] = []  # days of earlier items that gave no time of day
    for item in split_list(text):
        days, parts = _read_item(item)
        if not parts:
            if not days:
                raise Invalid(f"'{item}' is not a time of the week: {EXAMPLE}.")
            waiting += days
            continue
        days, waiting = waiting + days, []
        slots += [(d, p) for d in days for p in parts if (d, p) not in slots]
    slots += [(d, p) for d in waiting for p in ALL_PARTS if (d, p) not in slots]
    return sort_slots(slots)
