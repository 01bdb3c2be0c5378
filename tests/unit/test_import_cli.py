"""`coordinator import` and `coordinator export` on the command line (a few real subprocesses;
the mapping-file reader is tested in-process)."""

from __future__ import annotations

import csv
import json

import pytest

from coordinator.cli.common import UsageError
from coordinator.cli.records import read_mapping
from coordinator.services.importing import import_file
from coordinator.storage.vault import open_vault
from tests.conftest import PASSPHRASE
from tests.unit.test_import_helpers import TODAY, write_csv

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2


def test_import_prints_the_json_report_and_exits_1_when_rows_are_rejected(cli, fresh_db, tmp_path):
    path = write_csv(tmp_path / "mums.csv", [
        ["Mum's name", "Referral date", "Tel", "Shoe size"],
        ["Amy Ashworth", "02/02/2025", "07700 900123", "5"],
        ["Bea Brown", "31/02/2025", "07700 900124", ""],
        ["Cat Cole", "03/02/2025", "", ""],
    ])  # fmt: skip
    done = cli("import", "mothers", str(path), "--db", str(fresh_db), "--json")
    assert done.returncode == EXIT_REJECTED, done.stderr
    assert json.loads(done.stdout) == {
        "imported": 2,
        "duplicates": 0,
        "rejected": [
            {
                "row": 3,
                "reason": "'Referral date' — That day does not exist: check the day and month.",
            }
        ],
        "unmapped": ["Shoe size"],
        "duplicate_rows": [],
        "added": {},
        "notes": [],
        "mapping": {
            "Mum's name": "full_name",
            "Referral date": "referral_received_on",
            "Tel": "phone",
        },
        "dry_run": False,
    }

    again = cli("import", "mothers", str(path), "--db", str(fresh_db), "--dry-run")
    assert again.returncode == EXIT_REJECTED, again.stderr
    assert again.stdout.splitlines()[:3] == [
        "Dry run: nothing was saved.",
        "Would import 0 mothers.",
        "2 already there (not added again): rows 2, 4",
    ]
    assert "  Row 3: 'Referral date' — That day does not exist" in again.stdout


def test_import_with_a_mapping_file_exits_0_and_bad_calls_exit_2(cli, fresh_db, tmp_path):
    path = write_csv(tmp_path / "vols.csv", [["Who", "Mail"], ["Dee Dale", "dee@example.org"]])
    mapping = write_csv(tmp_path / "map.csv", [["column", "field"], ["Who", "full_name"],
                                               ["Mail", "email"]])  # fmt: skip
    done = cli("import", "volunteers", str(path), "--mapping", str(mapping), "--db", str(fresh_db))
    assert done.returncode == EXIT_OK, done.stderr
    assert done.stdout.splitlines() == ["Imported 1 volunteer."]

    missing = cli("import", "services", str(tmp_path / "nope.csv"), "--db", str(fresh_db), "--json")
    assert missing.returncode == EXIT_USAGE
    assert json.loads(missing.stdout)["error"].startswith("There is no file")

    unknown = cli("import", "people", str(path), "--db", str(fresh_db))
    assert unknown.returncode == EXIT_USAGE
    assert "invalid choice: 'people'" in unknown.stderr

    # The same columns again: her mapping is remembered (and the row is already there).
    again = cli("import", "volunteers", str(path), "--db", str(fresh_db))
    assert again.returncode == EXIT_OK, again.stderr
    assert "Note: The columns are matched as you chose last time" in again.stdout

    other = write_csv(tmp_path / "other.csv", [["Who", "Mail", "Tel"], ["Eve Ede", "", ""]])
    unreadable = cli("import", "volunteers", str(other), "--db", str(fresh_db))
    assert unreadable.returncode == EXIT_USAGE  # no column gives the name, without a mapping
    assert "No column gives the full name" in unreadable.stderr


def test_export_warns_every_time_that_the_file_is_not_encrypted(cli, fresh_db, tmp_path):
    source = write_csv(
        tmp_path / "s.csv", [["Service", "Post code"], ["=cmd|' /C calc'!A0", "LE1 1AA"]]
    )
    with open_vault(fresh_db, PASSPHRASE) as vault:
        assert import_file(vault, "services", source, today=TODAY).imported == 1
    out = tmp_path / "services.csv"
    done = cli("export", "services", "--out", str(out), "--db", str(fresh_db), "--json")
    assert done.returncode == EXIT_OK, done.stderr
    assert "NOT encrypted" in done.stderr and str(out) in done.stderr
    assert json.loads(done.stdout) == {
        "exported": 1,
        "kind": "services",
        "file": str(out),
        "format": "CSV",
        "encrypted": False,
    }
    assert out.stat().st_mode & 0o777 == 0o600
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[1][0] == "'=cmd|' /C calc'!A0"

    refused = cli("export", "services", "--out", str(tmp_path / "s.txt"), "--db", str(fresh_db))
    assert refused.returncode == EXIT_USAGE
    assert ".csv or .xlsx" in refused.stderr


def test_mapping_files_are_json_objects_or_two_column_csv(tmp_path):
    as_json = tmp_path / "map.json"
    as_json.write_text(json.dumps({"Tel": "phone", "Secret": "", "Other": None}))
    assert read_mapping(as_json) == {"Tel": "phone", "Secret": "", "Other": ""}
    as_csv = write_csv(tmp_path / "map.csv", [["Tel", "phone"], ["Secret"], [], ["Mum", "full_name"]],
                       delimiter=";")  # fmt: skip
    assert read_mapping(as_csv) == {"Tel": "phone", "Secret": "", "Mum": "full_name"}
    broken = tmp_path / "broken.json"
    broken.write_text('{"Tel": ')
    with pytest.raises(UsageError, match="not valid JSON"):
        read_mapping(broken)
    wide = write_csv(tmp_path / "wide.csv", [["Tel", "phone", "extra"]])
    with pytest.raises(UsageError, match="more than two cells"):
        read_mapping(wide)
    with pytest.raises(UsageError, match="Cannot read the mapping file"):
        read_mapping(tmp_path / "missing.json")


def test_matches_can_be_exported_but_not_imported(cli, fresh_db, tmp_path):
    out = tmp_path / "matches.xlsx"
    done = cli("export", "matches", "--out", str(out), "--db", str(fresh_db), "--json")
    assert done.returncode == EXIT_OK, done.stderr
    assert json.loads(done.stdout)["kind"] == "matches"
    assert "NOT encrypted" in done.stderr and out.exists()
    refused = cli("import", "matches", str(out), "--db", str(fresh_db))
    assert refused.returncode == EXIT_USAGE
    said = cli("export", "services", "--out", str(tmp_path / "s.csv"), "--db", str(fresh_db))
    assert said.stdout.startswith("Exported 0 local services to ")


def test_the_command_lines_kinds_are_the_importers_and_exporters():
    from coordinator.cli import records as cli_records
    from coordinator.services import exporting
    from coordinator.services.importing import fields

    assert set(cli_records.KINDS) == set(fields.KINDS)
    assert cli_records.EXPORT_KINDS == exporting.EXPORT_KINDS
