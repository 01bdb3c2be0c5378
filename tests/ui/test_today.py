"""The Today page: a getting-started list on a new database whose links go to each first
step, there until the last step is done; counts read again (off the GUI thread) when shown."""

from __future__ import annotations

from PySide6.QtCore import Qt

from coordinator.services import backups
from coordinator.services.changes import Kind
from coordinator.services.records import projects
from coordinator.services.records.mothers import blank_mother, save_mother
from coordinator.ui.dialogs.import_dialog import ImportDialog
from coordinator.ui.dialogs.projects_dialog import ProjectsDialog
from coordinator.ui.kit.operations import operations
from tests.ui.helpers import go_to, type_and_unlock


def count_rows(today) -> list[tuple[str, str]]:
    """The counts as shown: (what, how many), row by row."""
    grid = today.grid
    return [
        (grid.itemAtPosition(row, 0).widget().text(), grid.itemAtPosition(row, 1).widget().text())
        for row in range(grid.rowCount())
        if grid.itemAtPosition(row, 0) is not None
    ]


def visible_steps(today) -> list[str]:
    return [name for name, (row, _link) in today.steps.items() if row.isVisible()]


def test_a_new_database_lists_the_first_steps_and_their_links_go_there(
    qtbot, make_window, keystore, db_path
):
    window = make_window(db_path, keystore)
    type_and_unlock(qtbot, window)
    workspace = window.workspace
    today = workspace.page("today")
    qtbot.waitUntil(today.start_box.isVisible)
    assert visible_steps(today) == ["project", "people", "backups"]

    qtbot.mouseClick(today.steps["project"][1], Qt.MouseButton.LeftButton)
    assert workspace.current_page() is workspace.page("settings")
    assert workspace.page("settings").current_section().title.text() == "Records"
    dialog = workspace.page("settings").section("records").dialog
    assert isinstance(dialog, ProjectsDialog)
    qtbot.waitExposed(dialog)
    dialog.close()

    go_to(window, "Today")
    qtbot.mouseClick(today.steps["people"][1], Qt.MouseButton.LeftButton)
    [importer] = workspace.findChildren(ImportDialog)
    assert importer.isVisible()
    importer.close()

    go_to(window, "Today")
    qtbot.mouseClick(today.steps["backups"][1], Qt.MouseButton.LeftButton)
    settings = workspace.page("settings")
    assert workspace.current_page() is settings
    assert settings.current_section() is settings.section("backups")
    assert settings.section("backups").folder.isVisible()


def test_the_steps_go_one_by_one_and_the_box_with_the_last(
    qtbot, make_window, keystore, db_path, tmp_path
):
    window = make_window(db_path, keystore)
    type_and_unlock(qtbot, window)
    vault = window.controller.vault
    today = window.workspace.page("today")
    go_to(window, "Mothers")
    project = projects.save_project(vault, projects.ProjectForm(name="Bumps", model="befriending"))
    operations().notify({Kind.PROJECT})  # as the Projects dialog says
    go_to(window, "Today")  # shown again: read again
    qtbot.waitUntil(lambda: visible_steps(today) == ["people", "backups"])
    assert today.count_labels[Kind.PROJECT].text() == "1"

    form = blank_mother()
    form.full_name = "Amina Yusuf"
    form.project_id = project  # once there are projects, a referral belongs to one
    go_to(window, "Mothers")
    save_mother(vault, form)
    operations().notify({Kind.MOTHER})
    go_to(window, "Today")
    qtbot.waitUntil(lambda: visible_steps(today) == ["backups"])
    assert today.start_box.isVisible()  # Getting started stays until its last step is done
    assert today.count_labels[Kind.MOTHER].text() == "1"
    assert count_rows(today)[:3] == [("Projects", "1"), ("Mothers", "1"), ("Volunteers", "0")]

    go_to(window, "Mothers")
    backups.set_automatic(vault, folder=str(tmp_path / "backups"), keep=10, on_close=True)
    operations().notify({Kind.SETTING})
    go_to(window, "Today")
    qtbot.waitUntil(lambda: not today.start_box.isVisible())
    assert visible_steps(today) == []
