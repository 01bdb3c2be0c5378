"""Reading a made PDF back: its text (pypdf) and a page as an image (pypdfium2)."""

from __future__ import annotations

import io

import pypdf
import pypdfium2


def pdf_text(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def page_count(pdf: bytes) -> int:
    return len(pypdf.PdfReader(io.BytesIO(pdf)).pages)


def left_edges(pdf: bytes, chars: str, page: int = 0) -> dict[str, float]:
    """Where each of these characters is first set on the page, from the left (points):
    the order a reader sees them in, whatever order the text was typed in."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        text = document[page].get_textpage()
        found: dict[str, float] = {}
        for index in range(text.count_chars()):
            char = text.get_text_range(index, 1)
            if char in chars and char not in found:
                found[char] = text.get_charbox(index)[0]
        return found
    finally:
        document.close()
