"""Contacts in and out: the volunteers' spreadsheet of visits read (the match found by
references or names; rows rejected with reasons; duplicates recognised), and every contact
written out; the command line's exit codes."""

from __future__ import annotations

import csv
import json
from datetime import date, datetime

import pytest

from coordinator import models as m
from coordinator.services import contacts
from coordinator.services.contacts_export import export_contacts
from coordinator.services.importing.contacts import import_contacts

NOW = datetime(2026, 3, 2, 18, 0)


@pytest.fixture
def match_id(vault):
    with vault.transaction() as s:
        project = m.Project(name="Bumps", model=m.SupportModel.BEFRIENDING)
        mother = m.Mother(
            full_name="Amira Khan",
            preferred_name="Mira",
            reference="M0042",
            referral_received_on=date(2025, 12, 1),
        )
        volunteer = m.Volunteer(full_name="Sam Taylor", reference="V0007")
        s.add_all([project, mother, volunteer, m.LocalService(name="Oak Food Bank")])
        s.flush()
        match = m.Match(
            mother_id=mother.id,
            volunteer_id=volunteer.id,
            project_id=project.id,
            status=m.MatchStatus.ACTIVE,
            proposed_on=date(2026, 1, 5),
            start_date=date(2026, 1, 12),
        )
        s.add(match)
        s.flush()
        return match.id


def write(path, rows):
    with path.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)
    return path


VISITS = [
    [
        "Date",
        "Time",
        "Mother ref",
        "Volunteer ref",
        "Mother",
        "Volunteer",
        "How",
        "Minutes",
        "Support",
        "Signposted to",
        "Concerns",
    ],
    ["16/02/2026", "10:30", "M0042", "V0007", "", "", "Phone", "20", "listening; info", "", ""],
    [
        "17/02/2026",
        "",
        "",
        "",
        "mira",
        "Sam Taylor",
        "Home visit",
        "60",
        "Signposting",
        "Oak Food Bank",
        "Rent arrears",
    ],
    ["16/02/2026", "10:30", "m42x", "V0007", "", "", "Phone", "", "", "", ""],
    ["18/02/2026", "9", "", "", "Zara Ahmed", "Sam Taylor", "Phone", "", "", "", ""],
    ["05/01/2026", "9", "M0042", "V0007", "", "", "Phone", "", "", "", ""],
    ["19/02/2026", "9", "M0042", "V0007", "", "", "Carrier pigeon", "", "", "", ""],
    ["20/02/2026", "9", "M0042", "V0007", "", "", "Phone", "", "", "Nowhere Hub", ""],
    ["16/02/2026", "10:30", "M0042", "V0007", "", "", "Phone", "20", "", "", ""],
]


def test_a_spreadsheet_of_visits_is_read_with_reasons_for_what_is_not(vault, match_id, tmp_path):
    report = import_contacts(vault, write(tmp_path / "visits.csv", VISITS), now=NOW)
    assert report.imported == 2
    assert report.duplicates == [9]
    reasons = {r.row: r.reason for r in report.rejected}
    assert reasons[4].startswith("No match between m42x and V0007")
    assert reasons[5].startswith("No match between Zara Ahmed and Sam Taylor")
    assert "was not going on on 05/01/2026" in reasons[6]
    assert "'Carrier pigeon' is not a medium" in reasons[7]
    assert "'Nowhere Hub' is not in the services directory" in reasons[8]
    rows = contacts.match_contacts(vault, match_id, NOW.date()).rows
    assert [r.contact_at for r in rows] == [
        datetime(2026, 2, 17, 12),
        datetime(2026, 2, 16, 10, 30),
    ]
    assert rows[0].services == ("Oak Food Bank",) and rows[0].concerns == "Rent arrears"
    assert rows[1].supports == (m.SupportType.ACTIVE_LISTENING, m.SupportType.INFORMATION)
    again = import_contacts(vault, tmp_path / "visits.csv", now=NOW)
    assert again.imported == 0 and len(again.duplicates) == 3


def test_a_dry_run_saves_nothing(vault, match_id, tmp_path):
    report = import_contacts(vault, write(tmp_path / "v.csv", VISITS[:3]), dry_run=True, now=NOW)
    assert report.imported == 2
    assert contacts.match_contacts(vault, match_id, NOW.date()).total == 0


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_exported_contacts_come_back_as_duplicates(vault, match_id, tmp_path, suffix):
    import_contacts(vault, write(tmp_path / "visits.csv", VISITS), now=NOW)
    path, count = export_contacts(vault, tmp_path / f"out{suffix}")
    assert count == 2
    report = import_contacts(vault, path, now=NOW)
    assert report.imported == 0 and len(report.duplicates) == 2 and not report.rejected


def test_the_commands_export_and_import_contacts(cli, fresh_db, tmp_path):
    visits = write(tmp_path / "visits.csv", [VISITS[0], VISITS[3]])
    result = cli("--db", str(fresh_db), "import", "contacts", str(visits), "--json")
    assert result.returncode == 1, result.stderr
    assert json.loads(result.stdout)["rejected"][0]["row"] == 2
    out = tmp_path / "contacts.csv"
    result = cli("--db", str(fresh_db), "export", "contacts", "--out", str(out), "--json")
    assert result.returncode == 0 and json.loads(result.stdout)["exported"] == 0
    assert out.read_text(encoding="utf-8-sig").startswith("Date,Time,Mother ref,Mother,")
