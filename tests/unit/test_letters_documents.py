"""The documents themselves: text a reader would see, page numbers, dates and layout."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PIL import Image

from coordinator.letters import (
    Field,
    SummarySection,
    letter_pdf,
    letters_pdf,
    offer_pdf,
    referral_summary_pdf,
    uk_date,
)
from tests.letters import samples
from tests.letters.images import REFERENCES, difference, documents, page_image
from tests.letters.pdftext import left_edges, page_count, pdf_text

#: Share of pixels allowed to differ from the reviewed image (anti-aliasing, font hinting).
TOLERANCE = 0.001


@pytest.mark.parametrize("name", samples.NAMES)
def test_names_in_other_alphabets_print_intact(name):
    letter = replace(samples.introduction(name), body=(f"{name} is welcome.",))
    text = pdf_text(letter_pdf(letter, samples.letterhead()))
    assert name in text
    assert f"Dear {name.split()[0]}," in text


def test_only_right_to_left_paragraphs_are_shaped():
    from coordinator.letters.styles import para, sheet

    body = sheet()["body"]
    assert para("فاطمة الزهراء is here", body).style.shaping == 1
    assert para("שרה כהן is here", body).style.shaping == 1
    assert para("Zoë Łukasiewicz, first and last", body).style.shaping == 0


@pytest.mark.parametrize("script", samples.OTHER_SCRIPTS)
def test_every_letter_of_a_name_has_a_glyph_in_the_font_it_is_set_in(script):
    """No name prints as boxes: each run of a script DejaVu Sans lacks is set in a font
    that has all its letters, and every other letter is in DejaVu Sans."""
    import re

    from reportlab.pdfbase import pdfmetrics

    from coordinator.letters.styles import in_script_fonts, sheet

    sheet()  # registers the fonts
    marked = in_script_fonts(samples.OTHER_SCRIPTS[script])
    runs = re.findall(r'<font face="([^"]+)">([^<]*)</font>', marked)
    rest = re.sub(r"<font[^>]*>[^<]*</font>", "", marked)
    for face, letters in [*runs, ("DejaVuSans", rest)]:
        glyphs = pdfmetrics.getFont(face).face.charToGlyph
        missing = [c for c in letters if c != " " and ord(c) not in glyphs]
        assert missing == [], (face, missing)


@pytest.mark.parametrize(
    ("name", "right_to_left"),
    [("שרה כהן", "שרכן"), ("فاطمة الزهراء", "فطزء")],
    ids=["Hebrew", "Arabic"],
)
def test_right_to_left_names_read_from_the_right_inside_an_english_line(name, right_to_left):
    """Her first name is set to the right of her family name, each word's letters from the
    right, and the English after them stays after them."""
    letter = replace(samples.introduction(), body=(f"Xena and {name} and Kim.",))
    pdf = letter_pdf(letter, samples.letterhead())
    edges = left_edges(pdf, right_to_left + "XK")
    ordered = [edges[c] for c in right_to_left]
    assert ordered == sorted(ordered, reverse=True), edges
    assert edges["X"] < min(ordered) and edges["K"] > max(ordered)


def test_uk_dates_read_in_words_whatever_the_locale():
    assert uk_date(date(2026, 12, 2)) == "2 December 2026"
    assert uk_date(date(2027, 1, 31)) == "31 January 2027"


def test_summary_prints_exactly_the_sections_it_is_given():
    text = pdf_text(
        referral_summary_pdf(samples.summary(("pregnancy", "needs")), samples.letterhead())
    )
    assert "Pregnancy and baby" in text and "Social isolation" in text
    assert "Identity and contact" not in text and "07700 900123" not in text
    assert "Support so far" not in text


def test_long_documents_count_their_pages_and_short_ones_do_not():
    many = SummarySection("Needs", items=tuple(f"Need number {n}" for n in range(90)))
    long = replace(samples.summary(("identity",)), sections=(many,))
    pdf = referral_summary_pdf(long, samples.letterhead())
    pages = page_count(pdf)
    assert pages >= 3
    text = pdf_text(pdf)
    assert f"Page 1 of {pages}" in text and f"Page {pages} of {pages}" in text
    assert "Our ref M0042" in text  # the running head of later pages
    short = pdf_text(letter_pdf(samples.introduction(), samples.letterhead()))
    assert "Page 1" not in short


def test_a_batch_counts_pages_per_letter_and_starts_each_on_its_own_page():
    letters = [samples.introduction(name) for name in samples.NAMES]
    pdf = letters_pdf(letters, samples.letterhead())
    assert page_count(pdf) == 4
    assert "Page 1 of" not in pdf_text(pdf)


def test_user_text_is_printed_as_written_not_read_as_markup():
    letter = replace(samples.introduction(), body=("Fish & chips <b>not bold</b> at 5 < 6",))
    assert "Fish & chips <b>not bold</b> at 5 < 6" in pdf_text(
        letter_pdf(letter, samples.letterhead())
    )


def test_offer_sheet_says_what_we_do_not_do_and_where_to_go_in_a_crisis():
    text = pdf_text(offer_pdf(samples.offer(), samples.letterhead()))
    for words in ("What we do", "What we don't do", "In a crisis", "116 123", "Who can refer"):
        assert words in text


def test_letterhead_prints_without_a_logo_or_with_missing_fields():
    bare = replace(samples.letterhead(False), phone="", website="", charity_number="")
    text = pdf_text(letter_pdf(samples.introduction(), bare))
    assert "Bridgeway Family Friends" in text and "charity number" not in text


def test_summary_field_values_keep_their_lines():
    section = SummarySection("Referral", (Field("Reasons", "Low mood\nMoved recently"),))
    summary = replace(samples.summary(("identity",)), sections=(section,))
    text = pdf_text(referral_summary_pdf(summary, samples.letterhead()))
    assert "Low mood" in text and "Moved recently" in text


@pytest.mark.parametrize("name", sorted(documents()))
def test_first_page_matches_its_reviewed_image(name):
    image = page_image(documents()[name])
    reference = Image.open(REFERENCES / f"{name}.png").convert("L")
    assert difference(image, reference) <= TOLERANCE, (
        f"{name} looks different from tests/fixtures/letters/{name}.png; if the change is "
        "meant, run python -m tests.letters.images and review the new images"
    )


def test_the_image_check_notices_a_body_moved_by_one_line():
    moved = replace(samples.introduction(), subject="")
    image = page_image(letter_pdf(moved, samples.letterhead()))
    reference = Image.open(REFERENCES / "introduction.png").convert("L")
    assert difference(image, reference) > TOLERANCE
