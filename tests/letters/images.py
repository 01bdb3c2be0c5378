"""Pages as small greyscale images, and how far one is from its reviewed reference.

The references in tests/fixtures/letters were looked at and approved; after a deliberate
change of layout, run `python -m tests.letters.images` to make them again and look at them
before committing."""

from __future__ import annotations

from pathlib import Path

import pypdfium2
from PIL import Image, ImageChops

from coordinator.letters import letter_pdf, offer_pdf, referral_summary_pdf
from tests.letters import samples

REFERENCES = Path(__file__).resolve().parents[1] / "fixtures" / "letters"
DPI = 40


def page_image(pdf: bytes, page: int = 0) -> Image.Image:
    document = pypdfium2.PdfDocument(pdf)
    try:
        return document[page].render(scale=DPI / 72, grayscale=True).to_pil().convert("L")
    finally:
        document.close()


def difference(image: Image.Image, reference: Image.Image) -> float:
    """The share of pixels (0..1) that differ by more than a little grey."""
    if image.size != reference.size:
        return 1.0
    diff = ImageChops.difference(image, reference).point(lambda v: 255 if v > 48 else 0)
    histogram = diff.histogram()
    return histogram[255] / (image.width * image.height)


def documents() -> dict[str, bytes]:
    """Each document type, filled with the sample people."""
    from coordinator.services.letters import LetterKind

    head = samples.letterhead()
    home = ("Zoë Łukasiewicz", "14 Aylestone Road", "Leicester", "LE2 7QJ")
    referrer = ("Ольга Ковальчук", "Health Visiting Team")
    return {
        "introduction": letter_pdf(samples.introduction(), head),
        "acknowledgement": letter_pdf(samples.worded(LetterKind.ACKNOWLEDGEMENT, referrer), head),
        "ending-planned": letter_pdf(samples.worded(LetterKind.ENDING_PLANNED, home), head),
        "ending-unplanned": letter_pdf(samples.worded(LetterKind.ENDING_UNPLANNED, ()), head),
        "introduction-no-address": letter_pdf(samples.introduction(address=False), head),
        "referral-summary": referral_summary_pdf(samples.summary(), head),
        "offer": offer_pdf(samples.offer(), head),
        "scripts": letter_pdf(samples.scripts(), head),
    }


def main() -> None:
    REFERENCES.mkdir(parents=True, exist_ok=True)
    for name, pdf in documents().items():
        page_image(pdf).save(REFERENCES / f"{name}.png", optimize=True)
        print(REFERENCES / f"{name}.png")


if __name__ == "__main__":
    main()
