"""Importing spreadsheets of mothers, volunteers and services: real CSV and XLSX files."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

import pytest
from sqlalchemy import select

from coordinator import models as m
from coordinator.services.importing import (
    ImportCancelled,
    ImportFileError,
    field_choices,
    import_file,
    preview,
)
from tests.people import add_project
from tests.unit.test_import_helpers import (
    TODAY,
    add_cached_values,
    count,
    names,
    write_csv,
    write_xlsx,
)

HEADER = ["Mum's name", "DOB", "Due date", "Referral date", "Post code", "Tel", "Needs", "Status"]


def mother(name: str, **cells: str) -> list[str]:
    """A good row under HEADER, with some cells replaced (keys: the header, '_' for spaces)."""
    row = dict(zip(HEADER, [name, "03/04/1995", "31/05/2026", "02/02/2026", "le1 6th",
                            "07700 900123", "First baby", "Waiting for match"], strict=True))  # fmt: skip
    for key, value in cells.items():
        row[key.replace("_", " ")] = value
    return list(row.values())


def run(vault, path, kind="mothers", **kw):
    return import_file(vault, kind, path, today=TODAY, **kw)


def import_csv(vault, tmp_path, rows, kind="mothers", **kw):
    """The rows written to a CSV file and imported as that kind: the report."""
    return run(vault, write_csv(tmp_path / f"{kind}.csv", rows), kind, **kw)


def test_header_row_is_found_under_title_rows(vault, tmp_path):
    report = import_csv(vault, tmp_path, [
        ["Referrals to Bumps and Babies"],
        ["Exported 1 March 2026", "", "confidential"],
        [],
        HEADER,
        mother("Amy Ashworth"),
        mother("Bea Brown", Due_date="31/02/2026"),
    ])  # fmt: skip
    assert report.header_row == 4
    assert report.imported == 1
    assert [r.row for r in report.rejected] == [6]  # as Excel numbers it, title rows counted
    assert names(vault) == ["Amy Ashworth"]


def test_merged_title_and_header_cells_in_a_workbook(vault, tmp_path):
    rows = [
        ["Bumps and Babies: referrals 2026", None, None, None, None],
        ["Name", "Dates", None, "Post code", "Tel"],
        [None, "Due date", "Referral date", None, None],
        ["Cara Carter", datetime(2026, 6, 1), datetime(2026, 2, 3), "LE2 1AA", "07700 900111"],
        ["Dee Dawson", datetime(2026, 7, 1), datetime(2026, 2, 4), "LE2 1AB", "07700 900112"],
    ]
    # A merged title, a merged group heading, and headings merged down over two rows.
    path = write_xlsx(tmp_path / "merged.xlsx", rows, merged=("A1:E1", "B2:C2", "A2:A3", "D2:D3", "E2:E3"))  # fmt: skip
    report = run(vault, path)
    assert report.header_row == 3
    assert report.mapping == {
        "Name": "full_name",
        "Due date": "edd",
        "Referral date": "referral_received_on",
        "Post code": "postcode",
        "Tel": "phone",
    }
    assert report.imported == 2 and report.rejected == []
    with vault.session() as session:
        cara = session.scalars(select(m.Mother).where(m.Mother.full_name == "Cara Carter")).one()
        assert (cara.edd, cara.referral_received_on) == (date(2026, 6, 1), date(2026, 2, 3))


def test_the_sheet_with_the_records_is_chosen_in_a_workbook(vault, tmp_path):
    path = write_xlsx(
        tmp_path / "book.xlsx",
        [HEADER, mother("Eve Evans")],
        sheets={"Read me": [["How to fill in this workbook"], ["Put one mother per row."]]},
    )
    report = run(vault, path)
    assert report.sheet == "Data" and report.imported == 1
    assert "Read the sheet 'Data'." in report.notes


@pytest.mark.parametrize(
    ("kind", "headers", "field"),
    [
        ("mothers", ["Name", "Full name", "Mum's name", "Mother", "Client name", "Mother's name",
                     "  MUM'S  NAME ", "mums-name"], "full_name"),
        ("mothers", ["EDD", "Due date", "Expected due date", "Due", "E.D.D.", "due date (dd/mm/yy)"],
         "edd"),
        ("mothers", ["Referred by", "Referrer", "Referrer name"], "referrer_name"),
        ("mothers", ["Post code", "Postcode", "Post Code", "PC", "POST-CODE"], "postcode"),
        ("mothers", ["Tel", "Phone", "Telephone", "Mobile", "Phone number", "Contact number"],
         "phone"),
        ("mothers", ["DOB", "Date of birth", "D.O.B.", "d.o.b"], "date_of_birth"),
        ("mothers", ["Referral date", "Date referred", "Received"], "referral_received_on"),
        ("mothers", ["Needs", "Needs/vulnerabilities", "Vulnerabilities"], "needs"),
        ("mothers", ["Stage", "Status"], "stage"),
        ("mothers", ["Language", "Main language", "First language"], "language_id"),
        ("mothers", ["Baby DOB", "Baby's date of birth"], "baby_dob"),
        ("volunteers", ["Name", "Volunteer", "Volunteer name"], "full_name"),
        ("volunteers", ["Languages", "Language"], "languages"),
        ("volunteers", ["Lived experience", "Experience"], "experiences"),
        ("volunteers", ["DBS date", "DBS issue date"], "dbs_issue_date"),
        ("services", ["Name", "Service", "Service name", "Organisation"], "name"),
        ("services", ["Category", "Type"], "category_id"),
    ],
)  # fmt: skip
def test_every_header_variant_is_recognised(tmp_path, kind, headers, field):
    path = write_csv(tmp_path / "h.csv", [["Title"], [*headers, "Something else"]])
    shown = preview(path, kind)
    assert shown.header_row == 2
    assert shown.columns[0].field == field
    # A list (needs, languages) takes every column that gives it; a mother's second
    # language column gives her other languages; any other field is given once.
    several = field in ("needs", "languages", "experiences")
    second = {"language_id": "other_languages"}.get(field)
    expected = [field if several else None for _ in headers[1:]]
    if second:
        expected[0] = second
    assert [c.field for c in shown.columns[1:]] == [*expected, None]
    assert [c.name for c in shown.columns[1:]] == [
        *(h.strip() for h in headers[1:]),
        "Something else",
    ]
    assert all("already gives" in c.why_not for c in shown.columns[1:-1] if c.field is None)


@pytest.mark.parametrize("kind", ["mothers", "volunteers", "services"])
def test_every_field_has_its_own_spellings_and_the_export_header_maps_back(kind, tmp_path):
    from coordinator.services.importing.fields import fields_of, norm
    from coordinator.services.importing.header import auto_field

    seen: dict[str, str] = {}
    for field in fields_of(kind):
        for header in field.headers:
            assert seen.setdefault(norm(header), field.name) == field.name, header
        assert auto_field(kind, field.header).name == field.name
    assert [c.name for c in field_choices(kind)] == [f.name for f in fields_of(kind)]


def test_only_the_name_is_needed_for_mothers_as_the_referral_date_defaults_to_the_import():
    needed = {c.name for c in field_choices("mothers") if c.required}
    assert needed == {"full_name"}
    # (With a referral date column, a row without a date is still rejected: see below.)


def test_each_kind_of_bad_row_is_rejected_with_its_row_and_column(vault, tmp_path):
    report = import_csv(vault, tmp_path, [
        HEADER,
        mother("Good Gina"),                                      # row 2
        mother("", Post_code="LE1 1AA"),                          # 3 missing name
        mother("No Date Nia", Referral_date=""),                  # 4 missing referral date
        mother("Bad Date Bo", DOB="31/02/1990"),                  # 5 impossible date
        mother("Far Due Fay", Due_date="01/03/2028"),             # 6 EDD 2 years ahead
        mother("Pc Pat", Post_code="LE1 XYZ 9"),                  # 7 bad postcode
        mother("Tel Tia", Tel="0116 49"),                         # 8 bad phone
        mother("Need Ned", Needs="First baby; Flying lessons"),   # 9 unknown need
        mother("Stage Sue", Status="Pending"),                    # 10 unknown stage
        mother("Good Gail"),                                      # 11
    ])  # fmt: skip
    reasons = {r.row: r.reason for r in report.rejected}
    assert reasons == {
        3: "'Mum's name' — A name is needed.",
        4: "'Referral date' — The referral date is needed.",
        5: "'DOB' — That day does not exist: check the day and month.",
        6: "'Due date' — The due date is more than 10 months ahead: check the year.",
        7: "'Post code' — Not a UK postcode: it should look like LE1 6TH or B15 2TT.",
        8: "'Tel' — Not a valid UK phone number: check the number of digits.",
        9: "'Needs' — 'Flying lessons' is not in your list of needs: choose a term for it or "
        "add it to your list when you import, or correct the spelling.",
        10: "'Status' — 'Pending' is not one Coordinator knows. Use one of: Received, "
        "Contacted, Assessed, Waiting for a match, Matched, Closed.",
    }
    assert str(report.rejected[3]) == (
        "Row 6: 'Due date' — The due date is more than 10 months ahead: check the year."
    )
    # Only the good rows are saved; no bad row was saved with its bad value dropped.
    assert report.imported == 2
    assert names(vault) == ["Good Gina", "Good Gail"]


def test_baby_born_in_the_future_and_bad_email_are_rejected(vault, tmp_path):
    report = import_csv(vault, tmp_path, [
        ["Name", "Referral date", "Baby DOB", "Email", "Closure reason", "Stage"],
        ["Future Baby", "01/02/2026", "02/03/2026", "", "", ""],
        ["Bad Mail", "01/02/2026", "", "bea@example", "", ""],
        ["Open Reason", "01/02/2026", "", "", "Moved away", "Waiting"],
        ["Closed Right", "01/02/2026", "01/01/2026", "cr@example.org", "Moved away", "Closed"],
    ])  # fmt: skip
    assert [str(r) for r in report.rejected] == [
        "Row 2: 'Baby DOB' — The baby's date of birth cannot be in the future.",
        "Row 3: 'Email' — Not an email address: it should look like name@example.org.",
        "Row 4: 'Closure reason' — A closure reason is only for a closed record: set the "
        "stage to Closed, or leave the reason empty.",
    ]
    assert names(vault) == ["Closed Right"]


def test_several_problems_in_one_row_are_all_named(vault, tmp_path):
    (rejected,) = import_csv(
        vault, tmp_path, [HEADER, mother("Two Wrongs", Tel="12", Post_code="X")]
    ).rejected
    assert "'Post code' — Not a UK postcode" in rejected.reason
    assert "'Tel' — Not a valid UK phone number" in rejected.reason


def test_volunteer_and_service_bad_rows_are_rejected(vault, tmp_path):
    report = import_csv(vault, tmp_path, [
        ["Volunteer", "Email", "DBS type", "DBS date", "DBS due", "Languages", "Max matches"],
        ["Val Vine", "val@example.org", "Enhanced", "01/02/2025", "01/02/2028", "Polish, urdu", "2"],
        ["", "nobody@example.org", "", "", "", "", ""],
        ["Wyn Wood", "wyn@", "", "", "", "", ""],
        ["Xan Xu", "", "Enhanced", "01/02/2025", "01/01/2025", "", ""],
        ["Yas Yew", "", "", "01/02/2025", "", "", ""],
        ["Zed Zee", "", "", "", "", "Elvish", "12"],
    ], "volunteers")  # fmt: skip
    assert report.imported == 1
    reasons = {r.row: r.reason for r in report.rejected}
    assert reasons[3] == "'Volunteer' — A name is needed."
    assert reasons[4].startswith("'Email' — Not an email address")
    assert reasons[5] == "'DBS due' — The next DBS check must be due after the issue date."
    assert reasons[6].startswith("'DBS type' — The DBS type (Basic, Standard, Enhanced")
    assert "'Languages' — 'Elvish' is not in your list of languages" in reasons[7]
    assert "'Max matches' — It should be a number from 1 to 10." in reasons[7]
    with vault.session() as session:
        val = session.scalars(select(m.Volunteer)).one()
        assert [lang.label for lang in val.languages] == ["Polish", "Urdu"]
        (check,) = val.dbs_checks
        assert (check.check_type, check.issue_date) == (m.DbsCheckType.ENHANCED, date(2025, 2, 1))
        assert [c.to_status for c in val.status_changes] == [m.VolunteerStatus.APPLICANT]

    report = import_csv(vault, tmp_path, [
        ["Service", "Category", "Post code", "Phone"],
        ["Food for All", "Food bank", "LE1 1AA", "0116 496 0001"],
        ["", "Food bank", "LE1 1AB", ""],
        ["Baby Bank", "Nappies", "", ""],
        ["Housing Help", "Housing", "LE1", ""],
    ], "services")  # fmt: skip
    assert report.imported == 1
    assert [r.row for r in report.rejected] == [3, 4, 5]
    assert "service categories" in report.rejected[1].reason


def test_values_are_read_in_their_usual_spellings(vault, tmp_path):
    path = write_xlsx(tmp_path / "spellings.xlsx", [
        ["Name", "Due date", "Referral date", "Post code", "Tel", "Interpreter", "No voicemail",
         "Multiple birth", "Stage", "Referral source", "Other children", "Availability",
         "Closure reason"],
        ["Ann", "31/05/2026", datetime(2026, 2, 1), "le16th", "+44 7700 900123", "yes", "Y",
         "✓", "Waiting for match", "Health visitor", 2, "Mon morning; Wed eve", ""],
        ["Bel", "31-5-26", "1 Feb 2026", "  b15 2tt ", "07700900124", "no", "n", "x",
         "waiting", "hv", "0", "tuesday afternoons", ""],
        ["Cat", "31 May 2026", 46054, "LE1 6TH", 7700900125, "TRUE", "0", "false",
         "Matched", "Self-referral", None, "", ""],
        ["Dot", "2026-05-31", "01/02/2026 00:00", "LE1 6TH", "0116 496 0123", 1, "", "",
         "closed", "self", "", "", "completed"],
    ])  # fmt: skip
    report = run(vault, path)
    assert report.rejected == [] and report.imported == 4
    with vault.session() as session:
        rows = {x.full_name: x for x in session.scalars(select(m.Mother))}
        slots = {n: [(a.weekday, a.part_of_day) for a in x.availability] for n, x in rows.items()}
    assert {r.edd for r in rows.values()} == {date(2026, 5, 31)}
    assert {r.referral_received_on for r in rows.values()} == {date(2026, 2, 1)}

    def column(attr: str) -> list[object]:
        return [getattr(rows[n], attr) for n in ("Ann", "Bel", "Cat", "Dot")]

    assert column("postcode") == ["LE1 6TH", "B15 2TT", "LE1 6TH", "LE1 6TH"]
    assert column("phone") == ["07700 900123", "07700 900124", "07700 900125", "0116 496 0123"]
    assert column("interpreter_needed") == [True, False, True, True]
    assert column("no_voicemail") == [True, False, False, False]
    assert column("multiple_birth") == [True, True, False, False]
    assert column("stage") == [m.MotherStage.WAITING, m.MotherStage.WAITING,
                               m.MotherStage.MATCHED, m.MotherStage.CLOSED]  # fmt: skip
    assert column("referral_source") == [m.ReferralSource.HEALTH_VISITOR] * 2 + [
        m.ReferralSource.SELF] * 2  # fmt: skip
    assert column("other_children") == [2, 0, 0, 0]
    matched = [note for note in report.notes if "as Matched" in note]
    assert matched == [
        "1 mother(s) were imported as Matched (rows 4): the file does not say with which"
        " volunteer. Record each match on the Matches page."
    ]
    assert set(slots["Ann"]) == {(0, m.PartOfDay.MORNING), (2, m.PartOfDay.EVENING)}
    assert slots["Bel"] == [(1, m.PartOfDay.AFTERNOON)]


def test_multi_valued_cells_match_vocabulary_labels_and_codes(vault, tmp_path):
    project = add_project(vault, "Bumps and Babies")
    report = import_csv(vault, tmp_path, [
        ["Name", "Referral date", "Needs", "Language", "Other languages",
         "Wants someone who shares", "Project"],
        ["Ida", "01/02/2026", "first baby, SOCIAL ISOLATION,domestic_abuse", "polish",
         "Urdu; English", "Young mum", "bumps and babies"],
    ])  # fmt: skip
    assert report.rejected == []
    with vault.session() as session:
        ida = session.scalars(select(m.Mother)).one()
        assert [n.code for n in ida.needs] == ["first_baby", "social_isolation", "domestic_abuse"]
        assert ida.language.code == "pl"
        assert [x.code for x in ida.other_languages] == ["en", "ur"]
        assert [x.code for x in ida.wanted_experiences] == ["young_mum"]
        assert ida.project_id == project
        assert [(c.from_stage, c.to_stage, c.changed_on) for c in ida.stage_changes] == [
            (None, m.MotherStage.RECEIVED, date(2026, 2, 1))]  # fmt: skip


def test_first_and_last_name_columns_make_the_full_name(vault, tmp_path):
    report = import_csv(vault, tmp_path, [
        ["First name", "Surname", "Referral date"],
        ["Siân", "Jones", "01/02/2026"],
        ["", "", "01/02/2026"],
    ])  # fmt: skip
    assert names(vault) == ["Siân Jones"]
    assert [str(r) for r in report.rejected] == ["Row 3: 'First name' — A name is needed."]


def test_stage_and_status_history_start_on_the_dates_given_or_noted(vault, tmp_path):
    report = import_csv(vault, tmp_path, [
        ["Name", "Referral date", "Stage", "Closure reason", "Closure note"],
        ["Una", "01/02/2026", "Closed", "Moved away", "To Leeds"],
    ])  # fmt: skip
    assert "There is no stage date column: each mother's stage date is her referral date." in (
        report.notes
    )
    report = import_csv(vault, tmp_path, [["Name", "Status"], ["Vic", "In training"]], "volunteers")
    assert any("status date is the date of the import" in n for n in report.notes)
    with vault.session() as session:
        una = session.scalars(select(m.Mother)).one()
        assert una.stage_changed_on == date(2026, 2, 1)
        (change,) = una.stage_changes
        assert (change.to_stage, change.reason, change.note) == (
            m.MotherStage.CLOSED, m.ClosureReason.MOVED_AWAY, "To Leeds")  # fmt: skip
        vic = session.scalars(select(m.Volunteer)).one()
        assert (vic.status, vic.status_since) == (m.VolunteerStatus.IN_TRAINING, TODAY)
        assert [(c.to_status, c.changed_on) for c in vic.status_changes] == [
            (m.VolunteerStatus.IN_TRAINING, TODAY)]  # fmt: skip


def test_dbs_details_without_a_date_column_say_which_column_to_add(vault, tmp_path):
    (rejected,) = import_csv(
        vault, tmp_path, [["Name", "DBS number"], ["Wil", "001234"]], "volunteers"
    ).rejected
    assert rejected.reason.startswith(
        "The DBS issue date is needed with the other DBS details: add a 'DBS date' column."
    )
    assert "add a 'DBS type' column." in rejected.reason


def test_without_a_referral_date_column_the_import_date_is_used_and_noted(vault, tmp_path):
    report = import_csv(vault, tmp_path, [["Name", "EDD"], ["Jo", "01/06/2026"]])
    assert report.imported == 1
    assert any("no referral date column" in note for note in report.notes)
    with vault.session() as session:
        assert session.scalars(select(m.Mother.referral_received_on)).one() == TODAY


def test_an_old_record_keeps_a_due_date_that_was_plausible_at_referral(vault, tmp_path):
    report = import_csv(vault, tmp_path, [
        ["Name", "Referral date", "EDD", "Stage", "Closure reason"],
        ["Old Olive", "01/02/2021", "01/06/2021", "Closed", "Support complete"],
        ["Odd Oona", "01/02/2025", "01/06/2021", "", ""],
    ])  # fmt: skip
    assert names(vault) == ["Old Olive"]
    assert [str(r) for r in report.rejected] == [
        "Row 3: 'EDD' — The due date is more than 2 years ago: check the year."
    ]


def test_reimporting_the_same_file_adds_nothing(vault, tmp_path):
    path = write_csv(tmp_path / "m.csv", [
        HEADER,
        mother("Kim Kay"),
        mother("Lou Lee", DOB=""),
        mother("Mo May", DOB="", Due_date=""),
    ])  # fmt: skip
    first = run(vault, path)
    assert first.imported == 3
    again = run(vault, path)
    assert again.imported == 0 and again.duplicates == [2, 3, 4]
    assert again.as_json()["duplicates"] == 3
    assert count(vault, m.Mother) == 3


def test_duplicates_within_one_file_are_reported(vault, tmp_path):
    report = import_csv(vault, tmp_path, [
        HEADER,
        mother("Nell Noon"),
        mother("NELL  NOON", Tel="07700 900999"),            # same name and DOB
        mother("Nell Noon", DOB="", Due_date="31/05/2026"),  # same name and due date
        mother("Nell Noon", DOB="04/04/1996", Due_date="01/06/2026"),  # another Nell
    ])  # fmt: skip
    assert report.imported == 2 and report.duplicates == [3, 4]


def test_volunteer_and_service_duplicates(vault, tmp_path):
    report = import_csv(vault, tmp_path, [
        ["Name", "Email", "Phone", "DOB"],
        ["Pat Penn", "pat@example.org", "", ""],
        ["Pat Penn", "PAT@example.org", "", ""],
        ["Pat Penn", "", "07700 900100", ""],
        ["Pat Penn", "", "+447700900100", ""],
        ["Pat Penn", "", "", ""],
        ["Pat Penn", "", "", ""],
    ], "volunteers")  # fmt: skip
    assert (report.imported, report.duplicates) == (3, [3, 5, 7])
    services = write_csv(tmp_path / "s.csv", [
        ["Name", "Postcode", "Area"],
        ["Baby Bank", "LE1 1AA", ""],
        ["baby bank", "le11aa", ""],
        ["Baby Bank", "", "Luton"],
        ["Baby Bank", "", "luton"],
        ["Baby Bank", "LE2 2BB", ""],
    ])  # fmt: skip
    report = run(vault, services, "services")
    assert (report.imported, report.duplicates) == (3, [3, 5])
    assert run(vault, services, "services").duplicates == [2, 3, 4, 5, 6]


def test_empty_rows_are_skipped_silently(vault, tmp_path):
    report = import_csv(vault, tmp_path, [
        HEADER, [], mother("Ola Oak"), ["", " ", ""], [",,,"[:0]], mother("Pia Pine", Tel="1"),
    ])  # fmt: skip
    assert report.imported == 1 and report.duplicates == []
    assert [r.row for r in report.rejected] == [6]


def test_formula_cells_give_their_cached_values(vault, tmp_path):
    path = write_xlsx(tmp_path / "f.xlsx", [
        ["First", "Last", "Name", "Referral date", "Due date"],
        ["Zoë", "Brontë", '=A2&" "&B2', "01/02/2026", "=DATE(2026,5,31)"],
    ])  # fmt: skip
    add_cached_values(path, {"C2": "Zoë Brontë", "E2": 46173})
    report = run(vault, path, mapping={"First": "", "Last": ""})
    assert report.rejected == [] and report.imported == 1
    with vault.session() as session:
        zoe = session.scalars(select(m.Mother)).one()
        assert (zoe.full_name, zoe.edd) == ("Zoë Brontë", date(2026, 5, 31))


def test_a_formula_whose_result_was_never_saved_is_rejected_not_dropped(vault, tmp_path):
    path = write_xlsx(
        tmp_path / "scripted.xlsx",
        [
            ["Name", "Referral date", "Due date", "Post code"],
            ["Zoe Formula", "01/02/2026", "=DATE(2026,5,31)", "LE1 6TH"],
            ["Yan Plain", "01/02/2026", "31/05/2026", "=B3"],
            ["Xia Fine", "01/02/2026", "31/05/2026", "LE1 6TH"],
        ],
    )  # fmt: skip  (written by a program: no formula has a saved result)
    report = run(vault, path)
    message = "A formula whose result was never saved: open the file in Excel, save it"
    assert [(r.row, r.reason.split(" — ")[0]) for r in report.rejected] == [
        (2, "'Due date'"),
        (3, "'Post code'"),
    ]
    assert all(message in r.reason for r in report.rejected)
    assert names(vault) == ["Xia Fine"]


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [("utf-8-sig", ","), ("utf-8", ";"), ("cp1252", ","), ("cp1252", "\t"), ("utf-16", "\t")],
)
def test_encodings_and_delimiters_of_csv_files(vault, tmp_path, encoding, delimiter):
    second = "Mr Æsop" if encoding == "cp1252" else "Ms Ćwik"
    path = write_csv(tmp_path / "m.csv", [
        ["Name", "Referral date", "Referrer", "Notes, misc"],
        ["Zoë Brontë", "01/02/2026", "Renée O'Neill; midwife", "x"],
        ["Siân Jones", "01/02/2026", second, "y"],
    ], encoding=encoding, delimiter=delimiter)  # fmt: skip
    report = run(vault, path)
    assert report.imported == 2 and report.unmapped == ["Notes, misc"]
    assert names(vault) == ["Zoë Brontë", "Siân Jones"]
    with vault.session() as session:
        assert session.scalars(select(m.Mother.referrer_name)).first() == "Renée O'Neill; midwife"
    assert any("Windows-1252" in n for n in report.notes) == (encoding == "cp1252")


def test_extra_columns_are_listed_as_unmapped(vault, tmp_path):
    report = import_csv(vault, tmp_path, [
        ["Name", "Referral date", "Shoe size", "", "Tel", "Mobile"],
        ["Quinn", "01/02/2026", "5", "a note", "07700 900123", "07700 900124"],
        ["Rae", "01/02/2026", "", "", "", ""],
    ])  # fmt: skip
    assert report.unmapped == ["Shoe size", "Column D", "Mobile"]
    assert report.as_json()["unmapped"] == ["Shoe size", "Column D", "Mobile"]
    assert "'Mobile' is not imported: 'Tel' already gives the phone." in report.notes


def test_ten_thousand_rows_are_imported_in_one_go(vault, tmp_path):
    rows = [HEADER] + [
        mother(f"Mum {i:05d}", DOB=f"{1 + i % 28:02d}/{1 + i % 12:02d}/{1980 + i % 20}")
        for i in range(10_000)
    ]
    rows[5000] = mother("Bad Row", Tel="12")
    report = run(vault, write_csv(tmp_path / "big.csv", rows))
    assert report.imported == 9_999
    assert [r.row for r in report.rejected] == [5001]
    assert count(vault, m.Mother) == 9_999
    assert count(vault, m.MotherStageChange) == 9_999


def test_dry_run_checks_every_row_but_saves_nothing(vault, tmp_path):
    report = import_csv(
        vault, tmp_path, [HEADER, mother("Sal Sum"), mother("", Tel="1")], dry_run=True
    )
    assert report.dry_run and report.imported == 1 and len(report.rejected) == 1
    assert report.lines()[:2] == ["Dry run: nothing was saved.", "Would import 1 mother."]
    assert count(vault, m.Mother) == 0 and count(vault, m.AuditEvent) == 0


def test_a_mapping_overrides_and_ignores_columns(vault, tmp_path):
    path = write_csv(tmp_path / "m.csv", [
        ["Who", "When in", "Tel", "Secret"],
        ["Tia Tam", "01/02/2026", "07700 900123", "not for the database"],
    ])  # fmt: skip
    with pytest.raises(ImportFileError, match="No column gives the full name"):
        run(vault, path)
    mapping = {"who": "full_name", "When in": "Referral date", "Secret": ""}
    report = run(vault, path, mapping=mapping)
    assert report.mapping == {"Who": "full_name", "When in": "referral_received_on", "Tel": "phone"}
    assert report.unmapped == ["Secret"] and report.imported == 1
    # A column the mapping names wins over one recognised by its header.
    both = write_csv(tmp_path / "both.csv", [
        ["Name", "Referral date", "Tel", "Mobile"],
        ["Una Ure", "01/02/2026", "0116 496 0000", "07700 900555"],
    ])  # fmt: skip
    report = run(vault, both, mapping={"Mobile": "phone"})
    assert report.mapping["Mobile"] == "phone" and report.unmapped == ["Tel"]
    with pytest.raises(ImportFileError, match="'Tel' the field 'shoe_size'"):
        run(vault, path, mapping={"Tel": "shoe_size"})


def test_import_writes_one_audit_event_with_counts_only(vault, tmp_path):
    path = write_csv(tmp_path / "m.csv", [HEADER, mother("Uma Urn"), mother("Vi Vale", Tel="1")])
    run(vault, path)
    with vault.session() as session:
        (event,) = session.scalars(select(m.AuditEvent)).all()
    assert (event.action, event.entity_type) == (m.AuditAction.IMPORT, "mother")
    assert event.summary == "1 imported, 0 duplicates, 1 rejected, from a CSV file"
    assert "full_name" in event.field_names and "phone" in event.field_names
    assert "Uma" not in (event.summary + event.fields_changed)

    run(vault, path)  # again: Uma is a duplicate now
    with vault.session() as session:
        again = session.scalars(select(m.AuditEvent).order_by(m.AuditEvent.id)).all()[-1]
    assert again.summary == "0 imported, 1 duplicate, 1 rejected, from a CSV file"


def test_the_rejected_rows_report_can_be_saved(vault, tmp_path):
    report = import_csv(vault, tmp_path, [HEADER, mother("=Wes", Tel="0116 49"), mother("Xia")])
    saved = report.save_rejected(tmp_path / "report.csv")
    assert saved.stat().st_mode & 0o777 == 0o600
    rows = list(csv.reader(io.StringIO(saved.read_text(encoding="utf-8-sig"))))
    assert rows[0] == ["Row", "Reason", *HEADER]
    assert rows[1][:2] == [
        "2", "'Tel' — Not a valid UK phone number: check the number of digits."]  # fmt: skip
    assert rows[1][2] == "'=Wes"  # neutralised, as in an export
    assert rows[1][3:] == mother("=Wes", Tel="0116 49")[1:]
    assert len(rows) == 2


def test_preview_shows_the_header_columns_and_first_rows(tmp_path):
    rows = [["Referrals"], HEADER + ["Shoe size"]] + [mother(f"P{i}") + ["4"] for i in range(30)]
    shown = preview(write_csv(tmp_path / "m.csv", rows), "mothers")
    assert (shown.header_row, shown.total_rows, len(shown.rows)) == (2, 30, 20)
    assert shown.rows[0].row == 3 and shown.rows[0].cells[0] == "P0"
    assert [c.field for c in shown.columns] == [
        "full_name", "date_of_birth", "edd", "referral_received_on", "postcode", "phone",
        "needs", "stage", None]  # fmt: skip
    assert shown.unmapped == ["Shoe size"] and shown.missing_required == []
    remapped = preview(tmp_path / "m.csv", "mothers", {"Shoe size": "support_plan", "Tel": ""})
    assert remapped.columns[-1].field == "support_plan"
    assert remapped.columns[5].field is None and remapped.unmapped == ["Tel"]
    assert remapped.columns[5].why_not == "ignored as the mapping asks"


def test_preview_says_which_required_fields_no_column_gives(tmp_path):
    shown = preview(write_csv(tmp_path / "s.csv", [["Phone", "Email"], ["0116 496 0000", ""]]),
                    "services")  # fmt: skip
    assert shown.missing_required == ["Name"]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("old.xls", b"\xd0\xcf\x11\xe0" + b"\0" * 100, "old Excel"),
        ("broken.xlsx", b"PK\x03\x04 not really a zip", "not a readable Excel file"),
        ("empty.csv", b"", "is empty"),
        ("picture.csv", b"\x89PNG\r\n\x1a\n\0\0\0", "not a CSV"),
    ],
)
def test_unreadable_files_are_refused_in_plain_words(vault, tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ImportFileError, match=message):
        run(vault, path)
    with pytest.raises(ImportFileError, match="There is no file"):
        run(vault, tmp_path / "missing.csv")
    with pytest.raises(ImportFileError, match="Cannot import 'people'"):
        run(vault, path, kind="people")


def test_cancelling_saves_nothing_and_progress_is_reported(vault, tmp_path):
    path = write_csv(tmp_path / "m.csv", [HEADER] + [mother(f"C{i}") for i in range(600)])
    seen: list[tuple[int, int]] = []
    with pytest.raises(ImportCancelled):
        run(vault, path, progress=lambda d, t: seen.append((d, t)), cancelled=lambda: bool(seen))
    assert count(vault, m.Mother) == 0
    seen.clear()
    run(vault, path, progress=lambda d, t: seen.append((d, t)))
    assert seen[0] == (0, 601) and seen[-1] == (601, 601) and (500, 601) in seen


def test_a_referred_by_column_of_kinds_of_referrer_gives_the_referral_source(vault, tmp_path):
    kinds = write_csv(tmp_path / "kinds.csv", [
        ["Mum's name", "Referred by"],
        ["Amy Ashworth", "GP"],
        ["Bea Brown", "hv"],
        ["Cat Cole", ""],
        ["Di Dow", "Self referral"],
    ])  # fmt: skip
    fields = {c.name: c.field for c in preview(kinds, "mothers").columns}
    assert fields["Referred by"] == "referral_source"
    assert run(vault, kinds).imported == 4
    with vault.session() as s:
        got = dict(s.execute(select(m.Mother.full_name, m.Mother.referral_source)).all())
        people = dict(s.execute(select(m.Mother.full_name, m.Mother.referrer_name)).all())
    assert got["Amy Ashworth"] == m.ReferralSource.GP
    assert got["Bea Brown"] == m.ReferralSource.HEALTH_VISITOR
    assert got["Di Dow"] == m.ReferralSource.SELF
    assert set(people.values()) == {None}

    # Names of people stay the referrer, as does a column the mapping names.
    names_file = write_csv(tmp_path / "names.csv", [
        ["Mum's name", "Referred by"], ["Eve Ellis", "Dr Patel"], ["Fay Fox", "GP"],
    ])  # fmt: skip
    assert {c.name: c.field for c in preview(names_file, "mothers").columns}[
        "Referred by"
    ] == "referrer_name"
    mapped = {"Referred by": "referrer_name"}
    assert {c.name: c.field for c in preview(kinds, "mothers", mapping=mapped).columns}[
        "Referred by"
    ] == "referrer_name"


def test_a_dbs_date_without_a_dbs_type_column_is_warned_of_before_importing(vault, tmp_path):
    path = write_csv(tmp_path / "v.csv", [
        ["Name", "Mobile", "DBS date"],
        ["Hannah Jones", "07700 900111", "01/03/2025"],
        ["Ruth Ochieng", "07700 900112", ""],
    ])  # fmt: skip
    shown = preview(path, "volunteers")
    [warning] = [n for n in shown.notes if "DBS type" in n]
    assert warning == (
        "There is no DBS type column: a row with DBS details cannot be imported without it. "
        "Add a 'DBS type' column, or choose Don't import for the other DBS columns."
    )
    report = run(vault, path, kind="volunteers")
    assert (report.imported, [r.row for r in report.rejected]) == (1, [2])
    # With the column, nothing is said.
    typed = write_csv(tmp_path / "t.csv", [
        ["Name", "DBS type", "DBS date"], ["Amy Ash", "Enhanced", "01/03/2025"],
    ])  # fmt: skip
    assert not [n for n in preview(typed, "volunteers").notes if "DBS" in n]
