"""Guessing columns from what they hold, and remembering her corrections for the next file
with the same columns."""

from __future__ import annotations

from coordinator import models as m
from coordinator.services.importing import import_file, preview
from coordinator.services.records.mothers import load_mother
from tests.unit.test_import_helpers import TODAY, write_csv


def test_a_referred_by_column_with_a_few_unknown_words_is_still_the_source(vault, tmp_path):
    path = write_csv(tmp_path / "refs.csv", [
        ["Mum's name", "Referred by"],
        ["Amy Ashworth", "Midwife"],
        ["Bea Brown", "GP"],
        ["Cat Cole", "Self"],
        ["Dee Dawson", "Perinatal MH team"],
        ["Eve Evans", "Family nurse"],
    ])  # fmt: skip
    assert [c.field for c in preview(path, "mothers").columns] == ["full_name", "referral_source"]
    report = import_file(
        vault, "mothers", path, values={"Referred by": {"Family nurse": "Other"}}, today=TODAY
    )
    assert report.rejected == []
    sources = [load_mother(vault, i).referral_source for i in report.ids]
    assert sources[3] is m.ReferralSource.PERINATAL_MENTAL_HEALTH


def test_a_column_of_names_stays_the_referrer_and_a_referrer_column_is_the_name(tmp_path):
    names = write_csv(tmp_path / "names.csv", [
        ["Mum's name", "Referred by"],
        ["Amy Ashworth", "Jo Bloggs"],
        ["Bea Brown", "GP"],
        ["Cat Cole", "Dr Rao"],
    ])  # fmt: skip
    assert preview(names, "mothers").columns[1].field == "referrer_name"
    both = write_csv(tmp_path / "both.csv", [
        ["Mum's name", "Referrer", "Referred by"],
        ["Amy Ashworth", "Jo Bloggs", "Midwife"],
        ["Bea Brown", "Dr Rao", "GP"],
    ])  # fmt: skip
    fields = {c.name: c.field for c in preview(both, "mothers").columns}
    assert fields == {
        "Mum's name": "full_name",
        "Referrer": "referrer_name",
        "Referred by": "referral_source",
    }


def test_her_corrected_mapping_is_remembered_for_a_file_with_the_same_columns(vault, tmp_path):
    header = ["Client", "Contact", "Comments"]
    first = write_csv(tmp_path / "january.csv", [header, ["Amy Ashworth", "07700 900123", "x"]])
    guessed = {c.name: c.field for c in preview(first, "mothers", vault=vault).columns}
    assert guessed["Contact"] is None
    chosen = {"Client": "full_name", "Contact": "phone", "Comments": ""}
    import_file(vault, "mothers", first, mapping=chosen, today=TODAY)

    second = write_csv(tmp_path / "february.csv", [header, ["Bea Brown", "07700 900124", "y"]])
    shown = preview(second, "mothers", vault=vault)
    assert {c.name: c.field for c in shown.columns} == {
        "Client": "full_name",
        "Contact": "phone",
        "Comments": None,
    }
    assert any("as you chose last time" in n for n in shown.notes)
    report = import_file(vault, "mothers", second, today=TODAY)
    assert load_mother(vault, report.ids[0]).phone == "07700 900124"
    assert load_mother(vault, report.ids[0]).notes == ""

    # Other columns: guessed afresh, and a dry run remembers nothing.
    other = write_csv(tmp_path / "other.csv", [["Client", "Contact"], ["Cat Cole", "07700 900125"]])
    assert preview(other, "mothers", vault=vault).columns[1].field is None
    import_file(vault, "mothers", other, mapping={"Contact": "phone"}, dry_run=True, today=TODAY)
    assert preview(other, "mothers", vault=vault).columns[1].field is None
