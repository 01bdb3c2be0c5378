"""File > Import from a spreadsheet opens the import dialog, only while unlocked."""

from __future__ import annotations

from coordinator.ui.dialogs.import_dialog import ImportDialog
from tests.ui.helpers import type_and_unlock


def test_import_menu_opens_the_dialog_while_unlocked(qtbot, make_window, keystore, db_path):
    window = make_window(db_path, keystore)
    assert not window.import_action.isEnabled()
    type_and_unlock(qtbot, window)
    assert window.import_action.isEnabled()
    window.import_action.trigger()
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(ImportDialog)))
    for dialog in window.findChildren(ImportDialog):
        dialog.reject()


def test_import_menu_suggests_the_kind_of_list_being_looked_at(
    qtbot, make_window, keystore, db_path
):
    from tests.ui.helpers import go_to

    window = make_window(db_path, keystore)
    type_and_unlock(qtbot, window)
    for section, kind in (
        ("Volunteers", "volunteers"),
        ("Services", "services"),
        ("Today", "mothers"),
    ):
        go_to(window, section)
        window.import_action.trigger()
        [dialog] = [d for d in window.findChildren(ImportDialog) if d.isVisible()]
        assert dialog.kind_name() == kind
        dialog.reject()
        dialog.setParent(None)
