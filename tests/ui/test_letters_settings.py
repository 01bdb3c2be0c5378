"""Settings → Letters: the letterhead, the logo and the wording, checked as she types."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from coordinator.letters import make_letter
from coordinator.services.letters import (
    LetterKind,
    LetterRequest,
    default_wording,
    load_letterhead,
    load_wording,
)
from coordinator.ui.pages.settings.letters import LettersSection
from tests.letters import world
from tests.letters.pdftext import pdf_text
from tests.letters.samples import logo_png

TODAY = date(2026, 12, 2)
SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100">'
    b'<circle cx="50" cy="50" r="40" fill="#2f6f73"/></svg>'
)


@pytest.fixture
def section(qtbot, vault):
    widget = LettersSection(vault, today=TODAY)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def choose(section, kind: LetterKind) -> None:
    section.wording.kind.setCurrentIndex(section.wording.kind.findData(kind.value))


def test_letterhead_typed_and_saved_is_what_letters_print(qtbot, section, vault, tmp_path):
    # keyClicks types ASCII only: the name with its Polish letters is put in whole
    section.fields["charity_name"].setText("Łódź Mothers' Circle")
    qtbot.keyClicks(section.fields["charity_number"], "1198765")
    section.address.setPlainText("2 Station Road\nLeicester\nLE1 1AA")
    logo = tmp_path / "logo.png"
    logo.write_bytes(logo_png())
    assert section.logo.take_file(logo)
    assert section.save_button.isEnabled()
    qtbot.mouseClick(section.save_button, Qt.MouseButton.LeftButton)
    head = load_letterhead(vault)
    assert head.charity_name == "Łódź Mothers' Circle" and head.logo_png == logo_png()
    assert head.address == ("2 Station Road", "Leicester", "LE1 1AA")
    people = world.build(vault, head)
    made = make_letter(vault, LetterRequest(LetterKind.INTRODUCTION, people.zoe), today=TODAY)
    text = pdf_text(made.pdf)
    assert "Łódź Mothers' Circle" in text and "Registered charity number 1198765" in text


def test_an_svg_logo_is_kept_with_a_png_to_print(section, vault, tmp_path):
    path = tmp_path / "logo.svg"
    path.write_bytes(SVG)
    assert section.logo.take_file(path)
    assert section.logo.png.startswith(b"\x89PNG") and section.logo.svg == SVG
    assert section.save()
    assert load_letterhead(vault).logo_png.startswith(b"\x89PNG")


def test_a_file_that_is_not_an_image_is_refused_with_the_reason(section, tmp_path):
    path = tmp_path / "notes.png"
    path.write_text("not an image")
    assert not section.logo.take_file(path)
    assert "not a PNG" in section.message_for("logo").text()
    assert section.logo.png is None


def test_an_unknown_placeholder_is_refused_before_saving(qtbot, section, vault):
    choose(section, LetterKind.ACKNOWLEDGEMENT)
    section.wording.text.setPlainText(
        "Dear {referrer.name},\n\nHello {volunteer.first_name}.\n\nBye,"
    )
    assert not section.save_button.isEnabled()
    message = section.message_for("wording").text()
    assert "{volunteer.first_name}" in message and "Referral acknowledgement" in message
    assert not section.save()
    assert load_wording(vault, LetterKind.ACKNOWLEDGEMENT) == default_wording(
        LetterKind.ACKNOWLEDGEMENT
    )


def test_edited_wording_prints_and_the_default_can_be_restored(qtbot, section, vault):
    choose(section, LetterKind.INTRODUCTION)
    section.wording.text.setPlainText(
        "Subject: Hello\n\nDear {mother.preferred_name},\n\n{volunteer.first_name} will "
        "visit on {match.first_visit}.\n\nWarm wishes,"
    )
    assert section.save()
    people = world.build(vault)
    made = make_letter(vault, LetterRequest(LetterKind.INTRODUCTION, people.zoe), today=TODAY)
    assert "Ayşe will visit on 9 December 2026." in pdf_text(made.pdf)
    section.wording.restore_default()
    assert section.save()
    assert load_wording(vault, LetterKind.INTRODUCTION) == default_wording(LetterKind.INTRODUCTION)


def test_the_preview_follows_the_letter_chosen(qtbot, section):
    choose(section, LetterKind.ENDING_UNPLANNED)
    section.draw_preview()
    first = section.preview.pixmap().toImage()
    choose(section, LetterKind.INTRODUCTION)
    section.draw_preview()
    assert section.preview.pixmap().toImage() != first
