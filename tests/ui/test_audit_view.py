"""The audit trail in Settings: newest first, loaded as it scrolls, filtered by action,
and never showing what was typed into a record."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from coordinator.models import AuditAction
from coordinator.services import audit
from coordinator.ui.dialogs.audit_view import BATCH, AuditDialog
from coordinator.ui.pages.volunteers_page import VolunteersPage
from tests.ui.helpers import open_settings_dialog
from tests.ui.volunteers_data import click, enter

SENTINEL = "Zebedee Sentinelworth"


def every_cell(dialog) -> list[str]:
    model = dialog.model
    return [
        str(model.data(model.index(r, c)) or "")
        for r in range(model.rowCount())
        for c in range(model.columnCount())
    ]


def open_audit(qtbot, vault) -> AuditDialog:
    return open_settings_dialog(qtbot, vault, "audit_button", AuditDialog)


def test_saving_a_volunteer_is_listed_without_what_was_typed(qtbot, vault):
    page = VolunteersPage(vault)
    qtbot.addWidget(page)
    click(qtbot, page.new_button)
    form = page.dialog
    enter(qtbot, form, "full_name", SENTINEL)
    enter(qtbot, form, "postcode", "LE2 1HL")
    enter(qtbot, form, "email", "zebedee@example.org")
    with qtbot.waitSignal(form.finished):
        click(qtbot, form.save_button)

    dialog = open_audit(qtbot, vault)
    model = dialog.model
    assert model.rowCount() == 1
    first = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert first[1:4] == ["Added", "Volunteer", str(page.selected_id())]
    assert {"Full name", "Postcode", "Email", "Status"} <= set(first[4].split(", "))
    shown = " ".join(every_cell(dialog))
    assert SENTINEL not in shown and "Zebedee" not in shown and "LE2" not in shown


def test_newest_first_and_filtered_by_action(qtbot, vault):
    with vault.transaction() as s:
        audit.record(s, AuditAction.CREATE, entity_type="mother", entity_id=1, fields=["edd"])
    with vault.transaction() as s:
        audit.record(s, AuditAction.DELETE, entity_type="local_service", entity_id=7)
    dialog = open_audit(qtbot, vault)
    model = dialog.model
    assert [model.data(model.index(r, 1)) for r in range(2)] == ["Deleted", "Added"]
    assert model.data(model.index(0, 2)) == "Local service"
    assert model.data(model.index(1, 4)) == "Due date"

    dialog.action.setCurrentIndex(dialog.action.findText("Added"))
    assert model.rowCount() == 1 and model.data(model.index(0, 2)) == "Mother"
    dialog.action.setCurrentIndex(dialog.action.findText("Exported"))
    assert model.rowCount() == 0
    assert dialog.empty.isVisible()
    assert dialog.empty.text() == "Nothing of this kind has been recorded yet."


def test_a_long_trail_is_read_as_it_scrolls(qtbot, vault):
    with vault.transaction() as s:
        for n in range(BATCH * 2 + 5):
            audit.record(s, AuditAction.UPDATE, entity_type="volunteer", entity_id=n)
    dialog = open_audit(qtbot, vault)
    assert dialog.model.rowCount() == BATCH
    dialog.table.scrollToBottom()
    qtbot.waitUntil(lambda: dialog.model.rowCount() > BATCH)
    while dialog.model.canFetchMore(QModelIndex()):
        dialog.model.fetchMore(QModelIndex())
    assert dialog.model.rowCount() == BATCH * 2 + 5


def test_the_trail_cannot_be_edited(qtbot, vault):
    with vault.transaction() as s:
        audit.record(s, AuditAction.IMPORT, entity_type="mother", summary="3 imported")
    dialog = open_audit(qtbot, vault)
    index = dialog.model.index(0, 5)
    assert dialog.model.data(index) == "3 imported"
    assert not dialog.model.flags(index) & Qt.ItemFlag.ItemIsEditable


def test_an_empty_trail_says_so(qtbot, vault):
    dialog = open_audit(qtbot, vault)
    assert dialog.empty.isVisible() and dialog.empty.text() == "Nothing has been recorded yet."


def test_stored_field_names_read_as_words():
    from coordinator.ui.dialogs.audit_view import plain_name

    assert plain_name("address_line1") == "Address line 1"
    assert plain_name("dbs_checks") == "DBS checks"
    assert plain_name("project_ids") == "Projects"
    assert plain_name("edd") == "Due date"
    assert plain_name("") == ""
