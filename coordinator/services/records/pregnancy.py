"""Weeks pregnant and baby's age, derived from the due date or the baby's date of birth."""

from __future__ import annotations

from datetime import date, timedelta

from coordinator.services.records.labels import counted

#: A full-term pregnancy: 40 weeks from the first day of the last period.
FULL_TERM_DAYS = 280
#: Past this many weeks with no birth date recorded, the weeks count means nothing.
LATEST_PLAUSIBLE_WEEKS = 42


def format_date(day: date) -> str:
    """'3 Mar 2027'."""
    return f"{day.day} {day:%b %Y}"


def weeks_pregnant(edd: date, today: date) -> int:
    """Completed weeks of pregnancy on `today`, counted back from the due date."""
    return (FULL_TERM_DAYS - (edd - today).days) // 7


def estimated_edd(referral_on: date | None, weeks_at_referral: int | None) -> date | None:
    """A due date worked out from the weeks pregnant recorded at referral."""
    if referral_on is None or weeks_at_referral is None:
        return None
    return referral_on + timedelta(days=FULL_TERM_DAYS - 7 * weeks_at_referral)


def whole_months(born: date, today: date) -> int:
    months = (today.year - born.year) * 12 + today.month - born.month
    return months - (today.day < born.day)


def baby_age_text(born: date, today: date) -> str:
    """'5 days', '3 weeks', '5 months', '2 years' or '2 years 3 months'."""
    days = (today - born).days
    if days < 14:
        return counted(days, "day")
    if days < 56:
        return counted(days // 7, "week")
    months = whole_months(born, today)
    if months < 24:
        return counted(months, "month")
    years, months = divmod(months, 12)
    return counted(years, "year") + (f" {counted(months, 'month')}" if months else "")


def pregnancy_text(
    edd: date | None, baby_dob: date | None, today: date, *, approximate: bool = False
) -> str:
    """What the lists and forms show: 'due 3 Mar 2027 (24 weeks)', 'baby 5 months' or ''."""
    if baby_dob is not None:
        if baby_dob > today:
            return ""
        return "baby born today" if baby_dob == today else f"baby {baby_age_text(baby_dob, today)}"
    if edd is None:
        return ""
    about = "about " if approximate else ""
    due = f"due {about}{format_date(edd)}"
    weeks = weeks_pregnant(edd, today)
    if weeks < 0:
        return due
    if weeks > LATEST_PLAUSIBLE_WEEKS:
        return f"{due} (birth not recorded)"
    return f"{due} ({about}{counted(weeks, 'week')})"
