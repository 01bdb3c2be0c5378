"""The Volunteers list: its columns, search as you type, the filters (status, project,
language, DBS overdue), sorting by a column, and what an empty list says."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from coordinator.ui.pages.volunteers_page import VolunteersPage
from tests.ui.helpers import go_to, type_and_unlock
from tests.ui.volunteers_data import TODAY, add_volunteers, click, row_of, shown_names


@pytest.fixture
def page(qtbot, vault):
    people = add_volunteers(vault)
    page = VolunteersPage(vault, today=TODAY)
    page.people = people
    page.search_delay_ms = 0  # search at each keystroke (the app waits a moment)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    with qtbot.waitExposed(page):
        page.show()
    return page


def cells(page, name: str) -> list[str]:
    row = row_of(page, name)
    return [page.model.data(page.model.index(row, c)) for c in range(page.model.columnCount())]


def choose(combo, text: str) -> None:
    combo.setCurrentIndex(combo.findText(text))


def test_the_list_shows_current_volunteers_with_their_columns(page):
    headers = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(7)]
    assert headers == ["Name", "Ref", "Status", "DBS due", "Languages", "Areas", "Matches"]
    assert shown_names(page) == ["Ann Abbott", "Bea Brown", "Dee Dunn"]  # Cat has left
    assert cells(page, "Ann Abbott")[1].startswith("V")  # her reference
    assert cells(page, "Ann Abbott")[2:] == [
        "Active",
        f"{page.model.row_data(0).dbs_due:%-d %b %Y} (overdue)",
        "Polish",
        "Leicester",
        "0 of 2",
    ]
    assert cells(page, "Dee Dunn")[6] == "1 of 2"
    assert page.count_label.text() == "3 volunteers"


def test_search_narrows_the_list_as_she_types(qtbot, page):
    qtbot.keyClicks(page.search, "bea")
    assert shown_names(page) == ["Bea Brown"]
    assert page.count_label.text() == "1 of 3 volunteers"
    page.search.clear()
    assert len(shown_names(page)) == 3


def test_the_filters_narrow_the_list(qtbot, page):
    choose(page.status_filter, "All statuses")
    assert "Cat Cole" in shown_names(page)
    choose(page.status_filter, "Left")
    assert shown_names(page) == ["Cat Cole"]
    assert page.clear_filters.isVisible()
    click(qtbot, page.clear_filters)
    assert shown_names(page) == ["Ann Abbott", "Bea Brown", "Dee Dunn"]

    choose(page.project_filter, "Bumps")
    assert shown_names(page) == ["Dee Dunn"]
    choose(page.project_filter, "All projects")
    choose(page.language_filter, "Polish")
    assert shown_names(page) == ["Ann Abbott"]
    choose(page.language_filter, "Any language")

    click(qtbot, page.overdue_filter)
    assert shown_names(page) == ["Ann Abbott"]


def test_sorting_by_dbs_due_puts_the_earliest_first(qtbot, page):
    header = page.table.horizontalHeader()
    qtbot.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(header.sectionViewportPosition(3) + 10, header.height() // 2),
    )
    assert shown_names(page)[:2] == ["Ann Abbott", "Bea Brown"]


def test_nothing_matching_says_so(qtbot, page):
    qtbot.keyClicks(page.search, "zzzz")
    assert shown_names(page) == []
    assert page.empty_label.isVisible()
    assert "No one matches this search" in page.empty_label.text()


def test_an_empty_database_says_how_to_start(qtbot, vault):
    page = VolunteersPage(vault)
    qtbot.addWidget(page)
    with qtbot.waitExposed(page):
        page.show()
    assert page.empty_label.text().startswith("No volunteers yet.")
    assert page.import_button.isVisible() and page.export_button.isVisible()


def test_the_workspace_shows_the_volunteers_and_services_pages(
    qtbot, make_window, keystore, db_path
):
    window = make_window(db_path, keystore)
    type_and_unlock(qtbot, window)
    go_to(window, "Volunteers")
    assert window.workspace.current_page() is window.workspace.page("volunteers")
    go_to(window, "Services")
    assert window.workspace.current_page() is window.workspace.page("services")
