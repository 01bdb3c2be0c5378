"""The mother form's general Notes field: typed over several lines, saved and shown again."""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit

from coordinator.services.records.mothers import load_mother
from coordinator.ui.forms.mother_form import MotherDialog
from coordinator.ui.pages.mothers_page import MothersPage
from tests.ui.form_filling import click_new, enter, field, save_and_close, shown
from tests.ui.mothers_data import add_people


def test_notes_are_typed_saved_and_loaded_again(qtbot, vault):
    page = shown(qtbot, MothersPage(vault), add_people(vault))
    dialog = click_new(qtbot, page)
    enter(qtbot, dialog, "full_name", "Beth Bloggs")
    notes = field(dialog, "notes")
    assert isinstance(notes, QPlainTextEdit)
    notes.setFocus()
    qtbot.keyClicks(notes, "Her sister answers the phone.")
    save_and_close(qtbot, dialog)
    saved = load_mother(vault, page.selected_id())
    assert saved.notes == "Her sister answers the phone."

    again = MotherDialog(vault, page.selected_id())
    qtbot.addWidget(again, before_close_func=lambda d: d.reject())
    again.resize(1366, 768)
    with qtbot.waitExposed(again):
        again.show()
    assert field(again, "notes").toPlainText() == "Her sister answers the phone."
    again.scroll.ensureWidgetVisible(again.widget_for("notes"), 50, 80)
    again.grab().save("/tmp/mother-form-notes.png")
