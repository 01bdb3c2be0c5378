"""The Matches page, as a coordinator uses it: the list with its filters and search, the
selected match's detail, and its lifecycle (accept, pause, resume, end; decline) each asked
for, confirmed and done; a person's form lists her matches and opens one here."""

from __future__ import annotations

import csv

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from coordinator.models import MotherStage
from coordinator.services.matching import match_detail, proposal_defaults, propose
from coordinator.services.records.mothers import load_mother
from coordinator.ui.dialogs.ending_dialog import EndingDialog
from coordinator.ui.kit import export_action
from coordinator.ui.pages.matches import MatchesPage
from coordinator.ui.pages.matches.actions import ActionDialog
from tests.people import add_mother
from tests.ui.helpers import click_when_shown
from tests.ui.matching_data import TODAY, add_people, click, days


def proposed(vault, people, volunteer: str) -> int:
    details = proposal_defaults(vault, people["Mia"], people[volunteer], today=TODAY)
    return propose(
        vault, people["Mia"], people[volunteer], details, today=TODAY, decided_by="Jo Bloggs"
    )


@pytest.fixture
def people(vault):
    people = add_people(vault)
    people["match"] = proposed(vault, people, "Ann")
    return people


@pytest.fixture
def page(qtbot, vault, people):
    page = MatchesPage(vault, today=TODAY)
    page.search_delay_ms = 0
    qtbot.addWidget(page)
    page.resize(1200, 760)
    with qtbot.waitExposed(page):
        page.show()
    return page


def cells(page, row: int = 0) -> list[str]:
    model = page.model
    return [model.data(model.index(row, c)) for c in range(model.columnCount())]


def act(qtbot, page, key: str) -> ActionDialog:
    click(qtbot, page.detail.buttons[key])
    dialog = page.detail.dialog
    assert isinstance(dialog, EndingDialog if key == "end" else ActionDialog)
    return dialog


def test_the_list_shows_the_match_and_its_detail(page, people):
    row = cells(page)
    assert row[0].startswith("Mia Moss (M") and row[1].startswith("Ann Abbott (V")
    assert row[2:4] == ["Bumps", "Proposed"]
    assert page.count_label.text() == "1 match"
    assert page.show_match(people["match"])
    detail = page.detail
    assert detail.title.text().startswith("Mia Moss")
    assert detail.fact_texts["Decided by"] == "Jo Bloggs"
    enabled = {key for key, button in detail.buttons.items() if button.isEnabled()}
    assert enabled == {"accept", "decline"}
    assert detail.scores.rows[-1][0] == "Score"


def test_search_and_filters_narrow_the_list(qtbot, page, vault, people):
    from tests.ui.helpers import place

    qtbot.keyClicks(page.search, "ann")
    assert page.model.rowCount() == 1
    page.search.clear()
    qtbot.keyClicks(page.search, "zelda")
    assert page.model.rowCount() == 0
    assert "No match fits" in page.empty_label.text()
    page.search.clear()
    controls = (page.search, page.status_filter, page.project_filter, page.volunteer_filter)
    before = [place(widget, page) for widget in controls]
    page.status_filter.setCurrentIndex(page.status_filter.findText("Active"))
    assert page.model.rowCount() == 0 and page.clear_filters.isVisible()
    assert [place(widget, page) for widget in controls] == before  # nothing jumps aside
    click(qtbot, page.clear_filters)
    assert page.model.rowCount() == 1
    box = page.volunteer_filter
    assert box.count() == 1  # the volunteers are read when the list is first opened
    box.showPopup()
    box.hidePopup()
    box.setCurrentIndex(box.findText("Bea Brown", Qt.MatchFlag.MatchStartsWith))
    assert page.model.rowCount() == 0
    box.setCurrentIndex(box.findText("Ann Abbott", Qt.MatchFlag.MatchStartsWith))
    assert page.model.rowCount() == 1


def test_accept_pause_resume_and_end_as_she_would(qtbot, page, vault, people):
    match_id = people["match"]
    page.show_match(match_id)
    dialog = act(qtbot, page, "accept")
    assert dialog.day.text() == TODAY.strftime("%d/%m/%Y")
    click(qtbot, dialog.confirm)
    qtbot.waitUntil(lambda: page.detail.dialog is None)
    assert match_detail(vault, match_id).row.status == "active"
    assert load_mother(vault, people["Mia"]).stage == MotherStage.MATCHED
    assert cells(page)[3] == "Active"
    assert "Proposed → Active" in page.detail.history.text()

    dialog = act(qtbot, page, "pause")
    click(qtbot, dialog.confirm)  # no reason yet: said, nothing done
    assert "Say why" in dialog.message.text()
    dialog.reason.setCurrentText("Volunteer unwell or away")
    click(qtbot, dialog.confirm)
    qtbot.waitUntil(lambda: page.detail.dialog is None)
    assert match_detail(vault, match_id).row.status == "paused"
    assert page.detail.buttons["resume"].isEnabled()

    dialog = act(qtbot, page, "resume")
    click(qtbot, dialog.confirm)
    qtbot.waitUntil(lambda: page.detail.dialog is None)
    assert match_detail(vault, match_id).row.status == "active"

    dialog = act(qtbot, page, "end")  # the ending checklist (tests/ui/test_ending_dialog.py)
    for row in dialog.rows:
        row.done.setChecked(True)
    click(qtbot, dialog.confirm)
    qtbot.waitUntil(lambda: page.detail.dialog is None)
    assert match_detail(vault, match_id).row.status == "ended"
    assert load_mother(vault, people["Mia"]).stage == MotherStage.CLOSED
    assert not any(button.isEnabled() for button in page.detail.buttons.values())


def test_a_declined_proposal_keeps_its_reason_and_she_waits_again(qtbot, page, vault, people):
    page.show_match(people["match"])
    dialog = act(qtbot, page, "decline")
    dialog.reason.setCurrentText("The mother declined")
    click(qtbot, dialog.confirm)
    qtbot.waitUntil(lambda: page.detail.dialog is None)
    assert "The mother declined" in page.detail.history.text()
    assert load_mother(vault, people["Mia"]).stage == MotherStage.WAITING


def test_a_date_that_is_not_one_is_said(qtbot, page, people):
    page.show_match(people["match"])
    dialog = act(qtbot, page, "accept")
    dialog.day.clear()
    qtbot.keyClicks(dialog.day, "yesterday-ish")
    click(qtbot, dialog.confirm)
    assert "dd/mm/yyyy" in dialog.message.text()
    dialog.reject()


def test_a_refused_action_is_said_in_the_dialog(qtbot, page, vault, people):
    page.show_match(people["match"])
    dialog = act(qtbot, page, "accept")
    dialog.day.clear()
    qtbot.keyClicks(dialog.day, days(-400).strftime("%d/%m/%Y"))  # before it was proposed
    click(qtbot, dialog.confirm)
    qtbot.waitUntil(lambda: dialog.confirm.isEnabled())
    assert dialog.isVisible() and dialog.message.text()
    assert match_detail(vault, people["match"]).row.status == "proposed"
    dialog.reject()


def test_an_empty_database_says_how_to_start(qtbot, vault):
    page = MatchesPage(vault, today=TODAY)
    qtbot.addWidget(page)
    with qtbot.waitExposed(page):
        page.show()
    assert page.empty_label.text().startswith("No matches yet.")
    assert "Choose a match" in page.detail.empty.text()
    assert not any(button.isVisible() for button in page.detail.buttons.values())


def test_find_a_volunteer_picks_a_waiting_mother_then_opens_the_wizard(qtbot, page, people):
    from coordinator.ui.wizards.matching import MatchingWizard

    click(qtbot, page.new_button)
    picker = page.dialog
    qtbot.keyClicks(picker.search, "mia")
    picker.reload()
    assert picker.list.count() == 1
    click(qtbot, picker.next_button)
    wizard = page.dialog
    assert isinstance(wizard, MatchingWizard)
    qtbot.waitUntil(lambda: wizard.suggestion is not None)
    wizard.reject()


def test_her_form_lists_her_matches_and_opens_one_on_the_matches_page(qtbot, vault, people):
    from coordinator.ui.shell.workspace import Workspace

    workspace = Workspace(vault)
    qtbot.addWidget(workspace)
    with qtbot.waitExposed(workspace):
        workspace.show()
    volunteers = workspace.show_key("volunteers")
    form = volunteers.open_form(people["Ann"])
    section = form.matches
    assert section.table.rowCount() == 1
    assert section.table.item(0, 0).text().startswith("Mia Moss")
    assert section.table.item(0, 2).text() == "Proposed"
    click(qtbot, section.open_button)
    matches = workspace.page("matches")
    assert workspace.current_page() is matches
    assert matches.selected_match() == people["match"]


def _click_header(qtbot, page, title: str) -> None:
    header = page.table.horizontalHeader()
    column = next(
        c
        for c in range(page.model.columnCount())
        if page.model.headerData(c, Qt.Horizontal) == title
    )
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2)
    )


def test_header_clicks_sort_by_that_column_and_keep_her_choice(qtbot, page, vault, people):
    for name, volunteer in (("Zoe Zed", "Bea"), ("Liz Lamb", "Cat")):
        mother = add_mother(
            vault,
            TODAY,
            name,
            stage=MotherStage.WAITING,
            postcode="LE1 6TH",
            project_id=people["project"],
            referral_received_on=days(-20),
        )
        details = proposal_defaults(vault, mother, people[volunteer], today=TODAY)
        propose(vault, mother, people[volunteer], details, today=TODAY, decided_by="Jo")
    page.refresh()

    def mothers():
        return [cells(page, row)[0].split(" (")[0] for row in range(page.model.rowCount())]

    _click_header(qtbot, page, "Mother")
    assert mothers() == ["Liz Lamb", "Mia Moss", "Zoe Zed"]
    page.select_id(people["match"])
    _click_header(qtbot, page, "Mother")
    assert mothers() == ["Zoe Zed", "Mia Moss", "Liz Lamb"]
    assert page.selected_match() == people["match"]  # still hers, where it is now
    _click_header(qtbot, page, "Volunteer")
    assert [cells(page, row)[1].split(" (")[0] for row in range(3)] == [
        "Ann Abbott",
        "Bea Brown",
        "Cat Cole",
    ]
    page.status_filter.setCurrentIndex(page.status_filter.findText("Active"))
    assert page.model.rowCount() == 0
    assert page.show_match(people["match"])  # filtered out: shown with her reference
    assert page.model.rowCount() == 1 and page.detail.title.text().startswith("Mia Moss")


def test_export_writes_the_matches_listed(qtbot, page, vault, people, tmp_path, monkeypatch):
    mother = add_mother(
        vault,
        TODAY,
        "Zoe Zed",
        stage=MotherStage.WAITING,
        postcode="LE1 6TH",
        project_id=people["project"],
        referral_received_on=days(-20),
    )
    details = proposal_defaults(vault, mother, people["Bea"], today=TODAY)
    propose(vault, mother, people["Bea"], details, today=TODAY, decided_by="Jo")
    page.refresh()
    qtbot.keyClicks(page.search, "zoe")
    assert page.model.rowCount() == 1
    out = tmp_path / "matches.csv"
    monkeypatch.setattr(
        export_action.QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *a, **k: (str(out), "CSV (*.csv)")),
    )
    click_when_shown(QApplication.activeModalWidget, "Export")
    click(qtbot, page.export_button)
    qtbot.waitUntil(lambda: page.message.text().startswith("Exported"), timeout=10000)
    rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert [(r["Mother's reference"], r["Status"]) for r in rows] == [
        (load_mother(vault, mother).reference, "Proposed")
    ]


def test_the_volunteers_are_read_again_while_she_chooses_the_mother(qtbot, page, vault, people):
    from coordinator.services.matching import pool, suggest
    from coordinator.services.matching.freshness import pool_version
    from coordinator.services.records.volunteers import load_volunteer, save_volunteer

    suggest(vault, people["Mia"], today=TODAY)  # an earlier ranking: its volunteers kept
    form = load_volunteer(vault, people["Cat"])
    form.max_matches = 5
    save_volunteer(vault, form, TODAY)  # a change: those kept are out of date
    assert pool._KEPT[vault.engine][0] != pool_version(vault.engine)
    click(qtbot, page.new_button)
    qtbot.waitUntil(lambda: not page.prepare_task.running)
    version, _on, kept = pool._KEPT[vault.engine]
    assert version == pool_version(vault.engine)  # read again, before the wizard opens
    assert kept.capacity[kept.index_of[people["Cat"]]] == 5
    page.dialog.reject()
