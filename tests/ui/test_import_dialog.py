"""Importing a spreadsheet in the app: the preview with its auto-mapped columns, changing a
column's field, importing in the background (and cancelling), the rows that need fixing
with their row numbers, saving that report, and the list refreshed afterwards."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import func, select

from coordinator.models import Mother
from coordinator.services.records.mothers import load_mother
from coordinator.ui.dialogs.import_dialog import ImportDialog
from coordinator.ui.kit.form_parts.fields import uk_date
from coordinator.ui.pages.volunteers_page import VolunteersPage
from tests.ui.volunteers_data import click, days, shown_names

HEADERS = ["Mum's name", "Due date", "Post code", "Tel", "Referred by"]


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["Referrals from the Leicester hub, 2026"])
        writer.writerow([])
        writer.writerow(HEADERS)
        writer.writerows(rows)
    return path


@pytest.fixture
def referrals(tmp_path) -> Path:
    due = uk_date(days(120))
    return write_csv(
        tmp_path / "referrals.csv",
        [
            ["Amira Haddad", due, "le2 8ab", "07700 900123", "Midwife Jones"],  # row 4
            ["Beth Clarke", "31/02/2027", "LE1 6TH", "07700 900124", "HV Patel"],  # row 5
            ["", due, "LE3 1AA", "", "GP"],  # row 6
            ["Chloe Mensah", due, "XX1", "0116 496 0123", "Self"],  # row 7
            ["Dana Obi", uk_date(days(60)), "LE4 7TR", "+44 7700 900125", "Midwife Jones"],
        ],
    )


@pytest.fixture
def dialog(qtbot, vault):
    dialog = ImportDialog(vault, "mothers")
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    return dialog


def choose_file(qtbot, dialog, path: Path) -> None:
    """Type the file's path and press Return; wait while it is read."""
    dialog.file.clear()
    qtbot.keyClicks(dialog.file, str(path))
    with qtbot.waitSignal(dialog.preview_task.finished, timeout=10_000):
        qtbot.keyClick(dialog.file, Qt.Key.Key_Return)


def result(dialog) -> str:
    return dialog.result.title.text()


def run_import(qtbot, dialog) -> None:
    with qtbot.waitSignal(dialog.import_task.finished, timeout=20_000):
        click(qtbot, dialog.import_button)


def combo(dialog, header: str):
    return dialog.table.combos[dialog.table.mapping_headers().index(header)]


def choose_field(dialog, header: str, label: str) -> None:
    box = combo(dialog, header)
    box.setCurrentIndex(box.findText(label))


def test_the_preview_finds_the_header_under_a_title_and_maps_the_columns(qtbot, dialog, referrals):
    assert not dialog.import_button.isEnabled()
    choose_file(qtbot, dialog, referrals)
    assert dialog.summary.text().startswith("Column names found in row 3. 5 rows to import.")
    model = dialog.table.model()
    shown = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert shown == HEADERS
    assert model.headerData(0, Qt.Orientation.Vertical) == "Import as"
    assert model.headerData(1, Qt.Orientation.Vertical) == "Read as"
    assert model.data(model.index(1, 3)) == "07700 900123"  # read as written
    assert model.data(model.index(1, 2)) == "le2 8ab → LE2 8AB"
    assert model.headerData(2, Qt.Orientation.Vertical) == "Row 4"
    assert model.data(model.index(2, 0)) == "Amira Haddad"
    assert [combo(dialog, h).currentText() for h in HEADERS] == [
        "Full name (needed)",
        "Due date",
        "Postcode",
        "Phone",
        "Referrer",
    ]
    assert dialog.unmapped.text() == "Every column will be imported."
    assert dialog.import_button.isEnabled()


def test_columns_it_does_not_know_are_listed_not_dropped(qtbot, dialog, tmp_path):
    path = tmp_path / "extra.csv"
    path.write_text("Name,Favourite colour\nAmira Haddad,blue\n", encoding="utf-8")
    choose_file(qtbot, dialog, path)
    assert combo(dialog, "Favourite colour").currentText() == "Don't import"
    assert dialog.unmapped.text() == "Not imported: “Favourite colour”."


def test_changing_a_columns_field_is_what_gets_imported(qtbot, dialog, referrals, vault):
    choose_file(qtbot, dialog, referrals)
    choose_field(dialog, "Tel", "Don't import")
    assert dialog.unmapped.text() == "Not imported: “Tel”."

    choose_field(dialog, "Mum's name", "Don't import")
    assert dialog.missing.isVisible()
    assert dialog.missing.text() == "Choose the column that gives the full name: it is needed."
    assert not dialog.import_button.isEnabled()
    choose_field(dialog, "Mum's name", "Full name (needed)")
    assert not dialog.missing.isVisible() and dialog.import_button.isEnabled()

    # A field goes to one column: choosing it elsewhere takes it from the first.
    choose_field(dialog, "Referred by", "Midwife")
    choose_field(dialog, "Tel", "Midwife")
    assert combo(dialog, "Referred by").currentText() == "Don't import"
    assert "“Referred by” is no longer imported" in dialog.change_note.text()
    choose_field(dialog, "Tel", "Don't import")
    choose_field(dialog, "Referred by", "Midwife")

    run_import(qtbot, dialog)
    amira = load_mother(vault, dialog.report.ids[0])
    assert (amira.full_name, amira.phone, amira.midwife_name) == (
        "Amira Haddad",
        "",
        "Midwife Jones",
    )
    assert amira.referrer_name == ""


def test_the_rows_that_need_fixing_are_listed_with_their_row_numbers(
    qtbot, dialog, referrals, monkeypatch, tmp_path
):
    choose_file(qtbot, dialog, referrals)
    with qtbot.waitSignal(dialog.imported) as imported:
        run_import(qtbot, dialog)
    assert imported.args == ["mothers"]
    assert result(dialog) == "2 imported, 0 duplicates (already there), 3 rows need fixing"
    model = dialog.result.rejected_model
    rows = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    reasons = [model.data(model.index(r, 1)) for r in range(model.rowCount())]
    assert rows == ["5", "6", "7"]
    assert "That day does not exist" in reasons[0]
    assert reasons[1] == "'Mum's name' — A name is needed."
    assert "Not a UK postcode" in reasons[2]
    assert dialog.result.rejected.isVisible() and dialog.result.warning.isVisible()
    assert dialog.reminder.isVisible() and "not encrypted" in dialog.reminder.text()
    assert not dialog.import_button.isVisible()
    assert dialog.cancel_button.text() == "Close"

    target = tmp_path / "to fix.csv"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    click(qtbot, dialog.result.save_button)
    assert dialog.result.message.text() == f"Saved to {target}."
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("Row,Reason,Mum's name")
    assert [line.split(",")[0] for line in lines[1:]] == ["5", "6", "7"]


def test_importing_the_same_file_again_adds_nothing(qtbot, dialog, referrals):
    choose_file(qtbot, dialog, referrals)
    run_import(qtbot, dialog)
    choose_file(qtbot, dialog, referrals)
    run_import(qtbot, dialog)
    assert result(dialog) == "0 imported, 2 duplicates (already there), 3 rows need fixing"


def test_cancel_stops_the_import_and_saves_nothing(qtbot, dialog, referrals, vault, held_runner):
    held_runner.only = {"import"}
    choose_file(qtbot, dialog, referrals)
    click(qtbot, dialog.import_button)  # no values to ask about: straight to the import
    qtbot.waitUntil(lambda: held_runner.names == ["import"], timeout=5_000)
    assert dialog.progress.isVisible() and not dialog.import_button.isEnabled()
    click(qtbot, dialog.cancel_button)
    assert dialog.cancel_button.text() == "Cancelling…"
    with qtbot.waitSignal(dialog.import_task.finished, timeout=5_000):
        held_runner.release()
    assert dialog.message.text() == "Import cancelled: nothing was saved."
    assert dialog.isVisible() and dialog.import_button.isEnabled()
    with vault.session() as s:
        assert s.scalar(select(func.count()).select_from(Mother)) == 0


def test_a_file_that_cannot_be_read_says_why(qtbot, dialog, tmp_path):
    choose_file(qtbot, dialog, tmp_path / "missing.csv")
    assert dialog.file_message.isVisible()
    assert dialog.file_message.text().startswith("There is no file")
    assert not dialog.import_button.isEnabled()


def test_an_excel_file_with_a_merged_title_is_previewed(qtbot, dialog, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["Volunteers 2026"])
    sheet.merge_cells("A1:C1")
    sheet.append(["Name", "Tel", "Languages"])
    sheet.append(["Rachel Okafor", "07700 900456", "English; Polish"])
    path = tmp_path / "volunteers.xlsx"
    book.save(path)
    dialog.kind.setCurrentIndex(dialog.kind.findText("Volunteers"))
    choose_file(qtbot, dialog, path)
    assert dialog.summary.text().startswith("Column names found in row 2")
    assert [combo(dialog, h).currentText() for h in ("Name", "Tel", "Languages")] == [
        "Full name (needed)",
        "Phone",
        "Languages",
    ]


def test_the_volunteers_list_shows_what_was_imported(qtbot, vault, tmp_path):
    page = VolunteersPage(vault)
    qtbot.addWidget(page)
    with qtbot.waitExposed(page):
        page.show()
    assert shown_names(page) == []
    path = tmp_path / "volunteers.csv"
    path.write_text(
        "Name,Status,Languages\nRachel Okafor,Active,English\nZofia Nowak,Applicant,Polish\n",
        encoding="utf-8",
    )
    click(qtbot, page.import_button)
    dialog = page.import_dialog
    assert dialog.kind.currentText() == "Volunteers"
    choose_file(qtbot, dialog, path)
    run_import(qtbot, dialog)
    assert result(dialog).startswith("2 imported")
    assert shown_names(page) == ["Rachel Okafor", "Zofia Nowak"]


def test_the_preview_shows_how_values_will_be_read_and_follows_the_choice(qtbot, dialog, tmp_path):
    path = tmp_path / "dates.csv"
    path.write_text(
        "Name,Due date,Availability\nAmira Haddad,3rd March 2027,Tue & Thu evenings\n",
        encoding="utf-8",
    )
    choose_file(qtbot, dialog, path)
    model = dialog.table.model()
    assert model.data(model.index(1, 1)) == "3rd March 2027 → 03/03/2027"
    assert model.data(model.index(1, 2)) == "Tue & Thu evenings → Tue evening; Thu evening"
    choose_field(dialog, "Due date", "Phone")
    assert model.data(model.index(1, 1)).startswith("3rd March 2027 → ⚠ Not a")
    choose_field(dialog, "Due date", "Don't import")
    assert model.data(model.index(1, 1)) is None
    dialog.resize(1366, 768)
    dialog.grab().save("/tmp/import-columns-step.png")
