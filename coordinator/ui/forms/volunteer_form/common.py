"""What the volunteer form's sections share: tr() in the form's own context, and dates."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QLocale


def long_date(day: date) -> str:
    """'3 Jan 2026'."""
    return QLocale().toString(day, "d MMM yyyy")
