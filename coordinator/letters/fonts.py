"""The Unicode font family every document is set in: DejaVu Sans, shipped in resources/fonts.

ReportLab's built-in Helvetica has no Ł, ş or Cyrillic, so names like Zoë Łukasiewicz or
Ольга Ковальчук need an embedded TrueType font. DejaVu Sans covers Latin (with Polish,
Turkish, Romanian, Vietnamese and Irish letters), Greek, Cyrillic, Hebrew and Arabic, and
the symbols the forms use. ReportLab embeds only the glyphs a document uses, so a letter
stays small. Hebrew and Arabic-script text is shaped and its words set from the right
(styles.para; a right-to-left run that wraps onto a second line is not re-ordered across
the break). DejaVu Sans has no Indic or Ethiopic letters and not all of Urdu's: words in
Bengali, Devanagari, Gurmukhi, Gujarati, Tamil, Ethiopic (Tigrinya, Amharic) or Arabic
script (Arabic, Urdu, Persian, Pashto) are set in that script's Noto Sans (regular only: bold text in them prints regular), shipped beside it with its licence
(SIL OFL 1.1), and shaped so that vowel signs sit where they belong.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

FOLDER = "resources/fonts"
REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
BOLD_ITALIC = "DejaVuSans-BoldOblique"
FAMILY = REGULAR
#: The Noto Sans font for each script DejaVu Sans lacks, and the letters it sets.
SCRIPT_FONTS = {
    "NotoSansBengali-Regular": "\u0980-\u09ff",
    "NotoSansDevanagari-Regular": "\u0900-\u097f\ua8e0-\ua8ff",
    "NotoSansGurmukhi-Regular": "\u0a00-\u0a7f",
    "NotoSansGujarati-Regular": "\u0a80-\u0aff",
    "NotoSansTamil-Regular": "\u0b80-\u0bff",
    "NotoSansEthiopic-Regular": "\u1200-\u139f\u2d80-\u2ddf\uab00-\uab2f",
    # DejaVu Sans has Arabic but not all of Urdu's letters (ہ, ھ, ے).
    "NotoSansArabic-Regular": "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff",
}


def fonts_dir() -> Path:
    """resources/fonts in the source tree, or in a frozen (PyInstaller) bundle."""
    candidates = [Path(__file__).resolve().parents[2] / FOLDER]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.insert(0, Path(bundle) / FOLDER)
    for folder in candidates:
        if (folder / f"{REGULAR}.ttf").exists():
            return folder
    raise FileNotFoundError(f"The letter fonts are missing (looked in {candidates[-1]}).")


@cache
def register() -> str:
    """Register the family with ReportLab once per process; the family's name."""
    folder = fonts_dir()
    for name in (REGULAR, BOLD, ITALIC, BOLD_ITALIC):
        pdfmetrics.registerFont(TTFont(name, str(folder / f"{name}.ttf")))
    addMapping(FAMILY, 0, 0, REGULAR)
    addMapping(FAMILY, 1, 0, BOLD)
    addMapping(FAMILY, 0, 1, ITALIC)
    addMapping(FAMILY, 1, 1, BOLD_ITALIC)
    for name in SCRIPT_FONTS:
        pdfmetrics.registerFont(TTFont(name, str(folder / f"{name}.ttf")))
        for bold in (0, 1):
            for italic in (0, 1):
                addMapping(name, bold, italic, name)
    _no_discretionary_ligatures()
    return FAMILY


def _no_discretionary_ligatures() -> None:
    """ReportLab shapes text with discretionary ligatures on ("dlig"), which DejaVu Sans
    turns into an "st" ligature in English words; typesetting leaves them off unless asked.
    Its default features are a dict in shapeFragWord's defaults: switch that one off."""
    defaults = getattr(ttfonts.shapeFragWord, "__defaults__", None) or ()
    for value in defaults:
        if isinstance(value, dict) and "dlig" in value:
            value["dlig"] = False
