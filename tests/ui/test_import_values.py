"""The import dialog's values step: the values not in her lists, per column, each mapped to
a term, added to her list, or refused, before anything is saved."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from coordinator.services import vocabularies
from coordinator.services.records.mothers import load_mother
from coordinator.ui.dialogs.import_dialog import ImportDialog
from tests.ui.volunteers_data import click

HEADERS = ["Mum's name", "Main language", "Needs", "Referred by", "Referrer", "Notes"]


@pytest.fixture
def spreadsheet(tmp_path) -> Path:
    path = tmp_path / "referrals.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows([
            HEADERS,
            ["Amira Haddad", "Igbo", "First baby", "Midwife", "Jo Bloggs", "Prefers texts"],
            ["Beth Clarke", "Polsih", "Jet lag", "Family nurse", "Dr Rao", ""],
            ["Chloe Mensah", "Elvish", "Social isolation", "GP", "Dr Singh", ""],
        ])  # fmt: skip
    return path


@pytest.fixture
def dialog(qtbot, vault):
    dialog = ImportDialog(vault, "mothers")
    qtbot.addWidget(dialog)
    dialog.resize(1366, 768)
    with qtbot.waitExposed(dialog):
        dialog.show()
    return dialog


def to_values_step(qtbot, dialog, path: Path) -> None:
    qtbot.keyClicks(dialog.file, str(path))
    with qtbot.waitSignal(dialog.preview_task.finished, timeout=10_000):
        qtbot.keyClick(dialog.file, Qt.Key.Key_Return)
    with qtbot.waitSignal(dialog.values_task.finished, timeout=10_000):
        click(qtbot, dialog.import_button)


def test_unknown_values_are_asked_about_and_her_answers_are_imported(
    qtbot, dialog, spreadsheet, vault
):
    to_values_step(qtbot, dialog, spreadsheet)
    page = dialog.values_page
    assert dialog.steps.currentWidget() is page and dialog.back_button.isVisible()
    assert set(page.combos) == {
        ("Main language", "Igbo"),
        ("Main language", "Polsih"),
        ("Main language", "Elvish"),
        ("Needs", "Jet lag"),
        ("Referred by", "Family nurse"),
    }
    titles = [w.text() for w in page.findChildren(QLabel) if w.text().startswith("“")]
    assert "“Main language”: 3 values not in your list of languages" in titles
    assert "“Needs”: 1 value not in your list of needs" in titles
    assert "“Igbo” (1 row)" in titles
    # Likely answers are chosen already: a language to add, a near spelling, and for a
    # choice that cannot be added, "not right" until she says.
    assert page.combos[("Main language", "Igbo")].currentText() == "Add “Igbo” to your list"
    assert page.combos[("Main language", "Polsih")].currentText() == "Polish"
    assert page.combos[("Main language", "Elvish")].currentText() == "English"  # near spelling
    assert page.combos[("Referred by", "Family nurse")].currentText().startswith("Not right")
    dialog.grab().save("/tmp/import-values-step.png")

    page.choose("Referred by", "Family nurse", "Health visitor")
    page.choose("Needs", "Jet lag", "Not right: don't import these rows")
    with qtbot.waitSignal(dialog.import_task.finished, timeout=20_000):
        click(qtbot, dialog.import_button)

    report = dialog.report
    assert [r.row for r in report.rejected] == [3]
    # The whole reason is there to read: wrapped in the table, and as its tooltip.
    table = dialog.result.rejected
    reason = table.model().index(0, 1)
    assert table.wordWrap() and table.textElideMode() == Qt.TextElideMode.ElideNone
    assert reason.data(Qt.ItemDataRole.ToolTipRole) == report.rejected[0].reason
    assert reason.data() == report.rejected[0].reason
    assert "You chose not to import rows with 'Jet lag'" in report.rejected[0].reason
    assert report.added_terms == {"languages": ["Igbo"]}
    assert "Added to your list of languages: Igbo." in dialog.result.notes.text()
    languages = {t.id: t.label for t in vocabularies.terms(vault, "language")}
    amira, chloe = (load_mother(vault, i) for i in report.ids)
    assert languages[amira.language_id] == "Igbo"
    assert languages[chloe.language_id] == "English"
    assert amira.referrer_name == "Jo Bloggs" and amira.notes == "Prefers texts"
    dialog.grab().save("/tmp/import-result-step.png")


def test_back_returns_to_the_columns_and_nothing_is_saved(qtbot, dialog, spreadsheet, vault):
    to_values_step(qtbot, dialog, spreadsheet)
    click(qtbot, dialog.back_button)
    assert dialog.steps.currentIndex() == 1 and not dialog.back_button.isVisible()
    assert [t.label for t in vocabularies.terms(vault, "language")].count("Igbo") == 0
