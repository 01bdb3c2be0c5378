"""Type and colour shared by every document."""

from __future__ import annotations

import re
from functools import cache
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from coordinator.letters import fonts

INK = colors.HexColor("#1f2328")
MUTED = colors.HexColor("#5b6470")
ACCENT = colors.HexColor("#2f6f73")
RULE = colors.HexColor("#c9d3d6")
TINT = colors.HexColor("#eef4f4")


def text(value: str) -> str:
    """User text made safe for a Paragraph (which reads a little markup)."""
    return escape(value).replace("\n", "<br/>")


@cache
def sheet() -> dict[str, ParagraphStyle]:
    family = fonts.register()
    body = ParagraphStyle(
        "body", fontName=family, fontSize=10.5, leading=15, textColor=INK, spaceAfter=8
    )
    return {
        "body": body,
        "address": ParagraphStyle("address", parent=body, leading=13.5, spaceAfter=0),
        "ref": ParagraphStyle(
            "ref", parent=body, fontSize=9.5, leading=13, alignment=TA_RIGHT, spaceAfter=0
        ),
        "subject": ParagraphStyle(
            "subject", parent=body, fontName=fonts.BOLD, fontSize=11.5, spaceAfter=10
        ),
        "title": ParagraphStyle(
            "title",
            parent=body,
            fontName=fonts.BOLD,
            fontSize=19,
            leading=24,
            textColor=ACCENT,
            spaceAfter=4,
        ),
        "lead": ParagraphStyle("lead", parent=body, fontSize=11.5, leading=16, textColor=MUTED),
        "heading": ParagraphStyle(
            "heading",
            parent=body,
            fontName=fonts.BOLD,
            fontSize=12,
            leading=16,
            textColor=ACCENT,
            spaceBefore=8,
            spaceAfter=4,
        ),
        "label": ParagraphStyle(
            "label", parent=body, fontSize=9.5, leading=13, textColor=MUTED, spaceAfter=0
        ),
        "cell": ParagraphStyle("cell", parent=body, fontSize=10, leading=13.5, spaceAfter=0),
        "bullet": ParagraphStyle(
            "bullet", parent=body, leftIndent=14, bulletIndent=3, spaceAfter=3
        ),
        # lists on the one-page offer sheet
        "bullet_tight": ParagraphStyle(
            "bullet_tight", parent=body, leading=13.5, leftIndent=14, bulletIndent=3, spaceAfter=1
        ),
        "small": ParagraphStyle(
            "small", parent=body, fontSize=8.5, leading=11.5, textColor=MUTED, spaceAfter=6
        ),
        "signature": ParagraphStyle("signature", parent=body, spaceAfter=0),
    }


# Arabic-script letters (Arabic, Urdu, Persian, Pashto) join to their neighbours, and Hebrew
# and Arabic words read right to left: both need text shaping (uharfbuzz), which joins the
# letters and sets each word's letters from the right. Only paragraphs holding them are
# shaped, which keeps English text as it was set.
_RIGHT_TO_LEFT = re.compile(
    "[\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]"
)


@cache
def _shaped(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}-shaped", parent=style, shaping=1)


def in_reading_order(markup: str) -> str:
    """ReportLab sets a line's words from the left in the order they were typed (it has no
    bidirectional algorithm without a package PyPI does not have). Shaping turns each
    right-to-left word's letters the right way; this turns the words: each run of words in
    a right-to-left script is reversed, so "שרה כהן" reads from the right within an English
    sentence. A run that wraps onto a second line is not re-ordered across the break."""
    words = markup.split(" ")
    ordered: list[str] = []
    run: list[str] = []
    for word in words:
        if _RIGHT_TO_LEFT.search(word) and "<" not in word:
            run.append(word)
            continue
        ordered.extend(reversed(run))
        run = []
        ordered.append(word)
    ordered.extend(reversed(run))
    return " ".join(ordered)


# A run of one script's words, with the spaces and punctuation inside it (and the Indic
# danda): set in one font, since a word that changes font part way is broken apart by the
# shaper.
_SCRIPT_RUNS = [
    (name, re.compile(f"[{letters}\u0964\u0965\u200c\u200d]+(?:[ ,.()'-]+[{letters}]+)*"))
    for name, letters in fonts.SCRIPT_FONTS.items()
]
_OTHER_SCRIPTS = re.compile("|".join(run.pattern for _, run in _SCRIPT_RUNS))


def in_script_fonts(markup: str) -> str:
    """Each run of words in a script DejaVu Sans lacks, set in that script's font."""
    for name, run in _SCRIPT_RUNS:
        markup = run.sub(lambda found, name=name: f'<font face="{name}">{found[0]}</font>', markup)
    return markup


def para(markup: str, style: ParagraphStyle) -> Paragraph:
    """A Paragraph of this markup; shaped, with right-to-left words in reading order, when
    it holds a right-to-left script; shaped, in that script's font, when it holds one that
    DejaVu Sans lacks."""
    shaped = False
    if _RIGHT_TO_LEFT.search(markup):  # before the font tags, which it must not split
        markup, shaped = in_reading_order(markup), True
    if _OTHER_SCRIPTS.search(markup):
        markup, shaped = in_script_fonts(markup), True
    return Paragraph(markup, _shaped(style) if shaped else style)
