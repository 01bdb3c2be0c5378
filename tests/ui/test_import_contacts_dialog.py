"""The volunteers' spreadsheet of visits imported in the app: a trial run says what would be
added, which rows are already there and which need fixing, before anything is saved; then
Import adds the contacts to their matches."""

from __future__ import annotations

from PySide6.QtCore import Qt

from coordinator.services import contacts
from coordinator.ui.dialogs.import_dialog import ImportDialog
from tests.ui.volunteers_data import click
from tests.unit.test_contacts_transfer import NOW, VISITS, match_id, write

__all__ = ["match_id"]  # the fixture, shared with the import's own tests


def test_contacts_are_checked_first_then_imported(qtbot, vault, match_id, tmp_path):
    # Two good rows, one already given above it, one naming a mother with no match.
    rows = [VISITS[0], VISITS[1], VISITS[2], VISITS[8], VISITS[4]]
    path = write(tmp_path / "visits.csv", rows)
    dialog = ImportDialog(vault, "contacts")
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    assert dialog.kind_name() == "contacts"
    qtbot.keyClicks(dialog.file, str(path))
    with qtbot.waitSignal(dialog.preview_task.finished, timeout=10_000):
        qtbot.keyClick(dialog.file, Qt.Key.Key_Return)
    check = dialog.contacts_check
    assert dialog.steps.currentWidget() is check
    assert check.title.text() == (
        "2 contacts to import, 1 duplicate (already there), 1 row needs fixing"
    )
    assert check.rejected_model.rowCount() == 1
    assert check.rejected_model.index(0, 0).data() == "5"
    assert "No match between Zara Ahmed and Sam Taylor" in check.rejected_model.index(0, 1).data()
    assert check.columns.text().startswith("Columns read: Date, Time, Mother ref, Volunteer ref,")
    assert contacts.match_contacts(vault, match_id, NOW.date()).total == 0  # nothing saved yet

    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.import_task.finished, timeout=10_000):
        click(qtbot, dialog.import_button)
    assert dialog.steps.currentWidget() is dialog.result
    assert dialog.result.title.text().startswith("2 imported, 1 duplicate")
    assert contacts.match_contacts(vault, match_id, NOW.date()).total == 2


def test_a_file_with_nothing_new_cannot_be_imported(qtbot, vault, match_id, tmp_path):
    path = write(tmp_path / "visits.csv", [["Date", "Mother", "Volunteer"]])
    dialog = ImportDialog(vault, "contacts")
    qtbot.addWidget(dialog)
    dialog.file.setText(str(path))
    with qtbot.waitSignal(dialog.preview_task.finished, timeout=10_000):
        dialog.read_file()
    assert dialog.contacts_check.explanation.text() == "No contacts were found in this file."
    assert not dialog.import_button.isEnabled()
