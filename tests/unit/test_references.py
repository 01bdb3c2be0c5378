"""People's references: numbered in id order for records already there, the next number for
each new one whichever way it is saved, never reused, searchable, exported and recognised
when a file is imported again."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from sqlalchemy import delete, select, text

from coordinator import models as m
from coordinator.services import search
from coordinator.services.exporting import export
from coordinator.services.importing import import_file
from coordinator.services.references import find_by_reference, parse_reference
from coordinator.storage.vault import open_vault
from tests.people import add_mother, add_volunteer
from tests.unit.test_import_helpers import write_csv

FIXTURES = Path(__file__).parent.parent / "fixtures"
TODAY = date(2026, 12, 2)


def test_an_upgraded_database_numbers_its_people_in_id_order_and_can_search_them(tmp_path):
    path = tmp_path / "old.db"
    shutil.copyfile(FIXTURES / "schema-0003.db", path)
    passphrase = (FIXTURES / "PASSPHRASE.txt").read_text(encoding="utf-8").strip()
    with open_vault(path, passphrase) as vault, vault.session() as s:
        for model, prefix in ((m.Mother, "M"), (m.Volunteer, "V")):
            rows = s.execute(select(model.id, model.reference).order_by(model.id)).all()
            assert [ref for _, ref in rows] == [f"{prefix}{n:04d}" for n in range(1, len(rows) + 1)]
        counters = dict(
            s.execute(select(m.ReferenceCounter.kind, m.ReferenceCounter.last_number)).all()
        )
        assert counters == {
            "mother": s.scalar(select(text("count(*)")).select_from(m.Mother)),
            "volunteer": s.scalar(select(text("count(*)")).select_from(m.Volunteer)),
        }
        third = s.scalar(select(m.Mother.id).where(m.Mother.reference == "M0003"))
        assert search.ids(s, "mother", "M0003") == [third]
        assert search.ids(s, "mother", "m000") != [] and search.inconsistent_indexes(s) == []


def test_new_people_get_the_next_reference_and_a_deleted_ones_is_not_given_again(vault):
    first = add_mother(vault, TODAY, "Ann One")
    second = add_mother(vault, TODAY, "Bea Two")
    helper = add_volunteer(vault, TODAY, "Val One")
    with vault.transaction() as s:
        assert s.get(m.Mother, first).reference == "M0001"
        assert s.get(m.Volunteer, helper).reference == "V0001"
        s.execute(delete(m.Mother).where(m.Mother.id == second))
    third = add_mother(vault, TODAY, "Cat Three")
    with vault.session() as s:
        assert s.get(m.Mother, third).reference == "M0003"
        assert search.ids(s, "mother", "M0003") == [third]


def test_references_are_found_however_they_are_typed(vault):
    mother = add_mother(vault, TODAY, "Ann One")
    volunteer = add_volunteer(vault, TODAY, "Val One")
    for typed in ("M0001", "m1", " M-001 ", "m 0001"):
        assert find_by_reference(vault, typed) == ("mother", mother)
    assert find_by_reference(vault, "V1") == ("volunteer", volunteer)
    for nothing in ("M0002", "X0001", "", "M", "1", "Ann"):
        assert find_by_reference(vault, nothing) is None
    assert parse_reference("v0007") == ("volunteer", 7)


def test_export_then_import_keeps_references_and_a_second_import_recognises_them(vault, tmp_path):
    add_mother(vault, TODAY, "Ann One", date_of_birth=date(1990, 1, 1))
    add_mother(vault, TODAY, "Bea Two", date_of_birth=date(1991, 1, 1))
    out = export(vault, "mothers", tmp_path / "mothers.csv").path
    head = out.read_text(encoding="utf-8-sig").splitlines()
    assert head[0].startswith("Reference,") and head[1].startswith("M0001,Ann One")

    # The same file again: both rows are the records already there.
    again = import_file(vault, "mothers", out, today=TODAY)
    assert again.imported == 0 and len(again.duplicates) == 2

    # A renamed row still carrying a reference in use is that record, not a new one.
    renamed = write_csv(
        tmp_path / "renamed.csv",
        [["Reference", "Name", "Referral date"], ["m2", "Beatrice Two", "01/11/2026"],
         ["", "Cara Three", "01/11/2026"], ["M0099", "Dot Four", "01/11/2026"]],
    )  # fmt: skip
    report = import_file(vault, "mothers", renamed, today=TODAY)
    assert report.duplicates == [2] and report.imported == 2
    with vault.session() as s:
        refs = dict(s.execute(select(m.Mother.full_name, m.Mother.reference)).all())
    # A row bringing an unused reference keeps it, and numbering goes on after it.
    assert refs == {
        "Ann One": "M0001",
        "Bea Two": "M0002",
        "Cara Three": "M0100",
        "Dot Four": "M0099",
    }
    eve = add_mother(vault, TODAY, "Eve Five")
    assert find_by_reference(vault, "M0101") == ("mother", eve)
