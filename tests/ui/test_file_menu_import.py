"""File > Import from a spreadsheet opens the import dialog, only while unlocked."""

from __future__ import annotations

from coordinator.ui.import_dialog import ImportDialog
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
