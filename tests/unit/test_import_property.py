"""A property over generated spreadsheets: no valid row is ever lost, every invalid row is
reported, and every non-empty row is accounted for exactly once."""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from coordinator import models as m
from coordinator.services.importing import import_file
from tests.unit.test_import_helpers import TODAY, write_csv

HEADER = [
    "Name",
    "DOB",
    "Due date",
    "Referral date",
    "Post code",
    "Tel",
    "Email",
    "Needs",
    "Status",
]
# For each column after the name: (values that are fine, values that must be rejected).
VALUES = {
    "DOB": (["03/04/1995", "3-4-95", "3 Apr 1995", ""], ["31/02/1990", "03/04/2024", "yesterday"]),
    "Due date": (["31/05/2026", "1 Jun 2026", "2026-05-31", ""], ["31/12/2030", "13/13/2026"]),
    "Referral date": (["02/02/2026", "2 Feb 26", "02/02/2026 00:00"], ["", "02/02/2027", "soon"]),
    "Post code": (["le1 6th", "B15 2TT", " sw1a1aa ", ""], ["LE1", "12345"]),
    "Tel": (["07700 900123", "+44 7700 900124", "0116 496 0123", ""], ["0116 49", "abc"]),
    "Email": (["a@example.org", ""], ["a@", "no at sign"]),
    "Needs": (["First baby", "first baby; social isolation", "Domestic abuse, Care leaver", ""],
              ["Flying", "First baby; Jet lag"]),
    # Closed needs a reason (the form's rule), and there is no reason column here.
    "Status": (["Waiting for match", "received", "Assessed", ""], ["Pending", "Maybe", "Closed"]),
}  # fmt: skip
NAMES = itertools.count()


@st.composite
def spreadsheet_row(draw):
    """(cells, valid?) for a mother's row; or ([], None) for an empty row."""
    if draw(st.integers(0, 9)) == 0:
        return [""] * len(HEADER), None
    valid = True
    name = f"Person {next(NAMES)}"
    if draw(st.integers(0, 9)) == 0:
        name, valid = "", False
    cells = [name]
    for column in HEADER[1:]:
        good, bad = VALUES[column]
        if draw(st.integers(0, 5)) == 0:
            cells.append(draw(st.sampled_from(bad)))
            valid = False
        else:
            cells.append(draw(st.sampled_from(good)))
    return cells, valid


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(rows=st.lists(spreadsheet_row(), min_size=1, max_size=25))
def test_no_valid_row_is_lost_and_every_invalid_row_is_reported(vault, tmp_path, rows):
    path = write_csv(tmp_path / "generated.csv", [["Referrals"], HEADER] + [r for r, _ in rows])
    report = import_file(vault, "mothers", path, today=TODAY)

    numbered = [(i + 3, cells, valid) for i, (cells, valid) in enumerate(rows)]
    valid_rows = [(n, cells[0]) for n, cells, valid in numbered if valid]
    invalid_rows = [n for n, _, valid in numbered if valid is False]
    non_empty = [n for n, _, valid in numbered if valid is not None]

    assert [r.row for r in report.rejected] == invalid_rows
    assert all(r.reason.startswith("'") for r in report.rejected)  # names the column
    assert report.duplicates == []  # every name is new
    assert report.imported == len(valid_rows)
    assert report.imported + len(report.duplicates) + len(report.rejected) == len(non_empty)
    wanted = {name for _, name in valid_rows}
    with vault.session() as session:
        saved = set(session.scalars(select(m.Mother.full_name).where(m.Mother.id.in_(report.ids))))
    assert saved == wanted
