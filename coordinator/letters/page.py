"""The page every document is printed on: UK A4, the charity's letterhead, the address placed
for a DL window envelope, a footer, and "Page 2 of 3" on documents longer than a page.

Several documents can share one PDF (a batch of letters for one print job); each starts on
a fresh page with its own letterhead and counts its own pages.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas as pdfcanvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    FrameBreak,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
)

from coordinator.letters import fonts
from coordinator.letters.styles import ACCENT, MUTED, RULE, para, sheet, text
from coordinator.services.letters.documents import Letterhead, uk_date

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 20 * mm
BOTTOM = 22 * mm
# A standard DL window envelope (110 × 220 mm, window 90 × 35 mm, 20 mm from the left): an
# A4 folded in three shows the block 20 mm from the left edge and 50 to 85 mm from the top.
ADDRESS_LEFT, ADDRESS_TOP, ADDRESS_WIDTH, ADDRESS_HEIGHT = 20 * mm, 50 * mm, 90 * mm, 35 * mm
ADDRESS_LINES = 7
BODY_TOP_LETTER = 93 * mm
BODY_TOP_SHEET = 46 * mm
BODY_TOP_LATER = 22 * mm
FOLD_MARKS = (99 * mm, 198 * mm)
LOGO_BOX = (46 * mm, 22 * mm)

LETTER, SHEET, LATER = "letter", "sheet", "later"


@dataclass(frozen=True)
class Part:
    """One document in a PDF: how its first page is laid out and what it holds."""

    kind: str  # LETTER (address block and reference) or SHEET (a full-width page)
    flowables: list[Flowable]
    #: Shown small at the top of its later pages ("Our ref M0042").
    running_head: str = ""


class DocumentStart(Flowable):
    """Takes no room; tells the page counter a new document begins on this page."""

    def __init__(self, key: int, running_head: str) -> None:
        super().__init__()
        self.key = key
        self.running_head = running_head
        self.width = self.height = 0

    def draw(self) -> None:
        self.canv.document_key = self.key
        self.canv.running_head = self.running_head


class _CountingCanvas(pdfcanvas.Canvas):
    """Holds pages back until the end so that each can say "Page 2 of 3" of its document."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.document_key = 0
        self.running_head = ""
        self._held: list[dict] = []

    def showPage(self) -> None:  # noqa: N802 (ReportLab's name)
        self._held.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        totals = Counter(state["document_key"] for state in self._held)
        seen: Counter[int] = Counter()
        for state in self._held:
            self.__dict__.update(state)
            seen[self.document_key] += 1
            if totals[self.document_key] > 1:
                self._number(seen[self.document_key], totals[self.document_key])
            super().showPage()
        super().save()

    def _number(self, page: int, total: int) -> None:
        self.setFont(fonts.REGULAR, 8)
        self.setFillColor(MUTED)
        self.drawRightString(PAGE_WIDTH - MARGIN, 8.5 * mm, f"Page {page} of {total}")
        if page > 1 and self.running_head:
            self.drawRightString(PAGE_WIDTH - MARGIN, PAGE_HEIGHT - 13 * mm, self.running_head)


class _Printer:
    """Draws what every page carries: letterhead on first pages, footer on all."""

    def __init__(self, letterhead: Letterhead) -> None:
        self.letterhead = letterhead
        self.logo = ImageReader(io.BytesIO(letterhead.logo_png)) if letterhead.logo_png else None

    def first_page(self, canvas: pdfcanvas.Canvas, _doc: BaseDocTemplate) -> None:
        self._letterhead(canvas)
        self._footer(canvas)

    def letter_page(self, canvas: pdfcanvas.Canvas, doc: BaseDocTemplate) -> None:
        self.first_page(canvas, doc)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        for from_top in FOLD_MARKS:
            y = PAGE_HEIGHT - from_top
            canvas.line(0, y, 5 * mm, y)

    def later_page(self, canvas: pdfcanvas.Canvas, _doc: BaseDocTemplate) -> None:
        head = self.letterhead
        if head.charity_name:
            canvas.setFont(fonts.BOLD, 8.5)
            canvas.setFillColor(ACCENT)
            canvas.drawString(MARGIN, PAGE_HEIGHT - 13 * mm, head.charity_name)
        self._footer(canvas)

    def _letterhead(self, canvas: pdfcanvas.Canvas) -> None:
        head = self.letterhead
        top = PAGE_HEIGHT - 14 * mm
        if self.logo is not None:
            box_w, box_h = LOGO_BOX
            width, height = self.logo.getSize()
            scale = min(box_w / width, box_h / height)
            canvas.drawImage(
                self.logo,
                MARGIN,
                top - height * scale,
                width * scale,
                height * scale,
                mask="auto",
            )
        right = PAGE_WIDTH - MARGIN
        y = top - 5 * mm
        if head.charity_name:
            canvas.setFont(fonts.BOLD, 15)
            canvas.setFillColor(ACCENT)
            canvas.drawRightString(right, y, head.charity_name)
            y -= 5.5 * mm
        canvas.setFont(fonts.REGULAR, 8.5)
        canvas.setFillColor(MUTED)
        for line in (", ".join(head.address), head.contact_line()):
            if line:
                canvas.drawRightString(right, y, line)
                y -= 4 * mm
        canvas.setStrokeColor(ACCENT)
        canvas.setLineWidth(1.2)
        rule_y = PAGE_HEIGHT - 40 * mm
        canvas.line(MARGIN, rule_y, PAGE_WIDTH - MARGIN, rule_y)

    def _footer(self, canvas: pdfcanvas.Canvas) -> None:
        head = self.letterhead
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, 17 * mm, PAGE_WIDTH - MARGIN, 17 * mm)
        canvas.setFont(fonts.REGULAR, 8)
        canvas.setFillColor(MUTED)
        if head.footer:
            canvas.drawString(MARGIN, 12.5 * mm, head.footer)
        if head.charity_number:
            canvas.drawString(MARGIN, 8.5 * mm, f"Registered charity number {head.charity_number}")


def _frame(name: str, x: float, top: float, width: float, bottom: float) -> Frame:
    """A frame given by its distance from the top of the page to its top and bottom."""
    return Frame(
        x,
        bottom,
        width,
        PAGE_HEIGHT - top - bottom,
        id=name,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )


def _templates(printer: _Printer, first: str) -> list[PageTemplate]:
    body_width = PAGE_WIDTH - 2 * MARGIN
    address_bottom = PAGE_HEIGHT - ADDRESS_TOP - ADDRESS_HEIGHT
    ref_x = ADDRESS_LEFT + ADDRESS_WIDTH + 10 * mm
    letter = PageTemplate(
        id=LETTER,
        frames=[
            _frame("address", ADDRESS_LEFT, ADDRESS_TOP, ADDRESS_WIDTH, address_bottom),
            _frame("ref", ref_x, ADDRESS_TOP, PAGE_WIDTH - MARGIN - ref_x, address_bottom),
            _frame("body", MARGIN, BODY_TOP_LETTER, body_width, BOTTOM),
        ],
        onPage=printer.letter_page,
        autoNextPageTemplate=LATER,
    )
    full = PageTemplate(
        id=SHEET,
        frames=[_frame("body", MARGIN, BODY_TOP_SHEET, body_width, BOTTOM)],
        onPage=printer.first_page,
        autoNextPageTemplate=LATER,
    )
    later = PageTemplate(
        id=LATER,
        frames=[_frame("body", MARGIN, BODY_TOP_LATER, body_width, BOTTOM)],
        onPage=printer.later_page,
    )
    ordered = [letter, full] if first == LETTER else [full, letter]
    return [*ordered, later]


def letter_opening(recipient: Sequence[str], our_ref: str, dated) -> list[Flowable]:
    """The address block (empty when the letter is handed over) and the reference and
    date beside it: the first two frames of a LETTER page."""
    styles = sheet()
    lines = [line for line in recipient if line][:ADDRESS_LINES]
    flowables: list[Flowable] = [para(text(line), styles["address"]) for line in lines]
    flowables.append(FrameBreak())
    if our_ref:
        flowables.append(para(f"Our ref: <b>{text(our_ref)}</b>", styles["ref"]))
    flowables.append(para(text(uk_date(dated)), styles["ref"]))
    flowables.append(FrameBreak())
    return flowables


def render(parts: Sequence[Part], letterhead: Letterhead, *, title: str) -> bytes:
    """The PDF of these documents, one after another, each from a fresh page."""
    if not parts:
        raise ValueError("nothing to print")
    fonts.register()
    buffer = io.BytesIO()
    printer = _Printer(letterhead)
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        title=title,
        author=letterhead.charity_name,
        creator="Coordinator",
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=BODY_TOP_LATER,
        bottomMargin=BOTTOM,
        invariant=1,
    )
    doc.addPageTemplates(_templates(printer, parts[0].kind))
    story: list[Flowable] = []
    for key, part in enumerate(parts):
        if key:
            story += [NextPageTemplate(part.kind), PageBreak()]
        story.append(DocumentStart(key, part.running_head))
        story += part.flowables
    doc.build(story, canvasmaker=_CountingCanvas)
    return buffer.getvalue()
