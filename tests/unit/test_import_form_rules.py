"""One write path for people: every row the importer saves, loaded back into its form,
passes the form's validation, and cleaning it again changes nothing (so the first save in
the form after an import is not a silent edit)."""

from __future__ import annotations

import itertools
from dataclasses import fields
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coordinator.services.importing import import_file
from coordinator.services.records.mother_rules import clean_mother
from coordinator.services.records.mothers import load_mother
from coordinator.services.records.volunteer_rules import clean_volunteer
from coordinator.services.records.volunteers import load_volunteer
from tests.unit.test_import_helpers import TODAY, write_csv

NUMBERS = itertools.count()
#: Free text as people type it: spaces around, accents, quotes, commas, line breaks.
free_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\x00")
    | st.sampled_from([" ", "\n", ",", ";", '"', "'"]),
    max_size=40,
)
MOTHER_COLUMNS = {
    "DOB": ["03/04/1995", "1990-12-31", "", "3 Apr 2001"],
    "Due date": ["31/05/2026", "1 Jun 2026", "", "2026/09/12", "46174"],
    "Referral date": ["02/02/2026", "2 Feb 26", "2023/09/12", "01/03/2026"],
    "Post code": ["le1 6th", " B15 2TT", ""],
    "Tel": ["07700 900123", "+44 7700 900124", "01164960123", ""],
    "Email": ["a@example.org", " b@example.org ", ""],
    "Needs": ["First baby", "first baby; social isolation", "Jet lag", ""],
    "Main language": ["Polish", "Igbo", "BSL", "", "urdu"],
    "Other languages": ["Farsi; Twi", "", "English"],
    "Status": ["Waiting for match", "received", "Closed", "Assessed", ""],
    "Closure reason": ["", "completed", "moved away"],
    "Referral source": ["GP", "Perinatal MH team", "", "self"],
    "Availability": ["Tue & Thu evenings", "weekday mornings", "", "Wed a.m."],
    "Weeks pregnant": ["", "12", "40"],
    "Other children": ["", "0", "3"],
    "Interpreter": ["yes", "no", ""],
}
VOLUNTEER_COLUMNS = {
    "DOB": ["03/04/1975", "", "1960-01-31"],
    "Email": ["v@example.org", ""],
    "Status": ["Active", "in training", "", "paused"],
    "Languages": ["Polish; Urdu", "Twi", ""],
    "Availability": ["Mon-Fri pm", "weekends all day", ""],
    "Max matches": ["", "1", "3"],
    "Travel radius": ["", "5", "12.5"],
    "DBS type": ["", "Enhanced DBS", "enhanced with barred list"],
    "DBS date": ["", "01/02/2025"],
    "DBS due": ["", "01/02/2028"],
}


def spreadsheet(columns: dict[str, list[str]]):
    return st.lists(
        st.tuples(free_text, free_text, *(st.sampled_from(v) for v in columns.values())),
        min_size=1,
        max_size=12,
    )


def empty(value):
    """A form's blank and a clean blank are the same thing ("" / None / 0 / False)."""
    return None if value in ("", None, 0, False, set(), []) else value


def assert_unchanged(form, clean) -> None:
    names = {f.name for f in fields(form)}
    for name, value in clean.columns.items():
        if name in names:
            loaded = getattr(form, name)
            if isinstance(loaded, str):
                loaded = loaded or None
            assert empty(loaded) == empty(value), name


SETTINGS = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@SETTINGS
@given(rows=spreadsheet(MOTHER_COLUMNS))
def test_every_imported_mother_passes_the_forms_rules_unchanged(vault, tmp_path, rows):
    header = ["Mum's name", "Notes", *MOTHER_COLUMNS]
    cells = [[f"{name} Person{next(NUMBERS)}", notes, *rest] for name, notes, *rest in rows]
    path = write_csv(tmp_path / "mothers.csv", [header, *cells])
    report = import_file(vault, "mothers", path, add_new_terms=True, today=TODAY)
    assert report.imported + len(report.rejected) == len(rows)
    for mother_id in report.ids:
        form = load_mother(vault, mother_id)
        clean, errors = clean_mother(form, TODAY)
        assert errors == {}, (form.full_name, errors)
        assert_unchanged(form, clean)
        assert form.notes == (form.notes.strip())


@SETTINGS
@given(rows=spreadsheet(VOLUNTEER_COLUMNS))
def test_every_imported_volunteer_passes_the_forms_rules_unchanged(vault, tmp_path, rows):
    header = ["Volunteer", "Notes", *VOLUNTEER_COLUMNS]
    cells = [[f"{name} Person{next(NUMBERS)}", notes, *rest] for name, notes, *rest in rows]
    path = write_csv(tmp_path / "volunteers.csv", [header, *cells])
    report = import_file(vault, "volunteers", path, add_new_terms=True, today=TODAY)
    assert report.imported + len(report.rejected) == len(rows)
    for volunteer_id in report.ids:
        form = load_volunteer(vault, volunteer_id)
        clean, errors = clean_volunteer(form, TODAY)
        assert errors == {}, (form.full_name, errors)
        assert_unchanged(form, clean)


def test_a_row_the_form_would_refuse_is_rejected_naming_the_column(vault, tmp_path):
    path = write_csv(tmp_path / "closed.csv", [
        ["Mum's name", "Status"],
        ["Amy Ashworth", "Closed"],
    ])  # fmt: skip
    report = import_file(vault, "mothers", path, today=TODAY)
    assert [str(r) for r in report.rejected] == [
        "Row 2: 'Status' — A reason for closing is needed: add a 'Closure reason' column."
    ]


def test_an_old_records_due_date_is_kept_though_the_form_checks_against_today(vault, tmp_path):
    path = write_csv(tmp_path / "old.csv", [
        ["Mum's name", "Due date", "Referral date"],
        ["Amy Ashworth", "01/06/2022", "01/02/2022"],
    ])  # fmt: skip
    report = import_file(vault, "mothers", path, today=TODAY)
    assert report.rejected == []
    assert load_mother(vault, report.ids[0]).edd == date(2022, 6, 1)
