"""The matching wizard, driven as a coordinator would: her needs at a glance, the ranked
volunteers with every point explained, "why isn't Sam here?", a side-by-side comparison,
this run's weights, and a proposal saved (or refused when a hard check fails meanwhile)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from coordinator.models import VolunteerStatus
from coordinator.services.changes import Kind
from coordinator.services.matching import Criterion, match_detail, matches_for_person
from coordinator.services.records.volunteers import load_volunteer, save_volunteer
from coordinator.ui.kit.operations import operations
from coordinator.ui.pages.mothers_page import MothersPage
from coordinator.ui.wizards.matching import MatchingWizard
from coordinator.ui.wizards.matching.common import criterion_name
from tests.ui.matching_data import TODAY, add_people, click


@pytest.fixture
def people(vault):
    return add_people(vault)


@pytest.fixture
def wizard(qtbot, vault, people):
    wizard = MatchingWizard(vault, people["Mia"], today=TODAY)
    qtbot.addWidget(wizard)
    with qtbot.waitExposed(wizard):
        wizard.show()
    qtbot.waitUntil(lambda: wizard.suggestion is not None)
    return wizard


def names(wizard) -> list[str]:
    model = wizard.model
    return [model.data(model.index(row, 2)) for row in range(model.rowCount())]


def test_she_sees_the_mother_and_the_ranked_volunteers(wizard):
    assert wizard.title.text() == "Find a volunteer for Mia Moss"
    assert wizard.summary.values["Language"] == "Polish"
    assert wizard.summary.values["Postcode"] == "LE1 6TH"
    shown = names(wizard)
    assert [name.split(" (")[0] for name in shown] == ["Ann Abbott", "Bea Brown", "Cat Cole"]
    assert wizard.count.text() == "3 volunteers can support her, best first."


def test_the_breakdown_of_the_chosen_volunteer_adds_up_to_her_score(wizard):
    candidate = wizard.chosen()
    assert candidate.name == "Ann Abbott"
    rows = wizard.breakdown.rows
    assert (criterion_name(Criterion.LANGUAGE), "+8", "Both speak Polish") in rows
    label, total, _ = rows[-1]
    assert label == "Score"
    parts = [float(points.replace("−", "-")) for _c, points, _w in rows[:-1]]
    assert round(sum(parts), 1) == float(total) == round(candidate.score, 1)
    assert wizard.chosen_panel.title.text().startswith("Ann Abbott")
    wizard.table.selectRow(2)
    assert wizard.chosen().name == "Cat Cole"
    assert "LE4" in " ".join(why for _c, _p, why in wizard.breakdown.rows)


def test_why_isnt_sam_here_is_answered_by_the_search(qtbot, wizard):
    panel = wizard.excluded
    assert not panel.body.isVisible()
    assert "2 volunteers cannot support her" in panel.toggle.text()
    assert "Not active: 1" in panel.counts.text()
    click(qtbot, panel.toggle)
    assert panel.body.isVisible()
    qtbot.keyClicks(panel.search, "sam")
    assert panel.proxy.rowCount() == 1
    reasons = panel.proxy.data(panel.proxy.index(0, 1))
    assert "Not active" in reasons
    panel.search.clear()
    qtbot.keyClicks(panel.search, "bea")
    assert "Bea Brown" in panel.answer.text() and "ranked 2" in panel.answer.text()
    panel.search.clear()
    qtbot.keyClicks(panel.search, "zelda")
    assert "No volunteer's name or reference holds" in panel.answer.text()


def test_up_to_three_ticked_volunteers_are_compared_side_by_side(qtbot, wizard):
    assert wizard.compare_button.text().replace("&", "") == "Compare the first three…"
    wizard.table.selectRow(0)
    qtbot.keyClick(wizard.table, Qt.Key.Key_Space)  # Space ticks the selected one
    wizard.model.setData(
        wizard.model.index(2, 1), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
    )
    assert wizard.compare_button.text().replace("&", "") == "Compare 2 ticked…"
    qtbot.keyClick(wizard, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    dialog = wizard.dialog
    assert [c.name for c in dialog.candidates] == ["Ann Abbott", "Cat Cole"]
    assert dialog.cells[(0, criterion_name(Criterion.LANGUAGE))].startswith("+8")
    dialog.close()


def test_no_more_than_three_are_ticked_to_compare(wizard):
    ids = [c.volunteer_id for c in wizard.model.candidates]
    assert len(ids) == 3 and all(wizard.model.set_compared(i, True) for i in ids)
    assert wizard.model.set_compared(999_999, True) is False  # a fourth
    assert len(wizard.model.compared_candidates()) == 3


def test_this_runs_weights_change_the_ranking_and_say_so(qtbot, wizard):
    before = wizard.model.candidates[0].score
    dialog = wizard.change_weights()
    dialog.grid.weights[Criterion.LANGUAGE].setValue(0)
    click(qtbot, dialog.rerun_button)
    qtbot.waitUntil(lambda: not wizard.run_task.running)
    ann = next(c for c in wizard.model.candidates if c.name == "Ann Abbott")
    assert ann.score == pytest.approx(before - 8, abs=0.11)
    assert "Shared language 0 (project 8)" in wizard.weights_note.text()
    assert wizard.suggestion.rules.weight(Criterion.LANGUAGE) == 0
    wizard.select(ann.volunteer_id)
    proposed = []
    wizard.proposed.connect(proposed.append)
    propose = wizard.propose_chosen()
    click(qtbot, propose.propose_button)
    qtbot.waitUntil(lambda: bool(proposed))
    saved = match_detail(wizard.vault, proposed[0])
    assert saved.weights_used[Criterion.LANGUAGE.value] == 0  # this run's, as shown
    assert saved.scores == ann.contributions and "Shared language" not in [
        criterion_name(c.criterion) for c in saved.scores
    ]


def test_proposing_saves_a_match_and_says_what_changed(qtbot, wizard, vault, people):
    changed = []
    operations().changed.connect(changed.append)
    wizard.table.selectRow(1)
    proposed = []
    wizard.proposed.connect(proposed.append)
    qtbot.keyClick(wizard, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    dialog = wizard.dialog
    assert dialog.proposed_on.text() == TODAY.strftime("%d/%m/%Y")
    qtbot.keyClicks(dialog.rationale, "Lives round the corner; free on Tuesdays.")
    click(qtbot, dialog.propose_button)
    qtbot.waitUntil(lambda: bool(proposed))
    [row] = matches_for_person(vault, mother_id=people["Mia"])
    assert row.volunteer_name == "Bea Brown" and row.status == "proposed"
    assert any({Kind.MATCH, Kind.MOTHER} <= kinds for kinds in changed)
    assert not wizard.isVisible()


def test_a_hard_check_failing_meanwhile_is_said_and_nothing_is_saved(qtbot, wizard, vault, people):
    form = load_volunteer(vault, people["Bea"])
    form.status = VolunteerStatus.LEFT
    form.left_on = TODAY
    form.leaving_reason = "Moved away"
    save_volunteer(vault, form, TODAY)
    wizard.table.selectRow(1)
    dialog = wizard.propose_chosen()
    click(qtbot, dialog.propose_button)
    qtbot.waitUntil(lambda: dialog.propose_button.isEnabled())
    assert dialog.isVisible()
    assert "Not saved" in dialog.message.text() and "Not active" in dialog.message.text()
    assert matches_for_person(vault, mother_id=people["Mia"]) == []


def test_a_missing_date_is_said_before_saving(qtbot, wizard, vault, people):
    dialog = wizard.propose_chosen()
    dialog.proposed_on.clear()
    qtbot.keyClicks(dialog.introduction, "31/02/2027")
    click(qtbot, dialog.propose_button)
    assert "Introduction visit" in dialog.message.text()
    assert matches_for_person(vault, mother_id=people["Mia"]) == []


def test_no_volunteer_at_all_says_so_and_opens_the_reasons(qtbot, vault):
    from tests.people import add_mother

    mother = add_mother(vault, TODAY, "Lone Lee")
    wizard = MatchingWizard(vault, mother, today=TODAY)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitUntil(lambda: wizard.suggestion is not None)
    assert wizard.empty.isVisible() and "No volunteer can support her now" in wizard.empty.text()
    assert not wizard.count.isVisible() and not wizard.chosen_panel.isVisible()
    assert wizard.excluded.body.isVisible()  # the reasons, opened for her
    assert not wizard.propose_button.isEnabled()


def test_the_mothers_list_finds_a_volunteer_for_the_selected_mother(qtbot, vault, people):
    page = MothersPage(vault)
    qtbot.addWidget(page)
    with qtbot.waitExposed(page):
        page.show()
    assert not page.find_button.isEnabled()
    page.select_id(people["Mia"])
    assert page.find_button.isEnabled()
    qtbot.keyClick(page.table, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    wizard = page.wizard
    assert isinstance(wizard, MatchingWizard)
    qtbot.waitUntil(lambda: wizard.suggestion is not None)
    assert wizard.suggestion.mother.mother_id == people["Mia"]
    wizard.reject()


def test_a_volunteer_she_has_had_before_is_included_only_when_asked(qtbot, vault, people):
    from coordinator.services.matching import decline, proposal_defaults, propose

    details = proposal_defaults(vault, people["Mia"], people["Ann"], today=TODAY)
    match = propose(vault, people["Mia"], people["Ann"], details, today=TODAY, decided_by="Jo")
    decline(vault, match, reason="The mother declined", today=TODAY)
    wizard = MatchingWizard(vault, people["Mia"], today=TODAY)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitUntil(lambda: wizard.suggestion is not None)
    assert "Ann Abbott" not in [c.name for c in wizard.model.candidates]
    click(qtbot, wizard.rematch)
    qtbot.waitUntil(lambda: not wizard.run_task.running)
    assert "Ann Abbott" in [c.name for c in wizard.model.candidates]
