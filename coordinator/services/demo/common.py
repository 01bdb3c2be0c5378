"""Small pieces every part of the demo data uses: compact weights and date arithmetic."""

from __future__ import annotations

import calendar
from datetime import date, datetime, time, timedelta
from typing import Any

DAY = timedelta(days=1)


def weights(kind: Any, spec: str) -> tuple[tuple[Any, int], ...]:
    """'a 3 b 1' -> ((kind('a'), 3), (kind('b'), 1)): compact weighted choices."""
    parts = spec.split()
    return tuple((kind(parts[i]), int(parts[i + 1])) for i in range(0, len(parts), 2))


def with_previous(history: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """[(to, ...), ...] -> [(the step before or None, to, ...), ...]: a history's changes."""
    befores = [None, *(step[0] for step in history)]
    return [(before, *step) for before, step in zip(befores, history, strict=False)]


def add_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def add_months(d: date, months: int) -> date:
    year, month0 = divmod(d.month - 1 + months, 12)
    year += d.year
    return date(year, month0 + 1, min(d.day, calendar.monthrange(year, month0 + 1)[1]))


def at(d: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(d, time(hour, minute))
