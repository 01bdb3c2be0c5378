"""A coordinator's whole way through, as the issue's "done when" says: she opens a waiting
mother, finds a volunteer (searching who cannot and why, comparing two), proposes with her
own words, accepts on the Matches page, and sees the match on both people's records."""

from __future__ import annotations

from PySide6.QtCore import Qt

from coordinator.models import MotherStage
from coordinator.services.matching import match_detail
from coordinator.services.records.mothers import load_mother
from coordinator.ui.pages.matches.actions import ActionDialog
from coordinator.ui.shell.workspace import Workspace
from coordinator.ui.wizards.matching import MatchingWizard
from coordinator.ui.wizards.matching.compare import CompareDialog
from tests.ui.matching_data import TODAY, add_people, click


def test_from_her_record_to_an_active_match_seen_on_both_records(qtbot, vault):
    people = add_people(vault)
    workspace = Workspace(vault)
    qtbot.addWidget(workspace)
    with qtbot.waitExposed(workspace):
        workspace.show()
    form = workspace.show_key("mothers").open_form(people["Mia"])
    assert form.matches.none_label.text() == "No matches yet."
    click(qtbot, form.matches.find_button)
    wizard = form.wizard
    assert isinstance(wizard, MatchingWizard)
    qtbot.waitUntil(lambda: wizard.suggestion is not None)

    excluded = wizard.excluded
    click(qtbot, excluded.toggle)
    qtbot.keyClicks(excluded.search, "Sam")
    assert excluded.proxy.rowCount() == 1
    why = excluded.proxy.index(0, 1).data()
    assert why.startswith("Not active")

    for row in (0, 1):  # Ann and Bea, ticked with the space bar
        wizard.table.selectRow(row)
        wizard.table.setFocus()
        qtbot.keyClick(wizard.table, Qt.Key.Key_Space)
    assert wizard.compare_button.text() == "&Compare 2 ticked…"
    compare = wizard.compare()
    assert isinstance(compare, CompareDialog)
    assert [c.name for c in compare.candidates] == ["Ann Abbott", "Bea Brown"]
    compare.reject()

    wizard.table.selectRow(0)
    shown = wizard.chosen()
    dialog = wizard.propose_chosen()
    assert dialog.proposed_on.text() == TODAY.strftime("%d/%m/%Y")
    qtbot.keyClicks(dialog.rationale, "Both speak Polish; Ann is ten minutes away.")
    click(qtbot, dialog.propose_button)
    qtbot.waitUntil(lambda: form.matches.table.rowCount() == 1)
    assert form.matches.table.item(0, 2).text() == "Proposed"
    match_id = form.matches.rows[0].match_id
    saved = match_detail(vault, match_id)
    assert saved.scores == shown.contributions  # every point as she saw it
    assert saved.rationale == "Both speak Polish; Ann is ten minutes away."

    form.matches.table.selectRow(0)
    click(qtbot, form.matches.open_button)
    matches = workspace.page("matches")
    qtbot.waitUntil(lambda: workspace.current_page() is matches)
    assert matches.selected_match() == match_id
    click(qtbot, matches.detail.buttons["accept"])
    accept = matches.detail.dialog
    assert isinstance(accept, ActionDialog)
    click(qtbot, accept.confirm)
    qtbot.waitUntil(lambda: matches.detail.dialog is None)
    assert match_detail(vault, match_id).row.status == "active"
    assert load_mother(vault, people["Mia"]).stage == MotherStage.MATCHED
    row = matches.model.row_of(match_id)
    assert matches.model.data(matches.model.index(row, 3)) == "Active"

    volunteer = workspace.show_key("volunteers").open_form(people["Ann"])
    assert volunteer.matches.table.item(0, 0).text().startswith("Mia Moss")
    assert volunteer.matches.table.item(0, 2).text() == "Active"
    volunteer.close()
    mother = workspace.show_key("mothers").open_form(people["Mia"])
    assert mother.matches.table.item(0, 2).text() == "Active"
    mother.close()
