"""The needs list in Settings: add, rename, retire and bring back a need; a need in use
cannot be deleted (and the editor says so); an unused one can."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from coordinator.services import vocabularies
from coordinator.services.records.mothers import blank_mother, save_mother
from coordinator.ui.dialogs.vocabulary_editor import VocabularyEditor
from coordinator.ui.pages.settings import SettingsPage
from tests.ui.helpers import click_when_shown, open_settings_dialog
from tests.ui.volunteers_data import TODAY, click


@pytest.fixture
def editor(qtbot, vault) -> VocabularyEditor:
    return open_settings_dialog(qtbot, vault, "needs_button", VocabularyEditor)


def labels(editor) -> list[str]:
    model = editor.model
    return [model.data(model.index(r, 0)) for r in range(model.rowCount())]


def row_text(editor, label: str) -> list[str]:
    row = labels(editor).index(label)
    return [editor.model.data(editor.model.index(row, c)) for c in range(3)]


def choose(editor, label: str) -> None:
    editor.table.selectRow(labels(editor).index(label))


def add(qtbot, editor, label: str) -> None:
    qtbot.keyClicks(editor.new_name, label)
    click(qtbot, editor.add_button)


def test_a_need_is_added_and_renamed(qtbot, editor, vault):
    assert "First baby" in labels(editor)
    assert not editor.add_button.isEnabled()
    add(qtbot, editor, "Expecting twins")
    assert labels(editor)[-1] == "Expecting twins"
    assert row_text(editor, "Expecting twins") == ["Expecting twins", "No records", "Yes"]
    assert editor.add_message.text() == "Added “Expecting twins”."
    assert editor.name.text() == "Expecting twins"  # the new need is the chosen one

    editor.name.clear()
    qtbot.keyClicks(editor.name, "Twins or triplets expected")
    click(qtbot, editor.rename_button)
    assert "Twins or triplets expected" in labels(editor)
    assert "Expecting twins" not in labels(editor)
    offered = [label for _id, label in vocabularies.active_terms(vault, "need")]
    assert "Twins or triplets expected" in offered


def test_a_name_already_taken_is_refused_under_the_field(qtbot, editor):
    add(qtbot, editor, "first  BABY")
    assert editor.add_message.isVisible()
    assert editor.add_message.text() == "There is already a need called that."
    assert labels(editor).count("First baby") == 1


def test_a_need_in_use_cannot_be_deleted_and_says_why(qtbot, editor, vault):
    need = dict((label, i) for i, label in vocabularies.active_terms(vault, "need"))["First baby"]
    form = blank_mother(TODAY)
    form.full_name, form.need_ids = "Amira Haddad", [need]
    save_mother(vault, form, TODAY)
    editor.reload()
    assert row_text(editor, "First baby")[1] == "1 record"

    choose(editor, "First baby")
    click(qtbot, editor.delete_button)
    assert editor.name_message.isVisible()
    assert editor.name_message.text() == (
        "This need is used by 1 record, so it cannot be deleted: "
        "retire it instead and it will no longer be offered."
    )
    assert "First baby" in labels(editor)

    click(qtbot, editor.active_button)
    assert row_text(editor, "First baby")[2] == "No (retired)"
    assert editor.active_button.text().replace("&", "") == "Bring back"
    assert need not in dict(vocabularies.active_terms(vault, "need"))
    click(qtbot, editor.active_button)
    assert row_text(editor, "First baby")[2] == "Yes"


def test_an_unused_need_is_deleted_after_confirming(qtbot, editor):
    add(qtbot, editor, "Temporary need")
    choose(editor, "Temporary need")
    click_when_shown(lambda: getattr(editor, "confirm_box", None), "Delete")
    click(qtbot, editor.delete_button)
    assert "Temporary need" not in labels(editor)
    assert editor.message.text() == "Deleted “Temporary need”."


def test_enter_in_the_new_name_adds_it(qtbot, editor):
    qtbot.keyClicks(editor.new_name, "Recently arrived")
    qtbot.keyClick(editor.new_name, Qt.Key.Key_Return)
    assert "Recently arrived" in labels(editor)
    assert editor.isVisible()  # Enter did not close the dialog


@pytest.mark.parametrize(
    ("vocabulary", "title", "new_label"),
    [
        ("language", "Languages", "Amharic"),
        ("experience_tag", "Lived experience", "Premature baby"),
        ("training_module", "Training modules", "Safeguarding refresher"),
        ("service_category", "Service categories", "Toy library"),
    ],
)
def test_every_list_the_forms_offer_is_edited_from_settings(
    qtbot, vault, vocabulary, title, new_label
):
    settings = SettingsPage(vault)
    qtbot.addWidget(settings)
    with qtbot.waitExposed(settings):
        settings.show()
    records = settings.show_section("records")
    button = records.list_buttons[vocabulary]
    assert button.text() == f"{title}…"
    click(qtbot, button)
    editor = records.dialog
    assert isinstance(editor, VocabularyEditor)
    qtbot.waitExposed(editor)
    assert editor.windowTitle() == title
    assert "need" not in editor.explanation.text()

    add(qtbot, editor, new_label)
    assert editor.add_message.text() == f"Added “{new_label}”."
    assert new_label in [label for _id, label in vocabularies.active_terms(vault, vocabulary)]
    assert "First baby" not in labels(editor)  # the needs list is a list of its own
    assert new_label not in [label for _id, label in vocabularies.active_terms(vault, "need")]


def test_the_hint_never_suggests_a_need_already_in_the_list(qtbot, editor):
    assert editor.new_name.placeholderText() == "For example: Twins or triplets"
    add(qtbot, editor, "twins or TRIPLETS")
    assert editor.new_name.placeholderText() == "For example: Baby in neonatal care"
    add(qtbot, editor, "Baby in neonatal care")
    add(qtbot, editor, "Recent bereavement")
    assert editor.new_name.placeholderText() == ""  # every example is there already
