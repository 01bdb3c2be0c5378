"""The Mothers list: search as you type, each filter, sort by each column, the selection kept
across refreshes, the empty state, opening a record, and export after the warning."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from coordinator.models import AuditAction, AuditEvent
from coordinator.ui.kit import export_action
from coordinator.ui.pages.mothers_page import MothersPage
from tests.ui.helpers import click_when_shown
from tests.ui.mothers_data import add_people, letters, shown_names


@pytest.fixture
def people(vault):
    return add_people(vault)


@pytest.fixture
def page(qtbot, vault, people):
    page = MothersPage(vault)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    with qtbot.waitExposed(page):
        page.show()
    return page


def count_is(page, text: str):
    return lambda: page.count_label.text() == text


def type_key(qtbot, page, key: str, expected: str, people) -> None:
    qtbot.keyClicks(page.search, key)
    qtbot.waitUntil(lambda: letters(people, page) == expected)


def click_header(qtbot, page, title: str) -> None:
    header = page.table.horizontalHeader()
    section = [c.header for c in page.model.columns].index(title)
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2)
    )


def test_the_list_shows_everyone_with_every_column(page, people):
    assert page.count_label.text() == "5 mothers"  # closed records too: find anyone
    assert shown_names(page) == [
        "Alice Archer",
        "Bella Brown",
        "Cara Clark",
        "Dina Diaz (Dee)",
        "Ella Evans",
    ]
    model = page.table.model()
    cara = [model.index(2, c).data() for c in range(model.columnCount())]
    assert cara[1] == "M0003"  # her reference, given in the order they were added
    assert cara[2:5] == ["Matched", cara[3], "LE1"]  # area: town, else postcode district
    assert cara[3].startswith("due ") and "weeks" in cara[3]
    assert cara[5] == "Amy Ref" and cara[6] == "" and cara[7] == "Vera Vol"
    bella = [model.index(1, c).data() for c in range(model.columnCount())]
    assert bella[3].startswith("baby ") and bella[6] == "40" and bella[5] == "Midwives"
    # the small safeguarding marker: Alice has an open concern
    flagged = model.index(0, 0).data(Qt.ItemDataRole.DecorationRole).pixmap(12, 12).toImage()
    plain = model.index(1, 0).data(Qt.ItemDataRole.DecorationRole).pixmap(12, 12).toImage()
    assert flagged.pixelColor(6, 6).red() > 100 and flagged.pixelColor(6, 6).alpha() == 255
    assert plain.pixelColor(6, 6).alpha() == 0  # a blank: the names still line up
    assert "safeguarding" in model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)


def test_search_narrows_the_list_at_every_keystroke(qtbot, page, people):
    type_key(qtbot, page, "a", "AC", people)  # Alice Archer; Cara's referrer Amy Ref
    type_key(qtbot, page, "l", "A", people)
    qtbot.keyClicks(page.search, "x")
    qtbot.waitUntil(lambda: page.empty_label.isVisible())
    assert page.empty_label.text().startswith("No one matches this search")
    assert page.count_label.text() == "0 of 5 mothers"
    qtbot.keyClick(page.search, Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: letters(people, page) == "A")
    assert page.table.isVisible()


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Dee", "D"),  # preferred name
        ("LE2", "A"),  # postcode
        ("07700900111", "A"),  # phone, typed without its space
        ("midw", "BD"),  # referrer's agency and name
    ],
)
def test_search_finds_preferred_name_postcode_phone_and_referrer(
    qtbot, page, people, typed, expected
):
    qtbot.keyClicks(page.search, typed)
    qtbot.waitUntil(lambda: letters(people, page) == expected)


def choose(combo, text: str) -> None:
    combo.setCurrentIndex(combo.findText(text))


def test_a_search_or_filter_says_how_many_of_how_many(qtbot, page, people):
    choose(page.stage_filter, "Closed")
    assert page.count_label.text() == "1 of 5 mothers"
    qtbot.mouseClick(page.clear_filters, Qt.MouseButton.LeftButton)
    assert page.count_label.text() == "5 mothers"
    qtbot.keyClicks(page.search, "Bella")
    qtbot.waitUntil(count_is(page, "1 of 5 mothers"))
    page.search.clear()
    qtbot.waitUntil(count_is(page, "5 mothers"))


def test_the_list_stays_put_when_clear_filters_or_a_message_appears(qtbot, page, people):
    from tests.ui.helpers import place

    controls = (page.search, page.stage_filter, page.area_filter, page.waiting_filter, page.table)
    before = [place(widget, page) for widget in controls]
    choose(page.stage_filter, "Closed")
    assert page.clear_filters.isVisible()
    page.message.show_message("Exported 1 mother to a file with a long name.", "success")
    assert page.message.isVisible()
    assert [place(widget, page) for widget in controls] == before


def test_each_filter_narrows_the_list(qtbot, page, people):
    assert letters(people, page) == "ABCDE"
    choose(page.stage_filter, "Open (not closed)")
    assert letters(people, page) == "ABCD"
    choose(page.stage_filter, "Closed")
    assert letters(people, page) == "E"
    choose(page.stage_filter, "Not yet matched")
    assert letters(people, page) == "ABD"
    assert page.clear_filters.isVisible()
    qtbot.mouseClick(page.clear_filters, Qt.MouseButton.LeftButton)
    assert letters(people, page) == "ABCDE"
    assert not page.clear_filters.isVisible()

    choose(page.project_filter, "Bumps")
    assert letters(people, page) == "BC"
    choose(page.project_filter, "All projects")
    choose(page.need_filter, "First baby")
    assert letters(people, page) == "AD"
    choose(page.need_filter, "Any need")

    qtbot.keyClicks(page.area_filter, "LE")  # a postcode area
    qtbot.waitUntil(lambda: letters(people, page) == "AC")
    qtbot.keyClicks(page.area_filter, "2")  # a district
    qtbot.waitUntil(lambda: letters(people, page) == "A")
    page.area_filter.clear()
    qtbot.keyClicks(page.area_filter, "oadby")  # a town
    qtbot.waitUntil(lambda: letters(people, page) == "D")
    page.area_filter.clear()
    qtbot.waitUntil(lambda: letters(people, page) == "ABCDE")

    # Clicked into "Any wait" (the cursor at its end) and a number typed over it.
    page.waiting_filter.setFocus()
    page.waiting_filter.lineEdit().end(False)
    assert page.waiting_filter.text() == "Any wait"
    qtbot.keyClicks(page.waiting_filter, "20")
    qtbot.waitUntil(lambda: letters(people, page) == "B")  # 40 days; Alice 10, Dina 5
    assert page.waiting_filter.text() == "Waiting > 20 days"
    qtbot.keyClick(page.waiting_filter, Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: page.waiting_filter.value() == 2)
    assert letters(people, page) == "ABD"  # 40, 10 and 5 days


@pytest.mark.parametrize(
    ("column", "expected"),
    [
        ("Stage", "ADBCE"),  # pipeline order
        ("Due date or baby's age", "BCADE"),  # born, due soon, due later, estimated, none
        ("Area", "BCAED"),  # Bradford, LE1 6TH, Leicester, Luton, Oadby
        ("Referrer", "CEDBA"),  # Amy, Kay, Mia, Midwives, Zoe
        ("Days waiting", "BADCE"),  # the longest wait first; matched and closed: not waiting
        ("Current volunteer", "CABDE"),  # no volunteer: last, by name
    ],
)
def test_clicking_a_header_sorts_by_that_column(qtbot, page, people, column, expected):
    click_header(qtbot, page, column)
    assert letters(people, page) == expected
    header = page.table.horizontalHeader()
    assert header.sortIndicatorSection() == [c.header for c in page.model.columns].index(column)


def test_clicking_name_twice_sorts_backwards(qtbot, page, people):
    click_header(qtbot, page, "Stage")
    click_header(qtbot, page, "Name")
    assert letters(people, page) == "ABCDE"
    click_header(qtbot, page, "Name")
    assert letters(people, page) == "EDCBA"


def test_the_selection_survives_refresh_sort_and_filter(qtbot, page, people):
    qtbot.mouseClick(
        page.table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=page.table.visualRect(page.model.index(2, 0)).center(),
    )
    assert page.selected_id() == people["C"]
    page.reload()
    assert page.selected_id() == people["C"]
    click_header(qtbot, page, "Stage")
    assert page.selected_id() == people["C"]
    assert page.table.currentIndex().row() == 3
    choose(page.project_filter, "Bumps")
    assert page.selected_id() == people["C"]


def test_an_empty_database_says_how_to_start(qtbot, vault):
    page = MothersPage(vault)
    qtbot.addWidget(page)
    page.show()
    assert page.count_label.text() == "0 mothers"
    assert page.empty_label.isVisible()
    assert "No referrals yet" in page.empty_label.text()


def test_enter_on_a_row_opens_her_record(qtbot, page, people):
    page.table.setFocus()
    page.select_id(people["B"])
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert page.dialog is not None
    qtbot.waitExposed(page.dialog)
    assert page.dialog.title.text() == "Bella Brown"
    assert page.dialog.mother_id == people["B"]
    page.dialog.reject()


def test_enter_in_the_search_box_opens_the_only_match(qtbot, page, people):
    qtbot.keyClicks(page.search, "Dee")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.dialog is not None and page.dialog.mother_id == people["D"]
    page.dialog.reject()


def test_insert_in_the_list_opens_a_blank_referral(qtbot, page):
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Insert)
    assert page.dialog is not None and page.dialog.mother_id is None
    assert page.dialog.title.text() == "New referral"
    page.dialog.reject()


def test_down_from_the_search_box_goes_into_the_list(qtbot, page, people):
    qtbot.keyClicks(page.search, "midw")
    qtbot.waitUntil(lambda: letters(people, page) == "BD")
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    assert page.selected_id() == people["B"]


def test_export_warns_then_writes_the_filtered_list_and_audits_it(
    qtbot, page, people, vault, tmp_path, monkeypatch
):
    out = tmp_path / "mothers.csv"
    monkeypatch.setattr(
        export_action.QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *a, **k: (str(tmp_path / "mothers"), "CSV (*.csv)")),
    )
    choose(page.project_filter, "Bumps")
    seen = {}

    def warning():
        box = QApplication.activeModalWidget()
        if box is not None:
            seen["text"] = box.text()
        return box

    click_when_shown(warning, "Export")
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert "will NOT be encrypted" in seen["text"] and "2 mothers" in seen["text"]
    qtbot.waitUntil(lambda: page.message.text().startswith("Exported 2 mothers"), timeout=10000)
    assert "not encrypted" in page.message.text()
    with out.open(encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 2
    assert {r["Full name"] for r in rows} == {"Bella Brown", "Cara Clark"}
    with vault.session() as s:
        events = s.scalars(select(AuditEvent).where(AuditEvent.action == AuditAction.EXPORT)).all()
    assert len(events) == 1 and events[0].entity_type == "mother"
    assert "2 exported" in events[0].summary


def test_export_cancelled_at_the_warning_writes_nothing(qtbot, page, tmp_path, monkeypatch):
    asked = []
    monkeypatch.setattr(
        export_action.QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *a, **k: asked.append(1) or ("", "")),
    )
    click_when_shown(QApplication.activeModalWidget, "Cancel")
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert asked == []  # no file was even asked for
    assert page.export_task is None


def test_the_export_file_dialog_starts_where_the_last_spreadsheet_went(
    qtbot, page, tmp_path, monkeypatch
):
    from coordinator.ui import settings as ui_settings

    starts = []
    folder = tmp_path / "exports"
    folder.mkdir()

    def save_as(_parent, _title, start, _filters):
        starts.append(Path(start))
        return str(folder / "referrals.csv"), "CSV (*.csv)"

    monkeypatch.setattr(export_action.QFileDialog, "getSaveFileName", staticmethod(save_as))
    assert ui_settings.spreadsheet_folder() != folder  # Documents, or home, at first
    for _ in range(2):
        click_when_shown(QApplication.activeModalWidget, "Export")
        qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.message.text().startswith("Exported"), timeout=10000)
        page.message.clear_message()
    assert starts[0].parent != folder and starts[0].name == "mothers.csv"
    assert starts[1] == folder / "mothers.csv"
