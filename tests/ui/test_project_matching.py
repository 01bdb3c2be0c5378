"""Settings > Projects > a project's Matching tab: the weight and direction of each
criterion, the training and induction a volunteer needs and the language rule, saved with
the project and shown again when it is opened; a lock keeps them as a draft."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from coordinator.services.matching import Criterion, Direction, criterion_has_direction, load_rules
from coordinator.services.records import projects
from coordinator.ui.dialogs.projects_dialog import ProjectsDialog
from tests.ui.helpers import open_settings_dialog


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


@pytest.fixture
def project_id(vault) -> int:
    return projects.save_project(
        vault, projects.ProjectForm(name="Bump Buddies", model="befriending")
    )


@pytest.fixture
def form(qtbot, vault, project_id):
    dialog: ProjectsDialog = open_settings_dialog(qtbot, vault, "projects_button", ProjectsDialog)
    dialog.table.selectRow(0)
    click(qtbot, dialog.open_button)
    form = dialog.form
    qtbot.waitExposed(form)
    form.tabs.setCurrentWidget(form.matching)
    return form


def save(qtbot, form) -> None:
    qtbot.waitUntil(form.save_button.isEnabled)
    with qtbot.waitSignal(form.finished):
        click(qtbot, form.save_button)


def test_directions_are_offered_only_where_they_make_sense(form):
    grid = form.matching.grid
    assert set(grid.weights) == set(Criterion)
    assert set(grid.directions) == {c for c in Criterion if criterion_has_direction(c)}
    assert Criterion.DISTANCE not in grid.directions
    assert not form.save_button.isEnabled()  # nothing changed yet


def test_weights_directions_and_checks_are_saved_with_the_project(qtbot, form, vault, project_id):
    tab = form.matching
    tab.grid.weights[Criterion.DISTANCE].setValue(9)
    age = tab.grid.directions[Criterion.AGE]
    age.setCurrentIndex(age.findData(Direction.DIFFERENT.value))
    tab.training.item(0).setCheckState(Qt.CheckState.Checked)
    tab.ensureWidgetVisible(tab.induction)
    assert tab.induction.isChecked()  # the usual rule
    qtbot.mouseClick(
        tab.induction, Qt.MouseButton.LeftButton, pos=QPoint(8, tab.induction.height() // 2)
    )
    assert not tab.induction.isChecked()
    assert tab.rules().induction_required is False
    assert form.status.text() == "Unsaved changes."
    save(qtbot, form)
    rules = load_rules(vault, project_id)
    assert rules.weight(Criterion.DISTANCE) == 9
    assert rules.direction(Criterion.AGE) == Direction.DIFFERENT
    assert rules.required_training == (tab.training.item(0).data(Qt.ItemDataRole.UserRole),)
    assert rules.induction_required is False


def test_the_saved_rules_are_shown_when_the_project_is_opened_again(qtbot, form, vault):
    form.matching.grid.weights[Criterion.FAIRNESS].setValue(0)
    save(qtbot, form)
    dialog = form.parent()
    dialog.table.selectRow(0)
    click(qtbot, dialog.open_button)
    again = dialog.form
    assert again.matching.grid.weights[Criterion.FAIRNESS].value() == 0
    assert not again.save_button.isEnabled()
    click(qtbot, again.matching.defaults_button)  # the usual weights again
    assert again.matching.grid.weights[Criterion.FAIRNESS].value() == 3
    assert again.save_button.isEnabled()


def test_a_draft_keeps_the_matching_tab(form):
    form.matching.grid.weights[Criterion.LANGUAGE].setValue(2)
    values = form.draft_values()
    assert values["form"]["matching"]["criteria"]["language"][0] == 2
    form.matching.grid.weights[Criterion.LANGUAGE].setValue(8)
    form.apply_values(values["form"], announce=False)
    assert form.matching.grid.weights[Criterion.LANGUAGE].value() == 2
