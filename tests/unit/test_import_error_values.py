"""Excel error values (#REF!, #DIV/0!, ...) are never imported as data."""

from __future__ import annotations

import pytest

from coordinator.services.importing import import_file
from tests.unit.test_import_helpers import TODAY, names, write_csv, write_xlsx
from tests.unit.test_sheet_parts import CLASSIC_ERRORS

HEADER = ["Name", "Referral date", "Post code"]


@pytest.mark.parametrize("error", CLASSIC_ERRORS)
def test_an_error_in_a_required_field_of_a_workbook_rejects_the_row(vault, tmp_path, error):
    path = write_xlsx(tmp_path / "book.xlsx", [
        HEADER, [error, "01/02/2026", "LE1 6TH"], ["Ann Ash", "01/02/2026", "LE1 6TH"],
    ])  # fmt: skip
    report = import_file(vault, "mothers", path, today=TODAY)
    assert [r.row for r in report.rejected] == [2]
    assert f"The cell shows an Excel error, {error}: fix the formula" in report.rejected[0].reason
    assert names(vault) == ["Ann Ash"]


@pytest.mark.parametrize("error", CLASSIC_ERRORS)
def test_an_error_as_text_in_an_optional_csv_field_rejects_the_row(vault, tmp_path, error):
    path = write_csv(tmp_path / "m.csv", [
        HEADER, ["Bea Birch", "01/02/2026", error], ["Cat Cedar", "01/02/2026", "LE1 6TH"],
    ])  # fmt: skip
    report = import_file(vault, "mothers", path, today=TODAY)
    assert [(r.row, r.reason.split(" — ")[0]) for r in report.rejected] == [(2, "'Post code'")]
    assert error in report.rejected[0].reason
    assert names(vault) == ["Cat Cedar"]
