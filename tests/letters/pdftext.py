"""Reading a made PDF back: its text (pypdf) and a page as an image (pypdfium2)."""

from __future__ import annotations

import io

import pypdf


def pdf_text(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def page_count(pdf: bytes) -> int:
    return len(pypdf.PdfReader(io.BytesIO(pdf)).pages)
