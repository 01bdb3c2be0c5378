"""Field checks: the clean value, or a message that says what is wrong and what to do."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coordinator.services import validation as v

TODAY = date(2026, 11, 26)


@pytest.mark.parametrize(
    ("typed", "clean"),
    [("le16th", "LE1 6TH"), ("  sw1a 1aa ", "SW1A 1AA"), ("B152TT", "B15 2TT"), ("", None)],
)
def test_postcodes_in_any_case_and_spacing(typed, clean):
    assert v.check_postcode(typed) == clean


@pytest.mark.parametrize("typed", ["LE1", "12345", "QQ1 1AA", "LE1 6THX", "LE1-6TH!"])
def test_not_a_postcode_says_what_one_looks_like(typed):
    with pytest.raises(v.Invalid, match="LE1 6TH"):
        v.check_postcode(typed)


@pytest.mark.parametrize(
    ("typed", "clean"),
    [
        ("+44 116 496 0123", "0116 496 0123"),
        ("01164960123", "0116 496 0123"),
        ("07700 900123", "07700 900123"),
        ("07911123456", "07911 123456"),
    ],
)
def test_uk_phone_numbers_with_spaces_or_plus_44(typed, clean):
    assert v.check_phone(typed) == clean


@pytest.mark.parametrize("typed", ["01234", "phone me", "0116 496 01234567"])
def test_bad_phone_numbers_are_refused(typed):
    with pytest.raises(v.Invalid):
        v.check_phone(typed)


@pytest.mark.parametrize(
    ("typed", "clean"),
    [("01534 123456", "01534 123456"), ("+353 1 234 5678", "+353 1 234 5678")],
)
def test_channel_islands_and_numbers_abroad_are_kept(typed, clean):
    assert v.check_phone(typed) == clean


@given(st.from_regex(r"(\+44 ?|0)[1-9][0-9 ]{8,12}", fullmatch=True))
def test_a_checked_number_checks_again_to_itself_and_a_refused_one_stays_refused(typed):
    """The form re-checks what the import read: same answer, from the remembered numbers
    or not, and a refused number is refused every time."""
    try:
        clean = v.check_phone(typed)
    except v.Invalid as first:
        with pytest.raises(v.Invalid) as again:
            v.check_phone(typed)
        assert str(again.value) == str(first)
    else:
        assert v.check_phone(clean) == clean == v.check_phone(typed)
        assert v._clean_phone(clean) == clean  # not only because it was remembered


def test_email():
    assert v.check_email(" ana@example.org ") == "ana@example.org"
    with pytest.raises(v.Invalid, match="name@example.org"):
        v.check_email("ana at example")


@pytest.mark.parametrize(
    ("typed", "clean"),
    [
        ("31/01/2026", date(2026, 1, 31)),
        ("31-1-26", date(2026, 1, 31)),
        ("31 Jan 2026", date(2026, 1, 31)),
        ("1st March 2025", date(2025, 3, 1)),
        ("2026-01-31", date(2026, 1, 31)),
        ("5.6.2026", date(2026, 6, 5)),
        (datetime(2026, 1, 31, 9, 30), date(2026, 1, 31)),
        (46053, date(2026, 1, 31)),  # an Excel serial day number
        ("", None),
    ],
)
def test_uk_dates_as_people_write_them(typed, clean):
    assert v.parse_date(typed) == clean


@pytest.mark.parametrize("typed", ["31/02/2026", "next week", "13 Foo 2026", "2026/31/01"])
def test_impossible_dates_are_refused(typed):
    with pytest.raises(v.Invalid):
        v.parse_date(typed)


def test_edd_window_is_two_years_back_to_ten_months_ahead():
    assert v.check_edd(date(2027, 9, 1), TODAY) == date(2027, 9, 1)
    with pytest.raises(v.Invalid, match="10 months"):
        v.check_edd(date(2027, 11, 1), TODAY)
    with pytest.raises(v.Invalid, match="2 years"):
        v.check_edd(date(2024, 11, 1), TODAY)


def test_no_baby_born_in_the_future_and_dbs_due_after_issue():
    with pytest.raises(v.Invalid, match="future"):
        v.check_not_future(date(2026, 12, 1), TODAY, "A baby's date of birth")
    with pytest.raises(v.Invalid):
        v.check_after(date(2025, 1, 1), date(2025, 1, 1), "The next check must be after issue.")
    assert v.check_after(date(2028, 1, 1), date(2025, 1, 1), "x") == date(2028, 1, 1)


def test_age_from_date_of_birth():
    assert v.check_birth_date(date(2006, 1, 1), TODAY, min_age=12, max_age=60)
    with pytest.raises(v.Invalid, match="That makes her 6"):
        v.check_birth_date(date(2020, 1, 1), TODAY, min_age=12, max_age=60)


@given(st.text(max_size=30))
def test_parsing_any_text_either_gives_a_date_or_a_plain_message(text):
    try:
        result = v.parse_date(text)
    except v.Invalid as err:
        assert str(err)
    else:
        if result is None:
            assert not text.strip()  # only blank text means "no date"
        else:
            assert v.parse_date(f"{result:%d/%m/%Y}") == result  # a real day, read back
