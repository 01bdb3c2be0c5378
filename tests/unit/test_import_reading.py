"""How cells are read: Excel day numbers saved as text, year-first dates, availability as
people write it, headers merged over several columns, totals under the records, notes and
very long cells."""

from __future__ import annotations

import json
from datetime import date

from coordinator import models as m
from coordinator.services.importing import import_file, preview
from coordinator.services.importing.availability import to_slots
from coordinator.services.records.mothers import load_mother
from coordinator.services.records.volunteers import load_volunteer
from coordinator.services.vocabularies import labels
from tests.unit.test_import_helpers import TODAY, write_csv, write_xlsx

MORNING, AFTERNOON, EVENING = m.PartOfDay.MORNING, m.PartOfDay.AFTERNOON, m.PartOfDay.EVENING


def run(vault, path, kind="mothers", **kw):
    return import_file(vault, kind, path, today=TODAY, **kw)


def test_a_column_of_excel_day_numbers_as_text_is_read_as_dates_and_said(vault, tmp_path):
    path = write_csv(tmp_path / "general.csv", [
        ["Name", "Due date", "Referral date", "Other children"],
        ["Amy Ashworth", "46174", "46037", "1"],  # 1 Jun 2026, 15 Jan 2026
        ["Bea Brown", "46204", "46050", "2"],
    ])  # fmt: skip
    report = run(vault, path)
    assert report.rejected == []
    amy = load_mother(vault, report.ids[0])
    assert (amy.edd, amy.referral_received_on) == (date(2026, 6, 1), date(2026, 1, 15))
    assert amy.other_children == 1  # a number column is not taken for dates
    assert (
        "'Due date' holds Excel day numbers (such as 46174): they were read as dates "
        "(46174 is 01/06/2026)." in report.notes
    )


def test_numbers_out_of_range_or_mixed_with_dates_are_not_taken_for_day_numbers(vault, tmp_path):
    path = write_csv(tmp_path / "mixed.csv", [
        ["Name", "Referral date"],
        ["Amy Ashworth", "46037"],
        ["Bea Brown", "03/02/2026"],
        ["Cat Cole", "123"],
    ])  # fmt: skip
    report = run(vault, path)
    assert [r.row for r in report.rejected] == [2, 4]
    assert not any("day numbers" in n for n in report.notes)


def test_year_first_dates_with_slashes_are_read(vault, tmp_path):
    path = write_csv(tmp_path / "iso.csv", [["Name", "DOB", "Referral date"],
                                            ["Amy Ashworth", "1995/04/03", "2023/09/12"]])  # fmt: skip
    report = run(vault, path)
    amy = load_mother(vault, report.ids[0])
    assert (amy.date_of_birth, amy.referral_received_on) == (date(1995, 4, 3), date(2023, 9, 12))


def test_availability_is_read_as_people_write_it():
    weekdays = [(d, MORNING) for d in range(5)]
    assert to_slots("Tue & Thu evenings") == [(1, EVENING), (3, EVENING)]
    assert to_slots("Wed a.m.") == [(2, MORNING)]
    assert to_slots("weekday mornings") == weekdays
    assert to_slots("Mon-Fri mornings") == weekdays
    assert to_slots("Mon, Wed evening; Sat pm") == [(0, EVENING), (2, EVENING), (5, AFTERNOON)]
    assert to_slots("Thursdays") == [(3, MORNING), (3, AFTERNOON), (3, EVENING)]
    assert to_slots("Mon morning; Wed evening") == [(0, MORNING), (2, EVENING)]


def test_availability_in_a_volunteers_file_and_a_word_that_is_not_a_time(vault, tmp_path):
    path = write_csv(tmp_path / "vols.csv", [
        ["Volunteer", "Availability"],
        ["Val Vine", "Tue & Thu evenings, Wed a.m."],
        ["Wyn Wood", "whenever"],
    ])  # fmt: skip
    report = run(vault, path, "volunteers")
    val = load_volunteer(vault, report.ids[0])
    assert val.availability == {(1, EVENING), (3, EVENING), (2, MORNING)}
    assert [r.row for r in report.rejected] == [3]
    assert "'whenever' is not a time of the week" in report.rejected[0].reason


def test_a_heading_merged_over_two_columns_keeps_both(vault, tmp_path):
    path = write_xlsx(tmp_path / "merged.xlsx", [
        ["Name", "Languages spoken", None, "Tel"],
        ["Amy Ashworth", "Polish", "Urdu; Farsi", "07700 900123"],
    ], merged=("B1:C1",))  # fmt: skip
    shown = preview(path, "mothers")
    assert [(c.name, c.field) for c in shown.columns] == [
        ("Name", "full_name"),
        ("Languages spoken (1)", "language_id"),
        ("Languages spoken (2)", "other_languages"),
        ("Tel", "phone"),
    ]
    report = run(vault, path)
    amy = load_mother(vault, report.ids[0])
    names = labels(vault, "language")
    assert names[amy.language_id] == "Polish"
    assert sorted(names[i] for i in amy.other_language_ids) == ["Farsi", "Urdu"]


def test_a_merged_heading_with_headings_under_it_makes_one_header(vault, tmp_path):
    path = write_xlsx(tmp_path / "grouped.xlsx", [
        ["Volunteer", "Languages spoken", None, "Email"],
        [None, "main", "other", None],
        ["Val Vine", "Polish", "Urdu", "val@example.org"],
    ], merged=("B1:C1", "A1:A2", "D1:D2"))  # fmt: skip
    report = run(vault, path, "volunteers")
    assert report.header_row == 2
    assert report.mapping == {
        "Volunteer": "full_name",
        "Languages spoken (main)": "languages",
        "Languages spoken (other)": "languages",
        "Email": "email",
    }
    val = load_volunteer(vault, report.ids[0])
    names = labels(vault, "language")
    assert sorted(names[i] for i in val.language_ids) == ["Polish", "Urdu"]


def test_rows_of_totals_are_skipped_with_a_note(vault, tmp_path):
    path = write_csv(tmp_path / "totals.csv", [
        ["Volunteer", "Email"],
        ["Val Vine", "val@example.org"],
        ["Wyn Wood", "wyn@example.org"],
        [],
        ["TOTAL", "2"],
        ["Total volunteers: 12"],
    ])  # fmt: skip
    report = run(vault, path, "volunteers")
    assert report.imported == 2 and report.rejected == []
    assert "Row 5 ('TOTAL') is a total, not a record: it was not imported." in report.notes
    assert "Row 6 ('Total volunteers: 12') is a total, not a record: it was not imported." in (
        report.notes
    )


def test_a_notes_column_and_a_very_long_cell_are_imported(vault, tmp_path):
    long_note = "Met at the children's centre. " * 5000  # about 150 KiB
    path = write_csv(tmp_path / "notes.csv", [["Mum's name", "Notes"],
                                              ["Amy Ashworth", long_note.strip()]])  # fmt: skip
    report = run(vault, path)
    assert report.rejected == []
    assert load_mother(vault, report.ids[0]).notes == long_note.strip()


def test_json_lists_duplicate_rows_and_every_note(cli, fresh_db, tmp_path):
    path = write_csv(tmp_path / "dupes.csv", [
        ["Volunteer", "Email", "Status"],
        ["Val Vine", "val@example.org", "Active"],
        ["Val Vine", "val@example.org", "Active"],
        ["Total", ""],
    ])  # fmt: skip
    done = cli("import", "volunteers", str(path), "--db", str(fresh_db), "--json")
    result = json.loads(done.stdout)
    assert result["duplicate_rows"] == [3]
    assert result["notes"] == [
        "There is no status date column: each volunteer's status date is the date of the import.",
        "Row 4 ('Total') is a total, not a record: it was not imported.",
    ]


def test_a_csv_heading_over_a_blank_one_with_headings_under_it_keeps_both(vault, tmp_path):
    path = write_csv(tmp_path / "grouped.csv", [
        ["Mum's name", "Languages spoken", "", "Due date"],
        ["", "main", "other", ""],
        ["Amy Ashworth", "Irish", "BSL", "46174"],
        ["Bea Brown", "Polish", "", "46175"],
    ])  # fmt: skip
    report = run(vault, path)
    assert report.header_row == 2 and report.rejected == []
    assert report.mapping["Languages spoken (main)"] == "language_id"
    assert report.mapping["Languages spoken (other)"] == "other_languages"
    amy = load_mother(vault, report.ids[0])
    names = labels(vault, "language")
    assert names[amy.language_id] == "Irish"
    assert [names[i] for i in amy.other_language_ids] == ["British Sign Language"]


def test_a_day_number_among_written_dates_says_what_it_looks_like(vault, tmp_path):
    path = write_csv(tmp_path / "mixed.csv", [["Name", "Due date"], ["Amy Ashworth", "46174"],
                                              ["Bea Brown", "01/07/2026"]])  # fmt: skip
    report = run(vault, path)
    assert [r.row for r in report.rejected] == [2]
    assert "looks like an Excel day number" in report.rejected[0].reason
