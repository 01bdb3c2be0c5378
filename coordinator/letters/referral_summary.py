"""The referral summary sent to a referrer or an onward service: only the sections the
coordinator ticked arrive here, and only those are printed."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Table, TableStyle

from coordinator.letters.correspondence import body_blocks, signature
from coordinator.letters.page import LETTER, MARGIN, PAGE_WIDTH, Part, letter_opening, render
from coordinator.letters.styles import RULE, TINT, para, sheet, text
from coordinator.services.letters.documents import Letterhead, ReferralSummary, SummarySection

LABEL_WIDTH = 52 * mm


def _section(section: SummarySection) -> list[Flowable]:
    styles = sheet()
    heading = para(text(section.title), styles["heading"])
    parts: list[Flowable] = []
    if section.fields:
        rows = [
            [para(text(f.label), styles["label"]), para(text(f.value), styles["cell"])]
            for f in section.fields
        ]
        table = Table(
            rows, colWidths=[LABEL_WIDTH, PAGE_WIDTH - 2 * MARGIN - LABEL_WIDTH], spaceAfter=6
        )
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                    ("BACKGROUND", (0, 0), (0, -1), TINT),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                    ("LEFTPADDING", (0, 0), (-1, -1), 5),
                ]
            )
        )
        parts.append(table)
    if section.items:
        parts += body_blocks([section.items])
    if not section.fields and not section.items and section.empty_note:
        parts.append(para(text(section.empty_note), styles["body"]))
    # The heading never sits alone at the foot of a page.
    return [KeepTogether([heading, *parts[:1]]), *parts[1:]]


def referral_summary_pdf(summary: ReferralSummary, letterhead: Letterhead) -> bytes:
    styles = sheet()
    flowables = letter_opening(summary.recipient, summary.our_ref, summary.dated)
    flowables.append(para(f"Referral summary: {text(summary.about)}", styles["subject"]))
    if summary.basis:
        flowables.append(para(text(summary.basis), styles["small"]))
    flowables += body_blocks(summary.intro.split("\n\n"))
    for section in summary.sections:
        flowables += _section(section)
    flowables.append(signature(letterhead, "With best wishes,"))
    head = f"Referral summary · Our ref {summary.our_ref}"
    part = Part(LETTER, flowables, running_head=head)
    return render([part], letterhead, title="Referral summary")
