"""A project's "What we offer" sheet for referrers and women: what we do, what we don't
(with where to go in a crisis), who can refer and how, how often and for how long, and the
model of support in plain words. It names no one, so it can be printed for leaflet racks."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, Table, TableStyle

from coordinator.letters.correspondence import body_blocks
from coordinator.letters.page import MARGIN, PAGE_WIDTH, SHEET, Part, render
from coordinator.letters.styles import ACCENT, TINT, para, sheet, text
from coordinator.services.letters.documents import Letterhead, OfferSheet


def _topic(title: str, lines: tuple[str, ...]) -> list[Flowable]:
    styles = sheet()
    if not lines:
        return []
    blocks = body_blocks([lines] if len(lines) > 1 else list(lines), tight=True)
    return [KeepTogether([para(text(title), styles["heading"]), *blocks])]


def _crisis_box(lines: tuple[str, ...]) -> Flowable:
    styles = sheet()
    cell = [para("<b>In a crisis</b>", styles["heading"]), *body_blocks([lines], tight=True)]
    box = Table([[cell]], colWidths=[PAGE_WIDTH - 2 * MARGIN])
    box.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), TINT),
                ("LINEBEFORE", (0, 0), (0, -1), 3, ACCENT),
                ("LEFTPADDING", (0, 0), (-1, -1), 10),
                ("RIGHTPADDING", (0, 0), (-1, -1), 10),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return box


def offer_part(offer: OfferSheet) -> Part:
    styles = sheet()
    flowables: list[Flowable] = [
        para(f"What we offer: {text(offer.project_name)}", styles["title"]),
        para(text(f"{offer.model_name}. {offer.model_words}"), styles["lead"]),
    ]
    if offer.area:
        flowables.append(para(f"<b>Area covered:</b> {text(offer.area)}", styles["body"]))
    flowables += _topic("What we do", offer.we_do)
    flowables += _topic("What we don't do", offer.we_dont)
    if offer.crisis:
        flowables.append(_crisis_box(offer.crisis))
    flowables += _topic("Who can refer, and how", offer.who_can_refer)
    flowables += _topic("How often, and for how long", offer.how_often)
    flowables += _topic("Get in touch", ("  ·  ".join(offer.contact),) if offer.contact else ())
    return Part(SHEET, flowables, running_head=f"What we offer: {offer.project_name}")


def offer_pdf(offer: OfferSheet, letterhead: Letterhead) -> bytes:
    return render([offer_part(offer)], letterhead, title=f"What we offer: {offer.project_name}")
