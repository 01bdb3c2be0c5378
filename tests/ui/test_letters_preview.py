"""The Letters dialog and the preview: made in memory, printed, saved only where chosen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from coordinator.letters import letter_pdf
from coordinator.services.letters import AddressChoice, LetterKind, Section, letters_for_mother
from coordinator.ui.letters.letters_dialog import LettersDialog
from coordinator.ui.letters.preview import LetterPreview
from tests.letters import samples, world
from tests.letters.pdftext import page_count, pdf_text
from tests.letters.world import TODAY


@pytest.fixture
def people(vault):
    return world.build(vault)


def letters_dialog(qtbot, vault, mother_id) -> LettersDialog:
    dialog = LettersDialog(vault, mother_id, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_summary_with_three_ticked_sections_is_previewed_printed_and_recorded(
    qtbot, vault, people, tmp_path, watched
):
    dialog = letters_dialog(qtbot, vault, people.zoe)
    assert dialog.chosen_kind() == LetterKind.REFERRAL_SUMMARY
    for section, check in dialog.sections.items():
        check.setChecked(section in (Section.IDENTITY, Section.PREGNANCY, Section.SUPPORT))
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    preview = dialog.preview
    assert preview is not None and preview.page_count() >= 1
    assert preview.canvas.pixmap() is not None and not preview.canvas.pixmap().isNull()

    printer = preview.new_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    assert preview.print_to(printer)
    assert page_count(printed.read_bytes()) == preview.page_count()
    assert "Sent" in preview.message.text()

    (row,) = letters_for_mother(vault, people.zoe)
    assert row.note.startswith("Sections: Identity and contact, Pregnancy and baby, Support so far")
    made = dialog.history.item(0).text()
    assert "Referral summary" in made and "Pregnancy and baby, Support so far" in made
    assert f"made by {dialog.made_by.text()}" in made
    preview.close()
    assert watched() == (set(), set())


def test_home_address_is_disabled_with_the_reason_when_no_letters_home(qtbot, vault, people):
    dialog = letters_dialog(qtbot, vault, people.ayse)
    dialog.kind.setCurrentIndex(dialog.kind.findData(LetterKind.INTRODUCTION))
    home = dialog.addresses[AddressChoice.HOME]
    assert not home.isEnabled() and "no letters to her home address" in home.toolTip()
    assert dialog.addresses[AddressChoice.SAFE].isChecked()
    preview = dialog.make()
    assert "c/o Siobhán Ní Bhriain" in pdf_text(preview._pdf)
    preview.close()


def test_safeguarding_is_included_only_once_confirmed(qtbot, vault, people, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    dialog = letters_dialog(qtbot, vault, people.zoe)
    dialog.sections[Section.SAFEGUARDING].setChecked(True)
    assert not dialog.sections[Section.SAFEGUARDING].isChecked()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.sections[Section.SAFEGUARDING].setChecked(True)
    preview = dialog.make()
    assert world.SAFEGUARDING_NOTE in pdf_text(preview._pdf)
    preview.close()


def test_a_summary_without_consent_asks_for_the_acknowledgement(qtbot, vault, people):
    dialog = letters_dialog(qtbot, vault, people.olga)
    assert dialog.acknowledge.isVisible() and "No consent" in dialog.consent_note.text()
    assert dialog.make() is None
    assert letters_for_mother(vault, people.olga) == []
    dialog.acknowledge.setChecked(True)
    preview = dialog.make()
    assert preview is not None
    preview.close()
    assert "acknowledged" in letters_for_mother(vault, people.olga)[0].note


def test_save_as_pdf_warns_first_and_writes_only_the_chosen_file(
    qtbot, tmp_path, monkeypatch, watched
):
    pdf = letter_pdf(samples.introduction(), samples.letterhead())
    preview = LetterPreview(pdf, "Letter")
    qtbot.addWidget(preview)
    chosen = tmp_path / "chosen" / "letter"
    chosen.parent.mkdir()
    monkeypatch.setattr(preview, "choose_path", lambda: chosen.with_suffix(".pdf"))

    def answer(button_text: str) -> None:
        box = QApplication.activeModalWidget()
        assert box.objectName() == "unencrypted_warning"
        assert "NOT be encrypted" in box.text()
        next(b for b in box.buttons() if b.text().replace("&", "") == button_text).click()

    QTimer.singleShot(0, lambda: answer("Cancel"))
    preview.save_dialog()
    assert list(chosen.parent.iterdir()) == []
    QTimer.singleShot(0, lambda: answer("Save"))
    preview.save_dialog()
    assert [p.name for p in chosen.parent.iterdir()] == ["letter.pdf"]
    assert chosen.with_suffix(".pdf").read_bytes() == pdf
    assert "not encrypted" in preview.message.text()
    preview.close()
    assert watched() == (set(), set())


def test_zoom_and_paging(qtbot):
    from dataclasses import replace

    from coordinator.letters import SummarySection, referral_summary_pdf

    many = SummarySection("Needs", items=tuple(f"Need {n}" for n in range(80)))
    pdf = referral_summary_pdf(replace(samples.summary(), sections=(many,)), samples.letterhead())
    preview = LetterPreview(pdf, "Summary")
    qtbot.addWidget(preview)
    preview.show()
    assert preview.page_count() >= 2 and not preview.previous_button.isEnabled()
    qtbot.mouseClick(preview.next_button, Qt.MouseButton.LeftButton)
    assert preview.page == 1 and "Page 2 of" in preview.page_label.text()
    small = preview.canvas.pixmap().width()
    preview.zoom_box.setCurrentIndex(preview.zoom_box.findData(2.0))
    assert preview.canvas.pixmap().width() > small
    preview.close()


def test_whole_page_fills_the_window_height_once_shown(qtbot):
    pdf = letter_pdf(samples.introduction(), samples.letterhead())
    preview = LetterPreview(pdf, "Letter")
    qtbot.addWidget(preview)
    preview.resize(1366, 768)
    with qtbot.waitExposed(preview):
        preview.show()
    room = preview.scroll.viewport().height() - 24

    def page_height() -> float:
        pixmap = preview.canvas.pixmap()
        return pixmap.height() / pixmap.devicePixelRatio()

    qtbot.waitUntil(lambda: abs(page_height() - room) <= 2)
    preview.close()


class PrintToFileDialog:
    """Stands in for the system print dialog: she picks "Print to file" and a file."""

    def __init__(self, path):
        self.path = path

    def __call__(self, printer, _parent):
        self.printer = printer
        return self

    def setMinMax(self, *_args):  # noqa: N802 (Qt's name)
        pass

    def setOption(self, *_args):  # noqa: N802 (Qt's name)
        pass

    def exec(self):
        self.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        self.printer.setOutputFileName(str(self.path))
        return QDialog.DialogCode.Accepted


def test_print_to_file_warns_as_save_does_and_writes_only_the_file_chosen(
    qtbot, tmp_path, monkeypatch, watched
):
    from coordinator.ui.letters import preview as module

    chosen = tmp_path / "chosen" / "printed.pdf"
    chosen.parent.mkdir()
    monkeypatch.setattr(module, "QPrintDialog", PrintToFileDialog(chosen))
    preview = LetterPreview(letter_pdf(samples.introduction(), samples.letterhead()), "Letter")
    qtbot.addWidget(preview)

    def answer(button_text: str) -> None:
        box = QApplication.activeModalWidget()
        assert box.objectName() == "unencrypted_warning"
        next(b for b in box.buttons() if b.text().replace("&", "") == button_text).click()

    QTimer.singleShot(0, lambda: answer("Cancel"))
    preview.print_dialog()
    assert not chosen.exists()
    QTimer.singleShot(0, lambda: answer("Save"))
    preview.print_dialog()
    assert page_count(chosen.read_bytes()) == 1
    preview.close()
    assert watched() == (set(), set())


def test_the_preview_buttons_each_have_their_own_alt_letter(qtbot):
    preview = LetterPreview(letter_pdf(samples.introduction(), samples.letterhead()), "Letter")
    qtbot.addWidget(preview)
    keys = [
        QKeySequence.mnemonic(button.text()).toString()
        for button in (preview.print_button, preview.save_button)
    ]
    assert keys == ["Alt+P", "Alt+S"]
