"""Letters to one person: referral acknowledgement, introduction and ending letters.

The wording arrives already filled in (services.letters.wording); this module lays it out
on the letterhead with the signature below.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, ListFlowable, ListItem, Spacer

from coordinator.letters.page import LETTER, Part, letter_opening, render
from coordinator.letters.styles import para, sheet, text
from coordinator.services.letters.documents import Block, Letter, Letterhead


def body_blocks(blocks: Sequence[Block], *, tight: bool = False) -> list[Flowable]:
    """Paragraphs, and lists printed as bullets (closer together when `tight`)."""
    styles = sheet()
    bullet = styles["bullet_tight" if tight else "bullet"]
    flowables: list[Flowable] = []
    for block in blocks:
        if isinstance(block, str):
            if block.strip():
                flowables.append(para(text(block), styles["body"]))
            continue
        items = [
            ListItem(para(text(item), bullet), leftIndent=14, value="•")
            for item in block
            if item.strip()
        ]
        if items:
            flowables.append(
                ListFlowable(
                    items,
                    bulletType="bullet",
                    start="•",
                    leftIndent=14,
                    spaceAfter=4 if tight else 8,
                )
            )
    return flowables


def signature(letterhead: Letterhead, closing: str) -> Flowable:
    styles = sheet()
    lines: list[Flowable] = [
        Spacer(1, 2 * mm),
        para(text(closing), styles["body"]),
        Spacer(1, 11 * mm),
    ]
    if letterhead.signatory_name:
        lines.append(para(f"<b>{text(letterhead.signatory_name)}</b>", styles["signature"]))
    for line in (letterhead.signatory_role, letterhead.charity_name):
        if line:
            lines.append(para(text(line), styles["signature"]))
    return KeepTogether(lines)


def letter_part(letter: Letter, letterhead: Letterhead) -> Part:
    styles = sheet()
    flowables = letter_opening(letter.recipient, letter.our_ref, letter.dated)
    if letter.subject:
        flowables.append(para(text(letter.subject), styles["subject"]))
    flowables.append(para(text(letter.salutation), styles["body"]))
    flowables += body_blocks(letter.body)
    flowables.append(signature(letterhead, letter.closing))
    head = f"Our ref {letter.our_ref}" if letter.our_ref else ""
    return Part(LETTER, flowables, running_head=head)


def letters_pdf(letters: Sequence[Letter], letterhead: Letterhead) -> bytes:
    """One PDF holding each letter from a fresh page (one print job for a batch)."""
    return render(
        [letter_part(letter, letterhead) for letter in letters], letterhead, title="Letter"
    )


def letter_pdf(letter: Letter, letterhead: Letterhead) -> bytes:
    return letters_pdf([letter], letterhead)
