"""Settings > Projects…: a project added through its form as a person would, offered at once
on the Mothers page's filter, edited, refused deletion while records belong to it, and
deleted when none do."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from coordinator.models import Mother
from coordinator.services import vocabularies
from coordinator.services.changes import Kind
from coordinator.services.records import projects
from coordinator.ui.dialogs.projects_dialog import ProjectsDialog
from coordinator.ui.forms.project_form import ProjectFormDialog
from coordinator.ui.kit.operations import operations
from coordinator.ui.pages.mothers_page import MothersPage
from tests.ui.helpers import click_when_shown, open_settings_dialog


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def type_into(qtbot, form, key: str, text: str) -> None:
    widget = form.widget_for(key)
    widget.clear()
    qtbot.keyClicks(widget, text)


def choose(form, key: str, label: str) -> None:
    combo = form.widget_for(key)
    combo.setCurrentIndex(combo.findText(label))


@pytest.fixture
def dialog(qtbot, vault) -> ProjectsDialog:
    return open_settings_dialog(qtbot, vault, "projects_button", ProjectsDialog)


def names(dialog) -> list[str]:
    return [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]


def new_project(qtbot, dialog, name: str) -> ProjectFormDialog:
    click(qtbot, dialog.new_button)
    form = dialog.form
    assert isinstance(form, ProjectFormDialog)
    qtbot.waitExposed(form)
    type_into(qtbot, form, "name", name)
    return form


def test_a_fresh_database_says_how_to_add_the_first_project(dialog):
    assert dialog.rows == []
    assert dialog.body.currentWidget() is dialog.empty_note
    assert dialog.empty_note.isVisible() and not dialog.table.isVisible()
    assert not dialog.open_button.isEnabled()


def test_a_project_is_added_through_its_form_and_offered_on_the_mothers_page(qtbot, dialog, vault):
    form = new_project(qtbot, dialog, "Bump Buddies")
    assert not form.save_button.isEnabled()  # befriending or mentoring not yet chosen
    choose(form, "model", "Befriending")
    type_into(qtbot, form, "usual_duration_weeks", "26")
    type_into(qtbot, form, "project_phone", "0116 496 0000")
    type_into(qtbot, form, "offer_text_we_dont", "We are not a crisis service.")
    qtbot.waitUntil(form.save_button.isEnabled)
    with qtbot.waitSignal(form.finished):
        click(qtbot, form.save_button)

    assert names(dialog) == ["Bump Buddies"]
    assert dialog.table.item(0, 1).text() == "Befriending"
    assert dialog.chosen_id() == dialog.rows[0].id
    saved = projects.load_project(vault, dialog.rows[0].id)
    assert (saved.usual_duration_weeks, saved.project_phone) == (26, "0116 496 0000")

    page = MothersPage(vault)
    qtbot.addWidget(page)
    with qtbot.waitExposed(page):
        page.show()
    offered = [page.project_filter.itemText(i) for i in range(page.project_filter.count())]
    assert offered == ["All projects", "Bump Buddies"]


def test_bad_numbers_are_explained_beside_the_field(qtbot, dialog):
    form = new_project(qtbot, dialog, "First Steps")
    choose(form, "model", "Mentoring")
    type_into(qtbot, form, "supervision_interval_weeks", "60")
    qtbot.keyClick(form.widget_for("supervision_interval_weeks"), Qt.Key.Key_Tab)
    message = form.message_for("supervision_interval_weeks")
    qtbot.waitUntil(message.isVisible)
    assert message.text() == "Between 1 and 52 weeks, or leave it empty."
    assert not form.save_button.isEnabled()


def test_a_project_with_mothers_is_kept_and_can_be_retired_instead(qtbot, dialog, vault):
    project_id = projects.save_project(
        vault, projects.ProjectForm(name="Bump Buddies", model="befriending")
    )
    with vault.transaction() as s:
        s.add(
            Mother(full_name="Amina", referral_received_on=date(2026, 11, 1), project_id=project_id)
        )
    dialog.reload()
    dialog.table.selectRow(0)
    click(qtbot, dialog.open_button)
    form = dialog.form
    qtbot.waitExposed(form)
    click_when_shown(lambda: getattr(form, "question", None), "Delete")
    click(qtbot, form.delete_button)
    assert form.isVisible()
    assert form.message.text().startswith("This project has 1 mother, so it cannot be deleted")
    assert projects.project_rows(vault)[0].id == project_id

    form.widget_for("active").setChecked(False)
    qtbot.waitUntil(form.save_button.isEnabled)
    with qtbot.waitSignal(form.finished):
        click(qtbot, form.save_button)
    assert dialog.table.item(0, 3).text() == "No longer running"
    assert vocabularies.project_choices(vault) == []


def test_an_unused_project_is_deleted_after_confirming(qtbot, dialog, vault):
    projects.save_project(vault, projects.ProjectForm(name="Pilot", model="mentoring"))
    dialog.reload()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)  # Enter opens the chosen project
    form = dialog.form
    assert isinstance(form, ProjectFormDialog)
    qtbot.waitExposed(form)
    click_when_shown(lambda: getattr(form, "question", None), "Delete")
    with qtbot.waitSignal(form.finished):
        click(qtbot, form.delete_button)
    assert names(dialog) == []
    assert dialog.message.text() == "The project was deleted."


def test_a_page_offers_a_new_project_and_need_when_shown_again(qtbot, vault):
    first = projects.save_project(vault, projects.ProjectForm(name="Bumps", model="befriending"))
    page = MothersPage(vault)
    qtbot.addWidget(page)
    with qtbot.waitExposed(page):
        page.show()
    page.project_filter.setCurrentIndex(page.project_filter.findData(first))
    page.hide()
    projects.save_project(vault, projects.ProjectForm(name="Acorns", model="mentoring"))
    vocabularies.add_term(vault, "need", "Twins expected")
    operations().notify({Kind.PROJECT, Kind.VOCABULARY})  # as Settings' editors say
    assert page.project_filter.count() == 2  # hidden: read when shown, not before

    with qtbot.waitExposed(page):
        page.show()
    offered = [page.project_filter.itemText(i) for i in range(page.project_filter.count())]
    assert offered == ["All projects", "Acorns", "Bumps"]
    assert page.project_filter.currentData() == first  # the choice made is kept
    needs = [page.need_filter.itemText(i) for i in range(page.need_filter.count())]
    assert "Twins expected" in needs


def test_a_second_project_with_the_same_name_is_refused_at_the_name(qtbot, dialog, vault):
    projects.save_project(vault, projects.ProjectForm(name="Bump Buddies", model="befriending"))
    dialog.reload()
    form = new_project(qtbot, dialog, "bump buddies")
    choose(form, "model", "Befriending")
    qtbot.waitUntil(form.save_button.isEnabled)
    click(qtbot, form.save_button)
    message = form.message_for("name")
    assert message.isVisible()
    assert message.text() == "There is already a project called that."
    assert form.isVisible() and not form.save_button.isEnabled()
    assert names(dialog) == ["Bump Buddies"]

    # The refusal stays while other fields are edited, and goes when the name is.
    type_into(qtbot, form, "area_covered", "Leicester")
    assert message.text() == "There is already a project called that."
    type_into(qtbot, form, "name", "Bump Buddies Luton")
    qtbot.waitUntil(form.save_button.isEnabled)
    assert not message.isVisible()
    with qtbot.waitSignal(form.finished):
        click(qtbot, form.save_button)
    assert names(dialog) == ["Bump Buddies", "Bump Buddies Luton"]


def test_a_new_project_opens_with_the_cursor_in_its_name(qtbot, dialog):
    click(qtbot, dialog.new_button)
    form = dialog.form
    qtbot.waitActive(form)
    qtbot.waitUntil(lambda: form.focusWidget() is form.widget_for("name"))


def test_closing_a_form_that_cannot_be_saved_offers_discard_or_keep_editing(qtbot, dialog):
    form = new_project(qtbot, dialog, "Half typed")  # no model of support yet
    assert form.errors and form.is_changed()
    click_when_shown(lambda: getattr(form, "question", None), "Keep editing")
    form.close()
    assert form.isVisible()
    assert form.question.text().startswith(
        "This project cannot be saved yet: 1 field needs correcting."
    )
    buttons = sorted(b.text().replace("&", "") for b in form.question.buttons())
    assert buttons == ["Discard", "Keep editing"]
    assert form.message_for("model").isVisible()  # what to correct is shown

    click_when_shown(lambda: getattr(form, "question", None), "Discard")
    with qtbot.waitSignal(form.finished):
        form.close()
    assert names(dialog) == []


def test_a_project_typed_before_ctrl_l_in_its_form_is_offered_back(
    qtbot, make_window, keystore, db_path
):
    from PySide6.QtWidgets import QApplication

    from coordinator.services import drafts
    from tests.ui.helpers import go_to, is_unlocked, type_and_unlock

    window = make_window(db_path, keystore)
    type_and_unlock(qtbot, window)
    go_to(window, "Settings")
    records = window.workspace.page("settings").show_section("records")
    click(qtbot, records.projects_button)
    form = new_project(qtbot, records.dialog, "Bump Buddies")
    type_into(qtbot, form, "offer_text_we_dont", "Not a crisis service")

    form.raise_()
    form.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is form)
    qtbot.keyClick(form, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # from the form
    assert window.workspace is None
    type_and_unlock(qtbot, window)

    assert is_unlocked(window)
    settings = window.workspace.page("settings")
    assert window.workspace.current_page() is settings
    assert settings.current_section() is settings.section("records")
    restored = settings.section("records").dialog.form
    assert isinstance(restored, ProjectFormDialog) and restored.isVisible()
    assert restored.widget_for("name").text() == "Bump Buddies"
    assert restored.widget_for("offer_text_we_dont").toPlainText() == "Not a crisis service"
    assert restored.restored_note.text().startswith("Restored unsaved changes")
    assert drafts.pending(window.controller.vault) == []
    assert projects.project_rows(window.controller.vault) == []  # not saved until she says so
    restored.reject()
